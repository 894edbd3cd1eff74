"""docs/sections.md and the templates in step: every built-in section documented, every field
and `teks` key the page names exists, and its table of what each layout does not print agrees
with IKU407's (checks/printers.py); tests/test_unprinted.py builds each case of that table."""

from __future__ import annotations

import re
import typing

import yaml
from conftest import ROOT

from ikugen.checks.printers import PRINTERS
from ikugen.spec.model_layout import NamaBagian

DOC = ROOT / "docs" / "sections.md"
TEMPLATES = ROOT / "templates"


def unprinted_in_docs() -> dict[str, dict[str, str]]:
    """The table of docs/sections.md: field -> layout -> "tidak", "sebagian" or "ya"."""
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- unprinted-table -->")[1]
    table: dict[str, dict[str, str]] = {}
    for line in block.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] and not set(cells[0]) <= {"-"} and cells[0] != "field":
            for name in cells[0].split("`, `"):
                table[name.replace("[]", ".*")] = dict(zip(("standar", "keputusan", "susunan"),
                                                           cells[1:], strict=True))
    return table


def test_every_built_in_section_is_documented():
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `(\w+)`", text, re.M))
    order = yaml.safe_load((TEMPLATES / "susunan" / "standar.yaml").read_text(encoding="utf-8"))
    in_order = {b if isinstance(b, str) else b["bagian"] for c in order for b in c["bagian"]}
    files = {p.name.removesuffix(".md.j2") for p in (TEMPLATES / "bagian").glob("*.md.j2")}
    assert in_order <= files
    assert documented == files, (files - documented, documented - files)
    assert set(typing.get_args(NamaBagian)) == files


def test_every_field_and_teks_key_the_page_names_exists():
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:dokumen|profil|pimpinan|wilayah|organisasi|tujuan|sasaran|indikator|teks|"
                           r"susunan)(?:\.[\w\[\]*]+)*)`", text))
    from test_unprinted import LEAVES  # it reads this page's table: imported here, not at the top

    leaves = set(LEAVES)
    prefixes = {".".join(p.split(".")[:n]) for p in leaves for n in range(1, p.count(".") + 2)}
    missing = {n for n in named if n.replace("[]", ".*").rstrip(".*") not in prefixes
               and n.replace("[]", ".*") not in prefixes}
    assert missing == set()
    teks_keys = {k for k in (TEMPLATES / "teks").glob("*.md.j2")}
    for path in teks_keys:
        assert f"`teks.{path.name.removesuffix('.md.j2')}`" in text, path.name


def test_the_page_table_agrees_with_the_check():
    """A field the table says a layout never prints has no printer in it, and the reverse."""
    for key, row in unprinted_in_docs().items():
        assert key in PRINTERS, key
        for layout in ("standar", "keputusan"):
            printers = [p for p in PRINTERS[key] if p.layout == layout]
            if row[layout] == "tidak":
                assert not printers, (key, layout)
            else:
                assert printers, (key, layout)
    for key, printers in PRINTERS.items():
        row = unprinted_in_docs().get(key, {"standar": "ya", "keputusan": "ya"})
        for layout in ("standar", "keputusan"):
            if not any(p.layout == layout for p in printers):
                assert row[layout] == "tidak", (key, layout)
