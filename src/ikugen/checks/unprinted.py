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
from typing import Any, Callable, Iterator, Optional

from pydantic import BaseModel

from ikugen.checks.printers import PRINTERS, ROW_WORDS, K, Printer, S
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.control_fields import pattern
from ikugen.spec.model import Jabatan
from ikugen.spec.yaml_reader import Path_
from ikugen.view.organisation import flatten, tree

CODE = "IKU407"

# What a section prints besides itself: BAB IV of the standard layout holds three sections.
_HOLDS = {"penetapan": ("formulir_iku", "tabel_target", "iku_eselon_iv")}
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
        named = {"named_head_pj": "head_pj", "named_eselon_pj": "eselon_pj", "named_pj": "pj"}
        if rows in named:
            return not j.singkatan and self.holds(named[rows], path)
        if rows == "head_position":
            return head
        if rows == "tupoksi_named":  # a heading of its own, or a line of the Struktur Organisasi
            return bool(j.tugas or j.fungsi or j.kewenangan) or self.depth.get(j.id, 0) <= 2
        if rows in ("annexed", "annex_title", "eselon_position"):
            owns = j.id in self.owners
            return bool(head or owns if rows == "annexed" else not head and owns if rows == "annex_title"
                        else owns and self.is_eselon(j.id))
        if rows not in self._shown:  # once per spec: a position is asked about for each value
            select = {"head_pj": lambda o: o == self.head, "eselon_pj": self.is_eselon, "pj": lambda o: True}
            self._shown[rows] = self.shown_pj(select[rows])
        return j.id in self._shown[rows]

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
    for path in leaves(ctx.spek):
        if path not in ctx.smap.values or ctx.smap.origin(path)[0] != ctx.smap.file:
            continue  # a default, or a value of the `dasar` base
        key = pattern(path)
        printers = PRINTERS.get(key)
        if printers is None:  # a control field, or a note IKU72x check
            continue
        here = [p for p in printers if p.layout == out.layout]
        placed = [p for p in here if p.section is None or sections is None or p.section in sections]
        if any(p.rows is None or rows.holds(p.rows, path) for p in placed):
            continue
        yield Finding(path, *_say(out.layout, key, printers, here, placed))


def _say(layout: str, key: str, printers: tuple[Printer, ...], here: list[Printer],
         placed: list[Printer]) -> tuple[str, str]:
    """The message and the hint: which layout, section or rows would print the value."""
    what = f"nilai ini ({key.replace('.*', '[]')})"
    if not printers:
        return (f"{what} tidak dicetak oleh tata letak mana pun",
                "ikugen belum mencetaknya; nilai ini hanya tersimpan di spesifikasi")
    by = f"tata letak {layout}" if layout == K or not here else "susunan ini"
    if placed:  # the layout (and the sections) are there, but print other rows
        words = sorted({ROW_WORDS[p.rows] for p in placed if p.rows})
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


def leaves(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The data path of every value the spec holds (no empty list, no missing value)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from leaves(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from leaves(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (str(key),))
    elif value is not None:
        yield path


__all__ = ["DELEGATED", "PRINTERS", "Printer", "leaves", "unprinted_value"]
