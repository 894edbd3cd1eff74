"""The tables of an IKU: tujuan and sasaran, the IKU table (sasaran, indicator, definisi, rumus,
sumber data, penanggung jawab, by whatever header the office used) and the target table (one
column per year). A sasaran repeated down its rows (a merged cell) is one sasaran."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ikugen.impor.blocks import Block, Par, Table
from ikugen.impor.draft import V, nilai
from ikugen.impor.words import column, fold, item


@dataclass
class Row:
    """One indicator as a table gives it."""

    sasaran: Optional[V]
    nama: V
    cells: dict[str, V] = field(default_factory=dict)   # definisi, rumus, ... as written
    target: dict[int, V] = field(default_factory=dict)
    table: str = ""
    owner: Optional[str] = None  # the position of the annex the table is in (a decree's)
    tujuan: Optional[V] = None   # the tujuan a "Tujuan 1 : ..." row above named
    of_tujuan: bool = False      # the indicator of that tujuan, not of a sasaran


@dataclass
class Goals:
    tujuan: list[tuple[V, list[V], Optional[V]]] = field(default_factory=list)  # uraian, indikator, urusan
    sasaran_tujuan: dict[str, int] = field(default_factory=dict)  # folded sasaran -> tujuan index
    sasaran: list[V] = field(default_factory=list)  # sasaran named only in this table
    # A tujuan indicator's row of the IKU table, by (tujuan index, folded name): its definisi,
    # rumus, sumber data and penanggung jawab, printed above the tujuan's sasaran rows.
    detail: dict[tuple[int, str], "Row"] = field(default_factory=dict)


# The columns that make a table the IKU's (a table of names and years only is the target table).
_DETAILS = {"rumus", "definisi", "penjelasan", "sumber_data", "penanggung_jawab"}


def _header(table: Table) -> tuple[int, dict[int, str]]:
    """The header row (within the first three) and its columns' fields. A row naming one column
    only is not a header: a decree's dictum "KEDUA : Indikator kinerja program ..." is not."""
    best: tuple[int, dict[int, str]] = (-1, {})
    for r, row in enumerate(table.rows[:3]):
        names = {c: column(cell) for c, cell in enumerate(row)}
        names = {c: n for c, n in names.items() if n}
        if len(names) > max(len(best[1]), 1):
            best = (r, names)
    return best


def _body(table: Table, start: int) -> list[tuple[int, list[str]]]:
    rows = []
    for r, row in enumerate(table.rows[start + 1:], start + 1):
        if all(re.fullmatch(r"\(?\d{1,2}\)?", c.strip()) or not c.strip() for c in row):
            continue  # the column numbers row "1 2 3 4 5", or an empty row
        rows.append((r, row))
    return rows


@dataclass
class Seen:
    """An indicator table as the document has it: which table it is ("iku", "target",
    "tujuan_sasaran", "program"), its header row, its columns' fields and the title above it."""

    kind: str
    table: Table
    start: int
    names: dict[int, str]
    above: tuple[str, ...] = ()  # the paragraphs just above it, where its title is


def indicators(blocks: list[Block], owner_of: dict[int, str]) -> tuple[list[Row], list[Row], list[Seen]]:
    """(rows of the IKU tables, rows of the target tables, each table with a header of its own)."""
    iku: list[Row] = []
    targets: list[Row] = []
    seen: list[Seen] = []
    # The last indicator table's width, columns and owner: a table without a header of the same
    # width right after it is that table continued (a page break, a table cut in two).
    previous: Optional[tuple[int, dict[int, str], Optional[str]]] = None
    between: list[Block] = []  # the paragraphs since the last table
    for k, block in enumerate(blocks):
        if not isinstance(block, Table):
            between.append(block)
            continue
        start, names = _header(block)
        width = len(block.rows[0]) if block.rows else 0
        near = len(between) <= 3 and not any(isinstance(b, Par) and b.heading for b in between)
        above, between = _above(between), []
        title = " ".join(above)
        if of_programs(block, start, names, title):
            previous = None
            continue  # the program indicators (programs.py), not the IKU's
        same = previous and near and width == previous[0] and owner_of.get(k) == previous[2]
        if "nama" not in names.values() and previous and same:
            start, names = -1, previous[1]
        previous = None
        fields = set(names.values())
        years = {c: int(n.split(":")[1]) for c, n in names.items() if n.startswith("tahun:")}
        if "nama" not in fields:
            continue
        if not (fields & {*_DETAILS, "sasaran", "tujuan_sasaran"} or years):
            continue
        if "tujuan" in fields and not fields & {"rumus", "definisi", "penjelasan"} and not years:
            continue  # the tujuan and sasaran table
        rows = _rows(block, start, names, years, owner_of.get(k))
        previous = (width, names, owner_of.get(k))
        kind = "tujuan_sasaran" if "tujuan_sasaran" in fields else "iku" if fields & _DETAILS else "target"
        if start >= 0:
            seen.append(Seen(kind, block, start, names, above))
        if kind == "target":
            targets += rows
        else:
            iku += rows
    return iku, targets, seen


