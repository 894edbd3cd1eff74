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


def table_xml(table: Table, total: int) -> str:
    n = table.columns
    shares = table.widths or [100.0 / n] * n
    widths = [int(total * s / sum(shares)) for s in shares]
    widths[-1] += total - sum(widths)  # rounding never makes the table wider than the page
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    rows = []
    for r, row in enumerate(table.rows):
        cells, col = [], 0
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
                    paragraphs.append(P.paragraph("".join(current), _cell_style(table, cell)))
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
