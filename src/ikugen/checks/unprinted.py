"""Values the document, as it will be built, does not print (IKU407).

Every value a spec holds is printed by the layout and the sections it is built with, or this
check says so at the value's line. `PRINTERS` (checks/printers.py) is what the packaged
templates print, one entry per field pattern: the layout, the built-in section (None: every
document of that layout) and, where a section prints only some rows, which ones (_Rows says
which rows a value is in).
tests/test_unprinted.py builds a marker in every field in every layout and keeps this table in
step with the templates; docs/sections.md says the same in prose.

Not reported: control fields (ids, references, choices, paths, settings: never printed as
written), values inherited from a `dasar` base (a base serves many layouts), and the notes of
an IKU Perubahan (`alasan_perubahan`, `perubahan`), which IKU72x already check against the
Matriks Perubahan.
"""

from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterator, Optional

from ikugen.checks.printers import EXPLAINED, OWN_COLUMNS, OWN_LABELS, PRINTERS, ROW_WORDS, K, Printer, S
from ikugen.checks.registry import Context, Finding, check
from ikugen.checks.walk import leaves
from ikugen.spec.model import Jabatan
from ikugen.spec.yaml_reader import Path_
from ikugen.view.organisation import flatten, tree

CODE = "IKU407"

# What a section prints besides itself: BAB IV of the standard layout holds three sections.
_HOLDS = {"penetapan": ("formulir_iku", "tabel_target", "indikator_program", "iku_eselon_iv")}
# Checked elsewhere (IKU722-IKU726 against the previous spec and its Matriks Perubahan).
DELEGATED = frozenset({"indikator.*.alasan_perubahan", "perubahan.*.alasan_perubahan"})


