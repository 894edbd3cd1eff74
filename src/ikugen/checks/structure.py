"""The spec's skeleton: unique ids, references that arrive, one head, targets inside the period."""

from __future__ import annotations

from typing import Iterator

from ikugen.checks.common import measures
from ikugen.checks.people import nearest_position
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.schema_errors import suggest
from ikugen.spec.yaml_reader import Path_, SourceMap

_LISTS = ("organisasi", "tujuan", "sasaran", "indikator")


@check("IKU101", "galat", "id yang sama dipakai dua kali")
def duplicate_ids(ctx: Context) -> Iterator[Finding]:
    for name in _LISTS:
        first: dict[str, int] = {}
        for i, item in enumerate(getattr(ctx.spek, name)):
            if item.id in first:
                line = ctx.smap.locate((name, first[item.id], "id"))[0]
                yield Finding((name, i, "id"), f"id '{item.id}' sudah dipakai di baris {line}",
                              "setiap id dalam satu daftar harus unik")
            else:
                first.setdefault(item.id, i)
    seen: dict[tuple[str, str], int] = {}
    for i, w in enumerate(ctx.spek.wilayah):
        key = (w.jenis, w.nama.casefold())
        if key in seen:
            line = ctx.smap.locate(("wilayah", seen[key], "nama"))[0]
            yield Finding(("wilayah", i, "nama"), f"{w.jenis} {w.nama} sudah tercantum di baris {line}")
        seen.setdefault(key, i)


def _refs(ctx: Context) -> Iterator[tuple[Path_, str, str]]:
    """Every reference in the spec: (path, kind of target, id)."""
    s = ctx.spek
    for i, j in enumerate(s.organisasi):
        if j.atasan:
            yield ("organisasi", i, "atasan"), "organisasi", j.atasan
    for path, ind in measures(s):
        if isinstance(ind.penanggung_jawab, str):
            yield path + ("penanggung_jawab",), "organisasi", ind.penanggung_jawab
        for k, ident in enumerate(ind.penanggung_jawab if isinstance(ind.penanggung_jawab, list) else []):
            yield path + ("penanggung_jawab", k), "organisasi", ident
    for i, x in enumerate(s.sasaran):
        for field, target in (("tujuan", "tujuan"), ("pemilik", "organisasi"), ("induk", "sasaran")):
            if getattr(x, field):
                yield ("sasaran", i, field), target, getattr(x, field)
    for i, ind in enumerate(s.indikator):
        yield ("indikator", i, "sasaran"), "sasaran", ind.sasaran


_KIND_WORD = {"organisasi": "jabatan", "tujuan": "tujuan", "sasaran": "sasaran"}


@check("IKU102", "galat", "rujukan ke id yang tidak ada")
def dangling_references(ctx: Context) -> Iterator[Finding]:
    known = {name: [item.id for item in getattr(ctx.spek, name)] for name in _KIND_WORD}
    positions = [(j.id, j.nama, j.singkatan) for j in ctx.spek.organisasi]
    for loc, target, ref in _refs(ctx):
        if ref in known[target]:
            continue
        # A position written by its title ("Sekcam", "Kasi Trantib") instead of its id.
        close = suggest(ref, known[target])
        titled = nearest_position(ref, positions) if target == "organisasi" else None
        if close:
            hint = f"maksud Anda `{close}`?"
        elif titled:
            hint = f"tulis id jabatannya: `{titled[0]}` ({titled[1]})"
        else:
            hint = f"id {_KIND_WORD[target]} yang ada: " + (", ".join(known[target][:12]) or "(belum ada)")
        yield Finding(loc, f"{_KIND_WORD[target]} dengan id '{ref}' tidak ada", hint)


@check("IKU103", "galat", "susunan organisasi tanpa satu pimpinan atau berputar")
def organisation_tree(ctx: Context) -> Iterator[Finding]:
    positions = ctx.spek.organisasi
    heads = [i for i, j in enumerate(positions) if not j.atasan]
    if not heads:
        yield Finding(("organisasi",), "tidak ada jabatan tanpa atasan (Camat)",
                      "kosongkan 'atasan' pada jabatan Camat")
    for i in heads[1:]:
        yield Finding(("organisasi", i, "atasan"),
                      f"jabatan '{positions[i].id}' tidak punya atasan; hanya Camat yang boleh",
                      f"isi 'atasan', mis. atasan: {positions[heads[0]].id}")
    if heads and positions[heads[0]].eselon != "III":
        yield Finding(("organisasi", heads[0], "eselon"), "jabatan pimpinan (Camat) harus eselon III")
    parent = {j.id: j.atasan for j in positions}
    for i, j in enumerate(positions):
        seen, node = set(), j.id
        while (up := parent.get(node)) and node not in seen:
            seen.add(node)
            node = up
        if node in seen and node == j.id:
            yield Finding(("organisasi", i, "atasan"), f"rantai atasan jabatan '{j.id}' berputar")
    for loc, cycle_id in _sasaran_cycles(ctx):
        yield Finding(loc, f"rantai induk sasaran '{cycle_id}' berputar")


def _sasaran_cycles(ctx: Context) -> Iterator[tuple[Path_, str]]:
    parent = {x.id: x.induk for x in ctx.spek.sasaran}
    for i, x in enumerate(ctx.spek.sasaran):
        seen, node = set(), x.id
        while (up := parent.get(node)) and node not in seen:
            seen.add(node)
            node = up
        if node == x.id and seen:
            yield ("sasaran", i, "induk"), x.id


@check("IKU104", "galat", "target untuk tahun di luar periode")
def target_outside_period(ctx: Context) -> Iterator[Finding]:
    periode = ctx.spek.dokumen.periode
    for path, ind in measures(ctx.spek):
        for year in ind.target:
            if not periode.awal <= year <= periode.akhir:
                yield Finding(path + ("target", str(year)),
                              f"target tahun {year} di luar periode {periode.awal}-{periode.akhir}",
                              "hapus target itu atau ubah dokumen.periode")


@check("IKU106", "galat", "pengenal ditulis sebagai angka tanpa tanda kutip")
def unquoted_identifiers(ctx: Context) -> Iterator[Finding]:
    return unquoted(ctx.smap)


def unquoted(smap: SourceMap) -> Iterator[Finding]:
    for path in sorted(smap.plain_numbers, key=str):
        if path and path[-1] in ("nip", "kode"):
            yield Finding(path, f"'{path[-1]}' ditulis sebagai angka; tulis dalam tanda kutip",
                          "pengenal bukan bilangan: tanpa kutip, YAML membuang nol di depan "
                          "dan editor membacanya sebagai angka")


@check("IKU107", "galat", "sasaran Camat tanpa tujuan")
def sasaran_without_tujuan(ctx: Context) -> Iterator[Finding]:
    if not ctx.spek.tujuan:
        return
    heads = {j.id for j in ctx.spek.organisasi if not j.atasan}
    for i, x in enumerate(ctx.spek.sasaran):
        if not x.tujuan and not x.induk and (x.pemilik is None or x.pemilik in heads):
            yield Finding(("sasaran", i), f"sasaran '{x.id}' belum menyebut tujuannya",
                          "isi 'tujuan' dengan id tujuan, atau 'induk' untuk sasaran eselon IV")
