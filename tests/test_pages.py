"""The printed pages: what the self-check finds (IKU95x), and that the default layouts give none.

The findings are tested on pages described by hand (fast), and on real PDFs made by LibreOffice
from the examples and from an office reference document that splits signatures (slow).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, require_tool, run_ikugen
from docx import Document

from ikugen.proof import contents, fonts
from ikugen.proof.expected import expected
from ikugen.proof.findings import page_problems
from ikugen.proof.layout import parse, read_pages

A4 = (595.0, 842.0)
LANDSCAPE = (842.0, 595.0)
MD = """# BAB I<br>PENDAHULUAN

## A. Latar Belakang

Penyelenggaraan rehabilitasi sarana.

<!-- ikugen:gaya TandaTangan -->
Kaloran, 2 Januari 2020

**CAMAT KALORAN**

<!-- ikugen:gaya TandaTanganNama -->
**Drs. Budi**\\
NIP. 19670707 198803 1 005
<!-- ikugen:/gaya -->
"""


def _pages(*pages: tuple[tuple[float, float], list[list[tuple[str, float]]]]) -> bytes:
    """pdftotext -bbox-layout output for pages given as (size, blocks of (text, top))."""
    out = ['<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>']
    for (width, height), blocks in pages:
        out.append(f'<page width="{width}" height="{height}"><flow>')
        for block in blocks:
            out.append("<block>")
            for text, top in block:
                words = "".join(f'<word xMin="0" yMin="{top}" xMax="1" yMax="{top + 12}">{w}</word>'
                                for w in text.split())
                out.append(f'<line xMin="72" yMin="{top}" xMax="500" yMax="{top + 12}">{words}</line>')
            out.append("</block>")
        out.append("</flow></page>")
    return "".join(out + ["</doc></body></html>"]).encode()


def _codes(xhtml: bytes, markdown: str = MD) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in page_problems(parse(xhtml), expected(markdown), "IKU.pdf")]


def _full(top: float = 80) -> list[list[tuple[str, float]]]:
    return [[(f"Baris isi nomor {i}", top + 14 * i) for i in range(45)]]


def test_a_signature_split_across_pages_is_found_on_its_first_page():
    split = _pages((A4, _full() + [[("Kaloran, 2 Januari 2020", 700)], [("CAMAT KALORAN", 720)]]),
                   (A4, [[("Drs. Budi", 80), ("NIP. 19670707 198803 1 005", 94)]]))
    assert _codes(split) == [(1, "IKU951"), (2, "IKU954")]  # and the page holds only its tail
    block = [[("Kaloran, 2 Januari 2020", 500)], [("CAMAT KALORAN", 520)],
             [("Drs. Budi", 600), ("NIP. 19670707 198803 1 005", 614)]]
    whole = _pages((A4, _full()), (A4, [[("Baris terakhir isi", 80)], *block]))
    assert _codes(whole) == []


def test_a_signature_alone_at_the_head_of_a_page_is_found():
    block = [[("Kaloran, 2 Januari 2020", 80)], [("CAMAT KALORAN", 100)],
             [("Drs. Budi", 200), ("NIP. 19670707 198803 1 005", 214)]]
    alone = _pages((A4, _full()), (A4, block))
    assert _codes(alone) == [(2, "IKU958")]


def test_a_heading_at_the_foot_of_a_page_or_alone_on_it_is_found():
    foot = _pages((A4, _full() + [[("A. Latar Belakang", 720)]]), (A4, _full()))
    assert _codes(foot) == [(1, "IKU952")]
    alone = _pages((A4, [[("BAB I", 80)], [("PENDAHULUAN", 100)]]), (LANDSCAPE, _full()))
    assert _codes(alone) == [(1, "IKU953")]


def test_a_page_of_leftover_lines_before_a_new_section_is_found():
    leftover = _pages((A4, _full()), (A4, [[("Baris terakhir tabel", 80)]]), (LANDSCAPE, _full()))
    assert _codes(leftover) == [(2, "IKU954")]
    # the same short page where the next page goes on in the same section is a chapter's end
    chapter_end = _pages((A4, _full()), (A4, [[("Baris terakhir bab", 80)]]), (A4, _full()))
    assert _codes(chapter_end) == []
    empty = _pages((A4, _full()), (A4, [[("7", 800)]]), (A4, _full()))  # only its folio
    assert [(p.line, p.code, p.message) for p in page_problems(parse(empty), expected(MD), "x.pdf")] == [
        (2, "IKU954", "halaman kosong")]


def test_a_word_broken_without_a_hyphen_is_found_and_a_hyphenated_one_is_not():
    broken = _pages((A4, [[("Penyelenggaraan rehabilita", 80), ("si sarana.", 94)]]))
    assert _codes(broken) == [(1, "IKU955")]
    hyphenated = _pages((A4, [[("Penyelenggaraan rehabili-", 80), ("tasi sarana.", 94)]]))
    assert _codes(hyphenated) == []


def test_a_table_of_contents_entry_naming_another_page_is_found():
    toc = [[("DAFTAR ISI", 80)], [("BAB I PENDAHULUAN ........ 1", 110)],
           [("A. Latar Belakang ........ 2", 130)]]
    body = [[("BAB I", 80)], [("PENDAHULUAN", 100)], [("A. Latar Belakang", 130)], *_full(150)]
    footer = [[("1", 800)]]
    pages = _pages((A4, toc), (A4, body + footer))
    assert _codes(pages) == [(1, "IKU956")]
    assert contents.numbers(parse(pages)) == ["1", "2"]


HYPHEN_ID = Path("/usr/share/hyphen/hyph_id_ID.dic")


@pytest.fixture
def office():
    """LibreOffice, poppler and Debian's Indonesian patterns: a skip here, a failure in CI."""
    require_tool("soffice")
    require_tool("pdftotext")
    if not HYPHEN_ID.exists():
        if os.environ.get("IKUGEN_REQUIRE_TOOLS"):
            pytest.fail("hyphen-id is required in CI but is not installed")
        pytest.skip("hyphen-id is not installed")