class _Rows:
    """The facts the row conditions ask, computed once per spec."""

    def __init__(self, ctx: Context):
        self.spek = ctx.spek
        self.has_previous = ctx.previous is not None and ctx.spek.dokumen.jenis == "iku-perubahan"
        self.head = ctx.spek.head_id()
        self.depth = {p.jabatan.id: p.depth for p in flatten(tree(list(ctx.spek.organisasi)))}
        by_id = {s.id: s for s in ctx.spek.sasaran}
        self.sasaran_owner = [ctx.spek.owner(s) for s in ctx.spek.sasaran]
        self.indikator_owner = [ctx.spek.owner(by_id.get(i.sasaran)) for i in ctx.spek.indikator]
        # The tujuan a sasaran of the Camat names: their own indicators are rows of its IKU table.
        self.head_tujuan = {s.tujuan for s, o in zip(ctx.spek.sasaran, self.sasaran_owner, strict=True)
                            if o == self.head and s.tujuan}
        # The positions whose rows have a target or a baseline: their target table is printed.
        self.with_targets = {o for i, o in zip(ctx.spek.indikator, self.indikator_owner, strict=True)
                             if i.target or i.kondisi_awal is not None}
        self._shown: dict[str, set[str]] = {}

    def owner(self, path: Path_) -> Optional[str]:
        index = path[1]
        assert isinstance(index, int)
        return (self.sasaran_owner if path[0] == "sasaran" else self.indikator_owner)[index]

    def is_eselon(self, ident: Optional[str]) -> bool:
        return ident != self.head and self.depth.get(ident or "", 0) > 0

    @cached_property
    def owners(self) -> set[Optional[str]]:
        return set(self.sasaran_owner)

    def shown_pj(self, which: Callable[[Optional[str]], bool]) -> set[str]:
        """The positions named in the Penanggung Jawab cells of the rows `which` owner selects."""
        out: set[str] = set()
        for ind, owner in zip(self.spek.indikator, self.indikator_owner, strict=True):
            if which(owner):
                out.update(ind.penanggung_jawab_ids or [owner or self.head or ""])
        if which(self.head):  # the tujuan's own indicators, rows of the Camat's table
            for t in self.spek.tujuan:
                if t.id in self.head_tujuan:
                    for ti in t.indikator:
                        out.update(ti.penanggung_jawab_ids or [self.head or ""])
        return out

    def position(self, path: Path_) -> Jabatan:
        index = path[1]
        assert isinstance(index, int)
        return self.spek.organisasi[index]

    def holds(self, rows: str, path: Path_) -> bool:
        if "+" in rows:  # both conditions: the row is printed, and a column of it shows the value
            return all(self.holds(part, path) for part in rows.split("+"))
        if rows.startswith("kolom_"):
            return self._in_column(rows.removeprefix("kolom_"), path)
        if rows.startswith("label_"):  # the label of a column the table prints
            own = rows.removeprefix("label_")
            table = own.removesuffix("_keputusan")
            if getattr(self.spek.tabel, table).kolom:
                return True  # a label of a column left out of the office's choice: IKU110 says so
            return path[-1] in OWN_LABELS[own] and (table != "program" or bool(self.spek.program))
        if rows == "with_program":
            return bool(self.spek.program)
        if rows == "with_targets":
            return self.head in self.with_targets
        if rows == "with_matrix":
            return self.has_previous
        if rows == "with_eselon":
            return any(self.is_eselon(o) for o in self.owners)
        if rows == "tujuan_head":
            return self.spek.tujuan[path[1]].id in self.head_tujuan  # type: ignore[index]
        if path[0] in ("sasaran", "indikator"):
            return self._holds_row(rows, path)
        j = self.position(path)
        head = j.id == self.head
        named = {"named_head_pj": "head_pj", "named_eselon_pj": "eselon_pj", "named_pj": "pj",
                 "named_program_pj": "program_pj"}
        if rows in named:
            return not j.singkatan and self.holds(named[rows], path)
        if rows == "head_position":
            return head
        if rows == "tupoksi_named":  # a heading of its own, or a line of the Struktur Organisasi
            return bool(j.tugas or j.fungsi or j.kewenangan) or (
                self.spek.dokumen.struktur_organisasi and self.depth.get(j.id, 0) <= 2)
        if rows in ("annexed", "annex_title", "eselon_position"):
            owns = j.id in self.owners
            return bool(head or owns if rows == "annexed" else not head and owns if rows == "annex_title"
                        else owns and self.is_eselon(j.id))
        if rows == "program_pj":  # a program indicator's cell names only the positions written
            return any(j.id in ind.penanggung_jawab_ids
                       for prog in self.spek.program for ind in prog.indikator)
        if rows not in self._shown:  # once per spec: a position is asked about for each value
            select = {"head_pj": lambda o: o == self.head, "eselon_pj": self.is_eselon, "pj": lambda o: True}
            self._shown[rows] = self.shown_pj(select[rows])
        return j.id in self._shown[rows]

    def left_out_by_columns(self, placed: list[Printer], path: Path_) -> list[str]:
        """The tables of `tabel` whose office-chosen columns alone keep a value off the page: its
        row is printed there but no chosen column shows it."""
        found = []
        for p in placed:
            parts = (p.rows or "").split("+")
            kolom = [x.removeprefix("kolom_") for x in parts if x.startswith("kolom_")]
            rest = [x for x in parts if not x.startswith("kolom_")]
            if kolom and getattr(self.spek.tabel, kolom[0]).kolom is not None \
                    and all(self.holds(x, path) for x in rest if x) and kolom[0] not in found:
                found.append(kolom[0])
        return found

    def _in_column(self, table: str, path: Path_) -> bool:
        """Whether a column of `table` shows the value: one the office chose for it (or a
        Penjelasan listing it), or, without a choice, one of the table's own."""
        field = _column(path)
        chosen = getattr(self.spek.tabel, table).kolom
        if chosen is None:
            # The Tujuan dan Sasaran table of its own has no row for a sasaran's indicator.
            return field in OWN_COLUMNS[table] and not (table == "tujuan_sasaran" and path[0] == "indikator")
        if table == "tujuan_sasaran" and path[0] == "tujuan":  # rows of the Camat's tujuan only
            if self.spek.tujuan[path[1]].id not in self.head_tujuan:  # type: ignore[index]
                return False
        return (field in chosen or ("penjelasan" in chosen and field in EXPLAINED)
                or (field in ("tujuan", "sasaran") and "tujuan_sasaran" in chosen))

    def _holds_row(self, rows: str, path: Path_) -> bool:
        """A condition on the row of a sasaran or an indicator."""
        owner = self.owner(path)
        if rows == "annex_targets":
            return owner in self.with_targets
        if rows in ("eselon_row", "eselon_row_targets"):
            return self.is_eselon(owner) and (rows == "eselon_row" or owner in self.with_targets)
        if rows == "listed_sasaran":
            s = self.spek.sasaran[path[1]]  # type: ignore[index]
            ids = {t.id for t in self.spek.tujuan}
            return s.tujuan in ids if ids else owner == self.head
        return owner == self.head and (rows != "head_row_targets" or owner in self.with_targets)


