"""The command line: help, version, exit codes, usage errors."""

from conftest import run_ikugen


def test_help_is_indonesian():
    # A new interpreter: click's own texts are translated from the first run, not left by another.
    result = run_ikugen("--help", process=True)
    assert result.returncode == 0
    assert "Pemakaian: ikugen [OPSI] PERINTAH" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    assert "validate" in result.stdout


def test_version():
    from ikugen import __version__

    result = run_ikugen("--version", process=True)  # `python -m ikugen` itself
    assert result.returncode == 0
    assert result.stdout.strip() == f"ikugen {__version__}"


def test_unknown_option_is_a_usage_error():
    result = run_ikugen("validate", "--bogus", "x.yaml", process=True)  # exit 2 as the process's status
    assert result.returncode == 2
    assert "Opsi '--bogus' tidak dikenal." in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_a_usage_error(tmp_path):
    result = run_ikugen("validate", tmp_path / "tidak-ada.yaml")
    assert result.returncode == 2
    assert "tidak-ada.yaml: berkas tidak ditemukan" in result.stderr


def test_validate_of_many_files_in_parallel_reports_like_one_at_a_time(tmp_path):
    from conftest import EXAMPLES

    text = (EXAMPLES / "kalimanah.yaml").read_text(encoding="utf-8")
    for i in range(12):
        (tmp_path / f"k{i:02}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "k05.yaml").write_text(text.replace("eselon: III", "eselon: 3", 1), encoding="utf-8")
    parallel = run_ikugen("validate", "-j", "2", tmp_path)
    serial = run_ikugen("validate", "-j", "1", tmp_path)
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout
    errors = [line for line in parallel.stdout.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and errors[0].startswith(str(tmp_path / "k05.yaml") + ":")
    assert parallel.stderr.strip().startswith("12 berkas diperiksa: 1 galat")
