"""A build stopped halfway (Ctrl-C, `kill`, `kill -9`) leaves the previous output as it was.

The build is caught mid-write with the test hook of `ikugen.writers.files` (IKUGEN_TEST_SLOW_WRITE: the
temporary file is half written, then the process waits), and with PDF output while LibreOffice
runs. SIGKILL cannot be handled, so its half-written temporary file stays until the next build
to the same target, which removes it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, require_tool, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
OLD = b"dokumen lama yang harus tetap utuh\n"


def _start(*args: str, env: dict | None = None) -> subprocess.Popen:
    environment = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "ikugen", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=environment)


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


def _mid_write(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """A build of out.docx over old bytes, paused with its temporary file half written."""
    out = tmp_path / "out.docx"
    out.write_bytes(OLD)
    proc = _start("build", str(SPEC), "-o", str(out), env={"IKUGEN_TEST_SLOW_WRITE": "60"})
    try:
        _wait_for(lambda: any(p.stat().st_size > 0 for p in _temporaries(tmp_path)))
    except AssertionError:
        proc.kill()
        raise AssertionError(f"no temporary file appeared: {proc.communicate()[1][-2000:]}") from None
    return proc, out


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)],
                         ids=["ctrl-c", "sigterm", "sighup"])
def test_interrupted_mid_write_keeps_the_old_file_and_leaves_nothing(tmp_path, signum, code):
    proc, out = _mid_write(tmp_path)
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == code, stderr
    assert stderr.strip().splitlines()[-1] == "Dibatalkan."
    assert "Traceback" not in stderr
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_killed_mid_write_keeps_the_old_file_and_the_next_build_cleans_up(tmp_path):
    proc, out = _mid_write(tmp_path)
    proc.kill()  # SIGKILL: no clean-up can run
    proc.communicate(timeout=30)
    assert out.read_bytes() == OLD
    stray = _temporaries(tmp_path)
    assert len(stray) == 1 and stray[0].name.startswith(f".out.docx.{proc.pid}.")
    result = run_ikugen("build", SPEC, "-o", out, process=True)  # the next build: another process
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_a_temporary_of_a_running_build_is_left_alone(tmp_path):
    out = tmp_path / "out.md"
    live = tmp_path / f".out.md.{os.getpid()}.abcd.tmp"  # this test's own process is alive
    live.write_bytes(b"sedang ditulis")
    dead = tmp_path / f".out.md.{_dead_pid()}.efgh.tmp"
    dead.write_bytes(b"sisa")
    other = tmp_path / ".lain.md.1.x.tmp"  # another target's: not ours to touch
    other.write_bytes(b"lain")
    # A process of its own: `live` then belongs to another running process, as for two builds.
    result = run_ikugen("build", SPEC, "-o", out, process=True)
    assert result.returncode == 0, result.stderr
    assert live.exists() and other.exists() and not dead.exists()


def _dead_pid() -> int:
    """The pid of a process that has ended (and was reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see LibreOffice's processes")
def test_ctrl_c_during_pdf_conversion_stops_libreoffice_too(tmp_path):
    require_tool("soffice")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "out.pdf"
    out.write_bytes(OLD)
    proc = _start("build", str(SPEC), "-o", str(out), env={"TMPDIR": str(scratch)})
    try:
        _wait_for(lambda: _processes_mentioning(str(scratch)), seconds=120)
    except AssertionError:
        proc.kill()
        raise
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "Dibatalkan."
    assert "Traceback" not in stderr
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf", "tmp"]
    _wait_for(lambda: not _processes_mentioning(str(scratch)), seconds=30)  # no LibreOffice left
    assert list(scratch.iterdir()) == []  # its working folder removed


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see LibreOffice's processes")
def test_a_pdf_build_that_fails_before_its_pdf_stops_the_libreoffice_it_started(tmp_path):
    """LibreOffice starts with the build, while the spec is loaded (pdf.warm): a spec with an
    error ends the build before any PDF, and that LibreOffice must not outlive it."""
    require_tool("soffice")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    bad = tmp_path / "rusak.yaml"
    bad.write_text(SPEC.read_text(encoding="utf-8").replace("periode: {awal: 2021", "periode: {awal: 2031"),
                   encoding="utf-8")
    out = tmp_path / "out.pdf"
    out.write_bytes(OLD)
    done = run_ikugen("build", bad, "-o", out, process=True, env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 1, done.stderr
    assert "galat" in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == OLD
    assert not _processes_mentioning(str(scratch))  # stopped before ikugen ended, not after
    assert list(scratch.iterdir()) == []


@pytest.mark.slow  # LibreOffice started twice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see LibreOffice's processes")
def test_after_kill_9_during_pdf_conversion_the_next_run_stops_libreoffice_and_cleans_up(tmp_path):
    require_tool("soffice")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = _start("build", str(SPEC), "-o", str(tmp_path / "out.pdf"), env={"TMPDIR": str(scratch)})
    try:
        _wait_for(lambda: _processes_mentioning(str(scratch)), seconds=120)
    except AssertionError:
        proc.kill()
        raise
    proc.kill()  # SIGKILL: ikugen cannot stop LibreOffice or remove its folder
    proc.communicate(timeout=60)
    assert [p.name.startswith("ikugen-lo-") for p in scratch.iterdir()] == [True]
    # The next PDF build, of another document, stops the dead run's LibreOffice and removes its
    # folder before it starts its own.
    again = run_ikugen("build", SPEC, "-o", tmp_path / "lagi.pdf", process=True,
                       env={**os.environ, "TMPDIR": str(scratch)})
    assert again.returncode == 0, again.stderr
    _wait_for(lambda: not _processes_mentioning(str(scratch)), seconds=30)  # no LibreOffice left
    assert list(scratch.iterdir()) == [], [str(p) for p in scratch.rglob("*")][:20]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to make another user's folder")
def test_a_dead_run_of_another_user_is_left_to_them_and_costs_no_wait(tmp_path, monkeypatch):
    """In a shared /tmp another user's dead run is theirs: its folder cannot be removed, and its
    group file names processes that are not ours. Before, every PDF build retried for 3 s."""
    import tempfile

    from ikugen.writers import pdf

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    theirs, ours = tmp_path / f"ikugen-lo-{pid}-theirs", tmp_path / f"ikugen-lo-{pid}-ours"
    theirs.mkdir()
    ours.mkdir()
    (theirs / "gruppe").write_text("999999", encoding="ascii")  # never signalled: not ours
    os.chown(theirs, 54321, 54321)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    started = time.monotonic()
    assert pdf.remove_dead_runs() == [ours]
    assert time.monotonic() - started < 1
    assert theirs.is_dir() and not ours.exists()
