"""Which columns the office's indicator tables have, in which order, under which labels.

Offices differ (IKU-GUIDE §3): with or without No, Tujuan or Definisi; "KINERJA UTAMA/SASARAN
STRATEGI/OUTCOME" over the sasaran; Kalimanah's Tujuan dan Sasaran table whose third column
explains each indicator in bullets. Without a choice each table keeps its own columns (a column
none of its rows fills is left out); a kabupaten base can make the choice for all its kecamatan
(`dasar`: mappings merge key by key). The default labels live in the templates.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from ikugen.spec.fields import Ketat, Singkat

# The columns of the tables whose rows are sasaran (and tujuan) indicators, and of the program
# table; both have an indicator's fields and its targets.
KolomIku = Literal["no", "urusan", "tujuan", "tujuan_sasaran", "sasaran", "indikator", "satuan",
                   "definisi", "rumus", "sumber_data", "penanggung_jawab", "alasan", "tipe", "polaritas",
                   "penjelasan", "kondisi_awal", "target"]
KolomProgram = Literal["no", "program", "indikator", "satuan", "definisi", "rumus", "sumber_data",
                       "penanggung_jawab", "alasan", "tipe", "polaritas", "penjelasan", "kondisi_awal",
                       "target"]
KOLOM_IKU: tuple[str, ...] = KolomIku.__args__  # type: ignore[attr-defined]
KOLOM_PROGRAM: tuple[str, ...] = KolomProgram.__args__  # type: ignore[attr-defined]

_Judul = Optional[Singkat]


class JudulKolom(Ketat):
    """The labels of the columns every indicator table has (the target years are their own)."""

    no: _Judul = Field(None, description="Judul kolom nomor, mis. NO.")
    indikator: _Judul = Field(None, description="Judul kolom indikator, mis. INDIKATOR KINERJA UTAMA.")
    satuan: _Judul = Field(None, description="Judul kolom satuan.")
    definisi: _Judul = Field(None, description="Judul kolom definisi operasional.")
    rumus: _Judul = Field(None, description="Judul kolom rumus, mis. PENJELASAN FORMULASI PENGHITUNGAN "
                                            "(X 100%).")
    sumber_data: _Judul = Field(None, description="Judul kolom sumber data.")
    penanggung_jawab: _Judul = Field(None, description="Judul kolom penanggung jawab.")
    alasan: _Judul = Field(None, description="Judul kolom alasan pemilihan indikator.")
    tipe: _Judul = Field(None, description="Judul kolom tipe penghitungan.")
    polaritas: _Judul = Field(None, description="Judul kolom polaritas.")
    penjelasan: _Judul = Field(None, description="Judul kolom penjelasan (alasan, formulasi, tipe, "
                                                 "penanggung jawab, sumber data sebagai butir).")
    kondisi_awal: _Judul = Field(None, description="Judul kolom kondisi awal.")


class JudulKolomIku(JudulKolom):
    urusan: _Judul = Field(None, description="Judul kolom urusan.")
    tujuan: _Judul = Field(None, description="Judul kolom tujuan.")
    tujuan_sasaran: _Judul = Field(None, description="Judul kolom tujuan dan sasaran dalam satu kolom, "
                                                     "mis. TUJUAN/SASARAN.")
    sasaran: _Judul = Field(None, description="Judul kolom sasaran, mis. KINERJA UTAMA/SASARAN "
                                              "STRATEGI/OUTCOME.")


class TabelIku(Ketat):
    """A table whose rows are the sasaran's indicators (IKU, target, Tujuan dan Sasaran)."""

    kolom: Optional[list[KolomIku]] = Field(
        None, min_length=1, max_length=20,
        description="Kolom tabel, berurutan, mis. [no, sasaran, indikator, rumus, sumber_data, "
                    "penanggung_jawab]; kosong: kolom bawaan (kolom yang tidak berisi ditinggalkan). "
                    "Kolom yang dipilih dicetak walau kosong.")
    judul_kolom: JudulKolomIku = Field(JudulKolomIku(), description="Judul kolom pengganti judul bawaan.")


class JudulKolomProgram(JudulKolom):
    program: _Judul = Field(None, description="Judul kolom program.")


class TabelProgram(Ketat):
    """The table of the programs' indicators."""

    judul: Optional[Singkat] = Field(
        None, description="Judul tabel pengganti, mis. TARGET INDIKATOR KINERJA INDIVIDU.")
    kolom: Optional[list[KolomProgram]] = Field(
        None, min_length=1, max_length=20,
        description="Kolom tabel, berurutan, mis. [program, indikator, definisi, rumus, sumber_data, "
                    "penanggung_jawab, target]; kosong: kolom bawaan. Kolom yang dipilih dicetak walau "
                    "kosong.")
    judul_kolom: JudulKolomProgram = Field(JudulKolomProgram(), description="Judul kolom pengganti.")


class TataTabel(Ketat):
    """The office's choice of columns and labels for each indicator table."""

    iku: TabelIku = Field(TabelIku(), description="Tabel IKU (formulir IKU, tabel eselon IV, lampiran "
                                                  "keputusan).")
    target: TabelIku = Field(TabelIku(), description="Tabel target IKU.")
    tujuan_sasaran: TabelIku = Field(
        TabelIku(), description="Tabel Tujuan dan Sasaran; dengan 'kolom', satu baris per indikator tujuan "
        "dan sasaran, mis. gaya Kalimanah: [tujuan_sasaran, indikator, penjelasan].")
    program: TabelProgram = Field(TabelProgram(), description="Tabel indikator kinerja program.")
