"""Pictures come from the folder of the file that names them (the spec, or the kabupaten base
holding the emblem) and its subfolders, or from the folder `--gambar` names; nowhere else: in a
kabupaten's CI, a spec written by someone else must not embed files of the build machine."""

from __future__ import annotations

import os
import shutil
import struct
import zlib

import pytest
from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"


def _png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def _spec(folder, extra: str):
    text = SPEC.read_text(encoding="utf-8").replace("  provinsi: Jawa Tengah\n",
                                                     "  provinsi: Jawa Tengah\n" + extra, 1)
    assert not extra or text != SPEC.read_text(encoding="utf-8")
    (folder / "s.yaml").write_text(text, encoding="utf-8")
    return folder / "s.yaml"


@pytest.fixture()
def tree(tmp_path):
    (tmp_path / "kecamatan" / "gambar").mkdir(parents=True)
    _png(tmp_path / "luar.png")
    _png(tmp_path / "kecamatan" / "gambar" / "dalam.png")
    return tmp_path


@pytest.mark.parametrize("logo", ["../luar.png", "{root}/luar.png", "gambar/../../luar.png", "tautan.png"])
def test_a_logo_outside_the_spec_folder_is_refused(tree, logo):
    os.symlink(tree / "luar.png", tree / "kecamatan" / "tautan.png")
    spec = _spec(tree / "kecamatan", f"  logo: {logo.format(root=tree)}\n")
    for command in (["validate", spec], ["build", spec, "-o", tree / "x.docx"]):
        result = run_ikugen(*command)
        assert result.returncode == 1
        assert "berada di luar folder" in result.stdout + result.stderr
        assert "[IKU013]" in result.stdout + result.stderr
    assert not (tree / "x.docx").exists()


def test_a_picture_in_a_subfolder_and_one_from_gambar_are_placed(tree):
    spec = _spec(tree / "kecamatan", "  logo: gambar/dalam.png\n")
    assert run_ikugen("build", spec, "-o", tree / "x.docx").returncode == 0
    shutil.copy(tree / "luar.png", tree / "bersama.png")
    spec = _spec(tree / "kecamatan", f"  logo: {tree / 'bersama.png'}\n")
    refused = run_ikugen("build", spec, "-o", tree / "y.docx")
    assert refused.returncode == 1
    result = run_ikugen("build", spec, "-o", tree / "y.docx", "--gambar", tree)
    assert result.returncode == 0, result.stderr


def test_a_markdown_picture_outside_is_refused(tree):
    spec = _spec(tree / "kecamatan", "")
    with spec.open("a", encoding="utf-8") as handle:
        handle.write('teks:\n  latar_belakang: "![peta](/etc/hostname)"\n')
    result = run_ikugen("validate", spec)
    assert result.returncode == 1
    assert "berada di luar folder" in result.stdout and "[IKU016]" in result.stdout


def test_the_emblem_of_a_base_comes_from_the_base_folder(tree):
    base = tree / "dasar.yaml"
    base.write_text("profil:\n  logo: lambang.png\n", encoding="utf-8")
    _png(tree / "lambang.png")
    spec = _spec(tree / "kecamatan", "")
    spec.write_text("dasar: ../dasar.yaml\n" + spec.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_ikugen("build", spec, "-o", tree / "x.docx")
    assert result.returncode == 0, result.stdout + result.stderr
