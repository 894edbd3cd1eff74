"""Page setup of every output, in one place (IKU-GUIDE §5): paper, margins, orientation.

Fonts and spacing live in the reference document's styles (templates/referensi.docx); this
module holds the geometry the writer needs to size sections and tables.
"""

from __future__ import annotations

from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4

# Paper sizes in millimetres, portrait.
PAPER = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}

# Margins in millimetres: the binding side (left in portrait) is wider. On a landscape page
# the binding side is its top edge, so the wide margin moves there.
PORTRAIT_MARGINS = {"top": 30.0, "right": 30.0, "bottom": 30.0, "left": 40.0}
LANDSCAPE_MARGINS = {"top": 40.0, "right": 25.0, "bottom": 25.0, "left": 25.0}
HEADER_FOOTER_MM = 15.0


@dataclass(frozen=True)
class Page:
    paper: str = "A4"
    landscape: bool = False

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = PAPER[self.paper]
        return (h, w) if self.landscape else (w, h)

    @property
    def margins_mm(self) -> dict[str, float]:
        return LANDSCAPE_MARGINS if self.landscape else PORTRAIT_MARGINS

    @property
    def text_width_twips(self) -> int:
        m = self.margins_mm
        return twips(self.size_mm[0] - m["left"] - m["right"])


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)
