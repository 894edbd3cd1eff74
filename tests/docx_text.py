"""Reading a built DOCX back: all its text, its tables, its sections (python-docx and XML)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(path: Path) -> str:
    """Every paragraph, in body and table cells, one per line (python-docx)."""
    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.append(cell.text)
                lines += [inner.text for nested in cell.tables for r in nested.rows for inner in r.cells]
    return "\n".join(lines)


def rows_of(table) -> list[list[str]]:
    """A table's rows as text; the last row a signature block follows holds that row as a table of
    its own, above the block (writers/docx_tables.py): read as the row it is."""
    rows = []
    for row in table.rows:
        nested = row.cells[0].tables if len(row.cells) == 1 or len(set(row.cells)) == 1 else []
        inner = nested[0].rows if nested else [row]
        rows += [[c.text for c in r.cells] for r in inner]
    return rows


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def built_in_layouts(spec: Path, folder: Path, layouts=("standar", "keputusan")) -> dict:
    """The spec built once in each layout, each DOCX reopened with python-docx."""
    from conftest import run_ikugen

    made = {}
    for layout in layouts:
        out = folder / f"{layout}.docx"
        result = run_ikugen("build", spec, "--layout", layout, "-o", out)
        assert result.returncode == 0, result.stderr
        made[layout] = Document(str(out))
    return made
