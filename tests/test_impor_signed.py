"""`ikugen impor` and a table's last row kept with the signature block under it: the writer's
shape (one unsplittable row, one cell spanning the grid, the last data row as a table of its
own, the block under it) confirmed on a built DOCX, and read back as the table's last row and
the body paragraphs after the table (impor/signed.py); a table nested for layout is not."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from docx import Document
from docx.oxml.ns import qn
from impor.share import load
from test_impor import _built, _import

from ikugen.impor.blocks import Par, Table, read_docx
from ikugen.impor.signed import unwrapped

PROGRAM = ROOT / "tests" / "fidelity" / "program.yaml"
LAST = "Program Pemberdayaan Masyarakat Desa dan Kelurahan"


def test_a_table_a_signature_follows_ends_in_one_row_holding_its_last_row_and_the_block(tmp_path):
    doc = Document(str(_built("program", tmp_path, "keputusan", spec=PROGRAM)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Program")
    columns = len(table.columns)
    last = table.rows[-1]._tr
    cells = last.findall(qn("w:tc"))
    span = cells[0].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    assert len(cells) == 1 and span.get(qn("w:val")) == str(columns)  # one cell across the grid
    assert last.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None  # the row does not split
    cell = table.rows[-1].cells[0]
    content = [e for e in cells[0] if e.tag != qn("w:tcPr")]
    assert content[0].tag == qn("w:tbl")  # the cell's first child: the last data row, a table
    nested = cell.tables[0]
    assert len(nested.columns) == columns and len(nested.rows) == 1
    assert nested.rows[0].cells[0].text == LAST and nested.rows[0].cells[5].text == "Kasi PMD"
    under = [p.text for p in cell.paragraphs if p.text.strip()]  # the block under it, in the cell
    assert "CAMAT KALORAN" in under and any("NIP. 19670707 198803 1 005" in p for p in under)


def test_the_decree_s_last_program_and_the_camat_come_back_from_the_signed_row(tmp_path):
    truth = load(PROGRAM)
    draft = _import(_built("program", tmp_path, "keputusan", spec=PROGRAM), tmp_path)[0]
    got, text = load(draft), draft.read_text(encoding="utf-8")
    assert got.program[-1].nama == LAST
    assert [i.nama for i in got.program[-1].indikator] == [i.nama for i in truth.program[-1].indikator]
    # Its place: the table's fifth row, as the reader counts it (the decree names no positions'
    # ids, so the penanggung jawab is left as written, like the rows above it).
    assert re.search(rf"- nama: {LAST}  # tabel (\d+), baris 5\n", text)
    assert re.search(r'tertulis "Kasi PMD" \(tabel \d+, baris 5\)', text)
    assert (got.pimpinan.nama, got.pimpinan.nip) == (truth.pimpinan.nama, truth.pimpinan.nip)
    assert got.dokumen.tanggal == truth.dokumen.tanggal  # "Kaloran, 19 April 2023" above the Camat


def _fill(row, texts: tuple[str, ...]) -> None:
    for cell, text in zip(row.cells, texts, strict=False):  # a narrower nested table: its first cells
        cell.text = text


def _signed_docx(path: Path, inner_columns: int = 3, first: str = "table") -> Path:
    """A 3-column table (header, one row merged down into the last) whose last row is the
    writer's shape: one cell spanning the grid holding a table of `inner_columns` columns (the
    last data row, its first cell empty with no top rule: the merge going on) and the signature
    paragraphs under it; `first`="paragraph" puts a paragraph before the nested table."""
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    _fill(table.rows[0], ("Sasaran", "Indikator", "Satuan"))
    _fill(table.rows[1], ("Meningkatnya pelayanan", "Indeks Kepuasan", "indeks"))
    above = table.rows[1].cells[0]._tc.get_or_add_tcPr()
    above.append(above.makeelement(qn("w:vMerge"), {qn("w:val"): "restart"}))
    spanning = table.rows[2].cells[0].merge(table.rows[2].cells[2])
    spanning.paragraphs[0]._p.getparent().remove(spanning.paragraphs[0]._p)
    inner = spanning.add_table(rows=1, cols=inner_columns)
    _fill(inner.rows[0], ("", "Persentase layanan tepat waktu", "%"))
    props = inner.rows[0].cells[0]._tc.get_or_add_tcPr()
    borders = props.makeelement(qn("w:tcBorders"), {})
    borders.append(borders.makeelement(qn("w:top"), {qn("w:val"): "nil"}))
    props.append(borders)
    for text in ("Kaloran, 19 April 2023", "CAMAT KALORAN", "Drs. Budi Santoso, M.Si."):
        spanning.add_paragraph(text)
    if first == "paragraph":
        inner._tbl.addprevious(spanning.add_paragraph("Lampiran")._p)
    doc.add_paragraph("Sesudah tabel")
    doc.save(str(path))
    return path


def test_the_signed_row_is_read_as_the_table_s_last_row_and_the_block_after_the_table(tmp_path):
    blocks = read_docx(_signed_docx(tmp_path / "signed.docx")).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].rows == [["Sasaran", "Indikator", "Satuan"],
                              ["Meningkatnya pelayanan", "Indeks Kepuasan", "indeks"],
                              # the empty cell with no top rule: the sasaran merged from above
                              ["Meningkatnya pelayanan", "Persentase layanan tepat waktu", "%"]]
    after = [b.text for b in blocks[blocks.index(tables[0]) + 1:] if isinstance(b, Par)]
    assert after == ["Kaloran, 19 April 2023", "CAMAT KALORAN", "Drs. Budi Santoso, M.Si.", "Sesudah tabel"]


def test_a_table_nested_for_layout_is_left_as_it_is(tmp_path):
    signed = _signed_docx(tmp_path / "signed.docx")
    assert unwrapped(signed) is not signed
    # A nested table of other columns than the outer's, or after a paragraph: docx2python reads
    # the file itself, as before.
    for name, kwargs in (("columns", {"inner_columns": 2}), ("paragraph", {"first": "paragraph"})):
        path = _signed_docx(tmp_path / f"{name}.docx", **kwargs)
        assert unwrapped(path) is path, name
        rows = [b.rows for b in read_docx(path).blocks if isinstance(b, Table)]
        assert ["Meningkatnya pelayanan", "Persentase layanan tepat waktu", "%"] not in rows[0], name
