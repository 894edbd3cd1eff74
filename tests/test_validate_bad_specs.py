"""`ikugen validate` on bad specs: each one a small change to one valid spec, run as a user runs it.

Every case asserts the exit code, the exact `file:line:column: galat: ...` lines the user reads
(all of them, in order) and that no traceback leaks. The line and column in each expectation
were read off the spec text: `BASE_LINES` below pins the lines the cases rely on.
"""

from __future__ import annotations

import codecs
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pytest
from conftest import run_ikugen

# A valid minimal spec. Its line numbers are the cases' coordinates: change it and
# test_base_lines_are_where_the_cases_expect_them fails first.
BASE = """\
# Spesifikasi IKU minimal untuk uji
dokumen:
  periode:
    awal: 2021
    akhir: 2026
  tanggal: 2023-04-19
profil:
  kecamatan: Kaloran
  kabupaten: Temanggung
  provinsi: Jawa Tengah
pimpinan:
  nama: Drs. Budi Santoso, M.Si.
  nip: "19670707 198803 1 005"
organisasi:
  - id: camat
    nama: Camat
    eselon: III
    tugas: Memimpin penyelenggaraan pemerintahan di wilayah kecamatan
  - id: kasi_pem
    nama: Seksi Tata Pemerintahan
    fungsi: [Pembinaan administrasi pemerintahan desa]
    eselon: IV
    atasan: camat
tujuan:
  - id: T1
    uraian: Meningkatnya kualitas pelayanan publik
    indikator:
      - nama: Indeks Kepuasan Masyarakat
        satuan: indeks
        penanggung_jawab: camat
        rumus: Nilai rata-rata unsur pelayanan dikali 25
        sumber_data: Hasil survei kepuasan masyarakat
        definisi: Tingkat kepuasan masyarakat atas pelayanan kecamatan
sasaran:
  - id: S1
    uraian: Meningkatnya kualitas pelayanan administrasi
    tujuan: T1
indikator:
  - id: IK1
    sasaran: S1
    nama: Persentase layanan tepat waktu
    satuan: "%"
    sumber_data: Laporan seksi
    penanggung_jawab: kasi_pem
    polaritas: positif
    target:
      2021: 90
      2022: "92,5"
      2023: 93
      2024: 94
      2025: 95
      2026: 96
    kondisi_awal: 88
    rumus: Jumlah layanan yang selesai tepat waktu dibagi jumlah layanan dikali 100%
"""

BASE_LINES = {
    4: "    awal: 2021",
    5: "    akhir: 2026",
    6: "  tanggal: 2023-04-19",
    8: "  kecamatan: Kaloran",
    10: "  provinsi: Jawa Tengah",
    11: "pimpinan:",
    13: '  nip: "19670707 198803 1 005"',
    15: "  - id: camat",
    19: "  - id: kasi_pem",
    22: "    eselon: IV",
    23: "    atasan: camat",
    30: "        penanggung_jawab: camat",
    35: "  - id: S1",
    37: "    tujuan: T1",
    40: "    sasaran: S1",
    43: "    sumber_data: Laporan seksi",
    44: "    penanggung_jawab: kasi_pem",
    45: "    polaritas: positif",
    46: "    target:",
    47: "      2021: 90",
    48: '      2022: "92,5"',
}
MAX_BYTES = 2 * 1024 * 1024  # source.MAX_BYTES, written out: the test states the behaviour


def v(old: str, new: str) -> str:
    """BASE with one exact piece of text replaced (the piece must occur exactly once)."""
    assert BASE.count(old) == 1, f"{old!r} occurs {BASE.count(old)} times in BASE"
    return BASE.replace(old, new)


@dataclass(frozen=True)
class Bad:
    id: str
    content: Union[str, bytes]
    expected: tuple[str, ...]  # every line printed, without the leading "FILE:"; most are errors
    timed: bool = False  # must finish within 5 seconds (hostile input)


_ALIAS_BOMB = "".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    + [f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
)  # 9 levels, 387 million strings if expanded; lines 55-63 after BASE

# A chapter whose second section (line 59) is the case's.
_SUSUNAN = "susunan:\n  - bab: Penutup\n    bagian:\n      - penutup\n      - {}\n"
_SECTIONS = ("latar_belakang, maksud_tujuan, landasan_hukum, definisi, syarat_kriteria, tupoksi, "
             "tujuan_sasaran, visi_misi, penetapan, daftar_iku, formulir_iku, tabel_target, iku_eselon_iv, "
             "indikator_program, penutup, matriks_perubahan")
_HINT_INDENT = "samakan indentasi baris ini dengan kunci lain pada tingkat yang sama"
_HINT_COLON = "setiap baris pemetaan berbentuk 'kunci: nilai'"
_HINT_QUOTE = "tutup tanda kutip pada baris yang sama"
_HINT_TAB = "ganti tab dengan spasi"
_HINT_TAG = "spesifikasi hanya berisi data (teks, angka, daftar, pemetaan); hapus tag itu [IKU006]"
_HINT_ID = "pakai huruf, angka, _ . atau -, diawali huruf (mis. S1, camat, kasi_pem)"
_HINT_NIP = 'bentuk NIP: 8-6-1-3 angka, mis. "19670707 198803 1 005" [IKU105]'
_HINT_UTF8 = "simpan ulang berkas dengan encoding UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8)"
_HINT_EMPTY = "salin salah satu contoh di folder examples/ sebagai awal [IKU003]"
_HINT_DEEP = "periksa indentasi berkas [IKU007]"

