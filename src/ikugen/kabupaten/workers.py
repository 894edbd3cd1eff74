"""A batch's documents built in worker processes, and what happens when the run is stopped.

Markdown and DOCX are CPU work, so each document is built by a worker process; a spec that fails
is reported and the others go on. PDFs are made afterwards from the workers' DOCX with one
LibreOffice run for all of them, since starting LibreOffice costs seconds.

- A signal to the run (Ctrl-C, `kill`, a closed terminal) stops the whole batch: no new document
  starts, the workers abandon the ones in progress (their temporary files removed, as a single
  build does), finished documents stay, and `Stopped` carries what was built.
- A worker that dies (the out-of-memory killer) fails its own document only: the documents the
  broken pool took with it are built again, each in a process of its own, so the one whose
  worker dies again is the one named.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from ikugen.errors import IkugenError, Terminated
from ikugen.kabupaten.pool import Job, Result, build_one

WORKER_DIED = "proses pembuatnya berhenti mendadak (mungkin kehabisan memori); dokumen tidak dibuat"


class Stopped(Exception):
    """The run was stopped by `signal` (a KeyboardInterrupt); `results` holds what was done."""

    def __init__(self, results: dict[int, Result], stop: KeyboardInterrupt):
        super().__init__("dihentikan")
        self.results, self.stop = results, stop


def run(jobs: list[Job], workers: int, on_done: Callable[[Result], None]) -> list[Result]:
    """Build every job, `workers` at a time; results in the jobs' order, each reported as it ends."""
    results: dict[int, Result] = {}
    if workers <= 1 or len(jobs) <= 1:
        try:
            for i, job in enumerate(jobs):
                results[i] = build_one(job)
                on_done(results[i])
        except KeyboardInterrupt as stop:  # build_one removed its temporary file on the way
            raise Stopped(results, stop) from None
    else:
        # Imported before the workers fork, so they share these modules instead of importing them.
        from ikugen import pipeline  # noqa: F401
        from ikugen.writers import docx  # noqa: F401

        broken = _in_pool(list(enumerate(jobs)), min(workers, len(jobs)), results, on_done)
        for i, job in broken:  # each alone now: a worker that dies again names its spec
            for j, again in _in_pool([(i, job)], 1, results, on_done):
                results[j] = Result(again.spec, error=WORKER_DIED)
                on_done(results[j])
    ordered = [results[i] for i in range(len(jobs))]
    _make_pdfs([(r, job.pdf) for r, job in zip(ordered, jobs, strict=True) if r.ok and job.pdf])
    return ordered


def _in_pool(todo: list[tuple[int, Job]], workers: int, results: dict[int, Result],
             on_done: Callable[[Result], None]) -> list[tuple[int, Job]]:
    """Build `todo` in one pool of `workers`; return the jobs a dead worker took with it."""
    broken: list[tuple[int, Job]] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    try:
        pending: dict[Future[Result], tuple[int, Job]] = {pool.submit(_build, job): (i, job)
                                                          for i, job in todo}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                i, job = pending.pop(future)
                try:
                    results[i] = future.result()
                except BrokenProcessPool:
                    broken.append((i, job))
                    continue
                on_done(results[i])
    except KeyboardInterrupt as stop:
        _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)  # the workers remove their temporary files
        raise Stopped(results, stop) from None
    except BaseException:  # e.g. no file descriptor left to start a worker: do not wait for them
        _stop_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return broken


_busy = False  # in a worker: whether it is building a document now


def _worker_started() -> None:
    """A worker ignores Ctrl-C (the main process stops it with SIGTERM) and ends quietly on
    SIGTERM between documents; during one, SIGTERM aborts it as it aborts a single build."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stopped)


def _worker_stopped(signum: int, frame: object) -> None:
    if _busy:
        raise Terminated()
    os._exit(128 + signum)


def _build(job: Job) -> Result:
    global _busy
    _busy = True
    try:
        return build_one(job)
    finally:
        _busy = False


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM to each worker: forked from this process, it aborts its document as a single build
    does (removing the temporary file). Ctrl-C at a terminal has reached them already."""
    processes = getattr(pool, "_processes", None) or {}  # the executor keeps no public list
    for process in list(processes.values()):
        try:
            os.kill(process.pid, signal.SIGTERM)
        except (OSError, AttributeError):
            pass


def _make_pdfs(todo: list[tuple[Result, Path]]) -> None:
    """One LibreOffice run for every PDF; if it fails, each document it was to make says why."""
    if not todo:
        return
    from ikugen.writers.files import write_atomic
    from ikugen.writers.pdf import convert_many

    try:
        pdfs = convert_many([r.docx for r, _ in todo])  # type: ignore[misc]
    except IkugenError as exc:
        for r, _ in todo:
            r.error = str(exc)
        return
    for (r, target), data in zip(todo, pdfs, strict=True):
        try:
            write_atomic(target, data)
            r.written.append(target)
        except IkugenError as exc:
            r.error = str(exc)
        r.docx = None
