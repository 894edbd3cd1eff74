"""The office's choice of columns and labels (`tabel:`) as its document's indicator tables show
it: written only where a table's columns, a column's label or the program table's title are
not what ikugen prints without a choice, so that the rebuilt document looks like the old one.

What ikugen prints without a choice lives in the templates (tabel/kolom.md.j2's labels, each
table template's own labels and its columns, some only when one of the table's rows fills
them); it is evaluated here from those templates, with the draft's indicators as the rows of
the table read (a position's own in a decree's annex), not copied into Python.
"""

from __future__ import annotations

import functools
import re
from types import SimpleNamespace
from typing import Any, Optional

from jinja2.exceptions import UndefinedError

from ikugen.impor.draft import V, plain
from ikugen.impor.tables import Seen, _body, _labelled
from ikugen.impor.words import fold
from ikugen.package_data import templates_dir
from ikugen.spec.fields import MAX_SHORT
from ikugen.spec.model_tabel import KOLOM_IKU, KOLOM_PROGRAM, JudulKolomIku, JudulKolomProgram

# The template of each table; in a decree the IKU tables are the annexes' (one per position).
_TEMPLATE = {"iku": "tabel/iku.md.j2", "iku:keputusan": "tabel/iku_jabatan.md.j2",
             "target": "tabel/target.md.j2", "tujuan_sasaran": "bagian/tujuan_sasaran.md.j2",
             "program": "tabel/program.md.j2"}
_PROGRAM_TITLE = re.compile(r"^(perubahan\s+)?indikator\s+kinerja\s+program\b", re.I)
_CHAPTER = re.compile(r"^BAB\s+[IVXL]+\b")  # a chapter's heading right above is not the table's title
_FIELDS = ("nama", "satuan", "definisi", "rumus", "sumber_data", "penanggung_jawab", "alasan", "tipe",
           "polaritas", "kondisi_awal", "target")


def tabel(seen: list[Seen], spec: dict[str, Any], layout: str) -> Optional[dict[str, Any]]:
    """`tabel:` of the draft `spec`, from the first table of each kind the document has."""
    data = plain(spec)
    out: dict[str, Any] = {}
    for kind in ("iku", "target", "tujuan_sasaran", "program"):
        first = next((s for s in seen if s.kind == kind), None)
        if first is not None:
            keputusan = kind == "iku" and layout == "keputusan"
            entry = _choice(first, _TEMPLATE["iku:keputusan" if keputusan else kind], data)
            if entry:
                out[kind] = entry
    return out or None


def _choice(seen: Seen, template: str, data: dict[str, Any]) -> dict[str, Any]:
    program = seen.kind == "program"
    allowed = KOLOM_PROGRAM if program else KOLOM_IKU
    labelled = (JudulKolomProgram if program else JudulKolomIku).model_fields
    kolom, judul = _columns(seen)
    kolom = [c for c in kolom if c in allowed]
    place = f"{seen.table.place}, baris {seen.start + 1}"
    entry: dict[str, Any] = {}
    # A Tujuan dan Sasaran table read as indicator rows is never the default one (tujuan, sasaran).
    default = None if seen.kind == "tujuan_sasaran" else _default_columns(template, data, seen)
    if kolom != default and (default is not None or seen.kind == "tujuan_sasaran"):
        entry["kolom"] = [V(c, place) for c in kolom]
    labels = _default_labels(template)
    own = {c: V(text, place) for c, text in judul.items()
           if c in kolom and c in labelled and text != labels.get(c) and len(text) <= MAX_SHORT}
    if own:
        entry["judul_kolom"] = own
    title = [line for line in seen.above if line.isupper() and not _CHAPTER.match(line)]
    if program and title and not _PROGRAM_TITLE.match(title[0]):
        entry["judul"] = V(" ".join(title), place)
    return entry


def _columns(seen: Seen) -> tuple[list[str], dict[str, str]]:
    """The table's columns as `tabel` names them, and each one's label as written."""
    kolom: list[str] = []
    judul: dict[str, str] = {}
    header = seen.table.rows[seen.start]
    for c, n in sorted(seen.names.items()):
        name = "target" if n.startswith("tahun:") else "indikator" if n == "nama" else n
        if n in ("definisi", "penjelasan"):  # labelled bullets: a Penjelasan column (Kalimanah's)
            name = "penjelasan" if _bullets(seen, c) else "definisi"
        if name not in kolom:
            kolom.append(name)
            if name != "target":
                judul[name] = " ".join(header[c].split())
    return kolom, judul


