"""The Matriks Perubahan in real documents (issue 17): the decree's annex with the dictum that
refers to it, the standard layout's annex or section, each DOCX reopened with python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, require_tool, run_ikugen
from docx import Document
from docx_text import all_text, rows_of
from perubahan_pair import NEW, PREVIOUS, REASON_I19, line_of, previous_text, variant

HEADER = ["No", "Sasaran", "IKU Semula", "IKU Menjadi", "Alasan Perubahan"]
ROWS = [
    ["1", "Meningkatnya Kualitas Pelayanan Publik",
     "Indeks Kepuasan Masyarakat\nTarget 2025: 83\nTarget 2026: 84",
     "Indeks Kepuasan Masyarakat\nTarget 2025: 83,5\nTarget 2026: 85",
     "Target 2025 dan 2026 dinaikkan menyesuaikan target IKM Pemerintah Kabupaten Barito Kuala"],
    ["2", "Meningkatnya Akuntabilitas Kinerja Kecamatan Cerbon",
     "Predikat Evaluasi SAKIP Kecamatan Cerbon\nSatuan: predikat\nDefinisi operasional: Predikat "
     "hasil evaluasi atas sistem akuntabilitas kinerja kecamatan yang diterbitkan oleh Inspektorat "
     "Kabupaten Barito Kuala pada tahun N\nRumus: Predikat pada laporan hasil evaluasi SAKIP "
     "kecamatan\nSumber data: Laporan Hasil Evaluasi SAKIP Inspektorat Kabupaten Barito Kuala",
     "Nilai Evaluasi SAKIP Kecamatan Cerbon\nDefinisi operasional: Nilai evaluasi SAKIP kecamatan "
     "adalah nilai hasil evaluasi atas sistem akuntabilitas kinerja kecamatan yang diterbitkan oleh "
     "Inspektorat Kabupaten Barito Kuala pada tahun N\nRumus: Jumlah nilai 4 komponen evaluasi "
     "SAKIP yang terdiri atas: Perencanaan Kinerja, Pengukuran Kinerja, Pelaporan Kinerja dan "
     "Evaluasi Akuntabilitas Kinerja Internal\nSumber data: Data primer dari Kecamatan",
     "Predikat diganti nilai evaluasi SAKIP agar capaian dapat diukur dengan angka, sesuai hasil "
     "konsultasi dengan Inspektorat Provinsi Kalimantan Selatan"],
    ["3", "Meningkatnya kompetensi ASN Kecamatan Cerbon",
     "Persentase ASN Kecamatan Cerbon yang mengikuti pengembangan kompetensi", "Dihapus",
     "Pengembangan kompetensi ASN diukur oleh indikator bimbingan teknis Subbagian Umum dan "
     "Kepegawaian"],
    ["4", "Tersusunnya Dokumen Perencanaan Perangkat Daerah",
     "Persentase dokumen perencanaan perangkat daerah\nRumus: Jumlah dokumen perencanaan yang "
     "dibuat dibagi jumlah dokumen perencanaan di kecamatan dikali 100",
     "Persentase dokumen perencanaan perangkat daerah\nRumus: Jumlah dokumen perencanaan yang "
     "dibuat tepat waktu dibagi jumlah dokumen perencanaan di kecamatan dikali 100",
     "Rumus memperhitungkan ketepatan waktu penyusunan dokumen perencanaan"],
]
DICTUM = ("Perubahan Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU, beserta alasan "
          "setiap perubahannya, tercantum dalam Matriks Perubahan Indikator Kinerja Utama pada "
          "Lampiran IX Keputusan ini.")
DICTA = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA")
TITLE = "MATRIKS PERUBAHAN INDIKATOR KINERJA UTAMA KECAMATAN CERBON\nTAHUN 2023-2026"


def build(spec: Path, target: Path, *options: str):
    result = run_ikugen("build", spec, "-o", target, "--abaikan", "IKU301", *options)
    assert "Traceback" not in result.stderr
    return result


def refused(spec: Path, out: Path, *options: str) -> list[str]:
    """What a build that must stop prints; it writes nothing."""
    result = build(spec, out, *options)
    assert result.returncode == 1
    assert not out.exists()
    return result.stderr.splitlines()


def tables(path: Path) -> list[list[list[str]]]:
    return [rows_of(t) for t in Document(str(path)).tables]


def matrix(path: Path) -> list[list[str]]:
    found = [t for t in tables(path) if t[0] == HEADER]
    assert len(found) == 1
    return found[0][1:]


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_decree_annexes_the_matrix_and_a_dictum_refers_to_it(tmp_path):
    out = tmp_path / "keputusan.docx"
    assert build(NEW, out).returncode == 0
    assert matrix(out) == ROWS
    dicta = [row for t in tables(out) for row in t if row[0] in DICTA]
    assert [row[0] for row in dicta] == list(DICTA)
    assert dicta[1][2] == DICTUM
    # Eight annexes of positions, then the matrix as LAMPIRAN IX, under its title.
    heads = [row[1] for t in tables(out) for row in t if len(row) == 4 and row[1].startswith("LAMPIRAN")]
    assert heads == [f"LAMPIRAN {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")]
    assert TITLE in paragraphs(out)


def test_the_example_without_a_previous_spec_has_no_matrix_and_no_such_dictum(tmp_path):
    out = tmp_path / "cerbon.docx"
    assert build(EXAMPLES / "cerbon.yaml", out).returncode == 0
    text = all_text(out)
    assert "Matriks Perubahan" not in text and "MATRIKS PERUBAHAN" not in text
    assert "KELIMA" not in text


def test_the_standard_layout_annexes_the_matrix(tmp_path):
    out = tmp_path / "standar.docx"
    assert build(NEW, out, "--layout", "standar").returncode == 0
    assert matrix(out) == ROWS
    shown = paragraphs(out)
    assert "LAMPIRAN\nMATRIKS PERUBAHAN INDIKATOR KINERJA UTAMA" in shown
    assert shown.index("LAMPIRAN\nMATRIKS PERUBAHAN INDIKATOR KINERJA UTAMA") < shown.index(TITLE)


SUSUNAN = """susunan:
  - bab: Pendahuluan
    bagian: [latar_belakang, maksud_tujuan, landasan_hukum]
  - bab: Penetapan Indikator Kinerja Utama
    bagian: [penetapan{extra}]
  - bab: Penutup
    bagian: [penutup]
