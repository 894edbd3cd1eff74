"""Issue 13's output rules, checked by reopening the DOCX: a part with nothing to show is left out
(a Wilayah part without wilayah data, a heading for a position without duties, a Visi row without
a visi), the office's Markdown never continues the template's list, a manual line break is not
stretched in justified text, and the facts IKU407 no longer warns about are where it says
(the decree's target tables, teks.penetapan in a chapter with daftar_iku)."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import yaml
from conftest import run_ikugen
from docx import Document
from docx_text import all_text, part, rows_of

SPEC: dict[str, Any] = {
    "dokumen": {"periode": {"awal": 2021, "akhir": 2023}, "tanggal": "2021-01-15", "nomor": "050/7"},
    "profil": {"kecamatan": "Kaloran", "kabupaten": "Temanggung",
               "landasan_hukum": ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                                  "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]},
    "pimpinan": {"nama": "Budi Santoso, S.Sos", "nip": "19670707 198803 1 005"},
    "organisasi": [
        {"id": "camat", "nama": "Camat", "eselon": "III", "tugas": "Memimpin penyelenggaraan pemerintahan"},
        {"id": "kasi", "nama": "Seksi Pelayanan", "singkatan": "Kasi Pelayanan", "eselon": "IV",
         "atasan": "camat", "fungsi": ["Pelaksanaan pelayanan administrasi"]},
        {"id": "umum", "nama": "Subbagian Umum", "eselon": "IV", "atasan": "camat"},
    ],
    "sasaran": [{"id": "S1", "uraian": "Meningkatnya kualitas pelayanan"},
                {"id": "S2", "uraian": "Meningkatnya pelayanan seksi", "pemilik": "kasi", "induk": "S1"}],
    "indikator": [
        {"id": "I1", "sasaran": "S1", "nama": "Indeks Kepuasan Masyarakat", "rumus": "Nilai survei dikali 25",
         "sumber_data": "Survei", "penanggung_jawab": "camat"},
        {"id": "I2", "sasaran": "S2", "nama": "Persentase layanan tepat waktu", "satuan": "persen",
         "rumus": "Layanan tepat waktu dibagi seluruh layanan dikali 100%", "sumber_data": "Laporan seksi",
         "penanggung_jawab": "kasi", "kondisi_awal": 71, "target": {2022: 76, 2023: 79}},
    ],
}


def build(tmp_path: Path, data: dict[str, Any], *options: str) -> Path:
    spec = tmp_path / "spek.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run_ikugen("build", spec, "-o", out, *options)
    assert result.returncode == 0, result.stderr
    return out


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_tupoksi_leaves_out_what_the_spec_does_not_hold(tmp_path):
    text = paragraphs(build(tmp_path, SPEC))
    # No provinsi, jumlah_kecamatan, batas or wilayah: no Wilayah part, and the parts after it
    # are numbered from 1.
    assert not [t for t in text if t.startswith("1. Wilayah") or "terletak di" in t]
    assert "1. Tugas Pokok dan Fungsi Jabatan" in text and "2. Struktur Organisasi" in text
    # The Subbagian has no tugas, fungsi or kewenangan: no heading of its own (it stays in the
    # organisation's structure).
    assert "1.1. Camat" in text and "1.2. Seksi Pelayanan" in text
    assert not [t for t in text if t.endswith(". Subbagian Umum") and t[0].isdigit() and "." in t[:4]]
    assert not [t for t in text if t.startswith(("Visi ", "Misi ", "Urusan ")) and t.rstrip().endswith("-")]


def test_the_form_has_no_visi_or_misi_row_without_them(tmp_path):
    doc = Document(str(build(tmp_path, SPEC)))
    labels = {row.cells[1].text for table in doc.tables for row in table.rows if len(row.cells) > 2}
    assert "Instansi" in labels and "Tugas Pokok" in labels
    assert not {"Visi", "Misi", "Tujuan"} & labels


def test_a_written_provinsi_prints_in_the_wilayah_part(tmp_path):
    data = copy.deepcopy(SPEC)
    data["profil"]["provinsi"] = "Jawa Tengah"
    text = paragraphs(build(tmp_path, data))
    assert "1. Wilayah Kecamatan Kaloran" in text
    assert "Kecamatan Kaloran terletak di Kabupaten Temanggung, Provinsi Jawa Tengah." in text


def _numbering(path: Path, starts: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """The numId and its first level's format of each paragraph starting with one of `starts`."""
    doc = Document(str(path))
    numbering = doc.part.numbering_part.element
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    out = {}
    for p in doc.paragraphs:
        if p.text.startswith(starts):
            num_id = p._p.find(".//w:numPr/w:numId", ns).get(f"{{{ns['w']}}}val")
            val = f"{{{ns['w']}}}val"
            abstract = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", ns).get(val)
            fmt = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:numFmt", ns)
            out[p.text.split(" ")[0]] = (num_id, fmt.get(f"{{{ns['w']}}}val"))
    return out


