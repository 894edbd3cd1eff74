"""Many specs in one run: a folder to one document per kecamatan, in parallel, with a recap."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_tool, run_ikugen
from docx import Document

KABUPATEN = EXAMPLES / "kabupaten-temanggung"

FILLED = {
    '"ISI: wilayah di sebelah utara"': "Kabupaten Kendal",
    '"ISI: wilayah di sebelah timur"': "Kecamatan Jumo",
    '"ISI: wilayah di sebelah selatan"': "Kecamatan Kedu",
    '"ISI: wilayah di sebelah barat"': "Kecamatan Ngadirejo",
    '"ISI: nama Camat Kandangan dengan gelar"': "Nama Uji, S.Sos",
    '"ISI: pangkat Camat"': "Pembina",
    '"ISI: NIP Camat (18 angka)"': '"19700101 199001 1 001"',
    '"ISI: nama desa atau kelurahan"': "Desa Uji",
    '"ISI: rumusan tujuan"': "Tujuan uji",
    '"ISI: rumusan sasaran"': "Sasaran uji",
    '"ISI: nama indikator"': "Persentase uji",
    '"ISI: rumus penghitungan"': "a dibagi b",
    '"ISI: sumber data"': "Data uji",
}


def kabupaten_copy(tmp_path: Path, filled: bool) -> Path:
    folder = tmp_path / "spek"
    shutil.copytree(KABUPATEN, folder)
    if filled:
        spec = folder / "kandangan.yaml"
        text = spec.read_text(encoding="utf-8")
        for blank, value in FILLED.items():
            text = text.replace(blank, value)
        assert "ISI:" not in text.split("dasar: dasar.yaml", 1)[1]
        spec.write_text(text, encoding="utf-8")
    return folder


def test_the_kabupaten_folder_builds_with_one_failure_reported_and_a_recap(tmp_path):
    out = tmp_path / "dokumen"
    # A real process: its stderr a pipe, not a terminal (the progress lines), its own workers.
    result = run_ikugen("build", KABUPATEN, "--keluaran", out, "-j", "2", "--rekap", out / "rekap.docx",
                        timeout=300, process=True)
    assert result.returncode == 1
    err = result.stderr
    assert "kandangan.yaml:20:9: galat: belum diisi: nama Camat Kandangan dengan gelar" in err
    assert "2 spesifikasi: 1 dokumen dibuat di" in err and ", 1 gagal:" in err
    assert re.search(rf"\n  {re.escape(str(KABUPATEN / 'kandangan.yaml'))}: 1\d galat \(pertama: ", err)
    assert "[1/2]" in err and "[2/2]" in err  # plain progress lines: stderr is not a terminal
    assert sorted(p.name for p in out.iterdir()) == ["kaloran.docx", "rekap.docx"]
    assert Document(str(out / "kaloran.docx")).core_properties.author == "Kecamatan Kaloran"
    cells = [c.text for t in Document(str(out / "rekap.docx")).tables for r in t.rows for c in r.cells]
    assert "Kaloran" in cells and "Persentase kepemilikan KTP-El di kecamatan" in cells
    assert "Kandangan" not in cells


def test_a_filled_in_folder_builds_every_document(tmp_path):
    folder = kabupaten_copy(tmp_path, filled=True)
    out = tmp_path / "dokumen"
    result = run_ikugen("build", folder, "-k", out, "--format", "md", "--rekap", out / "rekap.md",
                        timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["kaloran.md", "kandangan.md", "rekap.md"]
    recap = (out / "rekap.md").read_text(encoding="utf-8")
    assert recap.count("<table>") == 1
    assert "Kandangan" in recap and "Kaloran" in recap and "KECAMATAN SE-KABUPATEN TEMANGGUNG" in recap
    assert "ditulis: " in result.stderr and "(rekap 2 kecamatan, 11 indikator)" in result.stderr


def test_the_rekap_command_writes_only_the_recap(tmp_path):
    out = tmp_path / "rekap.md"
    result = run_ikugen("rekap", EXAMPLES / "kaloran.yaml", EXAMPLES / "cerbon.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.md"]
    text = out.read_text(encoding="utf-8")
    assert text.index(">Cerbon<") < text.index(">Kaloran<")  # sorted by kecamatan


@pytest.mark.slow  # two PDFs laid out by LibreOffice
def test_pdfs_of_a_batch_come_from_one_libreoffice_run(tmp_path):
    require_tool("soffice")
    out = tmp_path / "pdf"
    result = run_ikugen("build", EXAMPLES / "kaloran.yaml", EXAMPLES / "kalimanah.yaml", "-k", out,
                        "--format", "pdf", "--format", "docx", timeout=600)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["kalimanah.docx", "kalimanah.pdf", "kaloran.docx", "kaloran.pdf"]
    assert all((out / n).read_bytes().startswith(b"%PDF") for n in names if n.endswith(".pdf"))


def test_usage_errors_of_a_batch(tmp_path):
    twin = tmp_path / "kaloran.yaml"
    shutil.copy(EXAMPLES / "kaloran.yaml", twin)
    result = run_ikugen("build", EXAMPLES / "kaloran.yaml", twin, "-k", tmp_path / "out")
    assert result.returncode == 2 and "akan menulis keluaran bernama sama (kaloran.*)" in result.stderr
    assert not (tmp_path / "out").exists()
    result = run_ikugen("build", EXAMPLES / "kaloran.yaml", EXAMPLES / "cerbon.yaml",
                        "-o", tmp_path / "a.docx")
    assert result.returncode == 2 and "pakai --keluaran FOLDER" in result.stderr
    result = run_ikugen("build", EXAMPLES, "-k", tmp_path, "--rekap", tmp_path / "r.pdf")
    assert result.returncode == 2 and "rekap ditulis sebagai .docx atau .md" in result.stderr


def test_a_spec_that_cannot_be_read_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("dokumen: [\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "kalimanah.yaml", tmp_path / "kalimanah.yaml")
    out = tmp_path / "out"
    result = run_ikugen("build", tmp_path, "-k", out, "--format", "md", "-j", "2")
    assert result.returncode == 1
    assert "rusak.yaml:2:1: galat:" in result.stderr
    assert (out / "kalimanah.md").exists() and not (out / "rusak.md").exists()


def test_progress_bar_on_a_terminal():
    from ikugen.kabupaten.progress import Progress

    stream = io.StringIO()
    bar = Progress(2, stream, tty=True)
    bar.step("a.yaml", True)
    bar.say("a.yaml:1:1: galat: x")
    bar.step("b.yaml", False)
    bar.close()
    text = stream.getvalue()
    assert "\r\x1b[K[##############--------------] 1/2  a.yaml" in text
    assert "\r\x1b[Ka.yaml:1:1: galat: x\n" in text
    assert "[############################] 2/2, 1 gagal  b.yaml\n" in text


def test_single_spec_build_keeps_its_behaviour(tmp_path):
    result = run_ikugen("build", EXAMPLES / "kaloran.yaml", "--format", "md", "--format", "docx",
                        cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaloran.docx", "kaloran.md"]
    assert "spesifikasi:" not in result.stderr  # no batch summary for one spec
