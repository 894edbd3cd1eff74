"""Checks that relate parts of a valid spec to each other, each with a stable code.

Every check is a generator registered with `@check(code, severity, title)`; it yields
`Finding`s that name the path of the value at fault. `run()` turns them into Problems at the
value's line and column. The list of checks (`REGISTRY`) is what `docs/checks.md` documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from .errors import Problem, Severity
from .model import Spek, Ukuran
from .schema_errors import suggest
from .source import SourceMap


@dataclass(frozen=True)
class Finding:
    loc: tuple
    message: str
    hint: Optional[str] = None


@dataclass(frozen=True)
class Context:
    spek: Spek
    smap: SourceMap


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    title: str
    func: Callable[[Context], Iterable[Finding]]


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: Severity, title: str):
    def register(func: Callable[[Context], Iterable[Finding]]):
        assert code not in REGISTRY, code
        REGISTRY[code] = Check(code, severity, title, func)
        return func
    return register


def run(spek: Spek, smap: SourceMap, skip: Iterable[str] = ()) -> list[Problem]:
    context = Context(spek, smap)
    skipped = set(skip)
    return [
        smap.problem(f.loc, c.code, f.message, hint=f.hint, severity=c.severity)
        for c in REGISTRY.values() if c.code not in skipped
        for f in c.func(context)
    ]


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
    seen: dict[tuple, int] = {}
    for i, w in enumerate(ctx.spek.wilayah):
        key = (w.jenis, w.nama.casefold())
        if key in seen:
            line = ctx.smap.locate(("wilayah", seen[key], "nama"))[0]
            yield Finding(("wilayah", i, "nama"), f"{w.jenis} {w.nama} sudah tercantum di baris {line}")
        seen.setdefault(key, i)


def _refs(ctx: Context) -> Iterator[tuple[tuple, str, str]]:
    """Every reference in the spec: (path, kind of target, id)."""
    s = ctx.spek
    for i, j in enumerate(s.organisasi):
        if j.atasan:
            yield ("organisasi", i, "atasan"), "organisasi", j.atasan
    for i, t in enumerate(s.tujuan):
        for k, ind in enumerate(t.indikator):
            if ind.penanggung_jawab:
                yield ("tujuan", i, "indikator", k, "penanggung_jawab"), "organisasi", ind.penanggung_jawab
    for i, x in enumerate(s.sasaran):
        for field, target in (("tujuan", "tujuan"), ("pemilik", "organisasi"), ("induk", "sasaran")):
            if getattr(x, field):
                yield ("sasaran", i, field), target, getattr(x, field)
    for i, ind in enumerate(s.indikator):
        yield ("indikator", i, "sasaran"), "sasaran", ind.sasaran
        if ind.penanggung_jawab:
            yield ("indikator", i, "penanggung_jawab"), "organisasi", ind.penanggung_jawab


_KIND_WORD = {"organisasi": "jabatan", "tujuan": "tujuan", "sasaran": "sasaran"}


@check("IKU102", "galat", "rujukan ke id yang tidak ada")
def dangling_references(ctx: Context) -> Iterator[Finding]:
    known = {name: [item.id for item in getattr(ctx.spek, name)] for name in _KIND_WORD}
    for loc, target, ref in _refs(ctx):
        if ref not in known[target]:
            close = suggest(ref, known[target])
            hint = (f"maksud Anda `{close}`?" if close else
                    f"id {_KIND_WORD[target]} yang ada: " + (", ".join(known[target][:12]) or "(belum ada)"))
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
        while node in parent and parent[node] and node not in seen:
            seen.add(node)
            node = parent[node]
        if node in seen and node == j.id:
            yield Finding(("organisasi", i, "atasan"), f"rantai atasan jabatan '{j.id}' berputar")
    for loc, cycle_id in _sasaran_cycles(ctx):
        yield Finding(loc, f"rantai induk sasaran '{cycle_id}' berputar")


def _sasaran_cycles(ctx: Context) -> Iterator[tuple[tuple, str]]:
    parent = {x.id: x.induk for x in ctx.spek.sasaran}
    for i, x in enumerate(ctx.spek.sasaran):
        seen, node = set(), x.id
        while parent.get(node) and node not in seen:
            seen.add(node)
            node = parent[node]
        if node == x.id and seen:
            yield ("sasaran", i, "induk"), x.id


def measures(spek: Spek) -> Iterator[tuple[tuple, Ukuran]]:
    """Every indicator of the spec, of tujuan and of sasaran, with its path."""
    for i, t in enumerate(spek.tujuan):
        for k, ind in enumerate(t.indikator):
            yield ("tujuan", i, "indikator", k), ind
    for i, ind in enumerate(spek.indikator):
        yield ("indikator", i), ind


@check("IKU104", "galat", "target untuk tahun di luar periode")
def target_outside_period(ctx: Context) -> Iterator[Finding]:
    periode = ctx.spek.dokumen.periode
    for path, ind in measures(ctx.spek):
        for year in ind.target:
            if not periode.awal <= year <= periode.akhir:
                yield Finding(path + ("target", str(year)),
                              f"target tahun {year} di luar periode {periode.awal}-{periode.akhir}",
                              "hapus target itu atau ubah dokumen.periode")


_NIP = re.compile(r"^\d{8} ?\d{6} ?\d ?\d{3}$")


@check("IKU105", "galat", "NIP bukan 18 angka")
def nip_digits(ctx: Context) -> Iterator[Finding]:
    nip = ctx.spek.pimpinan.nip
    digits = re.sub(r"\D", "", nip)
    if not _NIP.match(nip):
        yield Finding(("pimpinan", "nip"),
                      f"NIP harus 18 angka (tertulis {len(digits)} angka)" if len(digits) != 18
                      else "NIP memuat karakter selain angka dan spasi antarkelompok",
                      "bentuk NIP: 8-6-1-3 angka, mis. \"19670707 198803 1 005\"")


@check("IKU106", "galat", "pengenal ditulis sebagai angka tanpa tanda kutip")
def unquoted_identifiers(ctx: Context) -> Iterator[Finding]:
    return _unquoted(ctx.smap)


def run_source(smap: SourceMap) -> list[Problem]:
    """The checks that need only the file, for a spec the model refused."""
    found = REGISTRY["IKU106"]
    return [smap.problem(f.loc, found.code, f.message, hint=f.hint) for f in _unquoted(smap)]


def _unquoted(smap: SourceMap) -> Iterator[Finding]:
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
