"""The checks of issue 5: each fires on the defect it is for and stays quiet on correct data.

`CLEAN` is a small correct spec; every case changes one piece of it and lists every line
`validate` prints for the result (without the leading "spek.yaml:"). The defects of IKU-GUIDE
§8 are fixtures in `tests/defects/`, each quoting its seed, each caught at its line and column.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, ROOT, run_ikugen

from ikugen.errors import SpecError
from ikugen.pipeline import load_spec

DEFECTS = ROOT / "tests" / "defects"

CLEAN = """\
# Spesifikasi bersih untuk uji pemeriksaan
dokumen:
  periode: {awal: 2021, akhir: 2023}
  tanggal: "2021-01-15"
profil:
  kecamatan: Kaloran
  kabupaten: Temanggung
  provinsi: Jawa Tengah
  batas:
    utara: Kabupaten Kendal
    timur: Kecamatan Pringsurat
    selatan: Kecamatan Kranggan
    barat: Kecamatan Temanggung
  landasan_hukum:
    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
    - >-
      Peraturan Bupati Temanggung Nomor 60 Tahun 2016 tentang Kedudukan, Susunan Organisasi,
      Tugas, Fungsi dan Tata Kerja Kecamatan
pimpinan:
  nama: Muhamad Jafar Khudhori, S.Sos
  pangkat: Pembina Tk. I
  golongan: IV/b
  nip: "19670707 198803 1 005"
wilayah:
  - {nama: Kaloran}
  - {nama: Tlogowungu}
  - {nama: Getas, jenis: kelurahan}
organisasi:
  - id: camat
    nama: Camat
    eselon: III
    tugas: Membantu Bupati dalam penyelenggaraan pemerintahan di Kecamatan Kaloran
  - id: kasi_pem
    nama: Seksi Tata Pemerintahan
    singkatan: Kasi Pem
    eselon: IV
    atasan: camat
    fungsi:
      - Menyiapkan bahan penyusunan program kerja pada Seksi Tata Pemerintahan
tujuan:
  - id: T1
    uraian: Meningkatnya kualitas pelayanan publik
    urusan: Penyelenggaraan Pemerintahan di Kecamatan
sasaran:
  - id: S1
    uraian: Meningkatnya kualitas pelayanan administrasi
    tujuan: T1
indikator:
  - id: I1
    sasaran: S1
    nama: Persentase layanan yang selesai tepat waktu
    satuan: "%"
    rumus: Jumlah layanan tepat waktu dibagi jumlah layanan dikali 100%
    sumber_data: Laporan Seksi Tata Pemerintahan
    penanggung_jawab: kasi_pem
    polaritas: positif
    kondisi_awal: 85
    target: {2021: 86, 2022: "87,5", 2023: 90}
teks:
  gambaran_umum: >-
    Kecamatan Kaloran terbagi menjadi 2 desa dan 1 kelurahan. Sebelah utara berbatasan dengan
    Kabupaten Kendal.
"""


def v(*pairs: tuple[str, str]) -> str:
    """CLEAN with pieces of text replaced (each piece must occur exactly once)."""
    text = CLEAN
    for old, new in pairs:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def report(path: Path, shown: str = "spek.yaml", skip: tuple[str, ...] = ()) -> list[str]:
    """What `validate` prints for one spec: problems and silenced warnings, by position."""
    try:
        loaded = load_spec(path, shown, skip)
        found = loaded.warnings + loaded.silenced
    except SpecError as exc:
        found = exc.problems + getattr(exc, "silenced", [])
    return [p.text()[len(shown) + 1:] for p in sorted(found, key=lambda p: (p.line, p.column))]


def check(tmp_path: Path, text: str, **kw) -> list[str]:
    path = tmp_path / "spek.yaml"
    path.write_text(text, encoding="utf-8")
    return report(path, **kw)


# Pieces several cases use.
S2 = ("    tujuan: T1\nindikator:",  # a second sasaran, owned by the Kasi, after S1
      "    tujuan: T1\n  - id: S2\n    uraian: Meningkatnya tertib administrasi desa\n"
      "    pemilik: kasi_pem\n    induk: S1\nindikator:")
TEKS = "    Kabupaten Kendal.\n"
LAW = "    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n"


def teks(sentence: str) -> tuple[str, str]:
    """A sentence added to teks.gambaran_umum (line 60)."""
    return TEKS, "    Kabupaten Kendal. " + sentence + "\n"


def renamed(name: str, said: str) -> list[tuple[str, str]]:
    """The Kasi's unit named `name`, and written `said` in its fungsi (line 39)."""
    return [("nama: Seksi Tata Pemerintahan", f"nama: {name}"), ("kerja pada Seksi Tata Pemerintahan",
                                                                 f"kerja pada {said}")]


def add_indicator(name="Persentase layanan yang selesai tepat waktu", sasaran="S2", target=True, ident="I2"):
    """An indicator added after I1."""
    last = '    target: {2021: 86, 2022: "87,5", 2023: 90}\n'
    return (last, last + f"  - id: {ident}\n    sasaran: {sasaran}\n    nama: {name}\n"
            "    rumus: Jumlah desa tertib dibagi jumlah desa dikali 100%\n    sumber_data: Laporan seksi\n"
            + ("    kondisi_awal: 50\n    target: {2021: 60, 2022: 70, 2023: 80}\n" if target else ""))


def test_clean_spec_is_quiet(tmp_path):
    assert check(tmp_path, CLEAN) == []


@dataclass(frozen=True)
class Fires:
    code: str
    pairs: list
    expected: tuple[str, ...]
    skip: tuple[str, ...] = ()  # checks left out (`--abaikan`), where they would only add noise


