"""What an IKU Perubahan says about the spec it revises, besides `dokumen.sebelumnya`."""

from __future__ import annotations

from pydantic import Field

from ikugen.spec.fields import Id, Ketat, Prosa


class Perubahan(Ketat):
    """The reason an indicator of the previous spec is removed (it is not in this spec)."""

    id: Id = Field(description="id indikator spesifikasi sebelumnya yang dihapus.")
    alasan_perubahan: Prosa = Field(description="Alasan indikator itu dihapus.")
