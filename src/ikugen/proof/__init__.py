"""The PDF's pages read back and looked at as the official who signs them would.

`proofread` lays nothing out itself: it reads the PDF LibreOffice made (poppler's `pdftotext`)
and returns what a person would reject on its pages, and the page numbers of its table of
contents, which the DOCX's cached TOC then carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ikugen.errors import PageProblem
from ikugen.proof import contents, findings, layout
from ikugen.proof.expected import expected

NOT_CHECKED = ("catatan: halaman PDF tidak diperiksa dan daftar isi DOCX tanpa nomor halaman: pdftotext "
               "tidak terpasang (sudo apt install poppler-utils)")


@dataclass(frozen=True)
class Proof:
    pages: list[layout.Page]
    markdown: str

    def problems(self, name: str) -> list[PageProblem]:
        return findings.page_problems(self.pages, expected(self.markdown), name)

    def toc_numbers(self) -> list[str]:
        return contents.numbers(self.pages)


def proofread(pdf: bytes, markdown: str) -> Optional[Proof]:
    """The PDF's pages, or None where poppler's pdftotext is not installed."""
    if layout.pdftotext() is None:
        return None
    return Proof(layout.read_pages(pdf), markdown)