FIRES = [
    Fires("IKU101", [("    tujuan: T1\nindikator:",
             "    tujuan: T1\n  - id: S1\n    uraian: Meningkatnya tertib administrasi\n"
             "    tujuan: T1\nindikator:")], (
        "48:9: galat: id 'S1' sudah dipakai di baris 45; setiap id dalam satu daftar harus unik "
        '[IKU101]',
    )),
    Fires("IKU102", [("penanggung_jawab: kasi_pem", "penanggung_jawab: Kasi Pem")], (
        "55:23: galat: 'Kasi Pem' adalah nama jabatan, bukan id jabatan; tulis id jabatannya: "
        '`kasi_pem` (Seksi Tata Pemerintahan) [IKU102]',
    )),
    Fires("IKU102", [("penanggung_jawab: kasi_pem", "penanggung_jawab: Pemerintahan")], (
        "55:23: galat: jabatan dengan id 'Pemerintahan' tidak ada; tulis id jabatannya: `kasi_pem` "
        '(Seksi Tata Pemerintahan) [IKU102]',
    )),
    Fires("IKU103", [("    atasan: camat\n", "")], (
        "33:5: galat: jabatan 'kasi_pem' tidak punya atasan; hanya Camat yang boleh; isi 'atasan', "
        'mis. atasan: camat [IKU103]',
    )),
    Fires("IKU104", [("2023: 90}", "2023: 90, 2030: 95}")], (
        '58:54: galat: target tahun 2030 di luar periode 2021-2023; hapus target itu atau ubah '
        'dokumen.periode [IKU104]',
    )),
    Fires("IKU105", [('"19670707 198803 1 005"', '"19670707 198803 1 05"')], (
        '23:8: galat: NIP harus 18 angka (tertulis 17 angka); bentuk NIP: 8-6-1-3 angka, mis. '
        '"19670707 198803 1 005" [IKU105]',
    )),
    Fires("IKU106", [('"19670707 198803 1 005"', '196707071988031005')], (
        "23:8: galat: 'nip' ditulis sebagai angka; tulis dalam tanda kutip; pengenal bukan bilangan: "
        'tanpa kutip, YAML membuang nol di depan dan editor membacanya sebagai angka [IKU106]',
    )),
    Fires("IKU107", [("    tujuan: T1\nindikator:", "indikator:")], (
        "45:5: galat: sasaran 'S1' belum menyebut tujuannya; isi 'tujuan' dengan id tujuan, atau "
        "'induk' untuk sasaran eselon IV [IKU107]",
    )),
    Fires("IKU109", [("teks:\n  gambaran", "tabel:\n  iku:\n    kolom: [no, sasaran, rumus, no]\n"
                      "teks:\n  gambaran")], (
        "61:12: galat: tabel 'iku' tanpa kolom indikator; tambahkan 'indikator' ke daftar kolom: setiap "
        "baris tabel ini satu indikator [IKU109]",
        "61:33: galat: kolom 'no' dipilih dua kali; sebut setiap kolom sekali [IKU109]",
    )),
    Fires("IKU110", [("teks:\n  gambaran", "tabel:\n  target:\n"
                      "    kolom: [sasaran, indikator, satuan, kondisi_awal, target]\n"
                      "    judul_kolom: {no: NO}\nteks:\n  gambaran")], (
        "62:23: peringatan: judul kolom 'no' tidak dicetak: tabel 'target' tidak memuat kolom itu; "
        "tambahkan 'no' ke tabel.target.kolom, atau hapus judul ini [IKU110]",
    )),
    # A target table without the Satuan and Kondisi Awal columns: the two values are not printed.
    Fires("IKU407", [("teks:\n  gambaran", "tabel:\n  target:\n    kolom: [sasaran, indikator, target]\n"
                      "teks:\n  gambaran")], (
        "52:13: peringatan: nilai ini (indikator[].satuan) tidak dicetak: kolom yang dipilih di "
        "tabel.target.kolom tidak memuat 'satuan'; tambahkan 'satuan' (atau 'penjelasan') ke "
        "tabel.target.kolom, atau hapus nilai ini [IKU407]",
        "57:19: peringatan: nilai ini (indikator[].kondisi_awal) tidak dicetak: kolom yang dipilih di "
        "tabel.target.kolom tidak memuat 'kondisi_awal'; tambahkan 'kondisi_awal' ke tabel.target.kolom, "
        "atau hapus nilai ini [IKU407]",
    )),
    Fires("IKU201", [('"19670707 198803 1 005"', '"19671307 198803 1 005"')], (
        '23:8: galat: 8 angka pertama NIP (19671307) bukan tanggal lahir yang mungkin; 8 angka '
        'pertama NIP adalah tanggal lahir TTTTBBHH, mis. 19670707 [IKU201]',
    )),
    Fires("IKU202", [('"19670707 198803 1 005"', '"19670707 198003 1 005"')], (
        '23:8: galat: TMT CPNS dalam NIP (1980-03) sebelum pemiliknya berusia 18 tahun (lahir '
        '1967-07-07); angka ke-9 s.d. 14 NIP adalah bulan pengangkatan CPNS (TMT), TTTTBB, mis. '
        '198803 [IKU202]',
    )),
    Fires("IKU202", [('"19670707 198803 1 005"', '"19670707 209903 1 005"')], (
        '23:8: galat: TMT CPNS dalam NIP (2099-03) belum tiba; angka ke-9 s.d. 14 NIP adalah bulan '
        'pengangkatan CPNS (TMT), TTTTBB, mis. 198803 [IKU202]',
    )),
    Fires("IKU203", [('"19670707 198803 1 005"', '"19670707 198803 3 005"')], (
        '23:8: galat: angka ke-15 NIP (3) harus 1 (laki-laki) atau 2 (perempuan); bentuk NIP: '
        '8-6-1-3 angka, mis. "19670707 198803 1 005" [IKU203]',
    )),
    Fires("IKU204", [("golongan: IV/b", "golongan: IV/a")], (
        '22:13: galat: pangkat Pembina Tingkat I bergolongan IV/b, bukan IV/a; golongan IV/a '
        'berpangkat Pembina; betulkan salah satunya [IKU204]',
    )),
    Fires("IKU205", [("pangkat: Pembina Tk. I", "pangkat: Rembina Tk. I")], (
        "21:12: peringatan: pangkat 'Rembina Tk. I' tidak dikenal; maksud Anda `Pembina Tingkat I`? "
        '[IKU205]',
    )),
    Fires("IKU205", [("golongan: IV/b", "golongan: V/b")], (
        "22:13: peringatan: golongan 'V/b' tidak dikenal; tulis golongan ruang seperti IV/a, IV/b, "
        'III/d [IKU205]',
    )),
    Fires("IKU206", [("    fungsi:\n      - Menyiapkan bahan penyusunan program kerja pada Seksi Tata "
                      "Pemerintahan\n",
             "")], (
        "33:5: peringatan: jabatan 'Seksi Tata Pemerintahan' belum punya tugas maupun fungsi; isi "
        "'tugas' dan/atau 'fungsi' dari peraturan bupati tentang tugas dan fungsi kecamatan; bab "
        'Tugas Pokok dan Fungsi mencetaknya [IKU206]',
    )),
    Fires("IKU207", [("kerja pada Seksi Tata Pemerintahan", "kerja pada Seksi Tata Pemerintah")], (
        "39:9: peringatan: teks menyebut 'Seksi Tata Pemerintah', padahal nama jabatannya 'Seksi "
        "Tata Pemerintahan'; tulis nama unit sama persis di semua tempat (jabatan 'kasi_pem'), atau "
        'abaikan dengan alasan bila teks itu kutipan [IKU207]',
    )),
    # Issue 14, 4: the unit is quoted as the file has it, with its comma.
    Fires("IKU207", renamed("Subbagian Keuangan dan Perencanaan", "Subbagian Keuangan, Perencanaan"), (
        "39:9: peringatan: teks menyebut 'Subbagian Keuangan, Perencanaan', padahal nama jabatannya "
        "'Subbagian Keuangan dan Perencanaan'; tulis nama unit sama persis di semua tempat (jabatan "
        "'kasi_pem'), atau abaikan dengan alasan bila teks itu kutipan [IKU207]",
    )),
    Fires("IKU301", [("2022: \"87,5\", ", "")], (
        "58:13: peringatan: indikator 'Persentase layanan yang selesai tepat waktu' belum punya "
        'target tahun 2022; tulis target setiap tahun periode; tulis "-" untuk tahun yang memang '
        'tidak ditargetkan [IKU301]',
    )),
    Fires("IKU301", [add_indicator("Persentase desa tertib administrasi", target=False), S2], (
        "65:11: peringatan: indikator 'Persentase desa tertib administrasi' belum punya target sama "
        'sekali, padahal indikator lain sudah; tulis target per tahun periode, mis. target: {2021: '
        '80} [IKU301]',
    )),
    Fires("IKU302", [("2022: \"87,5\"", "2022: \"87,5 persen\"")], (
        "58:30: peringatan: nilai '87,5 persen' bukan angka, padahal satuannya '%'; tulis angka saja "
        '(mis. 85 atau "87,5"); satuan ditulis di \'satuan\'; untuk predikat seperti BB pakai satuan '
        "'predikat' [IKU302]",
    )),
    Fires("IKU303", [("2023: 90}", "2023: 80}")], (
        '58:44: peringatan: target 2023 (80) lebih rendah dari target 2022 (87,5), padahal '
        'polaritasnya positif (makin tinggi makin baik); betulkan targetnya [IKU303]',
    )),
    Fires("IKU303", [("    polaritas: positif\n", ""), ("2023: 90}", "2023: 80}")], (
        '57:44: peringatan: target 2023 (80) lebih rendah dari target 2022 (87,5), padahal '
        'polaritasnya positif (makin tinggi makin baik); betulkan targetnya, atau tulis polaritas: '
        'negatif bila makin rendah makin baik [IKU303]',
    )),
    Fires("IKU304", [("    kondisi_awal: 85\n", "")], (
        "57:13: peringatan: indikator 'Persentase layanan yang selesai tepat waktu' punya target "
        'tetapi belum punya kondisi awal; isi kondisi_awal (nilai tahun sebelum periode), atau '
        'kondisi_awal: "-" bila indikator ini baru [IKU304]',
    )),
    Fires("IKU401", [("nama: Persentase layanan", "nama: Meningkatnya layanan")], (
        "51:11: peringatan: nama indikator 'Meningkatnya layanan yang selesai tepat waktu' berupa "
        'pernyataan, bukan ukuran; awali dengan kata ukuran: Persentase, Jumlah, Indeks, Nilai, '
        "Angka, Rasio, Tingkat, Rata-rata, Capaian, Skor, ...; pernyataan seperti 'Meningkatnya ...' "
        'adalah sasaran [IKU401]',
    )),
    Fires("IKU401", [("nama: Persentase layanan", "nama: Prosentase layanan")], (
        "51:11: peringatan: nama indikator diawali 'Prosentase'; ejaan baku: Persentase [IKU401]",
    )),
    Fires("IKU402", [("dibagi jumlah layanan dikali 100%", "dalam setahun")], (
        '53:12: peringatan: indikator persentase, tetapi rumusnya tidak membagi apa pun; persentase '
        '= bagian dibagi keseluruhan dikali 100% [IKU402]',
    )),
    Fires("IKU403", [("nama: Persentase layanan", "nama: Jumlah layanan")], (
        "51:11: peringatan: indikator 'Jumlah ...' (bilangan), tetapi rumusnya menghasilkan "
        'persentase; ganti kata ukurannya menjadi Persentase, atau rumusnya menjadi hitungan [IKU403]',
    )),
    Fires("IKU404", [("    rumus: Jumlah layanan tepat waktu dibagi jumlah layanan dikali 100%\n", "")], (
        "49:5: peringatan: indikator 'Persentase layanan yang selesai tepat waktu' belum punya "
        "rumus; isi 'rumus': cara menghitung nilai indikator (kolom Rumus tabel IKU) [IKU404]",
    )),
    Fires("IKU405", [("jumlah layanan dikali 100%", "jumlah layanan dikali")], (
        '53:12: galat: rumus terpotong: berakhir dengan \'dikali\'; lengkapi rumusnya, mis. "... '
        'dibagi ... dikali 100%" [IKU405]',
    )),
    Fires("IKU405", [("dikali 100%", "x ,00%")], (
        '53:12: galat: rumus rusak di \'x ,00%\'; periksa angka dan tanda yang hilang, mis. "x ,00%" '
        'untuk "x 100%" [IKU405]',
    )),
    Fires("IKU405", [("dibagi jumlah layanan", "dibagi (jumlah layanan")], (
        '53:12: galat: rumus terpotong: berakhir dengan \'(\'; lengkapi rumusnya, mis. "... dibagi ... '
        'dikali 100%" [IKU405]',
    )),
    Fires("IKU406", [("    sumber_data: Laporan Seksi Tata Pemerintahan\n", "")], (
        "49:5: peringatan: indikator 'Persentase layanan yang selesai tepat waktu' belum punya "
        'sumber data; isi \'sumber_data\', mis. "Laporan Seksi Pemerintahan" atau "Hasil SKM" [IKU406]',
    )),
    Fires("IKU408", [S2], (
        "48:5: peringatan: sasaran 'S2' belum punya indikator; tambahkan indikator dengan sasaran: "
        'S2; setiap sasaran diukur paling sedikit satu indikator [IKU408]',
    )),
    Fires("IKU409", [add_indicator(f"Persentase desa tertib tahap {n}", "S1", ident=f"I{n}")
                     for n in (4, 3, 2)], (
        "45:5: peringatan: sasaran 'S1' diukur 4 indikator; lazimnya paling banyak 3; pilih "
        'indikator yang paling mewakili; sisanya dapat menjadi indikator kinerja eselon IV [IKU409]',
    )),
    Fires("IKU410", [add_indicator(), S2], (
        "65:11: peringatan: indikator 'Persentase layanan yang selesai tepat waktu' juga di jabatan "
        'Camat (baris 55); satu indikator cukup dicantumkan sekali, pada jabatan yang memikulnya '
        '[IKU410]',
    )),
    Fires("IKU407", [("    tujuan: T1\nindikator:",
                      "    tujuan: T1\n    program: Program Pelayanan Administrasi\nindikator:")], (
        "48:14: peringatan: nilai ini (sasaran[].program) tidak dicetak oleh tata letak mana pun; ikugen "
        "belum mencetaknya; nilai ini hanya tersimpan di spesifikasi [IKU407]",
    )),
    Fires("IKU501", [teks("Kecamatan Kandangan terletak di sebelah timur.")], (
        "60:18: peringatan: teks menyebut 'Kecamatan Kandangan', bukan Kecamatan Kaloran; mungkin "
        'sisa dari dokumen lain; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan '
        'bila nama itu memang dimaksud [IKU501]',
    )),
    Fires("IKU501", [teks("Sama seperti Kecamatan Pringsurat.")], (
        "60:18: peringatan: teks menyebut 'Kecamatan Pringsurat', wilayah tetangga, di luar uraian "
        'batas wilayah; mungkin sisa dari dokumen lain; ganti dengan nama tempat dokumen ini, atau '
        'abaikan dengan alasan bila nama itu memang dimaksud [IKU501]',
    )),
    Fires("IKU501", [teks("Desa Wonosari dibina.")], (
        "60:18: peringatan: teks menyebut 'Desa Wonosari', yang tidak ada di daftar wilayah "
        'kecamatan ini; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan bila nama '
        'itu memang dimaksud [IKU501]',
    )),
    Fires("IKU501", [teks("Pemerintah Kota Semarang.")], (
        "60:18: peringatan: teks menyebut 'Kota Semarang', bukan Kabupaten Temanggung; mungkin sisa "
        'dari dokumen lain; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan bila '
        'nama itu memang dimaksud [IKU501]',
    )),
    Fires("IKU502", [("menjadi 2 desa", "menjadi 3 desa")], (
        "60:18: peringatan: teks menyebut '3 desa', padahal daftar wilayah memuat 2; ikugen "
        'menghitung jumlah itu sendiri; betulkan teks atau datanya [IKU502]',
    )),
    Fires("IKU502", [teks("Kecamatan Kaloran mempunyai dua urusan.")], (
        "60:18: peringatan: teks menyebut 'dua urusan', padahal tujuan (urusan) memuat 1; ikugen "
        'menghitung jumlah itu sendiri; betulkan teks atau datanya [IKU502]',
    )),
    Fires("IKU601", [("    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n",
              "    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n"
              "    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n")], (
        '16:7: peringatan: peraturan ini sudah tercantum di baris 15; hapus salah satunya; bila '
        'judulnya berbeda, periksa mana yang benar [IKU601]',
    )),
    # Line 16's Peraturan Bupati Nomor 60, cited in a text as Nomor 10 (Kaloran's seed).
    Fires("IKU602", [teks("Berdasarkan Peraturan Bupati Temanggung Nomor 10 Tahun 2016 tentang Kedudukan, "
                          "Susunan Organisasi, Tugas, Fungsi dan Tata Kerja Kecamatan, maka tugasnya sebagai "
                          "berikut.")], (
        '60:18: peringatan: Peraturan Bupati Temanggung tentang Kedudukan Susunan Organisasi Tugas '
        'Fungsi dan ... disebut Nomor 10 Tahun 2016 di sini, tetapi Nomor 60 Tahun 2016 di baris 16; '
        'samakan nomor dan tahunnya dengan naskah peraturan; bila keduanya memang peraturan berbeda, '
        'abaikan dengan alasan [IKU602]',
    )),
    Fires("IKU603", [("    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n",
              "    - Undang-Undang tentang Pemerintahan Daerah\n")], (
        '15:7: peringatan: butir landasan hukum tidak menyebut nomor dan tahun peraturan; tulis '
        'seperti "Peraturan Bupati Temanggung Nomor 60 Tahun 2016 tentang ..." [IKU603]',
    )),
    Fires("IKU801", [("nama: Seksi Tata Pemerintahan", "nama: Seksi Pemerintahan dan Tata Pemerintahan"),
             ("pada Seksi Tata Pemerintahan", "pada Seksi Pemerintahan dan Tata Pemerintahan")], (
        "34:11: peringatan: kata 'Pemerintahan' tertulis dua kali dalam 'Seksi Pemerintahan dan Tata "
        "Pemerintahan'; hapus kata yang berulang [IKU801]",
    )),
    Fires("IKU801", [("nama: Persentase layanan yang", "nama: Persentase layanan layanan yang")], (
        "51:11: peringatan: kata 'layanan' tertulis dua kali dalam 'Persentase layanan layanan yang "
        "selesai tepat waktu'; hapus kata yang berulang [IKU801]",
    )),
    Fires("IKU802", [("sumber_data: Laporan Seksi Tata Pemerintahan", "sumber_data: TODO")], (
        "54:18: peringatan: teks memuat 'TODO', penanda yang belum diganti; ganti dengan isi "
        'sebenarnya sebelum dokumen ditandatangani [IKU802]',
    )),
    Fires("IKU802", [teks("Jumlah penduduk [isi] jiwa.")], (
        "60:18: peringatan: teks memuat '[isi]', penanda yang belum diganti; ganti dengan isi "
        'sebenarnya sebelum dokumen ditandatangani [IKU802]',
    )),
    Fires("IKU901", [("teks:\n",
                      "abaikan:\n  - {kode: IKU404, di: I1, alasan: rumus belum ditetapkan}\nteks:\n")], (
        "60:5: peringatan: tidak ada peringatan IKU404 di 'I1' yang perlu diabaikan; hapus butir "
        'abaikan ini [IKU901]',
    )),
    Fires("IKU901", [("teks:\n", "abaikan:\n  - {kode: IKU999, di: I1, alasan: contoh}\n"
                      "  - {kode: IKU105, di: pimpinan, alasan: contoh}\n"
                      "  - {kode: IKU404, di: I9, alasan: contoh}\nteks:\n")], (
        '60:5: peringatan: kode IKU999 tidak dikenal; daftar kode ada di docs/checks.md [IKU901]',
        '61:5: peringatan: IKU105 adalah galat; galat tidak dapat diabaikan; betulkan masalahnya '
        '[IKU901]',
        "62:5: peringatan: tempat 'I9' tidak ada di spesifikasi; tulis id butir (mis. I3) atau nama "
        'bagian (mis. profil.landasan_hukum.2) [IKU901]',
    )),
    Fires("IKU710", [("sumber_data: Laporan Seksi Tata Pemerintahan", "sumber_data: \"ISI: sumber data\"")], (
        "54:18: galat: belum diisi: sumber data; ganti penanda 'ISI: ...' dengan data kecamatan ini "
        '[IKU710]',
    )),
    # Issue 14: another office's regulation, a plan of another period, one number written two ways.
    Fires("IKU604", [(LAW, LAW + "    - Peraturan Bupati Temanggung Nomor 45 Tahun 2016 tentang Susunan "
                      "Organisasi dan Tata Kerja Badan Perencanaan Pembangunan Daerah\n")], (
        "16:7: peringatan: butir ini tentang organisasi dan tata kerja Badan Perencanaan Pembangunan Daerah, "
        "bukan kecamatan; mungkin sisa dari dokumen kantor lain; ganti dengan peraturan tentang organisasi "
        "dan tata kerja kecamatan atau Renstra kecamatan ini, atau abaikan dengan alasan bila memang "
        "dimaksud [IKU604]",
    )),
    Fires("IKU605", [(LAW, LAW + "    - Peraturan Daerah Kabupaten Temanggung Nomor 1 Tahun 2018 tentang "
                      "RPJMD Kabupaten Temanggung Tahun 2018-2023\n")], (
        "16:7: peringatan: RPJMD yang disebut berperiode 2018-2023, padahal dokumen ini untuk periode "
        "2021-2023; sebut RPJMD dan Renstra periode dokumen ini; bila yang dimaksud memang periode lain, "
        "abaikan dengan alasan [IKU605]",
    )),
    # A decree without regulations has no Mengingat (the standard layout leaves its section out).
    Fires("IKU607", [(LAW + "    - >-\n      Peraturan Bupati Temanggung Nomor 60 Tahun 2016 tentang "
                      "Kedudukan, Susunan Organisasi,\n      Tugas, Fungsi dan Tata Kerja Kecamatan\n", ""),
                     ("  landasan_hukum:\n", ""), ("dokumen:\n", "dokumen:\n  tata_letak: keputusan\n")], (
        "7:3: peringatan: keputusan ini tidak menyebut landasan hukum, sehingga tidak punya diktum "
        "Mengingat; tulis peraturan yang mendasari IKU ini di profil.landasan_hukum [IKU607]",
    ), skip=("IKU407",)),  # what else the decree does not print
    Fires("IKU606", [teks("Sesuai Undang-Undang Nomor 023 Tahun 2014 tentang Pemerintahan Daerah.")], (
        "60:18: peringatan: nomor peraturan ditulis 'Nomor 023 Tahun 2014' di sini, tetapi 'Nomor 23 Tahun "
        "2014' di baris 15; tulis nomornya sama persis dengan naskah peraturan di semua tempat [IKU606]",
    )),
    # Issue 14: a unit misspelt into another word; a formula cut off before a quote; a stray letter.
    Fires("IKU208", renamed("Seksi Pelayaran", "Seksi Pelayaran"), (
        "34:11: peringatan: 'Seksi Pelayaran' memuat kata 'Pelayaran', mirip 'Pelayanan' dalam nama unit "
        "'Seksi Pelayanan'; mungkin salah ketik; betulkan ejaannya, atau abaikan dengan alasan bila kata itu "
        "memang dimaksud [IKU208]",
    )),
    Fires("IKU405", [("dikali 100%", 'dikali"')], (
        "53:12: galat: rumus terpotong: berakhir dengan 'dikali'; lengkapi rumusnya, mis. \"... dibagi ... "
        'dikali 100%" [IKU405]',
    )),
    Fires("IKU411", [("nama: Persentase layanan yang selesai tepat waktu\n",
                      "nama: Persentase layanan yang selesai tepat waktu B\n")], (
        "51:11: peringatan: nama indikator 'Persentase layanan yang selesai tepat waktu B' diakhiri huruf "
        "'B' yang berdiri sendiri; mungkin sisa penyuntingan; hapus huruf itu; bila memang bagian nama (mis. "
        '"Kelas A"), abaikan dengan alasan [IKU411]',
    )),
    # The spec's Markdown, as the DOCX writer reads it: each wrong directive and table, at its text.
    Fires("IKU015", [(TEKS, TEKS + '  penutup: "<!-- ikugen:daftar romawi -->\\n\\n1. Salam.\\n\\n'
                      '<table><col width=\\"120%\\"><tr><td>x</td></tr></table>"\n')], (
        "63:12: galat: arahan <!-- ikugen:daftar romawi --> di templat atau teks Markdown tidak sah: "
        "jenis daftar: angka, huruf, butir [IKU015]",
        "63:12: galat: lebar kolom tabel '120%' tidak sah; tulis persen 0-100, mis. <col width=\"20%\"> "
        "[IKU015]",
    )),
    Fires("IKU015", [("teks:\n", "susunan:\n  - bab: Penutup\n    bagian:\n      - {judul: Catatan, teks: "
                      "\"<!-- ikugen:gaya Tebal Sekali -->\"}\nteks:\n")], (
        "62:32: galat: arahan <!-- ikugen:gaya Tebal Sekali --> di templat atau teks Markdown tidak sah: "
        "nama gaya hanya huruf, angka, _ dan - [IKU015]",
    )),
]


