"""What real documents hold that the spec can now write, printed as the office wrote it: several
penanggung jawab of one indicator, a tugas with its lettered items (tests/fidelity/)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, run_ikugen
from docx import Document
from docx.oxml.ns import qn
from docx_text import all_text, built_in_layouts, rows_of

SPEC = ROOT / "tests" / "fidelity" / "jabatan-ganda.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_in_layouts(SPEC, tmp_path_factory.mktemp("fidelity"))


def _letter_format(document, paragraph) -> str:
    """The number format Word shows for a numbered paragraph (decimal, lowerLetter, ...)."""
    num_id = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    return abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val"))


def test_two_penanggung_jawab_are_both_in_the_cell(built):
    for layout, document in built.items():
        table = next(t for t in document.tables if "Penanggung Jawab" in [c.text for c in t.rows[0].cells])
        column = [c.text for c in table.rows[0].cells].index("Penanggung Jawab")
        rows = rows_of(table)
        assert rows[1][column] == "Camat\nKasi Pelayanan", layout
        assert rows[2][column] == "Kasi PMD"


def test_a_tugas_with_items_prints_them_lettered_as_word_numbering(built):
    document = built["standar"]
    paragraphs = document.paragraphs
    lead = next(i for i, p in enumerate(paragraphs) if p.text == "Camat mempunyai tugas:")
    items = paragraphs[lead + 1:lead + 4]
    assert [p.text for p in items] == [
        "Mengoordinasikan kegiatan pemberdayaan masyarakat",
        "Mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum",
        "Membina penyelenggaraan pemerintahan desa"]
    assert {_letter_format(document, p) for p in items} == {"lowerLetter"}


def test_the_decree_annex_letters_the_tugas_items_in_rows_of_their_own(built):
    annexes = built["keputusan"].tables
    table = next(t for t in annexes if t.rows[0].cells[0].text.startswith("Jabatan (Eselon"))
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert [r[:3] for r in rows[1:4]] == [["TUGAS", ":", "a."], ["", "", "b."], ["", "", "c."]]
    assert rows[3][3] == "Membina penyelenggaraan pemerintahan desa"
    assert rows[4][:3] == ["FUNGSI", ":", "1."]


def test_a_tugas_sentence_and_its_items_are_one_paragraph_and_a_list(tmp_path):
    # Kalimanah's Perbup: "Camat mempunyai tugas membantu Bupati ..., dengan rincian: a. ... i."
    out = tmp_path / "kalimanah.docx"
    assert run_ikugen("build", ROOT / "examples" / "kalimanah.yaml", "-o", out).returncode == 0
    document = Document(str(out))
    paragraphs = document.paragraphs
    lead = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Camat mempunyai tugas membantu"))
    assert paragraphs[lead].text.endswith("di Kecamatan, dengan rincian:")
    items = paragraphs[lead + 1:lead + 10]
    assert items[0].text == "menyelenggarakan urusan pemerintahan umum"
    assert items[-1].text == "melaksanakan tugas lain yang diperintahkan oleh peraturan perundang-undangan"
    assert {_letter_format(document, p) for p in items} == {"lowerLetter"}
    assert "a. menyelenggarakan" not in all_text(out)  # the letters are Word's, not typed


def test_a_penanggung_jawab_written_as_two_titles_is_told_as_a_list_of_ids(tmp_path):
    spec = tmp_path / "spek.yaml"
    spec.write_text(SPEC.read_text(encoding="utf-8").replace(
        "    penanggung_jawab: pmd\n", "    penanggung_jawab: Camat / Kasi Pelayanan\n"), encoding="utf-8")
    result = run_ikugen("validate", spec)
    assert result.returncode == 1
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if "Camat / Kasi Pelayanan" in text)
    assert (f"{spec}:{line}:23: galat: 'Camat / Kasi Pelayanan' adalah nama 2 jabatan, bukan id jabatan; "
            "tulis daftar id jabatannya: `[camat, pelayanan]` (Camat, Seksi Pelayanan) [IKU102]"
            ) in result.stdout


def test_an_undated_document_signs_without_a_guessed_date(tmp_path):
    spec = tmp_path / "tanpa-tanggal.yaml"
    base = (ROOT / "tests" / "bad_inputs" / "valid-base.yaml").read_text(encoding="utf-8")
    spec.write_text(base.replace('  tanggal: "2023-04-19"\n', ""), encoding="utf-8")
    for layout in ("standar", "keputusan"):
        out = tmp_path / f"{layout}.docx"
        result = run_ikugen("build", spec, "--layout", layout, "-o", out)
        assert result.returncode == 0, result.stderr
        signed = [p.text for p in Document(str(out)).paragraphs if p.style.name == "TandaTangan"]
        expected = {"CAMAT KALORAN"} | ({"Ditetapkan di Kaloran"} if layout == "keputusan" else set())
        assert set(signed) == expected  # no place-and-date line, no dotted blank for a date
        assert not re.search(r"\.{4,}\s*\d{4}", all_text(out))  # a guessed date: "Kaloran, .... 2023"
    assert Document(str(tmp_path / "standar.docx")).core_properties.created.year == 2021  # the period's


def test_the_tables_of_an_iku_perubahan_are_titled_perubahan(tmp_path):
    out = tmp_path / "cerbon.docx"
    result = run_ikugen("build", ROOT / "examples" / "cerbon.yaml", "--layout", "standar", "-o", out)
    assert result.returncode == 0, result.stderr
    titles = [p.text for p in Document(str(out)).paragraphs if p.style.name == "JudulTabel"]
    assert titles and all(t.startswith(("PERUBAHAN ", "TARGET PERUBAHAN ")) for t in titles), titles


def test_a_grouped_landasan_hukum_prints_lettered_groups_with_their_regulations(tmp_path):
    spec = ROOT / "tests" / "fidelity" / "landasan-berkelompok.yaml"
    result = run_ikugen("validate", "--strict", spec)
    assert result.returncode == 0, result.stdout  # "Pancasila" is a principle, not a regulation (IKU603)
    out = tmp_path / "lh.docx"
    assert run_ikugen("build", spec, "-o", out).returncode == 0
    document = Document(str(out))
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs)
                 if p.text == "C. Landasan Hukum" and p.style.name == "Heading 2")
    numpr = f"{qn('w:pPr')}/{qn('w:numPr')}"
    numbered = [p for p in paragraphs[start:start + 8] if p._p.find(numpr) is not None]
    levels = [(p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}").get(qn("w:val")), p.text)
              for p in numbered]
    assert levels == [
        ("0", "Landasan Idiil: Pancasila;"),
        ("0", "Landasan Konstitusional: Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"),
        ("0", "Landasan Operasional:"),
        ("1", "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
              "Pemerintah;"),
        ("1", "Peraturan Daerah Kabupaten Temanggung Nomor 1 Tahun 2018 tentang RPJMD Tahun 2021-2025.")]
    assert _letter_format(document, numbered[0]) == "lowerLetter"
    # A regulation inside a group is checked at its own line, as a plain entry is.
    moved = tmp_path / "lain.yaml"
    text = spec.read_text(encoding="utf-8")
    moved.write_text(text.replace("RPJMD Tahun 2021-2025", "RPJMD Tahun 2016-2021"), encoding="utf-8")
    told = run_ikugen("validate", moved)
    assert f"{moved}:15:11: peringatan: RPJMD yang disebut berperiode 2016-2021" in told.stdout


def test_every_built_in_section_can_be_opened_and_an_office_text_can_continue_a_chapter(tmp_path):
    spec = tmp_path / "pembuka.yaml"
    base = (ROOT / "tests" / "bad_inputs" / "valid-base.yaml").read_text(encoding="utf-8")
    with_visi = base.replace("  provinsi: Jawa Tengah\n",
                             "  provinsi: Jawa Tengah\n  visi: Temanggung maju\n")
    spec.write_text(with_visi
                    + "teks:\n  visi_misi: Misi kabupaten ada lima belas; kecamatan mendukung misi pertama.\n"
                    "susunan:\n  - bab: Gambaran Umum\n    bagian:\n      - visi_misi\n"
                    "      - teks: Paragraf kantor yang melanjutkan bab tanpa judul sendiri.\n",
                    encoding="utf-8")
    md = tmp_path / "pembuka.md"
    result = run_ikugen("build", spec, "-o", md, "-o", tmp_path / "pembuka.docx")
    assert result.returncode == 0, result.stderr
    text = md.read_text(encoding="utf-8")
    opening = text.index("Misi kabupaten ada lima belas; kecamatan mendukung misi pertama.")
    assert opening < text.index('Visi Kabupaten Temanggung yang didukung')  # it opens the section
    office = text.index("Paragraf kantor yang melanjutkan bab tanpa judul sendiri.")
    headings = [line for line in text[text.index("# BAB I"):office].splitlines() if line.startswith("#")]
    assert headings == ["# BAB I<br>GAMBARAN UMUM", "## A. Visi dan Misi"]  # no heading of its own
