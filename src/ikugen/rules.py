"""The registry of checks that relate parts of a valid spec to each other, each with a stable code.

Every check is a generator registered with `@check(code, severity, title)`; it yields
`Finding`s that name the path of the value at fault. `run()` turns them into Problems at the
value's line and column, after the spec's own `abaikan` entries have silenced what they name.
The checks themselves live by topic in the `checks` package, which imports this module to
register them; so this module imports it last, and its functions import from it when called.
`REGISTRY` is what `docs/checks.md` documents (a test keeps the two in step).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Optional, TypeVar

from .errors import Problem, Severity, UsageError
from .model import Spek
from .schema_errors import suggest
from .source import Path_, SourceMap


@dataclass(frozen=True)
class Finding:
    loc: Path_
    message: str
    hint: Optional[str] = None


@dataclass(frozen=True)
class Context:
    spek: Spek
    smap: SourceMap
    # "Today" for the checks that compare with it (a NIP's start of service in the future).
    today: datetime.date = field(default_factory=datetime.date.today)


CheckFunc = Callable[[Context], Iterable[Finding]]
# The decorator hands back the function it registers, with its own (narrower) type.
_F = TypeVar("_F", bound=CheckFunc)


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    title: str
    func: CheckFunc
    slug: str  # an English name for --abaikan/--ignore: the function's name with dashes


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: Severity, title: str) -> Callable[[_F], _F]:
    def register(func: _F) -> _F:
        assert code not in REGISTRY, code
        REGISTRY[code] = Check(code, severity, title, func, func.__name__.strip("_").replace("_", "-"))
        return func
    return register


@dataclass(frozen=True)
class Silenced:
    """A warning the spec silenced with an `abaikan` entry: shown, with the reason, not counted."""

    problem: Problem
    alasan: str

    @property
    def file(self) -> str:
        return self.problem.file

    @property
    def line(self) -> int:
        return self.problem.line

    @property
    def column(self) -> int:
        return self.problem.column

    def text(self) -> str:
        p = self.problem
        return f"{p.file}:{p.line}:{p.column}: diabaikan: {p.message} [{p.code}] (alasan: {self.alasan})"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self.problem), "severity": "diabaikan", "alasan": self.alasan}


@dataclass(frozen=True)
class Outcome:
    problems: list[Problem]
    silenced: list[Silenced]


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
        codes.add(code)
    return codes


def run(spek: Spek, smap: SourceMap, skip: Iterable[str] = (),
        today: Optional[datetime.date] = None) -> Outcome:
    """Every registered check but the skipped ones; warnings the spec silences are set apart."""
    from .checks import silence

    context = Context(spek, smap, today or datetime.date.today())
    skipped = set(skip)
    found = [(c, f) for c in REGISTRY.values() if c.code not in skipped for f in c.func(context)]
    return silence.apply(context, found, skipped)


def problem(smap: SourceMap, c: Check, f: Finding) -> Problem:
    return smap.problem(f.loc, c.code, f.message, hint=f.hint, severity=c.severity)


def run_source(smap: SourceMap) -> list[Problem]:
    """The checks that need only the file, for a spec the model refused."""
    from .checks.structure import unquoted

    found = REGISTRY["IKU106"]
    return [problem(smap, found, f) for f in unquoted(smap)]


def refine_schema_problems(problems: list[Problem], data: object, smap: SourceMap) -> list[Problem]:
    """Schema problems, with a position title written where an id belongs explained as such."""
    from .checks.people import titles_for_ids

    better = {smap.locate(f.loc): f for f in titles_for_ids(data)}
    out = []
    for p in problems:
        f = better.get((p.line, p.column)) if p.code == "IKU011" else None
        out.append(problem(smap, REGISTRY["IKU102"], f) if f else p)
    return out


from . import checks as _checks  # noqa: E402,F401  (registers the checks; they import this module)
