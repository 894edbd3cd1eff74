"""ikugen's errors: one base class, problems with their place, and the exit code of a run."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Literal, Optional

Severity = Literal["galat", "peringatan"]


_LONG_QUOTE = 300  # a name (MAX_SHORT) is always shown whole; a longer text is cut
_QUOTED = re.compile("'([^'\n]{%d,})'" % (_LONG_QUOTE + 1))


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

    def __post_init__(self) -> None:
        # Checks quote the value at fault ('...'); a 20,000-character name must not be printed
        # whole, once per warning. The safety net for every check, present and future.
        for name in ("message", "hint"):
            text = getattr(self, name)
            if text and len(text) > _LONG_QUOTE:
                object.__setattr__(self, name, _QUOTED.sub(lambda m: f"'{shorten(m.group(1), 120)}'", text))
        # A key, a value or a file name may hold terminal escapes or a line break that would fake
        # a line of the report: one problem is one line, its control characters made visible.
        for name in ("file", "message", "hint"):
            text = getattr(self, name)
            if text:
                object.__setattr__(self, name, visible(text, lines=False))

    def text(self) -> str:
        hint = f"; {self.hint}" if self.hint else ""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity}: "
            f"{self.message}{hint} [{self.code}]"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, order=True)
class PageProblem(Problem):
    """A problem a person would see on a page of a made PDF; `line` is the page's place in it, 0 for
    the whole PDF."""

    def text(self) -> str:
        hint = f"; {self.hint}" if self.hint else ""
        where = f"{self.file}:halaman {self.line}" if self.line else self.file  # 0: the whole PDF
        return f"{where}: {self.severity}: {self.message}{hint} [{self.code}]"


class IkugenError(Exception):
    """An error the user can cause and fix; the message is in Bahasa Indonesia.

    The message may quote a file name or a value: its control characters are made visible.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(visible(str(message)))


class UsageError(IkugenError):
    """The command was called wrongly (a missing file, a bad option): exit code 2."""


class SpecError(IkugenError):
    """A spec holds problems; `problems` lists all of them (errors and warnings)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.text() for p in self.problems))


class OutputError(IkugenError):
    """The output could not be written (folder missing, no permission, disk full, ...)."""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str, *, lines: bool = True) -> str:
    """`text` safe to print on a terminal: every control character (ESC, BEL, CR, ...) written as
    its escape (\\x1b), line breaks too unless `lines`."""
    pattern = _CONTROL if lines else _CONTROL_OR_BREAK
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def shorten(value: object, limit: int = 60) -> str:
    """A value as it may appear in a message: never whole, never huge."""
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# What the operating system said, in words an office reads (strerror is English).
_OS_WORDS = {
    "EACCES": "tidak ada izin", "EPERM": "tidak ada izin", "ENOENT": "tidak ditemukan",
    "ENOTDIR": "bagian jalurnya bukan folder", "EISDIR": "ini sebuah folder",
    "ENOSPC": "disk penuh", "EDQUOT": "kuota disk habis", "EFBIG": "melebihi batas ukuran berkas",
    "EROFS": "sistem berkas hanya-baca", "ENAMETOOLONG": "nama terlalu panjang",
    "EIO": "galat baca/tulis perangkat", "EMFILE": "terlalu banyak berkas terbuka",
    "ELOOP": "tautan simbolik berputar", "EXDEV": "beda perangkat", "EBUSY": "sedang dipakai",
    "ETXTBSY": "sedang dipakai", "EAGAIN": "sementara tidak tersedia",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Bahasa Indonesia (the system's words if not known)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_WORDS.get(name) or exc.strerror or str(exc) or type(exc).__name__


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`), raised like Ctrl-C so that the same clean-up runs on the way out."""

    signal_number = 15


class HungUp(Terminated):
    """SIGHUP: the terminal was closed. Handled like SIGTERM; the exit code says which."""

    signal_number = 1


# Exit codes (README "Commands"): decided by `exit_code` only.
# A signal that stops a run gives 128 + its number: SIGTERM 143, SIGHUP 129.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


def exit_code(ended: Optional[BaseException] = None, *, usage: bool = False, problems: Iterable[Problem] = (),
              strict: bool = False, failed: bool = False, bug: bool = False) -> int:
    """The exit code of a run, from how it ended; the one place these numbers are decided.

    `ended` is the exception that ended the run, if one did; `usage`: the command line was wrong
    (click's own errors); `problems` what the run found, failing it when one is an error, or a
    warning under `strict`; `failed`: some part of the run failed for the user's input (a spec
    of a batch); `bug`: a bug in ikugen hit some part of it (a batch goes on after one).
    """
    if isinstance(ended, Terminated):  # 128 + the signal, as a shell reports it: 143, 129
        return 128 + ended.signal_number
    if isinstance(ended, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if usage or isinstance(ended, UsageError):
        return EXIT_USAGE
    if isinstance(ended, (IkugenError, OSError)):  # the user's input, or what the system refused
        return EXIT_FAILED
    if ended is not None or bug:
        return EXIT_BUG
    if failed or any(p.severity == "galat" or strict for p in problems):
        return EXIT_FAILED
    return EXIT_OK
