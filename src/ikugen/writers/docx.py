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
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from lxml import etree

from ikugen.errors import IkugenError
from ikugen.spec import markdown_directives
from ikugen.spec.html_table import Table, parse_table
from ikugen.spec.markdown_text import parser
from ikugen.spec.pictures import Picture
from ikugen.writers import docx_grid
from ikugen.writers import docx_parts as P
from ikugen.writers.docx_inline import Pictures, inline
from ikugen.writers.docx_tables import table_xml
from ikugen.writers.files import FixedTimeZip
from ikugen.writers.page import Page
from ikugen.writers.reference import read_reference

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

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
    P.keep_manual_breaks_unstretched(document)
    P.set_properties(document, title=props.title, subject=props.subject, author=props.author,
                     when=props.when)
    return _saved(document)


def _saved(document: DocxDocument) -> bytes:
    """python-docx's `save` (OpcPackage.save, PackageWriter.write) into an archive with fixed entry
    times: the parts are deflated once, not saved and then inflated and deflated again."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    parts = package.parts
    archive = FixedTimeZip()
    types = _ContentTypesItem.from_parts(parts)  # type: ignore[no-untyped-call]
    archive.add(CONTENT_TYPES_URI.membername, types.blob)
    archive.add(PACKAGE_URI.rels_uri.membername, package.rels.xml)
    for part in parts:
        archive.add(part.partname.membername, part.blob)
        if len(part.rels):
            archive.add(part.partname.rels_uri.membername, part.rels.xml)
    return archive.close()


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
        self.pictures = Pictures(document, base_dir, pictures)
        self.numbering = P.Numbering(document)
        self.out: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.toc_at: Optional[int] = None
        self.toc_pages: Optional[list[str]] = None
        self.last_table: Optional[tuple[int, Table]] = None  # where the last table went, and it
        self.signed_table: Optional[tuple[int, Table]] = None  # a table a signature block follows
        self.style: Optional[str] = None
        self.named_style: Optional[str] = None  # as the template named it (self.style: as written)
        self.lists: list[list[int]] = []  # [num_id, level, first paragraph of item pending (bool)]
        self.next_list_kind: Optional[str] = None
        self.break_before = False
        self.section_start = 0
        # The last section break: its place, the section it ended, what that place held before.
        self.closed: Optional[tuple[int, P.Section, Optional[str]]] = None
        self.style_ids = {s.style_id for s in document.styles}
        self.grid = docx_grid.Groups()

    def xml(self) -> str:
        self._place_grid()
        if len(self.out) == self.section_start and self.closed:
            # The document ends with a section break: drop it rather than end on a blank page.
            self.section = self._undo_break()
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
                runs, plain = inline(tokens[i + 1].children or [], self.picture)
                self.paragraph(runs, f"Heading{level}")
                self.headings.append((level, plain))
            elif kind == "paragraph_open":
                runs, plain = inline(tokens[i + 1].children or [], self.picture)
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
            elif self.out and self.out[-1].startswith("<w:p>") and "<w:sectPr" not in self.out[-1]:
                self.out[-1] = P.lead_in(self.out[-1])  # a lead-in sentence stays with its table
            self.last_table = (len(self.out), parse_table(html))
            self.out.append(table_xml(self.last_table[1], self.section.page.text_width_twips))
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
            if "pertama" in params:
                changes["plain_first"] = True
            if len(self.out) == self.section_start:  # nothing in this section yet: reshape it
                self.section = replace(self.section, **changes)
                if self.closed and replace(self.closed[1], start=None) == replace(self.section, start=None):
                    # Back to what the previous section was: undo the break, continue that one.
                    self.section, self.closed = self._undo_break(), None
                    self.section_start = -1
                return
            self._break_section()
            self.section = self.section.next(**changes)
            self.section_start = len(self.out)
            self.break_before = False
        elif name == "daftar-isi":
            self.toc_at = len(self.out)
            self.out.append("")
        elif name == "gaya":
            self.grid.mark(args, len(self.out))
            self.style = self.named_style = args or None
            if args in docx_grid.FALLBACK and args not in self.style_ids:
                self.style = docx_grid.FALLBACK[args]
            if args == "TandaTangan":
                self._keep_with_signature()
        elif name == "/gaya":
            self._close_signed_table()
            self.grid.mark(None, len(self.out))
            self.style = self.named_style = None
        elif name == "daftar":
            self.next_list_kind = args or None

    @property
    def width(self) -> int:
        return self.section.page.text_width_twips

    def picture(self, src: Union[str, int, float]) -> str:
        box = docx_grid.PICTURE_CM.get(self.named_style or "")
        return self.pictures.place(src, self.section.page, box_cm=box)

    def _keep_with_signature(self) -> None:
        """A signature block is not left alone on its page: what comes before it keeps with it (a
        paragraph; or a table's last row, which holds the block then: _close_signed_table)."""
        if self.last_table and self.last_table[0] == len(self.out) - 1:
            if self.last_table[1].plain:  # a layout grid (the dicta): short, kept whole by LibreOffice
                self.out[-1] = table_xml(self.last_table[1], self.width, keep_last=True)
            else:
                self.signed_table = self.last_table  # the block goes into its last row at its end
        else:
            self._keep_paragraph_with_next()

    def _keep_paragraph_with_next(self) -> None:
        """The last thing written, if it is a paragraph that ends no section, keeps with what follows."""
        if self.out and self.out[-1].startswith("<w:p>") and "<w:sectPr" not in self.out[-1]:
            self.out[-1] = P.keep_with_next(self.out[-1])

    def _close_signed_table(self) -> None:
        """The signature block that follows a table, put under the table's last row (docx_tables)."""
        if self.signed_table is None:
            return
        at, table = self.signed_table
        closing = "".join(self.out[at + 1:])
        del self.out[at + 1:]
        self.out[at] = table_xml(table, self.width, keep_last=True, closing=closing)
        self.signed_table = None

    def _place_grid(self) -> None:
        """The groups of a grid (the cover, a letterhead with its emblem), once their section ends."""
        moved = self.grid.place(self.out, self.section.page)
        if moved and self.toc_at is not None and self.toc_at >= moved[0]:
            self.toc_at -= moved[1]

    def _break_section(self) -> None:
        """End the section in its last paragraph where there is one: a paragraph of its own for
        the break would go onto a new, empty page when the section's last page is full."""
        self._place_grid()
        sect = P.section_xml(self.section, self.footer_rid)
        last = self.out[-1] if self.out else ""
        if last.startswith("<w:p>") and last != P.PAGE_BREAK:
            self.closed = (len(self.out) - 1, self.section, last)
            self.out[-1] = (last.replace("</w:pPr>", sect + "</w:pPr>", 1) if last.startswith("<w:p><w:pPr>")
                            else "<w:p><w:pPr>" + sect + "</w:pPr>" + last[len("<w:p>"):])
        else:  # after a table (or nothing): the break needs a paragraph, one too small to spill
            self.closed = (len(self.out), self.section, None)
            self.out.append(P.paragraph("", None, P.HAIRLINE + sect))

    def _undo_break(self) -> P.Section:
        """Take the last section break out again; the section it ended goes on."""
        assert self.closed is not None
        at, section, before = self.closed
        if before is None:
            del self.out[at]
        else:
            self.out[at] = before
        return section