CASES = [
    # --- YAML syntax --------------------------------------------------------------------------
    Bad("unclosed-double-quote", v("kecamatan: Kaloran", 'kecamatan: "Kaloran'),
        # the quote swallows lines 8-13 up to the quote opening the NIP: the fix is on line 8
        (f"8:14: galat: tanda kutip yang dibuka di sini baru ditutup di baris 13; {_HINT_QUOTE} [IKU010]",)),
    Bad("unclosed-quote-at-end", v('2022: "92,5"\n', '2022: "92,5\n'),
        (f"48:13: galat: tanda kutip yang dibuka di sini tidak ditutup; {_HINT_QUOTE} [IKU010]",)),
    Bad("unclosed-single-quote", v("kecamatan: Kaloran", "kecamatan: 'Kaloran"),
        (f"8:14: galat: tanda kutip yang dibuka di sini tidak ditutup; {_HINT_QUOTE} [IKU010]",)),
    Bad("text-after-closing-quote", v("kecamatan: Kaloran", "kecamatan: 'Kalo'ran'"),
        ("8:20: galat: ada teks setelah tanda kutip penutup; kutip seluruh nilai; di dalam kutip "
         "tunggal tulis '' untuk satu tanda petik [IKU010]",)),
    Bad("indentation-too-deep", v("  kabupaten: Temanggung", "   kabupaten: Temanggung"),
        ("9:13: galat: tanda titik dua (:) tidak diharapkan di sini: baris ini terbaca sebagai "
         "lanjutan teks dari baris 8; periksa indentasi baris ini, atau tanda titik dua yang hilang "
         "di baris 8 [IKU010]",)),
    Bad("indentation-too-shallow", v("    akhir: 2026", "   akhir: 2026"),
        (f"5:4: galat: indentasi tidak konsisten: kunci yang diharapkan tidak ada; {_HINT_INDENT} "
         "[IKU010]",)),
    Bad("list-item-indentation", v("  - id: kasi_pem", " - id: kasi_pem"),
        (f"19:2: galat: indentasi tidak konsisten: kunci yang diharapkan tidak ada; {_HINT_INDENT} "
         "[IKU010]",)),
    Bad("missing-colon", v("  kecamatan: Kaloran", "  kecamatan Kaloran"),
        # YAML reads "kecamatan Kaloran kabupaten" as one text and stops at line 9's colon
        ("9:12: galat: tanda titik dua (:) tidak diharapkan di sini: baris ini terbaca sebagai "
         "lanjutan teks dari baris 8; periksa indentasi baris ini, atau tanda titik dua yang hilang "
         "di baris 8 [IKU010]",)),
    Bad("missing-colon-last-key", v("  provinsi: Jawa Tengah", "  provinsi Jawa Tengah"),
        (f"10:3: galat: tanda titik dua (:) setelah kunci tidak ditemukan; {_HINT_COLON} [IKU010]",)),
    Bad("missing-colon-section", v("pimpinan:\n", "pimpinan\n"),
        (f"11:1: galat: tanda titik dua (:) setelah kunci tidak ditemukan; {_HINT_COLON} [IKU010]",)),
    Bad("stray-colon-in-value", v("nama: Seksi Tata Pemerintahan", "nama: Seksi: Tata Pemerintahan"),
        ("20:16: galat: tanda titik dua (:) tidak diharapkan di sini; periksa indentasi, atau beri "
         "tanda kutip pada teks yang memuat ': ' [IKU010]",)),
    Bad("tab-indentation", v("  kecamatan: Kaloran", "\tkecamatan: Kaloran"),
        (f"8:1: galat: karakter tab tidak boleh dipakai untuk indentasi; {_HINT_TAB} [IKU010]",)),
    Bad("tab-after-spaces", v("  kecamatan: Kaloran", "  \tkecamatan: Kaloran"),
        (f"8:3: galat: karakter tab tidak boleh dipakai untuk indentasi; {_HINT_TAB} [IKU010]",)),
    Bad("unclosed-flow-list", v("kecamatan: Kaloran", "kecamatan: [Kaloran"),
        ("9:12: galat: daftar [ ... ] tidak ditutup dengan benar (dibuka di baris 8); periksa koma "
         "dan ']' [IKU010]",)),
    Bad("unknown-escape", v("kecamatan: Kaloran", 'kecamatan: "Kalo\\qran"'),
        ("8:19: galat: urutan escape tidak dikenal dalam teks berkutip ganda; pakai kutip tunggal "
         "('...') atau tulis \\\\ untuk garis miring terbalik [IKU010]",)),
    Bad("surrogate-escape", v("kecamatan: Kaloran", 'kecamatan: "Kalo\\ud800ran"'),
        ("8:21: galat: kode escape \\u tidak sah dalam teks berkutip ganda; tulis karakternya "
         "langsung, atau hapus escape itu [IKU010]",)),
    Bad("list-item-after-key",
        v("  provinsi: Jawa Tengah\n", "  provinsi: Jawa Tengah\n  misi: - Sejahtera\n"),
        ("11:9: galat: butir daftar ('- ') tidak boleh ditulis di sini; tulis butir daftar di baris "
         "baru di bawah kuncinya, menjorok dengan spasi [IKU010]",)),
    Bad("bad-hex-escape", v("kecamatan: Kaloran", 'kecamatan: "Kalo\\xZZran"'),
        ("8:21: galat: escape \\x, \\u atau \\U harus diikuti angka heksadesimal; tulis karakternya "
         "langsung, atau tulis \\\\ untuk garis miring terbalik [IKU010]",)),
    Bad("raw-control-character", v("kecamatan: Kaloran", "kecamatan: Kalo\x07ran"),
        ("8:18: galat: berkas memuat karakter kendali yang tidak boleh ada; hapus karakter itu atau "
         "simpan ulang berkas sebagai teks UTF-8 [IKU010]",)),
    Bad("block-scalar-indicator", v("kecamatan: Kaloran", "kecamatan: |x Kaloran"),
        ("8:15: galat: penanda teks blok ('|' atau '>') tidak sah; setelah '|' atau '>' langsung "
         "ganti baris, lalu tulis teksnya menjorok di baris berikutnya [IKU010]",)),
    Bad("yaml-directive", "%YAML 2.0\n---\n" + BASE,
        ("1:1: galat: direktif YAML (baris diawali '%') tidak didukung; hapus baris itu, atau beri "
         "tanda kutip pada nilai yang diawali '%' [IKU010]",)),
    Bad("reserved-character", v("kecamatan: Kaloran", "kecamatan: @Kaloran"),
        ("8:14: galat: karakter ini tidak boleh mengawali nilai YAML; beri tanda kutip pada nilai "
         "ini [IKU010]",)),
    # --- the file as a whole ----------------------------------------------------------------
    Bad("empty-file", "", (f"1:1: galat: berkas kosong: tidak ada isi spesifikasi; {_HINT_EMPTY}",)),
    Bad("only-comments", "# Spesifikasi IKU\n# belum diisi\n",
        (f"1:1: galat: berkas kosong: tidak ada isi spesifikasi; {_HINT_EMPTY}",)),
    Bad("top-level-list", "- dokumen\n- profil\n",
        ("1:1: galat: isi berkas harus berupa pemetaan (kunci: nilai) di tingkat teratas, bukan "
         "daftar [IKU003]",)),
    Bad("two-documents", BASE + "---\nprofil:\n  kecamatan: Kandangan\n",
        ("55:1: galat: berkas memuat lebih dari satu dokumen YAML (pemisah ---); satu berkas berisi "
         "satu kecamatan [IKU009]",)),
    Bad("latin-1", v("Kaloran", "Kalor\u00e1n").encode("latin-1"),
        (f"8:19: galat: berkas bukan teks UTF-8 yang sah (byte 0xE1 pada posisi ini); {_HINT_UTF8} "
         "[IKU002]",)),
    Bad("latin-1-after-utf-8",
        v("Kaloran", "D\u00e9sa Kalor\u00e1n").encode().replace("\u00e1".encode(), b"\xe1"),
        # columns count characters: "  kecamatan: Désa Kalor" is 23 characters, 24 bytes
        (f"8:24: galat: berkas bukan teks UTF-8 yang sah (byte 0xE1 pada posisi ini); {_HINT_UTF8} "
         "[IKU002]",)),
    Bad("utf-16-without-bom", BASE.encode("utf-16-le"),
        ("1:2: galat: berkas memuat karakter NUL; mungkin berkas biner atau UTF-16 tanpa BOM; "
         "simpan ulang berkas sebagai teks UTF-8 [IKU002]",)),
    Bad("too-big", BASE + "#" * (MAX_BYTES - len(BASE)) + "\n",
        ("1:1: galat: berkas terlalu besar (2.097.153 byte; batas 2.097.152 byte) [IKU001]",)),
    # --- what the loader refuses ------------------------------------------------------------
    Bad("duplicate-key", v("  kabupaten: Temanggung\n", "  kabupaten: Temanggung\n  kecamatan: Kandangan\n"),
        ("10:3: galat: kunci 'kecamatan' ditulis dua kali dalam satu pemetaan (pertama di baris 8); "
         "hapus atau gabungkan salah satunya [IKU005]",)),
    Bad("duplicate-key-nested", v("    akhir: 2026\n", "    akhir: 2026\n    awal: 2022\n"),
        ("6:5: galat: kunci 'awal' ditulis dua kali dalam satu pemetaan (pertama di baris 4); "
         "hapus atau gabungkan salah satunya [IKU005]",)),
    Bad("merge-key", v("  kecamatan: Kaloran", "  <<: {kecamatan: Kaloran}"),
        ("8:3: galat: kunci gabungan YAML (<<) tidak didukung; tulis nilainya langsung [IKU004]",)),
    Bad("python-tag",
        v("kecamatan: Kaloran", 'kecamatan: !!python/object/apply:os.system ["echo DIJALANKAN"]'),
        (f"8:14: galat: tag YAML '!!python/object/apply:os.system' tidak diizinkan: {_HINT_TAG}",)),
    Bad("python-tag-scalar", v("kecamatan: Kaloran", "kecamatan: !!python/name:os.system"),
        (f"8:14: galat: tag YAML '!!python/name:os.system' tidak diizinkan: {_HINT_TAG}",)),
    Bad("binary-tag", v("kecamatan: Kaloran", "kecamatan: !!binary S2Fsb3Jhbg=="),
        (f"8:14: galat: tag YAML '!!binary' tidak diizinkan: {_HINT_TAG}",)),
    Bad("set-tag",
        v("  provinsi: Jawa Tengah\n", "  provinsi: Jawa Tengah\n  misi: !!set {Sejahtera: null}\n"),
        (f"11:9: galat: tag YAML '!!set' tidak diizinkan: {_HINT_TAG}",)),
    Bad("self-referencing-alias",
        v("  provinsi: Jawa Tengah\n", "  provinsi: Jawa Tengah\n  misi: &m [*m]\n"),
        ("11:13: galat: alias *m belum didefinisikan atau merujuk ke dirinya sendiri [IKU008]",)),
    Bad("undefined-alias", v("kecamatan: Kaloran", "kecamatan: *nama"),
        ("8:14: galat: alias *nama belum didefinisikan atau merujuk ke dirinya sendiri [IKU008]",)),
    Bad("alias-bomb", BASE + _ALIAS_BOMB,
        # line 60 is "f: &f [*e,*e,...]": its second alias passes 200,000 values
        ("60:11: galat: alias menghasilkan terlalu banyak nilai (lebih dari 200.000); kemungkinan "
         "'bom alias'; jangan memakai alias (*) bertingkat [IKU008]",), timed=True),
    Bad("nested-10000-flow", v("  provinsi: Jawa Tengah\n",
                               "  provinsi: Jawa Tengah\n  misi: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        # root and profil are 2 levels; the 39th '[' (column 9 + 38) would be the 41st
        (f"11:47: galat: struktur terlalu dalam (lebih dari 40 tingkat); {_HINT_DEEP}",), timed=True),
    Bad("nested-10000-block", v("  provinsi: Jawa Tengah\n",
                                "  provinsi: Jawa Tengah\n  misi:\n    " + "- " * 10_000 + "x\n"),
        (f"12:81: galat: struktur terlalu dalam (lebih dari 40 tingkat); {_HINT_DEEP}",), timed=True),
    # --- wrong types ------------------------------------------------------------------------
    Bad("list-for-mapping", v('  nama: Drs. Budi Santoso, M.Si.\n  nip: "19670707 198803 1 005"',
                              '  - Drs. Budi Santoso, M.Si.\n  - "19670707 198803 1 005"'),
        ("12:3: galat: 'pimpinan' harus berupa pemetaan (kunci: nilai), bukan daftar [IKU011]",)),
    Bad("text-for-int", v("awal: 2021", "awal: duaribu"),
        ("4:11: galat: 'awal' harus berupa bilangan bulat, bukan teks 'duaribu' [IKU011]",)),
    Bad("bool-for-int", v("awal: 2021", "awal: true"),
        ("4:11: galat: 'awal' harus berupa bilangan bulat, bukan nilai benar/salah [IKU011]",)),
    Bad("mapping-for-text", v("kecamatan: Kaloran", "kecamatan: {nama: Kaloran}"),
        ("8:14: galat: 'kecamatan' harus berupa teks, bukan pemetaan [IKU011]",)),
    Bad("list-for-text", v("kecamatan: Kaloran", "kecamatan: [Kaloran]"),
        ("8:14: galat: 'kecamatan' harus berupa teks, bukan daftar [IKU011]",)),
    Bad("text-for-list", v("  provinsi: Jawa Tengah\n", "  provinsi: Jawa Tengah\n  misi: Sejahtera\n"),
        ("11:9: galat: 'misi' harus berupa daftar (butir diawali '- '), bukan teks 'Sejahtera' [IKU011]",)),
    Bad("mapping-in-text-list", v("  provinsi: Jawa Tengah\n",
                                  "  provinsi: Jawa Tengah\n  misi:\n    - {Sejahtera: ya}\n"),
        ("12:7: galat: butir ke-1 'misi' harus berupa teks, bukan pemetaan [IKU011]",)),
    Bad("list-for-target", v('target:\n      2021: 90\n      2022: "92,5"\n      2023: 93\n      2024: 94\n'
                             '      2025: 95\n      2026: 96', "target: [90, 92.5, 93, 94, 95, 96]"),
        ("46:13: galat: 'target' harus berupa pemetaan (kunci: nilai), bukan daftar [IKU011]",)),
    Bad("mapping-for-target-value", v("2021: 90", "2021: {nilai: 90}"),
        ("47:13: galat: target tahun 2021 harus berupa angka atau teks singkat, bukan pemetaan [IKU011]",)),
    Bad("empty-value", v("kecamatan: Kaloran", "kecamatan:"),
        ("8:13: galat: 'kecamatan' belum diisi (kosong) [IKU011]",)),
    Bad("empty-text", v("kecamatan: Kaloran", 'kecamatan: ""'),
        ("8:14: galat: 'kecamatan' tidak boleh kosong [IKU011]",)),
    Bad("text-too-long", v("kecamatan: Kaloran", "kecamatan: " + "K" * 301),
        ("8:14: galat: 'kecamatan' terlalu panjang (301 karakter; batas 300) [IKU011]",)),
    Bad("empty-organisasi", v(BASE[BASE.index("organisasi:\n"):BASE.index("tujuan:\n")], "organisasi: []\n"),
        ("14:13: galat: daftar 'organisasi' tidak boleh kosong [IKU011]",)),
    # --- keys ------------------------------------------------------------------------------
    Bad("unknown-key", v("  provinsi: Jawa Tengah\n", "  provinsi: Jawa Tengah\n  warna: hijau\n"),
        ("11:3: galat: kunci 'warna' tidak dikenal; kunci yang dikenal: kecamatan, kabupaten, "
         "jenis_daerah, provinsi, alamat, telepon, surel, jumlah_kecamatan, batas, visi, misi, "
         "landasan_hukum, "
         "logo [IKU012]",)),
    Bad("misspelt-key", v("sumber_data: Laporan", "sumber_dta: Laporan"),
        ("43:5: galat: kunci 'sumber_dta' tidak dikenal; maksud Anda `sumber_data`? [IKU012]",)),
    Bad("misspelt-key-in-teks", BASE + "teks:\n  pengantar: Puji syukur\n",
        ("56:3: galat: kunci 'pengantar' tidak dikenal; maksud Anda `kata_pengantar`? [IKU012]",)),
    Bad("missing-field", v("    nama: Camat\n", ""),
        # a missing field is reported at its parent mapping: the list item at line 15
        ("15:5: galat: kunci wajib 'nama' belum diisi [IKU011]",)),
    Bad("missing-section",
        v('pimpinan:\n  nama: Drs. Budi Santoso, M.Si.\n  nip: "19670707 198803 1 005"\n', ""),
        ("2:1: galat: kunci wajib 'pimpinan' belum diisi [IKU011]",)),
    # --- identifiers and references ----------------------------------------------------------
    Bad("bad-id", v("id: camat", "id: 1camat"),
        (f"15:9: galat: pengenal '1camat' tidak sah; {_HINT_ID} [IKU011]",)),
    Bad("duplicate-id", v("    atasan: camat\n",
                          "    atasan: camat\n  - id: kasi_pem\n    nama: Seksi Trantib\n"
                          "    eselon: IV\n    atasan: camat\n    tugas: Ketertiban umum\n"),
        ("24:9: galat: id 'kasi_pem' sudah dipakai di baris 19; setiap id dalam satu daftar harus "
         "unik [IKU101]",)),
    Bad("dangling-indikator-sasaran", v("sasaran: S1", "sasaran: S11"),
        # S1 is then measured by nothing: the warning comes with the error
        ("35:5: peringatan: sasaran 'S1' belum punya indikator; tambahkan indikator dengan sasaran: S1; "
         "setiap sasaran diukur paling sedikit satu indikator [IKU408]",
         "40:14: galat: sasaran dengan id 'S11' tidak ada; maksud Anda `S1`? [IKU102]")),
    Bad("dangling-penanggung-jawab", v("penanggung_jawab: kasi_pem", "penanggung_jawab: kasi_pm"),
        ("44:23: galat: jabatan dengan id 'kasi_pm' tidak ada; maksud Anda `kasi_pem`? [IKU102]",)),
    Bad("dangling-penanggung-jawab-tujuan", v("penanggung_jawab: camat", "penanggung_jawab: camta"),
        ("30:27: galat: jabatan dengan id 'camta' tidak ada; maksud Anda `camat`? [IKU102]",)),
    Bad("dangling-sasaran-tujuan", v("tujuan: T1", "tujuan: T2"),
        ("37:13: galat: tujuan dengan id 'T2' tidak ada; id tujuan yang ada: T1 [IKU102]",)),
    Bad("dangling-atasan", v("atasan: camat", "atasan: camt"),
        ("23:13: galat: jabatan dengan id 'camt' tidak ada; maksud Anda `camat`? [IKU102]",)),
    Bad("two-heads", v("    atasan: camat\n", ""),
        ("19:5: galat: jabatan 'kasi_pem' tidak punya atasan; hanya Camat yang boleh; isi 'atasan', "
         "mis. atasan: camat [IKU103]",)),
    Bad("induk-cycle", v("    tujuan: T1\n", "    tujuan: T1\n    induk: S1\n"),
        ("38:12: galat: rantai induk sasaran 'S1' berputar [IKU103]",)),
    Bad("sasaran-without-tujuan", v("    tujuan: T1\n", ""),
        ("35:5: galat: sasaran 'S1' belum menyebut tujuannya; isi 'tujuan' dengan id tujuan, atau "
         "'induk' untuk sasaran eselon IV [IKU107]",)),
    # --- NIP ---------------------------------------------------------------------------------
    Bad("unquoted-nip", v('nip: "19670707 198803 1 005"', "nip: 196707071988031005"),
        ("13:8: galat: 'nip' ditulis sebagai angka; tulis dalam tanda kutip; pengenal bukan "
         "bilangan: tanpa kutip, YAML membuang nol di depan dan editor membacanya sebagai angka "
         "[IKU106]",)),
    Bad("nip-17-digits", v('nip: "19670707 198803 1 005"', 'nip: "19670707 198803 1 05"'),
        (f"13:8: galat: NIP harus 18 angka (tertulis 17 angka); {_HINT_NIP}",)),
    Bad("nip-19-digits", v('nip: "19670707 198803 1 005"', 'nip: "19670707 198803 1 0055"'),
        (f"13:8: galat: NIP harus 18 angka (tertulis 19 angka); {_HINT_NIP}",)),
    Bad("nip-with-dashes", v('nip: "19670707 198803 1 005"', 'nip: "19670707-198803-1-005"'),
        (f"13:8: galat: NIP memuat karakter selain angka dan spasi antarkelompok; {_HINT_NIP}",)),
    # --- years and dates ---------------------------------------------------------------------
    Bad("year-huge", v("awal: 2021", "awal: " + "9" * 5000),
        ("4:11: galat: tahun ditulis dengan empat angka 0-9, mis. 2024 [IKU011]",)),
    Bad("year-too-small", v("awal: 2021", "awal: 1900"),
        ("4:11: galat: tahun 1900 di luar rentang 1990-2100 [IKU011]",)),
    Bad("year-arabic-indic-digits", v("awal: 2021", "awal: ٢٠٢١"),
        ("4:11: galat: tahun ditulis dengan empat angka 0-9, mis. 2024 [IKU011]",)),
    # 90 and 10 would be one year once read as numbers, and one of them dropped without a word.
    Bad("target-years-that-collapse",
        v("      2021: 90\n", "      2021: 90\n      02021: 10\n      +2021: 11\n"),
        ("48:7: galat: kunci '02021': tahun ditulis dengan empat angka 0-9, mis. 2024 [IKU011]",
         "49:7: galat: kunci '+2021': tahun ditulis dengan empat angka 0-9, mis. 2024 [IKU011]")),
    Bad("date-arabic-indic-digits", v("tanggal: 2023-04-19", "tanggal: ٢٠٢٣-04-19"),
        ("6:12: galat: tanggal harus ditulis TTTT-BB-HH (mis. 2023-04-19), TTTT-BB, atau TTTT [IKU011]",)),
    Bad("date-year-9999", v("tanggal: 2023-04-19", "tanggal: 9999-04-19"),
        ("6:12: galat: tahun tanggal 9999-04-19 di luar rentang 1990-2100 [IKU011]",)),
    Bad("periode-reversed", v("awal: 2021\n    akhir: 2026", "awal: 2026\n    akhir: 2021"),
        ("4:5: galat: tahun akhir (2021) lebih awal dari tahun awal (2026) [IKU011]",)),
    Bad("periode-too-long", v("akhir: 2026", "akhir: 2040"),
        ("4:5: galat: periode lebih dari 10 tahun [IKU011]",)),
    Bad("target-outside-periode", v('2022: "92,5"', '2030: "92,5"'),
        # 2022 has then no target: the warning comes with the error
        ("47:7: peringatan: indikator 'Persentase layanan tepat waktu' belum punya target tahun 2022; "
         "tulis target setiap tahun periode; tulis \"-\" untuk tahun yang memang tidak ditargetkan [IKU301]",
         "48:13: galat: target tahun 2030 di luar periode 2021-2026; hapus target itu atau ubah "
         "dokumen.periode [IKU104]",)),
    Bad("target-key-not-a-year", v('2022: "92,5"', 'dua: "92,5"'),
        ("48:7: galat: kunci 'dua' harus berupa tahun (bilangan bulat) [IKU011]",)),
    Bad("tanggal-format", v("tanggal: 2023-04-19", "tanggal: 19-04-2023"),
        ("6:12: galat: tanggal harus ditulis TTTT-BB-HH (mis. 2023-04-19), TTTT-BB, atau TTTT [IKU011]",)),
    Bad("tanggal-not-in-calendar", v("tanggal: 2023-04-19", "tanggal: 2023-02-30"),
        ("6:12: galat: tanggal 2023-02-30 tidak ada di kalender [IKU011]",)),
    # --- values ------------------------------------------------------------------------------
    Bad("jenis-literal", v("  tanggal: 2023-04-19\n", "  tanggal: 2023-04-19\n  jenis: ikuu\n"),
        ("7:10: galat: nilai 'ikuu' untuk 'jenis' tidak dikenal; pilihan: iku, iku-perubahan; "
         "maksud Anda `iku`? [IKU011]",)),
    Bad("eselon-literal", v("eselon: IV", "eselon: V"),
        ("22:13: galat: nilai 'V' untuk 'eselon' tidak dikenal; pilihan: III, IV; maksud Anda "
         "`IV`? [IKU011]",)),
    Bad("polaritas-literal", v("polaritas: positif", "polaritas: postif"),
        ("45:16: galat: nilai 'postif' untuk 'polaritas' tidak dikenal; pilihan: positif, negatif; "
         "maksud Anda `positif`? [IKU011]",)),
    Bad("control-character", v("kecamatan: Kaloran", 'kecamatan: "Kaloran\\a"'),
        ("8:14: galat: teks memuat karakter kendali U+0007 (posisi ke-8) yang tidak dapat disimpan "
         "di dokumen Word; hapus karakter itu [IKU011]",)),
    Bad("nul-escape", v("kecamatan: Kaloran", 'kecamatan: "Kalo\\0ran"'),
        ("8:14: galat: teks memuat karakter kendali U+0000 (posisi ke-5) yang tidak dapat disimpan "
         "di dokumen Word; hapus karakter itu [IKU011]",)),
    Bad("ambiguous-number", v("2021: 90", "2021: 1.000"),
        ("47:13: galat: angka '1.000' ambigu: titik bisa berarti ribuan atau desimal; tulis 1000 "
         "untuk ribuan atau pakai koma untuk desimal [IKU011]",)),
    # Issue 14, 1: a section is a built-in name, a renamed built-in or the office's own; a mistake
    # in one is told as that one shape, once, with no Python value in the message.
    Bad("own-section-empty-title", BASE + _SUSUNAN.format('{judul: "", teks: "Salam"}'),
        ("59:17: galat: 'judul' tidak boleh kosong [IKU011]",)),
    Bad("own-section-misspelt-key", BASE + _SUSUNAN.format("{judul: Catatan, text: Salam}"),
        ("59:26: galat: kunci 'text' tidak dikenal; maksud Anda `teks`? [IKU012]",)),
    Bad("renamed-section-misspelt-name", BASE + _SUSUNAN.format("{bagian: penutp, judul: Akhir}"),
        ("59:18: galat: nilai 'penutp' untuk 'bagian' tidak dikenal; pilihan: " + _SECTIONS
         + "; maksud Anda `penutup`? [IKU011]",)),
    Bad("choice-given-a-mapping", v("eselon: IV", "eselon: {tingkat: IV}"),
        ("22:13: galat: 'eselon' harus salah satu dari: III, IV, bukan pemetaan [IKU011]",)),
    # Issue 14, 2: list items are counted from 1, as a person counts (the second item here).
    Bad("section-name-misspelt", BASE + _SUSUNAN.format("penutp"),
        ("59:9: galat: nilai 'penutp' untuk butir ke-2 'bagian' tidak dikenal; pilihan: " + _SECTIONS
         + "; maksud Anda `penutup`? [IKU011]",)),
    Bad("section-neither-text-nor-mapping", BASE + _SUSUNAN.format("[penutup]"),
        ("59:9: galat: butir ke-2 'bagian' harus berupa teks atau pemetaan (kunci: nilai), bukan daftar "
         "[IKU011]",)),
    # Issue 14, 3: a text item ending in ":" that YAML reads as a mapping: why, and how to quote it.
    Bad("list-item-ending-in-colon", v("    fungsi: [Pembinaan administrasi pemerintahan desa]\n",
                                       "    fungsi:\n      - Dasar hukum operasional, yaitu:\n"),
        ("22:9: galat: butir ke-1 'fungsi' terbaca sebagai pemetaan (kunci: nilai), bukan teks: tanda "
         "titik dua yang diikuti spasi atau akhir baris menjadikan teks di depannya sebuah kunci; beri "
         "tanda kutip pada seluruh butir, mis. - \"Dasar hukum operasional, yaitu:\" [IKU011]",)),
    Bad("section-ending-in-colon", BASE + _SUSUNAN.format("Dasar hukum: Perbup"),
        ("59:9: galat: butir ke-2 'bagian' terbaca sebagai pemetaan (kunci: nilai), bukan teks: tanda "
         "titik dua yang diikuti spasi atau akhir baris menjadikan teks di depannya sebuah kunci; beri "
         "tanda kutip pada seluruh butir, mis. - \"Dasar hukum: Perbup\" [IKU011]",)),
]


def _write(directory: Path, name: str, content: Union[str, bytes]) -> Path:
    path = directory / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))  # no newline translation on any platform
    else:
        path.write_bytes(content)
    return path


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert "galat internal" not in result.stderr


