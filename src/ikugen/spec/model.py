"""The kecamatan spec as pydantic models: what one YAML file may hold.

Field names are the Indonesian domain words users write in YAML; every field carries an
Indonesian description, which feeds `ikugen schema` and editors' completion. Only shape and
value rules live here; rules that relate parts to each other are the checks (`ikugen.checks`).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ikugen.spec.fields import CUSTOM_ERRORS as CUSTOM_ERRORS  # re-exported, for schema_errors
from ikugen.spec.fields import (
    MAX_LIST,
    Id,
    Ketat,
    Prosa,
    Singkat,
    Tahun,
    Tanggal,
)
from ikugen.spec.model_change import Perubahan
from ikugen.spec.model_layout import Bab, Pengecualian
from ikugen.spec.model_program import Program
from ikugen.spec.model_tabel import TataTabel
from ikugen.spec.model_ukuran import Ukuran as Ukuran  # re-exported: checks and view read it here


class Periode(Ketat):
    awal: Tahun = Field(description="Tahun pertama periode (mis. 2019).")
    akhir: Tahun = Field(description="Tahun terakhir periode (mis. 2023).")

    @model_validator(mode="after")
    def _urut(self) -> "Periode":
        if self.akhir < self.awal:
            raise PydanticCustomError(
                "periode", "tahun akhir ({akhir}) lebih awal dari tahun awal ({awal})",
                {"awal": self.awal, "akhir": self.akhir},
            )
        if self.akhir - self.awal > 9:
            raise PydanticCustomError("periode", "periode lebih dari 10 tahun")
        return self

    @property
    def tahun(self) -> list[int]:
        return list(range(self.awal, self.akhir + 1))


class BatasIku(Ketat):
    """The practice limits IKU409 applies (IKU-GUIDE §7a); a kabupaten may set its own."""

    per_sasaran: int = Field(3, ge=1, le=50, description="Paling banyak IKU pada satu sasaran (lazimnya 3).")
    pimpinan: int = Field(20, ge=1, le=500, description="Paling banyak IKU Camat seluruhnya (lazimnya 20).")


class Dokumen(Ketat):
    jenis: Literal["iku", "iku-perubahan"] = Field(
        "iku", description="Jenis dokumen: iku, atau iku-perubahan untuk IKU Perubahan."
    )
    tata_letak: Literal["standar", "keputusan"] = Field(
        "standar",
        description="Susunan dokumen: standar (Sampul, Kata Pengantar, BAB I-V) atau keputusan "
        "(Keputusan Camat dengan lampiran per jabatan).",
    )
    periode: Periode = Field(description="Periode rencana strategis yang diukur IKU ini.")
    tempat: Optional[Singkat] = Field(
        None, description="Tempat penandatanganan; bila kosong, nama kecamatan."
    )
    tanggal: Optional[Tanggal] = Field(
        None, description="Tanggal penandatanganan: TTTT-BB-HH, atau TTTT-BB / TTTT bila hari belum "
                          "pasti; kosong bila naskahnya tidak bertanggal (tanda tangan tanpa baris tempat "
                          "dan tanggal).")
    nomor: Optional[Singkat] = Field(None, description="Nomor keputusan (tata letak keputusan).")
    judul_keputusan: Optional[Singkat] = Field(
        None, description="Judul keputusan sesudah TENTANG, sebagaimana naskah kantor (tata letak "
                          "keputusan); kosong: \"Penetapan Indikator Kinerja Utama (IKU) pada Kecamatan ... "
                          "Tahun ...\".")
    mengingat_huruf: bool = Field(
        False, description="Beri butir Mengingat huruf a., b., ... (tata letak keputusan); bawaan: angka "
                           "1., 2., ...")
    kertas: Literal["A4", "F4"] = Field("A4", description="Ukuran kertas: A4 atau F4 (215 x 330 mm).")
    sampul_pemerintah: bool = Field(
        False, description="Cetak baris \"PEMERINTAH KABUPATEN ...\" (atau KOTA) di sampul, di atas nama "
                           "kecamatan, sebagaimana sampul sebagian kantor.")
    struktur_organisasi: bool = Field(
        True, description="Cetak daftar Struktur Organisasi (Camat dan jabatan di bawahnya) di bagian Tugas "
                          "Pokok dan Fungsi; false bila naskah kantor tidak memuatnya.")
    batas_iku: BatasIku = Field(BatasIku(), description="Batas jumlah IKU yang diperiksa (IKU409).")
    sebelumnya: Optional[Singkat] = Field(
        None, description="Berkas spesifikasi IKU yang diubah oleh IKU Perubahan ini, relatif terhadap "
        "berkas spesifikasi (mis. ../2021/kaloran.yaml); dokumen memuat Matriks Perubahan IKU.",
    )


class Batas(Ketat):
    utara: Singkat = Field(description="Wilayah di sebelah utara, mis. \"Kabupaten Kendal\".")
    timur: Singkat = Field(description="Wilayah di sebelah timur.")
    selatan: Singkat = Field(description="Wilayah di sebelah selatan.")
    barat: Singkat = Field(description="Wilayah di sebelah barat.")


class KelompokHukum(Ketat):
    """A group of the landasan hukum as offices word it: "Landasan Idiil: Pancasila", or
    "Landasan Operasional:" and the regulations under it."""

    kelompok: Singkat = Field(description="Nama kelompok, mis. Landasan Idiil, Landasan Operasional.")
    isi: list[Prosa] = Field(min_length=1, max_length=200,
                             description="Isi kelompok: satu teks (Pancasila) atau daftar peraturan.")


class Profil(Ketat):
    kecamatan: Singkat = Field(description="Nama kecamatan tanpa kata \"Kecamatan\", mis. Kaloran.")
    kabupaten: Singkat = Field(description="Nama kabupaten atau kota tanpa kata \"Kabupaten\"/\"Kota\".")
    jenis_daerah: Literal["kabupaten", "kota"] = Field(
        "kabupaten", description="Kecamatan ini berada di kabupaten atau kota."
    )
    provinsi: Optional[Singkat] = Field(
        None, description="Nama provinsi, mis. Jawa Tengah (dicetak di bagian Wilayah; tata letak keputusan "
                          "tidak mencetaknya).")
    alamat: Optional[Singkat] = Field(None, description="Alamat kantor kecamatan (untuk kop surat).")
    telepon: Optional[Singkat] = Field(None, description="Nomor telepon kantor kecamatan (untuk kop surat), "
                                                         "mis. (0511) 4799123.")
    surel: Optional[Singkat] = Field(None, description="Alamat surel (e-mail) kantor kecamatan (untuk kop "
                                                       "surat), mis. kec.cerbon@baritokualakab.go.id.")
    jumlah_kecamatan: Optional[int] = Field(
        None, ge=1, le=100, description="Banyaknya kecamatan di kabupaten/kota ini."
    )
    batas: Optional[Batas] = Field(None, description="Empat wilayah yang berbatasan.")
    visi: Optional[Prosa] = Field(None, description="Visi kepala daerah yang didukung kecamatan.")
    misi: list[Prosa] = Field([], max_length=50, description="Misi kepala daerah, satu per butir.")
    landasan_hukum: list[Union[Prosa, KelompokHukum]] = Field(
        [], max_length=200, description="Peraturan yang menjadi dasar hukum, satu per butir; atau "
                                        "berkelompok: {kelompok: Landasan Operasional, isi: [...]}."
    )
    logo: Optional[Singkat] = Field(
        None, description="Berkas gambar lambang daerah (PNG/JPEG), relatif terhadap berkas spesifikasi."
    )

    def peraturan(self) -> list[tuple[tuple[Union[str, int], ...], str]]:
        """Every entry of the landasan hukum with its place under `landasan_hukum`: (i,) for a
        plain entry, (i, "isi", k) for the k-th of a group's."""
        found: list[tuple[tuple[Union[str, int], ...], str]] = []
        for i, entry in enumerate(self.landasan_hukum):
            if isinstance(entry, str):
                found.append(((i,), entry))
            else:
                found += [((i, "isi", k), text) for k, text in enumerate(entry.isi)]
        return found