def _above(between: list[Block]) -> tuple[str, ...]:
    """The paragraphs just above a table, where its title is."""
    return tuple(b.text for b in between[-3:] if isinstance(b, Par))


def of_programs(table: Table, start: int, names: dict[int, str], title: str) -> bool:
    """A table of the program indicators: its indicator column says "Program" ("Indikator
    Kinerja Program"), or it has a program column and no sasaran under a title naming them."""
    if start < 0 or "nama" not in names.values():
        return False
    header = fold(table.rows[start][next(c for c, n in names.items() if n == "nama")])
    if "program" in header.split():
        return True
    fields = set(names.values())
    return "program" in fields and "sasaran" not in fields and bool(
        re.search(r"indikator\s+(kinerja\s+)?program", title, re.I))


def _rows(table: Table, start: int, names: dict[int, str], years: dict[int, int],
          owner: Optional[str]) -> list[Row]:
    out: list[Row] = []
    last: dict[str, V] = {}
    name_col = next(c for c, n in names.items() if n == "nama")
    tujuan: Optional[V] = None
    sasaran_next = False  # a "Sasaran 1 :" row: the sasaran is the first cell of the next row
    # The cell that says "Tujuan 1 : ..." or "Sasaran 1 : ...": a column of both (Kalimanah's
    # Tujuan/Sasaran), else a first column without a header of its own.
    mark = next((c for c, n in names.items() if n == "tujuan_sasaran"), None if 0 in names else 0)
    for r, row in _body(table, start):
        place = f"{table.place}, baris {r + 1}"
        marked = _MARKED.match(" ".join(row[mark].split())) if mark is not None and mark < len(row) else None
        of_tujuan = False
        if marked:
            kind, text = marked.group(1).lower(), item(marked.group(2))
            if kind.startswith("tujuan"):
                tujuan, of_tujuan = (V(text, place) if text else None), True
            elif text:
                last["sasaran"] = V(text, place)
            else:
                sasaran_next = True
        elif sasaran_next and row and row[0].strip() and 0 not in names:
            last["sasaran"], sasaran_next = V(item(row[0]), place), False
        elif mark is not None and names.get(mark) == "tujuan_sasaran" and "".join(row[mark:mark + 1]).strip():
            last["sasaran"] = V(item(row[mark]), place)  # not marked: a sasaran as in a Sasaran column

        def cell(c: int, row: list[str] = row) -> str:
            return " ".join(row[c].split()) if c < len(row) else ""

        nama = item(cell(name_col))
        if not nama or fold(nama) in ("indikator", "indikator kinerja"):
            continue
        columns = {n: c for c, n in names.items()}
        if ("tujuan" in columns and "sasaran" in columns and cell(columns["tujuan"])
                and not cell(columns["sasaran"]) and not cell(columns.get("no", -1))):
            # A tujuan's own indicator above its sasaran (IKM): the tujuan merged over both, the
            # sasaran cell empty. Not "as above": no sasaran is named yet for these rows.
            tujuan, of_tujuan = V(item(cell(columns["tujuan"])), place), True
        values: dict[str, V] = {}
        for c, n in names.items():
            if n in ("no", "nama", "tujuan_sasaran") or n.startswith("tahun:") or not cell(c):
                continue
            lines = table.cell_lines[r][c] if table.cell_lines and c < len(table.cell_lines[r]) else []
            labelled = _labelled(lines, place)
            if labelled:  # "Formulasi Pengukuran : ...", "Sumber Data : ..." in one cell
                values.update({k: v for k, v in labelled.items() if k not in values})
            elif n == "penanggung_jawab" and len(lines) > 1:  # one position a line: several of them
                values[n] = V(" / ".join(" ".join(x.split()) for x in lines), place)
            else:  # a Penjelasan column without labels explains what the indicator is
                values["definisi" if n == "penjelasan" else n] = V(cell(c), place)
        for n in ("sasaran", "program", "sumber_data", "penanggung_jawab"):
            if n in values:
                last[n] = values[n]
            elif n in last and (n in names.values() or n == "sasaran") and not of_tujuan:
                values[n] = last[n]  # a typed table: blank below means "as above"
        target = {}
        for c, year in years.items():
            value = nilai(cell(c), place)
            if value is not None:
                target[year] = value
        sasaran = values.pop("sasaran", None)
        if sasaran is not None:
            sasaran = V(item(re.sub(r"^\d+\.\s*", "", str(sasaran.value))), sasaran.place)
        out.append(Row(sasaran, V(nama, place), values, target, table.place, owner, tujuan, of_tujuan))
    return out


