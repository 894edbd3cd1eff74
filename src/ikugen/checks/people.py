"""Positions: their tupoksi, their names as other texts write them, their titles used as ids."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Iterator, Optional

from ikugen.checks.common import FUNCTION_WORDS, close_enough, fold, prose
from ikugen.checks.registry import Context, Finding, check
from ikugen.checks.walk import once_per_spec
from ikugen.spec.model import Spek
from ikugen.spec.yaml_reader import Path_

# How offices shorten titles; folded to the words the positions' names use.
_TITLE_FORMS = (
    (r"\bkepala\s+", ""),
    (r"\bka\s*sub\s*-?\s*bag(?:ian)?\b|\bkasubb?ag\b", "subbagian"),
    (r"\bsub\s*-?\s*bag(?:ian)?\b", "subbagian"),
    (r"\bka\s*si\b", "seksi"),
    (r"\bsekcam\b|\bsekretaris kecamatan\b", "sekretaris camat"),
)
_REF_FIELDS = (("organisasi", "atasan"), ("sasaran", "pemilik"), ("indikator", "penanggung_jawab"))
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")


def _title(text: str) -> str:
    text = fold(text).replace("_", " ")
    for pattern, replacement in _TITLE_FORMS:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


Position = tuple[str, str, Optional[str]]  # id, name, short title


def nearest_position(value: str, positions: list[Position]) -> Optional[tuple[str, str]]:
    """The (id, name) of the position whose name or short title is closest to `value`, if close."""
    wanted = _title(value)
    scored = [(SequenceMatcher(None, wanted, _title(name)).ratio(), ident, nama)
              for ident, nama, short in positions for name in (nama, short) if name]
    if not wanted or not scored:
        return None
    score, ident, nama = max(scored)
    return (ident, nama) if score >= 0.6 else None


def titles_for_ids(data: Any) -> Iterator[Finding]:
    """In data the model refused: a reference to a position written as its title, not as an id.

    A title with spaces ("Kasi Trantib") is no valid id, so the schema refuses it before IKU102
    could suggest the id; this finds the position it names.
    """
    if not isinstance(data, dict):
        return
    positions = [(j.get("id"), j.get("nama"), j.get("singkatan")) for j in _items(data, "organisasi")]
    positions = [p for p in positions if all(isinstance(x, str) or x is None for x in p) and p[0] and p[1]]
    refs: list[tuple[Path_, Any]] = [((name, i, key), item.get(key)) for name, key in _REF_FIELDS
                                     for i, item in enumerate(_items(data, name))]
    refs += [((name, i, "indikator", k, "penanggung_jawab"), ind.get("penanggung_jawab"))
             for name in ("tujuan", "program")
             for i, t in enumerate(_items(data, name)) for k, ind in enumerate(_items(t, "indikator"))]
    for path, value in refs:
        values = [(path, value)] if isinstance(value, str) else []
        if path[-1] == "penanggung_jawab" and isinstance(value, list):  # a list of ids, one by one
            values = [(path + (k,), v) for k, v in enumerate(value) if isinstance(v, str)]
        for where, text in values:
            if not _ID.match(text):
                finding = _title_finding(where, text, positions,  # type: ignore[arg-type]
                                         several=where[-1] == "penanggung_jawab")
                if finding:
                    yield finding


# "Camat / Kasi Pelayanan", "1. Kasi PMP 2. Kasi Kesos", "Kasi PMD, Kasi Kesos dan Kasi Trantib"
_SEVERAL = re.compile(r"\s*(?:/|,|;|&|\bdan\b|\b\d+[.)])\s*", re.IGNORECASE)


def _title_finding(path: Path_, value: str, positions: list[Position], several: bool) -> Optional[Finding]:
    """A title written where an id belongs; for a penanggung jawab, possibly several titles."""
    parts = [p for p in _SEVERAL.split(value) if p.strip()] if several else [value]
    found = [nearest_position(part, positions) for part in parts]
    if len(parts) > 1 and all(found):
        ids = ", ".join(f[0] for f in found if f)
        names = ", ".join(f[1] for f in found if f)
        return Finding(path, f"'{value}' adalah nama {len(parts)} jabatan, bukan id jabatan",
                       f"tulis daftar id jabatannya: `[{ids}]` ({names})")
    whole = nearest_position(value, positions)
    if whole:
        return Finding(path, f"'{value}' adalah nama jabatan, bukan id jabatan",
                       f"tulis id jabatannya: `{whole[0]}` ({whole[1]})")
    return None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [x if isinstance(x, dict) else {} for x in value] if isinstance(value, list) else []


@check("IKU206", "peringatan", "jabatan tanpa tugas dan fungsi")
def position_without_duties(ctx: Context) -> Iterator[Finding]:
    """A position whose tugas and fungsi the document prints, with neither written."""
    for i, j in enumerate(ctx.spek.organisasi):
        where = None if j.tugas or j.fungsi else _duties_printed(ctx, j.id)
        if where:
            yield Finding(("organisasi", i), f"jabatan '{j.nama}' belum punya tugas maupun fungsi",
                          "isi 'tugas' dan/atau 'fungsi' dari peraturan bupati tentang tugas dan fungsi "
                          f"kecamatan; {where} mencetaknya")


def _duties_printed(ctx: Context, ident: str) -> Optional[str]:
    """Where the document, as it will be built, prints the position's tugas and fungsi, if at all."""
    spek, out = ctx.spek, ctx.output
    head = ident == spek.head_id()
    if out.layout == "keputusan":  # an annex for the Camat and for each position owning a sasaran
        owns = any(spek.owner(s) == ident for s in spek.sasaran)
        return "lampiran keputusan (baris TUGAS dan FUNGSI)" if head or owns else None
    if out.sections is None or "tupoksi" in out.sections:
        return "bab Tugas Pokok dan Fungsi"
    if head and "formulir_iku" in out.sections:
        return "tabel identitas formulir IKU"
    return None


