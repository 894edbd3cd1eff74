"""The parts of a spec a template walks, as plain frozen records: no model reaches a template.

Each record keeps the attribute names of the spec (`r.sasaran.uraian`, `r.indikator.rumus`,
`p.jabatan.tugas`), so a template reads them as it always did; numbers are already printed
(`kondisi_awal`, `target`), text is as written. Made once per spec by `view.document.view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ikugen.spec.model import (
    Batas,
    Indikator,
    IndikatorTujuan,
    Jabatan,
    Sasaran,
    Tujuan,
    Ukuran,
    Wilayah,
)
from ikugen.view import indonesian


@dataclass(frozen=True)
class IndikatorView:
    """An indicator, of a sasaran (an IKU) or of a tujuan."""

    id: Optional[str]
    nama: str
    satuan: Optional[str]
    definisi: Optional[str]
    rumus: Optional[str]
    sumber_data: Optional[str]
    penanggung_jawab: list[str]  # the positions' ids as written; a row prints their names
    alasan: Optional[str]
    polaritas: Optional[str]
    tipe: Optional[str]
    kondisi_awal: str                # printed: "87,5", "BB", "-"
    target: dict[int, str]           # the years the spec sets, printed
    penanggung_jawab_nama: str = ""  # a tujuan's indicator: its positions' short names, a line each
    kondisi_awal_sel: str = ""       # as a table cell prints it: empty when none is written


@dataclass(frozen=True)
class TujuanView:
    id: str
    uraian: str
    urusan: Optional[str]
    indikator: tuple[IndikatorView, ...]


@dataclass(frozen=True)
class SasaranView:
    id: str
    uraian: str
    tujuan: Optional[str]   # ids, as written
    pemilik: Optional[str]
    induk: Optional[str]
    program: Optional[str]


@dataclass(frozen=True)
class JabatanView:
    """A position as the document prints it."""

    id: str
    nama: str
    singkatan: Optional[str]
    eselon: str
    atasan: Optional[str]
    tugas: Optional[str]  # the tugas as one text, or the sentence before its items
    fungsi: tuple[str, ...]
    kewenangan: tuple[str, ...]
    rincian_tugas: tuple[str, ...] = ()  # the items a tugas lists (a., b., c., ...)


@dataclass(frozen=True)
class WilayahView:
    nama: str
    jenis: str   # "desa" or "kelurahan"
    kode: Optional[str]


@dataclass(frozen=True)
class BatasView:
    utara: str
    timur: str
    selatan: str
    barat: str


def indikator(ind: Ukuran, pj_nama: str = "") -> IndikatorView:
    return IndikatorView(
        id=ind.id if isinstance(ind, (Indikator, IndikatorTujuan)) else None, nama=ind.nama,
        satuan=ind.satuan, definisi=ind.definisi, rumus=ind.rumus, sumber_data=ind.sumber_data,
        penanggung_jawab=ind.penanggung_jawab_ids,
        alasan=ind.alasan, polaritas=ind.polaritas, tipe=ind.tipe,
        kondisi_awal=indonesian.angka(ind.kondisi_awal),
        target={year: indonesian.angka(value) for year, value in ind.target.items()},
        penanggung_jawab_nama=pj_nama,
        kondisi_awal_sel=indonesian.angka(ind.kondisi_awal, empty=""),
    )


def tujuan(t: Tujuan, pj_nama: Callable[[Ukuran], str] = lambda ind: "") -> TujuanView:
    return TujuanView(t.id, t.uraian, t.urusan, tuple(indikator(i, pj_nama(i)) for i in t.indikator))


def sasaran(s: Sasaran) -> SasaranView:
    return SasaranView(s.id, s.uraian, s.tujuan, s.pemilik, s.induk, s.program)


def jabatan(j: Jabatan) -> JabatanView:
    return JabatanView(j.id, j.nama, j.singkatan, j.eselon, j.atasan, j.tugas_uraian, tuple(j.fungsi),
                       tuple(j.kewenangan), tuple(j.tugas_rincian))


def wilayah(w: Wilayah) -> WilayahView:
    return WilayahView(w.nama, w.jenis, w.kode)


def batas(b: Optional[Batas]) -> Optional[BatasView]:
    return BatasView(b.utara, b.timur, b.selatan, b.barat) if b else None
