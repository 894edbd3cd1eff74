"""The HTML tables of ikugen's Markdown (for merged cells), read into a grid the writers place.

Only the subset the templates use is understood: table, colgroup/col width="N%", thead,
tbody, tr, th, td with rowspan/colspan, and inside cells text, <br> and <b>. Here, below the
writers and the checks, because both read them: a spec's own Markdown may hold a table, and a
table Word cannot hold is reported when the spec is loaded, with the message the writer gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Iterator, Optional

from ikugen.errors import IkugenError, shorten

MAX_COLUMNS = 63  # Word's own limit


@dataclass
class Cell:
    runs: list[tuple[str, bool]] = field(default_factory=list)  # (text, bold); "\n" is a line break
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    continues: bool = False  # a placeholder under a cell merged from above
    align: Optional[str] = None  # align="right" / "center": numbers stand right-aligned
    repeat: bool = False  # class="ulang": a merge printed again on each page it reaches (a tujuan)


@dataclass
class Table:
    widths: list[float] = field(default_factory=list)  # percentages, from <col width>
    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0
    plain: bool = False  # class="polos": a layout grid without borders (the decree's blocks)

    @property
    def columns(self) -> int:
        return max((sum(c.colspan for c in row) for row in self.rows), default=0)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table = Table()
        self.cell: Optional[Cell] = None
        self.bold = 0
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.table.plain = "polos" in (a.get("class") or "").split()
        elif tag == "col":
            self.table.widths.append(_width(a.get("width")))
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.table.rows.append([])
            if self.in_head:
                self.table.header_rows += 1
        elif tag in ("td", "th"):
            if not self.table.rows:
                self.table.rows.append([])
            self.cell = Cell(rowspan=_int(a.get("rowspan")), colspan=_int(a.get("colspan")),
                             header=tag == "th" or self.in_head, align=_ALIGN.get(a.get("align") or ""),
                             repeat="ulang" in (a.get("class") or "").split())
            self.table.rows[-1].append(self.cell)
        elif tag == "br" and self.cell is not None:
            self.cell.runs.append(("\n", False))
        elif tag in ("b", "strong"):
            self.bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = False
        elif tag in ("td", "th"):
            self.cell = None
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            text = " ".join(data.split()) if data.strip() else ""
            if text:
                if data[:1].isspace() and self.cell.runs:
                    text = " " + text
                self.cell.runs.append((text, self.bold > 0))


_ALIGN = {"right": "right", "center": "center", "left": "left"}  # as WordprocessingML's w:jc


def _int(value: Optional[str]) -> int:
    """A rowspan or colspan; capped, so colspan="1000000000" cannot cost a billion columns."""
    try:
        return min(max(1, int(value or 1)), MAX_COLUMNS)
    except ValueError:
        return 1


def _width(value: Optional[str]) -> float:
    text = (value or "0").strip().rstrip("%") or "0"
    try:
        width = float(text)
    except ValueError:
        width = -1.0
    if not 0 <= width <= 100:  # also refuses nan and inf
        raise IkugenError(f"lebar kolom tabel '{shorten(value, 20)}' tidak sah; tulis persen 0-100, "
                          'mis. <col width="20%">')
    return width


# The markup the templates write: known tags, attributes in double quotes, text escaped by `sel`.
_PLAIN_TAG = re.compile(r'<(/?)([a-z]+)((?: [a-z]+="[^"<>&]*")*)>')
_PLAIN_ATTR = re.compile(r' ([a-z]+)="([^"<>&]*)"')
_PLAIN_TAGS = frozenset({"table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "br", "b", "strong"})


def _feed_plain(parser: _Parser, html: str) -> bool:
    """Feed `parser` the events html.parser would give for `html`, when `html` is plain markup
    of known tags (the templates' tables, a tenth of the time); False, having fed nothing, when
    it is not (then html.parser reads it). Two passes over the text rather than a list of its
    matches: kept, a big table's thousands of match objects made the collector's work grow
    faster than the table (x2.4 the CPU time for x2 the tables)."""
    if any(tag is None for _, tag in _plain(html)):
        return False
    for text, tag in _plain(html):
        if text:
            parser.handle_data(unescape(text) if "&" in text else text)
        assert tag is not None
        if tag.group(1):
            parser.handle_endtag(tag.group(2))
        else:
            parser.handle_starttag(tag.group(2), _PLAIN_ATTR.findall(tag.group(3)))
    return True


def _plain(html: str) -> Iterator[tuple[str, Optional[re.Match[str]]]]:
    """Each tag of `html` with the text before it; a None tag (and no more) at the first that is
    not plain markup, or at text after the last tag (html.parser's to hold back or flush)."""
    pos = 0
    while pos < len(html):
        start = html.find("<", pos)
        tag = _PLAIN_TAG.match(html, start) if start >= 0 else None
        if tag is None or tag.group(2) not in _PLAIN_TAGS:
            yield "", None
            return
        yield html[pos:start], tag
        pos = tag.end()


def parse_table(html: str) -> Table:
    parser = _Parser()
    if not _feed_plain(parser, html):
        parser.feed(html)
        parser.close()
    table = parser.table
    if table.columns == 0:
        raise IkugenError("tabel tanpa sel (<td> atau <th>); hapus tabel itu atau isi selnya")
    if table.widths and not sum(table.widths):
        raise IkugenError("lebar kolom tabel berjumlah 0%; tulis lebar tiap kolom, mis. <col width=\"20%\">")
    _place_merges(table)
    if table.columns > MAX_COLUMNS:
        raise IkugenError(f"tabel punya {table.columns} kolom; Word menampung paling banyak {MAX_COLUMNS}")
    if table.widths and len(table.widths) != table.columns:
        raise IkugenError(f"tabel templat punya {len(table.widths)} lebar kolom untuk "
                          f"{table.columns} kolom")
    return table


def _place_merges(table: Table) -> None:
    """Insert a continuing placeholder wherever a cell from a row above spans down."""
    pending: dict[int, tuple[int, int]] = {}  # grid column -> (rows still covered, colspan)
    for r, row in enumerate(table.rows):
        out: list[Cell] = []
        col = 0
        cells = iter(row)
        nxt = next(cells, None)
        while nxt is not None or any(c >= col for c in pending):
            if col in pending:
                left, span = pending[col]
                out.append(Cell(colspan=span, continues=True, header=r < table.header_rows))
                if left > 1:
                    pending[col] = (left - 1, span)
                else:
                    del pending[col]
                col += span
                continue
            if nxt is None:
                col += 1
                continue
            # A rowspan past the table's last row (an office's template) merges to that row.
            nxt.rowspan = min(nxt.rowspan, len(table.rows) - r)
            if nxt.rowspan > 1:
                pending[col] = (nxt.rowspan - 1, nxt.colspan)
            out.append(nxt)
            col += nxt.colspan
            nxt = next(cells, None)
        table.rows[r] = out
