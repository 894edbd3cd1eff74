"""What a check is: a generator over a valid spec, made a `Check` by `@check(code, severity, title)`.

A check yields `Finding`s that name the path of the value at fault; `catalogue.run` turns them
into Problems at the value's line and column. The decorator only describes the function; the
catalogue lists the modules whose checks run, so importing a module registers nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ikugen.errors import Problem, Severity
from ikugen.spec.model import Spek
from ikugen.spec.yaml_reader import Path_, SourceMap


@dataclass(frozen=True)
class Finding:
    loc: Path_
    message: str
    hint: Optional[str] = None
    # A place in the spec's own file that is no value (a comment): (line, column).
    at: Optional[tuple[int, int]] = None


@dataclass(frozen=True)
class Output:
    """The document the spec will be built as, for the checks that speak of it: its layout, and
    the built-in sections its chapters print (None: not known, every section may be printed)."""

    layout: str = "standar"
    sections: Optional[frozenset[str]] = None


@dataclass(frozen=True)
class Context:
    spek: Spek
    smap: SourceMap
    # "Today" for the checks that compare with it (a NIP's start of service in the future).
    today: datetime.date = field(default_factory=datetime.date.today)
    output: Output = field(default_factory=Output)
    source: Optional[tuple[Path, str]] = None  # the spec's own file and its text, as read
    previous: Optional[tuple[Spek, SourceMap]] = None  # the spec `dokumen.sebelumnya` names, loaded


CheckFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    title: str
    func: CheckFunc
    slug: str  # an English name for --abaikan/--ignore: the function's name with dashes

    def __call__(self, context: Context) -> Iterable[Finding]:
        return self.func(context)


def check(code: str, severity: Severity, title: str) -> Callable[[CheckFunc], Check]:
    """The function below as a check with a stable code, a severity and a title."""
    def describe(func: CheckFunc) -> Check:
        return Check(code, severity, title, func, func.__name__.strip("_").replace("_", "-"))
    return describe


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


def problem(smap: SourceMap, c: Check, f: Finding) -> Problem:
    if f.at is not None:
        return Problem(smap.file, *f.at, c.severity, c.code, f.message, f.hint)
    return smap.problem(f.loc, c.code, f.message, hint=f.hint, severity=c.severity)
