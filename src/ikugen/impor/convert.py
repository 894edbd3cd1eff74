"""Inputs that are not a .docx: a .doc or .odt made a .docx by LibreOffice, a PDF made text by
`pdftotext -layout`. Each program runs with a time limit, in a folder of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ikugen.impor.guard import BadDocument, check_zip

CONVERT_SECONDS = 180
PDF_SECONDS = 60
PDF_PAGES = 300  # a PDF is read up to this page


def to_docx(source: Path, work: Path) -> Path:
    """`source` (.doc or .odt) converted to a .docx in `work`, through LibreOffice."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise BadDocument("perlu LibreOffice (soffice) untuk membaca .doc dan .odt; pasang LibreOffice "
                          "atau simpan dokumen sebagai .docx di Word")
    profile = Path(tempfile.mkdtemp(prefix="lo-", dir=work))
    command = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work), str(source.resolve())]
    _run(command, CONVERT_SECONDS, "LibreOffice")
    converted = work / (source.stem + ".docx")
    if not converted.is_file():
        raise BadDocument("LibreOffice tidak dapat membuka dokumen ini (rusak, terenkripsi, atau "
                          "bukan dokumen)")
    check_zip(converted, "word/document.xml")
    return converted


def pdf_text(source: Path) -> str:
    """The PDF's text with its layout kept (columns as runs of spaces), up to `PDF_PAGES`."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise BadDocument("perlu pdftotext (poppler-utils) untuk membaca PDF")
    result = _run([tool, "-layout", "-enc", "UTF-8", "-l", str(PDF_PAGES), str(source), "-"],
                  PDF_SECONDS, "pdftotext")
    text = result.decode("utf-8", "replace")
    if not text.strip():
        raise BadDocument("PDF tidak memuat teks (hasil pindai?); tidak ada yang dapat diimpor")
    return text


def _run(command: list[str], seconds: int, name: str) -> bytes:
    env = {**os.environ, "HOME": tempfile.gettempdir()}
    try:
        done = subprocess.run(command, capture_output=True, timeout=seconds, env=env, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise BadDocument(f"{name} tidak selesai dalam {seconds} detik; dokumen tidak dibaca") from None
    except OSError as exc:
        raise BadDocument(f"{name} tidak dapat dijalankan ({exc.strerror or exc})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").lower()
        if "password" in said or "encrypt" in said:
            raise BadDocument("dokumen dilindungi kata sandi (terenkripsi); buka, hapus kata sandinya, "
                              "lalu impor lagi")
        raise BadDocument(f"{name} tidak dapat membaca dokumen ini (rusak atau terpotong)")
    return done.stdout
