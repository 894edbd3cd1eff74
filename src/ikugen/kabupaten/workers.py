"""A batch's documents built in worker processes, and what happens when the run is stopped.

Markdown and DOCX are CPU work, so each document is built by a worker process; a spec that fails
is reported and the others go on. PDFs are made afterwards from the workers' DOCX with one
LibreOffice run for all of them, since starting LibreOffice costs seconds, and finished as a
single build finishes them (kabupaten/pdfs.py).

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
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

from ikugen.errors import Terminated
from ikugen.kabupaten import pdfs
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
    workers = min(workers, len(jobs), _workers_that_fit())
    if workers <= 1:
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

        broken = _in_pool(list(enumerate(jobs)), workers, results, on_done)
        for i, job in broken:  # each alone now: a worker that dies again names its spec
            for j, again in _in_pool([(i, job)], 1, results, on_done):
                results[j] = Result(again.spec, error=WORKER_DIED)
                on_done(results[j])
    ordered = [results[i] for i in range(len(jobs))]
    pdfs.make([(r, job) for r, job in zip(ordered, jobs, strict=True) if r.ok and job.pdf])
    return ordered


def _in_pool(todo: list[tuple[int, Job]], workers: int, results: dict[int, Result],
             on_done: Callable[[Result], None]) -> list[tuple[int, Job]]:
    """Build `todo` in one pool of `workers`; return the jobs a dead worker took with it."""
    broken: list[tuple[int, Job]] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    try:
        with _signals_held():  # the first submit forks every worker
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
    except BaseException:  # e.g. no file descriptor left to start a worker
        _stop_workers(pool, kill_after=5.0)  # none may outlive the run: exit would wait for it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return broken


_busy = False  # in a worker: whether it is building a document now


# Per worker: the pipe to its process, and the files one build opens (spec, bases, templates,
# reference, pictures, the temporary output); for the pool: its queues and wake-up pipe.
_FILES_PER_WORKER, _FILES_OF_POOL = 12, 8


def _workers_that_fit() -> int:
    """How many workers the open-file limit (`ulimit -n`) leaves room for; 1 builds in this process."""
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        in_use = len(os.listdir("/proc/self/fd"))
    except (ImportError, OSError, ValueError):  # not Linux: no way to count, and no such limits seen
        return os.cpu_count() or 1
    if limit == resource.RLIM_INFINITY:
        return os.cpu_count() or 1
    return max(1, (limit - in_use - _FILES_OF_POOL) // _FILES_PER_WORKER)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}


@contextmanager
def _signals_held() -> Iterator[None]:
    """Stop signals held back while workers fork: until its initializer runs, a worker has this
    process's handlers, and a SIGTERM raised there is swallowed (the worker then never ends)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _worker_started() -> None:
    """A worker ignores Ctrl-C (the main process stops it with SIGTERM) and ends quietly on
    SIGTERM between documents; during one, SIGTERM aborts it as it aborts a single build."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stopped)
    signal.signal(signal.SIGALRM, _worker_stopped)  # a stop put off by _stopped_in_a_finalizer
    sys.unraisablehook = _stopped_in_a_finalizer
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # held by _signals_held


def _stopped_in_a_finalizer(unraisable: "sys.UnraisableHookArgs") -> None:
    """SIGTERM landed in a finalizer (a ZipFile's __del__), where Python prints the exception and
    drops it: stop again, outside it, instead of printing a traceback and building on. Not by
    signalling at once: the handler would run here, in the hook, and its exception be printed.
    A timer a millisecond on raises it where the build is (again here, should it land here)."""
    if isinstance(unraisable.exc_value, Terminated):
        signal.setitimer(signal.ITIMER_REAL, 0.001)
        return
    sys.__unraisablehook__(unraisable)


def _worker_stopped(signum: int, frame: object) -> None:
    if _busy:
        raise Terminated()
    os._exit(128 + signal.SIGTERM)  # (SIGALRM: a SIGTERM put off)


def _build(job: Job) -> Result:
    global _busy
    _busy = True
    try:
        return build_one(job)
    finally:
        _busy = False


def _stop_workers(pool: ProcessPoolExecutor, kill_after: Optional[float] = None) -> None:
    """SIGTERM to each worker: forked from this process, it aborts its document as a single build
    does (removing the temporary file). Ctrl-C at a terminal has reached them already. With
    `kill_after`, a worker still there after that many seconds is killed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public list of them
    for process in processes:
        try:
            os.kill(process.pid, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if kill_after is None:
        return
    deadline = time.monotonic() + kill_after
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