_MARKED = re.compile(r"^(tujuan|sasara\w*)\s*\d*\s*:\s*(.*)$", re.I)
_LABELLED = re.compile(r"^[•·\-*\s]*([A-Za-z][A-Za-z /]{2,50}?)\s*:\s*(.+)$")


_INNER = re.compile(r"(?<=\s)(?=([A-Z][A-Za-z /]{2,40}?)\s*:\s)")  # at every word: overlapping


def _pieces(line: str) -> list[str]:
    """A line of several labelled values ("Formasi Pengukuran : x Tipe Penghitungan : Non
    Kumulatif", two list items run together) cut before each label a column names."""
    cuts = [m.start() for m in _INNER.finditer(line) if column(m.group(1))]
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _labelled(lines: list[str], place: str) -> dict[str, V]:
    found: dict[str, V] = {}
    for line in (piece for whole in lines for piece in _pieces(whole)):
        m = _LABELLED.match(line)
        name = column(m.group(1)) if m else ""
        if m and name and not name.startswith("tahun:") and name not in ("no", "nama"):
            found.setdefault(name, V(" ".join(m.group(2).split()), place))
    return found


def goals(blocks: list[Block]) -> Goals:
    found = Goals()
    for block in blocks:
        if not isinstance(block, Table):
            continue
        start, names = _header(block)
        fields = set(names.values())
        if not ("tujuan" in fields and ("sasaran" in fields or "indikator_tujuan" in fields)):
            continue
        if fields & {"rumus", "definisi", "penjelasan"}:
            continue
        col = {n: c for c, n in sorted(names.items(), reverse=True)}
        for r, row in _body(block, start):
            place = f"{block.place}, baris {r + 1}"
            uraian = item(row[col["tujuan"]]) if col["tujuan"] < len(row) else ""
            if not uraian:
                if not found.tujuan:
                    continue
                index = len(found.tujuan) - 1
            else:
                known = [fold(str(t[0].value)) for t in found.tujuan]
                if fold(uraian) in known:
                    index = known.index(fold(uraian))
                else:
                    urusan = item(row[col["urusan"]]) if "urusan" in col and col["urusan"] < len(row) else ""
                    found.tujuan.append((V(uraian, place), [], V(urusan, place) if urusan else None))
                    index = len(found.tujuan) - 1
            if "indikator_tujuan" in col and col["indikator_tujuan"] < len(row):
                name = item(re.sub(r"^\d+\.\s*", "", row[col["indikator_tujuan"]]))
                have = [fold(str(v.value)) for v in found.tujuan[index][1]]
                if name and fold(name) not in have:
                    found.tujuan[index][1].append(V(name, place))
            if "sasaran" in col and col["sasaran"] < len(row):
                for piece in re.split(r"\s(?=\d+\.\s)", row[col["sasaran"]]):
                    sasaran = item(re.sub(r"^\d+\.\s*", "", piece))
                    if sasaran and fold(sasaran) not in found.sasaran_tujuan:
                        found.sasaran_tujuan[fold(sasaran)] = index
                        found.sasaran.append(V(sasaran, place))
    return found


def merged(rows: list[Row]) -> list[Row]:
    """One row per indicator: the same indicator in two tables (Kalimanah's Tujuan dan Sasaran
    table explains, in its Penjelasan bullets, the indicators its IKU table lists again) is one,
    each cell from the first table that has it. Under another owner (an eselon IV table) it
    stays apart."""
    kept: dict[tuple[str, Optional[str], str], Row] = {}
    for row in rows:
        over = row.tujuan if row.of_tujuan else row.sasaran
        key = (fold(str(row.nama.value)), row.owner, ("tujuan " if row.of_tujuan else "")
               + (fold(str(over.value)) if over is not None else ""))
        first = kept.setdefault(key, row)
        if first is not row:
            first.cells = {**row.cells, **first.cells}
            first.target = {**row.target, **first.target}
    return list(kept.values())
