"""DOCX to PDF with LibreOffice: headless, a throwaway profile, a time limit.

Where LibreOffice's Python bridge (`uno`) is available the table of contents is updated
first, so it carries page numbers; otherwise the plain `--convert-to pdf` path is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional

from .errors import IkugenError

TIMEOUT_SECONDS = 300
INSTALL_HINT = ("LibreOffice tidak ditemukan, padahal diperlukan untuk membuat PDF. Pasang dengan "
                "'sudo apt install libreoffice-writer' (Debian/Ubuntu) atau dari "
                "https://www.libreoffice.org, lalu jalankan ulang; atau buat DOCX saja (-o IKU.docx).")


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise IkugenError(INSTALL_HINT)
    return found


def _uno_python() -> Optional[str]:
    """A Python that can import LibreOffice's `uno` module, if any."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and os.path.exists(candidate):
            ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
            if ok.returncode == 0:
                return candidate
    return None


def docx_to_pdf(docx: bytes) -> bytes:
    return convert_many([docx])[0]


def convert_many(documents: list[bytes]) -> list[bytes]:
    """PDFs of several DOCX documents with one LibreOffice run."""
    office = soffice()
    with tempfile.TemporaryDirectory(prefix="ikugen-lo-") as tmp:
        folder = Path(tmp)
        sources = []
        for i, data in enumerate(documents):
            path = folder / f"dok{i}.docx"
            path.write_bytes(data)
            sources.append(path)
        profile = (folder / "profil").as_uri()
        python = _uno_python()
        try:
            if python:
                args = [python, str(Path(__file__).with_name("lo_convert.py")), office, profile,
                        f"ikugen{uuid.uuid4().hex}"]
                for src in sources:
                    args += [str(src), str(src.with_suffix(".pdf"))]
            else:
                args = [office, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)]
            result = subprocess.run(args, capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise IkugenError(f"LibreOffice tidak selesai dalam {TIMEOUT_SECONDS} detik; PDF tidak dibuat") from None
        outputs = [src.with_suffix(".pdf") for src in sources]
        missing = [p for p in outputs if not p.exists()]
        if result.returncode != 0 or missing:
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise IkugenError(f"LibreOffice gagal membuat PDF (kode {result.returncode}) {detail[0][:200]}".strip())
        return [p.read_bytes() for p in outputs]
