"""`ikugen build -o X.md`: the same content as Markdown, compared byte for byte with golden files.

Regenerate after an intended change with: pytest tests/test_build_markdown.py --regen-golden
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_NAMES, ROOT
from markdown_it import MarkdownIt

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_markdown_matches_golden_file(built, name, request):
    produced = built(name, "md").read_bytes()
    golden = GOLDEN / f"{name}.md"
    if request.config.getoption("--regen-golden"):
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden file; run pytest --regen-golden once and review {golden}"
    assert produced == golden.read_bytes()


def test_markdown_keeps_merged_cells_as_html_rowspans(built):
    html = MarkdownIt("commonmark").render(built("kaloran", "md").read_text(encoding="utf-8"))
    # Kaloran's second sasaran has three indicators: one cell spanning three rows.
    assert '<td rowspan="3">Peningkatan pengelolaan tata pemerintahan di Kecamatan</td>' in html
    assert "<h1>BAB I<br>PENDAHULUAN</h1>" in html


def test_user_text_is_data_not_markup(tmp_path):
    """A spec's text with Markdown or Jinja syntax prints exactly as written."""
    from conftest import EXAMPLES, run_ikugen

    source = (EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8")
    source = source.replace("  provinsi: Jawa Tengah",
                            "  provinsi: \"Jawa *Tengah* {{ 7*7 }} <b>x</b> # [a](b)\"", 1)
    spec = tmp_path / "t.yaml"
    spec.write_text(source, encoding="utf-8")
    out = tmp_path / "t.md"
    docx = tmp_path / "t.docx"
    assert run_ikugen("build", spec, "-o", out, "-o", docx).returncode == 0
    html = MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    assert "Provinsi Jawa *Tengah* {{ 7*7 }} &lt;b&gt;x&lt;/b&gt; # [a](b)." in html
    from docx_text import all_text

    assert "Provinsi Jawa *Tengah* {{ 7*7 }} <b>x</b> # [a](b)." in all_text(docx)
