"""Build templates/referensi.docx: the named styles every ikugen document uses.

Run after changing a style: `python tools/make_reference.py`; and for the office-styled example,
`python tools/make_reference.py --font "Bookman Old Style" docs/gaya-kantor/referensi.docx`
(the same styles with another typeface: the one font is named once, in the document defaults
and the theme, so it reaches every style). Fonts, sizes and spacing follow
IKU-GUIDE §5 (Arial 12 pt, 1.5 lines); page geometry lives in src/ikugen/halaman.py.
An office's own reference document (--reference-doc) replaces this one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from ikugen.writers.docx_parts import set_setting

OUT = Path(__file__).resolve().parents[1] / "templates" / "referensi.docx"
FONT = "Arial"
TEXT_WIDTH = Cm(14)  # A4 portrait with 4 cm + 3 cm margins
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_style(doc, name, base="Normal", *, size=12, bold=False, align=None, before=0, after=6,
                    line=1.5, left=None, keep_next=False, keep_lines=False, hyphenate=True):
    styles = doc.styles
    if name in [s.name for s in styles]:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if style.name != "Normal":
        style.base_style = styles[base]
    font = style.font
    font.size, font.bold = Pt(size), bold
    font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line
    if align is not None:
        fmt.alignment = align
    if left is not None:
        fmt.left_indent = left
    fmt.keep_with_next = keep_next
    fmt.keep_together = keep_lines
    if not hyphenate:  # headings, the cover, signatures: a name or a title is never broken
        style.element.get_or_add_pPr().insert_element_before(
            parse_xml(f'<w:suppressAutoHyphens {W}/>'), *_AFTER_SUPPRESS_HYPHENS)
    # No style but the defaults names a font or a language: an office's one change to Normal (or
    # to the theme's fonts) then reaches every heading, table, signature and cover line.
    rpr = style.element.get_or_add_rPr()
    for tag in ("rFonts", "lang"):
        for node in rpr.findall(f"{W_NS}{tag}"):
            rpr.remove(node)
    return style


# The w:pPr children that come after w:suppressAutoHyphens (ECMA-376 Part 1, 17.3.1.26).
_AFTER_SUPPRESS_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def document_defaults(doc, font: str) -> None:
    """Arial and Indonesian for every run (docDefaults), and the theme's fonts Arial too."""
    defaults = doc.styles.element.find(f"{W_NS}docDefaults/{W_NS}rPrDefault/{W_NS}rPr")
    for tag in ("rFonts", "lang"):
        for node in defaults.findall(f"{W_NS}{tag}"):
            defaults.remove(node)
    defaults.insert(0, parse_xml(f'<w:rFonts {W} w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
                                 f'w:cs="{font}"/>'))
    defaults.append(parse_xml(f'<w:lang {W} w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/>'))
    for style in doc.styles.element.findall(f"{W_NS}style"):  # linked character styles name theme fonts
        rpr = style.find(f"{W_NS}rPr")
        for node in (rpr.findall(f"{W_NS}rFonts") + rpr.findall(f"{W_NS}lang")) if rpr is not None else []:
            rpr.remove(node)
    theme = next(p for p in doc.part.package.parts if p.partname.endswith("/theme1.xml"))
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root = etree.fromstring(theme.blob)
    for latin in root.iter(f"{a}latin"):
        if latin.getparent().tag in (f"{a}majorFont", f"{a}minorFont"):
            latin.set("typeface", font)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# The styles ikugen's writer and templates name (docx_writer.py, docx_parts.py, `ikugen:gaya`).
USED = {"Normal", "Heading1", "Heading2", "Heading3", "Heading4", "ListParagraph", "Footer", "toc1",
        "toc2", "toc3", "Sampul", "SampulLambang", "SampulBawah", "JudulTabel", "IsiTabel",
        "KepalaTabel", "TandaTangan", "TandaTanganNama", "Kop", "KopLambang", "KopAlamat",
        "JudulKeputusan", "IsiBlok", "IsiBlokKiri", "KepalaLampiran", "TabelIKU", "TabelPolos"}


