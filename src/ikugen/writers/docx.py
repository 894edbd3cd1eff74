"""Markdown (as the templates write it) to a Word document.

markdown-it parses the CommonMark; each block becomes WordprocessingML built as text and parsed
once, so the cost stays linear in the document (python-docx's cell-by-cell API is quadratic).
The extensions the templates use are HTML comments `<!-- ikugen:NAME args -->` (see
docs/markdown.md) and HTML tables for merged cells; their grammar is shared with the check of
a spec's own Markdown (spec/markdown_directives.py, spec/html_table.py). Styles come from the
reference document; the writer names them and adds no direct formatting beyond bold and italic
runs. Pictures come as the spec's load read them (`pictures`), or are read here once.
"""

from __future__ import annotations

import datetime
import io
import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Emu, Length
from lxml import etree

from ikugen.errors import IkugenError
from ikugen.spec import markdown_directives
from ikugen.spec.html_table import parse_table
from ikugen.spec.markdown_text import parser, picture_name
from ikugen.spec.pictures import Picture, fit, read_picture
from ikugen.writers import docx_parts as P
from ikugen.writers.docx_tables import table_xml
from ikugen.writers.page import Page, twips
from ikugen.writers.reference import read_reference

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from markdown_it.token import Token

_NUMBER_FORMAT = {"romawi": "lowerRoman", "arab": "decimal"}  # markdown_directives.NUMBER_FORMATS


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    when: datetime.datetime


def build_docx(markdown: str, *, paper: str, reference: Path, base_dir: Path, props: Properties,
               pictures: Optional[Mapping[str, Picture]] = None,
               toc_pages: Optional[list[str]] = None) -> bytes:
    """The whole document as DOCX bytes; `pictures` by name, as the spec's load read them;
    `toc_pages` the page number of each TOC entry, as a layout of this document printed them."""
    package = read_reference(reference)  # bounded, and only what a reference may give
    try:
        document = Document(package)
    except Exception:  # python-docx: PackageNotFoundError, BadZipFile, KeyError, ... often empty
        raise IkugenError(f"dokumen acuan {reference} bukan dokumen Word (.docx) yang dapat dibaca; "
                          "simpan ulang dari Word sebagai .docx, atau buang --reference-doc") from None
    _drop_thumbnail(document)
    footer = P.add_footer(document)
    writer = _Writer(document, P.Section(Page(paper)), footer, base_dir, dict(pictures or {}))
    writer.toc_pages = toc_pages
    writer.feed(markdown)
    document = _with_body(document, f"<w:body {P.NSDECL}>{writer.xml()}</w:body>")
    P.update_fields_on_open(document)
    P.set_properties(document, title=props.title, subject=props.subject, author=props.author,
                     when=props.when)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_body(document: DocxDocument, body: str) -> DocxDocument:
    """The document with `body` in place of the reference's, parsed once with the whole part.

    Moving parsed elements into the reference's tree makes lxml walk every moved element to fix
    its namespaces and owner: quadratic when appended one by one (5.5 s for a table of 74,000
    elements), and 9 s for a 29 MB body replaced at once; one parse of the whole part is 0.6 s.
    """
    root = document.element
    marker = f"ikugen-body-{secrets.token_hex(8)}"
    root.replace(root.body, etree.Comment(marker))
    head, tail = etree.tostring(root, encoding="unicode").split(f"<!--{marker}-->")
    part = document.part
    part._element = parse_xml(head + body + tail)  # python-docx has no public setter for a part's tree
    rebuilt: DocxDocument = part.document
    return rebuilt


def _drop_thumbnail(document: DocxDocument) -> None:
    """The reference document's preview picture would show a different document."""
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rid]


