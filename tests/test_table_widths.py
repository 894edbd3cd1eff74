"""Column widths from what the columns hold (writers/docx_widths.py), and as the DOCX carries them."""

from __future__ import annotations

from conftest import EXAMPLES, run_ikugen
from docx import Document
from docx.oxml.ns import qn

from ikugen.spec.html_table import parse_table
from ikugen.writers.docx_widths import column_widths

TABLE = """<table><colgroup><col width="20"><col width="40"><col width="40"></colgroup>
<thead><tr><th>No</th><th>Definisi Operasional</th><th>Sumber Data</th></tr></thead><tbody>
{rows}</tbody></table>"""
LONG = "Indeks kepuasan masyarakat adalah data dan informasi tentang tingkat kepuasan masyarakat " * 2


def _table(rows: int = 3):
    return parse_table(TABLE.format(rows="".join(f"<tr><td>{i}</td><td>{LONG}</td><td>Data primer</td></tr>"
                                                   for i in range(1, rows + 1))))


def test_a_column_of_long_text_gets_the_width_a_column_of_short_words_does_not_need():
    widths = column_widths(_table(), 14000)
    assert sum(widths) == 14000
    number, text, source = widths
    assert text > 0.5 * 14000 > 0.4 * 14000 > source  # the template gave each 40%
    assert number < source  # "No" and "1": narrow, but its header word whole
    assert number >= 2 * 150 and source >= len("Sumber") * 150  # the header's words on one line


def test_the_same_table_gets_the_same_widths_and_a_layout_grid_keeps_the_template_s():
    assert column_widths(_table(), 14000) == column_widths(_table(), 14000)
    plain = parse_table(TABLE.replace("<table>", '<table class="polos">').format(rows=""))
    assert column_widths(plain, 10000) == [2000, 4000, 4000]


def _widths(table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_the_decree_s_tables_give_definitions_the_room_and_sources_what_they_hold(tmp_path):
    out = tmp_path / "cerbon.docx"
    assert run_ikugen("build", EXAMPLES / "cerbon.yaml", "-o", out).returncode == 0
    tables = [t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Kinerja Utama"]
    assert len(tables) >= 8
    for table in tables:
        header = [c.text for c in table.rows[0].cells]
        widths = dict(zip(header, _widths(table), strict=True))
        total = sum(widths.values())
        # The long texts get the room: wider than the template's 22% each, the two widest columns.
        widest = set(sorted(widths, key=widths.__getitem__)[-2:])
        assert widest == {"Definisi Operasional", "Formulasi Penghitungan"}
        assert widths["Definisi Operasional"] + widths["Formulasi Penghitungan"] > 0.44 * total
        assert widths["Sumber Data"] < 0.13 * total  # "Data primer dari Kecamatan": two lines
