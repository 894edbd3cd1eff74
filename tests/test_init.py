"""`ikugen init`: a new spec from an example's text, blanks reported until filled, never overwritten."""

from __future__ import annotations

import re

from conftest import EXAMPLES, run_ikugen


def test_init_blanks_the_old_facts_and_keeps_the_text(tmp_path):
    result = run_ikugen("init", "Sukorejo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    spec = tmp_path / "sukorejo.yaml"
    text = spec.read_text(encoding="utf-8")
    schema = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    # The schema editors read: the repository's in a checkout, else one written beside the spec.
    assert schema and (tmp_path / schema.group(1)).read_text(encoding="utf-8") == run_ikugen("schema").stdout
    assert "  kecamatan: Sukorejo\n" in text
    assert "sumber_data: Kecamatan Sukorejo" in text and "Kecamatan Kaloran\n" not in text
    # Comments and layout of the example stay.
    assert "  # NIP selalu dalam tanda kutip: tanpa kutip, YAML membacanya sebagai angka.\n" in text
    assert "Muhamad Jafar" not in text and "19670707" not in text and "Tlogowungu" not in text
    assert "8 nilai bertanda 'ISI:'" in result.stderr


def test_validate_reports_every_blank_until_filled_then_it_builds(tmp_path):
    assert run_ikugen("init", "Sukorejo", "-o", tmp_path / "s.yaml").returncode == 0
    spec = tmp_path / "s.yaml"
    result = run_ikugen("validate", spec)
    assert result.returncode == 1
    blanks = [line for line in result.stdout.splitlines() if line.endswith("[IKU710]")]
    assert len(blanks) == 8
    lines = spec.read_text(encoding="utf-8").splitlines()
    for line in blanks:  # each report points at its blank
        number, column = map(int, line.split(":")[1:3])
        assert lines[number - 1][column - 1:].startswith('"ISI: ')
    filled = spec.read_text(encoding="utf-8")
    for blank, value in {
        '"ISI: nama Camat dengan gelar"': "Nama Uji, S.Sos",
        '"ISI: pangkat Camat"': "Pembina",
        '"ISI: NIP Camat, 18 angka"': '"19700101 199001 1 001"',
        '"ISI: nama desa atau kelurahan (satu butir per desa)"': "Sukorejo",
    }.items():
        filled = filled.replace(blank, value)
    filled = re.sub(r'"ISI: wilayah di sebelah (\w+)"', r"Wilayah \1", filled)
    spec.write_text(filled, encoding="utf-8")
    assert run_ikugen("validate", spec).returncode == 0
    out = tmp_path / "IKU.docx"
    result = run_ikugen("build", spec, "-o", out)
    assert result.returncode == 0, result.stderr
    from docx import Document

    assert Document(str(out)).core_properties.author == "Kecamatan Sukorejo"


def test_init_from_another_example_blanks_its_decree_number_and_address(tmp_path):
    result = run_ikugen("init", "Kecamatan Sungai Lumbah", "--dari", EXAMPLES / "cerbon.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "sungai-lumbah.yaml").read_text(encoding="utf-8")
    assert '  nomor: "ISI: nomor keputusan"\n' in text
    assert '  alamat: "ISI: alamat kantor kecamatan"\n' in text
    assert "  kecamatan: Sungai Lumbah\n" in text


def test_init_never_overwrites(tmp_path):
    spec = tmp_path / "ada.yaml"
    spec.write_text("milik kantor\n", encoding="utf-8")
    result = run_ikugen("init", "Sukorejo", "-o", spec)
    assert result.returncode == 1
    assert "sudah ada; tidak ditimpa" in result.stderr
    assert spec.read_text(encoding="utf-8") == "milik kantor\n"


def test_init_refuses_a_name_that_is_not_a_name(tmp_path):
    result = run_ikugen("init", "Kaloran: {x}", cwd=tmp_path)
    assert result.returncode == 2
    assert "nama kecamatan ditulis dengan huruf" in result.stderr
    assert list(tmp_path.iterdir()) == []