@check(CODE, "peringatan", "nilai yang tidak dicetak oleh tata letak atau susunan dokumen")
def unprinted_value(ctx: Context) -> Iterator[Finding]:
    out = ctx.output
    sections = None if out.sections is None else set(out.sections).union(
        *(_HOLDS.get(s, ()) for s in out.sections))
    rows = _Rows(ctx)
    written, files, own = ctx.smap.values, ctx.smap.files, ctx.smap.file
    # Whether a value is printed depends on its field's pattern and the row it is in (path[1]),
    # never on the rest of its path (_Rows): the verdict is asked once per field and row.
    verdicts: dict[tuple[str, object], bool] = {}
    for path, key, _, _ in leaves(ctx.spek):
        if path not in written or files.get(path, own) != own:
            continue  # a default, or a value of the `dasar` base
        printers = PRINTERS.get(key)
        if printers is None:  # a control field, or a note IKU72x check
            continue
        row = (key, path[1] if len(path) > 1 else None)
        if row not in verdicts:
            placed = _placed(printers, out.layout, sections)
            verdicts[row] = any(p.rows is None or rows.holds(p.rows, path) for p in placed)
        if verdicts[row]:
            continue
        here = [p for p in printers if p.layout == out.layout]
        placed = _placed(printers, out.layout, sections)
        tables = rows.left_out_by_columns(placed, path)
        yield Finding(path, *(_say_columns(key, path, tables) if tables else
                              _say(out.layout, key, printers, here, placed)))


def _placed(printers: tuple[Printer, ...], layout: str, sections: Optional[set[str]]) -> list[Printer]:
    """The printers of a field in the layout, and in the sections the document has."""
    return [p for p in printers if p.layout == layout
            and (p.section is None or sections is None or p.section in sections)]


def _say_columns(key: str, path: Path_, tables: list[str]) -> tuple[str, str]:
    """A value whose rows are printed, in tables whose chosen columns leave its field out."""
    field = _column(path)
    names = " dan ".join(f"tabel.{t}.kolom" for t in tables)
    also = " (atau 'penjelasan')" if field in EXPLAINED else ""
    return (f"nilai ini ({key.replace('.*', '[]')}) tidak dicetak: kolom yang dipilih di {names} "
            f"tidak memuat '{field}'", f"tambahkan '{field}'{also} ke {names}, atau hapus nilai ini")


def _say(layout: str, key: str, printers: tuple[Printer, ...], here: list[Printer],
         placed: list[Printer]) -> tuple[str, str]:
    """The message and the hint: which layout, section or rows would print the value."""
    what = f"nilai ini ({key.replace('.*', '[]')})"
    if not printers:
        return (f"{what} tidak dicetak oleh tata letak mana pun",
                "ikugen belum mencetaknya; nilai ini hanya tersimpan di spesifikasi")
    by = f"tata letak {layout}" if layout == K or not here else "susunan ini"
    if placed:  # the layout (and the sections) are there, but print other rows
        words = sorted({" dengan ".join(ROW_WORDS[part] for part in p.rows.split("+"))
                        for p in placed if p.rows})
        where = sorted({p.section or f"tata letak {layout}" for p in placed})
        others = sorted({p.section for p in printers if p.layout != layout and p.section})
        also = f"; tata letak {S} mencetaknya (bagian {', '.join(others)})" if layout == K and others else ""
        return (f"{what} tidak dicetak oleh {by}",
                f"{', '.join(where)} hanya mencetaknya untuk {'; '.join(words)}{also}")
    if not here:
        other = printers[0].layout
        sections = sorted({p.section for p in printers if p.section})
        return (f"{what} tidak dicetak oleh {by}",
                f"tata letak {other} mencetaknya" + (f" (bagian {', '.join(sections)})" if sections else ""))
    sections = sorted({p.section for p in here if p.section})
    return (f"{what} tidak dicetak oleh {by}",
            f"bagian {' atau '.join(sections)} mencetaknya; tambahkan ke susunan bila perlu dicetak")


def _column(path: Path_) -> str:
    """The column a value is printed in: its field, under the column's name."""
    if path[0] in ("sasaran", "organisasi"):  # a sasaran; a position named as penanggung jawab
        return "sasaran" if path[0] == "sasaran" else "penanggung_jawab"
    if len(path) == 3 and path[0] != "indikator":  # a tujuan's uraian or urusan, a program's name
        return {"uraian": "tujuan", "nama": "program"}.get(str(path[2]), str(path[2]))
    field = str(path[2] if path[0] == "indikator" else path[4])
    return "indikator" if field == "nama" else field


__all__ = ["DELEGATED", "PRINTERS", "Printer", "unprinted_value"]
