"""The processes and folders of LibreOffice runs: started in a process group of their own,
stopped whole, and a killed run's leftovers removed by the next.

LibreOffice runs in its own process group, so that on a timeout or Ctrl-C the whole of it (the
bridge script and every soffice process it started) is stopped, not only the child we started.
A run killed outright (`kill -9`) cannot stop LibreOffice or remove its folder; the next run does
both (the folder is named with the run's process id, and holds LibreOffice's group id).
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

from ikugen.errors import IkugenError, os_reason

FOLDER_PREFIX = "ikugen-lo-"
DONE = b"ok\n"  # what lo_convert.py says when every PDF is written


def spawn(args: list[str], env: dict[str, str], group_file: Path,
          feed: bool = False) -> subprocess.Popen[bytes]:
    """Start LibreOffice (or its bridge script) in a process group of its own; with `feed`, it
    reads what `finish` sends it on its standard input."""
    try:
        pipe = subprocess.PIPE if feed else subprocess.DEVNULL
        proc = subprocess.Popen(args, stdin=pipe, stdout=pipe, stderr=subprocess.PIPE, env=env,
                                start_new_session=os.name == "posix")
    except OSError as exc:
        raise IkugenError(f"LibreOffice tidak dapat dijalankan ({os_reason(exc)}); "
                          "PDF tidak dibuat") from None
    group_file.write_text(str(proc.pid), encoding="ascii")  # for the run after a kill -9
    return proc


def finish(proc: subprocess.Popen[bytes], limit: float, feed: Optional[bytes] = None) -> tuple[int, bytes]:
    """Wait for a run to end, `limit` seconds at most; stop the whole group if it overruns. A run
    that is fed its documents ends when it says it has written them (lo_convert.py's "ok")."""
    try:
        if feed is not None and os.name == "posix":
            code, stderr = _until_done(proc, feed, limit)
        else:
            _, stderr = proc.communicate(input=feed, timeout=limit)
            code = proc.returncode
    except subprocess.TimeoutExpired:
        stop(proc)
        raise IkugenError(f"LibreOffice tidak selesai dalam {limit:g} detik; PDF tidak dibuat "
                          "(waktu dapat ditambah dengan IKUGEN_PDF_TIMEOUT=detik)") from None
    except BaseException:  # Ctrl-C, SIGTERM: LibreOffice does not outlive ikugen
        stop(proc)
        raise
    # The PDFs are written; a LibreOffice process still shutting down (writing its throwaway
    # profile) would make files in the folder after it is removed, and so keep it.
    stop(proc)
    return code, stderr


def _until_done(proc: subprocess.Popen[bytes], feed: bytes, limit: float) -> tuple[int, bytes]:
    """Send the bridge its documents; read its output and errors until it says "ok" (0) or ends
    (its exit code)."""
    assert proc.stdin and proc.stdout and proc.stderr
    deadline = time.monotonic() + limit
    try:
        proc.stdin.write(feed)
        proc.stdin.close()
    except BrokenPipeError:  # it ended before reading (LibreOffice did not start): its code says why
        pass
    said, errors = b"", b""
    with selectors.DefaultSelector() as streams:
        streams.register(proc.stdout, selectors.EVENT_READ)
        streams.register(proc.stderr, selectors.EVENT_READ)
        while streams.get_map() and DONE not in said:
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(proc.args, limit)
            for key, _ in streams.select(left):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    streams.unregister(key.fileobj)
                elif key.fileobj is proc.stdout:
                    said += chunk
                else:
                    errors += chunk
    if DONE in said:
        return 0, errors
    return proc.wait(timeout=max(0.0, deadline - time.monotonic())), errors


def stop(proc: subprocess.Popen[bytes]) -> None:
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
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*-*"):
        owner = folder.name[len(FOLDER_PREFIX):].split("-", 1)[0]
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