@pytest.mark.parametrize("case", FIRES, ids=[f"{c.code}-{i}" for i, c in enumerate(FIRES)])
def test_check_fires(tmp_path, case: Fires):
    found = check(tmp_path, v(*case.pairs), skip=case.skip)
    assert found == list(case.expected)
    assert any(line.endswith(f"[{case.code}]") for line in found)


# Correct data close to each check's defect: the check says nothing (nor does any other).
RUMUS = "dibagi jumlah layanan dikali 100%"
NIP = '"19670707 198803 1 005"'
TUJUAN_IND = ("    urusan: Penyelenggaraan Pemerintahan di Kecamatan\n",
              "    urusan: Penyelenggaraan Pemerintahan di Kecamatan\n    indikator:\n      - nama: {}\n")
QUIET = [
    # (The Kasi then heads no row: its singkatan, printed only in a Penanggung Jawab cell, goes.)
    ("IKU102", [("penanggung_jawab: kasi_pem", "penanggung_jawab: camat"),
                ("    singkatan: Kasi Pem\n", "")]),
    # The three seeds' NIPs (Cerbon, Kalimanah) and a woman's.
    ("IKU201", [(NIP, '"19850924 200412 1 001"')]),
    ("IKU202", [(NIP, '"19690926 199903 1 005"')]),
    ("IKU203", [(NIP, '"19700101 199503 2 002"')]),
    # The grade written inside the rank; any case; "Tk." and "Tingkat 1" for Tingkat I.
    ("IKU204", [("pangkat: Pembina Tk. I", "pangkat: pembina tk.I (IV/b)"), ("  golongan: IV/b\n", "")]),
    ("IKU205", [("pangkat: Pembina Tk. I", "pangkat: PEMBINA TINGKAT 1"),
                ("golongan: IV/b", "golongan: IV / b")]),
    # fungsi without tugas is enough (Kaloran's subbagian and seksi).
    ("IKU206", [("    tugas: Membantu Bupati dalam penyelenggaraan pemerintahan di Kecamatan Kaloran\n",
                 "    fungsi: [Penyelenggaraan pemerintahan umum di Kecamatan Kaloran]\n")]),
    # Any case, words after the name, another office's unit.
    ("IKU207", [("kerja pada Seksi Tata Pemerintahan",
                 "kerja pada seksi tata pemerintahan desa dan Seksi Pembangunan")]),
    # No target anywhere is a draft; "-" says "no target that year" on purpose.
    ("IKU301", [('    target: {2021: 86, 2022: "87,5", 2023: 90}\n', "")]),
    ("IKU301", [('2022: "87,5"', '2022: "-"')]),
    ("IKU302", [('satuan: "%"', "satuan: predikat"), ('2022: "87,5"', "2022: BB")]),
    # Lower is better and falls; a kumulatif indicator's yearly shares may fall.
    ("IKU303", [("polaritas: positif", "polaritas: negatif"), ("kondisi_awal: 85", "kondisi_awal: 95"),
                ('{2021: 86, 2022: "87,5", 2023: 90}', '{2021: 94, 2022: "-", 2023: 90}')]),
    # (No layout prints tipe yet: IKU407 says so, silenced here; IKU901 tells when it is printed.)
    ("IKU303", [("    polaritas: positif\n", "    polaritas: positif\n    tipe: kumulatif\n"),
                ("2023: 90}", "2023: 30}"),
                ("teks:\n",
                 "abaikan:\n  - {kode: IKU407, di: I1.tipe, alasan: tipe belum dicetak}\nteks:\n")]),
    ("IKU304", [("kondisi_awal: 85", 'kondisi_awal: "-"')]),
    ("IKU401", [("nama: Persentase layanan", "nama: IKM layanan")]),
    ("IKU401", [("nama: Persentase layanan", "nama: Rata-rata layanan")]),
    ("IKU402", [(RUMUS, "/ jumlah layanan) x 100%"), ("rumus: Jumlah", "rumus: (Jumlah")]),
    ("IKU403", [("nama: Persentase layanan", "nama: Jumlah layanan"), (RUMUS, "dalam setahun")]),
    # A tujuan's indicator is not a row of the IKU table: no rumus asked, and it may repeat one.
    ("IKU404", [(TUJUAN_IND[0], TUJUAN_IND[1].format("Indeks Kepuasan Masyarakat"))]),
    ("IKU406", [(TUJUAN_IND[0], TUJUAN_IND[1].format("Indeks Kepuasan Masyarakat"))]),
    ("IKU405", [("dikali 100%", "dikali 10.000 penduduk")]),
    ("IKU405", [("rumus: Jumlah layanan", "rumus: Nilai rata-rata 87,5 dari jumlah layanan")]),
    # Every sasaran measured; three IKU on one sasaran.
    ("IKU408", [add_indicator("Persentase desa tertib administrasi"), S2]),
    ("IKU409", [add_indicator(f"Persentase desa tertib tahap {n}", "S1", ident=f"I{n}") for n in (3, 2)]),
    ("IKU410", [(TUJUAN_IND[0], TUJUAN_IND[1].format("Persentase layanan yang selesai tepat waktu"))]),
    # Neighbours at the boundary; the kabupaten in a regulation's title; generic words.
    ("IKU501", [teks("Sebelah timur berbatasan dengan Kecamatan Pringsurat, sebelah barat Kecamatan "
                     "Temanggung.")]),
    ("IKU501", [teks("Peraturan Daerah Kabupaten Temanggung mengatur Kecamatan dan Kelurahan di "
                     "Kabupaten/Kota serta Desa dan/atau Kelurahan; kecamatan lain, Desa Kaloran, "
                     "Kelurahan Getas, Desa Wisata.")]),
    ("IKU502", [teks("Sebanyak 1 desa yang belum tertib administrasi.")]),
    # An amendment cites the law it amends; a successor law has the same title.
    ("IKU601", [(LAW, LAW + "    - Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas "
                 "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n")]),
    ("IKU602", [(LAW, LAW + "    - Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah\n")]),
    ("IKU603", [(LAW, "    - Undang-Undang Dasar Negara Republik Indonesia Tahun 1945\n    - >-\n"
                 "      Peraturan Menteri Pendayagunaan Aparatur Negara Nomor: PER/09/M.PAN/5/2007 tentang\n"
                 "      Pedoman Umum Penetapan Indikator Kinerja Utama\n")]),
    # A standard unit in its other spelling; a full formula with a full stop; a class and a stage.
    ("IKU208", renamed("Seksi Ketenteraman dan Ketertiban Umum", "Seksi Ketenteraman dan Ketertiban Umum")),
    ("IKU405", [("dikali 100%", "dikali 100%.")]),
    ("IKU411", [("nama: Persentase layanan yang selesai tepat waktu\n",
                 "nama: Persentase layanan Kelas A yang selesai tepat waktu Tahap I\n")]),
    ("IKU411", [("nama: Persentase layanan yang selesai tepat waktu\n",
                 "nama: Persentase layanan yang selesai tepat waktu dengan nilai minimal B\n")]),
    # The Renstra of every office of the kabupaten at once; a long-term plan; one number one way.
    ("IKU604", [(LAW, LAW + "    - Keputusan Bupati Temanggung Nomor 188.45/121A/KPTS/402.031/2018 tentang "
                 "Pengesahan Rencana Strategis Satuan Kerja Perangkat Daerah Tahun 2021-2023\n")]),
    ("IKU604", [(LAW, LAW + "    - Peraturan Daerah Kabupaten Temanggung Nomor 2 Tahun 2018 tentang Susunan "
                 "Organisasi dan Tata Kerja Badan Permusyawaratan Desa\n")]),
    ("IKU605", [(LAW, LAW + "    - Peraturan Daerah Kabupaten Temanggung Nomor 15 Tahun 2008 tentang Rencana "
                 "Pembangunan Jangka Panjang Daerah Tahun 2005-2025\n    - Keputusan Camat Kaloran Nomor 7 "
                 "Tahun 2021 tentang Renstra Kecamatan Kaloran Tahun 2021 s.d. 2023\n")]),
    ("IKU606", [teks("Sesuai Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.")]),
    # The standard layout without regulations: its Landasan Hukum section is left out, not told.
    ("IKU607", [(LAW + "    - >-\n      Peraturan Bupati Temanggung Nomor 60 Tahun 2016 tentang "
                 "Kedudukan, Susunan Organisasi,\n      Tugas, Fungsi dan Tata Kerja Kecamatan\n", ""),
                ("  landasan_hukum:\n", "")]),
    ("IKU801", [("nama: Seksi Tata Pemerintahan", "nama: Subbagian Perencanaan, Keuangan dan Aset"),
                ("pada Seksi Tata Pemerintahan", "pada Subbagian Perencanaan, Keuangan dan Aset")]),
    # A decree's number left as dots to fill by hand; a Markdown link.
    # (The standard layout prints no decree number: IKU407, silenced here.)
    ("IKU802", [('  tanggal: "2021-01-15"\n', '  tanggal: "2021-01-15"\n  nomor: "......./2021"\n'),
                teks("Lihat [Peraturan Bupati](https://jdih.temanggungkab.go.id)."),
                ("teks:\n",
                 "abaikan:\n  - {kode: IKU407, di: dokumen.nomor, alasan: nomor keputusan}\nteks:\n")]),
    # A chapter with daftar_iku and without penetapan opens with teks.penetapan.
    ("IKU407", [("teks:\n", "susunan:\n  - bab: Gambaran Umum\n    bagian: [landasan_hukum, tupoksi, "
                 "tujuan_sasaran]\n  - bab: Penetapan IKU\n"
                 "    bagian: [daftar_iku, formulir_iku, tabel_target]\n"
                 "teks:\n  penetapan: Indikator kinerja utama kecamatan ditetapkan sebagai berikut.\n")]),
    # Directives and a table as docs/markdown.md has them; a directive inside a paragraph is text.
    ("IKU015", [(TEKS, TEKS + '  penutup: "<!-- ikugen:halaman-baru -->\\n\\n'
                 '<!-- ikugen:daftar huruf -->\\n\\n1. Salam <!-- ikugen:tidak-ada -->\\n\\n'
                 '<table><col width=\\"100%\\"><tr><td>x</td></tr></table>"\n')]),
    # An entry that silences what it names.
    ("IKU901", [("teks:\n",
                 "abaikan:\n  - {kode: IKU404, di: I1, alasan: rumus belum ditetapkan}\nteks:\n"),
                ("    rumus: Jumlah layanan tepat waktu dibagi jumlah layanan dikali 100%\n", "")]),
]


