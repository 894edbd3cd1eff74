"""`ikugen bandingkan` (issue 17): exactly the constructed changes, nothing for a spec compared
with itself, JSON for CI, and exit codes as diff (0 same, 1 different, 2 trouble)."""

from __future__ import annotations

import json

from conftest import EXAMPLES, run_ikugen
from perubahan_pair import NEW, OLD, PAIR, variant

EXPECTED = """\
../../examples/cerbon.yaml:105:9: jabatan kesra 'Seksi Kesejahteraan Rakyat dan Pelayanan' diubah
  nama: Seksi Kesra dan Pelayanan -> Seksi Kesejahteraan Rakyat dan Pelayanan
cerbon-perubahan.yaml:6:9: indikator I1 'Indeks Kepuasan Masyarakat' diubah
  target 2025: 83 -> 83,5
  target 2026: 84 -> 85
cerbon-perubahan.yaml:11:9: indikator I2 'Nilai Evaluasi SAKIP Kecamatan Cerbon' menggantikan I43 'Predikat \
Evaluasi SAKIP Kecamatan Cerbon'
  nama: Predikat Evaluasi SAKIP Kecamatan Cerbon -> Nilai Evaluasi SAKIP Kecamatan Cerbon
  satuan: predikat -> (tidak ada)
  definisi
    semula:  Predikat hasil evaluasi atas sistem akuntabilitas kinerja kecamatan yang diterbitkan oleh \
Inspektorat Kabupaten Barito Kuala pada tahun N
    menjadi: Nilai evaluasi SAKIP kecamatan adalah nilai hasil evaluasi atas sistem akuntabilitas kinerja \
kecamatan yang diterbitkan oleh Inspektorat Kabupaten Barito Kuala pada tahun N
  rumus
    semula:  Predikat pada laporan hasil evaluasi SAKIP kecamatan
    menjadi: Jumlah nilai 4 komponen evaluasi SAKIP yang terdiri atas: Perencanaan Kinerja, Pengukuran \
Kinerja, Pelaporan Kinerja dan Evaluasi Akuntabilitas Kinerja Internal
  sumber data
    semula:  Laporan Hasil Evaluasi SAKIP Inspektorat Kabupaten Barito Kuala
    menjadi: Data primer dari Kecamatan
cerbon-2023-awal.yaml:31:9: indikator I44 'Persentase ASN Kecamatan Cerbon yang mengikuti pengembangan \
kompetensi' dihapus
cerbon-perubahan.yaml:16:9: indikator I19 'Persentase dokumen perencanaan perangkat daerah' diubah
  rumus
    semula:  Jumlah dokumen perencanaan yang dibuat dibagi jumlah dokumen perencanaan di kecamatan dikali 100
    menjadi: Jumlah dokumen perencanaan yang dibuat tepat waktu dibagi jumlah dokumen perencanaan di \
kecamatan dikali 100
"""


def test_lists_exactly_the_constructed_changes_at_their_places():
    """Both specs inherit the example through `dasar`: the resolved specs are compared, and each
    item is told where it is written (kesra's new name is the example's own)."""
    result = run_ikugen("bandingkan", OLD.name, NEW.name, cwd=PAIR)
    assert result.returncode == 1, result.stderr
    assert result.stdout == EXPECTED
    assert result.stderr == ("5 perbedaan: 1 jabatan diubah, 2 indikator diubah, 1 indikator diganti, "
                             "1 indikator dihapus\n")


def test_a_spec_compared_with_itself_has_no_difference():
    for spec in (OLD, NEW, EXAMPLES / "cerbon.yaml"):
        result = run_ikugen("bandingkan", spec, spec)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "tidak ada perbedaan\n")


def test_json_for_ci():
    result = run_ikugen("bandingkan", OLD.name, NEW.name, "--format", "json", cwd=PAIR)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert (data["lama"], data["baru"], data["sama"]) == (OLD.name, NEW.name, False)
    shown = [(d["jenis"], d["status"], d["id"], d["id_lama"], d["berkas"], d["baris"],
              [(r["bagian"], r["tahun"], r["semula"], r["menjadi"]) for r in d["rincian"]
               if r["bagian"] in ("nama", "satuan", "target")])
             for d in data["perbedaan"]]
    assert shown == [
        ("jabatan", "diubah", "kesra", "kesra", "../../examples/cerbon.yaml", 105,
         [("nama", None, "Seksi Kesra dan Pelayanan", "Seksi Kesejahteraan Rakyat dan Pelayanan")]),
        ("indikator", "diubah", "I1", "I1", NEW.name, 6,
         [("target", 2025, "83", "83,5"), ("target", 2026, "84", "85")]),
        ("indikator", "diganti", "I2", "I43", NEW.name, 11,
         [("nama", None, "Predikat Evaluasi SAKIP Kecamatan Cerbon", "Nilai Evaluasi SAKIP Kecamatan Cerbon"),
          ("satuan", None, "predikat", None)]),
        ("indikator", "dihapus", "I44", "I44", OLD.name, 31, []),
        ("indikator", "diubah", "I19", "I19", NEW.name, 16, []),
    ]
    assert [r["bagian"] for r in data["perbedaan"][4]["rincian"]] == ["rumus"]
    same = run_ikugen("bandingkan", NEW, NEW, "--format", "json")
    data = json.loads(same.stdout)
    assert (same.returncode, data["sama"], data["perbedaan"]) == (0, True, [])


