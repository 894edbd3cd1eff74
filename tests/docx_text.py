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
    return "\n".join(lines)


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
