"""Many specs in one run: which files the arguments name, each spec's job, one job built.

`build_one` is a worker's share of `pipeline.build` (kabupaten/workers.py runs the jobs in
worker processes); `check_all` is validate's counterpart, spread over processes the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from ikugen.errors import IkugenError, PageProblem, Problem, SpecError, UsageError

if TYPE_CHECKING:  # imported where used: a worker or `validate` needs neither
    from ikugen.checks.registry import Silenced
    from ikugen.kabupaten.recap import Entry
    from ikugen.pipeline import Options

SPEC_SUFFIXES = (".yaml", ".yml")


def expand(paths: tuple[Path, ...] | list[Path]) -> list[Path]:
    """Files named, with each folder replaced by its *.yaml files, in a stable order.

    A file that another file of the run names as its `dasar` is a kabupaten's shared values,
    not a kecamatan: it is checked through the specs that inherit it, not on its own.
    """
    from ikugen.spec.inherit import MAX_CHAIN, named_base, real_path

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Hidden files (.pre-commit-config.yaml, ...) are tool settings, not specs.
            found = sorted(p for p in path.iterdir()
                           if p.suffix in SPEC_SUFFIXES and p.is_file() and not p.name.startswith("."))
            if not found:
                raise UsageError(f"{path}: folder ini tidak berisi berkas .yaml")
            files += found
        elif not path.exists():
            raise UsageError(f"{path}: berkas tidak ditemukan")
        else:
            files.append(path)
    real = {f: real_path(f) for f in files}
    named = {real[f]: named_base(f) for f in files if real[f] is not None}

    def leads_to(start: Optional[Path], goal: Optional[Path]) -> bool:
        """Whether `start`'s chain of bases reaches `goal` (a circle, reported by the loader)."""
        for _ in range(MAX_CHAIN + 1):
            if start is None or start == goal:
                return start is not None
            start = named.get(start)
        return False

    # A base named by another spec of the run is checked through it, unless the two form a
    # circle: then each is checked on its own, so the circle is reported (IKU702), not skipped.
    bases = {base for f in files for base in [named.get(real[f])]
             if base is not None and base != real[f] and not leads_to(named.get(base), real[f])}
    kept = [f for f in files if real[f] not in bases]
    if not kept:
        raise IkugenError("tidak ada spesifikasi kecamatan untuk diperiksa: setiap berkas adalah "
                          "'dasar' dari berkas lain")
    return kept


@dataclass(frozen=True)
class Job:
    spec: Path
    targets: tuple[Path, ...]          # .docx and .md, written by the worker
    pdf: Optional[Path]                # made by the main process, after all workers
    options: Options
    skip: tuple[str, ...] = ()
    strict: bool = False
    rekap: bool = False
    explain: bool = False


@dataclass
class Result:
    spec: Path
    problems: list[Problem] = field(default_factory=list)
    error: Optional[str] = None        # why it failed, when not for its problems
    internal: bool = False             # the failure is a bug in ikugen
    written: list[Path] = field(default_factory=list)
    docx: Optional[bytes] = None       # for the PDF step
    markdown: str = ""                 # for the PDF step: what its pages must show (proof/)
    page_problems: list[PageProblem] = field(default_factory=list)  # what the PDF's pages show
    rekap: Optional[Entry] = None
    explain: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and not any(p.severity == "galat" for p in self.problems)


def plan(files: list[Path], folder: Path, formats: Iterable[str]) -> list[tuple[Path, list[Path]]]:
    """Each spec with its outputs, FOLDER/<spec name>.<format>; two specs may not share a name."""
    seen: dict[str, Path] = {}
    out = []
    for spec in files:
        if spec.stem in seen:
            raise UsageError(f"{spec} dan {seen[spec.stem]} akan menulis keluaran bernama sama "
                             f"({spec.stem}.*); ganti nama salah satu berkas")
        seen[spec.stem] = spec
        out.append((spec, [folder / f"{spec.stem}.{fmt}" for fmt in formats]))
    return out


