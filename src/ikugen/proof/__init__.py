"""The PDF's pages read back and looked at as the official who signs them would.

`proofread` lays nothing out itself: it reads the PDF LibreOffice made (poppler's `pdftotext`)
and returns what a person would reject on its pages, and the page numbers of its table of
contents, which the DOCX's cached TOC then carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ikugen.errors import PageProblem
from ikugen.proof import contents, findings, fonts, layout
from ikugen.proof.expected import expected


@dataclass(frozen=True)
class Proof:
    pages: list[layout.Page]
    markdown: str
    fonts: list[tuple[str, str]]  # (typeface asked for, the one the PDF used instead)

    def problems(self, name: str) -> list[PageProblem]:
        found = findings.page_problems(self.pages, expected(self.markdown), name)
        return [*(PageProblem(name, 0, 0, "peringatan", "IKU957",
                              f"huruf '{font}' tidak terpasang di mesin ini; PDF memakai '{used}' sebagai "
                              "gantinya, sehingga baris dan halamannya berbeda dari dokumen di Word",
                              "pasang huruf itu di mesin pembuat PDF, atau pakai huruf yang terpasang")
                  for font, used in self.fonts), *found]

    def toc_numbers(self) -> list[str]:
        return contents.numbers(self.pages)


def proofread(pdf: bytes, markdown: str, docx: bytes) -> Optional[Proof]:
    """The PDF's pages, or None where poppler's pdftotext is not installed."""
    if layout.pdftotext() is None:
        return None
    return Proof(layout.read_pages(pdf), markdown, fonts.substitutes(docx))


def not_checked(name: str) -> PageProblem:
    """What a PDF made without poppler's pdftotext says: its pages were not looked at."""
    return PageProblem(name, 0, 0, "peringatan", "IKU950", "halaman PDF tidak diperiksa dan daftar isi DOCX "
                       "tanpa nomor halaman: pdftotext tidak terpasang", "sudo apt install poppler-utils")
