"""The blanks `ikugen init` leaves in a new spec: each one an error until it is filled in.

A blank is a text value starting with `MARK` ("ISI: nama Camat"). The check is registered in
rules' registry like every other check, so `--abaikan` and the JSON report treat it the same.
"""

from __future__ import annotations

from typing import Iterator

from ikugen.checks.registry import Context, Finding, check
from ikugen.checks.walk import leaves

MARK = "ISI:"
CODE = "IKU710"


def blank(what: str) -> str:
    """The marker text for a value still to be written."""
    return f"{MARK} {what}"


@check(CODE, "galat", "nilai yang ditandai ISI: belum diisi")
def unfilled(ctx: Context) -> Iterator[Finding]:
    for path, _, text, _ in leaves(ctx.spek):
        if isinstance(text, str) and text.startswith(MARK):
            what = text[len(MARK):].strip() or "nilai ini"
            yield Finding(path, f"belum diisi: {what}",
                          "ganti penanda 'ISI: ...' dengan data kecamatan ini")
