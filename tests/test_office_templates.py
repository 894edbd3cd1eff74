"""An office's templates run in the sandbox, read only inside the template folders, and cannot
allocate without bound, at run time or while Jinja compiles them."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
FOREWORD = "teks/kata_pengantar.md.j2"


def _office(tmp_path, text=None):
    folder = tmp_path / "kantor"
    (folder / "teks").mkdir(parents=True)
    if text is not None:
        (folder / FOREWORD).write_text(text, encoding="utf-8")
    return folder


def test_a_template_linked_to_a_file_outside_the_folders_is_refused(tmp_path):
    folder = _office(tmp_path)
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi mesin\n", encoding="utf-8")
    os.symlink(secret, folder / FOREWORD)
    out = tmp_path / "IKU.md"
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder)
    assert result.returncode == 1
    assert f"templat '{FOREWORD}' menunjuk ke berkas di luar folder templat" in result.stderr
    assert "kata sandi" not in result.stderr
    assert not out.exists()


def test_a_link_to_a_packaged_template_is_fine(tmp_path):
    from ikugen.package_data import templates_dir  # installed, or the source tree's

    folder = _office(tmp_path)
    os.symlink(templates_dir() / FOREWORD, folder / FOREWORD)
    result = run_ikugen("build", SPEC, "-o", tmp_path / "IKU.md", "--templates", folder)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("expression, what", [
    ("{{ 'x'|center(1500000000) }}", "lebar 'center' terlalu besar"),   # folded while compiling, in 0.1
    ("{{ 'x'.ljust(1500000000) }}", "lebar 'ljust' terlalu besar"),
    ("{{ '%1500000000s'|format(1) }}", "lebar format terlalu besar"),
    ("{{ ('x' * 900000)|replace('x', 'xxxxxxxxxx') }}", "hasil 'replace' terlalu panjang"),
    ("{{ '{:>1500000000}'.format(1) }}", "lebar format terlalu besar"),
    ("{{ 'a'|indent(1500000000, true) }}", "lebar 'indent' terlalu besar"),
    ("{{ '{:>{}}'.format(1, 1500000000) }}", "lebar format terlalu besar"),
])
def test_padding_and_repeating_are_bounded(tmp_path, expression, what):
    folder = _office(tmp_path, expression + "\n")
    out = tmp_path / "IKU.md"
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"{folder / FOREWORD}:1:1: galat: templat melampaui batas: {what} (batas 1.000.000) [IKU014]" \
        in result.stderr
    assert not out.exists()


def test_a_heading_with_a_control_character_is_refused_at_its_place(tmp_path):
    folder = tmp_path / "kantor"
    (folder / "bagian").mkdir(parents=True)
    (folder / "bagian" / "judul.yaml").write_text('latar_belakang: "Latar\\x07 Belakang"\n', encoding="utf-8")
    for command in (["validate", SPEC], ["build", SPEC, "-o", tmp_path / "x.md"]):
        result = run_ikugen(*command, "--templates", folder)
        assert result.returncode == 1
        assert (f"{folder / 'bagian' / 'judul.yaml'}:1:17: galat: judul memuat karakter kendali U+0007 "
                "(posisi ke-6)") in result.stdout + result.stderr
    assert not (tmp_path / "x.md").exists()


@pytest.mark.slow  # makes gigabytes of text until the limit stops it
def test_an_office_template_that_exhausts_memory_is_the_offices_to_fix(tmp_path):
    """Run in a process with 2 GiB of address space: the loop makes 2 GB of text."""
    folder = _office(tmp_path, "{% for a in range(10000) %}{% for b in range(10000) %}xxxxxxxxxxxxxxxxxxxx"
                               "{% endfor %}{% endfor %}\n")
    import resource

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))

    out = tmp_path / "IKU.md"
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder, preexec_fn=limited, timeout=120)
    assert result.returncode == 1, result.stderr[-500:]
    assert "templat kantor menghasilkan teks terlalu besar sehingga memori habis" in result.stderr
    assert "[IKU014]" in result.stderr and not out.exists()
