"""What loading a spec checks besides the spec's values, and the one model of problems and exit codes.

A build reads more than the spec: the pictures it names, the template folders' data files and an
office's templates. All of it is checked when the spec is loaded, so `validate` (given the same
`--layout` and `--templates` as `build`) finds the same problems at the same places, and each of
those files is read once per build. Every problem, a template's included, prints as
`file:line:column: severity: message [CODE]`; `errors.exit_code` decides every exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, office, run_ikugen

from ikugen.errors import (
    IkugenError,
    OutputError,
    Problem,
    SpecError,
    Terminated,
    UsageError,
    exit_code,
)

sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
import make  # noqa: E402  (tests/bad_inputs/make.py)

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
KALORAN = EXAMPLES / "kaloran.yaml"


def both(tmp_path: Path, *args) -> tuple:
    """`validate` and `build -o x.docx` with the same arguments: (exit code, stderr+stdout) each."""
    checked = run_ikugen("validate", *args)
    built = run_ikugen("build", *args[:1], "-o", tmp_path / "x.docx", *args[1:])
    assert not (tmp_path / "x.docx").exists() or built.returncode == 0
    return (checked.returncode, checked.stdout + checked.stderr), (built.returncode, built.stderr)


# ---- an office's folder, checked by validate as by build ---------------------------------------

def test_an_office_template_syntax_error_is_found_by_validate_at_its_line(tmp_path):
    folder = office(tmp_path, {"teks/penutup.md.j2": "Salam.\n{% if %}\n"})
    (code, out), (build_code, err) = both(tmp_path, SPEC, "--templates", folder)
    line = (f"{folder}/teks/penutup.md.j2:2:1: galat: templat tidak sah: Expected an expression, "
            "got 'end of statement block' [IKU014]")
    assert (code, build_code) == (1, 1)
    assert line in out.splitlines() and line in err.splitlines()
    assert run_ikugen("validate", SPEC).returncode == 0  # without the folder: nothing to report


def test_a_template_the_document_does_not_use_is_checked_too(tmp_path):
    folder = office(tmp_path, {"catatan/lama.md.j2": "{{ }}\n"})
    (code, out), (build_code, err) = both(tmp_path, SPEC, "--templates", folder)
    assert (code, build_code) == (1, 1)
    assert f"{folder}/catatan/lama.md.j2:1:1: galat: templat tidak sah" in out
    assert f"{folder}/catatan/lama.md.j2:1:1: galat: templat tidak sah" in err


def test_a_template_too_deep_to_compile_is_a_problem_not_a_bug(tmp_path):
    folder = office(tmp_path, {"teks/penutup.md.j2": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n"})
    (code, out), (build_code, err) = both(tmp_path, SPEC, "--templates", folder)
    line = (f"{folder}/teks/penutup.md.j2:1:1: galat: templat tidak dapat dibaca: bersarang terlalu "
            "dalam [IKU014]")
    assert (code, build_code) == (1, 1)
    assert line in out.splitlines() and line in err.splitlines()


def test_an_office_susunan_is_checked_by_validate_at_its_lines(tmp_path):
    folder = office(tmp_path, {"susunan/standar.yaml": "- bab: Pendahuluan\n  bagian: [tidak_ada]\n"})
    (code, out), (build_code, err) = both(tmp_path, SPEC, "--templates", folder)
    assert (code, build_code) == (1, 1)
    assert f"{folder}/susunan/standar.yaml:2:12: galat: nilai 'tidak_ada'" in out
    assert f"{folder}/susunan/standar.yaml:2:12: galat: nilai 'tidak_ada'" in err


def test_an_office_susunan_is_not_read_when_the_spec_has_its_own(tmp_path):
    folder = office(tmp_path, {"susunan/standar.yaml": "- bab: Pendahuluan\n  bagian: [tidak_ada]\n"})
    spec = tmp_path / "spek.yaml"
    spec.write_text(SPEC.read_text(encoding="utf-8")
                    + "susunan:\n  - bab: Pendahuluan\n    bagian: [latar_belakang]\n", encoding="utf-8")
    (code, out), (build_code, err) = both(tmp_path, spec, "--templates", folder)
    assert (code, build_code) == (0, 0), out + err


def test_office_headings_that_are_not_a_mapping_are_told_at_their_line(tmp_path):
    folder = office(tmp_path, {"bagian/judul.yaml": "latar_belakang: Latar Belakang\npenutup: [Penutup]\n"})
    (code, out), (build_code, err) = both(tmp_path, SPEC, "--templates", folder)
    line = (f"{folder}/bagian/judul.yaml:2:10: galat: bagian/judul.yaml di folder templat harus berupa "
            "pemetaan nama bagian: judul [IKU014]")
    assert (code, build_code) == (1, 1)
    assert line in out.splitlines() and line in err.splitlines()


def test_validate_takes_the_layout_and_templates_of_build(tmp_path):
    assert run_ikugen("validate", KALORAN, "--layout", "keputusan").returncode == 0
    missing = run_ikugen("validate", KALORAN, "--templates", tmp_path / "tidak-ada")
    assert missing.returncode == 2
    assert f"galat: {tmp_path / 'tidak-ada'}: folder templat tidak ditemukan" in missing.stderr
    helps = [run_ikugen(command, "--help").stdout for command in ("validate", "build")]
    for text in ("Tata letak dokumen; menggantikan dokumen.tata_letak di spesifikasi.",
                 "Folder templat kantor, dicari sebelum templat bawaan."):
        assert all(text in " ".join(h.split()) for h in helps), text


def test_a_folder_of_specs_is_validated_with_the_office_folder(tmp_path):
    folder = office(tmp_path, {"teks/penutup.md.j2": "{% if %}\n"})
    specs = tmp_path / "spek"
    specs.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (specs / name).write_bytes(SPEC.read_bytes())
    result = run_ikugen("validate", specs, "--templates", folder, "-j", "2")
    assert result.returncode == 1
    assert result.stdout.count("teks/penutup.md.j2:1:1: galat: templat tidak sah") == 2  # once per spec


# ---- a template's problem is a problem ---------------------------------------------------------

def test_a_template_problem_prints_like_every_problem(tmp_path):
    folder = office(tmp_path, {"teks/penutup.md.j2": "satu\n{{ doc.tidak_ada }}\n"})
    result = run_ikugen("build", SPEC, "-o", tmp_path / "x.md", "--templates", folder)
    assert result.returncode == 1
    [line] = [x for x in result.stderr.splitlines() if "templat" in x]
    assert line.startswith(f"{folder}/teks/penutup.md.j2:2:1: galat: templat memakai nama yang tidak dikenal")
    assert line.endswith("[IKU014]")


def test_a_recap_template_problem_exits_1_with_its_place(tmp_path):
    folder = office(tmp_path, {"rekap.md.j2": "{{ rekap.tidak_ada }}\n"})
    out = tmp_path / "rekap.md"
    result = run_ikugen("rekap", SPEC, "-o", out, "--templates", folder)
    assert result.returncode == 1, result.stderr
    assert f"{folder}/rekap.md.j2:1:1: galat: templat memakai nama yang tidak dikenal" in result.stderr
    assert "[IKU014]" in result.stderr and not out.exists()


def test_the_markdown_check_cannot_be_skipped(tmp_path):
    result = run_ikugen("validate", SPEC, "--abaikan", "IKU015")
    assert result.returncode == 2
    assert "--abaikan IKU015: IKU015 tidak dapat dilewati" in result.stderr


# ---- each file read once ----------------------------------------------------------------------

_OPENED: list[str] = []
_WATCHING: list[bool] = []


def _audit(event: str, args: tuple) -> None:
    if _WATCHING and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _OPENED.append(str(Path(args[0] if not isinstance(args[0], bytes) else args[0].decode()).resolve()))


def test_each_file_a_build_reads_is_read_once(tmp_path):
    """The spec, its logo, the office's data files and templates: opened once for a build to
    both formats (load, render, write), counted by Python's audit events."""
    from ikugen.pipeline import Options, build, load_spec

    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "lambang.png").write_bytes(make.png(40, 20))
    spec = tmp_path / "spek.yaml"
    spec.write_text(make._profil("  logo: gambar/lambang.png"), encoding="utf-8")
    packaged = ROOT / "templates"
    names = ("susunan/standar.yaml", "bagian/judul.yaml", "teks/penutup.md.j2")
    folder = office(tmp_path, {name: (packaged / name).read_text(encoding="utf-8") for name in names})
    if not _WATCHING:
        sys.addaudithook(_audit)  # cannot be removed: `_WATCHING` turns it off
    _OPENED.clear()
    _WATCHING.append(True)
    try:
        options = Options(templates=folder)
        build(load_spec(spec, options=options), [tmp_path / "x.docx", tmp_path / "x.md"], options)
    finally:
        _WATCHING.clear()
    watched = [spec, tmp_path / "gambar" / "lambang.png", folder / "susunan" / "standar.yaml",
               folder / "bagian" / "judul.yaml"]
    assert {str(p): _OPENED.count(str(p.resolve())) for p in watched} == {str(p): 1 for p in watched}
    assert (tmp_path / "x.docx").exists() and (tmp_path / "x.md").exists()


