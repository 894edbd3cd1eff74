"""Everything the document shows, as it will be printed: counts, numbering, names, the spec's
own text, table rows with their merged cells, the years of the target table.

`view(spek)` is the one object templates see (as `doc`). It holds plain values and the frozen
records of `view.records`, never a model of the spec: numbers are in Indonesian notation, NIP
in groups; templates only arrange them. The spec's parts a template walks keep the spec's names
(`doc.visi`, `doc.batas.utara`, `r.sasaran.uraian`, `p.jabatan.tugas`).
"""

from __future__ import annotations

import dataclasses
import weakref
from dataclasses import dataclass
from typing import Optional, Union

from ikugen.spec.model import Indikator, KelompokHukum, Sasaran, Spek, Tujuan, Ukuran
from ikugen.view import changes, indonesian, records, tables
from ikugen.view.organisation import Posisi, flatten, tree
from ikugen.view.records import (
    BatasView,
    IndikatorView,
    JabatanView,
    SasaranView,
    TujuanView,
    WilayahView,
)

__all__ = ["BatasView", "IndikatorView", "JabatanView", "Posisi", "Row", "SasaranView",
           "TujuanView", "View", "WilayahView", "source", "view"]

@dataclass(frozen=True)
class Row:
    """One indicator row of an IKU or target table; spans > 0 open a merged cell, 0 continues it."""

    no: int
    tujuan: Optional[TujuanView]
    tujuan_span: int
    sasaran: SasaranView        # one record per sasaran: rows of the same sasaran share it
    sasaran_span: int
    indikator: Optional[IndikatorView]
    penanggung_jawab: str
    target: list[str]
    kondisi_awal: str


@dataclass(frozen=True, eq=False)
class View:
    judul: str
    perubahan: bool
    kecamatan: str
    kabupaten: str
    jenis_daerah: str    # "kabupaten" or "kota"
    daerah: str          # "Kabupaten Temanggung" / "Kota ..."
    kepala_daerah: str   # "Bupati" / "Wali Kota"
    provinsi: Optional[str]
    alamat: Optional[str]
    telepon: Optional[str]
    surel: Optional[str]
    sampul_pemerintah: bool  # the cover prints PEMERINTAH KABUPATEN ...
    logo: Optional[str]  # the picture's file as written, relative to the spec
    jumlah_kecamatan: Optional[int]
    batas: Optional[BatasView]
    visi: Optional[str]
    misi: tuple[str, ...]
    landasan_hukum: tuple[str, ...]  # every entry, groups' entries in their place (the decree's Mengingat)
    # The groups as written ((None, (entry,)) for an entry of no group); empty when none is grouped.
    landasan_kelompok: tuple[tuple[Optional[str], tuple[str, ...]], ...]
    jabatan_camat: str   # "Camat Kaloran"
    nama_camat: str      # the Camat who signs, with titles
    mengetahui: bool     # the signature opens with "Mengetahui," above the position
    periode: str         # "2019-2023"
    tahun: list[int]
    tempat: str
    tanggal: Optional[str]  # None: the document is not dated, its signature has no date line
    tahun_terbit: int
    nip: str
    pangkat: str
    wilayah: tuple[WilayahView, ...]
    wilayah_ringkas: str  # "14 (empat belas) desa dan 3 (tiga) kelurahan"
    pimpinan: Posisi           # the head position (the Camat's office)
    struktur: list[Posisi]     # the head, then its subordinates, each with its own; [] if not printed
    jabatan_urut: list[Posisi]  # every position, head first, in tree order
    tujuan: tuple[TujuanView, ...]
    sasaran: tuple[SasaranView, ...]
    baris_iku: list[Row]
    baris_per_jabatan: dict[str, list[Row]]
    ada_tujuan: bool
    indikator_tujuan: tuple[records.IndikatorView, ...]  # every tujuan's own indicators, in order
    ada_target: bool  # some indicator has a target or a baseline: the target table prints
    tahun_target: tuple[tuple[int, int], ...]  # (place in the period, year) of the years with a target
    ada_kondisi_awal: bool
    ada_satuan: bool
    tujuan_sasaran: list[tuple[TujuanView, tuple[SasaranView, ...]]]
    teks: dict[str, Optional[str]]  # each prose section of `teks`: its Markdown, None: the default
    menimbang: tuple[str, ...]      # the spec's own considerations of the decree, if any
    diktum: tuple[str, ...]         # the spec's own dicta, if any
    nomor_keputusan: str  # "020 TAHUN 2023", or the number as written when it holds the year
    judul_keputusan: str  # the spec's, or "Penetapan Indikator Kinerja Utama (IKU) pada Kecamatan ..."
    mengingat_huruf: bool  # the decree's Mengingat lettered a., b., ... as some offices print it
    # The Matriks Perubahan IKU against `dokumen.sebelumnya` (view/changes.py); empty without one.
    matriks_perubahan: tuple[changes.BarisMatriks, ...] = ()
    # The office's columns and labels of each indicator table (view/tables.py).
    tabel: dict[str, tables.TabelView] = dataclasses.field(default_factory=dict)
    baris_program: tuple[tables.BarisProgram, ...] = ()  # the program table's rows
    tahun_program: tuple[tuple[int, int], ...] = ()  # (place in the period, year) with a program target

    def bertarget(self, baris: list[Row]) -> list[Row]:
        """The rows of `baris` with a target or a baseline, merged again (numbers kept, as in
        the IKU table): the target table's row of an indicator with neither would be empty
        cells, which IKU301 tells of instead."""
        kept = [r for r in baris if r.kondisi_awal or any(r.target)]
        if len(kept) == len(baris):
            return baris
        sasaran = _spans([r.sasaran.id for r in kept])
        tujuan = _spans([r.tujuan.id if r.tujuan else "/" + r.sasaran.id for r in kept])
        return [dataclasses.replace(r, sasaran_span=s, tujuan_span=t)
                for r, s, t in zip(kept, sasaran, tujuan, strict=True)]


