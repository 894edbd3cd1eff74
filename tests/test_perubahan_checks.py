"""`validate` of an IKU Perubahan against its previous spec (issue 17): every change has its
reason, at the indicator's line; the previous spec is loaded and checked as part of the run."""

from __future__ import annotations

from conftest import EXAMPLES, run_ikugen
from perubahan_pair import NEW, OLD, REASON_I19, line_of, previous_text, variant

REPLACED = ("    alasan_perubahan: >-\n      Predikat diganti nilai evaluasi SAKIP agar capaian dapat diukur "
            "dengan angka, sesuai hasil\n      konsultasi dengan Inspektorat Provinsi Kalimantan Selatan\n")
ADDED = ("  - {id: I50, sasaran: S1, nama: Persentase pengaduan yang ditindaklanjuti,\n"
         "     rumus: Pengaduan yang ditindaklanjuti dibagi pengaduan dikali 100%,\n"
         "     sumber_data: Data primer dari Kecamatan}\n")
HINT = "tulis alasan_perubahan pada indikator ini: mengapa ia"
REMOVED = ("perubahan:\n  - id: I44\n    alasan_perubahan: >-\n      Pengembangan kompetensi ASN diukur oleh "
           "indikator bimbingan teknis Subbagian Umum dan\n      Kepegawaian\n")


def problems(path, *options) -> list[str]:
    """The errors and warnings `validate` prints for `path` but IKU301 (the pair sets targets on
    one indicator only, so every other one is told it has none)."""
    result = run_ikugen("validate", "--abaikan", "IKU301", *options, path)
    assert "Traceback" not in result.stderr
    return [line for line in result.stdout.splitlines() if ": diabaikan: " not in line]


def test_the_pair_is_valid_each_change_with_its_reason():
    assert problems(NEW, "--strict") == []
    assert problems(OLD, "--strict") == []


def test_a_changed_indicator_without_its_reason_is_an_error_at_its_line(tmp_path):
    spec = variant(tmp_path, (REASON_I19, ""))
    line = line_of(spec, "- id: I19")
    assert problems(spec) == [f"{spec}:{line}:9: galat: indikator diubah 'I19' tanpa alasan_perubahan; tulis "
                              "alasan_perubahan pada indikator ini: mengapa ia diubah dibanding spesifikasi "
                              "sebelumnya [IKU722]"]


def test_a_replacement_and_an_added_indicator_need_their_reasons_too(tmp_path):
    spec = variant(tmp_path, (REPLACED, ""), ("perubahan:\n", ADDED + "perubahan:\n"))
    assert problems(spec) == [
        f"{spec}:11:9: galat: indikator pengganti I43 'I2' tanpa alasan_perubahan; {HINT} menggantikan "
        "indikator lama dibanding spesifikasi sebelumnya [IKU722]",
        f"{spec}:{line_of(spec, 'id: I50')}:10: galat: indikator baru 'I50' tanpa alasan_perubahan; {HINT} "
        "ditambahkan dibanding spesifikasi sebelumnya [IKU722]"]


def test_a_removed_indicator_without_its_reason_is_told_with_its_old_line(tmp_path):
    spec = variant(tmp_path, (REMOVED, ""))
    line = line_of(spec, "sebelumnya:")
    old_line = line_of(OLD, "- id: I44")
    assert problems(spec) == [f"{spec}:{line}:15: galat: indikator 'I44' ({OLD}:{old_line}) dihapus tanpa "
                              "alasan perubahan; tulis  perubahan: [{id: I44, alasan_perubahan: ...}] "
                              "[IKU722]"]


def test_a_reason_on_an_unchanged_indicator_is_a_warning(tmp_path):
    spec = variant(tmp_path, ("perubahan:\n",
                              "  - id: I3\n    alasan_perubahan: Target disesuaikan\nperubahan:\n"))
    line = line_of(spec, "alasan_perubahan: Target disesuaikan")
    assert problems(spec) == [f"{spec}:{line}:23: peringatan: indikator 'I3' tidak berubah dibanding "
                              "spesifikasi sebelumnya, tetapi punya alasan_perubahan; hapus "
                              "alasan_perubahan, atau periksa apakah perubahannya sudah ditulis [IKU723]"]
    assert run_ikugen("validate", "--abaikan", "IKU301", "--strict", spec).returncode == 1