class Pimpinan(Ketat):
    nama: Singkat = Field(description="Nama Camat lengkap dengan gelar.")
    pangkat: Optional[Singkat] = Field(None, description="Pangkat, mis. Pembina Tingkat I.")
    golongan: Optional[Singkat] = Field(None, description="Golongan ruang, mis. IV/b.")
    nip: Singkat = Field(
        description="NIP 18 angka, ditulis dalam tanda kutip; spasi antarkelompok boleh: "
        "\"19670707 198803 1 005\"."
    )
    mengetahui: bool = Field(False, description="true: tanda tangan Camat dibuka dengan \"Mengetahui,\" "
                             "di atas jabatannya (dokumen yang disusun bawahan dan diketahui Camat).")


class Wilayah(Ketat):
    nama: Singkat = Field(description="Nama desa/kelurahan tanpa kata \"Desa\"/\"Kelurahan\".")
    jenis: Literal["desa", "kelurahan"] = Field("desa", description="desa atau kelurahan.")
    kode: Optional[Singkat] = Field(None, description="Kode wilayah (Kemendagri), bila ada.")


Butir = Annotated[list[Prosa], Field(min_length=1, max_length=100)]


class RincianTugas(Ketat):
    """A position's tugas as its regulation words it: a sentence, then the items it lists."""

    uraian: Optional[Prosa] = Field(None, description="Kalimat tugas pokok sebelum rinciannya.")
    rincian: list[Prosa] = Field(min_length=1, max_length=100,
                                 description="Rincian tugas, satu per butir (dicetak a., b., c., ...).")


