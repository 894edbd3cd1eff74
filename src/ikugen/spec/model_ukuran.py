"""What every indicator has, whether it measures a tujuan, a sasaran or a program."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from ikugen.spec.fields import Id, Ketat, Nilai, Prosa, Singkat, Tahun


class Ukuran(Ketat):
    """What every indicator has, at tujuan or at sasaran level."""

    nama: Prosa = Field(description="Nama indikator, diawali kata ukuran: Persentase, Indeks, Jumlah, ...")
    satuan: Optional[Singkat] = Field(None, description="Satuan, mis. %, indeks, nilai, dokumen.")
    definisi: Optional[Prosa] = Field(None, description="Definisi operasional indikator.")
    rumus: Optional[Prosa] = Field(None, description="Rumus atau formulasi penghitungan.")
    sumber_data: Optional[Singkat] = Field(None, description="Sumber data.")
    penanggung_jawab: Optional[Union[Id, Annotated[list[Id], Field(min_length=1, max_length=20)]]] = Field(
        None, description="id jabatan yang bertanggung jawab, atau daftar id bila lebih dari satu "
                          "jabatan, mis. [camat, pelayanan].")
    alasan: Optional[Prosa] = Field(None, description="Alasan pemilihan indikator.")
    polaritas: Optional[Literal["positif", "negatif"]] = Field(
        None, description="positif: makin tinggi makin baik; negatif: makin rendah makin baik."
    )
    tipe: Optional[Literal["kumulatif", "non-kumulatif"]] = Field(
        None, description="Tipe penghitungan: kumulatif atau non-kumulatif."
    )

    @property
    def penanggung_jawab_ids(self) -> list[str]:
        """The responsible positions' ids, one or several, as written."""
        pj = self.penanggung_jawab
        return [] if pj is None else [pj] if isinstance(pj, str) else list(pj)
    kondisi_awal: Nilai = None
    target: dict[Tahun, Nilai] = Field(
        {}, description="Target per tahun periode, mis. {2024: 85}; \"-\" bila tidak ditetapkan."
    )


