"""What a person would reject on the printed pages, each with its page: a split signature or one
at the head of a page, a heading stranded at the foot of a page or alone on it, a page holding only
a few lines left over from the one before, a word broken without a hyphen, a table of contents
that names a wrong page.

Read from the PDF as printed (`layout`), against what the document says (`expected`).
"""

from __future__ import annotations

import re
from typing import Iterator

from ikugen.errors import PageProblem
from ikugen.proof import contents
from ikugen.proof.expected import Expected, plain
from ikugen.proof.layout import Page

SHORT_PAGE = 0.2   # a page whose text ends above a fifth of its height is nearly empty
FULL_PAGE = 0.7    # ... and is a leftover when the page before it is full
_LETTERS = re.compile(r"[^\W\d_]+")


def page_problems(pages: list[Page], doc: Expected, name: str) -> list[PageProblem]:
    found: list[tuple[int, str, str]] = []
    for check in (_signatures, _headings, _leftovers, _broken_words, contents.wrong_numbers):
        found += check(pages, doc)
    return sorted(PageProblem(name, page, 0, "peringatan", code, message) for page, code, message in found)


def _flow(pages: list[Page]) -> list[tuple[int, str]]:
    """Every body line of the document in reading order, with its page number."""
    return [(page.number, plain(line.text)) for page in pages for line in page.body]


def _signatures(pages: list[Page], doc: Expected) -> Iterator[tuple[int, str, str]]:
    """Each signature block, in the document's order: its first line and its NIP on one page."""
    flow = _flow(pages)
    at = 0
    for first, last in doc.signatures:
        start = next((i for i in range(at, len(flow)) if flow[i][1] == first), None)
        if start is None:
            continue
        end = next((i for i in range(start, len(flow)) if flow[i][1] == last), None)
        if end is None:
            continue
        at = end + 1
        if flow[start][0] != flow[end][0]:
            yield (flow[start][0], "IKU951", f"blok tanda tangan terpotong: baris pertamanya di halaman "
                                             f"{flow[start][0]}, nama dan NIP di halaman {flow[end][0]}")
        elif start > 0 and flow[start - 1][0] != flow[start][0]:
            yield (flow[start][0], "IKU958", "blok tanda tangan di awal halaman, terpisah dari isi yang "
                                             "ditandatanganinya di halaman sebelumnya")


def _is_heading(text: str, doc: Expected) -> bool:
    return any(text in heading for heading in doc.headings)


def _headings(pages: list[Page], doc: Expected) -> Iterator[tuple[int, str, str]]:
    for page in pages[:-1]:
        body = [plain(line.text) for line in page.body]
        if not body:
            continue
        if all(_is_heading(text, doc) for text in body):
            yield page.number, "IKU953", f"judul '{body[0]}' sendirian di halamannya"
        elif _is_heading(body[-1], doc):
            yield (page.number, "IKU952",
                   f"judul '{body[-1]}' di baris terakhir halaman, isinya di halaman berikut")


def _leftovers(pages: list[Page], doc: Expected) -> Iterator[tuple[int, str, str]]:
    """A nearly empty page of lines left over from a full one, where a new section (another page
    size or orientation) or the document's end follows: the page exists only for those lines."""
    for page in pages:
        if not page.body:
            yield page.number, "IKU954", "halaman kosong"
    for i, (before, page) in enumerate(zip(pages, pages[1:], strict=False), start=1):
        after = pages[i + 1] if i + 1 < len(pages) else None
        ends_section = after is None or (after.width, after.height) != (page.width, page.height)
        if ends_section and page.body and page.filled() < SHORT_PAGE and before.filled() > FULL_PAGE:
            yield (page.number, "IKU954",
                   f"halaman hanya memuat {len(page.body)} baris sisa dari halaman sebelumnya")


def _broken_words(pages: list[Page], doc: Expected) -> Iterator[tuple[int, str, str]]:
    """Two lines of one paragraph or cell whose last and first pieces make a word of the document
    that the first piece alone is not, with no hyphen between them."""
    for page in pages:
        for block in page.blocks:
            for above, below in zip(block, block[1:], strict=False):
                head, tail = above.text.split()[-1:], below.text.split()[:1]
                if not head or not tail or not head[0][-1].isalpha() or not tail[0][0].islower():
                    continue
                first, rest = _LETTERS.findall(head[0])[-1], _LETTERS.findall(tail[0])[0]
                if (first + rest).casefold() in doc.words and first.casefold() not in doc.words:
                    yield (page.number, "IKU955",
                           f"kata '{first + rest}' terpotong tanpa tanda hubung ('{first}|{rest}')")
