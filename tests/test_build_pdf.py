"""`ikugen build -o X.pdf` through the real LibreOffice, read back with poppler's pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, require_tool, run_ikugen

# Each example's PDF is one LibreOffice run (seconds): Kaloran's in every run of the tests, the
# other two only in the full suite (they are `slow`; `pytest -m "not slow"` leaves them out).
PDF_EXAMPLES = [name if name == "kaloran" else pytest.param(name, marks=pytest.mark.slow)
                for name in EXAMPLE_NAMES]


def pages(pdf) -> list[str]:
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    return text.split("\f")[:-1]


def page_sizes(pdf) -> list[tuple[float, float]]:
    pdfinfo = require_tool("pdfinfo")
    out = subprocess.run([pdfinfo, "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def footer_number(page: str) -> str:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.mark.parametrize("name", PDF_EXAMPLES)
def test_pdf_pages_are_numbered_roman_then_arabic(built, name):
    require_tool("soffice")
    numbers = [footer_number(p) for p in pages(built(name, "pdf"))]
    assert not re.fullmatch(r"[ivx]+|\d+", numbers[0])  # the cover has no number
    assert numbers[1:3] == ["i", "ii"]
    body = numbers[3:]
    assert body == [str(n) for n in range(1, len(body) + 1)]


@pytest.mark.parametrize("name", PDF_EXAMPLES)
def test_pdf_table_of_contents_has_page_numbers(built, name):
    require_tool("soffice")
    toc = pages(built(name, "pdf"))[2]
    assert "DAFTAR ISI" in toc
    assert re.search(r"KATA PENGANTAR\.+\s*i\b", toc)
    assert re.search(r"BAB I PENDAHULUAN\.+\s*1\b", toc)
    found = re.search(r"BAB V PENUTUP\.+\s*(\d+)", toc)
    assert found and int(found.group(1)) > 5


@pytest.mark.parametrize("name", PDF_EXAMPLES)
def test_pdf_iku_table_is_on_landscape_pages(built, name):
    require_tool("soffice")
    pdf = built(name, "pdf")
    texts = pages(pdf)
    sizes = page_sizes(pdf)
    assert len(sizes) == len(texts)
    kecamatan = name.upper()
    iku = [i for i, t in enumerate(texts) if f"INDIKATOR KINERJA UTAMA KECAMATAN {kecamatan}" in t]
    assert iku, "the IKU table's title is missing"
    for i in iku:
        width, height = sizes[i]
        assert width > height
    assert sizes[0][0] < sizes[0][1]  # the cover stays portrait


def test_pdf_without_libreoffice_says_how_to_install(tmp_path):
    import os
    import sys
    from pathlib import Path

    # A PATH holding only this Python: no soffice, no libreoffice.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(Path(sys.executable))
    env = {**os.environ, "PATH": str(bin_dir)}
    out = tmp_path / "x.pdf"
    result = run_ikugen("build", EXAMPLES / "kaloran.yaml", "-o", out, env=env)
    assert result.returncode == 1
    assert "LibreOffice tidak ditemukan" in result.stderr
    assert "apt install libreoffice-writer" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", PDF_EXAMPLES)
def test_pdf_words_are_hyphenated_three_letters_from_either_end(built, name):
    """Indonesian syllables as the patterns get them wrong two letters from an end ("Se-ksi",
    "deng-an"): every break leaves three letters or more on each side."""
    require_tool("soffice")
    lines = [line.rstrip() for page in pages(built(name, "pdf")) for line in page.splitlines()]
    broken = 0
    for line, after in zip(lines, lines[1:], strict=False):
        head = re.search(r"(?<![\w-])(\w+)-$", line)
        if head and not head.group(1).isdigit():
            broken += 1
            tail = re.match(r"\s*(?:\S+\s{2,})*?(\w+)", after)  # the word's rest: the next line's start
            assert len(head.group(1)) >= 3, (name, line)
            assert tail is None or len(tail.group(1)) >= 3 or not tail.group(1).islower(), (name, line, after)
    assert broken > 5  # hyphenation is on