def test_replacements_and_removals_that_cannot_be(tmp_path):
    spec = variant(tmp_path, ("    menggantikan: I43\n", "    menggantikan: I3\n"),
                   ("  - id: I44\n", "  - id: I5\n"))
    found = problems(spec)
    assert (f"{spec}:12:19: galat: indikator 'I3' masih ada di spesifikasi ini; yang digantikan tidak "
            "lagi ada; hapus 'menggantikan', atau hapus indikator 'I3' [IKU724]") in found
    assert f"{spec}:19:9: galat: indikator 'I5' masih ada di spesifikasi ini; tulis alasannya sebagai " \
           "alasan_perubahan pada indikator itu [IKU725]" in found
    # I3 is kept, so I2 is a new indicator (with its reason) and I43, I44 are removed without one.
    assert sum("[IKU722]" in line for line in found) == 2
    unknown = variant(tmp_path, ("    menggantikan: I43\n", "    menggantikan: I99\n"), name="unknown.yaml")
    assert any(line.startswith(f"{unknown}:12:19: galat: spesifikasi sebelumnya tidak punya indikator 'I99'; "
                               "id yang ada: I43, I44") for line in problems(unknown))


def test_notes_of_change_without_a_previous_spec_are_printed_nowhere(tmp_path):
    spec = variant(tmp_path, (f"  sebelumnya: {OLD}\n", "  jenis: iku-perubahan\n"))
    found = problems(spec)
    assert (f"{spec}:9:23: peringatan: 'alasan_perubahan' indikator 'I1' tidak dicetak: spesifikasi "
            "sebelumnya tidak disebut; tulis dokumen.sebelumnya (berkas spesifikasi yang diubah) agar "
            "dokumen memuat Matriks Perubahan [IKU726]") in found
    assert sum("[IKU726]" in line for line in found) == 5  # 3 reasons, menggantikan, perubahan


def test_previous_spec_only_for_a_perubahan_and_only_a_usable_one(tmp_path):
    plain = variant(tmp_path, (f"  sebelumnya: {OLD}\n", f"  jenis: iku\n  sebelumnya: {OLD}\n"))
    assert (f"{plain}:{line_of(plain, 'sebelumnya:')}:15: galat: 'sebelumnya' hanya untuk IKU "
            "Perubahan; tulis dokumen.jenis: iku-perubahan, atau hapus 'sebelumnya' [IKU721]"
            ) in problems(plain)
    missing = variant(tmp_path, (f"sebelumnya: {OLD}", "sebelumnya: tidak-ada.yaml"), name="missing.yaml")
    assert problems(missing) == [f"{missing}:4:15: galat: spesifikasi sebelumnya tidak dapat dipakai: "
                                 f"{tmp_path}/tidak-ada.yaml: berkas tidak ditemukan [IKU720]"]
    itself = variant(tmp_path, (f"sebelumnya: {OLD}", "sebelumnya: itself.yaml"), name="itself.yaml")
    assert problems(itself) == [f"{itself}:4:15: galat: 'sebelumnya' menunjuk spesifikasi ini sendiri; tulis "
                                "berkas spesifikasi IKU yang diubah oleh IKU Perubahan ini [IKU720]"]
    kaloran = EXAMPLES / "kaloran.yaml"
    other = variant(tmp_path, (f"sebelumnya: {OLD}", f"sebelumnya: {kaloran}"), name="other.yaml")
    assert problems(other) == [f"{other}:4:15: galat: spesifikasi sebelumnya {kaloran} milik Kecamatan "
                               "Kaloran Temanggung, bukan Kecamatan Cerbon Barito Kuala; IKU Perubahan "
                               "mengubah IKU kecamatan yang sama [IKU720]"]


def test_errors_of_the_previous_spec_are_the_runs_in_its_own_file(tmp_path):
    old = tmp_path / "lama.yaml"
    old.write_text(previous_text(("    satuan: predikat\n", "    satuan: predikat\n    polaritas: naik\n")),
                   encoding="utf-8")
    spec = variant(tmp_path, (f"sebelumnya: {OLD}", "sebelumnya: lama.yaml"))
    assert problems(spec) == [
        f"{old}:25:16: galat: nilai 'naik' untuk 'polaritas' tidak dikenal; pilihan: positif, negatif "
        "[IKU011]",
        f"{spec}:4:15: galat: spesifikasi sebelumnya {old} memuat 1 galat; betulkan dulu galatnya (tercantum "
        "di bawah) [IKU720]"]