def test_an_office_text_ending_in_a_list_does_not_continue_into_the_regulations(tmp_path):
    data = copy.deepcopy(SPEC)
    data["teks"] = {"landasan_hukum": "Penyusunan IKU ini berlandaskan pada:\n\n"
                                      "<!-- ikugen:daftar huruf -->\n\n"
                                      "1. Landasan idiil, Pancasila;\n2. Landasan operasional, yaitu:"}
    out = build(tmp_path, data)
    found = _numbering(out, ("Landasan idiil", "Landasan operasional", "Undang-Undang",
                             "Peraturan Pemerintah"))
    assert found["Landasan"][1] == "lowerLetter"  # the office's a., b.
    assert found["Undang-Undang"][1] == found["Peraturan"][1] == "decimal"  # 1., 2.: a list of its own
    assert found["Undang-Undang"][0] != found["Landasan"][0]
    # The second reader agrees: the regulations are numbered 1. and 2., not c. and d.
    plain = subprocess.run(["pandoc", str(out), "-t", "plain"], capture_output=True, text=True,
                           check=True).stdout
    assert "1.  Undang-Undang Nomor 23 Tahun 2014" in plain and "c.  Undang-Undang" not in plain


def test_a_manual_line_break_is_not_stretched_in_justified_text(tmp_path):
    settings = part(build(tmp_path, SPEC), "word/settings.xml")
    assert "<w:doNotExpandShiftReturn/>" in settings


def test_the_decree_prints_each_annexs_targets_and_units(tmp_path):
    out = build(tmp_path, SPEC, "--layout", "keputusan")
    doc = Document(str(out))
    targets = [t for t in doc.tables if t.rows[0].cells[0].text == "No" and "2022" in
               [c.text for c in t.rows[0].cells]]
    assert len(targets) == 1  # the Kasi's annex: the Camat's indicators have no target
    head = [c.text for c in targets[0].rows[0].cells]
    assert head == ["No", "Sasaran", "Indikator", "Satuan", "Kondisi Awal", "2022", "2023"]
    assert rows_of(targets[0])[1][2:] == [  # the last row, kept with the signature under it
        "Persentase layanan tepat waktu", "persen", "71", "76", "79"]
    assert "TARGET INDIKATOR KINERJA UTAMA ESELON IV" in all_text(out)


def test_the_standard_layout_prints_an_eselon_iv_positions_targets_under_its_table(tmp_path):
    out = build(tmp_path, SPEC)
    text = all_text(out)
    assert "TARGET INDIKATOR KINERJA SEKSI PELAYANAN (ESELON IV)" in text
    # The Camat's indicators have no target: no target table of the Camat's.
    assert "TARGET INDIKATOR KINERJA UTAMA KECAMATAN KALORAN" not in text


def test_teks_penetapan_opens_a_chapter_with_daftar_iku(tmp_path):
    data = copy.deepcopy(SPEC)
    data["susunan"] = [{"bab": "Penetapan IKU", "bagian": ["daftar_iku"]},
                       {"lampiran": "Formulir IKU", "bagian": ["formulir_iku"]}]
    data["teks"] = {"penetapan": "Kecamatan Kaloran menetapkan IKU-nya dengan Keputusan Camat."}
    text = paragraphs(build(tmp_path, data, "--abaikan", "IKU407"))
    at = text.index("Kecamatan Kaloran menetapkan IKU-nya dengan Keputusan Camat.")
    assert text[at + 1].startswith("Indikator Kinerja Utama Kecamatan Kaloran Tahun 2021-2023 ditetapkan")


