"""Progress of a batch on stderr: a bar that redraws itself on a terminal, plain lines in CI logs."""

from __future__ import annotations

import sys
from typing import Optional, TextIO

BAR_WIDTH = 28


class Progress:
    def __init__(self, total: int, stream: Optional[TextIO] = None, tty: Optional[bool] = None):
        self.total, self.count, self.failed = total, 0, 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.drawn = False

    def step(self, name: str, ok: bool) -> None:
        """One document finished."""
        self.count += 1
        self.failed += not ok
        if self.tty:
            filled = BAR_WIDTH * self.count // max(self.total, 1)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            failed = f", {self.failed} gagal" if self.failed else ""
            self.stream.write(f"\r\x1b[K[{bar}] {self.count}/{self.total}{failed}  {name}")
            self.drawn = True
        else:
            self.stream.write(f"[{self.count}/{self.total}] {name}: {'selesai' if ok else 'GAGAL'}\n")
        self.stream.flush()

    def say(self, line: str) -> None:
        """A line printed above the bar (a problem found on the way)."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
