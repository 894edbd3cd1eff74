"""Targets over the period: every year set, numbers where the unit counts, moving the right way.

A spec with no target anywhere is a draft whose indicators are being agreed before anyone sets
numbers (the three examples: their seeds carry none). It gets no target warnings: the target
table prints "-" for every year, which is what such a document says. Once any indicator has a
target, the spec is setting numbers, and an IKU row left without any is reported once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Optional, Union

from ikugen.checks.common import blank, fold, measures, sasaran_measures
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.model import Ukuran
from ikugen.spec.yaml_reader import Path_

# Units whose values are numbers; a target written as text under them cannot be measured.
NUMERIC_UNITS = frozenset({
    "%", "persen", "persentase", "indeks", "nilai", "skor", "poin", "angka", "rasio", "orang", "jiwa",
    "dokumen", "laporan", "unit", "buah", "paket", "kegiatan", "kali", "desa", "kelurahan", "lembaga",
    "kelompok", "rumah", "hari", "bulan", "tahun", "jam", "menit", "rupiah", "rp",
})


def _has_targets(ind: Ukuran) -> bool:
    return any(v is not None for v in ind.target.values())


@check("IKU301", "peringatan", "tahun periode tanpa target")
def year_without_target(ctx: Context) -> Iterator[Finding]:
    years = ctx.spek.dokumen.periode.tahun
    for path, ind in measures(ctx.spek):
        if not ind.target:
            continue
        missing = [y for y in years if y not in ind.target]
        if missing:
            shown = ", ".join(map(str, missing))
            yield Finding(path + ("target",), f"indikator '{ind.nama}' belum punya target tahun {shown}",
                          "tulis target setiap tahun periode; tulis \"-\" untuk tahun yang memang "
                          "tidak ditargetkan")
    if not any(_has_targets(ind) for _, ind in measures(ctx.spek)):
        return  # a draft without numbers yet: see the module's note
    for path, ind, _ in sasaran_measures(ctx.spek):
        if not ind.target:
            yield Finding(path + ("nama",), f"indikator '{ind.nama}' belum punya target sama sekali, "
                          "padahal indikator lain sudah", "tulis target per tahun periode, mis. "
                          f"target: {{{years[0]}: 80}}")


def _unit(ind: Ukuran) -> Optional[str]:
    return fold(ind.satuan) if ind.satuan else None


@check("IKU302", "peringatan", "target bukan angka untuk satuan yang berupa angka")
def text_target_for_number(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        unit = _unit(ind)
        if unit not in NUMERIC_UNITS and ind.satuan not in NUMERIC_UNITS:
            continue
        values: list[tuple[Path_, Union[Decimal, str, None]]] = [
            (("target", str(y)), v) for y, v in sorted(ind.target.items())]
        values.insert(0, (("kondisi_awal",), ind.kondisi_awal))
        for where, value in values:
            if isinstance(value, str) and not blank(value):
                yield Finding(path + where, f"nilai '{value}' bukan angka, padahal satuannya "
                              f"'{ind.satuan}'", "tulis angka saja (mis. 85 atau \"87,5\"); satuan "
                              "ditulis di 'satuan'; untuk predikat seperti BB pakai satuan 'predikat'")


@check("IKU303", "peringatan", "target bergerak melawan polaritas")
def targets_against_polarity(ctx: Context) -> Iterator[Finding]:
    """A positive indicator whose next target is lower (a negative one: higher).

    Kumulatif indicators are left alone: their yearly targets are shares of a total and may
    rise and fall. An indicator without `polaritas` is read as positive, the usual case, with a
    hint to declare it negative when lower is better.
    """
    periode = ctx.spek.dokumen.periode
    awal = periode.awal
    for path, ind in measures(ctx.spek):
        if ind.tipe == "kumulatif":
            continue
        series: list[tuple[int, Path_, Union[Decimal, str, None]]] = [
            (awal - 1, ("kondisi_awal",), ind.kondisi_awal)]
        # Years outside the period are IKU104's; they say nothing about the direction.
        series += [(y, ("target", str(y)), v) for y, v in sorted(ind.target.items()) if y in periode.tahun]
        numbers = [(y, where, v) for y, where, v in series if isinstance(v, Decimal)]
        negative = ind.polaritas == "negatif"
        direction = ("lebih tinggi", "negatif (makin rendah makin baik)") if negative else \
            ("lebih rendah", "positif (makin tinggi makin baik)")
        hint = "betulkan targetnya" + ("" if ind.polaritas else
                                       ", atau tulis polaritas: negatif bila makin rendah makin baik")
        for (y0, _, v0), (y1, where, v1) in zip(numbers, numbers[1:], strict=False):
            if (v1 > v0) if negative else (v1 < v0):
                before = "kondisi awal" if y0 < awal else f"target {y0}"
                yield Finding(path + where, f"target {y1} ({_num(v1)}) {direction[0]} dari {before} "
                              f"({_num(v0)}), padahal polaritasnya {direction[1]}", hint)
                break  # one report per indicator: the first turn is what to look at


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


@check("IKU304", "peringatan", "kondisi awal belum diisi padahal target ada")
def baseline_missing(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        # "kondisi_awal: -" says on purpose that there is none (a new indicator): only an
        # absent key is reported.
        written = path + ("kondisi_awal",) in ctx.smap.values
        if _has_targets(ind) and ind.kondisi_awal is None and not written:
            yield Finding(path + ("target",), f"indikator '{ind.nama}' punya target tetapi belum punya "
                          "kondisi awal", "isi kondisi_awal (nilai tahun sebelum periode), atau "
                          "kondisi_awal: \"-\" bila indikator ini baru")
