"""The templates' HTML tables as WordprocessingML: widths from the page, merged cells, rows that
stay whole on a page, header rows that repeat. Built as text and parsed once with the rest.
"""

from __future__ import annotations

from dataclasses import replace

from ikugen.spec.html_table import Cell, Table
from ikugen.writers import docx_parts as P
from ikugen.writers.docx_widths import column_widths


def _cell_style(table: Table, cell: Cell, share: float) -> str:
    if table.plain:  # a narrow column justified would open wide gaps between its words
        return "IsiBlok" if share >= NARROW else "IsiBlokKiri"
    return "KepalaTabel" if cell.header else "IsiTabel"


NARROW = 0.4  # of the table's width


KEPT_MERGE = 8  # rows: a sasaran over its indicators, a position over its fungsi; a tujuan spans more
PIECE = 2  # rows: the most a cut merge keeps together besides the groups it holds (a page less full)


def _kept_with_next(table: Table, keep_last: bool) -> list[bool]:
    """Which rows keep with the next one on its page (Word's keep-with-next on every paragraph of
    the row): the header rows (never alone at the foot of a page), in a data table a row whose
    short merged cell goes on into the next row (a sasaran and its indicators stay together, so
    its merged cell is never blank at the top of a page; a tujuan merged over many rows could not
    be kept and would only push the table off its page), and the row before the last (no row
    alone) unless the last keeps with what follows (a signature block: the row is not alone then)."""
    rows = table.rows
    if table.plain:  # a layout grid (Menimbang, Mengingat): its label blank on a next page reads
        # as the list going on, so a block's first item keeps with its second and its last with
        # the one before; chained whole, a block that did not fit left a third of a page empty
        keeps = [r < table.header_rows for r in range(len(rows) - 1)]
        for r, row in enumerate(rows):
            for n in {cell.rowspan for cell in row if cell.rowspan > 1 and not cell.continues}:
                keeps[r] = keeps[r + n - 2] = True
    else:
        spans = _merge_spans(table)
        keeps = [r < table.header_rows or 0 < spans[r + 1] <= KEPT_MERGE for r in range(len(rows) - 1)]
    keeps.append(keep_last)
    if len(rows) - table.header_rows >= 2 and not keep_last:
        keeps[-2] = True
    return keeps


def _merge_spans(table: Table) -> list[int]:
    """For each row, the rows spanned by the shortest merged cell that goes on into it (0: none)."""
    spans = [0] * len(table.rows)
    open_merges: dict[int, tuple[int, int]] = {}  # column -> (rows it spans, last row it covers)
    for r, row in enumerate(table.rows):
        col = 0
        for cell in row:
            if cell.continues and col in open_merges and open_merges[col][1] >= r:
                span = open_merges[col][0]
                spans[r] = span if not spans[r] else min(spans[r], span)
            elif cell.rowspan > 1:
                open_merges[col] = (cell.rowspan, r + cell.rowspan - 1)
            col += cell.colspan
    return spans


def _cut_long_merges(table: Table) -> Table:
    """A merge too long to keep on one page (a tujuan over many sasaran) may cross a page, and
    Word and LibreOffice print a merged cell's text only on the first page it is on: the rest
    would stand blank at the top of the next. A merge the template marks to repeat is cut where
    a page may break (where no shorter merge goes on), into pieces of at most PIECE rows or one
    kept group, each piece carrying the text again. Unmarked, a label over a plain list (Fungsi
    over its items) keeps its one merge: printed again and again it would read as new items."""
    spans = _merge_spans(table)
    rows = [list(row) for row in table.rows]
    for r, row in enumerate(table.rows):
        col = 0
        for cell in row:
            if cell.repeat and cell.rowspan > KEPT_MERGE and not cell.continues:
                end = r + cell.rowspan
                free = [q for q in range(r + 1, end) if spans[q] > KEPT_MERGE] + [end]
                start, k = r, 0  # free[k]: the first place to cut after `start`
                while start < end:
                    cut = free[k]  # the farthest place within PIECE rows, else the nearest
                    while k + 1 < len(free) and free[k + 1] <= start + PIECE:
                        k += 1
                        cut = free[k]
                    piece = replace(cell, rowspan=cut - start, continues=False)
                    rows[start][_index_at(rows[start], col)] = piece
                    start, k = cut, k + 1
            col += cell.colspan
    return replace(table, rows=rows)


