"""The spec's own Markdown (`teks`, the office's sections of `susunan`): what the writer would refuse.

A directive (`<!-- ikugen:bagian nomor=yunani -->`) or an HTML table in a spec's Markdown reaches
the DOCX writer as a template's would, and the writer stops at one it cannot follow. Found here,
when the spec is loaded, it is an error at the value's line, the same for `validate`, for
`build -o x.md` and for `build -o x.docx`, with the writer's own words (spec/markdown_text.py).
The pictures such a text names are files the spec names: spec/pictures.py reads them (IKU016).
"""

from __future__ import annotations

from typing import Iterator

from ikugen.checks.registry import Context, Finding, check
from ikugen.spec import markdown_text

CODE = "IKU015"


@check(CODE, "galat", "arahan atau tabel Markdown yang tidak dapat ditulis")
def markdown_extensions(ctx: Context) -> Iterator[Finding]:
    for path, text in markdown_text.values(ctx.spek):
        for message in dict.fromkeys(markdown_text.scan(text).problems):  # each wrong thing once
            yield Finding(path, message)
