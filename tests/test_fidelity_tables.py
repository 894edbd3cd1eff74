"""Program indicators and the office's own table columns, printed as real documents print them
(issue 13, items 4 and 8): a program merged over its indicators' rows with two penanggung jawab
in one cell (tests/fidelity/program.yaml), chosen columns and labels, inherited through `dasar`,
and Kalimanah's Tujuan dan Sasaran table whose third column explains each indicator."""

from __future__ import annotations

import re
import subprocess
from xml.etree import ElementTree

import pytest
from conftest import ROOT, require_tool, run_ikugen
from docx import Document
from docx.oxml.ns import qn
from docx_text import built_in_layouts, rows_of

SPEC = ROOT / "tests" / "fidelity" / "program.yaml"
BASE = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
PROGRAM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_in_layouts(SPEC, tmp_path_factory.mktemp("program"))


def _table(document, header: str):
    return next(t for t in document.tables if header in [c.text for c in t.rows[0].cells])


def _vmerge(tc) -> str | None:
    """A cell's vertical merge as Word stores it: 'restart', 'continue', or None (not merged)."""
    found = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return None if found is None else found.get(qn("w:val")) or "continue"


def test_spec_validates_without_a_warning():
    result = run_ikugen("validate", "--strict", SPEC)
    assert result.returncode == 0, result.stdout


def test_a_program_cell_is_merged_over_its_indicators_rows(built):
    for layout, document in built.items():
        table = _table(document, "Indikator Kinerja Program")
        header = [c.text for c in table.rows[0].cells]
        assert header[:2] == ["Program", "Indikator Kinerja Program"], layout
        # The first cell of each row as Word stores it: one program, merged down over three rows.
        merges = [_vmerge(r._tr.tc_lst[0]) for r in table.rows[1:]]
        assert merges == ["restart", "continue", "continue", None], (layout, merges)
        assert table.rows[1].cells[0].text == PROGRAM
        assert table.rows[3].cells[0]._tc is table.rows[1].cells[0]._tc  # python-docx reads one cell
        # The last row, kept with the signature under it (a row holding it: docx_text.rows_of).
        assert rows_of(table)[4][0] == "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
        assert [r.cells[1].text for r in table.rows[1:4]] == [
            "Persentase layanan administrasi yang selesai tepat waktu",
            "Persentase pengaduan masyarakat yang ditindaklanjuti",
            "Persentase gangguan ketertiban yang tertangani"]


def test_two_penanggung_jawab_are_both_in_the_program_cell(built):
    for document in built.values():
        table = _table(document, "Indikator Kinerja Program")
        column = [c.text for c in table.rows[0].cells].index("Penanggung Jawab")
        assert [p.text for p in table.rows[1].cells[column].paragraphs] == ["Kasi Pelayanan", "Kasi Trantib"]
        assert rows_of(table)[4][column] == "Kasi PMD"  # the last row, kept with the signature


def test_the_program_table_has_the_offices_title_labels_and_its_yearly_targets(built):
    document = built["standar"]
    titles = [p.text for p in document.paragraphs if p.style.name == "JudulTabel"]
    assert "TARGET INDIKATOR KINERJA INDIVIDU KECAMATAN KALORAN" in titles
    table = _table(document, "Indikator Kinerja Program")
    header = [c.text for c in table.rows[0].cells]
    assert "PENJELASAN FORMULASI PENGHITUNGAN (X 100%)" in header and "Rumus" not in header
    assert header[-3:] == ["2021", "2022", "2023"] and "Kondisi Awal" in header
    row = [c.text for c in table.rows[1].cells]
    assert row[-3:] == ["90", "92,5", "95"] and row[header.index("Kondisi Awal")] == "88"
    assert [c.text for c in table.rows[3].cells][-3:] == ["", "", ""]  # no target written, none printed
    assert "Definisi Operasional" in header  # one program indicator has one
    # The spec's opening text of the section, before the table.
    texts = [p.text for p in document.paragraphs]
    opening = texts.index("Indikator program diturunkan dari sasaran strategis dan dipikul kepala seksi.")
    assert opening > texts.index("TARGET INDIKATOR KINERJA INDIVIDU KECAMATAN KALORAN")


