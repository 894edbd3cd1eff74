"""The properties that keep pages whole, as Word and LibreOffice read them from the DOCX: what
keeps with what, where sections end, the decree's first page and annex header, numbers aligned.

The pages themselves (LibreOffice's PDF, read back) are tested in test_pages.py.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, run_ikugen
from docx import Document
from docx.oxml.ns import qn

from ikugen.pipeline import load_spec


def _build(tmp_path, spec: str):
    out = tmp_path / f"{spec}.docx"
    result = run_ikugen("build", EXAMPLES / f"{spec}.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    return Document(str(out))


@pytest.fixture(scope="module")
def kaloran(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("kaloran"), "kaloran")


@pytest.fixture(scope="module")
def cerbon(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("cerbon"), "cerbon")


def _keeps(paragraph) -> bool:
    ppr = paragraph.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def _row_keeps(table) -> list[bool]:
    return [all(_keeps(p) for p in row.iter(qn("w:p"))) for row in table.findall(qn("w:tr"))]


def test_a_sasaran_keeps_with_its_indicators_and_a_long_tujuan_does_not_chain_the_table(kaloran):
    table = next(t for t in kaloran.tables if [c.text for c in t.rows[0].cells[:2]] == ["No", "Tujuan"])
    rows = [[c.text for c in r.cells] for r in table.rows]
    keeps = _row_keeps(table._tbl)
    assert keeps[0]  # the header row with the first row
    # Sasaran 2 spans three indicator rows: its first two keep with the next, its last does not.
    first = next(i for i, r in enumerate(rows) if r[0] == "2")
    assert rows[first + 2][0] == "2" and rows[first + 3][0] == "3"
    assert keeps[first:first + 3] == [True, True, False]
    # The tujuan merged over all ten rows does not keep them together (it could not fit a page).
    assert keeps.count(False) >= 3


def test_the_signature_is_kept_with_what_precedes_it_and_never_split(kaloran):
    body = list(kaloran.element.body)
    styles = [p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") for p in body]
    names = [s.get(qn("w:val")) if s is not None else None for s in styles]
    first = names.index("TandaTangan")
    assert _keeps(body[first - 1])  # the foreword's last paragraph keeps with the signature
    signature = kaloran.styles["TandaTangan"].paragraph_format
    assert signature.keep_with_next and signature.keep_together
    assert kaloran.styles["TandaTanganNama"].paragraph_format.keep_together


def test_positions_are_real_headings_that_keep_with_their_text(kaloran):
    positions = [p.text for p in kaloran.paragraphs if p.style.name == "Heading 4"]
    assert positions[:2] == ["2.1. Camat", "2.2. Sekretaris Kecamatan"]
    assert kaloran.styles["Heading 4"].paragraph_format.keep_with_next


def test_a_section_ends_in_its_last_paragraph_not_in_an_empty_one_of_its_own(kaloran, cerbon):
    for document in (kaloran, cerbon):
        for sect in document.element.body.iter(qn("w:sectPr")):
            paragraph = sect.getparent().getparent()
            if paragraph.tag != qn("w:p"):
                continue  # the body's own last section
            before = paragraph.getprevious()
            style = before.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if before.tag == qn("w:p") else None
            # A paragraph of its own only after a table, or after the TOC (filled in at the end).
            own = before.tag == qn("w:tbl") or (style is not None and style.get(qn("w:val")) == "toc1")
            assert paragraph.find(qn("w:r")) is not None or own


def test_the_decree_has_no_folio_on_its_first_page_and_an_aligned_annex_header(cerbon):
    first = next(cerbon.element.body.iter(qn("w:sectPr")))
    assert first.find(qn("w:titlePg")) is not None
    header = next(t for t in cerbon.tables if t.rows[0].cells[1].text.startswith("LAMPIRAN"))
    assert [(r.cells[1].text, r.cells[2].text) for r in header.rows] == [
        ("LAMPIRAN I", ":"), ("NOMOR", ":"), ("TANGGAL", ":"), ("TENTANG", ":")]
    assert header.rows[3].cells[3].text.startswith("PENETAPAN PERUBAHAN ATAS INDIKATOR KINERJA UTAMA")
    # narrow columns of a borderless block are not justified
    assert header.rows[3].cells[3].paragraphs[0].style.name == "IsiBlokKiri"


def test_targets_and_baselines_stand_right_aligned(tmp_path):
    spec = tmp_path / "target.yaml"
    spec.write_text((EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8").replace(
        "    sumber_data: Kecamatan Kaloran\n",
        "    sumber_data: Kecamatan Kaloran\n    kondisi_awal: 75\n    target: {2019: 80, 2020: 85}\n"),
        encoding="utf-8")
    out = tmp_path / "target.docx"
    assert run_ikugen("build", spec, "-o", out).returncode == 0
    table = next(t for t in Document(str(out)).tables if "Kondisi Awal" in [c.text for c in t.rows[0].cells])
    at = [c.text for c in table.rows[0].cells].index("Kondisi Awal")
    for row in table.rows[1:]:
        for cell in row.cells[at:]:
            jc = cell.paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
            assert jc is not None and jc.get(qn("w:val")) == "right"
    assert table.rows[1].cells[1].paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:jc')}") is None


def test_the_signed_name_is_bold_and_underlined_and_the_legal_list_is_punctuated(kaloran):
    name = next(p for p in kaloran.paragraphs if p.style.name == "TandaTanganNama").runs[0]
    assert (name.text, name.bold, name.underline) == ("Muhamad Jafar Khudhori, S.Sos", True, True)
    start = next(i for i, p in enumerate(kaloran.paragraphs)
                 if p.text == "C. Landasan Hukum" and p.style.name == "Heading 2")
    count = len(load_spec(EXAMPLES / "kaloran.yaml").spek.profil.landasan_hukum)
    items = [p.text for p in kaloran.paragraphs[start + 1:] if p.style.name == "List Paragraph"][:count]
    assert len(items) == count > 10
    assert all(t.endswith(";") for t in items[:-1]) and items[-1].endswith(".")
    assert not any(t.endswith((";;", ".;", ";.")) for t in items)


def test_a_signature_after_a_table_goes_under_its_last_row_in_a_row_that_does_not_split(cerbon):
    """LibreOffice ignores a row's keep with next in a table longer than a page: the last row and
    the signature block are one row, so neither is left alone on a page (in Word as well)."""
    tables = [t for t in cerbon.tables if t.rows[0].cells[0].text == "Kinerja Utama"]
    assert len(tables) >= 8
    for table in tables:
        last = table.rows[-1]
        assert last._tr.trPr.find(qn("w:cantSplit")) is not None
        (cell,) = set(last.cells)  # one cell over the whole width...
        (inner,) = cell.tables  # ...holding the last indicator's row as a table of its own
        assert len(inner.columns) == len(table.columns) and inner.rows[0].cells[4].text
        assert [p.style.name for p in cell.paragraphs][:2] == ["TandaTangan", "TandaTangan"]
        assert cell.paragraphs[0].text == "Cerbon, 19 April 2023"
        assert cell.paragraphs[-1].text.endswith("NIP. 19850924 200412 1 001")


def test_the_last_sasaran_goes_with_the_signature_whole_its_cell_merged_over_its_indicators(cerbon):
    """Seksi Pemerintahan's annex: its one sasaran over two indicators. Both rows go into the row
    kept with the signature, the sasaran merged over them there, so the last indicator is never
    printed under an empty, ruled-off sasaran cell."""
    last_rows = [set(t.rows[-1].cells).pop().tables for t in cerbon.tables
                 if t.rows[0].cells[0].text == "Kinerja Utama"]
    (inner,) = next(n for n in last_rows
                    if n and "Persentase desa yang dibina" in n[0].rows[-1].cells[1].text)
    assert [r.cells[1].text for r in inner.rows] == ["Persentase urusan Pemerintahan Yang dilaksanakan",
                                                      "Persentase desa yang dibina"]
    merges = [tc.tcPr.find(qn("w:vMerge")) for tc in (r._tr.tc_lst[0] for r in inner.rows)]
    assert merges[0].get(qn("w:val")) == "restart"
    assert merges[1] is not None and merges[1].get(qn("w:val")) is None
    assert inner.rows[1].cells[0].text == "Meningkatnya Kualitas Pelayanan Publik"  # python-docx: one cell


def test_a_section_break_after_a_table_is_too_small_to_make_a_page_of_its_own(cerbon):
    """A table that fills its page, then the paragraph that must carry the section break: at full
    height it went onto a new, empty page (cerbon on A4 with its emblem, page 11)."""
    body = cerbon.element.body
    breaks = [p for p in body.iterchildren(qn("w:p"))
              if p.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None
              and p.getprevious() is not None and p.getprevious().tag == qn("w:tbl")]
    assert len(breaks) >= 7  # every annex of the decree ends in its table and the signature
    for p in breaks:
        spacing = p.find(qn("w:pPr") + "/" + qn("w:spacing"))
        assert spacing.get(qn("w:line")) == "20" and spacing.get(qn("w:lineRule")) == "exact"
        assert not "".join(p.itertext())


def test_a_tujuan_merged_over_many_rows_starts_again_wherever_a_page_may_break(kaloran):
    """Word and LibreOffice print a merged cell's text on its first page only: the tujuan over
    ten rows stood blank on the table's second page. It is cut where the page may break."""
    table = next(t for t in kaloran.tables if [c.text for c in t.rows[0].cells[:2]] == ["No", "Tujuan"])
    trs = table._tbl.findall(qn("w:tr"))
    keeps = _row_keeps(table._tbl)
    tujuan = "Meningkatkan Tata Kelola Pemerintahan Kecamatan yang baik"
    starts = []
    for r in range(1, len(trs)):
        tc = trs[r].findall(qn("w:tc"))[1]
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        text = "".join(t.text for t in tc.iter(qn("w:t")))
        if merge is None or merge.get(qn("w:val")) == "restart":
            assert text == tujuan
            starts.append(r)
        else:
            assert text == "" and keeps[r - 1], f"row {r} continues a merge after a possible page break"
    # cut per sasaran (the tujuan's own row goes with the first, one row each), not per row
    assert starts == [1, 3, 6, 8, 10]


