"""Inline Markdown as WordprocessingML runs: text, bold and italic, line breaks, pictures."""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Callable, Optional, Union

from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Emu, Length
from lxml import etree

from ikugen.spec.markdown_text import picture_name
from ikugen.spec.pictures import Picture, fit, read_picture
from ikugen.writers import docx_parts as P
from ikugen.writers.page import Page, twips

if TYPE_CHECKING:
    from pathlib import Path

    from docx.document import Document as DocxDocument
    from markdown_it.token import Token


def inline(children: list[Token], picture: Callable[[Union[str, int, float]], str]) -> tuple[str, str]:
    """Runs for an inline token list, and its plain text (for the table of contents)."""
    runs: list[str] = []
    plain: list[str] = []
    bold = italic = underline = 0
    for child in children:
        kind = child.type
        text = None
        if kind in ("text", "code_inline"):
            text = child.content
        elif kind == "softbreak":
            text = " "
        elif kind == "hardbreak":
            text = "\n"
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "html_inline":
            tag = child.content.lower().replace(" ", "")
            if tag in ("<br>", "<br/>"):
                text = "\n"
            elif tag in ("<b>", "<strong>"):
                bold += 1
            elif tag in ("</b>", "</strong>"):
                bold -= 1
            elif tag == "<u>":
                underline += 1
            elif tag == "</u>":
                underline -= 1
        elif kind == "image":
            runs.append(picture(child.attrs.get("src", "")))
        if text:
            runs.append(P.run(text, bold > 0, italic > 0, underline > 0))
            plain.append(text)
    return "".join(runs), "".join(plain).strip()


class Pictures:
    """The document's pictures: those the spec's load read, by name, and those a template names."""

    def __init__(self, document: DocxDocument, base_dir: Path, pictures: dict[str, Picture]):
        self.document, self.base_dir, self.pictures = document, base_dir, pictures
        self.names: dict[str, str] = {}  # the file name each placed picture's part was first given

    def place(self, src: Union[str, int, float], page: Page,
              box_cm: Optional[float] = None) -> str:  # src: a markdown-it attr
        """The picture, within a square of `box_cm` (an emblem), else within the page's text area."""
        name = picture_name(src)
        picture = self.pictures.get(name)
        if picture is None:  # named by a template, not by the spec: read (and checked) here
            picture = self.pictures[name] = read_picture(self.base_dir / name, name)
        box: tuple[Length, Length]
        if box_cm:
            box = (Cm(box_cm), Cm(box_cm))
        else:
            box = (Emu(page.text_width_twips * 635), Emu(twips(page.size_mm[1] - page.margins_mm["top"]
                                                               - page.margins_mm["bottom"]) * 635))
        width, height = fit(picture.px_width, picture.px_height, *box)
        # python-docx's new_pic_inline, from the bytes already read rather than the file again; the
        # picture keeps the name python-docx gives it from a path (the first one, for the same bytes).
        part = self.document.part
        rid, _ = part.get_or_add_image(io.BytesIO(picture.data))
        filename = self.names.setdefault(rid, os.path.basename(picture.path))
        inline = CT_Inline.new_pic_inline(part.next_id, rid, filename, Emu(width), Emu(height))
        return f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"
