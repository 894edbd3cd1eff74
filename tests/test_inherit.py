"""Shared defaults (`dasar`): merge rules, positions in the file a value came from, --jelaskan."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import EXAMPLES, run_ikugen

KABUPATEN = EXAMPLES / "kabupaten-temanggung"

BASE = """\
dokumen:
  periode: {awal: 2021, akhir: 2026}
  tanggal: "2023"
profil:
  kabupaten: Temanggung
  provinsi: Jawa Tengah
  misi: [Misi kabupaten]
  landasan_hukum:
    - Peraturan A
    - Peraturan B
organisasi:
  - id: camat
    nama: Camat
    eselon: III
  - id: sekcam
    nama: Sekretaris Kecamatan
    eselon: IV
    atasan: camat
    tugas: Tugas sekretaris
  - id: kasi_lama
    nama: Seksi Lama
    eselon: IV
    atasan: camat
"""

CHILD = """\
dasar: dasar.yaml
profil:
  kecamatan: Kaloran
  misi: [Misi sendiri]
  landasan_hukum:
    tambah: [Peraturan C]
pimpinan:
  nama: Budi
  nip: "19670707 198803 1 005"
organisasi:
  - id: sekcam
    nama: Sekretaris Camat
  - id: kasi_lama
    hapus: true
  - id: kasi_baru
    nama: Seksi Baru
    eselon: IV
    atasan: camat
"""


def write(folder: Path, **files: str) -> None:
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_kabupaten_example_gives_the_same_document_as_the_whole_spec(tmp_path):
    whole, inherited = tmp_path / "a.md", tmp_path / "b.md"
    assert run_ikugen("build", EXAMPLES / "kaloran.yaml", "-o", whole).returncode == 0
    result = run_ikugen("build", KABUPATEN / "kaloran.yaml", "-o", inherited)
    assert result.returncode == 0, result.stderr
    assert inherited.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_merge_rules(tmp_path):
    from ikugen.pipeline import load_spec

    write(tmp_path, dasar=BASE, kaloran=CHILD)
    spek = load_spec(tmp_path / "kaloran.yaml").spek
    assert spek.dokumen.periode.awal == 2021                      # inherited mapping
    assert spek.profil.kabupaten == "Temanggung"                  # keys merge: both files
    assert spek.profil.kecamatan == "Kaloran"
    assert spek.profil.misi == ["Misi sendiri"]                   # a plain list is replaced
    assert spek.profil.landasan_hukum == ["Peraturan A", "Peraturan B", "Peraturan C"]  # tambah
    ids = [(j.id, j.nama) for j in spek.organisasi]
    assert ids == [("camat", "Camat"), ("sekcam", "Sekretaris Camat"), ("kasi_baru", "Seksi Baru")]
    sekcam = spek.organisasi[1]
    assert (sekcam.eselon, sekcam.atasan, sekcam.tugas) == ("IV", "camat", "Tugas sekretaris")  # merged by id


def test_an_error_in_an_inherited_value_points_into_the_base(tmp_path):
    write(tmp_path, dasar=BASE.replace("    eselon: III", "    eselon: 3"), kaloran=CHILD)
    result = run_ikugen("validate", tmp_path / "kaloran.yaml")
    assert result.returncode == 1
    assert f"{tmp_path / 'dasar.yaml'}:14:13: galat: nilai '3' untuk 'eselon' tidak dikenal" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_error_in_the_spec_itself_stays_in_the_spec(tmp_path):
    child = CHILD.replace("    nama: Seksi Baru\n", "    nama: Seksi Baru\n    atasan2: x\n")
    write(tmp_path, dasar=BASE, kaloran=child)
    result = run_ikugen("validate", tmp_path / "kaloran.yaml")
    assert result.returncode == 1
    assert f"{tmp_path / 'kaloran.yaml'}:17:5: galat: kunci 'atasan2' tidak dikenal" in result.stdout


def test_missing_base_and_cycles_are_reported_at_the_dasar_line(tmp_path):
    write(tmp_path, kaloran="# satu\ndasar: tidak-ada.yaml\n")
    result = run_ikugen("validate", tmp_path / "kaloran.yaml")
    assert result.returncode == 1
    assert f"{tmp_path / 'kaloran.yaml'}:2:8: galat: berkas dasar tidak dapat dipakai" in result.stdout
    assert "[IKU701]" in result.stdout
    write(tmp_path, a="dasar: b.yaml\n", b="dasar: a.yaml\n")
    result = run_ikugen("validate", tmp_path / "a.yaml")
    assert result.returncode == 1
    assert "galat: rantai 'dasar' berputar" in result.stdout and "[IKU702]" in result.stdout


def test_merge_misuse_is_reported(tmp_path):
    child = CHILD.replace("  - id: kasi_lama\n    hapus: true", "  - id: tidak_ada\n    hapus: true")
    child = child.replace("    tambah: [Peraturan C]", "    tambah: Peraturan C")
    write(tmp_path, dasar=BASE, kaloran=child)
    result = run_ikugen("validate", tmp_path / "kaloran.yaml")
    assert result.returncode == 1
    out = result.stdout
    assert f"{tmp_path / 'kaloran.yaml'}:6:13: galat: 'tambah' berisi daftar" in out
    spec = tmp_path / "kaloran.yaml"
    assert f"{spec}:13:9: galat: tidak ada butir warisan 'organisasi' dengan id 'tidak_ada'" in out


def test_jelaskan_tells_where_each_value_came_from(tmp_path):
    result = run_ikugen("validate", "--jelaskan", KABUPATEN / "kaloran.yaml")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    base = KABUPATEN / "dasar.yaml"
    assert any(line.split() == ["profil.visi", f"{base}:30", "(diwarisi)"] for line in lines), lines
    assert any(line.split() == ["profil.kecamatan", f"{KABUPATEN / 'kaloran.yaml'}:10"] for line in lines)
    assert any(line.split()[0] == "organisasi[camat]" and "(diwarisi)" in line for line in lines)
    write(tmp_path, dasar=BASE, kaloran=CHILD)
    built = run_ikugen("build", "--jelaskan", tmp_path / "kaloran.yaml", "-o", tmp_path / "k.md")
    assert built.returncode == 0, built.stderr
    assert any(line.split()[0] == "organisasi[sekcam]" and "sebagian diwarisi" in line
               for line in built.stdout.splitlines()), built.stdout


def test_a_folder_checks_the_base_through_its_specs_not_on_its_own():
    result = run_ikugen("validate", KABUPATEN)
    assert "2 berkas diperiksa" in result.stderr
    found = [line for line in result.stdout.splitlines() if ": galat: " in line or ": peringatan: " in line]
    assert not [line for line in found if "dasar.yaml:" in line]
    # Kandangan is deliberately unfinished: its blanks are the only problems.
    assert result.returncode == 1
    assert {line.rsplit("[", 1)[-1] for line in found} <= {"IKU710]", "IKU105]"}
