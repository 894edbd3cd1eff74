"""What the packaged templates print (IKU407's table, checks/unprinted.py): for each field
pattern (spec/control_fields.py's syntax), the layouts and built-in sections that print it and,
where a section prints only some rows, which ones (a name in ROW_WORDS, evaluated by
unprinted._Rows). docs/sections.md says the same in prose; tests keep the three in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

S, K = "standar", "keputusan"


@dataclass(frozen=True)
class Printer:
    layout: str
    section: Optional[str] = None  # None: printed wherever the layout is
    rows: Optional[str] = None     # a name in ROW_WORDS: only for the values of those rows


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
