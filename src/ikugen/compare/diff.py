"""Every difference between two specs of one kecamatan, in the terms of the document.

Items are matched by id: positions (organisasi), tujuan, sasaran and indicators. A new
indicator may name the old one it replaces (`menggantikan: I3`); it is then compared with that
one. Values are compared as the document prints them (texts with their spaces made single, a
position in charge as the one the document names), so a line re-wrapped in the YAML is no
change. The values are kept raw (text, Decimal, None): the view and the command format them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator, Literal, Optional, Union

from ikugen.spec.model import Indikator, Jabatan, Sasaran, Spek, Tujuan, Ukuran

Kind = Literal["jabatan", "tujuan", "sasaran", "indikator"]
Status = Literal["ditambah", "dihapus", "diubah", "diganti"]
Value = Union[str, Decimal, tuple[str, ...], None]

# The spec's list each kind lives in, for the paths of its items.
LISTS: dict[str, str] = {"jabatan": "organisasi", "tujuan": "tujuan", "sasaran": "sasaran",
                         "indikator": "indikator"}
_POSITION_FIELDS = ("nama", "singkatan", "eselon", "atasan")
_TUJUAN_FIELDS = ("uraian", "urusan")
_SASARAN_FIELDS = ("uraian", "tujuan", "pemilik", "induk", "program")
_MEASURE_FIELDS = ("nama", "satuan", "definisi", "rumus", "sumber_data", "penanggung_jawab", "alasan",
                   "polaritas", "tipe", "kondisi_awal")


@dataclass(frozen=True)
class Change:
    """One value of one item: `field` is the spec's key, `year` a target's year, `measure` the
    name of a tujuan's indicator the value belongs to."""

    field: str
    semula: Value
    menjadi: Value
    year: Optional[int] = None
    measure: Optional[str] = None


@dataclass(frozen=True)
class ItemDiff:
    kind: Kind
    status: Status
    lama: Any            # the item of the previous spec (None: added)
    baru: Any            # the item of the new spec (None: removed)
    lama_index: Optional[int]
    baru_index: Optional[int]
    changes: tuple[Change, ...] = ()

    @property
    def id(self) -> str:
        return str((self.baru or self.lama).id)

    @property
    def id_lama(self) -> Optional[str]:
        return str(self.lama.id) if self.lama is not None else None


@dataclass(frozen=True)
class Perbandingan:
    items: tuple[ItemDiff, ...]

    def __bool__(self) -> bool:
        return bool(self.items)

    def of(self, kind: Kind) -> list[ItemDiff]:
        return [d for d in self.items if d.kind == kind]


def compare(old: Spek, new: Spek) -> Perbandingan:
    items: list[ItemDiff] = []
    items += _matched("jabatan", old.organisasi, new.organisasi, _by_id(old.organisasi, new.organisasi),
                      lambda a, b: _fields(a, b, _POSITION_FIELDS))
    items += _matched("tujuan", old.tujuan, new.tujuan, _by_id(old.tujuan, new.tujuan), _tujuan_changes)
    items += _matched("sasaran", old.sasaran, new.sasaran, _by_id(old.sasaran, new.sasaran),
                      lambda a, b: _fields(a, b, _SASARAN_FIELDS))
    indicators = list(_matched("indikator", old.indikator, new.indikator, indicator_pairs(old, new),
                               lambda a, b: _indicator_changes(old, new, a, b)))
    return Perbandingan(tuple(items + _beside_sasaran(indicators, new)))


def _beside_sasaran(items: list[ItemDiff], new: Spek) -> list[ItemDiff]:
    """A removed indicator placed after the new spec's last indicator of its sasaran, when there
    is one (else where `_matched` put it: after its neighbour in the previous spec)."""
    out = [d for d in items if d.status != "dihapus" or not _anchor(d, new)]
    for d in items:
        anchor = _anchor(d, new) if d.status == "dihapus" else None
        if anchor is not None:
            at = next((k for k, x in enumerate(out) if x.baru_index is not None and x.baru_index > anchor),
                      len(out))
            out.insert(at, d)
    return out


def _anchor(d: ItemDiff, new: Spek) -> Optional[int]:
    found = [j for j, ind in enumerate(new.indikator) if ind.sasaran == d.lama.sasaran]
    return found[-1] if found else None


