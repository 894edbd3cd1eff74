"""The cover balanced on its page and the letterhead with its emblem (writers/docx_grid.py): as
Word reads them from the DOCX (python-docx), and as LibreOffice prints them (pdftotext)."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_tool, run_ikugen
from docx import Document
from docx.oxml.ns import qn

from ikugen.proof.layout import read_pages


def _emblem(width: int = 60, height: int = 72) -> bytes:
    """A real (if plain) PNG: a red shield LibreOffice can draw."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xc8\x1e\x1e" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _spec(tmp_path: Path, example: str, profil: str = "", dokumen: str = "", paper: str = "A4") -> Path:
    """The example with `profil` lines added after its kabupaten, `dokumen` lines after its paper."""
    (tmp_path / "lambang.png").write_bytes(_emblem())
    text = (EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^# yaml-language-server.*\n", "", text)
    text = text.replace("  kertas: A4\n", f"  kertas: {paper}\n{dokumen}", 1)
    text = re.sub(r"^(  kabupaten: .*\n)", lambda m: m.group(1) + profil, text, count=1, flags=re.M)
    spec = tmp_path / f"{example}.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def _build(spec: Path, *suffixes: str, layout: str = "") -> list[Path]:
    outs = [spec.with_suffix(s) for s in suffixes]
    args = [a for o in outs for a in ("-o", o)] + (["--layout", layout] if layout else [])
    result = run_ikugen("build", spec, *args, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "[IKU95" not in result.stderr, result.stderr
    return outs


def _has_picture(cell) -> bool:
    return bool(cell._tc.findall(".//" + qn("w:drawing")))


def test_the_cover_is_a_page_high_grid_with_the_emblem_in_its_middle(tmp_path):
    spec = _spec(tmp_path, "kaloran", "  logo: lambang.png\n")  # kaloran.yaml: sampul_pemerintah: true
    (docx,) = _build(spec, ".docx")
    grid = Document(str(docx)).tables[0]
    rows = [[p.text for p in row.cells[0].paragraphs] for row in grid.rows]
    assert rows[0] == ["INDIKATOR KINERJA UTAMA (IKU)"]
    assert _has_picture(grid.rows[1].cells[0]) and not _has_picture(grid.rows[0].cells[0])
    assert rows[2] == ["PEMERINTAH KABUPATEN TEMANGGUNG", "KECAMATAN KALORAN", "TAHUN 2019-2023"]
    assert [row.cells[0].vertical_alignment.name for row in grid.rows] == ["TOP", "CENTER", "BOTTOM"]
    heights = [row.height for row in grid.rows]
    assert heights[1] > heights[0] == heights[2]


def test_without_the_option_the_cover_names_the_kabupaten_and_no_government(tmp_path):
    spec = _spec(tmp_path, "kalimanah")
    (docx,) = _build(spec, ".docx")
    grid = Document(str(docx)).tables[0]
    assert len(grid.rows) == 2  # no emblem, no middle row
    assert [p.text for p in grid.rows[1].cells[0].paragraphs] == [
        "KECAMATAN KALIMANAH", "KABUPATEN PURBALINGGA", "TAHUN 2021-2026"]
    assert "PEMERINTAH" not in " ".join(c.text for r in grid.rows for c in r.cells)
    # No emblem to fill the middle: the title is centred in the upper two thirds of the page.
    assert [row.cells[0].vertical_alignment.name for row in grid.rows] == ["CENTER", "BOTTOM"]
    assert grid.rows[0].height > 1.9 * grid.rows[1].height


@pytest.mark.slow
def test_a_printed_cover_without_emblem_has_its_title_a_third_of_the_way_down(tmp_path):
    require_tool("soffice")
    require_tool("pdftotext")
    (pdf,) = _build(_spec(tmp_path, "kalimanah"), ".pdf")
    cover = read_pages(pdf.read_bytes())[0]
    where = {line.text: line.y0 / cover.height for line in cover.lines}
    assert 0.25 < where["INDIKATOR KINERJA UTAMA (IKU)"] < 0.45
    assert where["TAHUN 2021-2026"] > 0.75


def test_the_letterhead_has_the_emblem_beside_it_and_the_telephone_and_e_mail(tmp_path):
    spec = _spec(tmp_path, "cerbon", "  logo: lambang.png\n  telepon: (0511) 4799123\n"
                                     "  surel: kec.cerbon@baritokualakab.go.id\n")
    (docx,) = _build(spec, ".docx")
    kop = Document(str(docx)).tables[0]
    emblem, lines = kop.rows[0].cells
    assert _has_picture(emblem) and not emblem.text.strip()
    assert [p.text for p in lines.paragraphs] == [
        "PEMERINTAH KABUPATEN BARITO KUALA\nKECAMATAN CERBON",
        "Jln. H.M. Yunur RT.01 Desa Bantuil Kode Pos 70571\n"
        "Telepon (0511) 4799123, Surel kec.cerbon@baritokualakab.go.id"]
    # The rule runs under the emblem and the lines both: the table's, not the address line's.
    rule = kop._tbl.tblPr.find(f"{qn('w:tblBorders')}/{qn('w:bottom')}")
    assert rule.get(qn("w:val")) == "thickThinSmallGap"
    # 1.5 mm of air between the emblem's tip and the rule (it all but touched it)
    assert kop._tbl.tblPr.find(f"{qn('w:tblCellMar')}/{qn('w:bottom')}").get(qn("w:w")) == "85"


def test_a_letterhead_without_emblem_or_telephone_prints_neither(tmp_path):
    spec = _spec(tmp_path, "cerbon", "  surel: kec.cerbon@baritokualakab.go.id\n")
    (docx,) = _build(spec, ".docx")
    document = Document(str(docx))
    address = [p.text for p in document.paragraphs if p.style.name == "KopAlamat"]
    assert address == ["Jln. H.M. Yunur RT.01 Desa Bantuil Kode Pos 70571\n"
                       "Surel kec.cerbon@baritokualakab.go.id"]
    assert "Telepon" not in "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].style.name == "Kop"  # no grid without an emblem


def test_a_letterhead_with_no_address_line_still_has_its_rule_under_the_lines(tmp_path):
    spec = _spec(tmp_path, "cerbon")
    text = re.sub(r"^  alamat: .*\n", "", spec.read_text(encoding="utf-8"), flags=re.M)
    spec.write_text(text, encoding="utf-8")
    (docx,) = _build(spec, ".docx")
    document = Document(str(docx))
    assert not [p for p in document.paragraphs if p.style.name == "KopAlamat"]
    lines = document.paragraphs[0]
    assert lines.style.name == "Kop" and lines.text == "PEMERINTAH KABUPATEN BARITO KUALA\nKECAMATAN CERBON"
    rule = lines._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule is not None and rule.get(qn("w:val")) == "thickThinSmallGap"


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_printed_cover_and_letterhead(tmp_path, paper):
    require_tool("soffice")
    require_tool("pdftotext")
    spec = _spec(tmp_path, "kaloran", "  logo: lambang.png\n", paper=paper)
    (pdf,) = _build(spec, ".pdf")
    cover = read_pages(pdf.read_bytes())[0]
    where = {line.text: line.y0 / cover.height for line in cover.lines}
    assert where["INDIKATOR KINERJA UTAMA (IKU)"] < 0.2  # the title at the head of the page
    assert where["TAHUN 2019-2023"] > 0.75  # the period at its foot
    assert 0.3 < where["PEMERINTAH KABUPATEN TEMANGGUNG"] / where["TAHUN 2019-2023"] < 1
    assert len(cover.lines) == 4  # nothing else on the cover, and nothing pushed onto a page of its own
    spec = _spec(tmp_path, "cerbon", "  logo: lambang.png\n  telepon: (0511) 4799123\n", paper=paper)
    (pdf,) = _build(spec, ".pdf")
    first = read_pages(pdf.read_bytes())[0]
    government = next(line for line in first.lines if line.text.startswith("PEMERINTAH KABUPATEN"))
    decree = next(line for line in first.lines if line.text.startswith("KEPUTUSAN CAMAT"))
    assert any(line.text.endswith("Telepon (0511) 4799123") or line.text == "Telepon (0511) 4799123"
               for line in first.lines)
    # Beside the emblem: the letterhead's lines stand right of the page's centre line, the title under it.
    assert (government.x0 + government.x1) / 2 > (decree.x0 + decree.x1) / 2 + 20