class _Writer:
    def __init__(self, document: DocxDocument, section: P.Section, footer_rid: str, base_dir: Path,
                 pictures: dict[str, Picture]):
        self.document = document
        self.section = section
        self.footer_rid = footer_rid
        self.base_dir = base_dir
        self.pictures = pictures
        self.picture_names: dict[str, str] = {}  # the file name each placed picture's part was first given
        self.numbering = P.Numbering(document)
        self.out: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.toc_at: Optional[int] = None
        self.toc_pages: Optional[list[str]] = None
        self.style: Optional[str] = None
        self.lists: list[list[int]] = []  # [num_id, level, first paragraph of item pending (bool)]
        self.next_list_kind: Optional[str] = None
        self.break_before = False
        self.section_start = 0
        self.closed: Optional[tuple[int, P.Section]] = None  # the last break: its place, its section

    def xml(self) -> str:
        if len(self.out) == self.section_start and self.closed:
            # The document ends with a section break: drop it rather than end on a blank page.
            del self.out[self.closed[0]]
            self.section = self.closed[1]
        if self.toc_at is not None:
            self.out[self.toc_at] = P.toc(self.headings, pages=self.toc_pages)
        return "".join(self.out) + P.section_xml(self.section, self.footer_rid)

    # ---- blocks ---------------------------------------------------------------------------

    def feed(self, markdown: str) -> None:
        tokens = parser().parse(markdown)
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1])
                runs, plain = self.inline(tokens[i + 1].children or [])
                self.paragraph(runs, f"Heading{level}")
                self.headings.append((level, plain))
            elif kind == "paragraph_open":
                runs, plain = self.inline(tokens[i + 1].children or [])
                if self.lists:
                    self.list_paragraph(runs)
                else:
                    # A sentence introducing what follows ("... sebagai berikut:") stays with it.
                    self.paragraph(runs, self.style, keep_next=plain.endswith(":"))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                list_kind = "butir" if kind == "bullet_list_open" else (self.next_list_kind or "angka")
                self.next_list_kind = None
                level = len(self.lists)
                start = int(token.attrs.get("start", 1) or 1)
                self.lists.append([self.numbering.new_list(list_kind, level, start), level, False])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.lists[-1][2] = True
            elif kind == "html_block":
                self.html_block(token.content.strip())
            elif kind in ("fence", "code_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    self.paragraph(P.run(line), self.style)

    def paragraph(self, runs: str, style: Optional[str], *, keep_next: bool = False,
                  numbering: str = "") -> None:
        # pPr children in schema order: keepNext, pageBreakBefore, numPr.
        extra = ("<w:keepNext/>" if keep_next else "") + ("<w:pageBreakBefore/>" if self.break_before else "")
        extra += numbering
        self.break_before = False
        self.out.append(P.paragraph(runs, style, extra))

    def list_paragraph(self, runs: str) -> None:
        num_id, level, fresh = self.lists[-1]
        self.lists[-1][2] = False
        self.paragraph(runs, "ListParagraph", numbering=P.numbered(num_id, level) if fresh else "")

    def html_block(self, html: str) -> None:
        directive = markdown_directives.parse(html)
        if directive:
            self.directive(directive)
        elif html.startswith("<table"):
            if self.break_before:
                self.out.append(P.PAGE_BREAK)
                self.break_before = False
            if self.out and self.out[-1].startswith("<w:tbl>"):
                # Two tables in a row would merge into one in Word and LibreOffice.
                self.out.append(P.paragraph("", None))
            self.out.append(table_xml(parse_table(html), self.section.page.text_width_twips))
        # Any other HTML is not part of the templates' language; it is left out of the DOCX.

    def directive(self, directive: markdown_directives.Directive) -> None:
        # Checked rather than trusted: directives also come from a spec's Markdown (a style name
        # goes into the XML as written). A spec's are checked at load; this is for the templates'.
        wrong = markdown_directives.wrong(directive)
        if wrong:
            raise IkugenError(wrong)
        name, args, params = directive.name, directive.args, directive.params
        if name == "halaman-baru":
            self.break_before = True
        elif name == "bagian":
            changes: dict[str, Any] = {}
            if "nomor" in params:
                changes["numbering"] = _NUMBER_FORMAT[params["nomor"]]
            if "mulai" in params:
                changes["start"] = int(params["mulai"])
            if "orientasi" in params:
                changes["page"] = Page(self.section.page.paper, params["orientasi"] == "lanskap")
            if len(self.out) == self.section_start:  # nothing in this section yet: reshape it
                self.section = replace(self.section, **changes)
                if self.closed and replace(self.closed[1], start=None) == replace(self.section, start=None):
                    # Back to what the previous section was: undo the break, continue that one.
                    del self.out[self.closed[0]]
                    self.section, self.closed = self.closed[1], None
                    self.section_start = -1
                return
            self.closed = (len(self.out), self.section)
            self.out.append(P.paragraph("", None, P.section_xml(self.section, self.footer_rid)))
            self.section = self.section.next(**changes)
            self.section_start = len(self.out)
            self.break_before = False
        elif name == "daftar-isi":
            self.toc_at = len(self.out)
            self.out.append("")
        elif name == "gaya":
            self.style = args or None
        elif name == "/gaya":
            self.style = None
        elif name == "daftar":
            self.next_list_kind = args or None

    # ---- inline ---------------------------------------------------------------------------

    def inline(self, children: list[Token]) -> tuple[str, str]:
        """Runs for an inline token list, and its plain text (for the table of contents)."""
        runs: list[str] = []
        plain: list[str] = []
        bold = italic = 0
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
            elif kind == "image":
                runs.append(self.picture(child.attrs.get("src", "")))
            if text:
                runs.append(P.run(text, bold > 0, italic > 0))
                plain.append(text)
        return "".join(runs), "".join(plain).strip()

    def picture(self, src: Union[str, int, float]) -> str:  # a markdown-it attribute value
        name = picture_name(src)
        picture = self.pictures.get(name)
        if picture is None:  # named by a template, not by the spec: read (and checked) here
            picture = self.pictures[name] = read_picture(self.base_dir / name, name)
        page = self.section.page
        box: tuple[Length, Length]
        if self.style == "Sampul":
            box = (Cm(3.5), Cm(3.5))
        else:
            box = (Emu(page.text_width_twips * 635), Emu(twips(page.size_mm[1] - page.margins_mm["top"]
                                                               - page.margins_mm["bottom"]) * 635))
        width, height = fit(picture.px_width, picture.px_height, *box)
        # python-docx's new_pic_inline, from the bytes already read rather than the file again; the
        # picture keeps the name python-docx gives it from a path (the first one, for the same bytes).
        part = self.document.part
        rid, _ = part.get_or_add_image(io.BytesIO(picture.data))
        filename = self.picture_names.setdefault(rid, os.path.basename(picture.path))
        inline = CT_Inline.new_pic_inline(part.next_id, rid, filename, Emu(width), Emu(height))
        return f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"