def _bullets(seen: Seen, c: int) -> bool:
    lines = seen.table.cell_lines
    return any(c < len(lines[r]) and len(_labelled(lines[r][c], "")) >= 2
               for r, _ in _body(seen.table, seen.start) if r < len(lines))


@functools.lru_cache(maxsize=8)
def _source(template: str) -> str:
    return re.sub(r"\{#.*?#\}", "", (templates_dir() / template).read_text(encoding="utf-8"), flags=re.S)


def _evaluate(expression: str, **names: Any) -> Any:
    """A template expression's value, evaluated as the templates are (the sandbox)."""
    from ikugen.render.environment import environment

    return environment().compile_expression(expression)(**names)


def _default_labels(template: str) -> dict[str, str]:
    """The labels `template` prints: kolom.md.j2's, with the few it words otherwise."""
    from ikugen.render.environment import environment

    k: Any = environment().get_template("tabel/kolom.md.j2").make_module({"doc": None})
    found = re.search(r"dict\(k\.label(?:,\s*\w+=\"[^\"]*\")*\)", _source(template))
    return dict(_evaluate(found.group(0), k=k) if found else k.label)


def _default_columns(template: str, data: dict[str, Any], seen: Seen) -> Optional[list[str]]:
    """The columns `template` prints without a choice for the rows of the table `seen` (a column
    only some row fills comes with that row), or None when the template does not say."""
    source = _source(template)
    found = re.search(r"set kolom = doc\.tabel\.\w+\.kolom or (.*?)\s*-?%\}", source, re.S)
    if not found:
        return None
    baris = _rows(data, seen)
    tujuan = [_indicator(i) for t in data.get("tujuan", []) for i in t.get("indikator", [])]
    years = sorted({y for r in baris for y in r.tahun})
    # The Camat's table (no row of a position's sasaran) is the one a tujuan's indicators join.
    doc = SimpleNamespace(baris_iku=[] if any(r.pemilik for r in baris) else baris,
                          baris_program=baris, indikator_tujuan=tujuan,
                          tahun_program=years, tahun_target=years, ada_tujuan=bool(data.get("tujuan")),
                          bertarget=lambda rows: rows)  # the printed rows are those with targets
    names: dict[str, Any] = {"doc": doc, "baris": baris}
    # The template's own names for its rows (ind, ada_tujuan, tahun, ...), each as it sets it.
    for name, expression in re.findall(r"\{%-?\s*set (\w+) = (.*?)\s*-?%\}", source[:found.start()], re.S):
        try:
            names[name] = _evaluate(expression, **names)
        except (UndefinedError, TypeError, AttributeError):
            names.pop(name, None)
    # The program table's columns of details, each when some indicator has it (a loop, not a set).
    listed = re.search(r"for c in (\([^)]*\)) if ind\|selectattr\(c\)", source)
    if listed:
        names["ada"] = SimpleNamespace(kolom=[c for c in _evaluate(listed.group(1))
                                              if any(getattr(r.indikator, c) for r in baris)])
    try:
        return list(_evaluate(found.group(1), **names))
    except (UndefinedError, TypeError, AttributeError):  # the expression reads more than is given here
        return None


def _rows(data: dict[str, Any], seen: Seen) -> list[SimpleNamespace]:
    """The draft's indicators as the rows of `seen` (view.document.Row's names): those the table
    names (a position's table in a decree holds that position's only), all when it names none."""
    sasaran = {s.get("id"): s for s in data.get("sasaran", [])}
    indicators = ([i for p in data.get("program", []) for i in p.get("indikator", [])]
                  if seen.kind == "program" else data.get("indikator", []))
    cells = {fold(c) for _, row in _body(seen.table, seen.start) for c in row}
    named = [i for i in indicators if fold(str(i.get("nama", ""))) in cells] or indicators
    return [SimpleNamespace(indikator=_indicator(i), tujuan=sasaran.get(i.get("sasaran"), {}).get("tujuan"),
                            pemilik=sasaran.get(i.get("sasaran"), {}).get("pemilik"),
                            penanggung_jawab=i.get("penanggung_jawab") or "",
                            kondisi_awal="" if i.get("kondisi_awal") is None else str(i["kondisi_awal"]),
                            target=[str(v) for v in (i.get("target") or {}).values()],
                            tahun=list(i.get("target") or {}))
            for i in named]


def _indicator(i: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(**{f: i.get(f) for f in _FIELDS})
