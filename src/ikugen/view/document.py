"""Everything the document shows that is derived, not written: counts, numbering, names,
table rows with their merged cells, the years of the target table.

`view(spek)` is the one object templates see. It holds text as it will be printed (numbers in
Indonesian notation, NIP in groups); templates only arrange it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ikugen.spec.model import Indikator, Jabatan, Sasaran, Spek, Tujuan, Ukuran
from ikugen.view import indonesian


@dataclass
class Row:
    """One indicator row of an IKU or target table; spans > 0 open a merged cell, 0 continues it."""

    no: int
    tujuan: Optional[Tujuan]
    tujuan_span: int
    sasaran: Sasaran
    sasaran_span: int
    indikator: Optional[Ukuran]
    penanggung_jawab: str
    target: list[str]
    kondisi_awal: str


@dataclass
class Posisi:
    """A position in the organisation tree, with what the document prints of it."""

    jabatan: Jabatan
    depth: int
    children: list["Posisi"] = field(default_factory=list)

    @property
    def nama(self) -> str:
        return self.jabatan.nama


@dataclass
class View:
    spek: Spek
    judul: str
    perubahan: bool
    kecamatan: str
    kabupaten: str
    daerah: str          # "Kabupaten Temanggung" / "Kota ..."
    jabatan_camat: str   # "Camat Kaloran"
    periode: str         # "2019-2023"
    tahun: list[int]
    tempat: str
    tanggal: str
    tahun_terbit: int
    nip: str
    pangkat: str
    wilayah_ringkas: str  # "14 (empat belas) desa dan 3 (tiga) kelurahan"
    pimpinan: Posisi
    struktur: list[Posisi]     # the head, then its subordinates, each with its own
    jabatan_urut: list[Posisi]  # every position, head first, in tree order
    baris_iku: list[Row]
    baris_per_jabatan: dict[str, list[Row]]
    ada_tujuan: bool
    tujuan_sasaran: list[tuple[Tujuan, list[Sasaran]]]
    nomor_keputusan: str  # "020 TAHUN 2023", or the number as written when it holds the year
    judul_keputusan: str  # "Penetapan Indikator Kinerja Utama (IKU) pada Kecamatan ..."


def view(spek: Spek) -> View:
    p, d = spek.profil, spek.dokumen
    positions = {j.id: j for j in spek.organisasi}
    tree = _tree(spek.organisasi)
    head = tree[0]
    flat = _flatten(tree)
    desa = sum(w.jenis == "desa" for w in spek.wilayah)
    kel = len(spek.wilayah) - desa
    counts = ((desa, "desa"), (kel, "kelurahan"))
    ringkas = indonesian.gabung([indonesian.jumlah(n, word) for n, word in counts if n])

    def pj_name(ind: Ukuran, s: Optional[Sasaran]) -> str:
        ref = ind.penanggung_jawab or spek.owner(s) or head.jabatan.id
        j = positions.get(ref)
        return (j.singkatan or j.nama) if j else ref

    by_owner: dict[str, list[Sasaran]] = {}
    for s in spek.sasaran:
        by_owner.setdefault(spek.owner(s) or head.jabatan.id, []).append(s)
    indicators: dict[str, list[Indikator]] = {}
    for ind in spek.indikator:
        indicators.setdefault(ind.sasaran, []).append(ind)
    years = d.periode.tahun

    def rows(sasaran: list[Sasaran]) -> list[Row]:
        tujuan_of = {t.id: t for t in spek.tujuan}
        out: list[Row] = []
        for no, s in enumerate(sorted(sasaran, key=lambda s: _tujuan_order(spek, s)), 1):
            own: list[Optional[Indikator]] = [*indicators.get(s.id, [])]
            for ind in own or [None]:  # a sasaran without indicators still gets its row
                out.append(Row(
                    no=no, tujuan=tujuan_of.get(s.tujuan or ""), tujuan_span=0, sasaran=s,
                    sasaran_span=0, indikator=ind, penanggung_jawab=pj_name(ind, s) if ind else "-",
                    target=[indonesian.angka(ind.target.get(y)) if ind else "-" for y in years],
                    kondisi_awal=indonesian.angka(ind.kondisi_awal) if ind else "-",
                ))
        # _spans gives one span per row: the lengths are equal by construction.
        for row, span in zip(out, _spans(out, lambda r: r.sasaran.id), strict=True):
            row.sasaran_span = span
        for row, span in zip(out, _spans(out, lambda r: r.tujuan.id if r.tujuan else "/" + r.sasaran.id),
                             strict=True):
            row.tujuan_span = span
        return out

    per_position = {j.jabatan.id: rows(by_owner.get(j.jabatan.id, [])) for j in flat}
    tujuan_sasaran = [(t, [s for s in spek.sasaran if s.tujuan == t.id]) for t in spek.tujuan]
    pangkat = ", ".join(x for x in (spek.pimpinan.pangkat, spek.pimpinan.golongan) if x)
    year = d.tanggal[:4]
    nomor = d.nomor or "........"
    periode = (f"{d.periode.awal}-{d.periode.akhir}" if d.periode.akhir != d.periode.awal
               else str(d.periode.awal))
    return View(
        spek=spek,
        judul="INDIKATOR KINERJA UTAMA (IKU)",
        perubahan=d.jenis == "iku-perubahan",
        kecamatan=p.kecamatan,
        kabupaten=p.kabupaten,
        daerah=f"{p.jenis_daerah.capitalize()} {p.kabupaten}",
        jabatan_camat=f"Camat {p.kecamatan}",
        periode=periode,
        tahun=years,
        tempat=d.tempat or p.kecamatan,
        tanggal=indonesian.tanggal(d.tanggal),
        tahun_terbit=int(d.tanggal[:4]),
        nip=indonesian.nip(spek.pimpinan.nip),
        pangkat=pangkat,
        wilayah_ringkas=ringkas,
        pimpinan=head,
        struktur=[head] + head.children,
        jabatan_urut=flat,
        baris_iku=per_position[head.jabatan.id],
        baris_per_jabatan=per_position,
        ada_tujuan=bool(spek.tujuan),
        tujuan_sasaran=tujuan_sasaran,
        nomor_keputusan=nomor if year in nomor else f"{nomor} TAHUN {year}",
        judul_keputusan=(f"Penetapan {'Perubahan atas ' if d.jenis == 'iku-perubahan' else ''}"
                         f"Indikator Kinerja Utama (IKU) pada Kecamatan {p.kecamatan} "
                         f"{p.jenis_daerah.capitalize()} {p.kabupaten} Tahun {periode}"),
    )


def _tujuan_order(spek: Spek, s: Sasaran) -> int:
    """Keep sasaran of one tujuan together (so its cell can merge), in the tujuan's order."""
    ids = [t.id for t in spek.tujuan]
    return ids.index(s.tujuan) if s.tujuan in ids else len(ids)


