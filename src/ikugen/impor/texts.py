"""The office's own prose of the built-in sections, as `teks` entries: only where no field holds
it, and only where it is not ikugen's own default wording.

A section's prose is what follows its heading: all of it (paragraphs and lists) for a section
the spec's text replaces whole (latar belakang, maksud dan tujuan, definisi, syarat dan
kriteria, penutup, kata pengantar), the opening paragraphs up to the section's first list,
table or sub-heading for a section ikugen fills from fields (landasan hukum, tugas pokok dan
fungsi, tujuan dan sasaran, visi dan misi, penetapan, the target table). A paragraph a field
was read from (a desa list typed as a sentence, the neighbours, "salah satu dari 20
kecamatan") is not prose: the field holds it, and ikugen prints it from there. A paragraph that
is a default sentence of ikugen's templates, names filled in, is not the office's either.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Optional

from ikugen.impor import programs
from ikugen.impor.blocks import Block, Par, Table
from ikugen.impor.chapters import _section
from ikugen.impor.draft import V
from ikugen.impor.words import fold

WHOLE = ("latar_belakang", "maksud_tujuan", "definisi", "syarat_kriteria", "penutup", "kata_pengantar")
# A built-in section by its heading, and the spec's text that opens it.
OPENING = {"landasan_hukum": "landasan_hukum", "tupoksi": "gambaran_umum", "tujuan_sasaran": "tujuan_sasaran",
           "visi_misi": "visi_misi", "penetapan": "penetapan", "tabel_target": "tabel_target"}
# The signature block that closes the kata pengantar or the penutup: "Kalimanah, Januari 2021".
_SIGNING = re.compile(
    r"^(camat\b|nip\b|[A-Z][\w .'-]{1,40},\s*[.…\s]*(?:\d{1,2}\s+)?(?:[A-Za-z]+\s+)?[.…\s]*\d{4}$)", re.I)
_ESELON = re.compile(r"^(perubahan\s+)?indikator\s+kinerja\s+.*\(eselon\s+[iv]+\)$", re.I)
_PROGRAM = re.compile(r"^(perubahan\s+)?indikator\s+kinerja\s+program\b", re.I)
_BAB = re.compile(r"^bab\s+[ivxl]+\b[\s.:-]*", re.I)


def places(node: Any) -> set[str]:
    """The paragraphs the draft's fields were read from ("paragraf 41")."""
    if isinstance(node, V):
        return {node.place.split(",")[0]}
    if isinstance(node, dict):
        return set().union(*(places(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(places(v) for v in node)) if node else set()
    return set()


def teks(blocks: list[Block], used: set[str]) -> dict[str, V]:
    """The `teks` entries: each built-in section's own prose, by the section's spec name."""
    found: dict[str, V] = {}
    name: Optional[str] = None
    body: list[Par] = []
    title = ""  # the heading's place: a title's second line ("TAHUN 2019-2023") is not prose
    program_tables = {id(seen.table) for seen in programs.tables(blocks)}
    for block in [*blocks, Par("", heading=True)]:  # a last heading closes the last section
        if isinstance(block, Par) and (block.heading or _target_title(block) or _ESELON.match(block.text)
                                       or _PROGRAM.match(block.text)):
            _close(found, name, body)
            name, title = _name(block), block.place
            continue
        if name is None or isinstance(block, Par) and block.place == title:
            continue
        if isinstance(block, Table) or _SIGNING.match(block.text) or (
                name not in WHOLE and (block.label or block.place in used)):
            if name == "penetapan" and len(body) > 1:  # BAB IV's opening, then the IKU form's
                found.setdefault("formulir_iku", V(_markdown(body[1:]), body[1].place))
                del body[1:]
            if name == "tabel_target" and isinstance(block, Table) and id(block) in program_tables:
                name = "indikator_program"  # an office's title "TARGET INDIKATOR KINERJA INDIVIDU"
            _close(found, name, body)
            # The target table, or the program table after it, is followed by the opening of the
            # eselon IV tables.
            after_table = name in ("tabel_target", "indikator_program") and isinstance(block, Table)
            name = "iku_eselon_iv" if after_table else None
        elif block.place not in used:  # a field's paragraph inside a whole section: left out
            body.append(block)
    return {k: v for k, v in found.items() if v.value}


# The openings ikugen follows with a list of its own: one ending in ":" introduces that list.
_INTRODUCE = ("landasan_hukum", "tujuan_sasaran")


def after(blocks: list[Block], place: str, used: set[str]) -> Optional[V]:
    """The prose under the heading read at `place` (a section of the office's own), up to the
    next heading, table or signature; None when it has none."""
    start = max((k for k, b in enumerate(blocks) if isinstance(b, Par) and b.place == place), default=None)
    if start is None:
        return None
    body: list[Par] = []
    for block in blocks[start + 1:]:
        if not isinstance(block, Par) or block.heading or _SIGNING.match(block.text):
            break
        if block.place not in used:
            body.append(block)
    text = _markdown(body)
    return V(text, body[0].place) if text else None


def _close(found: dict[str, V], name: Optional[str], body: list[Par]) -> None:
    if name and name not in WHOLE and name not in _INTRODUCE and body and body[-1].text.endswith(":"):
        body.pop()  # "... terdiri dari:" without the list it introduced (a field holds that)
    if name and name not in found and body:
        text = _markdown(body)
        if text:
            found[name] = V(text, body[0].place)
    body.clear()


def _name(heading: Par) -> Optional[str]:
    if _target_title(heading):
        return "tabel_target"
    if _PROGRAM.match(heading.text):  # the program table's title: its opening follows
        return "indikator_program"
    title = _BAB.sub("", heading.text).strip()
    if fold(title) == "kata pengantar":
        return "kata_pengantar"
    if fold(title) == "gambaran umum":  # BAB III's own opening, before its first section
        return "gambaran_umum"
    section = _section(title)
    return section if section in WHOLE else OPENING.get(section or "")


def _target_title(p: Par) -> bool:
    return bool(re.match(r"^target\s+(perubahan\s+)?indikator\s+kinerja", p.text, re.I))


def _markdown(body: list[Par]) -> str:
    """The paragraphs as Markdown (a list item with its number or a dash), without ikugen's own
    sentences; "" when nothing of the office's is left."""
    chunks: list[list[str]] = []
    listing = False
    for p in body:
        if _default(p.text):
            continue
        text = re.sub(r"^([#>*+-])", r"\\\1", " ".join(p.text.split()))
        if p.label:
            number = re.fullmatch(r"\(?(\d{1,3})[.)]", p.label)
            line = f"{number.group(1)}. {text}" if number else f"- {text}"
            if listing:
                chunks[-1].append(line)
            else:
                chunks.append([line])
            listing = True
        else:
            chunks.append([text])
            listing = False
    return "\n\n".join("\n".join(chunk) for chunk in chunks)


def _default(text: str) -> bool:
    folded = " ".join(text.split())
    return any(pattern.fullmatch(folded) for pattern in _defaults())


@functools.lru_cache(maxsize=1)
def _defaults() -> tuple[re.Pattern[str], ...]:
    """Every sentence of ikugen's default prose and section openings, its names left open."""
    from ikugen.package_data import templates_dir

    patterns = []
    root = templates_dir()
    for path in sorted(p for folder in ("teks", "bagian", "standar") for p in root.glob(f"{folder}/*.md.j2")):
        source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for line in source.splitlines():
            line = re.sub(r"\{%.*?%\}", "", line).strip()
            line = re.sub(r"^(\d+\.|-)\s+", "", line)
            literal = re.sub(r"\{\{.*?\}\}", "", line)
            if len(literal) < 20 or line.startswith(("<", "|", "#")):
                continue
            pieces = re.split(r"\{\{.*?\}\}", line)
            patterns.append(re.compile(".{0,200}?".join(re.escape(" ".join(p.split())) for p in pieces)))
    return tuple(patterns)
