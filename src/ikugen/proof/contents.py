"""The table of contents as printed: its entries and their page numbers, read from the PDF.

LibreOffice updates the TOC field when it lays the document out, so the PDF's TOC has the right
numbers; the DOCX stores the field as ikugen wrote it. `numbers` gives the PDF's numbers in the
order of the entries, for the DOCX's cached TOC; `wrong_numbers` checks each against the folio
of its heading's page.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ikugen.proof.expected import Expected, plain
from ikugen.proof.layout import Page

_ENTRY = re.compile(r"^(?P<text>.*?)\s*[.…]{3,}\s*(?P<page>\d+|[ivxlcdm]+)$")  # the dot leader
_TITLE = "daftar isi"


def _toc_page(pages: list[Page]) -> Optional[Page]:
    return next((p for p in pages if any(plain(line.text) == _TITLE for line in p.body)), None)


def entries(pages: list[Page]) -> list[tuple[str, str]]:
    """(text, page number) of each TOC entry, in order; an entry wrapped over lines is joined."""
    toc = _toc_page(pages)
    if toc is None:
        return []
    found, pending = [], ""
    for line in toc.body:
        text = plain(line.text)
        if text == _TITLE:
            continue
        match = _ENTRY.match(f"{pending} {text}".strip())
        if match:
            found.append((match["text"], match["page"]))
            pending = ""
        else:
            pending = f"{pending} {text}".strip()
    return found


def numbers(pages: list[Page]) -> list[str]:
    """The printed page number of each entry, in order. The DOCX writer uses them only if they
    are as many as its entries (a TOC an office's template changed: better none than wrong)."""
    return [number for _, number in entries(pages)]


def _folio_of(pages: list[Page], heading: list[str], after: int) -> Optional[tuple[int, Optional[str]]]:
    """The first page from `after` on whose body holds the heading's first line."""
    for page in pages[after:]:
        if any(plain(line.text) == heading[0] for line in page.body):
            return page.number, page.folio
    return None


def wrong_numbers(pages: list[Page], doc: Expected) -> Iterator[tuple[int, str, str]]:
    """Each entry of the table of contents against the folio of its heading's page."""
    toc = _toc_page(pages)
    if toc is None:
        return
    at = toc.number  # entries are in order: each heading is looked for after the one before
    for text, number in entries(pages):
        heading = next((h for h in doc.headings if " ".join(h) == text), None)
        place = _folio_of(pages, heading, at) if heading else None
        if place is None:
            continue
        at = place[0] - 1
        if place[1] != number:
            yield (toc.number, "IKU956", f"daftar isi menyebut '{text}' di halaman {number}, "
                                         f"padahal judulnya di halaman {place[1] or 'tanpa nomor'}")
