"""Word files made from the shared seed documents (../shared/seeds/), as offices type them.

The seeds are text extracted from real IKU documents: headings marked with '#', lists typed
with numbers or '-', tables as tab- or '|'-separated rows. This script rebuilds them as Word
documents a reader has not seen from ikugen: tables become Word tables (a sasaran left empty
below itself becomes a vertically merged cell; a row without an indicator continues the row
above it, as the extraction split it), and the variant chooses how headings and lists are made:

- headings: "styles" (Word's Heading 1-4), "bold" (bold Normal paragraphs), or "mixed";
- lists: "numbering" (Word numbering definitions, decimal or letters, the typed label gone),
  "typed" (the number typed in the text), or "mixed" (alternating list by list).

    python tests/impor/seeds_to_word.py SEED.txt OUT.docx [--headings H] [--lists L]
"""

from __future__ import annotations

import argparse
import re
from itertools import count
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")
_ITEM = re.compile(r"^(\s*)(?:[-*]\s+)?(?:[-:]\s*)*(\(?(\d{1,3}|[a-zA-Z])\s?[.)])\s*(.*)$")
_BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")


def _cell(text: str) -> str:
    """A table cell: HTML list items as lines of their own, other markup gone."""
    text = re.sub(r"\\frac\{\\text\{([^}]*)\}\}\{\\text\{([^}]*)\}\}", r"\1 / \2", text)
    text = re.sub(r"</?(math|i|b|u)[^>]*>", "", text)
    parts = re.split(r"</?li[^>]*>|</?ul[^>]*>|<br\s*/?>", text)
    return "\n".join(_clean(p.lstrip("•· ")) for p in parts if _clean(p.lstrip("•· ")))


def _clean(text: str) -> str:
    text = re.sub(r"\*{1,3}([^*]*)\*{1,3}", r"\1", text)
    return " ".join(text.replace("*", "").split())


class _Numbering:
    """Numbering definitions added to the document: one abstract list per format, one
    instance per list (so every list starts at 1, as in Word)."""

    def __init__(self, document):
        self.part = document.part.numbering_part.element
        self.ids = count(900)
        self.abstract: dict[str, int] = {}

    def new_list(self, fmt: str) -> int:
        if fmt not in self.abstract:
            aid = next(self.ids)
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(aid))
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), "0")
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt),
                             ("w:lvlText", "%1." if fmt != "bullet" else "-")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            abstract.append(lvl)
            first_num = self.part.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.part.append(abstract)
            self.abstract[fmt] = aid
        num = OxmlElement("w:num")
        nid = next(self.ids)
        num.set(qn("w:numId"), str(nid))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self.abstract[fmt]))
        num.append(ref)
        self.part.append(num)
        return nid


def _number(paragraph, nid: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), str(nid))
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def _table_rows(lines: list[str]) -> list[list[str]]:
    pipe = all(line.strip().startswith("|") for line in lines)
    rows = []
    for line in lines:
        if pipe:
            cells = [c for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in cells):
                continue
        else:
            cells = line.rstrip("\n").split("\t")
        rows.append([_cell(c) for c in cells])
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = rows[0]
    name = next((c for c, h in enumerate(header) if re.search(r"indikator", h, re.I)), None)
    joined: list[list[str]] = []
    for row in rows:  # a row without its indicator continues the one above (the extraction split it)
        if joined and name is not None and not row[name] and any(row) and not row[0]:
            joined[-1] = [f"{a} {b}".strip() for a, b in zip(joined[-1], row, strict=True)]
        else:
            joined.append(row)
    return joined


def _add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    header = rows[0]
    merged = re.compile(r"sasaran|kinerja utama$|tujuan|urusan|^no", re.I)
    merge_cols = [c for c, h in enumerate(header[:3]) if merged.search(h)]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            if r == 0:
                for run in table.cell(r, c).paragraphs[0].runs:
                    run.bold = True
    for c in merge_cols:  # a sasaran typed once over its indicators: one merged cell
        r = 1
        while r < len(rows):
            end = r
            while end + 1 < len(rows) and not rows[end + 1][c] and any(rows[end + 1]):
                end += 1
            if end > r:
                table.cell(r, c).merge(table.cell(end, c))
                table.cell(r, c).text = rows[r][c]
            r = end + 1


def make(seed: Path, target: Path, headings: str = "mixed", lists: str = "mixed") -> Path:
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    numbering = _Numbering(document)
    lines = seed.read_text(encoding="utf-8").splitlines()
    heading_no, list_no = count(), count()
    current_list: dict[str, int] = {}
    typed_list = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if "\t" in line or line.strip().startswith("|"):
            block = []
            while i < len(lines) and ("\t" in lines[i] or lines[i].strip().startswith("|")):
                block.append(lines[i])
                i += 1
                if i + 1 < len(lines) and not lines[i].strip() and "\t" in lines[i + 1]:
                    i += 1  # an empty line the extraction put inside the table
            if len(block) >= 2:
                _add_table(document, _table_rows(block))
            else:
                document.add_paragraph(_clean(block[0].replace("\t", " ")))
            current_list = {}
            continue
        i += 1
        m = _HEADING.match(line)
        bold_line = re.fullmatch(r"\s*\*\*[^*]+\*\*\s*", line) is not None
        if m or bold_line:
            level = len(m.group(1)) if m else 4
            text = _clean(m.group(2) if m else line)
            n = next(heading_no)
            as_style = headings == "styles" or (headings == "mixed" and n % 2 == 0)
            if m and as_style:
                document.add_heading(text, level=min(level, 4))
            else:
                run = document.add_paragraph().add_run(text)
                run.bold = True
            current_list = {}
            continue
        item = _ITEM.match(line)
        bullet = _BULLET.match(line)
        if item or bullet:
            label = item.group(2) if item else ""
            text = _clean(item.group(4) if item else bullet.group(2))
            fmt = "bullet" if not label else ("decimal" if label.strip("(.)").isdigit() else "lowerLetter")
            if fmt not in current_list:
                n = next(list_no)
                typed_list = lists == "typed" or (lists == "mixed" and n % 2 == 1)
                current_list = {fmt: 0 if typed_list else numbering.new_list(fmt)}
            if typed_list:
                document.add_paragraph(f"{label or '-'} {text}", style="List Paragraph")
            else:
                paragraph = document.add_paragraph(text, style="List Paragraph")
                _number(paragraph, current_list[fmt])
            continue
        current_list = {}
        last = document.paragraphs[-1] if document.paragraphs else None
        if last is not None and re.match(r"^\s*[a-z/,(]", line) and last.text and not re.search(
                r"[.:;]$", last.text) and not any(run.bold for run in last.runs):
            last.add_run(" " + _clean(line))  # the extraction cut this paragraph in two
            continue
        document.add_paragraph(_clean(line))
    document.core_properties.author = "Kantor Kecamatan"
    document.save(str(target))
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--headings", choices=["styles", "bold", "mixed"], default="mixed")
    parser.add_argument("--lists", choices=["numbering", "typed", "mixed"], default="mixed")
    args = parser.parse_args()
    make(args.seed, args.target, args.headings, args.lists)