@pytest.mark.parametrize("code,pairs", QUIET, ids=[f"{c}-{i}" for i, (c, _) in enumerate(QUIET)])
def test_check_stays_quiet(tmp_path, code, pairs):
    found = check(tmp_path, v(*pairs))
    assert [line for line in found if ": diabaikan: " not in line] == []


def _codes():
    from ikugen.checks.catalogue import REGISTRY

    return REGISTRY


def test_every_check_has_a_case_that_fires_and_one_that_stays_quiet():
    # IKU108's hint names a path from the test's own folder: its cases are the tests of issue 14.
    fired = {c.code for c in FIRES} | {"IKU108"}
    # An IKU Perubahan's checks compare it with its previous spec: tests/test_perubahan_checks.py.
    fired |= {f"IKU72{n}" for n in range(1, 8)}
    quiet = {code for code, _ in QUIET}
    assert set(_codes()) - fired == set()
    # Every check stays quiet on CLEAN (test_clean_spec_is_quiet); the checks of issue 5 also on
    # correct data close to their defect.
    assert {c for c in _codes() if c[3] in "2345689"} - quiet == set()


# --- the defects of IKU-GUIDE §8, one fixture each -----------------------------------------------

DEFECT_REPORTS = {
    "kaloran-13-desa.yaml": (
        "45:18: peringatan: teks menyebut '13 Desa', padahal daftar wilayah memuat 14; ikugen menghitung "
        "jumlah itu sendiri; betulkan teks atau datanya [IKU502]",),
    "kalimanah-kecamatan-lain.yaml": (
        "41:19: peringatan: teks menyebut 'Kecamatan Purbalingga', wilayah tetangga, di luar uraian batas "
        "wilayah; mungkin sisa dari dokumen lain; ganti dengan nama tempat dokumen ini, atau abaikan dengan "
        "alasan bila nama itu memang dimaksud [IKU501]",
        "46:18: peringatan: teks menyebut 'Kecamatan Kalimantan', bukan Kecamatan Kalimanah; mungkin sisa "
        "dari dokumen lain; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan bila nama itu "
        "memang dimaksud [IKU501]",),
    "cerbon-rantau-badauh.yaml": (
        "36:7: peringatan: teks menyebut 'Kecamatan Rantau badauh', bukan Kecamatan Cerbon; mungkin sisa "
        "dari dokumen lain; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan bila nama itu "
        "memang dimaksud [IKU501]",),
    "kaloran-kabupaten-kaloran.yaml": (
        "30:12: peringatan: teks menyebut 'KABUPATEN KALORAN', padahal KALORAN adalah kecamatan; daerahnya "
        "Kabupaten Temanggung; ganti dengan nama tempat dokumen ini, atau abaikan dengan alasan bila nama "
        "itu memang dimaksud [IKU501]",),
    "kaloran-nip-19-angka.yaml": (
        "13:8: galat: NIP harus 18 angka (tertulis 19 angka); bentuk NIP: 8-6-1-3 angka, mis. "
        "\"19670707 198803 1 005\" [IKU105]",),
    "cerbon-rembina.yaml": (
        "15:12: peringatan: pangkat 'Rembina' tidak dikenal; maksud Anda `Pembina`? [IKU205]",),
    "kalimanah-daftar-isi.yaml": (
        "30:3: galat: kunci 'daftar_isi' tidak dikenal; kunci yang dikenal: kata_pengantar, latar_belakang, "
        "maksud_tujuan, landasan_hukum, definisi, syarat_kriteria, gambaran_umum, tujuan_sasaran, "
        "penetapan, visi_misi, formulir_iku, tabel_target, iku_eselon_iv, indikator_program, "
        "matriks_perubahan, penutup, menimbang, diktum [IKU012]",),
    "kalimanah-kesejahteraan-sosial.yaml": (
        "37:18: peringatan: teks menyebut 'Seksi Kesejahteraan Sosial', padahal nama jabatannya 'Seksi "
        "Kesejahteraan Rakyat'; tulis nama unit sama persis di semua tempat (jabatan 'kesra'), atau "
        "abaikan dengan alasan bila teks itu kutipan [IKU207]",),
    "kaloran-keuangan-dua-kali.yaml": (
        "20:11: peringatan: kata 'Keuangan' tertulis dua kali dalam 'Subbagian Keuangan, Perencanaan dan "
        "Keuangan'; hapus kata yang berulang [IKU801]",),
    "kalimanah-rumus-rusak.yaml": (
        "26:12: galat: rumus rusak di 'x ,00%'; periksa angka dan tanda yang hilang, mis. \"x ,00%\" untuk "
        "\"x 100%\" [IKU405]",),
    "cerbon-rumus.yaml": (
        "36:12: galat: rumus terpotong: berakhir dengan 'dikali'; lengkapi rumusnya, mis. \"... dibagi ... "
        "dikali 100%\" [IKU405]",
        "40:5: peringatan: indikator 'Jumlah Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang "
        "Dipelihara/Direhabilitasi' belum punya rumus; isi 'rumus': cara menghitung nilai indikator (kolom "
        "Rumus tabel IKU) [IKU404]",),
    "cerbon-pernyataan.yaml": (
        "28:11: peringatan: nama indikator 'Meningkatnya Ketentraman di Wilayah Kecamatan Cerbon' berupa "
        "pernyataan, bukan ukuran; awali dengan kata ukuran: Persentase, Jumlah, Indeks, Nilai, Angka, "
        "Rasio, Tingkat, Rata-rata, Capaian, Skor, ...; pernyataan seperti 'Meningkatnya ...' adalah "
        "sasaran [IKU401]",),
    "cerbon-jumlah-persen.yaml": (
        "29:11: peringatan: indikator 'Jumlah ...' (bilangan), tetapi rumusnya menghasilkan persentase; "
        "ganti kata ukurannya menjadi Persentase, atau rumusnya menjadi hitungan [IKU403]",),
    "cerbon-indikator-ganda.yaml": (
        "56:11: peringatan: indikator 'Persentase desa yang dibina' juga di jabatan Seksi Pemerintahan "
        "(baris 51); satu indikator cukup dicantumkan sekali, pada jabatan yang memikulnya [IKU410]",),
    "kaloran-perbup-60-10.yaml": (
        "39:18: peringatan: Peraturan Bupati Temanggung tentang Kedudukan Susunan Organisasi Tugas Fungsi "
        "dan ... disebut Nomor 60 Tahun 2016 di sini, tetapi Nomor 10 Tahun 2016 di baris 18; samakan "
        "nomor dan tahunnya dengan naskah peraturan; bila keduanya memang peraturan berbeda, abaikan "
        "dengan alasan [IKU602]",),
    "kalimanah-bab-iv-kosong.yaml": (
        "22:5: peringatan: sasaran 'S1' belum punya indikator; tambahkan indikator dengan sasaran: S1; "
        "setiap sasaran diukur paling sedikit satu indikator [IKU408]",
        "24:5: peringatan: sasaran 'S2' belum punya indikator; tambahkan indikator dengan sasaran: S2; "
        "setiap sasaran diukur paling sedikit satu indikator [IKU408]",),
    "issue14-perbup-dinas.yaml": (
        "16:7: peringatan: butir ini tentang organisasi dan tata kerja Dinas Kesehatan, bukan kecamatan; "
        "mungkin sisa dari dokumen kantor lain; ganti dengan peraturan tentang organisasi dan tata kerja "
        "kecamatan atau Renstra kecamatan ini, atau abaikan dengan alasan bila memang dimaksud [IKU604]",
        "19:7: peringatan: butir ini tentang rencana strategis Dinas Kesehatan, bukan kecamatan; mungkin "
        "sisa dari dokumen kantor lain; ganti dengan peraturan tentang organisasi dan tata kerja kecamatan "
        "atau Renstra kecamatan ini, atau abaikan dengan alasan bila memang dimaksud [IKU604]",),
    "issue14-rpjmd-lain.yaml": (
        "15:7: peringatan: RPJMD yang disebut berperiode 2021-2026, padahal dokumen ini untuk periode "
        "2019-2023; sebut RPJMD dan Renstra periode dokumen ini; bila yang dimaksud memang periode lain, "
        "abaikan dengan alasan [IKU605]",
        "21:7: peringatan: Rencana Strategis yang disebut berperiode 2021-2026, padahal dokumen ini untuk "
        "periode 2019-2023; sebut RPJMD dan Renstra periode dokumen ini; bila yang dimaksud memang periode "
        "lain, abaikan dengan alasan [IKU605]",),
    "issue14-permenpan-bentuk.yaml": (
        "33:19: peringatan: Peraturan Menteri Pendayagunaan Aparatur Negara tentang Pedoman Umum Penetapan "
        "Indikator Kinerja Utama ... disebut Nomor PER/09/M.PAN/5/2008 di sini, tetapi Nomor "
        "PER/09/M.PAN/5/2007 di baris 12; samakan nomor dan tahunnya dengan naskah peraturan; bila keduanya "
        "memang peraturan berbeda, abaikan dengan alasan [IKU602]",
        "37:13: peringatan: nomor peraturan ditulis 'PER/09/MPAN/V/2007' di sini, tetapi "
        "'PER/09/M.PAN/5/2007' di baris 12; tulis nomornya sama persis dengan naskah peraturan di semua "
        "tempat [IKU606]",),
    "issue14-seksi-pelayaran.yaml": (
        "21:11: peringatan: 'Seksi Pelayaran' memuat kata 'Pelayaran', mirip 'Pelayanan' dalam nama unit "
        "'Seksi Pelayanan'; mungkin salah ketik; betulkan ejaannya, atau abaikan dengan alasan bila kata itu "
        "memang dimaksud [IKU208]",
        "31:9: peringatan: 'Seksi Kesejahteraan Sosail' memuat kata 'Sosail', mirip 'Sosial' dalam nama unit "
        "'Seksi Kesejahteraan Sosial'; mungkin salah ketik; betulkan ejaannya, atau abaikan dengan alasan "
        "bila kata itu memang dimaksud [IKU208]",),
    "issue14-rumus-tanda.yaml": tuple(
        f"{line}:12: galat: rumus terpotong: berakhir dengan '{end}'; lengkapi rumusnya, mis. \"... dibagi "
        '... dikali 100%" [IKU405]'
        for line, end in ((27, "dibagi"), (32, "dibagi"), (37, "x"), (42, "/"), (47, "dikali"))),
    "issue14-huruf-sisa.yaml": (
        "26:11: peringatan: nama indikator 'Persentase layanan yang selesai tepat waktu di Kecamatan "
        "Sukamaju S' diakhiri huruf 'S' yang berdiri sendiri; mungkin sisa penyuntingan; hapus huruf itu; "
        'bila memang bagian nama (mis. "Kelas A"), abaikan dengan alasan [IKU411]',
        "31:11: peringatan: nama indikator 'Persentase desa yang tertib administrasi D' diakhiri huruf 'D' "
        "yang berdiri sendiri; mungkin sisa penyuntingan; hapus huruf itu; bila memang bagian nama (mis. "
        '"Kelas A"), abaikan dengan alasan [IKU411]',),
    "kaloran-dua-urusan.yaml": (
        "35:19: peringatan: teks menyebut 'dua urusan', padahal tujuan (urusan) memuat 1; ikugen menghitung "
        "jumlah itu sendiri; betulkan teks atau datanya [IKU502]",),
}