def test_base_lines_are_where_the_cases_expect_them():
    lines = BASE.splitlines()
    for number, text in BASE_LINES.items():
        assert lines[number - 1] == text, number
    assert len(lines) == 54  # appended cases (two documents, alias bomb, teks) start at line 55


def test_minimal_spec_is_valid(tmp_path):
    path = _write(tmp_path, "spek.yaml", BASE)
    result = run_ikugen("validate", path, process=True)  # end to end: a real process, its streams
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == "1 berkas diperiksa: sah"


@pytest.mark.parametrize("content", [
    pytest.param(codecs.BOM_UTF8 + BASE.encode(), id="utf-8-bom"),
    pytest.param(BASE.encode("utf-16"), id="utf-16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + BASE.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(BASE.replace("\n", "\r\n").encode(), id="crlf"),
])
def test_minimal_spec_in_other_encodings_is_valid(tmp_path, content):
    path = _write(tmp_path, "spek.yaml", content)
    result = run_ikugen("validate", path)
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == "1 berkas diperiksa: sah"


def test_enough_cases():
    assert len(CASES) >= 45
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_spec(tmp_path, case: Bad):
    path = _write(tmp_path, "spek.yaml", case.content)
    started = time.monotonic()
    # A hostile input in a process of its own, as in test_hardening: a crash is a signal, reported.
    result = run_ikugen("validate", path, timeout=60, process=case.timed)
    elapsed = time.monotonic() - started
    _no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{path}:{line}" for line in case.expected]
    errors = sum(": galat: " in line for line in case.expected)
    warnings = len(case.expected) - errors
    assert errors, "every case is an error: it must fail without --strict"
    assert result.stderr.strip() == f"1 berkas diperiksa: {errors} galat, {warnings} peringatan"
    if case.timed:
        assert elapsed < 5, f"{case.id} took {elapsed:.1f} s"


# Four schema problems and an unquoted NIP, written in an order different from the report's.
SEVERAL = (
    v("polaritas: positif", "polaritas: postif")
    .replace("eselon: IV", "eselon: V")
    .replace("akhir: 2026", "akhir: duaribu")
    .replace('nip: "19670707 198803 1 005"', "nip: 196707071988031005")
    .replace("sumber_data: Laporan", "sumber_dta: Laporan")
)
SEVERAL_EXPECTED = [
    "5:12: galat: 'akhir' harus berupa bilangan bulat, bukan teks 'duaribu' [IKU011]",
    "13:8: galat: 'nip' ditulis sebagai angka; tulis dalam tanda kutip; pengenal bukan bilangan: "
    "tanpa kutip, YAML membuang nol di depan dan editor membacanya sebagai angka [IKU106]",
    "22:13: galat: nilai 'V' untuk 'eselon' tidak dikenal; pilihan: III, IV; maksud Anda `IV`? [IKU011]",
    "43:5: galat: kunci 'sumber_dta' tidak dikenal; maksud Anda `sumber_data`? [IKU012]",
    "45:16: galat: nilai 'postif' untuk 'polaritas' tidak dikenal; pilihan: positif, negatif; "
    "maksud Anda `positif`? [IKU011]",
]


def test_several_problems_are_reported_together_sorted_by_line(tmp_path):
    path = _write(tmp_path, "spek.yaml", SEVERAL)
    result = run_ikugen("validate", path)
    _no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{path}:{line}" for line in SEVERAL_EXPECTED]
    assert result.stderr.strip() == "1 berkas diperiksa: 5 galat, 0 peringatan"


def test_json_format_gives_the_same_problems(tmp_path):
    path = _write(tmp_path, "spek.yaml", SEVERAL)
    text = run_ikugen("validate", path)
    result = run_ikugen("validate", path, "--format", "json")
    _no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["berkas"] == [str(path)]
    assert (report["galat"], report["peringatan"]) == (5, 0)
    places = [(p["line"], p["column"]) for p in report["masalah"]]
    assert places == [(5, 12), (13, 8), (22, 13), (43, 5), (45, 16)]
    assert [p["code"] for p in report["masalah"]] == ["IKU011", "IKU106", "IKU011", "IKU012", "IKU011"]
    assert {p["file"] for p in report["masalah"]} == {str(path)}
    assert {p["severity"] for p in report["masalah"]} == {"galat"}
    as_text = [
        f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: {p['message']}"
        + (f"; {p['hint']}" if p["hint"] else "") + f" [{p['code']}]"
        for p in report["masalah"]
    ]
    assert as_text == text.stdout.splitlines()


def test_json_format_of_a_valid_spec(tmp_path):
    path = _write(tmp_path, "spek.yaml", BASE)
    result = run_ikugen("validate", "--format", "json", path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"berkas": [str(path)], "galat": 0, "peringatan": 0, "masalah": [],
                                         "diabaikan": []}


def test_strict_turns_warnings_into_failure(tmp_path):
    path = _write(tmp_path, "spek.yaml", BASE)
    result = run_ikugen("validate", "--strict", path)
    assert result.returncode == 0, result.stdout  # no warnings: --strict changes nothing
    # Without a sumber data the spec is valid but incomplete: a warning (IKU406).
    incomplete = _write(tmp_path, "kurang.yaml", v("    sumber_data: Laporan seksi\n", ""))
    expected = [f"{incomplete}:39:5: peringatan: indikator 'Persentase layanan tepat waktu' belum punya "
                "sumber data; isi 'sumber_data', mis. \"Laporan Seksi Pemerintahan\" atau \"Hasil SKM\" "
                "[IKU406]"]
    lenient = run_ikugen("validate", incomplete)
    assert lenient.returncode == 0, lenient.stdout + lenient.stderr
    assert lenient.stdout.splitlines() == expected
    assert lenient.stderr.strip() == "1 berkas diperiksa: 0 galat, 1 peringatan"
    strict = run_ikugen("validate", "--strict", incomplete)
    assert strict.returncode == 1
    assert strict.stdout.splitlines() == expected


def test_several_files_in_one_call(tmp_path):
    first = _write(tmp_path, "satu.yaml", v("atasan: camat", "atasan: camt"))
    good = _write(tmp_path, "dua.yaml", BASE)
    second = _write(tmp_path, "tiga.yaml", v('nip: "19670707 198803 1 005"', 'nip: "19670707 198803 1 05"'))
    result = run_ikugen("validate", first, good, second)
    _no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{first}:23:13: galat: jabatan dengan id 'camt' tidak ada; maksud Anda `camat`? [IKU102]",
        f"{second}:13:8: galat: NIP harus 18 angka (tertulis 17 angka); {_HINT_NIP}",
    ]
    assert result.stderr.strip() == "3 berkas diperiksa: 2 galat, 0 peringatan"