def test_a_label_over_a_plain_list_keeps_its_one_merge(kaloran):
    """Fungsi over its ten items is not cut: printed again beside every few items, "6 Fungsi"
    would read as new items of the identity table."""
    table = next(t for t in kaloran.tables if [c.text for c in t.rows[0].cells[:2]] == ["1", "Instansi"])
    fungsi = [r for r in table._tbl.findall(qn("w:tr"))
              if "".join(t.text for t in r.findall(qn("w:tc"))[0].iter(qn("w:t"))) == "6"]
    assert len(fungsi) == 1
    trs = table._tbl.findall(qn("w:tr"))
    first = trs.index(fungsi[0])
    merges = [tr.findall(qn("w:tc"))[1].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for tr in trs[first:]]
    assert merges[0].get(qn("w:val")) == "restart"
    assert len(merges) == 10 and all(m is not None and m.get(qn("w:val")) is None for m in merges[1:])


def test_a_lead_in_sentence_keeps_with_its_table_with_space_under_it(kaloran):
    body = list(kaloran.element.body)
    tables = [i for i, el in enumerate(body) if el.tag == qn("w:tbl")]
    lead_ins = [body[i - 1] for i in tables if body[i - 1].tag == qn("w:p")
                and "".join(t.text for t in body[i - 1].iter(qn("w:t"))).endswith(("berikut:", "berikut."))]
    assert len(lead_ins) >= 2  # the Tujuan dan Sasaran table, BAB IV's identity table
    for p in lead_ins:
        assert _keeps(p)
        assert p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:after")) == "120"


