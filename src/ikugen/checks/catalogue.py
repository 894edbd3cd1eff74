"""Every check ikugen runs, and running them: `REGISTRY` by code, `run`, `resolve_skip`.

The checks live by topic in this package; `_MODULES` lists the modules whose `@check`
functions run. A new check in one of them runs as soon as it is written; a new module of checks
is added to that list. `REGISTRY` is what `docs/checks.md` documents (a test keeps the two in
step).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from types import ModuleType
from typing import Iterable, Optional

from ikugen.checks import (
    blanks,
    changes,
    common,
    hygiene,
    legal,
    legal_scope,
    markdown,
    measures,
    modeline,
    nip,
    people,
    places,
    silence,
    structure,
    tables,
    targets,
    unit_words,
    unprinted,
)
from ikugen.checks.registry import Check, Context, Outcome, Output, problem
from ikugen.errors import Problem, UsageError
from ikugen.spec.model import Spek
from ikugen.spec.model_layout import Bab, BagianBawaan
from ikugen.spec.schema_errors import suggest
from ikugen.spec.yaml_reader import SourceMap

_MODULES = (markdown, hygiene, legal, legal_scope, measures, modeline, nip, people, places, silence,
            structure, tables, targets, unit_words, blanks, changes, unprinted)


def _collect(modules: Iterable[ModuleType]) -> dict[str, Check]:
    found: dict[str, Check] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Check) and found.setdefault(value.code, value) is not value:
                raise AssertionError(f"two checks with the code {value.code}")
    return found


REGISTRY: dict[str, Check] = _collect(_MODULES)
# What the built document prints (IKU407) is told once the spec has no error: the fix of an error
# (a tujuan that does not exist) changes what is printed.
_WAITS = frozenset({unprinted.CODE})
_LOADER = "IKU0"  # the block of the loader's checks, which cannot be skipped (docs/checks.md)


def resolve_skip(names: Iterable[str]) -> set[str]:
    """The codes that `--abaikan` names: a code (any case) or a check's English slug."""
    by_slug = {c.slug: c.code for c in REGISTRY.values()}
    codes = set()
    for name in names:
        wanted = name.strip()
        code = wanted.upper() if wanted.upper() in REGISTRY else by_slug.get(wanted.lower())
        if code is None:
            close = suggest(wanted.upper(), list(REGISTRY)) or suggest(wanted.lower(), list(by_slug))
            hint = f"; maksud Anda {close}?" if close else "; daftar kode ada di docs/checks.md"
            raise UsageError(f"--abaikan {wanted}: bukan kode pemeriksaan yang dapat dilewati{hint}")
        if code.startswith(_LOADER):
            # What the loader refuses, the writer cannot write: skipping the check would only
            # move the failure into the build, without its place.
            raise UsageError(f"--abaikan {wanted}: {code} tidak dapat dilewati; tanpa pemeriksaan ini "
                             "dokumen tidak dapat dibuat")
        codes.add(code)
    return codes


def run(spek: Spek, smap: SourceMap, skip: Iterable[str] = (), today: Optional[datetime.date] = None,
        output: Optional[Output] = None, source: Optional[tuple[Path, str]] = None,
        previous: Optional[tuple[Spek, SourceMap]] = None, errors_only: bool = False) -> Outcome:
    """Every registered check but the skipped ones (with `errors_only`, the checks of warnings
    too); warnings the spec silences are set apart.

    `output` is the document as it will be built (layout and chapters); without it, the spec's
    own `tata_letak` and `susunan` (or, without one, every section)."""
    if output is None:
        output = Output(spek.dokumen.tata_letak, sections(spek.susunan) if spek.susunan else None)
    context = Context(spek, smap, today or datetime.date.today(), output, source, previous)
    # The texts the checks cache are one spec's: a batch of thousands of specs holds one spec's.
    for cached in (common.fold, common.counts, legal.citations, legal.same_title, people.similarity):
        cached.cache_clear()
    skipped = set(skip)
    if errors_only:
        skipped |= {c.code for c in REGISTRY.values() if c.severity != "galat"}
    found = [(c, f) for c in REGISTRY.values() if c.code not in skipped | _WAITS for f in c(context)]
    if any(c.severity == "galat" for c, _ in found):  # a spec with errors builds nothing yet
        skipped |= _WAITS  # not run: an `abaikan` entry for them is not stale either
    else:
        found += [(c, f) for c in REGISTRY.values() if c.code in _WAITS - skipped for f in c(context)]
    return silence.apply(context, found, skipped, REGISTRY)


def run_source(smap: SourceMap) -> list[Problem]:
    """The checks that need only the file, for a spec the model refused."""
    return [problem(smap, structure.unquoted_identifiers, f) for f in structure.unquoted(smap)]


def refine_schema_problems(problems: list[Problem], data: object, smap: SourceMap) -> list[Problem]:
    """Schema problems, with a position title written where an id belongs explained as such."""
    better = {smap.locate(f.loc): f for f in people.titles_for_ids(data)}
    out = []
    for p in problems:
        f = better.get((p.line, p.column)) if p.code == "IKU011" else None
        out.append(problem(smap, REGISTRY["IKU102"], f) if f else p)
    return out



def sections(chapters: Iterable[Bab]) -> frozenset[str]:
    """The built-in sections that `chapters` print."""
    names: set[str] = set()
    for chapter in chapters:
        for item in chapter.bagian:
            if isinstance(item, str):
                names.add(item)
            elif isinstance(item, BagianBawaan):
                names.add(item.bagian)
    return frozenset(names)
