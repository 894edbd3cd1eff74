"""The program table's rows, and the office's choice of columns and labels for each indicator
table (`tabel`), as templates read them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ikugen.spec.model import Spek, Ukuran
from ikugen.view import indonesian, records
from ikugen.view.records import IndikatorView


@dataclass(frozen=True)
class TabelView:
    """One table's choice: its columns (None: the template's own), labels, and title."""

    kolom: Optional[tuple[str, ...]]
    judul_kolom: dict[str, str]
    judul: Optional[str] = None


@dataclass(frozen=True)
class BarisProgram:
    """One indicator row of the program table; program_span > 0 opens the program's merged cell."""

    no: int
    program: str
    program_span: int
    indikator: IndikatorView
    penanggung_jawab: str   # the positions' short names, one per line; empty when none is written
    target: list[str]       # per year of the period, printed; empty: none written
    kondisi_awal: str


def choices(spek: Spek) -> dict[str, TabelView]:
    """`tabel` of the spec, per table: iku, target, tujuan_sasaran, program."""
    found = {}
    for name, table in spek.tabel:
        labels = {key: text for key, text in table.judul_kolom if text}
        found[name] = TabelView(tuple(table.kolom) if table.kolom else None, labels,
                                getattr(table, "judul", None))
    return found


def program_rows(spek: Spek, names: Callable[[Ukuran], str]) -> tuple[BarisProgram, ...]:
    """Every program's indicators, the program merged over them; `names` prints a penanggung jawab."""
    years = spek.dokumen.periode.tahun
    return tuple(
        BarisProgram(no=no, program=p.nama, program_span=len(p.indikator) if k == 0 else 0,
                     indikator=records.indikator(ind), penanggung_jawab=names(ind),
                     target=[indonesian.angka(ind.target.get(y), empty="") for y in years],
                     kondisi_awal=indonesian.angka(ind.kondisi_awal, empty=""))
        for no, p in enumerate(spek.program, 1) for k, ind in enumerate(p.indikator))


def program_years(spek: Spek) -> tuple[tuple[int, int], ...]:
    """(place in the period, year) of the years some program indicator has a target for."""
    return tuple((i, y) for i, y in enumerate(spek.dokumen.periode.tahun)
                 if any(y in ind.target for p in spek.program for ind in p.indikator))