def jobs(planned: list[tuple[Path, list[Path]]], options: Options, skip: tuple[str, ...], strict: bool, *,
         rekap: bool, explain: bool) -> list[Job]:
    out = []
    for spec, targets in planned:
        pdf = next((t for t in targets if t.suffix == ".pdf"), None)
        others = tuple(t for t in targets if t != pdf)
        out.append(Job(spec, others, pdf, options, skip, strict, rekap, explain))
    return out


def summary(results: list[Result], folder: Optional[Path]) -> list[str]:
    """What a batch made, and for each spec that failed, why (its first error)."""
    failed = [r for r in results if not r.ok]
    good = len(results) - len(failed)
    made = f"{good} dokumen dibuat di {folder}" if folder else f"{good} sah"
    lines = [f"{len(results)} spesifikasi: {made}" + (f", {len(failed)} gagal:" if failed else "")]
    for r in failed:
        errors = [p for p in r.problems if p.severity == "galat"]
        lines.append(f"  {r.spec}: " + (r.error or f"{len(errors)} galat (pertama: {errors[0].text()})"))
    return lines


def build_one(job: Job) -> Result:
    """One spec to its documents; every failure becomes part of the result, nothing is raised.

    The worker's share of `pipeline.build`: .md and .docx are written here, the DOCX a PDF needs
    is handed back, to be converted with the rest of the batch in one LibreOffice run.
    """
    from ikugen import pipeline
    from ikugen.writers.files import write_atomic

    result = Result(job.spec)
    try:
        loaded = pipeline.load_spec(job.spec, str(job.spec), job.skip, job.options)
        result.problems = list(loaded.warnings)
        if job.explain:
            from ikugen.spec.origins import explain

            result.explain = explain(loaded.spek, loaded.smap)
        pipeline.refuse_under_strict(loaded, job.strict)
        pipeline.check_targets(loaded, job.targets + ((job.pdf,) if job.pdf else ()), job.options)
        kinds = {pipeline.kind(t) for t in job.targets} | ({"docx", "md"} if job.pdf else set())
        made = pipeline.render_formats(loaded, kinds, job.options).files if kinds else {}
        for target in job.targets:
            write_atomic(target, made[pipeline.kind(target)])
            result.written.append(target)
        if job.pdf:
            result.docx, result.markdown = made["docx"], made["md"].decode("utf-8")
        if job.rekap:
            from ikugen.kabupaten.recap import entry

            result.rekap = entry(loaded)
    except SpecError as exc:
        result.problems = exc.problems
    except IkugenError as exc:
        result.error = str(exc)
    except Exception as exc:  # a bug: reported for this spec, the others still get built
        result.error = f"galat internal ikugen ({type(exc).__name__}: {exc})"
        result.internal = True
    return result


def check_one(path: Path, skip: tuple[str, ...],
              options: Optional[Options] = None) -> tuple[list[Problem], list[Silenced]]:
    """One spec's problems and the warnings its `abaikan` entries silenced (for validate), with
    the template folder a build with `options` would use."""
    from ikugen.pipeline import load_spec

    try:
        loaded = load_spec(path, str(path), skip, options)
        return loaded.warnings, loaded.silenced
    except SpecError as exc:
        return exc.problems, getattr(exc, "silenced", [])


def check_all(paths: list[Path], skip: tuple[str, ...], workers: int,
              options: Optional[Options] = None) -> list[tuple[list[Problem], list[Silenced]]]:
    """check_one for every path, in order; many specs are spread over `workers` processes."""
    if workers <= 1 or len(paths) < 8:  # below that, starting workers costs more than it saves
        return [check_one(p, skip, options) for p in paths]
    # Imported here: a validate that checks its specs in this process needs no processes
    # (concurrent.futures.process and multiprocessing: ~15 ms of its start).
    from concurrent.futures import ProcessPoolExecutor

    from ikugen import pipeline  # noqa: F401  (imported before the workers fork, so they share it)

    with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
        return list(pool.map(check_one, paths, [skip] * len(paths), [options] * len(paths), chunksize=16))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
