"""What the pages must show, read from the document's Markdown: its headings, its signature
blocks and its words (to tell a word broken across lines from two words)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SIGNATURE = re.compile(r"<!-- ikugen:gaya TandaTangan -->(.*?)<!-- ikugen:/gaya -->", re.S)
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|\\$", re.M)
_WORD = re.compile(r"[^\W\d_]+", re.U)


def plain(text: str) -> str:
    """Text as the page shows it: no markup, one space between words, case folded."""
    return " ".join(_MARKUP.sub(" ", text).split()).casefold()


@dataclass
class Expected:
    headings: list[list[str]] = field(default_factory=list)  # each heading's lines, as printed
    signatures: list[tuple[str, str]] = field(default_factory=list)  # (first line, last line)
    words: set[str] = field(default_factory=set)


def expected(markdown: str) -> Expected:
    found = Expected(words={w.casefold() for w in _WORD.findall(markdown)})
    for line in markdown.splitlines():
        if line.startswith("#"):
            parts = [plain(p) for p in re.split(r"<br\s*/?>", line.lstrip("#"))]
            found.headings.append([p for p in parts if p])
    for block in _SIGNATURE.findall(markdown):
        lines = [plain(ln) for ln in block.splitlines()]
        lines = [ln for ln in lines if ln and not ln.startswith("<!--")]
        if len(lines) >= 2:
            found.signatures.append((lines[0], lines[-1]))
    return found
