"""How a spec may reshape its document: chapters and their sections, and silenced warnings."""

from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ikugen.spec.fields import Id, Ketat, Prosa, Singkat

# The sections ikugen can write by itself (templates/bagian/<name>.md.j2).
NamaBagian = Literal[
    "latar_belakang", "maksud_tujuan", "landasan_hukum", "definisi", "syarat_kriteria",
    "tupoksi", "tujuan_sasaran", "visi_misi", "penetapan", "daftar_iku", "formulir_iku", "tabel_target",
    "iku_eselon_iv", "indikator_program", "penutup", "matriks_perubahan",
]


class BagianBawaan(Ketat):
    """A built-in section, optionally under another heading."""

    bagian: NamaBagian = Field(description="Nama bagian bawaan.")
    judul: Optional[Singkat] = Field(None, description="Judul pengganti; kosong: judul bawaan.")


class BagianSendiri(Ketat):
    """A section the office writes itself."""

    judul: Optional[Singkat] = Field(
        None, description="Judul bagian; kosong: teks ini melanjutkan bab tanpa judul sendiri.")
    teks: Prosa = Field(description="Isi bagian dalam Markdown.")


Bagian = Union[NamaBagian, BagianBawaan, BagianSendiri]


class Bab(Ketat):
    """A chapter (BAB I, II, ...) or an annex (LAMPIRAN), with its sections in order."""

    bab: Optional[Singkat] = Field(None, description="Judul bab, mis. Pendahuluan.")
    lampiran: Optional[Singkat] = Field(None, description="Judul lampiran (sebagai ganti bab).")
    bagian: list[Bagian] = Field(min_length=1, max_length=50, description="Bagian-bagian bab ini, berurutan.")

    @model_validator(mode="after")
    def _satu_judul(self) -> "Bab":
        if (self.bab is None) == (self.lampiran is None):
            raise PydanticCustomError("susunan", "isi tepat satu dari 'bab' atau 'lampiran'")
        return self


class Pengecualian(Ketat):
    """One warning silenced at one place, with the reason (shown by `validate`)."""

    kode: Singkat = Field(pattern=r"^IKU\d{3}$", description="Kode pemeriksaan, mis. IKU301.")
    di: Id = Field(
        description="id bagian spesifikasi tempat peringatan itu (indikator, sasaran, jabatan, ...).")
    alasan: Prosa = Field(description="Mengapa peringatan ini boleh diabaikan.")
