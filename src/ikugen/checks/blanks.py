"""The blanks `ikugen init` leaves in a new spec: each one an error until it is filled in.

A blank is a text value starting with `MARK` ("ISI: nama Camat"). The check is registered in
rules' registry like every other check, so `--abaikan` and the JSON report treat it the same.
"""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel

from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.yaml_reader import Path_

MARK = "ISI:"
CODE = "IKU710"


def blank(what: str) -> str:
    """The marker text for a value still to be written."""
    return f"{MARK} {what}"


@check(CODE, "galat", "nilai yang ditandai ISI: belum diisi")
def unfilled(ctx: Context) -> Iterator[Finding]:
    for path, text in _texts(ctx.spek, ()):
        if text.startswith(MARK):
            what = text[len(MARK):].strip() or "nilai ini"
            yield Finding(path, f"belum diisi: {what}",
                          "ganti penanda 'ISI: ...' dengan data kecamatan ini")


def _texts(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every text value under `value` with its data path (years of a target as text, as written)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (str(key),))
