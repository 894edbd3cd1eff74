"""Values the document, as it will be built, does not print (IKU407).

Every value a spec holds is printed by the layout and the sections it is built with, or this
check says so at the value's line. `PRINTERS` is what the packaged templates print, one entry
per field pattern (spec/control_fields.py's syntax): the layout, the built-in section (None:
every document of that layout) and, where a section prints only some rows, which ones.
tests/test_unprinted.py builds a marker in every field in every layout and keeps this table in
step with the templates; docs/sections.md says the same in prose.

Not reported: control fields (ids, references, choices, paths, settings: never printed as
written), values inherited from a `dasar` base (a base serves many layouts), and the notes of
an IKU Perubahan (`alasan_perubahan`, `perubahan`), which IKU72x already check against the
Matriks Perubahan.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterator, Optional

from pydantic import BaseModel

from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.control_fields import pattern
from ikugen.spec.model import Jabatan
from ikugen.spec.yaml_reader import Path_
from ikugen.view.organisation import flatten, tree

CODE = "IKU407"
S, K = "standar", "keputusan"
# What a section prints besides itself: BAB IV of the standard layout holds three sections.
_HOLDS = {"penetapan": ("formulir_iku", "tabel_target", "iku_eselon_iv")}
# Checked elsewhere (IKU722-IKU726 against the previous spec and its Matriks Perubahan).
DELEGATED = frozenset({"indikator.*.alasan_perubahan", "perubahan.*.alasan_perubahan"})


@dataclass(frozen=True)
class Printer:
    layout: str
    section: Optional[str] = None  # None: printed wherever the layout is
    rows: Optional[str] = None     # a name in _ROWS: only for those values


BOTH = (Printer(S), Printer(K))
TUPOKSI = (Printer(S, "tupoksi"),)
VISI = (Printer(S, "visi_misi"), Printer(S, "formulir_iku"))
DUTIES = (Printer(S, "tupoksi"), Printer(S, "formulir_iku", "head_position"), Printer(K, None, "annexed"))
NOWHERE: tuple[Printer, ...] = ()
ROW_TEXT = (Printer(S, "formulir_iku", "head_row"), Printer(S, "iku_eselon_iv", "eselon_row"), Printer(K))
# The target tables: the Camat's (tabel_target), each eselon IV position's under its IKU table,
# and each annex's in the decree; each printed when one of its rows has a target or a baseline.
TARGETS = (Printer(S, "tabel_target", "head_row_targets"), Printer(S, "iku_eselon_iv", "eselon_row_targets"),
           Printer(K, None, "annex_targets"))
# A tujuan's own indicators: rows of the Camat's IKU table, above the tujuan's sasaran.
TUJUAN_ROWS = (Printer(S, "formulir_iku", "tujuan_head"),)

PRINTERS: dict[str, tuple[Printer, ...]] = {
    "dokumen.periode.awal": BOTH, "dokumen.periode.akhir": BOTH,
    "dokumen.tempat": BOTH, "dokumen.tanggal": BOTH,
    "dokumen.nomor": (Printer(K),),
    "profil.kecamatan": BOTH, "profil.kabupaten": BOTH,
    # The decree's letterhead names the kabupaten and the kecamatan only, as offices print it.
    "profil.provinsi": TUPOKSI, "profil.jumlah_kecamatan": TUPOKSI,
    "profil.alamat": (Printer(K),),
    **{f"profil.batas.{side}": TUPOKSI for side in ("utara", "timur", "selatan", "barat")},
    "profil.visi": VISI, "profil.misi.*": VISI,
    "profil.landasan_hukum.*": (Printer(S, "landasan_hukum"), Printer(K)),
    "profil.landasan_hukum.*.kelompok": (Printer(S, "landasan_hukum"),),  # the decree's Mengingat is flat
    "profil.landasan_hukum.*.isi.*": (Printer(S, "landasan_hukum"), Printer(K)),
    "profil.logo": (Printer(S),),  # the cover's picture; the decree's letterhead has none
    "pimpinan.nama": BOTH, "pimpinan.pangkat": BOTH, "pimpinan.golongan": BOTH, "pimpinan.nip": BOTH,
    "wilayah.*.nama": TUPOKSI, "wilayah.*.kode": NOWHERE,
    "organisasi.*.nama": (Printer(S, "tupoksi", "tupoksi_named"),
                          Printer(S, "iku_eselon_iv", "eselon_position"),
                          Printer(S, "formulir_iku", "named_head_pj"),
                          Printer(S, "iku_eselon_iv", "named_eselon_pj"),
                          Printer(K, None, "annex_title"), Printer(K, None, "named_pj")),
    "organisasi.*.singkatan": (Printer(S, "formulir_iku", "head_pj"),
                               Printer(S, "iku_eselon_iv", "eselon_pj"), Printer(K, None, "pj")),
    "organisasi.*.tugas": DUTIES, "organisasi.*.tugas.*": DUTIES, "organisasi.*.tugas.uraian": DUTIES,
    "organisasi.*.tugas.rincian.*": DUTIES, "organisasi.*.fungsi.*": DUTIES,
    "organisasi.*.kewenangan.*": TUPOKSI,
    "tujuan.*.uraian": (Printer(S, "tujuan_sasaran"), Printer(S, "formulir_iku")),
    "tujuan.*.urusan": (Printer(S, "tujuan_sasaran"),),
    "tujuan.*.indikator.*.nama": (Printer(S, "tujuan_sasaran"), *TUJUAN_ROWS),
    "tujuan.*.indikator.*.satuan": (Printer(S, "tujuan_sasaran"),),  # after the name, in brackets
    **{f"tujuan.*.indikator.*.{name}": TUJUAN_ROWS for name in ("definisi", "rumus", "sumber_data")},
    "tujuan.*.indikator.*.penanggung_jawab": TUJUAN_ROWS,
    "tujuan.*.indikator.*.penanggung_jawab.*": TUJUAN_ROWS,
    # No table holds a tujuan's targets (the target tables are of the sasaran's indicators).
    "tujuan.*.indikator.*.kondisi_awal": NOWHERE, "tujuan.*.indikator.*.target.*": NOWHERE,
    # alasan and tipe: printed by no layout yet; the Kalimanah-style table (another change) will.
    "tujuan.*.indikator.*.alasan": NOWHERE, "tujuan.*.indikator.*.tipe": NOWHERE,
    "sasaran.*.uraian": (Printer(S, "tujuan_sasaran", "listed_sasaran"),
                         Printer(S, "daftar_iku", "head_row"), *ROW_TEXT, *TARGETS),
    # The program a sasaran serves: no table has a place for it (issue 13's program table will).
    "sasaran.*.program": NOWHERE,
    "indikator.*.nama": (Printer(S, "daftar_iku", "head_row"), *ROW_TEXT, *TARGETS),
    "indikator.*.satuan": (Printer(S, "daftar_iku", "head_row"), *TARGETS),
    "indikator.*.definisi": ROW_TEXT, "indikator.*.rumus": ROW_TEXT, "indikator.*.sumber_data": ROW_TEXT,
    # alasan and tipe: printed by no layout yet; the Kalimanah-style table (another change) will.
    "indikator.*.alasan": NOWHERE, "indikator.*.tipe": NOWHERE,
    "indikator.*.kondisi_awal": TARGETS, "indikator.*.target.*": TARGETS,
    "teks.kata_pengantar": (Printer(S),),
    **{f"teks.{name}": (Printer(S, name),) for name in (
        "latar_belakang", "maksud_tujuan", "landasan_hukum", "definisi", "syarat_kriteria",
        "tujuan_sasaran", "visi_misi", "formulir_iku", "penutup")},
    # Openings of a section printed only when it has something to show.
    "teks.tabel_target": (Printer(S, "tabel_target", "with_targets"),),
    "teks.matriks_perubahan": (Printer(S, "matriks_perubahan", "with_matrix"),),
    "teks.iku_eselon_iv": (Printer(S, "iku_eselon_iv", "with_eselon"),),
    # BAB IV's opening; a chapter with daftar_iku and no penetapan opens with it.
    "teks.penetapan": (Printer(S, "penetapan"), Printer(S, "daftar_iku")),
    "teks.gambaran_umum": TUPOKSI,
    "teks.menimbang.*": (Printer(K),), "teks.diktum.*": (Printer(K),),
    # The decree has no chapters: its annexes are the ones its dicta name.
    "susunan.*.bab": (Printer(S),), "susunan.*.lampiran": (Printer(S),),
    "susunan.*.bagian.*.judul": (Printer(S),), "susunan.*.bagian.*.teks": (Printer(S),),
}

# What each row condition means, for the hint.
ROW_WORDS = {
    "head_position": "jabatan Camat", "annexed": "Camat dan jabatan pemilik sasaran",
    "eselon_position": "jabatan eselon IV pemilik sasaran",
    "annex_title": "jabatan eselon IV pemilik sasaran",
    "tupoksi_named": "jabatan yang punya tugas, fungsi atau kewenangan, dan jabatan dalam struktur "
                     "organisasi",
    "head_row": "sasaran Camat", "eselon_row": "sasaran jabatan eselon IV",
    "head_row_targets": "sasaran Camat, bila salah satu indikatornya punya target atau kondisi awal",
    "eselon_row_targets": "sasaran jabatan eselon IV, bila salah satu indikatornya punya target atau "
                          "kondisi awal",
    "annex_targets": "lampiran yang salah satu indikatornya punya target atau kondisi awal",
    "tujuan_head": "tujuan yang dituju sasaran Camat",
    "listed_sasaran": "sasaran yang menyebut tujuannya",
    "head_pj": "penanggung jawab indikator sasaran Camat",
    "eselon_pj": "penanggung jawab indikator eselon IV",
    "pj": "penanggung jawab indikator", "named_head_pj": "penanggung jawab tanpa singkatan",
    "named_eselon_pj": "penanggung jawab tanpa singkatan", "named_pj": "penanggung jawab tanpa singkatan",
    "with_targets": "dokumen yang indikator Camat-nya punya target atau kondisi awal",
    "with_matrix": "IKU Perubahan yang menyebut spesifikasi sebelumnya",
    "with_eselon": "dokumen yang jabatan eselon IV-nya punya sasaran",
}


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
