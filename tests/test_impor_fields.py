"""`ikugen impor` into the fields the spec now has: a grouped landasan hukum, a tugas with its
lettered items, several penanggung jawab, a tujuan's own indicator with its details, an
undated document, the office's own prose as `teks` only where no field holds it, and the
program indicator table read apart from the IKU's (tests/fidelity/ as ground truth)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT, run_ikugen
from docx import Document
from impor.share import load
from test_impor import _built, _import, _measured

from ikugen.impor import programs
from ikugen.impor.blocks import Par, read_docx
from ikugen.impor.draft import V
from ikugen.impor.facts import landasan
from ikugen.impor.positions import Position, find, resolve_all
from ikugen.impor.words import column
from ikugen.spec.model import KelompokHukum, Spek

FIDELITY = ROOT / "tests" / "fidelity"


def _round_trip(spec: Path, tmp_path: Path) -> Spek:
    draft, _ = _import(_built(spec.stem, tmp_path, spec=spec), tmp_path)
    _measured(spec, draft, 0.95)
    return load(draft)


def test_a_grouped_landasan_hukum_comes_back_in_its_groups(tmp_path):
    got = _round_trip(FIDELITY / "landasan-berkelompok.yaml", tmp_path)
    groups = got.profil.landasan_hukum
    assert all(isinstance(g, KelompokHukum) for g in groups)
    assert [(g.kelompok, len(g.isi)) for g in groups] == [  # type: ignore[union-attr]
        ("Landasan Idiil", 1), ("Landasan Konstitusional", 1), ("Landasan Operasional", 2)]
    assert groups[0].isi == ["Pancasila"]  # type: ignore[union-attr]


def test_a_typed_grouped_list_is_grouped_by_its_labels():
    listed = [Par("Landasan Hukum", heading=True, place="paragraf 1"),
              Par("Landasan Idiil : Pancasila;", "a.", place="paragraf 2"),
              Par("Landasan Konstitusional : Undang-Undang Dasar 1945;", "b.", place="paragraf 3"),
              Par("Landasan Operasional :", "c.", place="paragraf 4"),
              Par("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;", "1.", place="paragraf 5"),
              Par("Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan.", "2.", place="paragraf 6"),
              Par("MEMUTUSKAN", heading=True, place="paragraf 7")]
    found = landasan(listed)  # type: ignore[arg-type]
    assert [g["kelompok"].value for g in found] == ["Landasan Idiil", "Landasan Konstitusional",
                                                     "Landasan Operasional"]
    assert [v.value for v in found[2]["isi"]] == [
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]


def test_a_tugas_with_items_and_two_penanggung_jawab_come_back_as_lists(tmp_path):
    got = _round_trip(FIDELITY / "jabatan-ganda.yaml", tmp_path)
    camat = next(j for j in got.organisasi if j.id == "camat")
    assert camat.tugas_rincian == ["Mengoordinasikan kegiatan pemberdayaan masyarakat",
                                   "Mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum",
                                   "Membina penyelenggaraan pemerintahan desa"]
    assert camat.fungsi == ["Pelaksanaan urusan pemerintahan umum"]
    assert got.indikator[0].penanggung_jawab_ids == ["camat", "pelayanan"]
    # The two sections have no duties (no heading of their own): the Struktur Organisasi lists them.
    assert [(j.id, j.nama, j.atasan) for j in got.organisasi if j.id != "camat"] == [
        ("pelayanan", "Seksi Pelayanan", "camat"), ("pmd", "Seksi Pemberdayaan Masyarakat dan Desa", "camat")]
    # No tujuan, no rumus, no kondisi awal: the tables ikugen printed without a choice (no Tujuan,
    # Rumus or Kondisi Awal column) are read as no choice, not as the office's columns.
    assert got.tabel == load(FIDELITY / "jabatan-ganda.yaml").tabel


def test_a_position_only_the_structure_lists_is_found_once():
    listed = [Par("Camat", heading=True, place="paragraf 1"),
              Par("Camat mempunyai tugas memimpin pemerintahan kecamatan.", place="paragraf 2"),
              Par("Seksi Pemerintahan", heading=True, place="paragraf 3"),
              Par("Seksi Pemerintahan mempunyai tugas menyiapkan penyelenggaraan pemerintahan.",
                  place="paragraf 4"),
              Par("Struktur Organisasi", heading=True, place="paragraf 5"),
              Par("Susunan organisasi Kecamatan Kaloran terdiri atas:", place="paragraf 6"),
              Par("Camat", "1.", place="paragraf 7"),
              Par("Kepala Seksi Pemerintahan", "2.", place="paragraf 8"),
              Par("Seksi Pelayanan", "3.", place="paragraf 9"),
              Par("Kelompok Jabatan Fungsional", "4.", place="paragraf 10"),
              Par("Tujuan dan Sasaran", heading=True, place="paragraf 11"),
              Par("Meningkatnya pelayanan", "1.", place="paragraf 12")]
    found = find(listed, "Kaloran")  # type: ignore[arg-type]
    assert [(p.nama.value, p.nama.place) for p in found] == [
        ("Camat", "paragraf 1"), ("Seksi Pemerintahan", "paragraf 3"), ("Seksi Pelayanan", "paragraf 9"),
        ("Kelompok Jabatan Fungsional", "paragraf 10")]
    assert found[2].tugas is None and not found[2].fungsi


def test_a_penanggung_jawab_cell_naming_several_positions_is_several_ids():
    found = [Position("camat", V("Camat", "")), Position("pelayanan", V("Seksi Pelayanan", "")),
             Position("pmd", V("Seksi Pemberdayaan Masyarakat dan Desa", "")),
             Position("kesra", V("Seksi Kesejahteraan Sosial", ""))]
    assert resolve_all("Camat / Kasi Pelayanan", found, "Kaloran") == ["camat", "pelayanan"]
    assert resolve_all("1. Kasi PMD 2. Kasi Kesejahteraan Sosial", found, "Kaloran") == ["pmd", "kesra"]
    assert resolve_all("Seksi Pemberdayaan Masyarakat dan Desa", found, "Kaloran") == ["pmd"]
    assert resolve_all("Bappeda", found, "Kaloran") == []


def test_a_tujuan_indicator_keeps_its_rumus_sumber_data_and_penanggung_jawab(tmp_path):
    got = load(_import(_built("kalimanah", tmp_path), tmp_path)[0])
    ikm = got.tujuan[0].indikator[0]
    assert (ikm.rumus, ikm.sumber_data, ikm.penanggung_jawab) == ("Nilai unsur SKM", "Kecamatan", "camat")
    assert len(got.indikator) == len(load(ROOT / "examples" / "kalimanah.yaml").indikator)
    assert got.teks.penutup is None  # the signing line under the penutup is not its text


def _table_texts(docx: Path, first: str) -> list[list[str]]:
    """The cells of the DOCX table whose first header cell is `first`, row by row."""
    table = next(t for t in Document(str(docx)).tables if t.rows[0].cells[0].text == first)
    return [[" ".join(c.text.split()) for c in row.cells] for row in table.rows]


def test_kalimanah_s_tujuan_dan_sasaran_table_comes_back_with_its_columns_bullets_and_labels(tmp_path):
    truth = load(ROOT / "examples" / "kalimanah.yaml")
    original = _built("kalimanah", tmp_path)
    draft, _ = _import(original, tmp_path)
    got = load(draft)
    assert got.tabel.tujuan_sasaran == truth.tabel.tujuan_sasaran  # kolom and the three labels
    assert got.tabel.iku == truth.tabel.iku  # its IKU table has ikugen's own columns: no choice
    for mine, theirs in [(got.tujuan[0].indikator[0], truth.tujuan[0].indikator[0]),
                         *zip(got.indikator, truth.indikator, strict=True)]:
        fields = ("nama", "alasan", "tipe", "rumus", "sumber_data", "penanggung_jawab")
        assert [getattr(mine, f) for f in fields] == [getattr(theirs, f) for f in fields]
    other = tmp_path / "lagi"
    other.mkdir()
    rebuilt = _built("draf", other, spec=draft)  # the draft validates and builds as it is
    assert _table_texts(rebuilt, "TUJUAN SASARAN") == _table_texts(original, "TUJUAN SASARAN")


def test_a_penjelasan_header_names_its_field_or_the_bullets_of_several():
    assert column("PENJELASAN (Alasan Pemilihan Formasi Pengukuran Tipe Penghitungan dan Sumber Data)") == (
        "penjelasan")
    assert column("PENJELASAN FORMULASI PENGHITUNGAN (X 100%)") == "rumus"
    assert column("Penjelasan") == "definisi"  # a Penjelasan alone explains what the indicator is
    assert column("KINERJA UTAMA/SASARAN STRATEGI/OUTCOME") == "sasaran"
    assert column("TUJUAN SASARAN") == column("Tujuan/Sasaran") == "tujuan_sasaran"


def test_an_undated_document_gives_a_draft_without_a_date(tmp_path):
    base = (ROOT / "tests" / "bad_inputs" / "valid-base.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "tanpa-tanggal.yaml"
    spec.write_text(base.replace('  tanggal: "2023-04-19"\n', ""), encoding="utf-8")
    draft, result = _import(_built("tanpa-tanggal", tmp_path, spec=spec), tmp_path)
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert "tanggal" not in data["dokumen"]
    assert "tanggal penandatanganan tidak ditemukan" in result.stderr
    told = run_ikugen("validate", draft).stdout
    errors = [line for line in told.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and "[IKU710]" in errors[0] and "desa" in errors[0], told  # no desa in it
    assert "tanggal" not in told


def test_the_round_trip_brings_no_teks_and_an_office_text_becomes_one(tmp_path):
    draft, _ = _import(_built("kaloran", tmp_path), tmp_path)
    assert "teks:" not in draft.read_text(encoding="utf-8")  # ikugen's own wording is not the office's
    assert "tabel:" not in draft.read_text(encoding="utf-8")  # nor are its own columns and labels
    document = Document()
    document.add_heading("INDIKATOR KINERJA UTAMA KECAMATAN KALORAN KABUPATEN TEMANGGUNG TAHUN 2021-2025", 0)
    document.add_heading("A. Tugas Pokok dan Fungsi", 2)
    document.add_paragraph("Kantor kecamatan berdiri sejak tahun 1950 di tepi Kali Galeh.")
    document.add_paragraph("Kecamatan Kaloran terdiri dari 3 desa, yaitu Kaloran, Tleter dan Gandon.")
    document.add_paragraph("Paragraf ini sesudah daftar desa, bukan pembuka lagi.")
    document.add_heading("B. Penutup", 2)
    document.add_paragraph("Demikian dokumen ini disusun sebagai acuan kinerja.")
    old = tmp_path / "lama.docx"
    document.save(str(old))
    other = tmp_path / "lain"
    other.mkdir()
    data = yaml.safe_load(_import(old, other)[0].read_text(encoding="utf-8"))
    assert data["teks"] == {"gambaran_umum": "Kantor kecamatan berdiri sejak tahun 1950 di tepi Kali Galeh.",
                            "penutup": "Demikian dokumen ini disusun sebagai acuan kinerja."}
    # The desa typed as a sentence are still the desa list, not prose.
    assert [w["nama"] for w in data["wilayah"]] == ["Kaloran", "Tleter", "Gandon"]


def _program_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("INDIKATOR KINERJA PROGRAM")
    rows = [["Program", "Indikator Kinerja Program", "Definisi", "Formulasi", "Sumber Data",
             "Penanggung Jawab"],
            ["Program Penyelenggaraan Pemerintahan", "Persentase desa yang tertib administrasi",
             "Desa yang administrasinya tertib", "Desa tertib dibagi seluruh desa dikali 100%", "Seksi Pem",
             "Kasi Pemerintahan"],
            ["", "Persentase RKPDes tepat waktu", "", "RKPDes tepat waktu dibagi seluruh RKPDes dikali 100%",
             "Seksi PMD", "Camat / Kasi PMD"]]
    table = document.add_table(rows=3, cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = rows[1][0]
    document.save(str(path))
    return path


def test_the_program_indicator_table_is_read_apart_from_the_iku(tmp_path):
    old = _program_docx(tmp_path / "program.docx")
    read = programs.read(read_docx(old).blocks)
    assert [(str(p.nama.value), [str(r.nama.value) for r in p.indikator]) for p in read] == [
        ("Program Penyelenggaraan Pemerintahan",
         ["Persentase desa yang tertib administrasi", "Persentase RKPDes tepat waktu"])]
    assert str(read[0].indikator[1].cells["rumus"].value).startswith("RKPDes tepat waktu")
    draft, result = _import(old, tmp_path)
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert not data.get("indikator")  # not the IKU's indicators
    assert "2 indikator program" in result.stderr
    if "program" in Spek.model_fields:  # the model holds them: written, in the spec's shape
        names = [i["nama"] for i in data["program"][0]["indikator"]]
        assert names == [r.nama.value for r in read[0].indikator]
    else:
        assert "belum ditulis" in result.stderr and "program" not in data


def test_a_section_of_the_office_s_own_comes_back_with_its_prose(tmp_path):
    data = yaml.safe_load((ROOT / "examples" / "kaloran.yaml").read_text(encoding="utf-8"))
    own = "Kaloran berada di lereng timur Gunung Sumbing, di ketinggian 500 sampai 1.000 meter."
    data["susunan"] = [
        {"bab": "Pendahuluan", "bagian": ["latar_belakang", "landasan_hukum",
                                          {"judul": "Kondisi Geografis", "teks": own}]},
        {"bab": "Gambaran Umum", "bagian": ["tupoksi", "tujuan_sasaran"]},
        {"bab": "Penetapan Indikator Kinerja Utama", "bagian": ["penetapan"]},
        {"bab": "Penutup", "bagian": ["penutup"]},
    ]
    spec = tmp_path / "kaloran.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    got = load(_import(_built("kaloran", tmp_path, spec=spec), tmp_path)[0])
    assert got.susunan is not None
    office = got.susunan[0].bagian[2]
    assert (office.judul, office.teks) == ("Kondisi Geografis", own)  # type: ignore[union-attr]
    assert got.teks == Spek.model_fields["teks"].default  # ikugen's own wording came back as nothing


def test_every_opening_text_of_a_built_in_section_comes_back_as_its_teks(tmp_path):
    data = yaml.safe_load((ROOT / "examples" / "kaloran.yaml").read_text(encoding="utf-8"))
    names = [n for n in Spek.model_fields["teks"].annotation.model_fields  # type: ignore[union-attr]
             if n not in ("menimbang", "diktum", "matriks_perubahan")]  # the decree's, the Perubahan's
    data["teks"] = {n: f"Teks kantor sendiri untuk bagian {n.replace('_', ' ')}, bukan kalimat bawaan."
                    for n in names}
    data["susunan"] = [
        {"bab": "Pendahuluan", "bagian": ["latar_belakang", "maksud_tujuan", "landasan_hukum"]},
        {"bab": "Pengertian Indikator Kinerja", "bagian": ["definisi", "syarat_kriteria"]},
        {"bab": "Gambaran Umum", "bagian": ["tupoksi", "visi_misi", "tujuan_sasaran"]},
        {"bab": "Penetapan Indikator Kinerja Utama", "bagian": ["penetapan"]},
        {"bab": "Penutup", "bagian": ["penutup"]}]
    data["profil"]["visi"] = "Temanggung maju"
    # The eselon IV tables and their opening are printed only for a position owning a sasaran.
    next(s for s in data["sasaran"] if s["id"] == "S5")["pemilik"] = "trantib"
    for indicator in data["indikator"]:
        indicator["target"] = {2020: 50}
    # The program table and its opening are printed only for a spec with programs.
    program = {"nama": "Persentase desa tertib administrasi", "penanggung_jawab": "pem"}
    data["program"] = [{"nama": "Program Penyelenggaraan Pemerintahan", "indikator": [program]}]
    spec = tmp_path / "kaloran.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    got = load(_import(_built("kaloran", tmp_path, spec=spec), tmp_path)[0])
    assert got.teks.model_dump(exclude_defaults=True) == data["teks"]


def test_programs_come_back_with_their_indicators_and_penanggung_jawab(tmp_path):
    truth = load(FIDELITY / "program.yaml")
    got = _round_trip(FIDELITY / "program.yaml", tmp_path)  # program facts counted (impor/share.py)
    assert [(p.nama, [i.nama for i in p.indikator]) for p in got.program] == [
        (p.nama, [i.nama for i in p.indikator]) for p in truth.program]
    first = got.program[0].indikator[0]
    assert first.penanggung_jawab_ids == ["pelayanan", "trantib"]  # two section heads in one cell
    assert first.rumus == truth.program[0].indikator[0].rumus  # "PENJELASAN FORMULASI ..." is the rumus
    assert first.target == truth.program[0].indikator[0].target  # and the targets per year
    assert got.teks.indikator_program == truth.teks.indikator_program  # under the office's own title
    # The office's columns and labels (its IKU table without No) and the program table's title.
    assert got.tabel == truth.tabel
    assert [i.nama for i in got.indikator] == ["Indeks Kepuasan Masyarakat"]  # not the program's


def test_a_decree_s_dictum_naming_the_program_indicators_is_not_their_table(tmp_path):
    truth = load(FIDELITY / "program.yaml")
    got = load(_import(_built("program", tmp_path, "keputusan", spec=FIDELITY / "program.yaml"), tmp_path)[0])
    assert [p.nama for p in got.program] == [p.nama for p in truth.program]  # the annex's table only
    assert got.tabel.program.judul == truth.tabel.program.judul  # not "MEMUTUSKAN:" above the dictum
    assert got.tabel.program.judul_kolom == truth.tabel.program.judul_kolom


def test_an_iku_and_a_target_table_of_the_office_s_columns_come_back_as_its_choice(tmp_path):
    data = yaml.safe_load((ROOT / "examples" / "kaloran.yaml").read_text(encoding="utf-8"))
    for n, indicator in enumerate(data["indikator"]):
        indicator["kondisi_awal"], indicator["target"] = f"{60 + n}", {2019: 61 + n, 2020: 62 + n}
    data["tabel"] = {"iku": {"kolom": ["no", "sasaran", "indikator", "penanggung_jawab", "rumus"],
                             "judul_kolom": {"no": "NO.", "penanggung_jawab": "PJ"}},
                     "target": {"kolom": ["indikator", "kondisi_awal", "target"],
                                "judul_kolom": {"indikator": "INDIKATOR KINERJA"}}}
    spec = tmp_path / "kaloran.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    got = load(_import(_built("kaloran", tmp_path, spec=spec), tmp_path)[0])
    assert got.tabel == load(spec).tabel
    # The target table without a sasaran column: each row's targets to the indicator of its name.
    assert {i.nama: i.target for i in got.indikator} == {i.nama: i.target for i in load(spec).indikator}
