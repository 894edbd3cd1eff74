"""The templates' HTML tables as WordprocessingML: widths from the page, merged cells, rows that
stay whole on a page, header rows that repeat. Built as text and parsed once with the rest.
"""

from __future__ import annotations

from ikugen.spec.html_table import Cell, Table
from ikugen.writers import docx_parts as P


def _cell_style(table: Table, cell: Cell) -> str:
    if table.plain:
        return "IsiBlok"
    return "KepalaTabel" if cell.header else "IsiTabel"


def _kept_with_next(table: Table) -> list[bool]:
    """Which rows keep with the next one on its page (Word's keep-with-next on every paragraph of
    the row): the header rows (never alone at the foot of a page), a row whose merged cell goes
    on into the next row (a sasaran and its indicators stay together, so its merged No/Sasaran
    cell is never blank at the top of a page), and the row before the last (no row alone)."""
    rows = table.rows
    keeps = [r < table.header_rows or any(cell.continues for cell in rows[r + 1])
             for r in range(len(rows) - 1)] + [False]
    if len(rows) - table.header_rows >= 2:
        keeps[-2] = True
    return keeps


def table_xml(table: Table, total: int) -> str:
    n = table.columns
    shares = table.widths or [100.0 / n] * n
    widths = [int(total * s / sum(shares)) for s in shares]
    widths[-1] += total - sum(widths)  # rounding never makes the table wider than the page
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    rows = []
    keeps = _kept_with_next(table)
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
            paragraphs: list[str] = []
            current: list[str] = []
            for text, bold in cell.runs + [("\n", False)]:
                if text == "\n":
                    paragraphs.append(P.paragraph("".join(current), _cell_style(table, cell), keep))
                    current = []
                else:
                    current.append(P.run(text, bold))
            cells.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paragraphs)}</w:tc>")
            col += span
        # Rows stay whole on a page; header rows also repeat on every page the table spans.
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        header = f"<w:trPr><w:cantSplit/>{header}</w:trPr>"
        rows.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
    style = "TabelPolos" if table.plain else "TabelIKU"
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")
