"""`ikugen impor` as a function: check, convert, read, find, write; never overwrites."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ikugen.errors import IkugenError, OutputError
from ikugen.impor import assemble, blocks, convert, draft, guard
from ikugen.impor.guard import BadDocument
from ikugen.package_data import schema_file
from ikugen.writers.files import write_new


@dataclass
class Summary:
    target: Path
    desa: int
    positions: int
    indicators: int
    targets: int
    blanks: int
    unmapped: int
    programs: int
    stopped_at: Optional[str]
    notes: list[str]

    def line(self) -> str:
        """The closing line: found N desa, M positions, K indicators, T targets; B blanks."""
        text = (f"ditemukan {self.desa} desa/kelurahan, {self.positions} jabatan, {self.indicators} "
                f"indikator, {self.targets} target"
                + (f", {self.programs} indikator program" if self.programs else "")
                + f"; {self.blanks} nilai bertanda 'ISI:'")
        if self.unmapped:
            text += f"; {self.unmapped} penanggung jawab tidak dikenali (lihat komentar)"
        if self.stopped_at:
            text += (f"; dokumen terlalu panjang: dibaca sampai {self.stopped_at} "
                     f"(batas {blocks.MAX_BLOCKS} paragraf dan baris tabel)")
        return text


def impor_document(source: Path, target: Optional[Path] = None) -> Summary:
    """Read `source`, write the draft spec to `target` (default: beside it, NAME.yaml)."""
    target = target or Path(source.stem + ".yaml")
    if target.exists():
        raise IkugenError(f"{target}: berkas sudah ada; tidak ditimpa (pilih nama lain dengan -o)")
    if not target.parent.is_dir():
        raise OutputError(f"{target}: folder {target.parent} tidak ada; buat dulu foldernya")
    kind = guard.kind(source)
    with tempfile.TemporaryDirectory(prefix="ikugen-impor-") as work:
        if kind == "pdf":
            read = blocks.read_text(convert.pdf_text(source))
        else:
            docx = source if kind == "docx" else convert.to_docx(source, Path(work))
            read = _read_docx(docx)
    spec, counts = assemble.build(read.blocks)
    text = _header(source, target) + draft.emit(spec)
    blanks = draft.count_blanks(spec)
    write_new(target, text)
    return Summary(target, counts.desa, counts.positions, counts.indicators, counts.targets, blanks,
                   counts.unmapped, counts.programs, read.stopped_at, counts.notes)


def _read_docx(path: Path) -> blocks.Read:
    try:
        return blocks.read_docx(path)
    except BadDocument:
        raise
    except (KeyError, ValueError, OSError, IndexError, AttributeError, TypeError) as exc:
        # The zip was whole (guard.py) but its XML is not a Word body docx2python can read.
        raise BadDocument(f"isi dokumen Word tidak dapat dibaca ({type(exc).__name__})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
        if type(exc).__module__.startswith("lxml"):
            raise BadDocument("isi dokumen Word rusak (XML tidak utuh)") from None
        raise


def _header(source: Path, target: Path) -> str:
    schema = schema_file()
    if schema.exists():
        where = os.path.relpath(schema, target.parent.resolve())
    else:
        where = "ikugen.schema.json"
        beside = target.parent / where
        if not beside.exists():
            from ikugen.spec.json_schema import schema_text

            beside.write_text(schema_text(), encoding="utf-8")
    return (f"# yaml-language-server: $schema={where}\n#\n"
            f"# Draf spesifikasi IKU, dibuat dengan `ikugen impor` dari {source.name}.\n"
            "# Komentar di ujung setiap nilai menyebut asalnya di dokumen (tabel, baris, paragraf).\n"
            "# Setiap nilai \"ISI: ...\" tidak ditemukan di dokumen: isi dengan data kecamatan ini;\n"
            "# `ikugen validate` melaporkannya (IKU710) sampai terisi. Periksa semuanya sebelum dipakai.\n\n")
