"""A spec's own Markdown: which values are Markdown, and what in them the DOCX writer will refuse.

The `teks` replacements and the office's own sections of `susunan` are printed as Markdown
(the `|markdown` filter), so their directives, HTML tables and pictures reach the writer as if
a template had written them. `scan` reads a text the way the writer does (the same CommonMark
parser, the same grammar of directives and tables), so whatever the writer would stop at is
found when the spec is loaded, at the value's place, and `validate` and `build` agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote

from ikugen.errors import IkugenError
from ikugen.spec import markdown_directives
from ikugen.spec.html_table import parse_table
from ikugen.spec.model import Spek
from ikugen.spec.model_layout import BagianSendiri
from ikugen.spec.yaml_reader import Path_

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The CommonMark parser, the writer's too (imported when first needed: `validate` of a
    spec without such Markdown does without it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


@dataclass(frozen=True)
class Scanned:
    problems: tuple[str, ...]  # messages, as the writer would raise them
    pictures: tuple[str, ...]  # file names of the pictures, as the writer reads them


def values(spek: Spek) -> Iterator[tuple[Path_, str]]:
    """Every Markdown value of the spec, with its path."""
    for name in type(spek.teks).model_fields:
        text = getattr(spek.teks, name)
        if isinstance(text, str) and text:  # menimbang and diktum are lists of table cells, not Markdown
            yield ("teks", name), text
    for i, chapter in enumerate(spek.susunan or []):
        for j, item in enumerate(chapter.bagian):
            if isinstance(item, BagianSendiri):
                yield ("susunan", i, "bagian", j, "teks"), item.teks


@lru_cache(maxsize=64)  # the Markdown check and the pictures both read each text
def scan(text: str) -> Scanned:
    """The directives and tables of `text` the writer would refuse, and the pictures it names."""
    problems: list[str] = []
    pictures: list[str] = []
    if "<" not in text and "![" not in text:  # no HTML block (directive, table), no picture
        return Scanned((), ())
    for token in parser().parse(text):
        if token.type == "html_block":
            html = token.content.strip()
            directive = markdown_directives.parse(html)
            if directive is not None:
                wrong = markdown_directives.wrong(directive)
                if wrong:
                    problems.append(wrong)
            elif html.startswith("<table"):
                try:
                    parse_table(html)
                except IkugenError as exc:
                    problems.append(str(exc))
        for child in token.children or []:  # an inline token's: where the writer places pictures
            if child.type == "image":
                pictures.append(picture_name(child.attrs.get("src", "")))
    return Scanned(tuple(problems), tuple(pictures))


def picture_name(src: object) -> str:
    """A picture's file name from markdown-it's link (which percent-encodes: a space is %20)."""
    return unquote(str(src))
