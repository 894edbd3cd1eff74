"""The office's choice of columns for its indicator tables (`tabel`): each column once, an
indicator column, one way of showing tujuan and sasaran, and labels only for printed columns.
Unknown column names are refused by the schema (IKU011) with the choices and a suggestion."""

from __future__ import annotations

from typing import Iterator

from ikugen.checks.registry import Context, Finding, check


@check("IKU109", "galat", "pilihan kolom tabel yang tidak dapat dicetak")
def table_columns(ctx: Context) -> Iterator[Finding]:
    for name, table in ctx.spek.tabel:
        if table.kolom is None:
            continue
        path = ("tabel", name, "kolom")
        seen: set[str] = set()
        for k, column in enumerate(table.kolom):
            if column in seen:
                yield Finding(path + (k,), f"kolom '{column}' dipilih dua kali", "sebut setiap kolom sekali")
            seen.add(column)
        if "indikator" not in seen:
            yield Finding(path, f"tabel '{name}' tanpa kolom indikator",
                          "tambahkan 'indikator' ke daftar kolom: setiap baris tabel ini satu indikator")
        both = [c for c in ("tujuan", "sasaran") if c in seen]
        if "tujuan_sasaran" in seen and both:
            k = list(table.kolom).index(both[0])
            yield Finding(path + (k,), f"kolom '{both[0]}' sudah termuat dalam kolom 'tujuan_sasaran'",
                          "pilih 'tujuan_sasaran' (tujuan dan sasaran dalam satu kolom), atau kolom "
                          "'tujuan' dan 'sasaran' sendiri-sendiri")


@check("IKU110", "peringatan", "judul kolom untuk kolom yang tidak dicetak")
def label_of_unprinted_column(ctx: Context) -> Iterator[Finding]:
    for name, table in ctx.spek.tabel:
        if table.kolom is None:
            continue  # the default columns depend on the rows: a label may serve a column that comes
        for column, label in table.judul_kolom:
            if label and column not in table.kolom:
                yield Finding(("tabel", name, "judul_kolom", column),
                              f"judul kolom '{column}' tidak dicetak: tabel '{name}' tidak memuat kolom itu",
                              f"tambahkan '{column}' ke tabel.{name}.kolom, atau hapus judul ini")