# Words that open a unit's name; "Sub Bagian" and "Subbag" are folded to "subbagian".
UNIT_WORD = re.compile(r"\b(seksi|sub\s*-?\s*bag(?:ian)?)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w/-]+")


Unit = tuple[list[str], str, str]  # words after the kind word, name, id


def units_of(spek: Spek) -> dict[str, list[Unit]]:
    """Units by kind ("seksi", "subbagian"): (words after the kind word, name, id)."""
    units: dict[str, list[Unit]] = {}
    for j in spek.organisasi:
        match = UNIT_WORD.match(j.nama)
        if match:
            kind = _kind(match.group(1))
            units.setdefault(kind, []).append((fold(j.nama[match.end():]).split(), j.nama, j.id))
    return units


def _kind(word: str) -> str:
    return "seksi" if word.lower() == "seksi" else "subbagian"


@check("IKU207", "peringatan", "nama unit ditulis berbeda di tempat lain")
def unit_named_differently(ctx: Context) -> Iterator[Finding]:
    """A "Seksi ..."/"Subbagian ..." in a text that is close to a position's name but not it.

    Only near misses count (the first word alike, the rest mostly alike): a text naming another
    office's unit, or a unit by a shortened name, is not a spelling of one of ours.
    """
    if not units_of(ctx.spek):
        return
    reported: dict[Path_, set[str]] = {}
    for path, _, _, close in mentions(ctx.spek):
        if close and close[0] not in reported.setdefault(path, set()):
            shown, name, ident = close
            reported[path].add(shown)
            yield Finding(path, f"teks menyebut '{shown}', padahal nama jabatannya '{name}'",
                          f"tulis nama unit sama persis di semua tempat (jabatan '{ident}'), "
                          "atau abaikan dengan alasan bila teks itu kutipan")


Mention = tuple[Path_, str, "re.Match[str]", Optional[tuple[str, str, str]]]
CHUNKS = re.compile(r"[.;:()\n]")  # a unit's name never runs across these


@once_per_spec  # IKU207 and IKU208 read them
def mentions(spek: Spek) -> list[Mention]:
    """Every "Seksi ..."/"Subbagian ..." in the prose (not in a position's own name), with the text
    around it and the unit of ours it nearly names, if any (IKU207's near miss): (path, the text's
    part between stops, the match in that part, (as written, name, id) or None). Once per spec:
    IKU207 reports the near misses, IKU208 looks at the others."""
    units = units_of(spek)
    found: list[Mention] = []
    for path, text in prose(spek):
        if path[0] == "organisasi" and path[-1] in ("nama", "singkatan"):
            continue
        if not UNIT_WORD.search(text):  # most texts name no unit (a part's match is the text's)
            continue
        for chunk in CHUNKS.split(text):
            for match in UNIT_WORD.finditer(chunk):
                found.append((path, chunk, match, _mention(units, chunk, match)))
    return found


def _mention(units: dict[str, list[Unit]], chunk: str,
             match: re.Match[str]) -> Optional[tuple[str, str, str]]:
    """The unit a text's "Seksi ..." at `match` nearly names: (the words as written, its name, id)."""
    after = list(_WORD.finditer(chunk, match.end()))[:12]
    original = [w.group() for w in after]
    close = _near_miss([w.casefold() for w in original], units.get(_kind(match.group(1)), []))
    if not close:
        return None
    rest, name, ident = close
    # Quoted as written, commas and all, so that a search of the file finds it.
    return chunk[match.start():after[len(_as_written(original, rest)) - 1].end()], name, ident


# IKU207 and IKU208 compare the same words of every text; cleared for each spec (checks/catalogue.py),
# so that a batch holds one spec's (sharing them across a kabupaten's specs saved no time).
@lru_cache(maxsize=4096)
def similarity(a: str, b: str, floor: float) -> float:
    """difflib's ratio of two texts (0 to 1) when it is at least `floor`, else 0 (told by the
    ratio's quick upper bounds where they are below it)."""
    return close_enough(a, b, floor)


def _as_written(original: list[str], rest: list[str]) -> list[str]:
    """The words of the text that spell the unit: as many content words as its name has
    ("Umum Kepegawaian" for "Umum dan Kepegawaian", "... masyarakat dan pembangunan" for
    "... Masyarakat Desa"), so the difference shows."""
    wanted = sum(w not in FUNCTION_WORDS for w in rest)
    taken, content = [], 0
    for word in original:
        taken.append(word)
        content += word.casefold() not in FUNCTION_WORDS
        if content == wanted:
            break
    return taken


def _near_miss(said: list[str], units: list[Unit]) -> Optional[Unit]:
    if not said or any(said[:len(rest)] == rest for rest, _, _ in units):
        return None
    best = None
    for unit in units:
        rest = unit[0]
        if not rest or not similarity(said[0], rest[0], 0.8):
            continue
        score = similarity(" ".join(said[:len(rest)]), " ".join(rest), 0.6)
        if score and (best is None or score > best[0]):
            best = (score, unit)
    return best[1] if best else None