# The spec each View was made from, for office templates of 0.1 that still read `spek.` (the
# render passes it to those only, with a warning: render/legacy.py). No View refers to it.
_SOURCES: "weakref.WeakKeyDictionary[View, Spek]" = weakref.WeakKeyDictionary()


def source(doc: View) -> Spek:
    """The spec `doc` was derived from (only for the `spek.` of 0.1 office templates)."""
    return _SOURCES[doc]


def view(spek: Spek, previous: Optional[Spek] = None) -> View:
    """What the document of `spek` shows; with `previous` (the spec an IKU Perubahan revises),
    its Matriks Perubahan too."""
    doc = _derive(spek)
    if previous is not None and spek.dokumen.jenis == "iku-perubahan":
        doc = dataclasses.replace(doc, matriks_perubahan=changes.matrix(previous, spek))
    _SOURCES[doc] = spek
    return doc


def _groups(entries: list[Union[str, KelompokHukum]]) -> tuple[tuple[Optional[str], tuple[str, ...]], ...]:
    """The landasan hukum's groups, when it has any: a plain entry is a group of no name."""
    if all(isinstance(x, str) for x in entries):
        return ()
    return tuple((None, (x,)) if isinstance(x, str) else (x.kelompok, tuple(x.isi)) for x in entries)


