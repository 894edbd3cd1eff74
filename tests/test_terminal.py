"""Nothing from a spec reaches the terminal raw: one problem is one line, its control characters
(terminal escapes, a bell, a carriage return) shown as escapes, even through a pipe."""

from __future__ import annotations

import shutil

from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
ESCAPES = "\x1b[2J\x1b]0;judul\x07\r"


def _no_raw_controls(text: str) -> None:
    assert not [c for c in text if ord(c) < 32 and c not in "\n\t"], repr(text)


def test_a_key_with_terminal_escapes_and_a_fake_line(tmp_path):
    spec = tmp_path / "spek.yaml"
    spec.write_text(SPEC.read_text(encoding="utf-8")
                    + '"x\\e[2J\\e]0;judul\\a\\r\\n1 berkas diperiksa: sah": 1\n', encoding="utf-8")
    result = run_ikugen("validate", spec, process=True)  # a real pipe, as in CI
    assert result.returncode == 1
    _no_raw_controls(result.stdout + result.stderr)
    [line] = [x for x in result.stdout.splitlines() if "[IKU012]" in x]
    assert "kunci 'x\\x1b[2J\\x1b]0;judul\\x07\\x0d 1 berkas diperiksa: sah' tidak dikenal" in line
    assert "sah" not in result.stderr.splitlines()[-1]


def test_a_file_name_with_terminal_escapes(tmp_path):
    spec = tmp_path / f"spek{ESCAPES}.yaml"
    shutil.copy(SPEC, spec)
    with spec.open("a", encoding="utf-8") as handle:
        handle.write("kunci_asing: 1\n")
    for command in (["validate", spec], ["build", spec, "-o", tmp_path / "x.md"]):
        result = run_ikugen(*command)
        assert result.returncode == 1
        _no_raw_controls(result.stdout + result.stderr)
        assert "spek\\x1b[2J\\x1b]0;judul\\x07\\x0d.yaml:" in result.stdout + result.stderr


def test_an_output_name_with_terminal_escapes(tmp_path):
    result = run_ikugen("build", SPEC, "-o", tmp_path / "tidak-ada" / f"x{ESCAPES}.md")
    assert result.returncode == 1
    _no_raw_controls(result.stderr)
    assert "x\\x1b[2J\\x1b]0;judul\\x07\\x0d.md: folder" in result.stderr