def _index_at(row: list[Cell], col: int) -> int:
    """The place in `row` of the cell that stands in grid column `col`."""
    at = 0
    for i, cell in enumerate(row):
        if at == col:
            return i
        at += cell.colspan
    raise ValueError(f"no cell at column {col}")


def table_xml(table: Table, total: int, keep_last: bool = False, closing: str = "") -> str:
    """The table; `keep_last`: its last row keeps with what follows (a signature block);
    `closing`: paragraphs (a signature block) that go with the last row, in a row of their own."""
    table = _cut_long_merges(table)
    widths = column_widths(table, total)
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    rows = []
    keeps = _kept_with_next(table, keep_last)
    for r, row in enumerate(table.rows):
        cells, col = [], 0
        keep = "<w:keepNext/>" if keeps[r] else ""
        for cell in row:
            span = cell.colspan
            tcpr = f'<w:tcW w:w="{sum(widths[col:col + span])}" w:type="dxa"/>'
            tcpr += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if cell.continues:
                tcpr += '<w:vMerge/>'
            elif cell.rowspan > 1:
                tcpr += '<w:vMerge w:val="restart"/>'
            # A line break in a cell starts a new paragraph, so justified text does not stretch.
            style = _cell_style(table, cell, sum(widths[col:col + span]) / total)
            ppr = keep + (f'<w:jc w:val="{cell.align}"/>' if cell.align else "")
            paragraphs: list[str] = []
            current: list[str] = []
            for text, bold in cell.runs + [("\n", False)]:
                if text == "\n":
                    paragraphs.append(P.paragraph("".join(current), style, ppr))
                    current = []
                else:
                    current.append(P.run(text, bold))
            cells.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paragraphs)}</w:tc>")
            col += span
        # Rows stay whole on a page; header rows also repeat on every page the table spans.
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        header = f"<w:trPr><w:cantSplit/>{header}</w:trPr>"
        rows.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
    if closing and len(table.rows) > table.header_rows:
        first = _last_group(rows, table.header_rows)
        rows[first:] = [_with_closing(rows[first:], grid, widths, closing, table.plain)]
    return _table(table.plain, widths, grid, "".join(rows))


def _last_group(rows: list[str], header_rows: int) -> int:
    """Where the last rows' merged cells begin (a sasaran over its last indicators): those rows go
    with the signature block together, so the merge stays whole. A merge longer than KEPT_MERGE
    (a tujuan over many sasaran) is not kept: the last row alone goes, its part of the merge blank."""
    first = len(rows) - 1
    while first > header_rows and "<w:vMerge/>" in rows[first] and len(rows) - first < KEPT_MERGE:
        first -= 1
    return first if "<w:vMerge/>" not in rows[first] or first == len(rows) - 1 else len(rows) - 1


def _table(plain: bool, widths: list[int], grid: str, rows: str, extra: str = "") -> str:
    style = "TabelPolos" if plain else "TabelIKU"
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{extra}'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")


_NIL = '<{} w:val="nil"/>'


def _with_closing(last: list[str], grid: str, widths: list[int], closing: str, plain: bool) -> str:
    """The last rows and the signature block under them as one row that does not split: Word would
    keep a row with the next paragraph, but LibreOffice ignores that for a table longer than a
    page and prints the signature alone on the next one. The rows go into a table of their own
    inside it (drawing its own rules, merging its own cells), the block under them, unboxed."""
    inner_rows = []
    for n, row in enumerate(last):
        cells = row[row.index("</w:trPr>") + len("</w:trPr>"):-len("</w:tr>")]
        if n == 0:  # a cell merged from above: empty, with no rule on top, it reads as the same cell
            cells = cells.replace("<w:vMerge/>", f"<w:tcBorders>{_NIL.format('w:top')}</w:tcBorders>")
        inner_rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    inner = _table(plain, widths, grid, "".join(inner_rows))
    sides = "".join(_NIL.format(f"w:{side}") for side in ("top", "left", "bottom", "right"))
    margins = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))
    return (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:gridSpan w:val="{len(widths)}"/><w:tcBorders>{sides}</w:tcBorders>'
            f"<w:tcMar>{margins}</w:tcMar></w:tcPr>{inner}{closing}</w:tc></w:tr>")
