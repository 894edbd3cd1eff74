"""Unit names misspelt into another real word: "Seksi Pelayaran" for "Seksi Pelayanan".

A misspelling that makes a real word passes a spelling check and IKU207's near miss, which asks
the first words to be alike and compares with the spec's own positions only. Here each word of a
unit's name, in `organisasi` and as texts write it, is compared by edit distance with the words
of the standard kecamatan units and of the spec's other units: one letter changed, added, dropped
or two swapped, in a word of five letters or more, is a slip.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ikugen.checks.common import FUNCTION_WORDS, prose
from ikugen.checks.people import UNIT_WORD, unit_near_miss, units_of
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.yaml_reader import Path_

# The units of a kecamatan's standard organisation (both spellings of "ketenteraman" are in use).
STANDARD_UNITS = (
    "Seksi Tata Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Ketentraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat", "Seksi Kesejahteraan Sosial",
    "Seksi Pelayanan", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan",
)
_WORD = re.compile(r"[^\W\d_]+")
_SHORTEST = 5  # shorter words differ by one letter too often by right


def _distance_one(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]


def _name_words(name: str) -> list[str]:
    """The words of a unit's name after its kind word ("Seksi", "Subbagian")."""
    kind = UNIT_WORD.match(name)
    return _WORD.findall(name[kind.end():] if kind else name)


def _vocabulary(names: list[str]) -> dict[str, tuple[str, str]]:
    """Each content word of the unit names, folded: as written, and the first name that has it."""
    words: dict[str, tuple[str, str]] = {}
    for name in names:
        for word in _name_words(name):
            if word.casefold() not in FUNCTION_WORDS:
                words.setdefault(word.casefold(), (word, name))
    return words


def _slip(word: str, vocabulary: dict[str, tuple[str, str]]) -> Optional[tuple[str, str]]:
    """The vocabulary word `word` is one slip away from, and its unit's name."""
    key = word.casefold()
    if len(key) < _SHORTEST or key in vocabulary or key in FUNCTION_WORDS:
        return None
    close = next((v for v in vocabulary if len(v) >= _SHORTEST and _distance_one(key, v)), None)
    return vocabulary[close] if close else None


def _finding(path: Path_, shown: str, word: str, close: str, unit: str) -> Finding:
    return Finding(path, f"'{shown}' memuat kata '{word}', mirip '{close}' dalam nama unit '{unit}'; "
                   "mungkin salah ketik", "betulkan ejaannya, atau abaikan dengan alasan bila kata itu "
                   "memang dimaksud")


@check("IKU208", "peringatan", "nama unit salah ketik menjadi kata lain")
def unit_word_misspelt(ctx: Context) -> Iterator[Finding]:
    units = [(i, j.nama) for i, j in enumerate(ctx.spek.organisasi) if UNIT_WORD.match(j.nama)]
    for i, name in units:  # a position's own name, against the standard and the other units
        vocabulary = _vocabulary(list(STANDARD_UNITS) + [n for k, n in units if k != i])
        for word in _name_words(name):
            found = _slip(word, vocabulary)
            if found:
                yield _finding(("organisasi", i, "nama"), name, word, *found)
                break
    vocabulary = _vocabulary(list(STANDARD_UNITS) + [n for _, n in units])
    own = units_of(ctx.spek)
    for path, text in prose(ctx.spek):
        if path[0] == "organisasi" and path[-1] in ("nama", "singkatan"):
            continue
        for chunk in re.split(r"[.;:()\n]", text):
            for match in UNIT_WORD.finditer(chunk):
                if unit_near_miss(own, chunk, match):
                    continue  # IKU207 tells this one: the spec's own unit, written differently
                after = list(_WORD.finditer(chunk, match.end()))[:4]
                for said in after:
                    found = _slip(said.group(), vocabulary)
                    if found:
                        yield _finding(path, chunk[match.start():said.end()], said.group(), *found)
                        break
