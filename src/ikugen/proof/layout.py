"""A PDF's pages as lines of text with their places, read by poppler's `pdftotext -bbox-layout`.

Only what a reader of the printed page sees: each page's lines, top to bottom, with their boxes,
and the folio (the page number printed in the footer). Coordinates are PDF points from the top.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Optional

from ikugen.errors import IkugenError

_NS = "{http://www.w3.org/1999/xhtml}"
FOOTER_ZONE = 0.9  # a line whose top is below 90% of the page height is in the footer


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int  # 1-based place in the PDF
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    blocks: list[list[Line]] = field(default_factory=list)  # a paragraph, or a table cell's text

    @property
    def body(self) -> list[Line]:
        """The lines above the footer."""
        return [line for line in self.lines if line.y0 < self.height * FOOTER_ZONE]

    @property
    def folio(self) -> Optional[str]:
        """The page number printed in the footer, as printed ("3", "ii"), if any."""
        for line in reversed(self.lines):
            if line.y0 >= self.height * FOOTER_ZONE and line.text.strip().isalnum():
                return line.text.strip()
        return None

    def filled(self) -> float:
        """How far down the body reaches, as a share of the page's height (0 for an empty page)."""
        body = self.body
        return max(line.y1 for line in body) / self.height if body else 0.0


def pdftotext() -> Optional[str]:
    return shutil.which("pdftotext")


def read_pages(pdf: bytes, timeout: float = 120) -> list[Page]:
    """Every page of the PDF `pdf`; IkugenError if poppler cannot read it."""
    tool = pdftotext()
    if tool is None:
        raise IkugenError("pdftotext (poppler-utils) tidak ditemukan; pasang dengan "
                          "'sudo apt install poppler-utils' untuk memeriksa halaman PDF")
    done = subprocess.run([tool, "-bbox-layout", "-", "-"], input=pdf, capture_output=True, timeout=timeout)
    if done.returncode:
        raise IkugenError(f"halaman PDF tidak dapat dibaca: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return parse(done.stdout)


def _line(node: ET.Element) -> Line:
    words = [w.text or "" for w in node.iter(f"{_NS}word")]
    return Line(" ".join(words), *(float(node.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))


def parse(xhtml: bytes) -> list[Page]:
    """Pages from `pdftotext -bbox-layout` output."""
    pages = []
    for i, node in enumerate(ET.fromstring(xhtml).iter(f"{_NS}page"), start=1):
        page = Page(i, float(node.get("width", 0)), float(node.get("height", 0)))
        for block in node.iter(f"{_NS}block"):
            page.blocks.append([_line(line) for line in block.iter(f"{_NS}line")])
            page.lines += page.blocks[-1]
        page.lines.sort(key=lambda ln: (round(ln.y0), ln.x0))
        pages.append(page)
    return pages
