"""`ikugen build` and `ikugen rekap` over many specs: plan, build with progress, summary, recap.

The mechanics are elsewhere (which files and their jobs: pool.py; worker processes, PDFs in one
LibreOffice run, a stopped run: workers.py); this is the order of a run and what it tells the
user. Lines go through the `out` and `err` callables, so the CLI decides how to print them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from ikugen.errors import OutputError, SpecError, exit_code
from ikugen.kabupaten import pool
from ikugen.kabupaten.progress import Progress
from ikugen.kabupaten.workers import Stopped
from ikugen.kabupaten.workers import run as workers_run
from ikugen.render import office

if TYPE_CHECKING:
    from ikugen.pipeline import Options

Echo = Callable[[str], None]


def build_many(berkas: tuple[Path, ...], folder: Optional[Path], formats: tuple[str, ...],
               workers: Optional[int], options: Options, strict: bool, skip: tuple[str, ...],
               rekap: Optional[Path], explain: bool,
               out: Echo, err: Echo) -> int:
    """Every spec named (files and folders) to FOLDER/<name>.<format>; the exit code."""
    office_errors = [p for p in office.template_problems(options.templates) if p.severity == "galat"]
    if office_errors:  # the office's templates, not any spec: told once, before any spec is read
        raise SpecError(office_errors)
    files = pool.expand(berkas)
    planned = pool.plan(files, folder or Path("."), formats if folder is not None else ())
    if formats and folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: folder keluaran tidak dapat dibuat ({exc.strerror})") from None
    _check_outputs(files, planned, rekap, options)
    work = pool.jobs(planned, options, skip, strict, rekap=rekap is not None, explain=explain)
    progress = Progress(len(work))

    def done(result: pool.Result) -> None:
        for problem in result.problems:
            progress.say(problem.text())
        if result.error:
            progress.say(f"{result.spec}: galat: {result.error}")
        progress.step(result.spec.name, result.ok)
        if result.ok:  # its warnings are told; the summary names only the specs that failed
            result.problems = []

    try:
        results = workers_run(work, workers or pool.default_workers(), done)
    except Stopped as stopped:  # Ctrl-C, kill, a closed terminal: say what was built, then stop
        progress.close()
        finished = [stopped.results[i] for i in sorted(stopped.results)]
        lines = pool.summary(finished, folder if formats else None) if finished else []
        err("\n".join(lines + [f"dihentikan: {len(work) - len(finished)} spesifikasi tidak dibuat"]))
        raise stopped.stop from None
    progress.close()
    for result in results:  # found once the batch's PDFs were made, after every worker
        for problem in result.page_problems:
            err(problem.text())
    for result in results:
        if result.explain:
            out("\n".join(result.explain))
    failed = [r for r in results if not r.ok]
    err("\n".join(pool.summary(results, folder if formats else None)))
    if rekap is not None:
        from ikugen.kabupaten import recap

        entries = [r.rekap for r in results if r.ok and r.rekap is not None]
        if entries:
            recap.write(entries, rekap, options)
            missing = f"; tanpa {len(failed)} yang gagal" if failed else ""
            err(f"ditulis: {rekap} (rekap {recap.count_text(entries)}{missing})")
        else:  # a run that produced nothing replaces nothing: the last good recap stays
            err(f"{rekap} tidak ditulis: tidak ada spesifikasi yang sah untuk direkap")
    # A bug in one worker is a bug of the run (70), as the CLI reports it for a single spec.
    return exit_code(failed=bool(failed), bug=any(r.internal for r in results))


def _check_outputs(files: list[Path], planned: list[tuple[Path, list[Path]]], rekap: Optional[Path],
                   options: Options) -> None:
    """Before any work: no output of the run is one of its inputs (the specs, the reference
    document, the office's templates) or another of its outputs. Each worker checks its spec's
    own inputs (bases, logo) again when it has read them."""
    from ikugen.writers.files import check_target

    inputs = list(files) + ([options.reference] if options.reference else [])
    if options.templates and options.templates.is_dir():
        inputs += [p for p in options.templates.rglob("*") if p.is_file()]
    named: list[Path] = []
    for target in [t for _, targets in planned for t in targets] + ([rekap] if rekap else []):
        check_target(target, inputs, named)
        named.append(target)
