"""The Word structures around the text: sections, list numbering, the TOC field, the footer,
settings and document properties. Each builds WordprocessingML, as text or into the package.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Optional

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml

from ikugen.writers.page import HEADER_FOOTER_MM, Page, twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# Characters XML 1.0 cannot hold. The model refuses them in a spec; a template file could still
# carry one (a form feed pasted into an office's template), and it would break the whole body.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, as xml.sax.saxutils.escape does; that module imports
    urllib.request (and with it http, ssl and email), ~10 ms of every start of a DOCX build."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An attribute value escaped and quoted, as xml.sax.saxutils.quoteattr does."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    return "'%s'" % text if "'" not in text else '"%s"' % text.replace('"', "&quot;")


def run(text: str, bold: bool = False, italic: bool = False, underline: bool = False) -> str:
    """A run of text; '\n' in the text becomes a line break."""
    text = _NOT_XML.sub("", text)
    props = (("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
             + ('<w:u w:val="single"/>' if underline else ""))
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def paragraph(runs: str, style: Optional[str] = None, extra_ppr: str = "") -> str:
    ppr = (f"<w:pStyle w:val={quoteattr(style)}/>" if style else "") + extra_ppr
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def keep_with_next(p: str) -> str:
    """The paragraph `p`, as `paragraph` writes it, kept with the next one (w:keepNext comes
    right after w:pStyle in w:pPr)."""
    if "<w:keepNext/>" in p:
        return p
    if p.startswith("<w:p><w:pPr><w:pStyle "):
        end = p.index("/>", len("<w:p><w:pPr>")) + 2
        return p[:end] + "<w:keepNext/>" + p[end:]
    if p.startswith("<w:p><w:pPr>"):
        return "<w:p><w:pPr><w:keepNext/>" + p[len("<w:p><w:pPr>"):]
    return "<w:p><w:pPr><w:keepNext/></w:pPr>" + p[len("<w:p>"):]


_AFTER_SPACING = ("<w:ind", "<w:contextualSpacing", "<w:jc", "<w:rPr")  # what follows w:spacing in w:pPr


def lead_in(p: str) -> str:
    """The sentence (or list item) before a table, as `paragraph` writes it: kept with the
    table, and 6 pt under it, which Normal (space before, none after) leaves at nothing."""
    p = keep_with_next(p)
    ppr = p[:p.index("</w:pPr>")]
    style = re.search(r'<w:pStyle w:val="([^"]*)"/>', ppr)
    if "<w:spacing" in ppr or (style is not None and style.group(1) not in ("Normal", "ListParagraph")):
        return p
    at = min((i for i in (ppr.find(tag) for tag in _AFTER_SPACING) if i >= 0), default=len(ppr))
    return p[:at] + '<w:spacing w:after="120"/>' + p[at:]


# An empty paragraph a twentieth of a line high (its mark 1 pt): after a table that fills its
# page, the one that carries the section break does not make a page of its own.
HAIRLINE = ('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

# ---- sections -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    page: Page
    numbering: Optional[str] = None   # None (no page number: the cover), "lowerRoman", "decimal"
    start: Optional[int] = None       # restart page numbers at this value
    plain_first: bool = False         # no page number on the section's first page (a decree's)

    def next(self, **changes: Any) -> "Section":
        """The following section: same settings, numbering continues unless restarted."""
        return replace(self, **{"start": None, "plain_first": False, **changes})


def section_xml(section: Section, footer_rid: str) -> str:
    width, height = section.page.size_mm
    m = section.page.margins_mm
    orient = ' w:orient="landscape"' if section.page.landscape else ""
    footer = f'<w:footerReference w:type="default" r:id="{footer_rid}"/>' if section.numbering else ""
    numbering = ""
    if section.numbering:
        start = f' w:start="{section.start}"' if section.start is not None else ""
        numbering = f'<w:pgNumType w:fmt="{section.numbering}"{start}/>'
    hf = twips(HEADER_FOOTER_MM)
    return (
        f"<w:sectPr>{footer}"
        f'<w:pgSz w:w="{twips(width)}" w:h="{twips(height)}"{orient}/>'
        f'<w:pgMar w:top="{twips(m["top"])}" w:right="{twips(m["right"])}" w:bottom="{twips(m["bottom"])}"'
        f' w:left="{twips(m["left"])}" w:header="{hf}" w:footer="{hf}" w:gutter="0"/>'
        f'{numbering}<w:cols w:space="708"/>{"<w:titlePg/>" if section.plain_first else ""}'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def add_footer(document: Document) -> str:
    """A footer with the page number centred; returns its relationship id."""
    from docx.parts.hdrftr import FooterPart

    part = FooterPart.new(document.part.package)
    for child in list(part.element):
        part.element.remove(child)
    part.element.append(parse_xml(
        f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'))
    return document.part.relate_to(part, RT.FOOTER)


# ---- list numbering ---------------------------------------------------------------------

# Ordered lists in Indonesian documents: 1. then a. then 1); a list marked "huruf" starts at a.
_FORMATS = {
    "angka": [("decimal", "%1."), ("lowerLetter", "%2."), ("decimal", "%3)")],
    "huruf": [("lowerLetter", "%1."), ("decimal", "%2)"), ("lowerLetter", "%3)")],
    "butir": [("bullet", "\u2022"), ("bullet", "\u2013"), ("bullet", "\u2022")],
}
LIST_KINDS = tuple(_FORMATS)
MAX_LEVEL = 2  # deeper items stay at the last level defined (Word allows 0-8 only)
ABSTRACT_BASE = 9100  # our abstractNum ids, clear of any a reference document brings


class Numbering:
    """Adds our list definitions to the package and one w:num per list (so each restarts)."""

    def __init__(self, document: Document) -> None:
        self.root = document.part.numbering_part.element
        self.next_id = max([int(n.get(w("numId"))) for n in self.root.findall(w("num"))] + [0]) + 1
        for i, levels in enumerate(_FORMATS.values()):
            lvls = "".join(
                f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{454 * (k + 1)}" w:hanging="454"/></w:pPr></w:lvl>'
                for k, (fmt, text) in enumerate(levels))
            abstract = parse_xml(f'<w:abstractNum {NSDECL} w:abstractNumId="{ABSTRACT_BASE + i}">'
                                 f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
            first_num = self.root.find(w("num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.root.append(abstract)
        self.abstract = {name: ABSTRACT_BASE + i for i, name in enumerate(_FORMATS)}

    def new_list(self, kind: str, level: int, start: int = 1) -> int:
        level = min(level, MAX_LEVEL)
        num_id = self.next_id
        self.next_id += 1
        self.root.append(parse_xml(
            f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{self.abstract[kind]}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
        return num_id


def numbered(num_id: int, level: int) -> str:
    level = min(level, MAX_LEVEL)
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


# ---- table of contents --------------------------------------------------------------------


def toc(headings: list[tuple[int, str]], levels: int = 2, pages: Optional[list[str]] = None) -> str:
    """A real TOC field, pre-filled with the headings so it reads before any update, and with
    each entry's page number where `pages` gives them (from the PDF's layout, see proof/)."""
    begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{levels}" \\h \\z \\u </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    entries = toc_entries(headings, levels) or [(1, "")]
    numbers = pages if pages and len(pages) == len(entries) else None
    out = []
    for i, (level, text) in enumerate(entries):
        number = f"<w:r><w:tab/></w:r>{run(numbers[i])}" if numbers else ""
        runs = ((begin if i == 0 else "") + run(text.replace("\n", " ")) + number
                + (end if i == len(entries) - 1 else ""))
        out.append(paragraph(runs, f"toc{level}"))
    return "".join(out)


def toc_entries(headings: list[tuple[int, str]], levels: int = 2) -> list[tuple[int, str]]:
    return [(level, text) for level, text in headings if level <= levels]


# The order CT_Settings children must keep (ECMA-376 Part 1, 17.15.1.78).
_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
    "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
    "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
    "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)


def set_setting(settings: BaseOxmlElement, element: etree._Element) -> None:
    """Put `element` into w:settings where the schema's sequence wants it (Word refuses a
    settings part whose children are out of order), replacing one of the same kind."""
    from docx.oxml.ns import qn

    for old in settings.findall(element.tag):
        settings.remove(old)
    name = next(n for n in _SETTINGS_ORDER if qn("w:" + n) == element.tag)
    later = _SETTINGS_ORDER[_SETTINGS_ORDER.index(name) + 1:]
    # python-docx types `elm` as ElementBase; it only inserts it, and any lxml element will do.
    settings.insert_element_before(element, *("w:" + n for n in later))  # type: ignore[arg-type]


def update_fields_on_open(document: Document) -> None:
    flag = OxmlElement("w:updateFields")
    flag.set(w("val"), "true")
    set_setting(document.settings.element, flag)


# The compat settings that follow doNotExpandShiftReturn in CT_Compat's sequence (ECMA-376 Part 1,
# 17.15.3.1), the common ones: it goes before the first of them a reference document has.
_COMPAT_AFTER = ("spacingInWholePoints", "usePrinterMetrics", "footnoteLayoutLikeWW8", "shapeLayoutLikeWW8",
                 "alignTablesRowByRow", "adjustLineHeightInTable", "doNotUseHTMLParagraphAutoSpacing",
                 "layoutRawTableWidth", "useWord97LineBreakRules", "doNotBreakWrappedTables",
                 "growAutofit", "useFELayout", "useNormalStyleForList", "doNotUseIndentAsNumberingTabStop",
                 "doNotSuppressIndentation", "splitPgBreakAndParaMark", "compatSetting")


def keep_manual_breaks_unstretched(document: Document) -> None:
    """A line ended by a manual break in justified text keeps its word spacing (Word and
    LibreOffice would stretch it across the line: "a.      Landasan      Idiil")."""
    settings = document.settings.element
    compat = settings.find(w("compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        set_setting(settings, compat)
    if compat.find(w("doNotExpandShiftReturn")) is not None:
        return
    flag = OxmlElement("w:doNotExpandShiftReturn")
    later = next((c for c in compat if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in _COMPAT_AFTER),
                 None)
    if later is None:
        compat.append(flag)
    else:
        later.addprevious(flag)


def set_properties(document: Document, *, title: str, subject: str, author: str,
                   when: datetime.datetime) -> None:
    """Core properties from the spec, so two builds of one spec are identical."""
    core = document.core_properties
    # python-docx refuses a property over 255 characters; a long (valid) name must not stop a build.
    title, subject, author = (_cap(text) for text in (title, subject, author))
    core.title, core.subject, core.author = title, subject, author
    core.last_modified_by = author
    core.created = core.modified = when
    core.revision = 1
    core.comments = core.keywords = core.category = ""
    # The template's extended properties claim "Microsoft Macintosh Word", 1 page, 0 words:
    # stale for this document. Word and LibreOffice recount them when they save.
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml" and hasattr(part, "_blob"):
            part._blob = _APP_XML


_APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            b"<Application>ikugen</Application></Properties>")


def _cap(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
