"""The legal basis: each regulation once, the same number and year wherever it is cited.

A citation is "<kind> Nomor <n> Tahun <yyyy> tentang <title>", in a landasan_hukum entry or in
any prose (a tupoksi quoting its Peraturan Bupati, a replaced chapter text). Two citations are
of the same regulation when their kinds agree and their titles match; they contradict each other
when exactly one of number and year differs (Kaloran: Perbup Nomor 60 and Nomor 10 of 2016).
When both differ, the later one is usually a successor regulation of the same title, not a typo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from ikugen.checks.common import blank, close_enough, fold, prose
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.model import Spek
from ikugen.spec.yaml_reader import Path_

_KIND = (r"(?:Undang[- ]?[Uu]ndang|UU|Peraturan|Keputusan|Instruksi|Surat\s+Edaran|Perpres|Permen\w*|"
         r"Perbup|Perwali|Perda|Pergub|Kepmen\w*|Kepbup|Keppres|Kepres|Inpres|PP)")
_HEAD = re.compile(
    rf"\b(?P<kind>{_KIND}\b(?:\s+(?!(?i:nomor|no)\b)[^\s,;]+){{0,12}}?)\s*,?\s+(?i:nomor|no)\s*\.?\s*:?\s*"
    r"(?P<nomor>[^\s,;]+?)\s+(?i:tahun)\s+(?P<tahun>\d{4})\b")
# "Nomor: PER/09/M.PAN/5/2007", "Nomor 188.45/121A/KPTS/402.031/2018": the year ends the number.
_SLASHED = re.compile(
    rf"\b(?P<kind>{_KIND}\b(?:\s+(?!(?i:nomor|no)\b)[^\s,;]+){{0,12}}?)\s*,?\s+(?i:nomor|no)\s*\.?\s*:?\s*"
    r"(?P<nomor>[\w.-]+(?:\s?/\s?[\w.-]+)*?)\s?/\s?(?P<tahun>(?:19|20)\d{2})\b(?!\s*/)")
_ROMAN_MONTHS = {r: str(n) for n, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII".split(), 1)}
_KIND_WORD = re.compile(rf"\b{_KIND}\b")
_ABBREVIATIONS = {
    "uu": "undang-undang", "undang undang": "undang-undang", "pp": "peraturan pemerintah",
    "perpres": "peraturan presiden", "perbup": "peraturan bupati", "perwali": "peraturan walikota",
    "perda": "peraturan daerah", "pergub": "peraturan gubernur",
    "permendagri": "peraturan menteri dalam negeri",
    "kepmendagri": "keputusan menteri dalam negeri", "keppres": "keputusan presiden",
    "kepres": "keputusan presiden", "inpres": "instruksi presiden", "kepbup": "keputusan bupati",
    "permenpan": "peraturan menteri pendayagunaan aparatur negara",
}
_ABBREVIATED = re.compile("^(?:" + "|".join(_ABBREVIATIONS) + r")\b")  # no long form begins with a short one
# Where a cited title ends inside running text.
_TITLE_END = re.compile(r"\(|;|\.\s|\bsebagaimana\b|,\s+(?:untuk|maka|yang|serta|adalah|dan)\b"
                        r"|\s(?:maka|adalah)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\b(?:nomor|no)\s*\.?\s*:?\s*\S.*?\b(?:19|20)\d{2}\b", re.IGNORECASE | re.DOTALL)
_CONSTITUTION = re.compile(r"undang[- ]undang dasar", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    path: Path_
    kind: tuple[str, ...]
    nomor: str  # normalised (`normal_number`): the same for every way of writing one number
    tahun: str
    title: tuple[str, ...]
    shown: str
    written: str  # the number as the text has it, spaces made single: "PER/09/M.PAN/5/2007"
    slashed: bool = False

    def number(self) -> str:
        return f"Nomor {self.written}" if self.slashed else f"Nomor {self.nomor} Tahun {self.tahun}"

    def as_written(self) -> str:
        return self.written if self.slashed else f"Nomor {self.written} Tahun {self.tahun}"


def normal_number(nomor: str) -> str:
    """A regulation's number compared as one: dots, spaces and leading zeros dropped, case
    folded, a roman month in arabic ("PER/09/M.PAN/V" and "per/9/MPAN/5" are one number)."""
    parts = []
    for part in re.split(r"\s*/\s*", nomor.strip()):
        part = re.sub(r"[.\s]", "", part).upper()
        part = _ROMAN_MONTHS.get(part, part)
        parts.append(part.lstrip("0") or "0" if part.isdigit() else part)
    return "/".join(parts)


def _kind(text: str) -> tuple[str, ...]:
    starts = list(_KIND_WORD.finditer(text))
    text = fold(text[starts[-1].start():] if starts else text)  # "... dan Peraturan Bupati X"
    text = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[m.group()], text, count=1)
    return tuple(text.split())


@lru_cache(maxsize=1024)  # IKU601 and `_all_citations` both read the landasan hukum
def citations(path: Path_, text: str) -> tuple[Citation, ...]:
    if not _KIND_WORD.search(text):  # both patterns begin with a kind of regulation: most texts have none
        return ()
    heads = sorted(list(_HEAD.finditer(text)) + [m for m in _SLASHED.finditer(text)
                   if not _HEAD.match(text, m.start())], key=lambda m: m.start())
    out = []
    for n, m in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        rest = re.match(r"\s*,?\s*(?i:tentang)\s+(.*)", text[m.end():end], re.DOTALL)
        title = rest.group(1) if rest else ""
        stop = _TITLE_END.search(title)
        title = title[:stop.start()] if stop else title
        kind = _kind(m.group("kind"))
        shown = " ".join(w.capitalize() if w.isalpha() else w for w in kind)
        about = re.findall(r"[\w/-]+", title)
        if about:
            shown += " tentang " + " ".join(about[:6]) + (" ..." if len(about) > 6 else "")
        slashed = m.re is _SLASHED
        written = " ".join(m.group("nomor").split()) + (f"/{m.group('tahun')}" if slashed else "")
        out.append(Citation(path, kind, normal_number(m.group("nomor")), m.group("tahun"),
                            tuple(fold(title).split()[:12]), shown, written, slashed))
    return tuple(out)


def _same_kind(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


@lru_cache(maxsize=4096)  # every pair of citations is compared
def same_title(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if min(len(a), len(b)) < 3:
        return a == b and bool(a)
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    return close_enough(a, b, 0.85) > 0


def _entries(spek: Spek) -> Iterator[tuple[Path_, str]]:
    for place, text in spek.profil.peraturan():
        if not blank(text):
            yield ("profil", "landasan_hukum", *place), text


@check("IKU601", "peringatan", "peraturan yang sama tercantum dua kali")
def regulation_listed_twice(ctx: Context) -> Iterator[Finding]:
    seen: list[tuple[Path_, Optional[Citation], str]] = []
    for path, text in _entries(ctx.spek):
        found = citations(path, text)
        primary = found[0] if found else None
        for path0, primary0, text0 in seen:
            if (primary and primary0 and _same_kind(primary.kind, primary0.kind)
                    and (primary.nomor, primary.tahun) == (primary0.nomor, primary0.tahun)) \
                    or fold(text) == fold(text0):
                line = ctx.smap.locate(path0)[0]
                yield Finding(path, f"peraturan ini sudah tercantum di baris {line}",
                              "hapus salah satunya; bila judulnya berbeda, periksa mana yang benar")
                break
        seen.append((path, primary, text))


_last_citations: tuple[Optional[Context], list[Citation]] = (None, [])


def _all_citations(ctx: Context) -> list[Citation]:
    """Every citation of the spec, in the landasan hukum and in prose, in the file's order."""
    global _last_citations
    last, cited = _last_citations  # read once: another thread may check another spec meanwhile
    if last is not None and last.spek is ctx.spek and last.smap is ctx.smap:  # IKU602 and IKU606
        return cited
    found = [c for path, text in _entries(ctx.spek) for c in citations(path, text)]
    found += [c for path, text in prose(ctx.spek) if path[:2] != ("profil", "landasan_hukum")
              for c in citations(path, text)]
    cited = sorted(found, key=lambda c: ctx.smap.locate(c.path))
    _last_citations = (ctx, cited)
    return cited