def test_every_defect_fixture_is_expected_and_quotes_its_seed():
    assert sorted(p.name for p in DEFECTS.glob("*.yaml")) == sorted(DEFECT_REPORTS)
    for name in DEFECT_REPORTS:
        head = (DEFECTS / name).read_text(encoding="utf-8").split("\n", 2)
        if name.startswith("issue14-"):  # the defects of issue 14, written from its description
            assert re.match(r"# Issue 14, defect [1-6]: ", head[0]), name
            assert head[1].startswith("# Written from the issue's description, not from a document"), name
            continue
        assert head[0].startswith("# IKU-GUIDE §8: "), name
        assert re.match(r"# Seed 00[014] \((Kalimanah|Kaloran|Cerbon)\)", head[1]), name


@pytest.mark.parametrize("name", sorted(DEFECT_REPORTS))
def test_defect_is_caught_at_its_place(name):
    assert report(DEFECTS / name, name) == list(DEFECT_REPORTS[name])


def test_validate_reports_every_defect(tmp_path):
    result = run_ikugen("validate", DEFECTS)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name, lines in DEFECT_REPORTS.items():
        for line in lines:
            assert f"{DEFECTS / name}:{line}" in result.stdout.splitlines()


def test_build_stops_on_a_defect_that_is_an_error(tmp_path):
    out = tmp_path / "IKU.md"
    result = run_ikugen("build", DEFECTS / "kalimanah-rumus-rusak.yaml", "-o", out)
    assert result.returncode == 1
    assert "[IKU405]" in result.stderr
    assert not out.exists()


