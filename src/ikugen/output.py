"""Writing outputs so that a failed or interrupted build never leaves a half-written file and
never clobbers the last good one: write a temporary file beside the target, fsync, rename.
Zip entries get a fixed time, so the same spec gives the same bytes on any day.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from .errors import OutputError

# 1980-01-01, the earliest time a zip entry can carry; SOURCE_DATE_EPOCH overrides it.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        import time

        t = time.gmtime(max(int(epoch), 315532800))
        return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
    return _ZIP_EPOCH


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed entry times and attributes."""
    when = zip_time()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def check_target(target: Path, inputs: list[Path]) -> None:
    """Refuse, before any work, an output that cannot or must not be written."""
    shown = str(target)
    if target.is_dir():
        raise OutputError(f"{shown}: ini sebuah folder; sebutkan nama berkas keluaran, mis. {target / 'IKU.docx'}")
    for source in inputs:
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise OutputError(f"{shown}: berkas keluaran sama dengan berkas spesifikasi; pilih nama lain")
    folder = target.parent
    if not folder.exists():
        raise OutputError(f"{shown}: folder {folder} tidak ada; buat dulu foldernya")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputError(f"{shown}: tidak ada izin menulis")


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` all at once: the old file stays until the new one is complete."""
    folder = target.parent
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: tidak dapat menulis ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: gagal menulis ({exc.strerror}); berkas lama tetap utuh") from None
        raise
