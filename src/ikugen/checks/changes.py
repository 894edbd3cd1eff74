"""An IKU Perubahan against the spec it revises (`dokumen.sebelumnya`): every change has its reason.

The previous spec is loaded by the pipeline (IKU720 when it cannot be used) and compared here
with `compare.diff`: the changes are what the Matriks Perubahan prints, one row per indicator
added, changed, replaced or removed, each with its `alasan_perubahan`.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator, Optional

from ikugen.checks.registry import CheckFunc, Context, Finding, check
from ikugen.compare.diff import ItemDiff, Perbandingan, compare, indicator_pairs
from ikugen.spec.model import Spek

_REASON_HINT = "tulis alasan_perubahan pada indikator ini: mengapa ia {0} dibanding spesifikasi sebelumnya"
_VERB = {"ditambah": "ditambahkan", "diubah": "diubah", "diganti": "menggantikan indikator lama"}

_last: tuple[Optional[Spek], Optional[Spek], Perbandingan] = (None, None, Perbandingan(()))


def changes(ctx: Context) -> Perbandingan:
    """The changes against the previous spec (computed once per pair of specs; none without one)."""
    global _last
    if ctx.previous is None:
        return Perbandingan(())
    old = ctx.previous[0]
    if _last[0] is not old or _last[1] is not ctx.spek:
        _last = (old, ctx.spek, compare(old, ctx.spek))
    return _last[2]


def _compared(func: Callable[[Context, Perbandingan], Iterator[Finding]]) -> CheckFunc:
    """A check of the changes: run with them, and only when there is a previous spec."""
    @functools.wraps(func)
    def run(ctx: Context) -> Iterator[Finding]:
        return func(ctx, changes(ctx)) if ctx.previous is not None else iter(())
    return run


def _removed_reasons(spek: Spek) -> dict[str, int]:
    return {entry.id: k for k, entry in enumerate(spek.perubahan)}


@check("IKU721", "galat", "spesifikasi sebelumnya pada dokumen yang bukan IKU Perubahan")
def previous_without_revision(ctx: Context) -> Iterator[Finding]:
    if ctx.spek.dokumen.sebelumnya and ctx.spek.dokumen.jenis != "iku-perubahan":
        yield Finding(("dokumen", "sebelumnya"), "'sebelumnya' hanya untuk IKU Perubahan",
                      "tulis dokumen.jenis: iku-perubahan, atau hapus 'sebelumnya'")


@check("IKU722", "galat", "indikator berubah tanpa alasan perubahan")
@_compared
def change_without_reason(ctx: Context, found: Perbandingan) -> Iterator[Finding]:
    reasons = _removed_reasons(ctx.spek)
    for d in found.of("indikator"):
        if d.status == "dihapus":
            if d.id not in reasons:
                yield _removed(ctx, d)
        elif not d.baru.alasan_perubahan and d.baru_index is not None:
            what = {"ditambah": "indikator baru", "diubah": "indikator diubah",
                    "diganti": f"indikator pengganti {d.id_lama}"}[d.status]
            yield Finding(("indikator", d.baru_index, "id"), f"{what} '{d.id}' tanpa alasan_perubahan",
                          _REASON_HINT.format(_VERB[d.status]))


def _removed(ctx: Context, d: ItemDiff) -> Finding:
    assert ctx.previous is not None and d.lama_index is not None
    file, line, _ = ctx.previous[1].origin(("indikator", d.lama_index, "id"))
    at = ("perubahan",) if ctx.spek.perubahan else ("dokumen", "sebelumnya")
    return Finding(at, f"indikator '{d.id}' ({file}:{line}) dihapus tanpa alasan perubahan",
                   f"tulis  perubahan: [{{id: {d.id}, alasan_perubahan: ...}}]")


@check("IKU723", "peringatan", "alasan perubahan pada indikator yang tidak berubah")
@_compared
def reason_without_change(ctx: Context, found: Perbandingan) -> Iterator[Finding]:
    changed = {d.baru_index for d in found.of("indikator") if d.baru is not None}
    for j, ind in enumerate(ctx.spek.indikator):
        if ind.alasan_perubahan and j not in changed:
            yield Finding(("indikator", j, "alasan_perubahan"), f"indikator '{ind.id}' tidak berubah "
                          "dibanding spesifikasi sebelumnya, tetapi punya alasan_perubahan",
                          "hapus alasan_perubahan, atau periksa apakah perubahannya sudah ditulis")


@check("IKU724", "galat", "menggantikan indikator yang tidak dapat digantikan")
def bad_replacement(ctx: Context) -> Iterator[Finding]:
    if ctx.previous is None:
        return
    old = ctx.previous[0]
    old_ids = {ind.id for ind in old.indikator}
    kept = {ind.id for ind in ctx.spek.indikator}
    pairs = indicator_pairs(old, ctx.spek)
    for j, ind in enumerate(ctx.spek.indikator):
        ref = ind.menggantikan
        if ref is None:
            continue
        at = ("indikator", j, "menggantikan")
        if ref not in old_ids:
            yield Finding(at, f"spesifikasi sebelumnya tidak punya indikator '{ref}'",
                          "id yang ada: " + ", ".join(sorted(old_ids - kept)[:12]) if old_ids - kept
                          else "semua indikator lama masih ada dengan id-nya")
        elif ref in kept:
            yield Finding(at, f"indikator '{ref}' masih ada di spesifikasi ini; yang digantikan tidak "
                          "lagi ada", f"hapus 'menggantikan', atau hapus indikator '{ref}'")
        elif ind.id in old_ids:
            yield Finding(at, f"indikator '{ind.id}' sudah ada di spesifikasi sebelumnya, jadi ia diubah, "
                          f"tidak menggantikan '{ref}'", "indikator pengganti memakai id baru")
        elif j not in pairs:
            yield Finding(at, f"indikator '{ref}' sudah digantikan oleh indikator lain",
                          "satu indikator lama digantikan oleh satu indikator baru")


@check("IKU725", "galat", "alasan perubahan untuk indikator yang tidak dihapus")
@_compared
def reason_for_nothing_removed(ctx: Context, found: Perbandingan) -> Iterator[Finding]:
    removed = {d.id for d in found.of("indikator") if d.status == "dihapus"}
    kept = {ind.id for ind in ctx.spek.indikator}
    for k, entry in enumerate(ctx.spek.perubahan):
        if entry.id in removed:
            continue
        if entry.id in kept:
            message = f"indikator '{entry.id}' masih ada di spesifikasi ini"
            hint = "tulis alasannya sebagai alasan_perubahan pada indikator itu"
        else:
            replaced = {d.id_lama for d in found.of("indikator") if d.status == "diganti"}
            message = (f"indikator '{entry.id}' digantikan, tidak dihapus" if entry.id in replaced
                       else f"spesifikasi sebelumnya tidak punya indikator '{entry.id}'")
            hint = ("tulis alasannya pada indikator penggantinya" if entry.id in replaced
                    else "'perubahan' berisi indikator spesifikasi sebelumnya yang dihapus")
        yield Finding(("perubahan", k, "id"), message, hint)


@check("IKU726", "peringatan", "keterangan perubahan tanpa spesifikasi sebelumnya")
def change_notes_without_previous(ctx: Context) -> Iterator[Finding]:
    if ctx.spek.dokumen.sebelumnya:
        return
    hint = "tulis dokumen.sebelumnya (berkas spesifikasi yang diubah) agar dokumen memuat Matriks Perubahan"
    for j, ind in enumerate(ctx.spek.indikator):
        for key in ("menggantikan", "alasan_perubahan"):
            if getattr(ind, key):
                yield Finding(("indikator", j, key), f"'{key}' indikator '{ind.id}' tidak dicetak: "
                              "spesifikasi sebelumnya tidak disebut", hint)
    if ctx.spek.perubahan:
        yield Finding(("perubahan",), "'perubahan' tidak dicetak: spesifikasi sebelumnya tidak disebut", hint)


@check("IKU727", "galat", "Matriks Perubahan tanpa tempat atau rujukan di dokumen")
@_compared
def matrix_not_placed(ctx: Context, found: Perbandingan) -> Iterator[Finding]:
    if not found.of("indikator") or ctx.spek.dokumen.jenis != "iku-perubahan":
        return
    out = ctx.output
    if out.layout == "standar" and out.sections is not None and "matriks_perubahan" not in out.sections:
        # Without a susunan of its own, the order is the office's susunan/standar.yaml (--templates).
        where, whose = (("susunan",), "susunan") if ctx.spek.susunan else \
            (("dokumen", "sebelumnya"), "susunan bawaan kantor (susunan/standar.yaml di --templates)")
        yield Finding(where, f"{whose} tidak memuat bagian matriks_perubahan, padahal ada "
                      f"{len(found.of('indikator'))} perubahan indikator",
                      "tambahkan ke susunan, mis.  {lampiran: Matriks Perubahan Indikator Kinerja "
                      "Utama, bagian: [matriks_perubahan]}")
    diktum = ctx.spek.teks.diktum
    if out.layout == "keputusan" and diktum and not any(re.search(r"matriks\s+perubahan", d, re.I)
                                                        for d in diktum):
        yield Finding(("teks", "diktum"), "tidak satu pun diktum menyebut Matriks Perubahan Indikator "
                      "Kinerja Utama, padahal keputusan melampirkannya",
                      "tambahkan diktum yang menyebut lampiran Matriks Perubahan Indikator Kinerja Utama")
