"""Real IKU documents written as a new user would (issue 13's probes): Kecamatan Sidemen's e-SAKIP
table (five columns with the office's labels, no landasan hukum, no Struktur Organisasi) and the
head of Kecamatan Bontoa's decree (its own title after TENTANG, a Mengingat lettered a., b.)."""

from __future__ import annotations

import pytest
from conftest import ROOT, run_ikugen
from docx import Document
from docx_text import rows_of

SPEC = ROOT / "tests" / "fidelity" / "sidemen.yaml"
BONTOA = ROOT / "tests" / "fidelity" / "bontoa.yaml"


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    out = tmp_path_factory.mktemp("sidemen") / "sidemen.docx"
    result = run_ikugen("build", "--strict", str(SPEC), "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return Document(str(out))


def test_the_iku_table_has_the_offices_columns_and_rows(document):
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "NO")
    rows = rows_of(table)
    assert rows[0] == ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "ALASAN/PENJELASAN",
                       "SUMBER DATA"]
    assert [r[2] for r in rows[1:]] == [
        "Persentase Desa yang dapat melaksanakan tata kelola pemerintahan dengan baik",
        "% Desa yang dapat mengelola APBDes tepat waktu",
        "Persentase Partisipasi Organisasi dan Lembaga Desa yang ikut dalam pembinaan",
        "Persentase partisipasi masyarakat dalam perencanaan pembangunan",
        "Persentase penduduk pendatang yang melengkapi administrasi kependudukannya"]
    assert rows[2][4] == "Kasi Pemerintahan di Kecamatan Sidemen"
    # the first sasaran is one merged cell over its two indicators
    assert table.cell(1, 1)._tc is table.cell(2, 1)._tc


def test_nothing_unwritten_is_printed(document):
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Landasan Hukum" not in text and "belum dicantumkan" not in text
    assert "Struktur Organisasi" not in text and "susunan organisasi" not in text
    assert "Bagian ini menguraikan wilayah Kecamatan Sidemen, sebagai dasar" in text


def test_a_position_named_only_in_the_structure_is_told_when_it_is_left_out(tmp_path):
    spec = tmp_path / "s.yaml"
    kasi = "  - {id: kasi, nama: Seksi Tanpa Tugas, eselon: IV, atasan: camat}"
    camat = "  - {id: camat, nama: Camat, eselon: III}\n"
    text = SPEC.read_text(encoding="utf-8").replace(camat, camat + kasi + "\n")
    spec.write_text(text, encoding="utf-8")
    line = text.splitlines().index(kasi) + 1
    warned = run_ikugen("validate", str(spec)).stdout
    assert f"s.yaml:{line}:" in warned and "[IKU407]" in warned
    (tmp_path / "t.yaml").write_text(text.replace("  struktur_organisasi: false\n", ""), encoding="utf-8")
    shown = run_ikugen("validate", str(tmp_path / "t.yaml")).stdout
    assert "[IKU407]" not in shown


def test_the_decree_prints_the_offices_title_and_a_lettered_mengingat(tmp_path):
    out = tmp_path / "bontoa.docx"
    result = run_ikugen("build", "--strict", str(BONTOA), "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    document = Document(str(out))
    title = ("PENETAPAN PERUBAHAN INDIKATOR KINERJA UTAMA (IKU) KECAMATAN BONTOA KABUPATEN MAROS "
             "TAHUN 2016 – 2021")
    assert title in [p.text for p in document.paragraphs]
    rows = rows_of(document.tables[0])
    mengingat = [r for r in rows if r[0] == "Mengingat"]
    assert [r[2] for r in mengingat] == ["a.", "b."]
    assert mengingat[0][3].startswith("Undang-undang Nomor 23 Tahun 2014")
    annex = rows_of(next(t for t in document.tables if rows_of(t)[0][1:2] == ["LAMPIRAN"]))
    assert annex[3] == ["", "TENTANG", ":", title]
