"""A document as a reader sees it: paragraphs (with their list label and whether they look like
a heading) and tables (a full grid, merged cells repeated), each with its place.

A .docx is read with docx2python, which renders Word's numbering as the reader sees it ("1.",
"a)") and repeats a merged cell in every row and column it covers; a table's last row that
holds the signature block under it is first put back as a row and the block after the table
(signed.py). A PDF's text is cut into lines; lines of several columns become the rows of a
table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

MAX_BLOCKS = 20_000  # paragraphs and table rows read; a longer document is read up to here

_LABEL = re.compile(
    r"^\s*(?:[-•·▪◦●o*]\s+)?"                      # a typed bullet before a typed number
    r"(?P<label>\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})\s?[.)](?:\s|$)"
    r"|[-–—•·▪◦●*]{1,2}(?:\s|$))\s*")
_HEADING_STYLE = re.compile(r"^(heading|judul|title|subtitle)\s*\d*$", re.I)


@dataclass
class Par:
    text: str            # without its list label
    label: str = ""      # "1.", "a)", "-" as the reader sees it; "" for none
    heading: bool = False  # a Heading style, or a short paragraph all in bold
    level: int = 0       # the heading level when known (1 = BAB), else 0
    place: str = ""      # "paragraf 41"
    depth: int = 0       # a list item's level as Word nests it (0 = the outer list), when known

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}".strip()


@dataclass
class Table:
    rows: list[list[str]]
    place: str           # "tabel 3"
    cell_lines: list[list[list[str]]] = field(default_factory=list)  # each cell's paragraphs


Block = Union[Par, Table]


@dataclass
class Read:
    blocks: list[Block]
    stopped_at: Optional[str] = None  # the place reading stopped, when the limit was reached


def split_label(text: str) -> tuple[str, str]:
    """("a.", "Pelaksanaan ...") from "a. Pelaksanaan ..." (or "1)\\tPelaksanaan")."""
    text = text.replace("\t", " ").strip()
    match = _LABEL.match(text)
    if not match or len(text) == match.end():
        return "", text
    return match.group("label").strip(), text[match.end():].strip()


def read_docx(path: Path) -> Read:
    from docx2python import docx2python

    from ikugen.impor.signed import unwrapped

    with docx2python(unwrapped(path), html=True) as content:
        tables = content.body_pars
    blocks: list[Block] = []
    count, paragraphs, table_no = 0, 0, 0
    for group in tables:
        if count >= MAX_BLOCKS:
            return Read(blocks, blocks[-1].place if blocks else None)
        first = _first_par(group)
        if first is not None and first.lineage[1] == "tbl":
            table_no += 1
            table = _table(group, f"tabel {table_no}")
            count += len(table.rows)
            blocks.append(table)
            continue
        for row in group:
            for cell in row:
                for par in cell:
                    text = "".join(run.text for run in par.runs)
                    lines = text.split("\n")  # a line break inside the paragraph
                    if not text.strip():
                        continue
                    paragraphs += 1
                    count += 1
                    bold = all("b" in run.html_style for run in par.runs if run.text.strip()
                               and not _LABEL.fullmatch(run.text.strip() + " "))
                    style = par.style or ""
                    styled = bool(_HEADING_STYLE.match(style)) or any(h in par.html_style for h in
                                                                     ("h1", "h2", "h3", "h4", "h5", "h6"))
                    level = _level(style, par.html_style)
                    for line in lines:
                        if not line.strip():
                            continue
                        label, body = split_label(line)
                        heading = styled or (bold and len(body) <= 150)
                        depth = len(line) - len(line.lstrip("\t")) if label else 0  # docx2python's tabs
                        blocks.append(Par(body, label, heading, level if styled else 0,
                                          f"paragraf {paragraphs}", depth))
                    if count >= MAX_BLOCKS:
                        return Read(blocks, f"paragraf {paragraphs}")
    return Read(blocks)


def _first_par(group: Any) -> Any:
    for row in group:
        for cell in row:
            for par in cell:
                return par
    return None


def _level(style: str, html_style: list[str]) -> int:
    match = re.search(r"(\d)$", style)
    if match:
        return int(match.group(1))
    for tag in html_style:
        if re.fullmatch(r"h\d", tag):
            return int(tag[1])
    return 1 if style.lower() == "title" else 0


def _table(group: Any, place: str) -> Table:
    rows, cells = [], []
    for row in group:
        texts, lines = [], []
        for cell in row:
            pars = ["".join(run.text for run in par.runs) for par in cell]
            pieces = [piece.strip() for text in pars for piece in text.split("\n") if piece.strip()]
            lines.append(pieces)
            texts.append(" ".join(pieces))
        rows.append(texts)
        cells.append(lines)
    return Table(rows, place, cells)


def read_text(text: str) -> Read:
    """A PDF's `pdftotext -layout` text: a line is a paragraph, lines of 2+ columns a table."""
    blocks: list[Block] = []
    pending: list[list[str]] = []
    tables = 0
    last_indent = 0  # where the last paragraph's line started: its wrapped lines start further in

    def flush() -> None:
        nonlocal tables
        if len(pending) >= 2:
            tables += 1
            width = max(len(r) for r in pending)
            blocks.append(Table([r + [""] * (width - len(r)) for r in pending], f"tabel {tables}"))
        else:
            for row in pending:
                label, body = split_label("  ".join(row))
                blocks.append(Par(body, label, False, 0, f"baris {len(blocks) + 1}"))
        pending.clear()

    for number, line in enumerate(text.splitlines(), 1):
        if number > MAX_BLOCKS:
            flush()
            return Read(blocks, f"baris {number - 1}")
        if not line.strip():
            continue
        label, body = split_label(line)
        columns = [c for c in re.split(r"\s{3,}", line.strip()) if c]
        if len(columns) >= 2 and not (label and not pending and len(re.split(r"\s{3,}", body)) == 1):
            pending.append(columns)
            continue
        flush()
        last = blocks[-1] if blocks else None
        if (isinstance(last, Par) and not label and not last.heading and not line.strip().isupper()
                and not re.search(r"[.:;]$", last.text)
                and (line.strip()[:1].islower() or last.text.endswith("-") or (
                    last.label and len(line) - len(line.lstrip()) > last_indent))):
            # A paragraph the page's width wrapped: joined again, a hyphenated word made whole.
            joined = last.text[:-1] if re.search(r"\w-$", last.text) else last.text + " "
            last.text = joined + line.strip()
            continue
        heading = bool(re.match(r"^(BAB\s+[IVX]+\b|[A-Z]\.\s+[A-Z])", line.strip())) or (
            line.strip().isupper() and len(line.strip()) < 90)
        blocks.append(Par(body, label, heading, 0, f"baris {number}"))
        last_indent = len(line) - len(line.lstrip())
    flush()
    return Read(blocks)
