"""Blocks laid out as a borderless grid: the cover balanced on its page, the letterhead with
the emblem beside it. Word and LibreOffice lay out a table's rows, heights and cells alike.

- The cover: a section's vertical alignment (w:vAlign in w:sectPr) would centre it in Word,
  but LibreOffice ignores it, and the two place frames differently. So the cover is one column
  whose rows share the page's height, each row's content at its top, middle or bottom: the
  title at the head of the page, the emblem in its middle, the office and the period at its
  foot, on A4 and on F4 alike.
- The letterhead with an emblem: the emblem in a narrow cell on the left, the lines beside it,
  the letterhead's double rule under both (the table's bottom border, not the address line's).

The templates name each group by its style (`ikugen:gaya Sampul`, `SampulLambang`, ...); the
writer hands the groups' paragraphs here, in their order, when their section ends.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ikugen.writers.page import Page, twips

# Each style of a grid: the grid it belongs to, and where its group stands.
PLACES = {"Sampul": ("sampul", "top"), "SampulLambang": ("sampul", "center"),
          "SampulBawah": ("sampul", "bottom"),
          "KopLambang": ("kop", "left"), "Kop": ("kop", "right"), "KopAlamat": ("kop", "right")}
# A grid style a reference document lacks (one made before it) is written as the style it
# derives from: LibreOffice drops a table whose first paragraph names a style that is not there.
FALLBACK = {"SampulLambang": "Sampul", "SampulBawah": "Sampul", "KopLambang": "Kop"}
# The square a picture in a group fits in, in centimetres: the emblem on the cover, in a letterhead.
PICTURE_CM = {"Sampul": 3.5, "SampulLambang": 3.5, "SampulBawah": 3.5, "KopLambang": 2.5}
# The share of the page's height each cover row takes: the emblem's row in the middle, so the
# emblem is centred on the page when the title's and the foot's rows are of one height.
_SHARE = {"top": 3.0, "center": 4.0, "bottom": 3.0}
# Without an emblem the middle would stand empty: the title is centred in the upper two thirds
# instead (a third of the way down), the office and the period stay at the foot.
_SHARE_BARE = {"top": 2.0, "bottom": 1.0}
# Left below the cover for the paragraph that ends its section (one line of Normal and its
# space, with room to spare): a grid of the full height would push it onto a page of its own.
_RESERVE_MM = 15.0
_EMBLEM_CELL_MM = 28.0  # the letterhead's emblem (2.5 cm high) and a little air
_UNDER_EMBLEM = 85  # twips (1.5 mm) between the emblem's foot and the rule: it all but touched it
_RULE = '<w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="0" w:color="000000"/>'
_NO_RULE = '<w:pBdr><w:bottom w:val="nil"/></w:pBdr><w:spacing w:after="80"/>'
# The space under the rule, as the address line's own spacing gives it without an emblem.
_UNDER_RULE = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/>'
               '</w:pPr></w:p>')

_COLUMN = '<w:gridCol w:w="{}"/>'
_ADDRESS = re.compile(r'(<w:pStyle w:val="KopAlamat"/>(?:<w:keepNext/>)?(?:<w:pageBreakBefore/>)?)')
_LINES = re.compile(r'(<w:pStyle w:val="Kop"/>(?:<w:keepNext/>)?(?:<w:pageBreakBefore/>)?)')
# A letterhead with no address line draws the address line's rule under its own lines.
_OWN_RULE = ("<w:pBdr>" + _RULE.replace('w:space="0"', 'w:space="4"') + "</w:pBdr>"
             '<w:spacing w:after="360"/>')

Group = tuple[str, list[str]]  # a style, and its paragraphs as XML


class Groups:
    """Where each group of a section's grids lies in the writer's blocks: a grid style's paragraphs
    are one group; what comes between two groups goes with the first (nothing is dropped)."""

    def __init__(self) -> None:
        self.open: list[list[Any]] = []  # [style, first block, end or None]

    def mark(self, style: Optional[str], at: int) -> None:
        """A style named at block `at`: a grid style starts a group, any other ends one."""
        if style in PLACES:
            if self.open:
                self.open[-1][2] = at
            self.open.append([style, at, None])
        elif self.open and self.open[-1][2] is None:
            self.open[-1][2] = at

    def place(self, out: list[str], page: Page) -> Optional[tuple[int, int]]:
        """The groups in `out` replaced by their grid; where, and how many blocks fewer, if any."""
        if not self.open:
            return None
        self.mark(None, len(out))
        first, last = self.open[0][1], self.open[-1][2]
        placed = place([(style, out[start:end]) for style, start, end in self.open], page)
        out[first:last] = placed
        self.open = []
        return last, last - first - len(placed)


def place(groups: list[Group], page: Page) -> list[str]:
    """The groups as the document's blocks: one grid for the cover; for a letterhead, a grid
    where it has an emblem, else its paragraphs as they are."""
    kind = PLACES[groups[0][0]][0]
    if kind == "sampul":
        return [_cover(groups, page)]
    if not any(style == "KopLambang" for style, _ in groups):
        blocks = [p for _, paragraphs in groups for p in paragraphs]
        if not any(style == "KopAlamat" for style, _ in groups):
            last = max(i for i, p in enumerate(blocks) if _LINES.search(p))
            blocks[last] = _LINES.sub(lambda m: m.group(1) + _OWN_RULE, blocks[last], count=1)
        return blocks
    return [_letterhead(groups, page), _UNDER_RULE]


def _cell(width: int, paragraphs: list[str], valign: str) -> str:
    if not paragraphs or not paragraphs[-1].startswith("<w:p"):  # a cell ends with a paragraph
        paragraphs = [*paragraphs, "<w:p/>"]
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="{valign}"/></w:tcPr>'
            f'{"".join(paragraphs)}</w:tc>')


def _table(widths: list[int], rows: str, borders: str = "", under: int = 0) -> str:
    """A borderless grid; `under`: twips of air at the foot of its cells (above a rule)."""
    bottom = f'<w:bottom w:w="{under}" w:type="dxa"/>' if under else ""
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TabelPolos"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/>{f"<w:tblBorders>{borders}</w:tblBorders>" if borders else ""}'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>{bottom}'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" '
            'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid>{"".join(_COLUMN.format(w) for w in widths)}</w:tblGrid>{rows}</w:tbl>')


def _cover(groups: list[Group], page: Page) -> str:
    m = page.margins_mm
    height = twips(page.size_mm[1] - m["top"] - m["bottom"] - _RESERVE_MM)
    width = page.text_width_twips
    bare = not any(style == "SampulLambang" for style, _ in groups)
    places = [PLACES[style][1] for style, _ in groups]
    shares = [(_SHARE_BARE if bare else _SHARE)[place] for place in places]
    aligns = ["center" if bare and place == "top" else place for place in places]
    rows = "".join(
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{int(height * share / sum(shares))}" '
        f'w:hRule="atLeast"/></w:trPr>{_cell(width, paragraphs, align)}</w:tr>'
        for (_, paragraphs), share, align in zip(groups, shares, aligns, strict=True))
    return _table([width], rows)


def _letterhead(groups: list[Group], page: Page) -> str:
    emblem = twips(_EMBLEM_CELL_MM)
    widths = [emblem, page.text_width_twips - emblem]
    left = [p for style, paragraphs in groups if style == "KopLambang" for p in paragraphs]
    # The rule is the table's: an address line's own would stop at the emblem.
    right = [_ADDRESS.sub(lambda m: m.group(1) + _NO_RULE, p, count=1)
             for style, paragraphs in groups if style != "KopLambang" for p in paragraphs]
    row = f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cell(widths[0], left, "center")}' \
          f'{_cell(widths[1], right, "center")}</w:tr>'
    return _table(widths, row, borders=_RULE, under=_UNDER_EMBLEM)
