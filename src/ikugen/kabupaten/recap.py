"""The kabupaten's recap: every kecamatan's IKU with its targets, in one table.

Workers reduce each loaded spec to an `Entry` of printable text (small, picklable); the recap is
then rendered by the packaged template `rekap.md.j2` (an office's --templates folder may replace
it) and written through the same Markdown-to-DOCX writer as the documents themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ikugen.render.document import run_template
from ikugen.render.environment import environment
from ikugen.view import indonesian
from ikugen.view.document import view

if TYPE_CHECKING:
    from ikugen.pipeline import Loaded, Options

FORMATS = (".docx", ".md")  # what the CLI accepts as a recap


@dataclass(frozen=True)
class Row:
    sasaran: str
    sasaran_span: int       # > 0 opens the merged sasaran cell, 0 continues it
    indikator: str
    satuan: str
    kondisi_awal: str
    target: dict[int, str]


@dataclass(frozen=True)
class Entry:
    kecamatan: str
    daerah: str
    camat: str
    periode: str
    tanggal: str
    kertas: str
    baris: tuple[Row, ...]


def entry(loaded: "Loaded") -> Entry:
    shown = view(loaded.spek)
    rows = tuple(
        Row(r.sasaran.uraian, r.sasaran_span, r.indikator.nama if r.indikator else "-",
            (r.indikator.satuan or "-") if r.indikator else "-", r.kondisi_awal,
            dict(zip(shown.tahun, r.target, strict=True)))
        for r in shown.baris_iku
    )
    return Entry(shown.kecamatan, shown.daerah, loaded.spek.pimpinan.nama, shown.periode,
                 loaded.spek.dokumen.tanggal or str(loaded.spek.dokumen.periode.awal),
                 loaded.spek.dokumen.kertas, rows)


def markdown(entries: list[Entry], user_dir: Optional[Path] = None) -> str:
    years = sorted({y for e in entries for r in e.baris for y in r.target})
    regions = sorted({e.daerah for e in entries})
    env = environment(str(user_dir) if user_dir else None)
    return run_template(lambda: env.get_template("rekap.md.j2").render(
        rekap=sorted(entries, key=lambda e: e.kecamatan.casefold()), tahun=years,
        daerah=regions[0] if len(regions) == 1 else None), user_dir)


def write(entries: list[Entry], target: Path, options: Options) -> None:
    """The recap of `entries` (templates and styles from `options`) written to `target`."""
    from ikugen.pipeline import document_time, reference_doc
    from ikugen.writers.files import reproducible_zip, write_atomic

    text = markdown(entries, options.templates)
    if target.suffix.lower() == ".md":
        write_atomic(target, text.encode("utf-8"))
        return
    from ikugen.writers.docx import Properties, build_docx

    props = Properties(title="Rekap Indikator Kinerja Utama Kecamatan", author="ikugen",
                       subject=", ".join(sorted({e.daerah for e in entries})) or "IKU kecamatan",
                       when=document_time(max((e.tanggal for e in entries), default="2000")))
    paper = entries[0].kertas if entries else "A4"
    data = build_docx(text, paper=paper, reference=reference_doc(options), base_dir=target.parent,
                      props=props)
    write_atomic(target, reproducible_zip(data))


def count_text(entries: list[Entry]) -> str:
    rows = sum(len(e.baris) for e in entries)
    return f"{indonesian.angka(len(entries))} kecamatan, {indonesian.angka(rows)} indikator"