def test_the_decree_carries_the_programs_as_an_annex_of_their_own(built):
    document = built["keputusan"]
    heads = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["", "LAMPIRAN II", ":", "KEPUTUSAN CAMAT KALORAN"] in heads
    dicta = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(text.startswith("Indikator kinerja program beserta penanggung jawab") and "Lampiran II" in text
               for text in dicta)


def test_the_iku_table_has_the_offices_columns_in_both_layouts(built):
    for layout, document in built.items():
        table = _table(document, "KINERJA UTAMA/SASARAN STRATEGI/OUTCOME")
        rumus = "Rumus" if layout == "standar" else "Formulasi Penghitungan"  # each layout's own word
        assert [c.text for c in table.rows[0].cells] == [
            "KINERJA UTAMA/SASARAN STRATEGI/OUTCOME", "Indikator Kinerja Utama", rumus, "Sumber Data",
            "Penanggung Jawab"], layout
        assert [c.text for c in table.rows[1].cells] == [
            "Meningkatnya kualitas pelayanan administrasi", "Indeks Kepuasan Masyarakat",
            "Nilai rata-rata unsur SKM dikali 25", "Hasil SKM", "Camat"]


def _pdf_words(pdf, page_with: str) -> list[tuple[float, float, str]]:
    """(top, left, text) of each word, as pdftotext reads their boxes, on the page holding `page_with`."""
    pdftotext = require_tool("pdftotext")
    xhtml = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                           timeout=120, check=True).stdout
    x = "{http://www.w3.org/1999/xhtml}"
    for page in ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml)).iter(f"{x}page"):
        words = [(float(w.get("yMin")), float(w.get("xMin")), w.text or "") for w in page.iter(f"{x}word")]
        if page_with in " ".join(text for _, _, text in words):
            return words
    raise AssertionError(f"no page holds {page_with!r}")


def _column(words, first: str, after: str, top: float) -> str:
    """The words of a table column below `top`: from the left edge of the column whose cells begin
    with `first` (cells are left-aligned, headers centred) to that of the next column's `after`,
    in reading order, a word hyphenated at a line's end made whole."""
    left, right = (min(x for t, x, text in words if text == word and t > top) - 1 for word in (first, after))
    inside = sorted((t, x, text) for t, x, text in words if left <= x < right and t > top)
    return re.sub(r"(\w)- (\w)", r"\1\2", " ".join(text for _, _, text in inside))


