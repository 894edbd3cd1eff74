"""A .docx ikugen wrote, without what only ikugen writes: its custom properties and custom XML
parts, and its own paragraph and table styles (Sampul, TandaTangan, IsiTabel, ...), which
become Word's ordinary ones (Title, Normal, Table Grid). What is left is what a Word user's
file has: Heading 1-4, List Paragraph with numbering, tables, bold."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

WORD_STYLES = {"Normal", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "ListParagraph",
               "Footer", "TableNormal", "TableGrid", "toc1", "toc2", "toc3", "Caption"}
RENAMED = {"Sampul": "Title"}


def strip(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            name = info.filename
            if name.startswith("customXml/") or name == "docProps/custom.xml":
                continue
            data = old.read(name)
            if name.endswith(".xml") or name.endswith(".rels"):
                text = data.decode("utf-8")
                text = re.sub(r'<Relationship [^>]*Target="[^"]*(customXml|custom\.xml)[^"]*"[^>]*/>',
                              "", text)
                text = re.sub(r'<Override [^>]*PartName="/(customXml|docProps/custom)[^"]*"[^>]*/>', "", text)
                text = re.sub(r'w:(pStyle|rStyle|tblStyle|styleId|basedOn|next|link) ?w?:?val="([^"]+)"',
                              _style, text) if name.startswith("word/") else text
                text = re.sub(r'w:styleId="([^"]+)"', lambda m: f'w:styleId="{_plain(m.group(1))}"', text)
                text = re.sub(r'<w:name w:val="(Sampul\w*|JudulTabel|IsiTabel|KepalaTabel|TandaTangan\w*|'
                              r'Kop\w*|JudulKeputusan|IsiBlok|KepalaLampiran|TabelIKU|TabelPolos)"/>',
                              lambda m: f'<w:name w:val="{_plain(m.group(1))}"/>', text)
                text = text.replace("ikugen", "Word")
                data = text.encode("utf-8")
            new.writestr(info, data)
    return target


def _plain(style: str) -> str:
    if style in WORD_STYLES:
        return style
    if style in RENAMED:
        return RENAMED[style]
    return "TableGrid" if style.startswith("Tabel") else "Normal"


def _style(match: re.Match[str]) -> str:
    return match.group(0).replace(f'"{match.group(2)}"', f'"{_plain(match.group(2))}"')