class Jabatan(Ketat):
    id: Id
    nama: Singkat = Field(description="Nama jabatan atau unit, mis. Seksi Tata Pemerintahan.")
    singkatan: Optional[Singkat] = Field(
        None, description="Sebutan singkat pemegang jabatan, mis. Kasi Trantib (untuk tabel)."
    )
    eselon: Literal["III", "IV"] = Field(description="Eselon jabatan: III (Camat) atau IV.")
    atasan: Optional[Id] = Field(None, description="id jabatan atasan; kosong untuk Camat.")
    tugas: Optional[Union[Prosa, Butir, RincianTugas]] = Field(
        None, description="Tugas pokok jabatan: satu teks; daftar butir bila peraturannya merincinya "
                          "(dicetak a., b., c., ...); atau {uraian: ..., rincian: [...]}.")
    fungsi: list[Prosa] = Field([], max_length=100, description="Fungsi jabatan, satu per butir.")
    kewenangan: list[Singkat] = Field(
        [], max_length=100, description="Aspek kewenangan yang dilimpahkan Bupati (untuk Camat)."
    )

    @property
    def tugas_uraian(self) -> Optional[str]:
        """The tugas as one text: all of it, or the sentence before its items."""
        return self.tugas if isinstance(self.tugas, str) else getattr(self.tugas, "uraian", None)

    @property
    def tugas_rincian(self) -> list[str]:
        """The items the tugas lists, if it lists any."""
        if isinstance(self.tugas, list):
            return list(self.tugas)
        return list(self.tugas.rincian) if isinstance(self.tugas, RincianTugas) else []


class IndikatorTujuan(Ukuran):
    id: Optional[Id] = Field(None, description="Pengenal indikator tujuan (boleh kosong).")


class Tujuan(Ketat):
    id: Id
    uraian: Prosa = Field(description="Rumusan tujuan.")
    urusan: Optional[Prosa] = Field(None, description="Urusan/program yang menaungi tujuan ini.")
    indikator: list[IndikatorTujuan] = Field([], max_length=50, description="Indikator tujuan.")


class Sasaran(Ketat):
    id: Id
    uraian: Prosa = Field(description="Rumusan sasaran (kinerja utama).")
    tujuan: Optional[Id] = Field(None, description="id tujuan yang dituju sasaran ini.")
    pemilik: Optional[Id] = Field(
        None, description="id jabatan pemilik sasaran; kosong berarti Camat."
    )
    induk: Optional[Id] = Field(None, description="id sasaran di atasnya (cascading eselon IV).")
    program: Optional[Prosa] = Field(None, description="Program yang mewadahi sasaran ini.")


class Indikator(Ukuran):
    id: Id
    sasaran: Id = Field(description="id sasaran yang diukur indikator ini.")
    menggantikan: Optional[Id] = Field(
        None, description="id indikator spesifikasi sebelumnya yang digantikan indikator ini.")
    alasan_perubahan: Optional[Prosa] = Field(
        None, description="Alasan indikator ini ditambah, diubah atau menggantikan indikator lama "
        "(IKU Perubahan; bukan 'alasan' pemilihannya).")