EXAMPLES = {
    "kaloran": (ROOT / "examples" / "kaloran.yaml", []),
    "kalimanah": (ROOT / "examples" / "kalimanah.yaml", []),
    "cerbon": (ROOT / "examples" / "cerbon.yaml", []),
    "cerbon-standar": (ROOT / "examples" / "cerbon.yaml", ["--layout", "standar"]),
    "gaya-kantor": (ROOT / "examples" / "kaloran.yaml",
                    ["--templates", ROOT / "docs" / "gaya-kantor", "--reference-doc",
                     ROOT / "docs" / "gaya-kantor" / "referensi.docx"]),
}


def _toc(docx) -> list[tuple[str, str]]:
    rows = [p.text.rsplit("\t", 1) for p in Document(str(docx)).paragraphs if p.style.name.startswith("toc")]
    return [(" ".join(text.split()).casefold(), number) for text, number in rows]


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_prints_clean_pages_and_a_numbered_docx_toc(tmp_path, name, office):
    spec, options = EXAMPLES[name]
    docx, pdf = tmp_path / f"{name}.docx", tmp_path / f"{name}.pdf"
    result = run_ikugen("build", spec, "-o", docx, "-o", pdf, *options, timeout=300)
    assert result.returncode == 0, result.stderr
    assert ":halaman " not in result.stderr, result.stderr  # no page finding at all
    assert b"/Lang(id-ID)" in pdf.read_bytes()  # hyphenated as Indonesian, read aloud as Indonesian
    # A typeface the machine lacks is told with the one used instead (Bookman, for the office's).
    missing = [f for f in fonts.requested(docx.read_bytes())
               if subprocess.run(["fc-match", "-f", "%{family}", f], capture_output=True, text=True).stdout
               .split(",")[0].casefold() not in (f.casefold(), fonts.SAME_METRICS.get(f.casefold()))]
    told = re.findall(r"huruf '([^']+)' tidak terpasang di mesin ini; PDF memakai '[^']+' sebagai gantinya",
                      result.stderr)
    assert told == missing and (name != "gaya-kantor" or "Bookman Old Style" in told or not missing)
    printed = contents.entries(read_pages(pdf.read_bytes()))
    if name == "cerbon":  # the decree has no table of contents, and no folio on its first page
        assert printed == [] and _toc(docx) == []
        pages = read_pages(pdf.read_bytes())
        assert pages[0].folio is None and pages[1].folio == "2"
        return
    assert len(printed) >= 8 and _toc(docx) == printed
    # A second reader: LibreOffice opening the DOCX without updating its fields prints the same.
    plain = tmp_path / "plain"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "pdf", "--outdir", str(plain), str(docx)], capture_output=True, timeout=300, check=True)
    assert contents.entries(read_pages((plain / f"{name}.pdf").read_bytes())) == printed


def _pushed_signature(tmp_path: Path, name: str = "kaloran", lines: int = 21) -> Path:
    """kaloran with a foreword of `lines` one-line paragraphs: its signature block at the foot of the
    page (kept whole by the default styles; split by a reference document whose styles do not keep)."""
    text = re.sub(r"^# yaml-language-server.*\n", "", (ROOT / "examples" / "kaloran.yaml").read_text("utf-8"))
    foreword = "\n\n".join(f"    Kalimat pengantar nomor {i} untuk mengisi halaman." for i in range(lines))
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(text + f"\nteks:\n  kata_pengantar: |\n{foreword}\n", encoding="utf-8")
    return spec