perubahan:
"""


def test_a_susunan_places_the_matrix_as_a_section_of_a_chapter(tmp_path):
    spec = variant(tmp_path, ("perubahan:\n", SUSUNAN.format(
        extra=", {bagian: matriks_perubahan, judul: Matriks Perubahan IKU}")))
    out = tmp_path / "bab.docx"
    assert build(spec, out, "--layout", "standar").returncode == 0
    assert matrix(out) == ROWS
    shown = paragraphs(out)
    assert "A. Matriks Perubahan IKU" in shown
    assert not any(p.startswith("LAMPIRAN") for p in shown)


def test_a_susunan_without_the_matrix_stops_the_build(tmp_path):
    spec = variant(tmp_path, ("perubahan:\n", SUSUNAN.format(extra="")))
    line = line_of(spec, "- bab: Pendahuluan")
    assert (f"{spec}:{line}:3: galat: susunan tidak memuat bagian matriks_perubahan, padahal ada 4 "
            "perubahan indikator; tambahkan ke susunan, mis.  {lampiran: Matriks Perubahan Indikator "
            "Kinerja Utama, bagian: [matriks_perubahan]} [IKU727]"
            ) in refused(spec, tmp_path / "tanpa.docx", "--layout", "standar")


OWN_DICTA = """teks:
  diktum:
    - Menetapkan Perubahan atas Indikator Kinerja Utama Kecamatan Cerbon sebagaimana tercantum dalam Lampiran.
    - {second}
    - Keputusan ini mulai berlaku pada tanggal ditetapkan.
