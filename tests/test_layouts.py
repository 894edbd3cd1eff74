"""Layouts: the Camat's decree, chapters chosen by the spec, and an office's own templates."""

from __future__ import annotations

import difflib
import re

import pytest
from conftest import EXAMPLES, ROOT, run_ikugen
from docx import Document
from docx.oxml.ns import qn
from docx_text import all_text, rows_of

from ikugen.pipeline import load_spec

CERBON = EXAMPLES / "cerbon.yaml"
KALORAN = EXAMPLES / "kaloran.yaml"


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def decree(tmp_path_factory):
    out = tmp_path_factory.mktemp("keputusan") / "cerbon.docx"
    result = run_ikugen("build", CERBON, "-o", out)  # the spec itself says tata_letak: keputusan
    assert result.returncode == 0, result.stderr
    return Document(str(out))


def test_decree_title_and_dicta_in_order(decree):
    text = [p.text for p in decree.paragraphs]
    assert "KEPUTUSAN CAMAT CERBON\nNOMOR 050/020/CBN/2023" in text
    title = text.index("TENTANG")
    assert text[title + 1] == ("PENETAPAN PERUBAHAN ATAS INDIKATOR KINERJA UTAMA (IKU) PADA KECAMATAN "
                               "CERBON KABUPATEN BARITO KUALA TAHUN 2023-2026")
    assert text[title + 2] == "CAMAT CERBON,"
    dicta_table = next(t for t in decree.tables if t.rows[0].cells[0].text == "Menetapkan")
    labels = [r.cells[0].text for r in dicta_table.rows]
    assert labels == ["Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    considerations = next(t for t in decree.tables if t.rows[0].cells[0].text == "Menimbang")
    letters = [r.cells[2].text for r in considerations.rows if r.cells[0].text == "Menimbang"]
    assert letters == ["a.", "b.", "c."]  # an IKU Perubahan gives the extra consideration b.
    signed = [p.text for p in decree.paragraphs if p.style.name == "TandaTangan"]
    assert signed[0] == "Ditetapkan di Cerbon\npada tanggal 19 April 2023"


def test_decree_has_one_annex_per_position_with_tugas_fungsi_and_indicators(decree):
    spek = load_spec(CERBON).spek
    tables = decree.tables
    heads = [i for i, t in enumerate(tables) if t.rows[0].cells[0].text.startswith("Jabatan (Eselon")]
    owners = {s.id: s.pemilik or "camat" for s in spek.sasaran}
    with_indicators = {owners[i.sasaran] for i in spek.indikator}
    positions = [j for j in spek.organisasi if j.id in with_indicators or not j.atasan]
    assert len(heads) == len(positions)
    assert spek.organisasi[0].eselon == "III" and tables[heads[0]].rows[0].cells[2].text == "CAMAT CERBON"
    for index, position in zip(heads, positions, strict=True):
        block = [[c.text for c in r.cells] for r in tables[index].rows]
        tugas = [r[2] for r in block if r[0] == "TUGAS"]
        assert [norm(t) for t in tugas] == ([norm(position.tugas)] if position.tugas else [])  # no "-"
        # Each fungsi a row of its own: its number in a column of its own, the text hanging beside it.
        fungsi = [(r[2], norm(r[3])) for r in block[1 + len(tugas):]]
        assert fungsi == [(f"{k}.", norm(f)) for k, f in enumerate(position.fungsi, 1)]
        assert block[1 + len(tugas)][:2] == ["FUNGSI", ":"] if position.fungsi else True
        table = tables[index + 1]
        assert [c.text for c in table.rows[0].cells] == [
            "Kinerja Utama", "Indikator Kinerja Utama", "Definisi Operasional", "Formulasi Penghitungan",
            "Penanggung Jawab", "Sumber Data"]
        rows = rows_of(table)[1:]
        mine = [i for i in spek.indikator if owners[i.sasaran] == position.id]
        assert [r[1] for r in rows] == [i.nama for i in mine]
        assert [r[3] for r in rows] == [i.rumus or "" for i in mine]  # no value: an empty cell, not "-"


def test_every_place_named_in_the_decree_is_this_kecamatan(decree):
    text = all_text_of(decree)
    assert "Rantau" not in text
    named = set(re.findall(r"Kecamatan ([A-Z][a-z]+)", text))
    assert named == {"Cerbon"}


def all_text_of(document) -> str:
    lines = [p.text for p in document.paragraphs]
    lines += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(lines)


def test_the_same_spec_builds_in_the_standard_layout(built):
    out = built("cerbon", "docx")  # `build cerbon.yaml -o cerbon.docx --layout standar`, once a session
    chapters = [p.text.split("\n")[0] for p in Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert chapters == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I", "BAB II", "BAB III", "BAB IV", "BAB V"]


FOUR_CHAPTERS = """
susunan:
  - bab: Pendahuluan
    bagian: [latar_belakang, maksud_tujuan, landasan_hukum]
  - bab: Penetapan IKU
    bagian: [daftar_iku]
  - bab: Gambaran Umum
    bagian:
      - visi_misi
      - bagian: tupoksi
        judul: Tugas dan Fungsi
      - judul: Capaian Tahun Lalu
        teks: |
          Capaian kinerja tahun lalu menjadi **titik awal** penetapan target.
  - bab: Penutup
    bagian: [penutup]
  - lampiran: Formulir Indikator Kinerja Utama
    bagian: [formulir_iku]
"""


def build_with(tmp_path, extra: str, *options: str) -> tuple[Document, str]:
    spec = tmp_path / "spek.yaml"
    spec.write_text(KALORAN.read_text(encoding="utf-8") + extra, encoding="utf-8")
    out, md = tmp_path / "out.docx", tmp_path / "out.md"
    result = run_ikugen("build", spec, "-o", out, "-o", md, *options)
    assert result.returncode == 0, result.stderr
    return Document(str(out)), md.read_text(encoding="utf-8")


def test_four_chapter_variant_with_a_custom_section(tmp_path):
    doc, md = build_with(tmp_path, FOUR_CHAPTERS)
    headings = [(p.style.name, p.text.replace("\n", " ")) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    assert [t for s, t in headings if s == "Heading 1"] == [
        "KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "BAB II PENETAPAN IKU", "BAB III GAMBARAN UMUM",
        "BAB IV PENUTUP", "LAMPIRAN FORMULIR INDIKATOR KINERJA UTAMA"]
    outline = [h for h in headings if h[0] in ("Heading 1", "Heading 2")]
    chapter3 = outline.index(("Heading 1", "BAB III GAMBARAN UMUM"))
    assert outline[chapter3 + 1: chapter3 + 5] == [
        ("Heading 2", "A. Visi dan Misi"), ("Heading 2", "B. Tugas dan Fungsi"),
        ("Heading 2", "C. Capaian Tahun Lalu"), ("Heading 1", "BAB IV PENUTUP")]
    toc = [p.text for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert "C. Capaian Tahun Lalu" in toc and "LAMPIRAN FORMULIR INDIKATOR KINERJA UTAMA" in toc
    body = next(p for p in doc.paragraphs if p.text.startswith("Capaian kinerja tahun lalu"))
    assert [r.text for r in body.runs if r.bold] == ["titik awal"]
    text = norm(all_text(tmp_path / "out.docx"))
    assert "penanggung jawab setiap indikator tercantum dalam Lampiran." in text  # names the annex
    assert "Visi Kabupaten Temanggung yang didukung oleh Kecamatan Kaloran adalah" in text
    # The IKU in prose: every indicator of the Camat, under its sasaran.
    spek = load_spec(KALORAN).spek
    for ind in spek.indikator:
        assert f"- {ind.nama}" in md


def test_cross_references_follow_the_order(tmp_path):
    order = """
susunan:
  - bab: Gambaran Umum
    bagian: [tupoksi]
  - bab: Pendahuluan
    bagian: [latar_belakang]
  - bab: Penetapan
    bagian: [penetapan]
"""
    _, md = build_with(tmp_path, order)
    assert "telah diuraikan pada BAB I, Indikator Kinerja Utama" in md
    assert "# BAB II<br>PENDAHULUAN" in md


def test_an_office_template_changes_only_its_part(tmp_path):
    default = tmp_path / "default.md"
    assert run_ikugen("build", KALORAN, "-o", default).returncode == 0
    folder = tmp_path / "kantor"
    assert run_ikugen("templates", "copy", "teks/latar_belakang.md.j2", folder).returncode == 0
    (folder / "teks" / "latar_belakang.md.j2").write_text(
        "Latar belakang versi kantor Kecamatan {{ doc.kecamatan }}.\n", encoding="utf-8")
    office = tmp_path / "kantor.md"
    result = run_ikugen("build", KALORAN, "-o", office, "--templates", folder)
    assert result.returncode == 0, result.stderr
    before = default.read_text(encoding="utf-8").splitlines()
    after = office.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert "+Latar belakang versi kantor Kecamatan Kaloran." in changed
    removed = [line for line in changed if line.startswith("-")]
    assert len(removed) == 5 and all(not line.startswith("-#") for line in removed)  # 3 paragraphs, 2 gaps
    assert len(changed) == len(removed) + 1


def test_the_example_office_folder_builds(tmp_path):
    folder = ROOT / "docs" / "gaya-kantor"
    out = tmp_path / "out.docx"
    result = run_ikugen("build", KALORAN, "-o", out, "--templates", folder,
                        "--reference-doc", folder / "referensi.docx")
    assert result.returncode == 0, result.stderr
    doc = Document(str(out))
    # The one font is named once, in the document defaults: every style (headings, tables, the
    # signature, the cover) takes it; none names a font of its own.
    fonts = doc.styles.element.findall(".//" + qn("w:rFonts"))
    assert [f.get(qn("w:ascii")) for f in fonts] == ["Bookman Old Style"]
    assert fonts[0].getparent().getparent().tag == qn("w:rPrDefault")
    cover = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs if p.style.name == "Sampul"]
    assert cover[0] == "PEMERINTAH KABUPATEN TEMANGGUNG"
    assert any(p.text.startswith("Puji syukur kami panjatkan") for p in doc.paragraphs)


@pytest.mark.parametrize("content, expected", [
    ("{{ doc.kecamatn }}\n", "teks/latar_belakang.md.j2:1:1: galat: templat memakai nama yang tidak dikenal"),
    ("baris satu\n{% if %}\n", "teks/latar_belakang.md.j2:2:1: galat: templat tidak sah"),
])
def test_a_template_error_names_the_template_and_line(tmp_path, content, expected):
    folder = tmp_path / "kantor" / "teks"
    folder.mkdir(parents=True)
    (folder / "latar_belakang.md.j2").write_text(content, encoding="utf-8")
    out = tmp_path / "x.docx"
    result = run_ikugen("build", KALORAN, "-o", out, "--templates", tmp_path / "kantor")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_templates_list_and_copy(tmp_path):
    listed = run_ikugen("templates", "list")
    assert listed.returncode == 0
    assert re.search(r"^standar\.md\.j2\s+Dokumen standar", listed.stdout, re.M)
    assert re.search(r"^keputusan/lampiran\.md\.j2\s+Satu lampiran per jabatan", listed.stdout, re.M)
    copied = run_ikugen("templates", "copy", "keputusan", tmp_path)
    assert copied.returncode == 0
    assert (tmp_path / "keputusan" / "diktum.md.j2").exists()
    again = run_ikugen("templates", "copy", "keputusan/diktum.md.j2", tmp_path)
    assert again.returncode == 1 and "tidak ditimpa" in again.stderr
    missing = run_ikugen("templates", "copy", "tidak/ada.md.j2", tmp_path)
    assert missing.returncode == 2


def test_every_packaged_template_is_in_the_catalogue():
    listed = run_ikugen("templates", "list").stdout.splitlines()
    undocumented = [line.split()[0] for line in listed if len(line.split()) == 1]
    assert undocumented == []
