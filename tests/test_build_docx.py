"""`ikugen build` to DOCX, checked by reopening the file: python-docx, pandoc, and the XML."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, require_tool, run_ikugen
from docx import Document
from docx_text import W, all_text, document_xml, part

from ikugen.pipeline import load_spec
from ikugen.view import indonesian as idn


def spec(name):
    return load_spec(EXAMPLES / f"{name}.yaml").spek


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_fact_is_in_the_docx(built, name):
    s = spec(name)
    text = norm(all_text(built(name, "docx")))
    for w in s.wilayah:
        assert f"{'Desa' if w.jenis == 'desa' else 'Kelurahan'} {w.nama}" in text
    for j in s.organisasi:
        assert norm(j.nama) in text
        for f in j.fungsi:
            assert norm(f) in text
    for ind in s.indikator:
        assert norm(ind.nama) in text
        if ind.rumus:
            assert norm(ind.rumus) in text
    assert f"NIP. {idn.nip(s.pimpinan.nip)}" in text
    assert norm(s.pimpinan.nama) in text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_pandoc_reads_every_fact(built, name):
    """A second, independent DOCX reader finds the same content."""
    pandoc = require_tool("pandoc")
    s = spec(name)
    out = subprocess.run([pandoc, str(built(name, "docx")), "-t", "plain", "--wrap=none"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    text = norm(out.stdout)
    for w in s.wilayah:
        assert w.nama in text
    for j in s.organisasi:
        assert norm(j.nama) in text
    for ind in s.indikator:
        assert norm(ind.nama) in text
        if ind.rumus:
            assert norm(ind.rumus) in text
    for reg in s.profil.landasan_hukum:
        assert norm(reg) in text


def test_counts_are_derived_in_words_and_digits(built):
    assert "terbagi menjadi 14 (empat belas) desa, yaitu" in norm(all_text(built("kaloran", "docx")))
    text = norm(all_text(built("kalimanah", "docx")))
    assert "terbagi menjadi 14 (empat belas) desa dan 3 (tiga) kelurahan, yaitu" in text
    assert "salah satu dari 18 (delapan belas) kecamatan di Kabupaten Purbalingga" in text


def test_headings_use_heading_styles_and_chapters_are_centred(built):
    doc = Document(str(built("kaloran", "docx")))
    headings = [(p.style.name, p.text.replace("\n", " ")) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    chapters = [t for s, t in headings if s == "Heading 1" and t.startswith("BAB")]
    assert chapters == ["BAB I PENDAHULUAN", "BAB II PENGERTIAN INDIKATOR KINERJA", "BAB III GAMBARAN UMUM",
                        "BAB IV PENETAPAN INDIKATOR KINERJA UTAMA", "BAB V PENUTUP"]
    assert ("Heading 2", "A. Latar Belakang") in headings
    assert doc.styles["Heading 1"].paragraph_format.alignment == 1  # centred


def test_table_of_contents_is_a_prefilled_field_flagged_for_update(built):
    path = built("kaloran", "docx")
    xml = document_xml(path)
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-2" \\h \\z \\u </w:instrText>', xml)
    assert 'w:fldCharType="begin" w:dirty="true"' in xml
    doc = Document(str(path))
    toc = [p.text for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert toc[:4] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "A. Latar Belakang"]
    assert "BAB V PENUTUP" in toc
    assert '<w:updateFields w:val="true"/>' in part(path, "word/settings.xml")


def test_lists_are_real_numbered_lists(built):
    xml = document_xml(built("kaloran", "docx"))
    numbering = part(built("kaloran", "docx"), "word/numbering.xml")
    assert xml.count("<w:numPr>") > 40
    assert '<w:numFmt w:val="lowerLetter"/>' in numbering and '<w:numFmt w:val="decimal"/>' in numbering


def _sections(xml: str) -> list[str]:
    return re.findall(r"<w:sectPr>.*?</w:sectPr>", xml)


def test_page_numbers_roman_then_arabic_and_landscape_tables(built):
    sections = _sections(document_xml(built("kaloran", "docx")))
    assert "pgNumType" not in sections[0]  # the cover carries no number
    assert '<w:pgNumType w:fmt="lowerRoman" w:start="1"/>' in sections[1]
    assert '<w:pgNumType w:fmt="decimal" w:start="1"/>' in sections[2]
    landscape = [s for s in sections if 'w:orient="landscape"' in s]
    assert len(landscape) == 1 and 'w:start' not in landscape[0]  # numbering continues
    assert all("footerReference" in s for s in sections[1:])


def test_no_table_is_wider_than_its_page(built):
    for name in EXAMPLE_NAMES:
        xml = document_xml(built(name, "docx"))
        pos = 0
        for section in _sections(xml):
            end = xml.index(section, pos)
            size = re.search(r'<w:pgSz w:w="(\d+)"', section).group(1)
            left = re.search(r'w:left="(\d+)"', section).group(1)
            right = re.search(r'w:right="(\d+)"', section).group(1)
            text_width = int(size) - int(left) - int(right)
            for width in re.findall(r'<w:tblW w:w="(\d+)"', xml[pos:end]):
                assert int(width) <= text_width
            pos = end + len(section)


def test_iku_table_merges_sasaran_over_its_indicators(built):
    doc = Document(str(built("kaloran", "docx")))
    s = spec("kaloran")
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Penanggung Jawab")
    assert table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    by_sasaran = {x.id: [i for i in s.indikator if i.sasaran == x.id] for x in s.sasaran}
    # A tujuan's own indicators come first, above its sasaran: the sasaran cell empty.
    own = [i for t in s.tujuan for i in t.indikator]
    assert own and [r.cells[3].text for r in table.rows[1:1 + len(own)]] == [i.nama for i in own]
    assert all(r.cells[2].text == "" for r in table.rows[1:1 + len(own)])
    assert table.rows[1].cells[1].text == s.tujuan[0].uraian
    row = 1 + len(own)
    for x in s.sasaran:
        inds = by_sasaran[x.id]
        cells = [r.cells[2] for r in table.rows[row:row + len(inds)]]
        assert all(c.text == x.uraian for c in cells)  # one merged cell seen from each row
        assert len({id(c._tc) for c in cells}) == 1
        for k, ind in enumerate(inds):
            assert table.rows[row + k].cells[3].text == ind.nama
        row += len(inds)
    assert row == len(table.rows)


def test_a_spec_without_targets_prints_no_target_table(built):
    # Kaloran's original has no target table; a grid of "-" would be facts nobody wrote.
    doc = Document(str(built("kaloran", "docx")))
    assert not [t for t in doc.tables if "Kondisi Awal" in [c.text for c in t.rows[0].cells]]
    assert not [p for p in doc.paragraphs if p.text.startswith("TARGET INDIKATOR")]
    assert not [c for t in doc.tables for r in t.rows for c in r.cells if c.text == "-"]


def test_targets_print_in_indonesian_notation(tmp_path):
    source = (EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8")
    source = source.replace("    sumber_data: Kecamatan Kaloran\n",
                            "    sumber_data: Kecamatan Kaloran\n    kondisi_awal: 1234.5\n"
                            "    target: {2019: 80, 2020: \"87,5\", 2022: 10000}\n", 1)
    spec_path = tmp_path / "t.yaml"
    spec_path.write_text(source, encoding="utf-8")
    out = tmp_path / "t.docx"
    result = run_ikugen("build", spec_path, "-o", out)
    assert result.returncode == 0, result.stderr
    doc = Document(str(out))
    table = next(t for t in doc.tables if "Kondisi Awal" in [c.text for c in t.rows[0].cells])
    header = [c.text for c in table.rows[0].cells]
    # Only the years some indicator has a target for; no Satuan column, as no indicator has one.
    assert header[header.index("Kondisi Awal"):] == ["Kondisi Awal", "2019", "2020", "2022"]
    first = [c.text for c in table.rows[1].cells]
    assert first[header.index("Kondisi Awal"):] == ["1.234,5", "80", "87,5", "10.000"]
    assert all(c.text == "" for r in table.rows[2:] for c in r.cells[header.index("Kondisi Awal"):])


def test_document_properties_come_from_the_spec(built):
    props = Document(str(built("cerbon", "docx"))).core_properties
    assert props.title == "Perubahan Indikator Kinerja Utama Kecamatan Cerbon Tahun 2023-2026"
    assert props.author == "Kecamatan Cerbon"
    assert props.subject == "IKU Kecamatan Cerbon, Kabupaten Barito Kuala"
    assert props.created.year == 2023


def test_cover_and_signature(built):
    doc = Document(str(built("cerbon", "docx")))
    # A page-high grid: the title a third down (no emblem), the office and the period at its foot.
    grid = doc.tables[0]
    cover = [[p.text for p in row.cells[0].paragraphs] for row in grid.rows]
    assert cover == [["INDIKATOR KINERJA UTAMA (IKU)", "PERUBAHAN"],
                     ["KECAMATAN CERBON", "KABUPATEN BARITO KUALA", "TAHUN 2023-2026"]]
    assert [row.cells[0].vertical_alignment.name for row in grid.rows] == ["CENTER", "BOTTOM"]
    names = [p for p in doc.paragraphs if p.style.name == "TandaTanganNama"]
    assert len(names) == 2  # foreword and closing
    first = names[0]
    assert first.runs[0].bold and first.runs[0].text == spec("cerbon").pimpinan.nama == "Hasbian Noor, SSTP"
    assert first.text.endswith("NIP. 19850924 200412 1 001")
    above = [p.text for p in doc.paragraphs if p.style.name == "TandaTangan"]
    assert above[:2] == ["Cerbon, 19 April 2023", "CAMAT CERBON"]
