"""An office's templates cannot allocate without bound.

The cases of issue 12 (a template linked outside the folders, padding and repeating while Jinja
compiles, a heading with a control character) are in tests/bad_inputs/run/, run by
test_run_cases.py. Here: the one that needs a process with a lowered address-space limit.
"""

from __future__ import annotations

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


def test_an_office_template_may_replace_and_wrap_text(tmp_path):
    """`replace` and `wordwrap` take Jinja's context first: the bounded versions must pass it on."""
    folder = _office(tmp_path, "{{ 'Kata Pengantar kantor'|replace('kantor', 'Kaloran') }}\n\n"
                               "{{ 'satu dua tiga empat'|wordwrap(9) }}\n")
    out = tmp_path / "IKU.md"
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder)
    assert result.returncode == 0, result.stderr[-500:]
    text = out.read_text(encoding="utf-8")
    assert "Kata Pengantar Kaloran" in text and "satu dua\ntiga\nempat" in text


def test_an_office_template_replace_that_grows_without_bound_is_refused(tmp_path):
    folder = _office(tmp_path, "{{ ('x' * 1000)|replace('x', 'y' * 10000) }}\n")
    out = tmp_path / "IKU.md"
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder)
    assert result.returncode == 1, result.stderr[-500:]
    assert "hasil 'replace' terlalu panjang" in result.stderr and "[IKU014]" in result.stderr
    assert not out.exists()