perubahan:
"""


def test_the_offices_own_dicta_print_as_written_and_the_matrix_still_follows(tmp_path):
    second = "Alasan setiap perubahan tercantum dalam Matriks Perubahan pada Lampiran IX."
    spec = variant(tmp_path, ("perubahan:\n", OWN_DICTA.format(second=second)))
    out = tmp_path / "sendiri.docx"
    assert build(spec, out).returncode == 0
    dicta = [row[2] for t in tables(out) for row in t if row[0] in DICTA]
    assert dicta == ["Menetapkan Perubahan atas Indikator Kinerja Utama Kecamatan Cerbon sebagaimana "
                     "tercantum dalam Lampiran.", second,
                     "Keputusan ini mulai berlaku pada tanggal ditetapkan."]
    assert matrix(out) == ROWS


def test_own_dicta_that_never_name_the_matrix_stop_the_build(tmp_path):
    spec = variant(tmp_path, ("perubahan:\n", OWN_DICTA.format(second="Keputusan ini menjadi acuan.")))
    line = line_of(spec, "- Menetapkan Perubahan")
    assert (f"{spec}:{line}:5: galat: tidak satu pun diktum menyebut Matriks Perubahan Indikator "
            "Kinerja Utama, padahal keputusan melampirkannya; tambahkan diktum yang menyebut lampiran "
            "Matriks Perubahan Indikator Kinerja Utama [IKU727]") in refused(spec, tmp_path / "lupa.docx")


def test_a_missing_reason_stops_the_build_at_its_place(tmp_path):
    spec = variant(tmp_path, (REASON_I19, ""))
    assert refused(spec, tmp_path / "IKU.docx") == [
        f"{spec}:{line_of(spec, '- id: I19')}:9: galat: indikator diubah 'I19' tanpa alasan_perubahan; tulis "
        "alasan_perubahan pada indikator ini: mengapa ia diubah dibanding spesifikasi sebelumnya [IKU722]"]


def test_the_previous_spec_is_an_input_never_an_output(tmp_path):
    """Named `lama.md`, the previous spec is refused as the Markdown output, and kept as it was."""
    old = tmp_path / "lama.md"
    old.write_text(previous_text(), encoding="utf-8")
    before = old.read_bytes()
    spec = variant(tmp_path, (f"sebelumnya: {PREVIOUS}", "sebelumnya: lama.md"))
    result = build(spec, old)
    assert result.returncode == 1
    assert f"galat: {old}: berkas keluaran sama dengan berkas masukan {old}; pilih nama lain" in result.stderr
    assert old.read_bytes() == before


def test_an_office_order_without_the_matrix_is_told_at_sebelumnya(tmp_path):
    office = tmp_path / "kantor" / "susunan"
    office.mkdir(parents=True)
    (office / "standar.yaml").write_text("- bab: Penetapan\n  bagian: [penetapan]\n", encoding="utf-8")
    spec = variant(tmp_path)
    stderr = refused(spec, tmp_path / "IKU.docx", "--layout", "standar", "--templates", tmp_path / "kantor")
    assert stderr == [f"{spec}:4:15: galat: susunan bawaan kantor (susunan/standar.yaml di --templates) "
                      "tidak memuat bagian matriks_perubahan, padahal ada 4 perubahan indikator; "
                      "tambahkan ke susunan, mis.  {lampiran: Matriks Perubahan Indikator Kinerja Utama, "
                      "bagian: [matriks_perubahan]} [IKU727]"]


@pytest.mark.slow
def test_both_layouts_lay_out_without_a_page_problem(tmp_path):
    """The PDFs, read back (IKU95x): no page a person would reject, under --strict."""
    require_tool("soffice")
    for layout in ("keputusan", "standar"):
        out = tmp_path / f"{layout}.pdf"
        result = build(NEW, out, "--layout", layout, "--strict")
        assert (result.returncode, result.stderr.splitlines()[:-1]) == (0, []), result.stderr
        assert out.stat().st_size > 10_000


def test_the_target_table_leaves_out_an_indicator_with_no_target_or_baseline(tmp_path):
    """The revision gives only I1 targets; I2 (Nilai Evaluasi SAKIP) printed a row of empty
    cells under a repeated header on a page of its own. IKU301 tells of it instead."""
    out = tmp_path / "perubahan.docx"
    assert build(NEW, out).returncode == 0
    target = [t for t in tables(out) if "2023" in t[0] and "Kondisi Awal" in t[0]]
    assert len(target) == 1
    body = target[0][1:]
    assert [row[target[0][0].index("Indikator")] for row in body] == ["Indeks Kepuasan Masyarakat"]
    assert body[0][-4:] == ["81", "82", "83,5", "85"]
    assert "Nilai Evaluasi SAKIP" in all_text(out)  # still in the IKU table