def lean(doc) -> None:
    """Keep only the styles ikugen uses (and those they are based on or linked to).

    python-docx's default template carries ~180 styles, 137 latent-style entries and a
    Word 2010 copy of them all (stylesWithEffects.xml): ~800 KiB that every document parsed,
    serialised and compressed again, for styles no ikugen document names.
    """
    w_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = doc.styles.element
    for latent in root.findall(f"{w_ns}latentStyles"):
        root.remove(latent)
    styles = {s.get(f"{w_ns}styleId"): s for s in root.findall(f"{w_ns}style")}
    keep = {sid for sid, s in styles.items() if sid in USED or s.get(f"{w_ns}default") == "1"}
    todo = list(keep)
    while todo:  # what a kept style refers to is kept too
        style = styles[todo.pop()]
        for tag in ("basedOn", "next", "link"):
            ref = style.find(f"{w_ns}{tag}")
            target = ref.get(f"{w_ns}val") if ref is not None else None
            if target in styles and target not in keep:
                keep.add(target)
                todo.append(target)
    missing = USED - set(styles)
    assert not missing, f"styles the writer names are missing: {missing}"
    for sid, style in styles.items():
        if sid not in keep:
            root.remove(style)
    rels = doc.part.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del rels[rid]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=OUT)
    parser.add_argument("--font", default=FONT)
    args = parser.parse_args()
    doc = Document()
    for rid, rel in list(doc.part.package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del doc.part.package.rels[rid]
    body = doc.element.body
    for child in list(body)[:-1]:
        body.remove(child)
    J = WD_ALIGN_PARAGRAPH
    # Space before, not after: a paragraph after a list or a table keeps its distance.
    paragraph_style(doc, "Normal", align=J.JUSTIFY, before=6, after=0)
    document_defaults(doc, args.font)  # Indonesian: Word's spelling and hyphenation use the right language
    paragraph_style(doc, "Heading 1", size=14, bold=True, align=J.CENTER, after=18, keep_next=True,
                    keep_lines=True, hyphenate=False)
    for level, before in ((2, 12), (3, 6), (4, 6)):
        paragraph_style(doc, f"Heading {level}", bold=True, align=J.LEFT, before=before, keep_next=True,
                        keep_lines=True, hyphenate=False)
    paragraph_style(doc, "List Paragraph", align=J.JUSTIFY, before=0, after=0)
    # The cover: its three groups (title, emblem, office and period) are spread over the page by
    # the writer's grid (writers/docx_cover.py); within a group the lines stand close.
    paragraph_style(doc, "Sampul", size=16, bold=True, align=J.CENTER, before=12, after=0, line=1.15,
                    hyphenate=False)
    paragraph_style(doc, "SampulLambang", "Sampul", align=J.CENTER, before=0, after=0, line=1.0,
                    hyphenate=False)
    paragraph_style(doc, "SampulBawah", "Sampul", size=14, bold=True, align=J.CENTER, before=6, after=0,
                    line=1.15, hyphenate=False)
    paragraph_style(doc, "JudulTabel", bold=True, align=J.CENTER, before=12, after=6, line=1.0,
                    keep_next=True, hyphenate=False)
    paragraph_style(doc, "IsiTabel", size=10, align=J.LEFT, after=0, line=1.0)
    paragraph_style(doc, "KepalaTabel", "IsiTabel", size=10, bold=True, align=J.CENTER, after=0, line=1.0,
                    hyphenate=False)  # a column's name is read whole
    # A signature block is never split: each of its paragraphs keeps with the next, the last
    # (name, rank, NIP) keeps its lines together.
    paragraph_style(doc, "TandaTangan", align=J.CENTER, before=6, after=0, line=1.15, left=Cm(6),
                    keep_next=True, keep_lines=True, hyphenate=False)
    paragraph_style(doc, "TandaTanganNama", "TandaTangan", align=J.CENTER, before=60, after=0,
                    line=1.15, left=Cm(6), keep_lines=True, hyphenate=False)
    for level in (1, 2, 3):
        style = paragraph_style(doc, f"toc {level}", bold=level == 1, align=J.LEFT, after=0, line=1.5,
                                left=Cm(0.8 * (level - 1)))
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    paragraph_style(doc, "Footer", size=10, align=J.CENTER, after=0, line=1.0)
    # The decree: letterhead, title block, borderless blocks, the annex's heading.
    paragraph_style(doc, "Kop", size=14, bold=True, align=J.CENTER, after=0, line=1.0, hyphenate=False)
    paragraph_style(doc, "KopLambang", "Kop", align=J.CENTER, after=0, line=1.0, hyphenate=False)
    kop = paragraph_style(doc, "KopAlamat", size=10, align=J.CENTER, after=18, line=1.0)
    # The letterhead's rule; w:pPr wants pBdr before shading, tabs, spacing, indent, alignment.
    kop.element.get_or_add_pPr().insert_element_before(
        parse_xml(f'<w:pBdr {W}><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="4" w:color="000000"/>'
                  '</w:pBdr>'),
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
        "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    paragraph_style(doc, "JudulKeputusan", bold=True, align=J.CENTER, before=6, after=6, line=1.15,
                    hyphenate=False)
    paragraph_style(doc, "IsiBlok", align=J.JUSTIFY, after=4, line=1.15)
    paragraph_style(doc, "IsiBlokKiri", "IsiBlok", align=J.LEFT, after=4, line=1.15)
    paragraph_style(doc, "KepalaLampiran", size=11, align=J.LEFT, after=12, line=1.0, left=Cm(15))
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        doc.styles[name].font.italic = False
    # The table style: single borders on every cell, cell text from IsiTabel.
    doc.styles.element.append(parse_xml(
        f'<w:style {W} w:type="table" w:customStyle="1" w:styleId="TabelIKU"><w:name w:val="TabelIKU"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        '</w:tblCellMar></w:tblPr></w:style>'))
    doc.styles.element.append(parse_xml(
        f'<w:style {W} w:type="table" w:customStyle="1" w:styleId="TabelPolos"><w:name w:val="TabelPolos"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'))
    set_setting(doc.settings.element, parse_xml(f'<w:autoHyphenation {W} w:val="true"/>'))
    set_setting(doc.settings.element, parse_xml(f'<w:doNotHyphenateCaps {W} w:val="true"/>'))
    doc.core_properties.author = doc.core_properties.last_modified_by = "ikugen"
    doc.core_properties.title = doc.core_properties.comments = ""
    lean(doc)
    doc.save(args.out)
    print(f"wrote {args.out}")  # noqa: T201


if __name__ == "__main__":
    main()
