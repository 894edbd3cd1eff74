"""What the packaged templates print (IKU407's table, checks/unprinted.py): for each field
pattern (spec/control_fields.py's syntax), the layouts and built-in sections that print it and,
where a section prints only some rows, which ones (a name in ROW_WORDS, evaluated by
unprinted._Rows). docs/sections.md says the same in prose; tests keep the three in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ikugen.spec.model_tabel import KOLOM_IKU, KOLOM_PROGRAM

S, K = "standar", "keputusan"
TABLES = ("iku", "target", "tujuan_sasaran", "program")  # the tables of `tabel`


@dataclass(frozen=True)
class Printer:
    layout: str
    section: Optional[str] = None  # None: printed wherever the layout is
    rows: Optional[str] = None     # a name in ROW_WORDS: only for the values of those rows


def _and(table: str, printers: tuple[Printer, ...]) -> tuple[Printer, ...]:
    """`printers`, each also only where the columns of `table` (the office's, or the table's
    own) show the value."""
    return tuple(Printer(p.layout, p.section, f"{p.rows}+kolom_{table}" if p.rows else f"kolom_{table}")
                 for p in printers)


BOTH = (Printer(S), Printer(K))
TUPOKSI = (Printer(S, "tupoksi"),)
VISI = (Printer(S, "visi_misi"), Printer(S, "formulir_iku"))
DUTIES = (Printer(S, "tupoksi"), Printer(S, "formulir_iku", "head_position"), Printer(K, None, "annexed"))
NOWHERE: tuple[Printer, ...] = ()
# The IKU tables (the Camat's, the eselon IV positions', the decree's annexes), with the columns
# the office chose (tabel.iku.kolom) or their own: `+kolom_iku` asks whether a column shows it.
ROW_TEXT = _and("iku", (Printer(S, "formulir_iku", "head_row"), Printer(S, "iku_eselon_iv", "eselon_row"),
                        Printer(K)))
# The target tables: the Camat's (tabel_target), each eselon IV position's under its IKU table,
# and each annex's in the decree; each printed when one of its rows has a target or a baseline.
TARGETS = _and("target", (Printer(S, "tabel_target", "head_row_targets"),
                           Printer(S, "iku_eselon_iv", "eselon_row_targets"),
                           Printer(K, None, "annex_targets")))
# The Tujuan dan Sasaran table with the office's columns: a row per indicator of the Camat's.
LISTED = (Printer(S, "tujuan_sasaran", "head_row+kolom_tujuan_sasaran"),)
# A tujuan's own indicators: rows of the Camat's IKU table, above the tujuan's sasaran, and of
# the Tujuan dan Sasaran table (its own columns: the name and the satuan).
TUJUAN_ROWS = (Printer(S, "formulir_iku", "tujuan_head+kolom_iku"),
               Printer(S, "tujuan_sasaran", "kolom_tujuan_sasaran"))
INDICATOR = (*ROW_TEXT, *TARGETS, *LISTED)
# The program table (BAB IV of the standard layout, a LAMPIRAN of the decree), with its columns.
PROGRAM = (Printer(S, "indikator_program", "kolom_program"), Printer(K, None, "kolom_program"))
WITH_PROGRAM = (Printer(S, "indikator_program", "with_program"), Printer(K, None, "with_program"))

PRINTERS: dict[str, tuple[Printer, ...]] = {
    "dokumen.periode.awal": BOTH, "dokumen.periode.akhir": BOTH,
    "dokumen.tempat": BOTH, "dokumen.tanggal": BOTH,
    "dokumen.nomor": (Printer(K),), "dokumen.judul_keputusan": (Printer(K),),
    "profil.kecamatan": BOTH, "profil.kabupaten": BOTH,
    # The decree's letterhead names the kabupaten and the kecamatan only, as offices print it.
    "profil.provinsi": TUPOKSI, "profil.jumlah_kecamatan": TUPOKSI,
    "profil.alamat": (Printer(K),), "profil.telepon": (Printer(K),), "profil.surel": (Printer(K),),
    **{f"profil.batas.{side}": TUPOKSI for side in ("utara", "timur", "selatan", "barat")},
    "profil.visi": VISI, "profil.misi.*": VISI,
    "profil.landasan_hukum.*": (Printer(S, "landasan_hukum"), Printer(K)),
    "profil.landasan_hukum.*.kelompok": (Printer(S, "landasan_hukum"),),  # the decree's Mengingat is flat
    "profil.landasan_hukum.*.isi.*": (Printer(S, "landasan_hukum"), Printer(K)),
    "profil.logo": BOTH,  # the cover's picture, and the emblem beside the decree's letterhead
    "pimpinan.nama": BOTH, "pimpinan.pangkat": BOTH, "pimpinan.golongan": BOTH, "pimpinan.nip": BOTH,
    "wilayah.*.nama": TUPOKSI, "wilayah.*.kode": NOWHERE,
    "organisasi.*.nama": (Printer(S, "tupoksi", "tupoksi_named"),
                          Printer(S, "iku_eselon_iv", "eselon_position"),
                          Printer(S, "formulir_iku", "named_head_pj"),
                          Printer(S, "iku_eselon_iv", "named_eselon_pj"),
                          Printer(K, None, "annex_title"), Printer(K, None, "named_pj"),
                          *_and("program", (Printer(S, "indikator_program", "named_program_pj"),
                                            Printer(K, None, "named_program_pj")))),
    "organisasi.*.singkatan": (Printer(S, "formulir_iku", "head_pj"),
                               Printer(S, "iku_eselon_iv", "eselon_pj"), Printer(K, None, "pj"),
                               *_and("program", (Printer(S, "indikator_program", "program_pj"),
                                                 Printer(K, None, "program_pj")))),
    "organisasi.*.tugas": DUTIES, "organisasi.*.tugas.*": DUTIES, "organisasi.*.tugas.uraian": DUTIES,
    "organisasi.*.tugas.rincian.*": DUTIES, "organisasi.*.fungsi.*": DUTIES,
    "organisasi.*.kewenangan.*": TUPOKSI,
    "tujuan.*.uraian": (Printer(S, "tujuan_sasaran", "kolom_tujuan_sasaran"),
                        Printer(S, "formulir_iku", "kolom_iku")),
    "tujuan.*.urusan": (Printer(S, "tujuan_sasaran", "kolom_tujuan_sasaran"),
                        Printer(S, "formulir_iku", "kolom_iku")),
    **{f"tujuan.*.indikator.*.{name}": TUJUAN_ROWS for name in (
        "nama", "satuan", "definisi", "rumus", "sumber_data", "penanggung_jawab", "penanggung_jawab.*",
        "alasan", "tipe", "kondisi_awal", "target.*")},
    "sasaran.*.uraian": (Printer(S, "tujuan_sasaran", "listed_sasaran+kolom_tujuan_sasaran"),
                         Printer(S, "daftar_iku", "head_row"), *INDICATOR),
    # The program a sasaran serves: no table has a place for it (the programs' table has its own).
    "sasaran.*.program": NOWHERE,
    "indikator.*.nama": (Printer(S, "daftar_iku", "head_row"), *INDICATOR),
    "indikator.*.satuan": (Printer(S, "daftar_iku", "head_row"), *INDICATOR),
    **{f"indikator.*.{name}": INDICATOR for name in (
        "definisi", "rumus", "sumber_data", "alasan", "tipe", "kondisi_awal", "target.*")},
    "program.*.nama": PROGRAM,
    **{f"program.*.indikator.*.{name}": PROGRAM for name in (
        "nama", "satuan", "definisi", "rumus", "sumber_data", "alasan", "tipe", "kondisi_awal", "target.*")},
    "teks.indikator_program": WITH_PROGRAM, "tabel.program.judul": WITH_PROGRAM,
    # A column's label prints wherever the column does (the Tujuan dan Sasaran table is the
    # standard layout's only).
    **{f"tabel.{table}.judul_kolom.{c}": printers for table, columns, printers in (
        ("iku", KOLOM_IKU, (Printer(S, "formulir_iku", "label_iku"), Printer(S, "iku_eselon_iv", "label_iku"),
                            Printer(K, None, "label_iku_keputusan"))),
        ("target", KOLOM_IKU, (Printer(S, "tabel_target", "label_target"),
                               Printer(S, "iku_eselon_iv", "label_target"),
                               Printer(K, None, "label_target"))),
        ("tujuan_sasaran", KOLOM_IKU, (Printer(S, "tujuan_sasaran", "label_tujuan_sasaran"),)),
        ("program", KOLOM_PROGRAM, (Printer(S, "indikator_program", "label_program"),
                                    Printer(K, None, "label_program")))) for c in columns if c != "target"},
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
    "with_program": "dokumen yang punya program",
    "program_pj": "penanggung jawab indikator program",
    "named_program_pj": "penanggung jawab indikator program tanpa singkatan",
    **{f"kolom_{t}": f"kolom tabel.{t} yang memuatnya" for t in TABLES},
    **{f"label_{t}": f"kolom tabel.{t} yang dicetak" for t in TABLES},
    "label_iku_keputusan": "kolom tabel.iku yang dicetak",
}

# The columns a table has when the office chose none (its template leaves out a column none of
# its rows fills, which a value in it does): the field a value is in, by its column's name.
OWN_COLUMNS = {
    "iku": frozenset({"no", "tujuan", "sasaran", "indikator", "definisi", "rumus", "sumber_data",
                      "penanggung_jawab"}),
    "target": frozenset({"no", "sasaran", "indikator", "satuan", "kondisi_awal", "target"}),
    # The table of tujuan and their sasaran: a tujuan's indicators (name and satuan), not the sasaran's.
    "tujuan_sasaran": frozenset({"urusan", "tujuan", "indikator", "satuan", "sasaran"}),
    "program": frozenset({"program", "indikator", "satuan", "definisi", "rumus", "sumber_data",
                          "penanggung_jawab", "alasan", "tipe", "polaritas", "kondisi_awal", "target"}),
}
# The labels a table of its own columns prints: those columns, but the decree's annexes have no No
# or Tujuan, and the Tujuan dan Sasaran table names no satuan.
OWN_LABELS = {**OWN_COLUMNS,
              "iku_keputusan": OWN_COLUMNS["iku"] - {"no", "tujuan"},
              "tujuan_sasaran": OWN_COLUMNS["tujuan_sasaran"] - {"satuan"}}
# The fields the Penjelasan column lists when no column of their own does (tabel/kolom.md.j2).
EXPLAINED = frozenset({"alasan", "definisi", "rumus", "satuan", "tipe", "polaritas", "penanggung_jawab",
                       "sumber_data"})
