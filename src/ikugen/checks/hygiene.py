"""Text hygiene: names with a word twice, placeholders left in.

Control characters Word cannot hold are refused earlier, by the model's text types (IKU011 at
the value's place), so no document is ever built with them.
"""

from __future__ import annotations

import re
from typing import Iterator

from ikugen.checks.common import FUNCTION_WORDS, strings
from ikugen.checks.registry import Context, Finding, check

# Names of units are lists of distinct duties: a content word twice is a slip
# ("Subbagian Keuangan, Perencanaan dan Keuangan").
_UNIT_NAMES = (("organisasi", "nama"), ("organisasi", "singkatan"))
# Other names may repeat a word ("Laporan ... dan Laporan ..."), but not twice in a row.
_NAMES = frozenset({"nama", "uraian", "singkatan"})
_WORD = re.compile(r"[^\W\d_][\w-]*")

# "[isi]", "[nama desa]", "[...]" are placeholders; a Markdown link "[teks](url)" is not.
PLACEHOLDERS = re.compile(
    r"\b(?:TODO|FIXME|TBD)\b|\b[Xx]{3,}\b|\.{3,}|…|<\s*isi\b[^>]*>|\{\s*isi\b[^}]*\}"
    r"|\[\s*(?:isi|diisi|isikan|tulis|nama|nomor|tanggal|tahun|todo|x{2,})\b[^\]\n]*\](?!\()"
    r"|\[\s*(?:\.{2,}|…)?\s*\]", re.IGNORECASE)
# What an ASCII text holds if PLACEHOLDERS can match it (folded to lower case): most texts have
# none, and these are faster to look for than the pattern. A text with other letters is searched
# (IGNORECASE folds some of them, "ı" and "K", to ASCII letters).
_PLACEHOLDER_PARTS = ("[", "<", "{", "...", "xxx", "todo", "fixme", "tbd")


def _may_hold_placeholder(text: str) -> bool:
    if not text.isascii():
        return True
    lower = text.lower()
    return any(part in lower for part in _PLACEHOLDER_PARTS)


# Left out of the placeholder search: a decree's number is often left as dots to be filled in
# by hand after signing ("Nomor: ....").
_HAND_FILLED = (("dokumen", "nomor"),)


@check("IKU801", "peringatan", "kata ganda dalam nama")
def doubled_word(ctx: Context) -> Iterator[Finding]:
    for path, text in strings(ctx.spek):
        if not path or path[-1] not in _NAMES or path[0] == "abaikan":
            continue
        found = [m.group() for m in _WORD.finditer(text)]
        unit = (path[0], path[-1]) in _UNIT_NAMES
        seen: set[str] = set()
        for before, word in zip([""] + found, found, strict=False):
            key = word.casefold()
            if key in FUNCTION_WORDS or len(key) < 3:
                continue
            if key == before.casefold() or (unit and key in seen):
                yield Finding(path, f"kata '{word}' tertulis dua kali dalam '{text}'",
                              "hapus kata yang berulang")
                break
            seen.add(key)


@check("IKU802", "peringatan", "teks pengganti yang tertinggal")
def placeholder_left(ctx: Context) -> Iterator[Finding]:
    for path, text in strings(ctx.spek):
        if path[:2] in _HAND_FILLED or path[:1] == ("abaikan",):
            continue
        match = PLACEHOLDERS.search(text) if _may_hold_placeholder(text) else None
        if match:
            yield Finding(path, f"teks memuat '{match.group()}', penanda yang belum diganti",
                          "ganti dengan isi sebenarnya sebelum dokumen ditandatangani")