def indicator_pairs(old: Spek, new: Spek) -> dict[int, int]:
    """New indicator index -> old index: the same id, else the one it names in `menggantikan`
    (when that old indicator is not kept under its own id and no other replaces it)."""
    pairs = _by_id(old.indikator, new.indikator)
    taken = set(pairs.values())
    old_index = {ind.id: i for i, ind in enumerate(old.indikator)}
    kept = {ind.id for ind in new.indikator}
    for j, ind in enumerate(new.indikator):
        target = old_index.get(ind.menggantikan or "")
        if j not in pairs and target is not None and target not in taken and ind.menggantikan not in kept:
            pairs[j] = target
            taken.add(target)
    return pairs


def _by_id(old: list[Any], new: list[Any]) -> dict[int, int]:
    index: dict[str, int] = {}
    for i, item in enumerate(old):
        index.setdefault(item.id, i)
    pairs: dict[int, int] = {}
    for j, item in enumerate(new):
        found = index.get(item.id)
        if found is not None and found not in pairs.values():
            pairs[j] = found
    return pairs


def _matched(kind: Kind, old: list[Any], new: list[Any], pairs: dict[int, int],
             changes: Any) -> Iterator[ItemDiff]:
    """The new list's order; an item removed follows the item that preceded it in the old list."""
    after: dict[Optional[int], list[int]] = {}  # new index (None: before all) -> removed old indices
    matched_old = {i: j for j, i in pairs.items()}
    last: Optional[int] = None
    for i in range(len(old)):
        if i in matched_old:
            last = matched_old[i]
        else:
            after.setdefault(last, []).append(i)

    def removed(key: Optional[int]) -> Iterator[ItemDiff]:
        for i in after.get(key, []):
            yield ItemDiff(kind, "dihapus", old[i], None, i, None)

    yield from removed(None)
    for j, item in enumerate(new):
        was = pairs.get(j)
        if was is None:
            yield ItemDiff(kind, "ditambah", None, item, None, j)
        else:
            found = tuple(changes(old[was], item))
            replaced = old[was].id != item.id
            if found or replaced:
                yield ItemDiff(kind, "diganti" if replaced else "diubah", old[was], item, was, j, found)
        yield from removed(j)


def same(a: Value, b: Value) -> bool:
    return bool(_norm(a) == _norm(b))


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return tuple(_norm(v) for v in value)
    return value


def _fields(a: Any, b: Any, names: tuple[str, ...], measure: Optional[str] = None) -> Iterator[Change]:
    for name in names:
        x, y = _norm(getattr(a, name)), _norm(getattr(b, name))
        if x != y:
            yield Change(name, x, y, measure=measure)


def _targets(a: Ukuran, b: Ukuran, measure: Optional[str] = None) -> Iterator[Change]:
    for year in sorted(set(a.target) | set(b.target)):
        x, y = a.target.get(year), b.target.get(year)
        if not same(x, y):
            yield Change("target", x, y, year=year, measure=measure)


def _indicator_changes(old: Spek, new: Spek, a: Indikator, b: Indikator) -> Iterator[Change]:
    if a.sasaran != b.sasaran:
        yield Change("sasaran", a.sasaran, b.sasaran)
    for change in _fields(a, b, _MEASURE_FIELDS):
        if change.field != "penanggung_jawab":
            yield change
    x, y = in_charge(old, a), in_charge(new, b)
    if x != y:
        yield Change("penanggung_jawab", x, y)
    yield from _targets(a, b)


def in_charge(spek: Spek, ind: Indikator) -> Value:
    """The position(s) the document names for the indicator: its own, else its sasaran's owner."""
    sasaran: Optional[Sasaran] = next((s for s in spek.sasaran if s.id == ind.sasaran), None)
    value: Any = ind.penanggung_jawab or spek.owner(sasaran)
    if isinstance(value, (list, tuple)):
        return tuple(map(str, value)) if len(value) != 1 else str(value[0])
    return None if value is None else str(value)


def _tujuan_changes(a: Tujuan, b: Tujuan) -> Iterator[Change]:
    yield from _fields(a, b, _TUJUAN_FIELDS)

    def key(m: Ukuran) -> str:
        return getattr(m, "id", None) or " ".join(m.nama.split())

    old = {key(m): m for m in a.indikator}
    new = {key(m): m for m in b.indikator}
    for name, m in old.items():
        if name not in new:
            yield Change("indikator", m.nama, None)
    for name, m in new.items():
        if name not in old:
            yield Change("indikator", None, m.nama)
        else:
            yield from _fields(old[name], m, _MEASURE_FIELDS, measure=m.nama)
            yield from _targets(old[name], m, measure=m.nama)


def position_name(spek: Spek, ident: Optional[str]) -> Optional[str]:
    """A position as the document names it in a table: its short title, else its name."""
    found: Optional[Jabatan] = next((j for j in spek.organisasi if j.id == ident), None)
    return (found.singkatan or found.nama) if found else ident
