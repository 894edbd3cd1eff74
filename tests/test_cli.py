"""The command line: help, version, exit codes, usage errors."""

from conftest import run_ikugen


def test_help_is_indonesian():
    result = run_ikugen("--help")
    assert result.returncode == 0
    assert "Pemakaian: ikugen [OPSI] PERINTAH" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    assert "validate" in result.stdout


def test_version():
    from ikugen import __version__

    result = run_ikugen("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ikugen {__version__}"


def test_unknown_option_is_a_usage_error():
    result = run_ikugen("validate", "--bogus", "x.yaml")
    assert result.returncode == 2
    assert "Opsi '--bogus' tidak dikenal." in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_a_usage_error(tmp_path):
    result = run_ikugen("validate", tmp_path / "tidak-ada.yaml")
    assert result.returncode == 2
    assert "tidak-ada.yaml: berkas tidak ditemukan" in result.stderr