@check("IKU602", "peringatan", "peraturan yang sama disebut dengan nomor atau tahun berbeda")
def regulation_cited_differently(ctx: Context) -> Iterator[Finding]:
    found = _all_citations(ctx)
    for j, later in enumerate(found):
        same = [c for c in found[:j] if _same_kind(c.kind, later.kind) and same_title(c.title, later.title)]
        if any((c.nomor, c.tahun) == (later.nomor, later.tahun) for c in same):
            continue  # it agrees with an earlier citation; one that differs is told at its own place
        for earlier in same:
            if (earlier.nomor != later.nomor) != (earlier.tahun != later.tahun):
                line = ctx.smap.locate(earlier.path)[0]
                yield Finding(later.path, f"{later.shown} disebut {later.number()} di sini, tetapi "
                              f"{earlier.number()} di baris {line}",
                              "samakan nomor dan tahunnya dengan naskah peraturan; bila keduanya memang "
                              "peraturan berbeda, abaikan dengan alasan")
                break


@check("IKU603", "peringatan", "butir landasan hukum tanpa nomor dan tahun")
def regulation_without_number(ctx: Context) -> Iterator[Finding]:
    groups = ctx.spek.profil.landasan_hukum
    for path, text in _entries(ctx.spek):
        # A group of one text ("Landasan Idiil: Pancasila") names a principle, not a regulation.
        principle = len(path) > 3 and len(getattr(groups[int(path[2])], "isi", ())) == 1
        if not principle and not _NUMBERED.search(text) and not _CONSTITUTION.search(text):
            yield Finding(path, "butir landasan hukum tidak menyebut nomor dan tahun peraturan",
                          "tulis seperti \"Peraturan Bupati Temanggung Nomor 60 Tahun 2016 tentang ...\"")


@check("IKU606", "peringatan", "nomor peraturan yang sama ditulis dalam bentuk berbeda")
def regulation_number_written_differently(ctx: Context) -> Iterator[Finding]:
    """One number written two ways ("PER/09/M.PAN/5/2007", "PER/09/MPAN/V/2007"): compared
    after `normal_number`. Two entries of the list citing one regulation are IKU601's."""
    found = _all_citations(ctx)
    for j, later in enumerate(found):
        for earlier in found[:j]:
            both_listed = later.path[:2] == earlier.path[:2] == ("profil", "landasan_hukum")
            same = (earlier.nomor, earlier.tahun) == (later.nomor, later.tahun)
            if (same and _same_kind(earlier.kind, later.kind)
                    and earlier.written != later.written and not both_listed):
                line = ctx.smap.locate(earlier.path)[0]
                yield Finding(later.path, f"nomor peraturan ditulis '{later.as_written()}' di sini, "
                              f"tetapi '{earlier.as_written()}' di baris {line}",
                              "tulis nomornya sama persis dengan naskah peraturan di semua tempat")
                break
