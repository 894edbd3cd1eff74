"""The editor's schema line: `# yaml-language-server: $schema=PATH` at the top of a spec.

Editors with the YAML extension check and complete a spec against the schema that line names,
relative to the spec's folder. A spec copied to another folder keeps the line, and the editor's
checking stops without a word; a schema file older than the installed ikugen checks by old
rules. `ikugen init` writes the line for the new file's place; this check tells a copy.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from ikugen.checks.registry import Context, Finding, check
from ikugen.package_data import schema_file, stored_schema

_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<target>\S+)", re.MULTILINE)
_HEAD_BYTES = 4096  # characters: the line stands among the opening comments
_SCHEMA_BYTES = 5 * 1024 * 1024


@check("IKU108", "peringatan", "baris $schema untuk editor menunjuk skema yang tidak ada atau lain")
def schema_line_points_nowhere(ctx: Context) -> Iterator[Finding]:
    if ctx.source is None:
        return
    spec, text = ctx.source
    head = text[:_HEAD_BYTES]
    found = _MODELINE.search(head)
    if not found or re.match(r"^[a-z][a-z0-9+.-]*://", found.group("target")):
        return  # no line, or a schema on the web: nothing here to compare
    target = found.group("target")
    line = head.count("\n", 0, found.start()) + 1
    at = (line, found.start("target") - found.start() + 1)
    schema = spec.parent / target
    if not schema.is_file():
        yield Finding((), f"baris $schema menunjuk '{target}', yang tidak ada dari folder berkas ini; "
                      "editor tidak memeriksa spesifikasi ini", _fix(spec), at=at)
    elif not _same_schema(schema):
        yield Finding((), f"skema '{target}' yang ditunjuk baris $schema berbeda dari skema ikugen ini "
                      "(`ikugen schema`); editor memeriksa dengan aturan lain",
                      f"perbarui skema itu: ikugen schema > {target}", at=at)


def _fix(spec: Path) -> str:
    shipped = schema_file()
    if shipped.is_file():
        where = os.path.relpath(shipped, spec.parent.resolve())
        return f"tulis: # yaml-language-server: $schema={where}"
    return ("simpan skema di samping berkas ini (ikugen schema > ikugen.schema.json), lalu tulis: "
            "# yaml-language-server: $schema=ikugen.schema.json")


def _same_schema(path: Path) -> bool:
    try:
        if path.stat().st_size > _SCHEMA_BYTES:
            return False
        text = path.read_text(encoding="utf-8")
        text_expected, expected = _expected()
        return text == text_expected or bool(json.loads(text) == expected)
    except (OSError, ValueError):
        return False


@lru_cache(maxsize=1)  # a batch checks many specs against the one schema of this ikugen
def _expected() -> tuple[Optional[str], object]:
    """The schema an editor's should equal, as text (when stored) and as values.

    The schema stored with ikugen is what `ikugen schema` prints: read (~1 ms), not generated
    from the models (25-70 ms). An install without it, or with a copy that does not read as
    JSON, generates it.
    """
    try:
        text = stored_schema().read_text(encoding="utf-8")
        return text, json.loads(text)
    except (OSError, ValueError):
        pass
    from ikugen.spec.json_schema import schema_document

    # What `json.loads(schema_text())` gives: the same values through JSON without the
    # indentation, which json writes in C (with an indent it writes in Python: ~15 ms).
    return None, json.loads(json.dumps(schema_document(), ensure_ascii=False))
