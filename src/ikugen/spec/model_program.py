"""Programs and their indicators: the table "Indikator Kinerja Program" of real documents, where
a program spans several indicator rows, each owned by a section head (the eselon IV cascade
below the Camat's IKU, IKU-GUIDE §3)."""

from __future__ import annotations

from pydantic import Field

from ikugen.spec.fields import MAX_LIST, Ketat, Prosa
from ikugen.spec.model_ukuran import Ukuran


class IndikatorProgram(Ukuran):
    """An indicator of a program: the fields of every indicator; its penanggung jawab is usually
    the section head who runs the program."""


class Program(Ketat):
    nama: Prosa = Field(description="Nama program, mis. Program Penyelenggaraan Pemerintahan dan "
                                    "Pelayanan Publik.")
    indikator: list[IndikatorProgram] = Field(
        min_length=1, max_length=MAX_LIST, description="Indikator kinerja program, satu per baris tabel.")
