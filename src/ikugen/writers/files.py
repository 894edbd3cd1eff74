"""Writing outputs so that a failed or interrupted build never leaves a half-written file and
never clobbers the last good one: write a temporary file beside the target, fsync, rename.
Zip entries get a fixed time, so the same spec gives the same bytes on any day.

The temporary file is named `.NAME.PID.RANDOM.tmp` (a long NAME is cut, with a digest, so the
temporary name stays within the file system's 255 bytes). Ctrl-C and SIGTERM remove it on the
way out; SIGKILL (or a power cut) cannot, so the next write to the same target removes the
temporaries of processes that no longer run.

A target that is a symbolic link is written through: the file it points to is replaced, the link
stays. A target that exists and is not a regular file (a device, a pipe, a socket) is refused,
and so is an output that is one of the run's inputs or another of its outputs.

Test hook: with `IKUGEN_TEST_SLOW_WRITE=SECONDS` in the environment, `write_atomic` pauses that
long halfway through writing the temporary file, so a test can interrupt a build mid-write.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable, Optional

from ikugen.errors import IkugenError, OutputError, UsageError, os_reason, shorten

# 1980-01-01, the earliest time a zip entry can carry; SOURCE_DATE_EPOCH overrides it.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


_LAST_EPOCH = 4354819199  # 2107-12-31 23:59:59, the last time a zip entry can carry


def source_date_epoch() -> Optional[int]:
    """SOURCE_DATE_EPOCH, checked like any input: seconds since 1970 in ASCII digits, up to 2107
    (DOCX and PDF both carry the time it gives; a zip entry cannot hold a later one)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()) or len(epoch) > 12 or int(epoch) > _LAST_EPOCH:
        raise UsageError(f"SOURCE_DATE_EPOCH={shorten(ascii(epoch)[1:-1], 40)}: harus detik sejak "
                         f"1970-01-01 dalam angka 0-9, paling besar {_LAST_EPOCH} (akhir tahun 2107), "
                         "mis. SOURCE_DATE_EPOCH=1700000000")
    return int(epoch)


def zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = source_date_epoch()
    if epoch is None:
        return _ZIP_EPOCH
    import time

    t = time.gmtime(max(epoch, 315532800))  # a zip entry holds 1980 at the earliest
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


class FixedTimeZip:
    """A zip archive in memory whose entries carry a fixed time and attributes: written once, the
    same bytes on any day (`zip_time`)."""

    def __init__(self) -> None:
        self.when = zip_time()
        self._out = io.BytesIO()
        self._zip = zipfile.ZipFile(self._out, "w", zipfile.ZIP_DEFLATED)

    def add(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, self.when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, data)

    def close(self) -> bytes:
        self._zip.close()
        return self._out.getvalue()


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed entry times and attributes."""
    archive = FixedTimeZip()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for item in src.infolist():
            archive.add(item.filename, src.read(item.filename))
    return archive.close()


def same_file(a: Path, b: Path) -> bool:
    """Whether two names are one file: the same inode (hard and symbolic links), or, for names
    not yet written, the same path once links are resolved."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def check_target(target: Path, inputs: Iterable[Path], others: Iterable[Path] = ()) -> None:
    """Refuse, before any work, an output that cannot or must not be written: a folder, a device
    or pipe, one of the run's `inputs`, or one of its `others` outputs."""
    shown = str(target)
    try:
        if target.is_dir():
            raise OutputError(f"{shown}: ini sebuah folder; sebutkan nama berkas keluaran, mis. "
                              f"{target / 'IKU.docx'}")
        if target.exists() and not stat.S_ISREG(target.stat().st_mode):
            raise OutputError(f"{shown}: bukan berkas biasa (perangkat, pipa atau soket); tidak ditimpa, "
                              "pilih nama berkas lain")
        for i, source in enumerate(inputs):  # the first input is the spec
            if same_file(target, source):
                what = "berkas spesifikasi" if i == 0 else f"berkas masukan {source}"
                raise OutputError(f"{shown}: berkas keluaran sama dengan {what}; pilih nama lain")
        for other in others:
            if same_file(target, other):
                raise OutputError(f"{shown}: berkas keluaran yang sama disebut dua kali ({other}); "
                                  "pilih nama lain")
        real = _written(target)
        folder = real.parent
        if not folder.exists():
            raise OutputError(f"{shown}: folder {folder} tidak ada; buat dulu foldernya")
        if not folder.is_dir():
            raise OutputError(f"{shown}: {folder} bukan folder")
        if not os.access(folder, os.W_OK) or (real.exists() and not os.access(real, os.W_OK)):
            raise OutputError(f"{shown}: tidak ada izin menulis")
    except OSError as exc:  # a name too long, a path through a file, a loop of links, ...
        raise OutputError(f"{shown}: tidak dapat menulis ({os_reason(exc)})") from None


def _written(target: Path) -> Path:
    """The file a write to `target` replaces: the file at the end of its links, if it is one."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _temporary_prefix(name: str) -> str:
    """`.NAME.PID.` for the temporary file; a long NAME cut, with a digest to stay distinct."""
    if len(name.encode("utf-8")) > 180:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
        name = name.encode("utf-8")[:150].decode("utf-8", "ignore") + "~" + digest
    return f".{name}."


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` all at once: the old file stays until the new one is complete."""
    shown = target
    target = _written(target)
    folder = target.parent
    try:
        remove_stale_temporaries(target)
        mode = target.stat().st_mode & 0o777 if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f"{_temporary_prefix(target.name)}{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
    except OSError as exc:
        raise OutputError(f"{shown}: tidak dapat menulis ({os_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            pause = os.environ.get("IKUGEN_TEST_SLOW_WRITE")
            if pause:  # the test hook described above
                import time

                handle.write(data[: len(data) // 2])
                handle.flush()
                time.sleep(float(pause))
                data = data[len(data) // 2:]
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
            raise OutputError(f"{shown}: gagal menulis ({os_reason(exc)}); berkas lama tetap utuh") from None
        raise


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove `.NAME.PID.*.tmp` beside `target` left by a process that was killed; return them.

    Only where a process can be asked whether it still runs (POSIX): a temporary of a build
    still running (here, now) is never touched.
    """
    if os.name != "posix":
        return []
    prefix = _temporary_prefix(target.name)
    removed = []
    try:
        with os.scandir(target.parent) as found:
            entries = [e for e in found if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return []
    for entry in entries:
        pid = entry.name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def write_new(target: Path, text: str) -> None:
    """`text` as the new file `target`, never over an existing one (`init`, `impor`)."""
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise IkugenError(f"{target}: berkas sudah ada; tidak ditimpa") from None
    except OSError as exc:
        raise OutputError(f"{target}: tidak dapat menulis ({os_reason(exc)})") from None
