"""No output of a run may be one of its inputs or another of its outputs, and nothing a user named
is lost: a link is written through, a device is refused, a run that made nothing replaces nothing.

Each case is a command a tester ran against 0.1 that overwrote a user's file with exit 0.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def office(tmp_path: Path) -> Path:
    """A folder with two specs, a built document and a reference document."""
    shutil.copy(SPEC, tmp_path / "a.yaml")
    shutil.copy(SPEC, tmp_path / "b.yaml")
    result = run_ikugen("build", "a.yaml", "-o", "IKU.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shutil.copy(tmp_path / "IKU.docx", tmp_path / "REF.docx")
    return tmp_path


@pytest.mark.parametrize("args, kept, message", [
    # The recap over the document just built.
    (["build", "a.yaml", "-o", "IKU.docx", "--rekap", "IKU.docx"], "IKU.docx",
     "IKU.docx: berkas keluaran yang sama disebut dua kali (IKU.docx)"),
    # The recap over the office's reference document, both ways.
    (["rekap", "a.yaml", "-o", "REF.docx", "--reference-doc", "REF.docx"], "REF.docx",
     "REF.docx: berkas keluaran sama dengan berkas masukan REF.docx"),
    (["build", "a.yaml", "-o", "x.docx", "--reference-doc", "REF.docx", "--rekap", "REF.docx"], "REF.docx",
     "REF.docx: berkas keluaran sama dengan berkas masukan REF.docx"),
    # A batch whose reference document or recap is one of its own outputs.
    (["build", "a.yaml", "b.yaml", "-k", ".", "--reference-doc", "a.docx"], "a.docx",
     "a.docx: berkas keluaran sama dengan berkas masukan a.docx"),
    (["build", "a.yaml", "b.yaml", "-k", ".", "--rekap", "b.docx"], "b.docx",
     "b.docx: berkas keluaran yang sama disebut dua kali (b.docx)"),
    # A recap written over the spec it reads (a spec whose name ends in .md).
    (["rekap", "s.md", "-o", "s.md"], "s.md", "s.md: berkas keluaran sama dengan berkas spesifikasi"),
    # The document over an office template of the same run.
    (["build", "a.yaml", "-o", "kantor/teks/kata_pengantar.md", "--templates", "kantor"],
     "kantor/teks/kata_pengantar.md",
     "berkas keluaran sama dengan berkas masukan kantor/teks/kata_pengantar.md"),
])
def test_an_output_that_is_an_input_or_another_output_is_refused(office, args, kept, message):
    shutil.copy(SPEC, office / "s.md")
    shutil.copy(office / "IKU.docx", office / "a.docx")
    shutil.copy(office / "IKU.docx", office / "b.docx")
    (office / "kantor" / "teks").mkdir(parents=True)
    (office / "kantor" / "teks" / "kata_pengantar.md").write_text("milik kantor\n", encoding="utf-8")
    before = {p: _digest(p) for p in office.rglob("*") if p.is_file()}
    result = run_ikugen(*args, cwd=office)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: _digest(p) for p in office.rglob("*") if p.is_file()}
    assert after == before, "a refused run changed or added a file"
    assert (office / kept).exists()


def test_a_base_spec_is_never_an_output(tmp_path):
    (tmp_path / "dasar.md").write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.yaml").write_text("dasar: dasar.md\n", encoding="utf-8")
    before = _digest(tmp_path / "dasar.md")
    result = run_ikugen("build", "a.yaml", "-o", "dasar.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "dasar.md: berkas keluaran sama dengan berkas masukan dasar.md" in result.stderr
    assert _digest(tmp_path / "dasar.md") == before


def test_a_link_as_target_is_written_through(office):
    (office / "IKU.docx").write_bytes(b"old")
    os.symlink("IKU.docx", office / "link.docx")
    result = run_ikugen("build", "a.yaml", "-o", "link.docx", cwd=office)
    assert result.returncode == 0, result.stderr
    assert (office / "link.docx").is_symlink(), "the link was replaced by a file"
    assert (office / "IKU.docx").read_bytes()[:2] == b"PK", "the file the link points at kept the old bytes"
    assert not [p.name for p in office.iterdir() if p.name.endswith(".tmp")]


def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path):
    fifo = tmp_path / "pipa.md"
    os.mkfifo(fifo)
    result = run_ikugen("build", SPEC, "-o", fifo)
    assert result.returncode == 1
    assert "pipa.md: bukan berkas biasa (perangkat, pipa atau soket); tidak ditimpa" in result.stderr
    assert fifo.exists() and not fifo.is_file()


def test_a_recap_of_nothing_replaces_nothing(tmp_path):
    (tmp_path / "rusak.yaml").write_text("x: [\n", encoding="utf-8")
    (tmp_path / "rekap.docx").write_bytes(b"the last good recap")
    result = run_ikugen("rekap", "rusak.yaml", "-o", "rekap.docx", cwd=tmp_path)
    assert result.returncode == 1
    assert "rekap.docx tidak ditulis: tidak ada spesifikasi yang sah untuk direkap" in result.stderr
    assert (tmp_path / "rekap.docx").read_bytes() == b"the last good recap"


def test_a_long_legal_output_name_is_written(tmp_path):
    # 245 characters is a legal name; the temporary file beside it must not be longer than 255.
    name = "d" * 240 + ".docx"
    result = run_ikugen("build", SPEC, "-o", tmp_path / name)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("value", ["²", "1e12", "-5", "abc"])
def test_source_date_epoch_is_checked_like_any_input(tmp_path, value):
    result = run_ikugen("build", SPEC, "-o", tmp_path / "x.docx",
                        env={**os.environ, "SOURCE_DATE_EPOCH": value})
    assert result.returncode == 2, result.stderr
    assert "SOURCE_DATE_EPOCH=" in result.stderr and "harus detik sejak 1970-01-01" in result.stderr
    assert not (tmp_path / "x.docx").exists()
