"""Where `ikugen build` writes, and that a failed build costs the user no file."""

from __future__ import annotations

from conftest import EXAMPLES, run_ikugen
from docx import Document

KALORAN = EXAMPLES / "kaloran.yaml"


def test_several_outputs_in_one_run(tmp_path):
    outs = [tmp_path / "a.docx", tmp_path / "a.md"]
    result = run_ikugen("build", KALORAN, "-o", outs[0], "-o", outs[1])
    assert result.returncode == 0, result.stderr
    assert "ditulis: " in result.stderr
    assert Document(str(outs[0])).core_properties.author == "Kecamatan Kaloran"
    assert outs[1].read_text(encoding="utf-8").startswith("<!-- ikugen:gaya Sampul -->")


def test_default_output_name_and_format_option(tmp_path):
    result = run_ikugen("build", KALORAN, "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kaloran.md").exists()


def test_output_that_is_a_folder(tmp_path):
    result = run_ikugen("build", KALORAN, "-o", tmp_path)
    assert result.returncode == 2
    assert "akhiran tidak dikenal" in result.stderr
    folder = tmp_path / "IKU.docx"
    folder.mkdir()
    result = run_ikugen("build", KALORAN, "-o", folder)
    assert result.returncode == 1
    assert "ini sebuah folder" in result.stderr


def test_output_into_a_missing_folder_is_reported(tmp_path):
    result = run_ikugen("build", KALORAN, "-o", tmp_path / "tidak-ada" / "IKU.docx")
    assert result.returncode == 1
    assert "folder" in result.stderr and "tidak ada" in result.stderr
    assert not (tmp_path / "tidak-ada").exists()


def test_output_that_is_the_spec_itself(tmp_path):
    spec = tmp_path / "spek.md"
    spec.write_bytes(KALORAN.read_bytes())
    result = run_ikugen("build", spec, "-o", spec)
    assert result.returncode == 1
    assert "sama dengan berkas spesifikasi" in result.stderr
    assert spec.read_bytes() == KALORAN.read_bytes()


def test_failed_build_keeps_the_previous_output(tmp_path):
    out = tmp_path / "IKU.docx"
    # Both runs as real processes: the installed command end to end, exit statuses 0 and 1.
    assert run_ikugen("build", KALORAN, "-o", out, process=True).returncode == 0
    before = out.read_bytes()
    broken = tmp_path / "rusak.yaml"
    broken.write_text(KALORAN.read_text(encoding="utf-8").replace("eselon: III", "eselon: 3", 1),
                      encoding="utf-8")
    result = run_ikugen("build", broken, "-o", out, process=True)
    assert result.returncode == 1
    assert "rusak.yaml:" in result.stderr and "galat" in result.stderr
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKU.docx", "rusak.yaml"]
