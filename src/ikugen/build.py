"""The main job: one spec to its document, in every format asked for."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import derive, render
from .errors import SpecError
from .output import check_target, reproducible_zip, write_atomic
from .spec import Loaded

FORMATS = {".docx": "docx", ".md": "md", ".pdf": "pdf"}


@dataclass(frozen=True)
class Options:
    layout: Optional[str] = None         # overrides dokumen.tata_letak
    templates: Optional[Path] = None     # an office's template folder, searched first
    reference: Optional[Path] = None     # an office's reference .docx


def reference_doc(options: Options) -> Path:
    return options.reference or render.templates_dir() / "referensi.docx"


def markdown(loaded: Loaded, options: Options) -> str:
    check_files(loaded)
    view = derive.view(loaded.spek)
    return render.render(view, options.layout or loaded.spek.dokumen.tata_letak, options.templates)


def check_files(loaded: Loaded) -> None:
    """The files a spec names (its logo), checked before any work and reported at their line."""
    from .images import logo_problems

    smap = loaded.smap
    problems = logo_problems(loaded.spek.profil.logo, loaded.path.parent,
                             lambda code, message: smap.problem(("profil", "logo"), code, message))
    if problems:
        raise SpecError(problems)


def docx_bytes(loaded: Loaded, text: str, options: Options) -> bytes:
    from .docx_writer import Properties, build_docx

    spek = loaded.spek
    p = spek.profil
    kind = ("Perubahan Indikator Kinerja Utama" if spek.dokumen.jenis == "iku-perubahan"
            else "Indikator Kinerja Utama")
    period = spek.dokumen.periode
    year, month, day = (list(map(int, spek.dokumen.tanggal.split("-"))) + [1, 1])[:3]
    props = Properties(
        title=f"{kind} Kecamatan {p.kecamatan} Tahun {period.awal}-{period.akhir}",
        subject=f"IKU Kecamatan {p.kecamatan}, {p.jenis_daerah.capitalize()} {p.kabupaten}",
        author=f"Kecamatan {p.kecamatan}",
        when=datetime.datetime(year, month, day, tzinfo=datetime.timezone.utc),
    )
    data = build_docx(text, paper=spek.dokumen.kertas, reference=reference_doc(options),
                      base_dir=loaded.path.parent, props=props)
    return reproducible_zip(data)


def build(loaded: Loaded, targets: list[Path], options: Options) -> None:
    """Render once, then write each target; nothing is written unless every format succeeded."""
    inputs = [loaded.path] + ([options.reference] if options.reference else [])
    for target in targets:
        check_target(target, inputs)
    text = markdown(loaded, options)
    outputs: dict[Path, bytes] = {}
    docx: Optional[bytes] = None
    for target in targets:
        kind = FORMATS[target.suffix.lower()]
        if kind == "md":
            outputs[target] = text.encode("utf-8")
        else:
            docx = docx if docx is not None else docx_bytes(loaded, text, options)
            if kind == "docx":
                outputs[target] = docx
            else:
                from .pdf import docx_to_pdf

                outputs[target] = docx_to_pdf(docx)
    for target, data in outputs.items():
        write_atomic(target, data)