class Teks(Ketat):
    """Markdown that replaces one default section of the document."""

    kata_pengantar: Optional[Prosa] = Field(None, description="Pengganti teks Kata Pengantar.")
    latar_belakang: Optional[Prosa] = Field(None, description="Pengganti teks BAB I A. Latar Belakang.")
    maksud_tujuan: Optional[Prosa] = Field(None, description="Pengganti teks BAB I B. Maksud dan Tujuan.")
    landasan_hukum: Optional[Prosa] = Field(None, description="Kalimat pembuka daftar landasan hukum.")
    definisi: Optional[Prosa] = Field(None, description="Pengganti teks BAB II A. Definisi.")
    syarat_kriteria: Optional[Prosa] = Field(
        None, description="Pengganti teks BAB II B. Syarat dan Kriteria.")
    gambaran_umum: Optional[Prosa] = Field(None, description="Kalimat pembuka BAB III.")
    tujuan_sasaran: Optional[Prosa] = Field(None, description="Kalimat pembuka Tujuan dan Sasaran.")
    penetapan: Optional[Prosa] = Field(None, description="Kalimat pembuka BAB IV.")
    visi_misi: Optional[Prosa] = Field(None, description="Teks pembuka bagian Visi dan Misi.")
    formulir_iku: Optional[Prosa] = Field(None, description="Teks pembuka Formulir IKU.")
    tabel_target: Optional[Prosa] = Field(None, description="Teks pembuka tabel target.")
    iku_eselon_iv: Optional[Prosa] = Field(None, description="Teks pembuka tabel indikator eselon IV.")
    indikator_program: Optional[Prosa] = Field(None, description="Teks pembuka tabel indikator kinerja "
                                                                 "program.")
    matriks_perubahan: Optional[Prosa] = Field(None, description="Teks pembuka Matriks Perubahan IKU.")
    penutup: Optional[Prosa] = Field(None, description="Pengganti teks BAB V Penutup.")
    menimbang: list[Prosa] = Field([], max_length=20, description="Pertimbangan keputusan (huruf a, b, ...).")
    diktum: list[Prosa] = Field([], max_length=20, description="Diktum keputusan (KESATU, KEDUA, ...).")

    model_config = ConfigDict(
        extra="forbid", frozen=True,
        json_schema_extra={"description": "Teks Markdown pengganti bagian bawaan dokumen."},
    )


class Spek(Ketat):
    """One kecamatan's IKU document."""

    dokumen: Dokumen = Field(description="Jenis, periode, tanggal dan kertas dokumen.")
    profil: Profil = Field(description="Kecamatan, kabupaten, wilayah, visi, misi, landasan hukum.")
    pimpinan: Pimpinan = Field(description="Camat yang menandatangani.")
    wilayah: list[Wilayah] = Field([], max_length=MAX_LIST, description="Desa dan kelurahan.")
    organisasi: list[Jabatan] = Field(
        min_length=1, max_length=MAX_LIST, description="Jabatan di kantor kecamatan."
    )
    tujuan: list[Tujuan] = Field([], max_length=MAX_LIST, description="Tujuan jangka menengah.")
    sasaran: list[Sasaran] = Field([], max_length=MAX_LIST, description="Sasaran strategis.")
    indikator: list[Indikator] = Field([], max_length=MAX_LIST, description="Indikator kinerja.")
    program: list[Program] = Field(
        [], max_length=MAX_LIST, description="Program dengan indikator kinerjanya (tabel Indikator Kinerja "
        "Program); penanggung jawabnya lazimnya kepala seksi.")
    teks: Teks = Field(Teks(), description="Teks pengganti bagian bawaan (Markdown).")
    tabel: TataTabel = Field(TataTabel(), description="Kolom dan judul kolom tabel indikator pilihan "
                                                      "kantor (IKU, target, tujuan dan sasaran, program).")
    susunan: Optional[list[Bab]] = Field(
        None, max_length=30,
        description="Susunan bab dan bagian dokumen; kosong berarti susunan standar BAB I-V.",
    )
    abaikan: list[Pengecualian] = Field(
        [], max_length=200, description="Peringatan yang sengaja diabaikan di satu tempat, dengan alasan."
    )
    dasar: Optional[Singkat] = Field(
        None, description="Berkas spesifikasi dasar (mis. milik kabupaten) yang nilainya diwarisi."
    )
    perubahan: list[Perubahan] = Field(
        [], max_length=MAX_LIST,
        description="Alasan perubahan indikator spesifikasi sebelumnya yang dihapus (IKU Perubahan).",
    )

    model_config = ConfigDict(
        extra="forbid", frozen=True,
        json_schema_extra={"title": "Spesifikasi IKU kecamatan (ikugen)"},
    )

    def head_id(self) -> Optional[str]:
        """The head position (the Camat): the first without an atasan."""
        return next((j.id for j in self.organisasi if not j.atasan), None)

    def owner(self, sasaran: Optional[Sasaran]) -> Optional[str]:
        """The position a sasaran belongs to: its pemilik, else the head. An indicator without
        a penanggung jawab is its sasaran's owner's."""
        return (sasaran.pemilik if sasaran else None) or self.head_id()