# ---- one grammar, one function for exit codes ---------------------------------------------------

def test_the_writer_follows_every_directive_the_grammar_accepts():
    from ikugen.spec import markdown_directives as grammar
    from ikugen.writers import docx, docx_parts

    assert tuple(docx._NUMBER_FORMAT) == grammar.NUMBER_FORMATS
    assert docx_parts.LIST_KINDS == grammar.LIST_KINDS


@pytest.mark.parametrize("outcome, expected", [
    ({}, 0),
    ({"problems": [Problem("s.yaml", 1, 1, "peringatan", "IKU404", "x")]}, 0),
    ({"problems": [Problem("s.yaml", 1, 1, "peringatan", "IKU404", "x")], "strict": True}, 1),
    ({"problems": [Problem("s.yaml", 1, 1, "galat", "IKU105", "x")]}, 1),
    ({"failed": True}, 1),
    ({"failed": True, "bug": True}, 70),
    ({"usage": True}, 2),
    ({"ended": UsageError("x")}, 2),
    ({"ended": SpecError([])}, 1),
    ({"ended": OutputError("x")}, 1),
    ({"ended": IkugenError("x")}, 1),
    ({"ended": PermissionError(13, "x")}, 1),
    ({"ended": RuntimeError("bug")}, 70),
    ({"ended": KeyboardInterrupt()}, 130),
    ({"ended": Terminated()}, 143),
])
def test_exit_codes_are_decided_in_one_place(outcome, expected):
    assert exit_code(**outcome) == expected