def _spans(rows: list[Row], key: Callable[[Row], str]) -> list[int]:
    """Rowspans for merged cells: a run of equal keys opens with its length, then 0s."""
    spans = [0] * len(rows)
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or key(rows[i]) != key(rows[start]):
            spans[start] = i - start
            start = i
    return spans


def _tree(positions: list[Jabatan]) -> list[Posisi]:
    """The positions as a tree, the head (no atasan) first; orphans follow the head."""
    nodes = {j.id: Posisi(j, 0) for j in positions}
    roots: list[Posisi] = []
    for j in positions:
        parent = nodes.get(j.atasan) if j.atasan else None
        (parent.children if parent and parent is not nodes[j.id] else roots).append(nodes[j.id])
    roots.sort(key=lambda n: n.jabatan.atasan is not None)
    _set_depth(roots, 0)
    return roots


# Both walk with an explicit stack: a chain of 2,000 positions (the list's limit) is valid input
# and would pass Python's recursion limit.
def _set_depth(nodes: list[Posisi], depth: int) -> None:
    stack = [(node, depth) for node in nodes]
    while stack:
        node, level = stack.pop()
        node.depth = level
        stack.extend((child, level + 1) for child in node.children)


def _flatten(nodes: list[Posisi]) -> list[Posisi]:
    """Every position in tree order: each one, then its subordinates."""
    out: list[Posisi] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out
