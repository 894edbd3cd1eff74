"""DOCX to PDF with LibreOffice: headless, a throwaway profile, a time limit.

Where LibreOffice's Python bridge (`uno`) is available the table of contents is updated
first, so it carries page numbers; otherwise the plain `--convert-to pdf` path is used.

LibreOffice runs in its own process group, so that on a timeout or Ctrl-C the whole of it
(the bridge script and every soffice process it started) is stopped, not only the child we
started. The time limit is `TIMEOUT_SECONDS`, or `IKUGEN_PDF_TIMEOUT` (seconds) for a slow
machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional

from ikugen.errors import IkugenError, os_reason

TIMEOUT_SECONDS = 300
INSTALL_HINT = ("LibreOffice tidak ditemukan, padahal diperlukan untuk membuat PDF. Pasang dengan "
                "'sudo apt install libreoffice-writer' (Debian/Ubuntu) atau dari "
                "https://www.libreoffice.org, lalu jalankan ulang; atau buat DOCX saja (-o IKU.docx).")
_NOT_STARTED = 3  # lo_convert.py's exit code when LibreOffice did not start


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise IkugenError(INSTALL_HINT)
    return found


def timeout_seconds() -> float:
    value = os.environ.get("IKUGEN_PDF_TIMEOUT", "")
    try:
        return float(value) if float(value) > 0 else TIMEOUT_SECONDS
    except ValueError:
        return TIMEOUT_SECONDS


def _uno_python() -> Optional[str]:
    """A Python that can import LibreOffice's `uno` module, if any."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and os.path.exists(candidate):
            try:
                ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                continue
            if ok.returncode == 0:
                return candidate
    return None


def docx_to_pdf(docx: bytes) -> bytes:
    return convert_many([docx])[0]


def convert_many(documents: list[bytes]) -> list[bytes]:
    """PDFs of several DOCX documents with one LibreOffice run."""
    office = soffice()
    limit = timeout_seconds()
    with tempfile.TemporaryDirectory(prefix="ikugen-lo-") as tmp:
        folder = Path(tmp)
        sources = []
        for i, data in enumerate(documents):
            path = folder / f"dok{i}.docx"
            path.write_bytes(data)
            sources.append(path)
        profile = (folder / "profil").as_uri()
        python = _uno_python()
        if python:
            args = [python, str(Path(__file__).with_name("lo_convert.py")), office, profile,
                    f"ikugen{uuid.uuid4().hex}"]
            for src in sources:
                args += [str(src), str(src.with_suffix(".pdf"))]
        else:
            args = [office, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)]
        # LibreOffice's own temporary files go into this folder too, so they go with it.
        code, stderr = _run(args, limit, {**os.environ, "TMPDIR": str(folder)})
        outputs = [src.with_suffix(".pdf") for src in sources]
        missing = [p for p in outputs if not p.exists()]
        if code != 0 or missing:
            if python and code == _NOT_STARTED:
                raise IkugenError(f"LibreOffice ({office}) tidak dapat dijalankan; PDF tidak dibuat. "
                                  "Coba jalankan 'soffice --headless --version' untuk melihat sebabnya")
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise IkugenError(f"LibreOffice gagal membuat PDF (kode {code}) {detail[0][:200]}".strip())
        return [p.read_bytes() for p in outputs]


def _run(args: list[str], limit: float, env: dict[str, str]) -> tuple[int, bytes]:
    """Run LibreOffice in a process group of its own; stop the whole group if it overruns."""
    try:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                start_new_session=os.name == "posix")
    except OSError as exc:
        raise IkugenError(f"LibreOffice tidak dapat dijalankan ({os_reason(exc)}); "
                          "PDF tidak dibuat") from None
    try:
        _, stderr = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise IkugenError(f"LibreOffice tidak selesai dalam {limit:g} detik; PDF tidak dibuat "
                          "(waktu dapat ditambah dengan IKUGEN_PDF_TIMEOUT=detik)") from None
    except BaseException:  # Ctrl-C, SIGTERM: LibreOffice does not outlive ikugen
        _stop(proc)
        raise
    return proc.returncode, stderr


def _stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    proc.wait()
