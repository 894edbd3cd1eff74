"""The rows of the Matriks Perubahan Indikator Kinerja Utama: one per indicator of an IKU
Perubahan that was added, changed, replaced or removed against the spec it revises.

Each row holds the sasaran, the indicator as it was (`semula`) and as it becomes (`menjadi`),
each with the values that changed, printed as the document prints them (numbers in Indonesian
notation, positions by their title, a sasaran by its statement), and the reason. A value that
one side does not have is left out of that side; the labels of the values are the template's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ikugen.compare.diff import Change, ItemDiff, compare, position_name
from ikugen.spec.model import Spek
from ikugen.view import indonesian


@dataclass(frozen=True)
class Nilai:
    """One changed value on one side: the spec's key (`rumus`, `target`, ...), its year for a
    target, and the value as printed."""

    bagian: str
    tahun: Optional[int]
    nilai: str


@dataclass(frozen=True)
class Sisi:
    """The indicator on one side of a row."""

    id: str
    nama: str
    rincian: tuple[Nilai, ...]


@dataclass(frozen=True)
class BarisMatriks:
    no: int
    status: str                 # ditambah, diubah, diganti, dihapus
    sasaran: str
    semula: Optional[Sisi]      # None: a new indicator
    menjadi: Optional[Sisi]     # None: removed
    alasan: Optional[str]


def matrix(old: Spek, new: Spek) -> tuple[BarisMatriks, ...]:
    found = compare(old, new).of("indikator")
    reasons = {entry.id: entry.alasan_perubahan for entry in new.perubahan}
    rows = []
    for no, d in enumerate(found, 1):
        spek, ind = (new, d.baru) if d.baru is not None else (old, d.lama)
        reason = d.baru.alasan_perubahan if d.baru is not None else reasons.get(d.id)
        rows.append(BarisMatriks(no, d.status, _sasaran(spek, ind.sasaran), _side(old, d, True),
                                 _side(new, d, False), reason))
    return tuple(rows)


def _side(spek: Spek, d: ItemDiff, before: bool) -> Optional[Sisi]:
    ind = d.lama if before else d.baru
    if ind is None:
        return None
    shown = []
    for change in d.changes:
        value = change.semula if before else change.menjadi
        if change.field != "nama" and value is not None:
            shown.append(Nilai(change.field, change.year, _printed(spek, change, value)))
    return Sisi(ind.id, ind.nama, tuple(shown))


def _printed(spek: Spek, change: Change, value: object) -> str:
    if change.field in ("target", "kondisi_awal"):
        return indonesian.angka(value)  # type: ignore[arg-type]
    if change.field == "penanggung_jawab":
        ids = value if isinstance(value, tuple) else (value,)
        return ", ".join(position_name(spek, str(i)) or str(i) for i in ids)
    if change.field == "sasaran":
        return _sasaran(spek, str(value))
    return str(value)


def _sasaran(spek: Spek, ident: str) -> str:
    return next((s.uraian for s in spek.sasaran if s.id == ident), ident)