@pytest.mark.slow
def test_a_reference_document_that_splits_signatures_is_reported_and_refused_under_strict(tmp_path, office):
    kept = run_ikugen("build", _pushed_signature(tmp_path), "-o", tmp_path / "bawaan.pdf", timeout=300)
    assert kept.returncode == 0 and ":halaman " not in kept.stderr, kept.stderr  # the default styles keep it
    reference = ROOT / "tests" / "pages" / "referensi-tanpa-keep.docx"
    pdf = tmp_path / "IKU.pdf"
    spec = _pushed_signature(tmp_path)
    result = run_ikugen("build", spec, "-o", pdf, "--reference-doc", reference, timeout=300)
    assert result.returncode == 0, result.stderr
    split = re.findall(rf"^{re.escape(str(pdf))}:halaman (\d+): peringatan: blok tanda tangan terpotong: "
                       r"baris pertamanya di halaman (\d+), nama dan NIP di halaman (\d+) \[IKU951\]$",
                       result.stderr, re.M)
    assert split, result.stderr
    assert all(page == first and int(nip) == int(first) + 1 for page, first, nip in split)
    strict = tmp_path / "ketat.pdf"
    refused = run_ikugen("build", spec, "-o", strict, "--reference-doc", reference, "--strict", timeout=300)
    assert refused.returncode == 1 and "[IKU951]" in refused.stderr
    assert not strict.exists()


def _generated(desa: int, positions: int, indicators: int, paper: str, layout: str) -> str:
    """make.large_spec at another size, paper and layout: lengths that move every page break."""
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
    import make

    text = make.large_spec(desa, positions, indicators)
    head = 'dokumen: {periode: {awal: 2021, akhir: 2025}, tanggal: "2023-04-19", jenis: iku}'
    assert text.count(head) == 1
    return text.replace(head, head[:-1] + f", kertas: {paper}, tata_letak: {layout}}}")


# (desa, positions, indicators, paper, layout): short and long lists, both papers, both layouts
SHAPES = [(1, 2, 2, "A4", "standar"), (3, 3, 5, "F4", "standar"), (7, 4, 9, "A4", "keputusan"),
          (12, 6, 14, "F4", "keputusan"), (18, 8, 20, "A4", "standar"), (25, 9, 27, "F4", "standar"),
          (30, 11, 33, "A4", "keputusan"), (30, 12, 40, "F4", "standar"), (2, 2, 3, "F4", "keputusan"),
          (9, 5, 11, "A4", "standar"), (15, 7, 17, "F4", "standar"), (22, 10, 24, "A4", "keputusan"),
          (27, 13, 30, "A4", "standar"), (4, 16, 36, "F4", "keputusan"), (10, 20, 38, "A4", "standar"),
          (20, 3, 8, "A4", "standar")]


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES, ids=["-".join(map(str, s)) for s in SHAPES])
def test_generated_specs_of_every_length_print_clean_pages(tmp_path, shape, office):
    spec = tmp_path / "spek.yaml"
    spec.write_text(_generated(*shape), encoding="utf-8")
    pdf = tmp_path / "IKU.pdf"
    result = run_ikugen("build", spec, "-o", pdf, "--abaikan", "IKU409", timeout=300)
    assert result.returncode == 0, result.stderr
    assert ":halaman " not in result.stderr, result.stderr


@pytest.mark.slow
def test_a_pdf_whose_pages_cannot_be_read_back_says_so(tmp_path, office, monkeypatch):
    from ikugen.proof import layout

    monkeypatch.setattr(layout, "pdftotext", lambda: None)  # a machine without poppler-utils
    pdf = tmp_path / "IKU.pdf"
    result = run_ikugen("build", ROOT / "tests" / "bad_inputs" / "valid-base.yaml", "-o", pdf, timeout=300)
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert (f"{pdf}: peringatan: halaman PDF tidak diperiksa dan daftar isi DOCX tanpa nomor halaman: "
            "pdftotext tidak terpasang; sudo apt install poppler-utils [IKU950]") in result.stderr


@pytest.mark.slow
def test_a_batch_with_both_formats_numbers_the_docx_toc_and_checks_the_pages_as_a_single_build(
        tmp_path, office):
    folder = tmp_path / "dokumen"
    specs = [ROOT / "examples" / "kaloran.yaml", _pushed_signature(tmp_path, "kaloran-didorong")]
    reference = ROOT / "tests" / "pages" / "referensi-tanpa-keep.docx"
    result = run_ikugen("build", *specs, "-k", folder, "--format", "docx", "--format", "pdf",
                        "--reference-doc", reference, timeout=600)
    assert result.returncode == 0, result.stderr
    single = tmp_path / "satu"
    single.mkdir()
    one = run_ikugen("build", specs[0], "-o", single / "kaloran.docx", "-o", single / "kaloran.pdf",
                     "--reference-doc", reference, timeout=300)
    assert one.returncode == 0, one.stderr
    printed = contents.entries(read_pages((folder / "kaloran.pdf").read_bytes()))
    assert len(printed) >= 8 and _toc(folder / "kaloran.docx") == printed == _toc(single / "kaloran.docx")
    # The pages are read back as a single build reads them: the split signature is told.
    pdf = folder / "kaloran-didorong.pdf"
    assert re.search(rf"^{re.escape(str(pdf))}:halaman \d+: peringatan: blok tanda tangan terpotong: .*"
                     r"\[IKU951\]$", result.stderr, re.M), result.stderr
    refused = run_ikugen("build", _pushed_signature(tmp_path), "-k", tmp_path / "ketat", "--format", "pdf",
                         "--reference-doc", reference, "--strict", timeout=300)
    assert refused.returncode == 1 and "[IKU951]" in refused.stderr
    assert not (tmp_path / "ketat" / "kaloran.pdf").exists()