def test_a_folder_is_its_yaml_files(tmp_path):
    _write(tmp_path, "a.yaml", BASE)
    bad = _write(tmp_path, "b.yaml", v("eselon: IV", "eselon: V"))
    _write(tmp_path, "catatan.txt", "bukan spesifikasi")
    result = run_ikugen("validate", tmp_path)
    _no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:22:13: galat: nilai 'V' untuk 'eselon' tidak dikenal; pilihan: III, IV; "
        "maksud Anda `IV`? [IKU011]",
    ]
    assert result.stderr.strip() == "2 berkas diperiksa: 1 galat, 0 peringatan"


def test_folder_without_yaml_is_a_usage_error(tmp_path):
    _write(tmp_path, "catatan.txt", "bukan spesifikasi")
    result = run_ikugen("validate", tmp_path)
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"galat: {tmp_path}: folder ini tidak berisi berkas .yaml"


def test_missing_file_is_a_usage_error(tmp_path):
    missing = tmp_path / "tidak-ada.yaml"
    result = run_ikugen("validate", missing)
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"galat: {missing}: berkas tidak ditemukan"


def test_missing_file_among_good_ones_is_still_a_usage_error(tmp_path):
    good = _write(tmp_path, "spek.yaml", BASE)
    result = run_ikugen("validate", good, tmp_path / "tidak-ada.yaml")
    _no_traceback(result)
    assert result.returncode == 2
    assert "tidak-ada.yaml: berkas tidak ditemukan" in result.stderr


def test_python_tag_runs_nothing(tmp_path):
    marker = tmp_path / "DIJALANKAN"
    path = _write(tmp_path, "spek.yaml",
                  v("kecamatan: Kaloran", f'kecamatan: !!python/object/apply:os.system ["touch {marker}"]'))
    result = run_ikugen("validate", path, cwd=tmp_path)
    assert result.returncode == 1
    assert not marker.exists()


def test_an_offices_own_order_is_told_as_the_shape_meant(tmp_path):
    """Issue 14, message 1, in an office's susunan/standar.yaml: the same one message as in a spec."""
    spec = _write(tmp_path, "spek.yaml", BASE)
    (tmp_path / "kantor" / "susunan").mkdir(parents=True)
    order = _write(tmp_path / "kantor" / "susunan", "standar.yaml",
                   "- bab: Penutup\n  bagian:\n    - penutup\n    - {judul: Catatan, text: Salam}\n")
    result = run_ikugen("validate", "--templates", tmp_path / "kantor", spec)
    _no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{order}:4:24: galat: kunci 'text' tidak dikenal; maksud Anda `teks`? [IKU012]"]
