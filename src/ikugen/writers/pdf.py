"""DOCX to PDF with LibreOffice: headless, a throwaway profile, a time limit.

Where LibreOffice's Python bridge (`uno`) is available the table of contents is updated
first, so it carries page numbers; otherwise the plain `--convert-to pdf` path is used.

LibreOffice runs in its own process group, so that on a timeout or Ctrl-C the whole of it
(the bridge script and every soffice process it started) is stopped, not only the child we
started. The time limit is `TIMEOUT_SECONDS`, or `IKUGEN_PDF_TIMEOUT` (seconds) for a slow
machine. A run killed outright (`kill -9`) cannot stop LibreOffice or remove its folder; the next
run does both (the folder is named with the run's process id, and holds LibreOffice's group id).

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
import signal
import stat
import subprocess
import tempfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Optional

from ikugen.errors import IkugenError, UsageError, os_reason, shorten

TIMEOUT_SECONDS = 300
MAX_TIMEOUT_SECONDS = 24 * 3600
_FOLDER_PREFIX = "ikugen-lo-"
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


def convert_many(documents: list[bytes]) -> list[bytes]:
    """PDFs of several DOCX documents with one LibreOffice run."""
    office = soffice()
    limit = timeout_seconds()
    remove_dead_runs()
    # A file LibreOffice's last process makes while the folder goes must not fail the build.
    with tempfile.TemporaryDirectory(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-",
                                     ignore_cleanup_errors=True) as tmp:
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
        # LibreOffice's own temporary files go into this folder too, so they go with it; in UTC,
        # the time it stamps has the same length wherever it runs (replaced afterwards).
        code, stderr = _run(args, limit, {**os.environ, "TMPDIR": str(folder), "TZ": "UTC"},
                            folder / "gruppe")
        outputs = [src.with_suffix(".pdf") for src in sources]
        missing = [p for p in outputs if not p.exists()]
        if code != 0 or missing:
            if python and code == _NOT_STARTED:
                raise IkugenError(f"LibreOffice ({office}) tidak dapat dijalankan; PDF tidak dibuat. "
                                  "Coba jalankan 'soffice --headless --version' untuk melihat sebabnya")
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise IkugenError(f"LibreOffice gagal membuat PDF (kode {code}) {detail[0][:200]}".strip())
        return [reproducible_pdf(pdf.read_bytes(), created(docx))
                for pdf, docx in zip(outputs, documents, strict=True)]


def _run(args: list[str], limit: float, env: dict[str, str], group_file: Path) -> tuple[int, bytes]:
    """Run LibreOffice in a process group of its own; stop the whole group if it overruns."""
    try:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                start_new_session=os.name == "posix")
    except OSError as exc:
        raise IkugenError(f"LibreOffice tidak dapat dijalankan ({os_reason(exc)}); "
                          "PDF tidak dibuat") from None
    group_file.write_text(str(proc.pid), encoding="ascii")  # for the run after a kill -9
    try:
        _, stderr = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise IkugenError(f"LibreOffice tidak selesai dalam {limit:g} detik; PDF tidak dibuat "
                          "(waktu dapat ditambah dengan IKUGEN_PDF_TIMEOUT=detik)") from None
    except BaseException:  # Ctrl-C, SIGTERM: LibreOffice does not outlive ikugen
        _stop(proc)
        raise
    # The PDFs are written; a LibreOffice process still shutting down (writing its throwaway
    # profile) would make files in the folder after it is removed, and so keep it.
    _stop(proc)
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
    _wait_group(proc.pid)


def _wait_group(group: int, seconds: float = 5.0) -> None:
    """Until no process of `group` is still running (Linux: /proc; elsewhere a moment): a process
    killed in the middle of a write ends that write first. A zombie has done its work."""
    proc = Path("/proc")
    if not proc.is_dir():
        time.sleep(0.05)
        return
    deadline = time.monotonic() + seconds
    while any(_running_in(entry, group) for entry in proc.iterdir() if entry.name.isdigit()):
        if time.monotonic() > deadline:
            return
        time.sleep(0.02)


def _running_in(entry: Path, group: int) -> bool:
    try:
        fields = (entry / "stat").read_text(encoding="ascii", errors="replace")
        state, _, pgrp = fields[fields.rindex(")") + 2:].split()[:3]  # pid (name) state ppid pgrp ...
    except (OSError, ValueError):  # it ended while we looked
        return False
    return state != "Z" and pgrp == str(group)


def remove_dead_runs() -> list[Path]:
    """Stop the LibreOffice of an ikugen run that was killed, and remove its folder; return them."""
    removed: list[Path] = []
    if os.name != "posix":
        return removed
    for folder in Path(tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*-*"):
        owner = folder.name[len(_FOLDER_PREFIX):].split("-", 1)[0]
        if not owner.isdigit() or _alive(int(owner)) or not _ours(folder):
            continue  # another user's run (in a shared /tmp) is theirs to stop and remove
        try:
            group = int((folder / "gruppe").read_text(encoding="ascii"))
            os.killpg(group, signal.SIGKILL)
            _wait_group(group)
        except (OSError, ValueError):
            pass  # no LibreOffice was started, or it has ended
        _stop_naming(folder)
        _remove(folder)
        removed.append(folder)
    return removed


def _stop_naming(folder: Path, seconds: float = 5.0) -> None:
    """Stop a LibreOffice the group kill missed (its run killed before it wrote the group's
    number): it still names the folder on its command line (its profile), and writes into it."""
    deadline = time.monotonic() + seconds
    while (left := _naming(folder)) and time.monotonic() < deadline:
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.02)


def _naming(folder: Path) -> list[int]:
    """This user's processes whose command line names `folder` (Linux: /proc; elsewhere none)."""
    found = []
    proc, name = Path("/proc"), os.fsencode(str(folder))
    for entry in proc.iterdir() if proc.is_dir() else []:
        try:
            if entry.name.isdigit() and entry.stat().st_uid == os.geteuid() \
                    and name in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:  # it ended while we looked
            pass
    return found


def _ours(folder: Path) -> bool:
    """A folder (not a link to one) of this user's."""
    try:
        status = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and status.st_uid == os.geteuid()


def _remove(folder: Path, seconds: float = 3.0) -> None:
    """Remove `folder`, again while it comes back: where /proc cannot tell that a killed
    LibreOffice has ended (_wait_group), a write it was in the middle of may still make a file
    after the folder was emptied."""
    deadline = time.monotonic() + seconds
    while True:
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists() or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


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
