"""A table's last row that holds a signature block, read as what it is: a row of the table, and
the block under the table.

ikugen's DOCX writer (writers/docx_tables.py) keeps a signature block with the table above it
by putting both into the table's last row, which cannot split: that row's one cell spans the
whole grid and holds the table's last data row as a table of its own, the block's paragraphs
under it. docx2python would read the nested table as a table apart and repeat the block in every
column, so the body is put back as it reads before docx2python sees it: the nested table's rows
become the outer table's last rows (the same grid, so their columns fall under the outer
table's header) and the paragraphs under them follow the table. Only that shape is unwrapped; a
table inside a cell for layout is left as it is.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Union

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def unwrapped(path: Path) -> Union[Path, io.BytesIO]:
    """`path` itself when no table ends in such a row; else a copy (in memory) with every such
    row unwrapped."""
    with zipfile.ZipFile(path) as archive:
        body = archive.read(BODY)
        if b"tbl" not in body:
            return path
        root = etree.fromstring(body, _PARSER)
        if not unwrap(root):
            return path
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for member in archive.infolist():
                data = (etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                        if member.filename == BODY else archive.read(member))
                out.writestr(member, data)
    copy.seek(0)
    return copy


def unwrap(root: etree._Element) -> int:
    """Unwrap every table's signed last row under `root`; how many there were."""
    done = 0
    for table in list(root.iter(f"{_W}tbl")):
        rows = table.findall(f"{_W}tr")
        inner = _nested_row(table, rows)
        if inner is None:
            continue
        last = rows[-1]
        for row in inner.findall(f"{_W}tr"):
            _merged_again(row)
            last.addprevious(row)
        cell = last.find(f"{_W}tc")
        assert cell is not None
        after = table
        for element in _content(cell)[1:]:  # the signature block, under the table now
            after.addnext(element)
            after = element
        table.remove(last)
        done += 1
    return done


def _nested_row(table: etree._Element, rows: list[etree._Element]) -> etree._Element | None:
    """The table inside `table`'s last row when that row is a single cell spanning the grid whose
    first child is a table of as many columns as `table`; else None."""
    if len(rows) < 2:  # a table of that one row only is a layout frame
        return None
    cells = rows[-1].findall(f"{_W}tc")
    columns = _columns(table)
    if len(cells) != 1 or not columns or _span(cells[0]) != columns:
        return None
    content = _content(cells[0])
    if not content or content[0].tag != f"{_W}tbl" or _columns(content[0]) != columns:
        return None
    return content[0]


def _content(cell: etree._Element) -> list[etree._Element]:
    """A cell's children that are its content (its paragraphs and tables), in order."""
    return [e for e in cell if isinstance(e.tag, str) and e.tag != f"{_W}tcPr"]


def _columns(table: etree._Element) -> int:
    return len(table.findall(f"{_W}tblGrid/{_W}gridCol"))


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
    value = span.get(f"{_W}val") if span is not None else None
    return int(value) if value and value.isdigit() else 1


def _merged_again(row: etree._Element) -> None:
    """The writer drew a cell merged from the row above as an empty cell with no rule on top (a
    merge cannot reach into a table of its own); read as the merged cell it stands for."""
    for cell in row.findall(f"{_W}tc"):
        props = cell.find(f"{_W}tcPr")
        borders = props.find(f"{_W}tcBorders") if props is not None else None
        top = borders.find(f"{_W}top") if borders is not None else None
        if (props is None or borders is None or top is None or top.get(f"{_W}val") != "nil"
                or any((t.text or "").strip() for t in cell.iter(f"{_W}t"))
                or props.find(f"{_W}vMerge") is not None):
            continue
        borders.remove(top)
        if not len(borders):
            props.remove(borders)
        merge = etree.Element(f"{_W}vMerge")
        anchor = props.find(f"{_W}gridSpan")
        anchor = anchor if anchor is not None else props.find(f"{_W}tcW")
        if anchor is not None:
            anchor.addnext(merge)
        else:
            props.insert(0, merge)