def test_a_decree_block_keeps_only_its_first_and_last_items_together(cerbon):
    """Chained whole, the Mengingat block that did not fit left a third of page 1 empty (with
    the emblem's taller letterhead): its label blank on the next page reads as the list going on."""
    table = next(t for t in cerbon.tables if t.rows[0].cells[0].text == "Menimbang")
    assert [r.cells[2].text for r in table.rows] == ["a.", "b.", "c.", "1.", "2.", "3.", "4."]
    assert _row_keeps(table._tbl) == [True, True, False, True, False, True, False]


@pytest.mark.parametrize("html", [
    '<table class="polos"><tr><td rowspan="3">a</td><td>1</td></tr><tr><td>2</td></tr></table>',
    '<table class="polos"><tr><td>a</td><td>1</td></tr><tr><td rowspan="2">b</td><td>2</td></tr></table>',
    "<table><tr><td class=\"ulang\" rowspan=\"12\">T</td><td>1</td></tr>"
    + "".join(f"<tr><td>{i}</td></tr>" for i in range(2, 5)) + "</table>",
])
def test_an_office_table_whose_merge_runs_past_its_last_row_merges_to_that_row(html):
    from ikugen.spec.html_table import parse_table
    from ikugen.writers.docx_tables import table_xml

    table = parse_table(html)
    assert all(c.rowspan <= len(table.rows) - r for r, row in enumerate(table.rows) for c in row)
    xml = table_xml(table, 9000)  # an IndexError (exit 70) in the keeps and the cut merges before
    assert xml.count("<w:tr>") == len(table.rows)