# --- the examples ------------------------------------------------------------------------------

def test_examples_have_no_warning_even_strict():
    """What the examples keep from their seeds on purpose is silenced in place, with the reason."""
    result = run_ikugen("validate", "--strict", *(EXAMPLES / f"{n}.yaml" for n in EXAMPLE_NAMES))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(": diabaikan: " in line and re.search(r"\[IKU\d{3}\] \(alasan: .+\)$", line) for line in lines)
    assert result.stderr.strip() == f"3 berkas diperiksa: sah ({len(lines)} peringatan diabaikan)"


# --- silencing in the spec ---------------------------------------------------------------------

ABAIKAN = "teks:\n", "abaikan:\n{}teks:\n"
NO_RUMUS = ("    rumus: Jumlah layanan tepat waktu dibagi jumlah layanan dikali 100%\n", "")


def test_a_silenced_warning_is_shown_with_its_reason(tmp_path):
    entry = "  - kode: IKU404\n    di: I1\n    alasan: Rumus menunggu ketetapan Bupati\n"
    path = tmp_path / "spek.yaml"
    path.write_text(v(NO_RUMUS, (ABAIKAN[0], ABAIKAN[1].format(entry))), encoding="utf-8")
    result = run_ikugen("validate", "--strict", path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{path}:49:5: diabaikan: indikator 'Persentase layanan yang selesai tepat waktu' belum punya "
        "rumus [IKU404] (alasan: Rumus menunggu ketetapan Bupati)"]
    assert result.stderr.strip() == "1 berkas diperiksa: sah (1 peringatan diabaikan)"
    report = json.loads(run_ikugen("validate", "--format", "json", path).stdout)
    assert (report["galat"], report["peringatan"], report["masalah"]) == (0, 0, [])
    assert [(d["line"], d["column"], d["code"], d["severity"], d["alasan"]) for d in report["diabaikan"]] == [
        (49, 5, "IKU404", "diabaikan", "Rumus menunggu ketetapan Bupati")]