def _derive(spek: Spek) -> View:
    p, d = spek.profil, spek.dokumen
    positions = {j.id: j for j in spek.organisasi}
    roots = tree(spek.organisasi)
    head = roots[0]
    flat = flatten(roots)
    desa = sum(w.jenis == "desa" for w in spek.wilayah)
    kel = len(spek.wilayah) - desa
    counts = ((desa, "desa"), (kel, "kelurahan"))
    ringkas = indonesian.gabung([indonesian.jumlah(n, word) for n, word in counts if n])
    # One record per part of the spec: rows of one sasaran share its record (templates compare
    # them with `is sameas`), and a tujuan is the same record in its rows and in doc.tujuan.
    sasaran_view = {id(s): records.sasaran(s) for s in spek.sasaran}
    indikator_view = {id(i): records.indikator(i) for i in spek.indikator}

    def pj_name(ind: Ukuran, s: Optional[Sasaran], owned: bool = True) -> str:
        """The responsible positions' short names, one per line (each on a line of the cell); without
        one written, the sasaran's owner's (a program's indicator has no owner)."""
        refs = ind.penanggung_jawab_ids or ([spek.owner(s) or head.jabatan.id] if owned else [])
        return "\n".join((j.singkatan or j.nama) if (j := positions.get(ref)) else ref for ref in refs)

    tujuan_view = {id(t): records.tujuan(t, lambda ind: pj_name(ind, None)) for t in spek.tujuan}
    by_owner: dict[str, list[Sasaran]] = {}
    for s in spek.sasaran:
        by_owner.setdefault(spek.owner(s) or head.jabatan.id, []).append(s)
    indicators: dict[str, list[Indikator]] = {}
    for ind in spek.indikator:
        indicators.setdefault(ind.sasaran, []).append(ind)
    years = d.periode.tahun
    tujuan_of = {t.id: t for t in spek.tujuan}

    def rows(sasaran: list[Sasaran]) -> list[Row]:
        found: list[tuple[int, Optional[Tujuan], Sasaran, Optional[Indikator]]] = []
        for no, s in enumerate(sorted(sasaran, key=lambda s: _tujuan_order(spek, s)), 1):
            own: list[Optional[Indikator]] = [*indicators.get(s.id, [])]
            for ind in own or [None]:  # a sasaran without indicators still gets its row
                found.append((no, tujuan_of.get(s.tujuan or ""), s, ind))
        sasaran_spans = _spans([s.id for _, _, s, _ in found])
        tujuan_spans = _spans([t.id if t else "/" + s.id for _, t, s, _ in found])
        # _spans gives one span per row: the lengths are equal by construction.
        return [
            Row(no=no, tujuan=tujuan_view[id(t)] if t else None, tujuan_span=t_span,
                sasaran=sasaran_view[id(s)], sasaran_span=s_span,
                indikator=indikator_view[id(ind)] if ind else None,
                penanggung_jawab=pj_name(ind, s) if ind else "",
                # No value is an empty cell; a "-" the spec wrote is data and prints.
                target=[indonesian.angka(ind.target.get(y), empty="") if ind else "" for y in years],
                kondisi_awal=indonesian.angka(ind.kondisi_awal, empty="") if ind else "")
            for (no, t, s, ind), s_span, t_span in zip(found, sasaran_spans, tujuan_spans, strict=True)
        ]

    per_position = {j.jabatan.id: rows(by_owner.get(j.jabatan.id, [])) for j in flat}
    tujuan_sasaran = [
        (tujuan_view[id(t)], tuple(sasaran_view[id(s)] for s in spek.sasaran if s.tujuan == t.id))
        for t in spek.tujuan]
    pangkat = ", ".join(x for x in (spek.pimpinan.pangkat, spek.pimpinan.golongan) if x)
    year = (d.tanggal or str(d.periode.awal))[:4]  # an undated document: its period's first year
    nomor = d.nomor or "........"
    periode = (f"{d.periode.awal}-{d.periode.akhir}" if d.periode.akhir != d.periode.awal
               else str(d.periode.awal))
    daerah = f"{p.jenis_daerah.capitalize()} {p.kabupaten}"
    return View(
        judul="INDIKATOR KINERJA UTAMA (IKU)",
        perubahan=d.jenis == "iku-perubahan",
        kecamatan=p.kecamatan,
        kabupaten=p.kabupaten,
        jenis_daerah=p.jenis_daerah,
        daerah=daerah,
        kepala_daerah="Bupati" if p.jenis_daerah == "kabupaten" else "Wali Kota",
        provinsi=p.provinsi,
        alamat=p.alamat,
        telepon=p.telepon,
        surel=p.surel,
        sampul_pemerintah=d.sampul_pemerintah,
        logo=p.logo,
        jumlah_kecamatan=p.jumlah_kecamatan,
        batas=records.batas(p.batas),
        visi=p.visi,
        misi=tuple(p.misi),
        landasan_hukum=tuple(text for _, text in p.peraturan()),
        landasan_kelompok=_groups(p.landasan_hukum),
        jabatan_camat=f"Camat {p.kecamatan}",
        nama_camat=spek.pimpinan.nama,
        mengetahui=spek.pimpinan.mengetahui,
        periode=periode,
        tahun=years,
        tempat=d.tempat or p.kecamatan,
        tanggal=indonesian.tanggal(d.tanggal) if d.tanggal else None,
        tahun_terbit=int(year),
        nip=indonesian.nip(spek.pimpinan.nip),
        pangkat=pangkat,
        wilayah=tuple(records.wilayah(w) for w in spek.wilayah),
        wilayah_ringkas=ringkas,
        pimpinan=head,
        struktur=[head] + head.children if d.struktur_organisasi else [],
        jabatan_urut=flat,
        tujuan=tuple(tujuan_view[id(t)] for t in spek.tujuan),
        sasaran=tuple(sasaran_view[id(s)] for s in spek.sasaran),
        baris_iku=per_position[head.jabatan.id],
        baris_per_jabatan=per_position,
        ada_tujuan=bool(spek.tujuan),
        indikator_tujuan=tuple(i for t in spek.tujuan for i in tujuan_view[id(t)].indikator),
        ada_target=any(ind.target or ind.kondisi_awal is not None for ind in spek.indikator),
        tahun_target=tuple((i, y) for i, y in enumerate(years)
                           if any(y in ind.target for ind in spek.indikator)),
        ada_kondisi_awal=any(ind.kondisi_awal is not None for ind in spek.indikator),
        ada_satuan=any(ind.satuan for ind in spek.indikator),
        tujuan_sasaran=tujuan_sasaran,
        teks={name: text for name, text in spek.teks if not isinstance(text, list)},
        menimbang=tuple(spek.teks.menimbang),
        diktum=tuple(spek.teks.diktum),
        nomor_keputusan=nomor if year in nomor else f"{nomor} TAHUN {year}",
        judul_keputusan=d.judul_keputusan or (
            f"Penetapan {'Perubahan atas ' if d.jenis == 'iku-perubahan' else ''}"
            f"Indikator Kinerja Utama (IKU) pada Kecamatan {p.kecamatan} {daerah} Tahun {periode}"),
        mengingat_huruf=d.mengingat_huruf,
        tabel=tables.choices(spek),
        baris_program=tables.program_rows(spek, lambda ind: pj_name(ind, None, owned=False)),
        tahun_program=tables.program_years(spek),
    )


def _tujuan_order(spek: Spek, s: Sasaran) -> int:
    """Keep sasaran of one tujuan together (so its cell can merge), in the tujuan's order."""
    ids = [t.id for t in spek.tujuan]
    return ids.index(s.tujuan) if s.tujuan in ids else len(ids)


def _spans(keys: list[str]) -> list[int]:
    """Rowspans for merged cells: a run of equal keys opens with its length, then 0s."""
    spans = [0] * len(keys)
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            spans[start] = i - start
            start = i
    return spans
