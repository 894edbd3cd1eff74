"""A batch stops at the first signal, and a worker that dies fails only its own document."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"


def _specs(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        shutil.copy(SPEC, folder / f"k{i:02d}.yaml")
    return folder


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)],
                         ids=["kill", "ctrl-c", "sighup"])
def test_a_batch_stops_at_the_first_signal(tmp_path, signum, code):
    specs, out = _specs(tmp_path / "spek", 40), tmp_path / "dokumen"
    env = {**os.environ, "IKUGEN_TEST_SLOW_WRITE": "0.3"}  # each document takes a while to write
    proc = subprocess.Popen([sys.executable, "-m", "ikugen", "build", str(specs), "-k", str(out), "-j", "2"],
                            stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(p.suffix == ".docx" for p in out.iterdir())):
        assert time.monotonic() < deadline and proc.poll() is None, "no document was written"
        time.sleep(0.05)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    written = sorted(p.name for p in out.iterdir())
    assert not [n for n in written if n.endswith(".tmp")], written  # nothing half-written is left
    assert len(written) < 10, f"{len(written)} documents written after the signal"
    assert f"dihentikan: {40 - len(written)} spesifikasi tidak dibuat" in stderr or "dihentikan:" in stderr
    assert "Traceback" not in stderr


def _dies_for_k01(job):
    """build_one, except that the worker building k01 dies as the out-of-memory killer ends it."""
    from ikugen.kabupaten import pool

    if job.spec.name == "k01.yaml":
        os.kill(os.getpid(), signal.SIGKILL)
    return pool.build_one(job)


def test_a_worker_that_dies_fails_its_own_document_only(tmp_path, monkeypatch):
    from ikugen.kabupaten import pool, workers
    from ikugen.pipeline import Options

    specs, out = _specs(tmp_path / "spek", 6), tmp_path / "dokumen"
    out.mkdir()
    planned = pool.plan(sorted(specs.iterdir()), out, ["md"])
    jobs = pool.jobs(planned, Options(), (), False, rekap=False, explain=False)
    monkeypatch.setattr(workers, "build_one", _dies_for_k01)  # the forked workers see it too
    seen = []
    results = workers.run(jobs, 2, seen.append)
    failed = [r for r in results if not r.ok]
    assert [r.spec.name for r in failed] == ["k01.yaml"]
    assert failed[0].error == workers.WORKER_DIED
    assert sorted(p.name for p in out.iterdir()) == [f"k{i:02d}.md" for i in range(6) if i != 1]
    assert len(seen) == 6


def _low_file_limit(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return apply


@pytest.mark.parametrize("limit", [8, 14, 20])
def test_a_low_open_file_limit_builds_the_batch_with_the_workers_that_fit(tmp_path, limit):
    # `ulimit -n 14` once printed its message and then hung at exit, waiting for a worker that
    # had swallowed its SIGTERM while being forked.
    specs, out = _specs(tmp_path / "spek", 6), tmp_path / "dokumen"
    done = subprocess.run([sys.executable, "-m", "ikugen", "build", str(specs), "-k", str(out), "-j", "4"],
                          capture_output=True, text=True, timeout=60, preexec_fn=_low_file_limit(limit))
    assert done.returncode == 0, done.stderr
    assert "6 spesifikasi: 6 dokumen dibuat" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"k{i:02d}.docx" for i in range(6)]


_NO_ROOM = """
import resource, sys
from ikugen.kabupaten import workers
from ikugen.cli.main import main
resource.setrlimit(resource.RLIMIT_NOFILE, (12, 12))
workers._workers_that_fit = lambda: 4  # as if the limit were not known: the pool cannot start
main(sys.argv[1:])
"""


def test_a_pool_that_cannot_start_ends_the_run_with_its_reason_and_no_worker_left(tmp_path):
    specs, out = _specs(tmp_path / "spek", 6), tmp_path / "dokumen"
    done = subprocess.run([sys.executable, "-c", _NO_ROOM, "build", str(specs), "-k", str(out), "-j", "4"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "galat: terlalu banyak berkas terbuka" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