def test_silencing_is_at_one_place_only(tmp_path):
    """An entry for I2 leaves I1's warning of the same code alone, and is itself unused."""
    entry = "  - {kode: IKU404, di: I2, alasan: contoh}\n"
    found = check(tmp_path, v(NO_RUMUS, add_indicator(sasaran="S1"), (ABAIKAN[0], ABAIKAN[1].format(entry))))
    assert [line.rsplit(" ", 1)[-1] for line in found] == ["[IKU404]", "[IKU410]", "[IKU901]"]


@pytest.mark.parametrize("di", ["profil.landasan_hukum.2", "profil.landasan_hukum", "profil"])
def test_silencing_by_section_path(tmp_path, di):
    law = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
    entry = f"  - {{kode: IKU601, di: {di}, alasan: dikutip seperti naskah}}\n"
    found = check(tmp_path, v(("    - " + law + "\n", f"    - {law}\n    - {law}\n"),
                              (ABAIKAN[0], ABAIKAN[1].format(entry))))
    assert found == ["16:7: diabaikan: peraturan ini sudah tercantum di baris 15 [IKU601] "
                     "(alasan: dikutip seperti naskah)"]


def test_silencing_a_target_year(tmp_path):
    entry = "  - {kode: IKU303, di: I1.target.2023, alasan: anggaran dipotong}\n"
    found = check(tmp_path, v(("2023: 90}", "2023: 80}"), (ABAIKAN[0], ABAIKAN[1].format(entry))))
    assert [line.split(": ", 2)[1] for line in found] == ["diabaikan"]


def test_errors_cannot_be_silenced(tmp_path):
    entry = "  - {kode: IKU405, di: I1, alasan: contoh}\n"
    found = check(tmp_path, v(("dikali 100%", "dikali"), (ABAIKAN[0], ABAIKAN[1].format(entry))))
    assert [line.split(": ", 2)[1] + " " + line.rsplit(" ", 1)[-1] for line in found] == [
        "galat [IKU405]", "peringatan [IKU901]"]


# --- the command's controls --------------------------------------------------------------------

@pytest.mark.parametrize("option,name", [("--abaikan", "IKU404"), ("--ignore", "iku404"),
                                         ("--ignore", "formula-missing")])