def test_a_position_in_charge_and_a_sasaran_are_compared_as_the_document_names_them(tmp_path):
    """A penanggung jawab written out that is the sasaran's owner anyway is no change; another
    position is, shown by its title; an indicator moved to another sasaran is; a re-wrapped text is not."""
    quiet = variant(tmp_path, ("  - id: I19\n", "  - id: I19\n    penanggung_jawab: pka\n    rumus: >-\n"
                               "      Jumlah dokumen perencanaan yang dibuat dibagi jumlah\n"
                               "      dokumen perencanaan di kecamatan dikali 100\n"))
    assert "I19" not in run_ikugen("bandingkan", OLD, quiet).stdout
    moved = variant(tmp_path, ("  - id: I19\n", "  - id: I19\n    penanggung_jawab: sekcam\n"
                                               "    sasaran: S14\n"), name="moved.yaml")
    out = run_ikugen("bandingkan", OLD, moved).stdout
    assert "  penanggung jawab: Kasubbag PKA (pka) -> Sekcam (sekcam)\n" in out
    assert "  sasaran: S15 -> S14\n" in out


def test_trouble_is_exit_2_with_the_problems_at_their_places(tmp_path):
    missing = run_ikugen("bandingkan", tmp_path / "tidak-ada.yaml", NEW)
    assert missing.returncode == 2
    assert missing.stderr == f"galat: {tmp_path / 'tidak-ada.yaml'}: berkas tidak ditemukan\n"
    broken = tmp_path / "rusak.yaml"
    broken.write_text(OLD.read_text(encoding="utf-8").replace("dasar: ../../examples/cerbon.yaml",
                                                              f"dasar: {EXAMPLES / 'cerbon.yaml'}")
                      .replace("    satuan: predikat\n", "    satuan: predikat\n    polaritas: naik\n"),
                      encoding="utf-8")
    result = run_ikugen("bandingkan", broken, NEW)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (f"{broken}:25:16: galat: nilai 'naik' untuk 'polaritas' tidak dikenal; pilihan: "
                        "positif, negatif [IKU011]")
    assert lines[-1] == "tidak dapat dibandingkan: betulkan dulu galat di atas"


def test_tujuan_sasaran_and_added_items_in_the_terms_of_the_document(tmp_path):
    """Kaloran with its tujuan indicator given a formula, a sasaran reworded and a tujuan added."""
    text = (EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8")
    changed = text.replace(
        "      - nama: Persentase desa dengan pengelolaan keuangan desa yang tertib baik\n",
        "      - nama: Persentase desa dengan pengelolaan keuangan desa yang tertib baik\n"
        "        rumus: Desa dengan pengelolaan keuangan tertib dibagi jumlah desa dikali 100%\n"
        "  - id: T2\n    uraian: Meningkatkan kualitas pelayanan publik kecamatan\n", 1).replace(
        "    uraian: Meningkatnya kualitas manajemen pemerintahan\n",
        "    uraian: Meningkatnya kualitas manajemen pemerintahan kecamatan\n", 1)
    assert changed.count("  - id: T2\n") == 1
    old, new = tmp_path / "lama.yaml", tmp_path / "baru.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(changed, encoding="utf-8")
    result = run_ikugen("bandingkan", "lama.yaml", "baru.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "baru.yaml:410:9: tujuan T1 'Meningkatkan Tata Kelola Pemerintahan Kecamatan yang baik' diubah",
        "  indikator tujuan 'Persentase desa dengan pengelolaan keuangan desa yang tertib baik', rumus",
        "    semula:  (tidak ada)",
        "    menjadi: Desa dengan pengelolaan keuangan tertib dibagi jumlah desa dikali 100%",
        "baru.yaml:418:9: tujuan T2 'Meningkatkan kualitas pelayanan publik kecamatan' ditambahkan",
        "baru.yaml:427:9: sasaran S1 'Meningkatnya kualitas manajemen pemerintahan kecamatan' diubah",
        "  uraian",
        "    semula:  Meningkatnya kualitas manajemen pemerintahan",
        "    menjadi: Meningkatnya kualitas manajemen pemerintahan kecamatan",
    ]