def test_a_table_whose_rows_name_no_tujuan_has_no_tujuan_column(tmp_path):
    data = copy.deepcopy(SPEC)
    data["tujuan"] = [{"id": "T1", "uraian": "Meningkatnya kualitas pelayanan publik"}]
    data["sasaran"][0]["tujuan"] = "T1"  # the Camat's; the Kasi's S2 names its induk only
    doc = Document(str(build(tmp_path, data)))
    heads = [[c.text for c in t.rows[0].cells] for t in doc.tables if t.rows[0].cells[0].text == "No"]
    camat, kasi = (h for h in heads if "Indikator Kinerja Utama" in h)
    assert camat[:3] == ["No", "Tujuan", "Sasaran Strategis"]
    assert kasi[:2] == ["No", "Sasaran Strategis"] and "Tujuan" not in kasi


def test_a_section_with_nothing_to_show_has_no_heading(tmp_path):
    data = copy.deepcopy(SPEC)
    data["indikator"][1].pop("kondisi_awal")
    data["indikator"][1].pop("target")
    data["sasaran"].pop(1)
    data["indikator"].pop(1)
    data["susunan"] = [{"bab": "Gambaran Umum", "bagian": ["visi_misi", "tupoksi"]},
                       {"bab": "Penetapan", "bagian": ["formulir_iku", "tabel_target", "iku_eselon_iv"]},
                       {"bab": "Lampiran Kosong", "bagian": ["tabel_target"]}]
    text = paragraphs(build(tmp_path, data, "--abaikan", "IKU407"))
    assert "A. Tugas Pokok dan Fungsi" in text  # lettered A: no Visi dan Misi before it
    assert not {"A. Visi dan Misi", "A. Target Indikator Kinerja Utama", "B. Target Indikator Kinerja Utama",
                "A. Indikator Kinerja Eselon IV", "B. Indikator Kinerja Eselon IV"} & set(text)
    assert not [t for t in text if "LAMPIRAN KOSONG" in t.upper()]


def test_a_spec_without_a_legal_basis_prints_no_landasan_hukum_section(tmp_path):
    """No placeholder sentence ("belum dicantumkan") stands for regulations nobody wrote."""
    data = copy.deepcopy(SPEC)
    del data["profil"]["landasan_hukum"]
    doc = Document(str(build(tmp_path, data)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "A. Latar Belakang" in headings and not any("Landasan Hukum" in h for h in headings)
    assert "belum dicantumkan" not in all_text(tmp_path / "out.docx")
    with_law = Document(str(build(tmp_path, SPEC)))
    assert "C. Landasan Hukum" in [p.text for p in with_law.paragraphs if p.style.name.startswith("Heading")]


def test_a_signature_may_open_with_mengetahui_but_not_the_decree_s_enacting_one(tmp_path):
    data = copy.deepcopy(SPEC)
    data["pimpinan"]["mengetahui"] = True
    doc = Document(str(build(tmp_path, data)))
    signature = [p.text for p in doc.paragraphs if p.style.name == "TandaTangan"]
    assert "Mengetahui,\nCAMAT KALORAN" in signature
    decree = Document(str(build(tmp_path, data, "--layout", "keputusan")))
    enacted = next(i for i, p in enumerate(decree.paragraphs) if p.text.startswith("Ditetapkan di"))
    assert decree.paragraphs[enacted + 1].text == "CAMAT KALORAN"  # the Camat enacts the decree
    plain = Document(str(build(tmp_path, SPEC)))
    assert "CAMAT KALORAN" in [p.text for p in plain.paragraphs if p.style.name == "TandaTangan"]


def test_the_decree_s_title_after_menetapkan_is_not_justified(tmp_path):
    """In capitals and justified, its lines opened wide gaps ("KEPUTUSAN    CAMAT    CERBON")."""
    doc = Document(str(build(tmp_path, SPEC, "--layout", "keputusan")))
    row = next(r for t in doc.tables for r in t.rows if r.cells[0].text == "Menetapkan")
    assert row.cells[2].text.startswith("KEPUTUSAN CAMAT KALORAN TENTANG")
    assert all(p.alignment == 0 for p in row.cells[2].paragraphs)  # WD_ALIGN_PARAGRAPH.LEFT
