"""DOCX to PDF with LibreOffice: headless, a throwaway profile, a time limit.

Where LibreOffice's Python bridge (`uno`) is available the table of contents is updated
first, so it carries page numbers; otherwise the plain `--convert-to pdf` path is used.

A single build starts LibreOffice ahead (`warm`), so that its start overlaps ikugen's own work.
LibreOffice's processes and folders are handled by `writers.lo_runs`. The time limit is
`TIMEOUT_SECONDS`, or `IKUGEN_PDF_TIMEOUT` (seconds) for a slow machine.

LibreOffice stamps each PDF with the time of conversion and a random id; both are replaced (by
the document's date, or SOURCE_DATE_EPOCH, and a digest of the content), so the same spec gives
the same PDF bytes, as it does DOCX and Markdown.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from ikugen.errors import IkugenError, UsageError, shorten
from ikugen.writers import lo_runs
from ikugen.writers.lo_runs import remove_dead_runs

TIMEOUT_SECONDS = 300
MAX_TIMEOUT_SECONDS = 24 * 3600
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
    """`IKUGEN_PDF_TIMEOUT`, checked like any input: seconds, more than 0, at most a day."""
    value = os.environ.get("IKUGEN_PDF_TIMEOUT", "").strip()
    if not value:
        return TIMEOUT_SECONDS
    try:
        seconds = float(value) if value.isascii() else math.nan
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT_SECONDS:  # NaN and inf fail here too
        raise UsageError(f"IKUGEN_PDF_TIMEOUT={shorten(ascii(value)[1:-1], 40)}: harus jumlah detik "
                         f"lebih dari 0 dan paling banyak {MAX_TIMEOUT_SECONDS}, mis. IKUGEN_PDF_TIMEOUT=600")
    return seconds


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


class _Run:
    """A LibreOffice run's folder (its profile, its documents, its temporary files) and, where
    the bridge is available, the bridge script already starting LibreOffice: it converts the
    documents it is sent on its standard input."""

    def __init__(self) -> None:
        self.office = soffice()
        remove_dead_runs()  # a killed run's LibreOffice and folder, before this run makes its own
        self._folder = tempfile.TemporaryDirectory(prefix=f"{lo_runs.FOLDER_PREFIX}{os.getpid()}-",
                                                   ignore_cleanup_errors=True)
        self.folder = Path(self._folder.name)
        self.profile = (self.folder / "profil").as_uri()  # a throwaway profile, inside the folder
        # LibreOffice's own temporary files go into this folder too, so they go with it; in UTC,
        # the time it stamps has the same length wherever it runs (replaced afterwards).
        self.env = {**os.environ, "TMPDIR": str(self.folder), "TZ": "UTC"}
        self.bridge: Optional[subprocess.Popen[bytes]] = None
        try:
            python = _uno_python()
            if python:
                self.bridge = lo_runs.spawn(
                    [python, str(Path(__file__).with_name("lo_convert.py")), self.office,
                     self.profile, f"ikugen{uuid.uuid4().hex}"],
                    self.env, self.folder / "gruppe", feed=True)
        except BaseException:
            self.close()
            raise

    def convert(self, documents: list[bytes], limit: float) -> list[Path]:
        sources = []
        for i, data in enumerate(documents):
            path = self.folder / f"dok{i}.docx"
            path.write_bytes(data)
            sources.append(path)
        outputs = [src.with_suffix(".pdf") for src in sources]
        if self.bridge:
            pairs = zip(sources, outputs, strict=True)
            feed = b"".join(os.fsencode(path) + b"\0" for pair in pairs for path in pair)
            code, stderr = lo_runs.finish(self.bridge, limit, feed)
        else:
            args = [self.office, "--headless", "--norestore", f"-env:UserInstallation={self.profile}",
                    "--convert-to", "pdf", "--outdir", str(self.folder), *map(str, sources)]
            code, stderr = lo_runs.finish(lo_runs.spawn(args, self.env, self.folder / "gruppe"), limit)
        if code != 0 or any(not p.exists() for p in outputs):
            if self.bridge and code == _NOT_STARTED:
                raise IkugenError(f"LibreOffice ({self.office}) tidak dapat dijalankan; PDF tidak dibuat. "
                                  "Coba jalankan 'soffice --headless --version' untuk melihat sebabnya")
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise IkugenError(f"LibreOffice gagal membuat PDF (kode {code}) {detail[0][:200]}".strip())
        return outputs

    def close(self) -> None:
        if self.bridge and self.bridge.returncode is None:
            lo_runs.stop(self.bridge)
        self._folder.cleanup()


# A run `warm` started, for the next conversion of this process to take.
_warm: Optional[_Run] = None


@contextmanager
def warm(wanted: bool) -> Iterator[None]:
    """Start LibreOffice now, for a PDF made in this block: it starts (~1 s) while ikugen loads,
    checks and renders the spec. Stopped at the end of the block if no conversion took it. A
    LibreOffice that cannot start is told by the conversion, where it always was."""
    global _warm
    if wanted and _warm is None:
        try:
            timeout_seconds()
            _warm = _Run()
        except IkugenError:
            pass
    try:
        yield
    finally:
        left, _warm = _warm, None
        if left:
            left.close()


def convert_many(documents: list[bytes]) -> list[bytes]:
    """PDFs of several DOCX documents with one LibreOffice run."""
    global _warm
    limit = timeout_seconds()
    run, _warm = _warm or _Run(), None
    try:
        outputs = run.convert(documents, limit)
        return [reproducible_pdf(pdf.read_bytes(), created(docx))
                for pdf, docx in zip(outputs, documents, strict=True)]
    finally:
        run.close()


_CREATED = re.compile(rb"(/CreationDate\s*\(D:)(\d{14})")
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_CORE_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)")


def created(docx: bytes) -> str:
    """The time a PDF made from `docx` carries, as PDF digits (YYYYMMDDHHMMSS): SOURCE_DATE_EPOCH,
    else the document's own date (its core properties, written from the spec)."""
    from ikugen.writers.files import source_date_epoch

    epoch = source_date_epoch()
    if epoch is not None:
        return time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch))
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            found = _CORE_CREATED.search(archive.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile):
        found = None
    return b"".join(found.groups()).decode("ascii") if found else "19800101000000"


def reproducible_pdf(data: bytes, when: str) -> bytes:
    """`data` with LibreOffice's creation time set to `when`, and its random id and its checksum
    (over the old time) replaced by a digest of the content. All keep their length, so the
    cross-reference offsets still hold."""
    data = _CREATED.sub(lambda m: m.group(1) + when.encode("ascii"), data, count=1)
    blank = _CHECKSUM.sub(rb"\1", _ID.sub(rb"\1\3\5", data))
    digest = hashlib.sha256(blank).hexdigest().upper().encode("ascii")
    data = _ID.sub(lambda m: m.group(1) + digest[:len(m.group(2))] + m.group(3)
                   + digest[:len(m.group(4))] + m.group(5), data, count=1)
    return _CHECKSUM.sub(lambda m: m.group(1) + digest[-len(m.group(2)):], data, count=1)