def test_the_pdf_shows_the_program_over_its_rows_and_both_penanggung_jawab(tmp_path):
    require_tool("soffice")
    pdf = tmp_path / "program.pdf"
    result = run_ikugen("build", SPEC, "-o", pdf, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "[IKU955]" not in result.stdout + result.stderr  # no word broken in the narrow columns
    words = _pdf_words(pdf, "Indikator Kinerja Program")
    top = next(t for t, _, text in words if text == "(X")  # the header's last line
    # One program cell over three indicators, then the next program; two names in the first row's cell.
    assert _column(words, "Program", "Persentase", top) == (
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik "
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan")
    assert _column(words, "Kasi", "%", top) == (
        "Kasi Pelayanan Kasi Trantib Kasi Pelayanan Kasi Trantib Kasi PMD")
    assert "TARGET INDIKATOR KINERJA INDIVIDU KECAMATAN KALORAN" in " ".join(
        text for _, _, text in _pdf_words(pdf, "INDIVIDU"))


def test_a_spec_without_programs_prints_no_program_section(tmp_path):
    spec = tmp_path / "spek.yaml"
    spec.write_text(BASE.read_text(encoding="utf-8") + "susunan:\n  - bab: Penetapan\n    bagian:\n"
                    "      - formulir_iku\n      - indikator_program\n", encoding="utf-8")
    out = tmp_path / "out.md"
    assert run_ikugen("build", spec, "-o", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "Indikator Kinerja Program" not in text and "INDIKATOR KINERJA PROGRAM" not in text


def test_a_program_indicator_gets_the_checks_an_indicator_gets(tmp_path):
    spec = tmp_path / "spek.yaml"
    spec.write_text(BASE.read_text(encoding="utf-8") + (
        "program:\n  - nama: Program Penunjang Urusan Pemerintahan\n    indikator:\n"
        "      - nama: Meningkatnya tertib administrasi\n        penanggung_jawab: [camat, sekcam]\n"
        "        target: {2030: 5}\n"), encoding="utf-8")
    result = run_ikugen("validate", spec)
    assert result.returncode == 1
    assert (f"{spec}:26:35: galat: jabatan dengan id 'sekcam' tidak ada; id jabatan yang ada: camat "
            "[IKU102]") in result.stdout
    assert f"{spec}:27:24: galat: target tahun 2030 di luar periode 2021-2025" in result.stdout
    assert f"{spec}:25:15: peringatan: nama indikator 'Meningkatnya tertib administrasi' berupa " \
           "pernyataan, bukan ukuran" in result.stdout
    assert f"{spec}:25:9: peringatan: indikator 'Meningkatnya tertib administrasi' belum punya rumus" \
           in result.stdout


def test_an_unknown_column_is_told_at_its_line_with_the_closest_name(tmp_path):
    spec = tmp_path / "spek.yaml"
    spec.write_text(BASE.read_text(encoding="utf-8")
                    + "tabel:\n  iku:\n    kolom: [no, sasaran, indikator, definsi]\n", encoding="utf-8")
    result = run_ikugen("validate", spec)
    assert result.returncode == 1
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "definsi" in t)
    assert f"{spec}:{line}:37: galat: nilai 'definsi' untuk butir ke-4 'kolom' tidak dikenal; pilihan: " \
           in result.stdout
    assert "maksud Anda `definisi`? [IKU011]" in result.stdout


def test_a_kabupaten_base_chooses_the_columns_for_its_kecamatan(tmp_path):
    base = tmp_path / "kabupaten.yaml"
    base.write_text("tabel:\n  iku:\n    kolom: [sasaran, indikator, penanggung_jawab]\n    judul_kolom:\n"
                    "      sasaran: KINERJA UTAMA\n  target:\n    kolom: [indikator, target]\n",
                    encoding="utf-8")
    spec = tmp_path / "kecamatan.yaml"
    spec.write_text("dasar: kabupaten.yaml\n" + BASE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run_ikugen("build", spec, "-o", out)
    assert result.returncode == 0, result.stderr
    document = Document(str(out))
    assert [c.text for c in _table(document, "KINERJA UTAMA").rows[0].cells] == [
        "KINERJA UTAMA", "Indikator Kinerja Utama", "Penanggung Jawab"]
    target = _table(document, "2021")
    assert [c.text for c in target.rows[0].cells] == ["Indikator", "2021", "2022"]
    assert [c.text for c in target.rows[1].cells] == ["Persentase layanan tepat waktu", "90", "92,5"]


def test_kalimanahs_tujuan_sasaran_table_explains_each_indicator_in_bullets(tmp_path):
    out = tmp_path / "kalimanah.docx"
    result = run_ikugen("build", ROOT / "examples" / "kalimanah.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    table = _table(Document(str(out)), "TUJUAN SASARAN")
    assert [c.text for c in table.rows[0].cells][:2] == ["TUJUAN SASARAN", "INDIKATOR KINERJA"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in rows] == ["Tujuan 1: Meningkatnya kualitas pelayanan publik di Kecamatan",
                                    "Sasaran 1: Meningkatnya kualitas pelayanan kecamatan",
                                    "Sasaran 2: Meningkatnya kualitas kelembagaan kecamatan"]
    sakip = [p.text for p in table.rows[3].cells[2].paragraphs]
    assert sakip == [
        "• Alasan pemilihan indikator: Indikator ini dipilih untuk mengetahui tingkat implementasi SAKIP "
        "kecamatan",
        "• Formulasi pengukuran: Capaian kinerja dibagi Bobot dikali 100%",
        "• Tipe penghitungan: Non-kumulatif",  # `tipe`, printed by no table before
        "• Penanggung jawab: Camat",
        "• Sumber data: LHE SAKIP Inspektorat Daerah Kabupaten Purbalingga"]
