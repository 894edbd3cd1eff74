"""The spec's control fields: values that steer the build or the checks and are never printed as
written (ids, references, enumerations, file paths, settings, the `abaikan` entries).

A path pattern names a leaf of the schema: keys joined by ".", "*" for a list's items or a
mapping's keys (`indikator.*.sasaran`). Every other leaf is a value the document prints, or
`ikugen validate` says the layout does not (IKU407, checks/unprinted.py); tests/test_unprinted.py
checks this list against the schema, so that no printed value hides in it.
"""

from __future__ import annotations

# Ids and references to ids: the document prints what they point to, never the id.
IDS = frozenset({
    "organisasi.*.id", "organisasi.*.atasan",
    "tujuan.*.id", "tujuan.*.indikator.*.id",
    "tujuan.*.indikator.*.penanggung_jawab", "tujuan.*.indikator.*.penanggung_jawab.*",
    "sasaran.*.id", "sasaran.*.tujuan", "sasaran.*.pemilik", "sasaran.*.induk",
    "indikator.*.id", "indikator.*.sasaran", "indikator.*.menggantikan",
    "indikator.*.penanggung_jawab", "indikator.*.penanggung_jawab.*",
    "program.*.indikator.*.penanggung_jawab", "program.*.indikator.*.penanggung_jawab.*",
    "perubahan.*.id",
})
# Choices among fixed words: they select a layout, a wording or a rule of a check.
ENUMERATIONS = frozenset({
    "dokumen.jenis", "dokumen.tata_letak", "dokumen.kertas", "profil.jenis_daerah",
    "wilayah.*.jenis", "organisasi.*.eselon",
    "tujuan.*.indikator.*.polaritas", "indikator.*.polaritas",  # IKU303 reads it
    "program.*.indikator.*.polaritas",
    # The office's columns of a table: which fields it prints (IKU407 asks them).
    "tabel.iku.kolom.*", "tabel.target.kolom.*", "tabel.tujuan_sasaran.kolom.*", "tabel.program.kolom.*",
    "susunan.*.bagian.*", "susunan.*.bagian.*.bagian",  # a built-in section, by name
    "dokumen.sampul_pemerintah",  # yes or no: which lines the cover prints
    "pimpinan.mengetahui",  # yes or no: "Mengetahui," above the Camat's position
    "dokumen.struktur_organisasi",  # yes or no: whether tupoksi prints the Struktur Organisasi
    "dokumen.mengingat_huruf",  # yes or no: the decree's Mengingat lettered or numbered
})
# Files the spec names, relative to itself (a picture is placed, a spec is read).
PATHS = frozenset({"dokumen.sebelumnya", "dasar", "profil.logo"})
# Numbers that set what the checks allow.
SETTINGS = frozenset({"dokumen.batas_iku.per_sasaran", "dokumen.batas_iku.pimpinan"})
# The spec's own exceptions to its warnings (IKU9xx).
EXCEPTIONS = frozenset({"abaikan.*.kode", "abaikan.*.di", "abaikan.*.alasan"})

CONTROL_FIELDS = IDS | ENUMERATIONS | PATHS | SETTINGS | EXCEPTIONS

# The merge keys of `dasar` (spec/inherit.py): read while merging, never fields of the model.
MERGE_KEYS = frozenset({"tambah", "hapus"})


def pattern(path: tuple[object, ...]) -> str:
    """A value's data path as its pattern: list positions and mapping keys of years become "*"."""
    return ".".join("*" if isinstance(p, int) or (isinstance(p, str) and p.isdigit()) else str(p)
                    for p in path)