def test_skipping_a_check_by_code_or_name(tmp_path, option, name):
    path = tmp_path / "spek.yaml"
    path.write_text(v(NO_RUMUS), encoding="utf-8")
    assert run_ikugen("validate", "--strict", path).returncode == 1
    result = run_ikugen("validate", "--strict", option, name, path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_skipping_an_unknown_check_is_a_usage_error(tmp_path):
    path = tmp_path / "spek.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    result = run_ikugen("validate", "--abaikan", "IKU4O4", path)
    assert result.returncode == 2
    assert result.stderr.strip() == ("galat: --abaikan IKU4O4: bukan kode pemeriksaan yang dapat dilewati; "
                                     "maksud Anda IKU404?")


def test_limits_are_set_by_the_spec(tmp_path):
    spec = v(add_indicator("Persentase desa tertib administrasi", "S1"))
    assert check(tmp_path, spec) == []  # 2 IKU: within the default limit of 20
    limited = spec.replace('  tanggal: "2021-01-15"\n',
                           '  tanggal: "2021-01-15"\n  batas_iku: {pimpinan: 1}\n', 1)
    assert limited != spec
    found = check(tmp_path, limited)
    assert found == ["60:5: peringatan: Camat memikul 2 IKU; lazimnya paling banyak 1; IKU mengukur sasaran "
                     "strategis saja; indikator program dan kegiatan menjadi indikator kinerja eselon IV "
                     "[IKU409]"]


def test_start_of_service_is_compared_with_today(tmp_path):
    import datetime

    from ikugen.checks import catalogue as rules

    path = tmp_path / "spek.yaml"
    path.write_text(v(('"19670707 198803 1 005"', '"19900101 201501 1 001"')), encoding="utf-8")
    loaded = load_spec(path, "spek.yaml")
    before = rules.run(loaded.spek, loaded.smap, today=datetime.date(2014, 12, 31)).problems
    assert [p.code for p in before] == ["IKU202"]
    assert rules.run(loaded.spek, loaded.smap, today=datetime.date(2015, 1, 1)).problems == []


def test_control_characters_are_refused_where_they_are(tmp_path):
    """Word cannot hold them: the model refuses them at their place, before any document."""
    found = check(tmp_path, v(("    Kabupaten Kendal.\n", '    Kabupaten Kendal.\n  penutup: "Salam\\v"\n')))
    assert found == ["63:12: galat: teks memuat karakter kendali U+000B (posisi ke-6) yang tidak dapat "
                     "disimpan di dokumen Word; hapus karakter itu [IKU011]"]


# --- docs/checks.md ----------------------------------------------------------------------------

def test_docs_list_every_check_with_its_severity():
    """Every code in the code is documented with its severity, and every documented code exists."""
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^### (IKU\d{3}) .*\n+\*\*(galat|peringatan)\*\*", text, re.M))
    headings = re.findall(r"^### (IKU\d{3})\b", text, re.M)
    assert len(headings) == len(set(headings)) == len(documented)
    registered = {code: c.severity for code, c in _codes().items()}
    # Codes outside the registry: the loader's and the inheritance's, raised where they arise.
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "ikugen").rglob("*.py"))
    raised = set(re.findall(r"\"(IKU\d{3})\"", source)) - set(registered)
    assert {c: documented.get(c) for c in registered} == registered
    assert set(documented) == set(registered) | raised
    # The loader's codes are errors; the one warning raised outside the registry is about an
    # office's templates of 0.1 (render/legacy.py), not about the spec.
    pages = {c for c in raised if c.startswith("IKU95")}  # the made PDF's pages, looked at (proof/)
    assert all(documented[c] == "galat" for c in raised - {"IKU020"} - pages)
    assert documented["IKU020"] == "peringatan"
    assert pages and all(documented[c] == "peringatan" for c in pages)


# --- issue 14: the messages a user relies on, through `validate` --------------------------------

NO_DUTIES = ("    tugas: Membantu Bupati dalam penyelenggaraan pemerintahan di Kecamatan Kaloran\n", "")
NO_TUPOKSI = ("teks:\n", "susunan:\n  - bab: Pendahuluan\n    bagian: [latar_belakang]\n"
              "  - bab: Penetapan\n    bagian: [penetapan]\nteks:\n")


def validate(tmp_path: Path, text: str, *options: str) -> list[str]:
    """The lines `ikugen validate` prints for a spec, without the file's name."""
    path = tmp_path / "spek.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_ikugen("validate", *options, path)
    assert "Traceback" not in result.stderr
    return [line.replace(f"{path}:", "", 1) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("pairs,options,expected", [
    # The standard chapters print the Camat's tugas and fungsi in BAB III.
    ([NO_DUTIES], (), ["29:5: peringatan: jabatan 'Camat' belum punya tugas maupun fungsi; isi 'tugas' "
                       "dan/atau 'fungsi' dari peraturan bupati tentang tugas dan fungsi kecamatan; bab "
                       "Tugas Pokok dan Fungsi mencetaknya [IKU206]"]),
    # The spec's own chapters print no tupoksi section: nothing to print, nothing to say. (These
    # chapters and the decree leave out CLEAN's wilayah and batas: IKU407, not this case's subject.)
    ([NO_DUTIES, NO_TUPOKSI], ("--abaikan", "IKU407"), []),
    # The decree prints the Camat's annex; a Kasi owning no sasaran has none.
    ([NO_DUTIES], ("--layout", "keputusan", "--abaikan", "IKU407"), [
        "29:5: peringatan: jabatan 'Camat' belum punya tugas maupun fungsi; isi 'tugas' dan/atau 'fungsi' "
        "dari peraturan bupati tentang tugas dan fungsi kecamatan; lampiran keputusan (baris TUGAS dan "
        "FUNGSI) mencetaknya [IKU206]"]),
    ([("    fungsi:\n      - Menyiapkan bahan penyusunan program kerja pada Seksi Tata Pemerintahan\n", "")],
     ("--layout", "keputusan", "--abaikan", "IKU407"), []),
])
def test_position_without_duties_knows_the_document(tmp_path, pairs, options, expected):
    """Issue 14, message 6: IKU206 speaks of the layout and chapters the spec is built with."""
    assert validate(tmp_path, v(*pairs), *options) == expected


MODELINE = ("# Spesifikasi bersih untuk uji pemeriksaan\n",
            "# yaml-language-server: $schema={}\n# Spesifikasi bersih untuk uji pemeriksaan\n")


def test_a_copied_spec_is_told_its_schema_line_points_nowhere(tmp_path):
    """Issue 14, message 7: `cp examples/kaloran.yaml kecamatan-saya.yaml` keeps a dead line."""
    from ikugen.package_data import schema_file

    stored = schema_file()
    if stored.is_file():  # a source tree: the repository's schema, named by its path from here
        where = os.path.relpath(stored, tmp_path.resolve())
        fix = f"tulis: # yaml-language-server: $schema={where}"
    else:  # an installed ikugen (as CI runs it) stores no schema: it says how to write one
        where = "ikugen.schema.json"
        fix = ("simpan skema di samping berkas ini (ikugen schema > ikugen.schema.json), lalu tulis: "
               "# yaml-language-server: $schema=ikugen.schema.json")
    assert validate(tmp_path, v((MODELINE[0], MODELINE[1].format("../schema/ikugen.schema.json")))) == [
        "1:33: peringatan: baris $schema menunjuk '../schema/ikugen.schema.json', yang tidak ada dari folder "
        f"berkas ini; editor tidak memeriksa spesifikasi ini; {fix} [IKU108]"]
    if not stored.is_file():
        (tmp_path / where).write_text(run_ikugen("schema").stdout, encoding="utf-8")
    # The line it proposes is one the check accepts.
    assert validate(tmp_path, v((MODELINE[0], MODELINE[1].format(where)))) == []


def test_a_schema_line_naming_another_schema_is_told(tmp_path):
    (tmp_path / "ikugen.schema.json").write_text("{}\n", encoding="utf-8")
    assert validate(tmp_path, v((MODELINE[0], MODELINE[1].format("ikugen.schema.json")))) == [
        "1:33: peringatan: skema 'ikugen.schema.json' yang ditunjuk baris $schema berbeda dari skema ikugen "
        "ini (`ikugen schema`); editor memeriksa dengan aturan lain; perbarui skema itu: ikugen schema > "
        "ikugen.schema.json [IKU108]"]
    (tmp_path / "ikugen.schema.json").write_text(run_ikugen("schema").stdout, encoding="utf-8")
    assert validate(tmp_path, v((MODELINE[0], MODELINE[1].format("ikugen.schema.json")))) == []


def test_the_readme_way_of_starting_writes_a_schema_line_that_holds(tmp_path):
    """README, "Starting a new kecamatan": `ikugen init ... --dari EXAMPLE -o FILE`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.split("## Starting a new kecamatan", 1)[1].split("\n## ", 1)[0]
    assert 'ikugen init "Nama Kecamatan" --dari examples/kaloran.yaml -o kecamatan-saya.yaml' in start
    assert "cp examples/" not in start
    target = tmp_path / "kecamatan-saya.yaml"
    made = run_ikugen("init", "Nama Kecamatan", "--dari", EXAMPLES / "kaloran.yaml", "-o", target)
    assert made.returncode == 0, made.stderr
    result = run_ikugen("validate", target)
    assert "[IKU710]" in result.stdout and "[IKU108]" not in result.stdout


def test_a_unit_is_quoted_as_the_file_has_it(tmp_path):
    """Issue 14, message 4, through `validate`: the quote is found by searching the file."""
    case = next(c for c in FIRES if c.code == "IKU207" and "Keuangan, Perencanaan" in c.expected[0])
    found = validate(tmp_path, v(*case.pairs))
    assert found == list(case.expected)
    assert found[0].split("'")[1] in (tmp_path / "spek.yaml").read_text(encoding="utf-8")
