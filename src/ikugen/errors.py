"""ikugen's errors: one base class, problems with their place, exit codes decided by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal, Optional

Severity = Literal["galat", "peringatan"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a spec, at one place. Ordered by file, then position."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: Optional[str] = None

    def text(self) -> str:
        hint = f"; {self.hint}" if self.hint else ""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity}: "
            f"{self.message}{hint} [{self.code}]"
        )

    def as_dict(self) -> dict:
        return asdict(self)


class IkugenError(Exception):
    """An error the user can cause and fix; the message is in Bahasa Indonesia."""


class UsageError(IkugenError):
    """The command was called wrongly (a missing file, a bad option): exit code 2."""


class SpecError(IkugenError):
    """A spec holds problems; `problems` lists all of them (errors and warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.text() for p in self.problems))


class OutputError(IkugenError):
    """The output could not be written (folder missing, no permission, disk full, ...)."""


def shorten(value: object, limit: int = 60) -> str:
    """A value as it may appear in a message: never whole, never huge."""
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
