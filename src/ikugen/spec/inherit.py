"""Shared defaults: a spec naming `dasar: ../temanggung.yaml` inherits that file's values.

The base is read with the same safe loader (it may name its own base, up to `MAX_CHAIN` files,
never in a circle) and merged under the spec before the model sees anything. The rules, also in
the README ("Nilai warisan"):

- mappings merge key by key and the spec's own value wins; `null` empties an inherited value;
- the lists of items with an `id` (organisasi, tujuan, sasaran, indikator) merge by id: an item
  with an inherited id is merged into it key by key, `{id: X, hapus: true}` drops it, an item
  with a new id is added after the inherited ones;
- any other list (misi, landasan_hukum, wilayah, ...) is replaced whole, unless written as
  `{tambah: [...]}`, which adds its items after the inherited ones.

The merged source map keeps, for every value, the file it was written in, so a problem with an
inherited value is reported in the base file, at its line.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any, Optional

from ikugen.errors import Problem, SpecError, UsageError, shorten
from ikugen.spec import yaml_reader
from ikugen.spec.yaml_reader import Path_, SourceMap

MAX_CHAIN = 5
ID_LISTS = frozenset({("organisasi",), ("tujuan",), ("sasaran",), ("indikator",)})
ADD = "tambah"
DROP = "hapus"


def resolve(data: dict[str, Any], smap: SourceMap, path: Path) -> tuple[dict[str, Any], SourceMap]:
    """The spec's data with its bases merged in, and one source map over every file involved."""
    if data.get("dasar") is None:
        return data, smap
    return _resolve(data, smap, path, [path.resolve()])


def _resolve(data: dict[str, Any], smap: SourceMap, path: Path,
             chain: list[Path]) -> tuple[dict[str, Any], SourceMap]:
    ref = data.get("dasar")
    if ref is None:
        return data, smap
    if not isinstance(ref, str) or not ref.strip():
        raise SpecError([smap.problem(("dasar",), "IKU701", "'dasar' harus berupa nama berkas spesifikasi "
                                      "dasar, mis. ../temanggung.yaml")])
    base_path = path.parent / ref.strip()
    shown = os.path.normpath(os.path.join(os.path.dirname(smap.file), ref.strip()))
    real = real_path(base_path)
    if real is None:
        raise SpecError([smap.problem(("dasar",), "IKU701", "berkas dasar tidak dapat dipakai: "
                                      f"{shown} adalah tautan yang berputar")])
    if real in chain:
        names = " -> ".join([smap.file, shown])
        raise SpecError([smap.problem(("dasar",), "IKU702", f"rantai 'dasar' berputar ({names})",
                                      hint="berkas dasar tidak boleh mewarisi berkas yang mewarisinya")])
    if len(chain) > MAX_CHAIN:
        raise SpecError([smap.problem(("dasar",), "IKU702",
                                      f"rantai 'dasar' lebih dari {MAX_CHAIN} berkas")])
    try:
        base, base_map = _load_base(base_path, shown)
    except UsageError as exc:
        problem = smap.problem(("dasar",), "IKU701", f"berkas dasar tidak dapat dipakai: {exc}")
        raise SpecError([problem]) from None
    base, base_map = _resolve(base, base_map, base_path, chain + [real])
    merger = _Merge(base_map, smap)
    merged = merger.mapping(base, data, (), (), ())
    if merger.problems:
        raise SpecError(merger.problems)
    return merged, merger.out


# Parsed bases by (name shown, text): a kabupaten's specs in one run share their base, and an
# IKU Perubahan reads it twice (its own `dasar` and its `sebelumnya`'s). Keyed by the text, read
# each time (cheap beside parsing it): an edited file is parsed again, however quickly it changed.
_BASES: OrderedDict[tuple[str, str], tuple[Any, SourceMap]] = OrderedDict()
_BASES_KEPT = 8


def _load_base(path: Path, shown: str) -> tuple[Any, SourceMap]:
    """`yaml_reader.load(path, shown)`, each text parsed once per process.

    Each caller gets its own copy of the data (the merge hands inherited values on as they are);
    the source map is only read. A text that cannot be parsed is not kept: its error is raised
    again each time, as before.
    """
    text = yaml_reader.read_text(path, shown)
    key = (shown, text)
    kept = _BASES.get(key)
    if kept is None:
        kept = _BASES[key] = yaml_reader.parse(text, shown)
        while len(_BASES) > _BASES_KEPT:
            _BASES.popitem(last=False)
    else:
        _BASES.move_to_end(key)
    data, smap = kept
    return _copy(data, {}), smap


def _copy(value: Any, seen: dict[int, Any]) -> Any:
    """The lists and mappings of parsed YAML copied (shared ones stay shared, as an alias made them)."""
    if not isinstance(value, (dict, list)):
        return value  # str, bool, None: immutable
    if id(value) in seen:
        return seen[id(value)]
    if isinstance(value, dict):
        mapping: dict[str, Any] = {}
        seen[id(value)] = mapping  # first: a value an alias shares is copied once, and stays shared
        mapping.update((key, _copy(item, seen)) for key, item in value.items())
        return mapping
    items: list[Any] = []
    seen[id(value)] = items
    items.extend(_copy(item, seen) for item in value)
    return items


class _Merge:
    """Merges a child over its base, recording where every resulting value was written."""

    def __init__(self, base: SourceMap, child: SourceMap):
        self.base, self.child = base, child
        self.out = SourceMap(child.file)
        self.problems: list[Problem] = []

    def value(self, b: Any, c: Any, bp: Path_, cp: Path_, tp: Path_) -> Any:
        if isinstance(c, dict) and ADD in c and (b is None or isinstance(b, list)):
            return self.add(b or [], c, bp, cp, tp)
        if isinstance(b, dict) and isinstance(c, dict):
            return self.mapping(b, c, bp, cp, tp)
        if tp in ID_LISTS and isinstance(b, list) and isinstance(c, list):
            return self.by_id(b, c, bp, cp, tp)
        self.copy(self.child, cp, tp, c)  # a scalar, a plain list, or another kind: replaced
        return c

    def mapping(self, b: dict[str, Any], c: dict[str, Any], bp: Path_, cp: Path_,
                tp: Path_) -> dict[str, Any]:
        self.mark(self.child, cp, tp)
        out: dict[str, Any] = {}
        for key, inherited in b.items():
            if key in c:
                out[key] = self.value(inherited, c[key], bp + (key,), cp + (key,), tp + (key,))
            else:
                out[key] = inherited
                self.copy(self.base, bp + (key,), tp + (key,), inherited)
        for key, own in c.items():
            if key not in b:
                out[key] = self.value(None, own, (), cp + (key,), tp + (key,))
        return out

    def add(self, b: list[Any], c: dict[str, Any], bp: Path_, cp: Path_, tp: Path_) -> list[Any]:
        added = c[ADD]
        extra = [k for k in c if k != ADD]
        if extra or not isinstance(added, list):
            at = cp + ((extra[0],) if extra else (ADD,))
            self.problems.append(self.child.problem(at, "IKU703", f"'{ADD}' berisi daftar butir yang "
                                                    "ditambahkan ke daftar warisan, tanpa kunci lain",
                                                    hint=f"tulis  {tp[-1]}: {{{ADD}: [butir, ...]}}",
                                                    key=bool(extra)))
            return b
        self.mark(self.child, cp, tp)
        for i, item in enumerate(b):
            self.copy(self.base, bp + (i,), tp + (i,), item)
        for j, item in enumerate(added):
            self.copy(self.child, cp + (ADD, j), tp + (len(b) + j,), item)
        return b + added

    def by_id(self, b: list[Any], c: list[Any], bp: Path_, cp: Path_, tp: Path_) -> list[Any]:
        # [base index or None, child index or None]: never both None.
        plan: list[list[Optional[int]]] = [[i, None] for i in range(len(b))]
        known = {item["id"]: entry for item, entry in zip(b, plan, strict=True)
                 if isinstance(item, dict) and isinstance(item.get("id"), str)}
        j: Optional[int]  # a child index (None in `plan` for a base item the spec leaves alone)
        for j, item in enumerate(c):
            ident = item.get("id") if isinstance(item, dict) else None
            entry = known.get(ident) if isinstance(ident, str) else None
            if entry is not None and entry[1] is not None:
                entry = None  # the same id twice in the spec: keep both, IKU101 reports it
            drop = item.get(DROP) if isinstance(item, dict) else None
            if drop is not None and not isinstance(drop, bool):
                self.problems.append(self.child.problem(cp + (j, DROP), "IKU703",
                                                        f"'{DROP}' bernilai true atau false"))
            elif drop:
                if entry is None:
                    self.problems.append(self.child.problem(
                        cp + (j, "id") if ident is not None else cp + (j,), "IKU703",
                        f"tidak ada butir warisan '{tp[0]}' dengan id '{shorten(ident, 40)}' untuk dihapus"))
                else:
                    plan.remove(entry)
                continue
            if entry is not None:
                entry[1] = j
            else:
                plan.append([None, j])
        self.mark(self.child, cp, tp)
        out: list[Any] = []
        for k, (i, j) in enumerate(plan):
            if j is None:
                assert i is not None  # see `plan`: an entry without a child index has a base one
                item = b[i]
                self.copy(self.base, bp + (i,), tp + (k,), item)
            else:
                own = {key: v for key, v in c[j].items() if key != DROP} if isinstance(c[j], dict) else c[j]
                if i is None:
                    item = own
                    self.copy(self.child, cp + (j,), tp + (k,), item)
                else:
                    item = self.mapping(b[i], own, bp + (i,), cp + (j,), tp + (k,))
            out.append(item)
        return out

    def copy(self, src: SourceMap, frm: Path_, to: Path_, value: Any) -> None:
        """Record the places of `value` and everything under it, moved from `frm` to `to`."""
        stack: list[tuple[Path_, Path_, Any]] = [(frm, to, value)]
        while stack:
            f, t, v = stack.pop()
            self.mark(src, f, t)
            if isinstance(v, dict):
                stack.extend((f + (k,), t + (k,), x) for k, x in v.items())
            elif isinstance(v, list):
                stack.extend((f + (i,), t + (i,), x) for i, x in enumerate(v))

    def mark(self, src: SourceMap, f: Path_, t: Path_) -> None:
        if f in src.values:
            self.out.values[t] = src.values[f]
        if f in src.keys:
            self.out.keys[t] = src.keys[f]
        if f in src.plain_numbers:
            self.out.plain_numbers.add(t)
        file = src.files.get(f, src.file)
        if file != self.out.file:
            self.out.files[t] = file


# A top-level `dasar:` line, as a spec writes it (block style, the key at column 0).
_DASAR_LINE = re.compile(r"^dasar:[ \t]*(['\"]?)(?P<ref>[^'\"#\n]*?)\1[ \t]*(#.*)?$", re.M)


def named_base(path: Path) -> Optional[Path]:
    """The base file a spec names, read cheaply from its text (to tell bases from specs in a folder).

    A miss only means the base is checked as a spec of its own, which reports it; nothing is hidden.
    """
    try:
        if not path.is_file():  # a pipe would block here, or be used up before the spec is read
            return None
        with path.open("rb") as handle:
            text = handle.read(yaml_reader.MAX_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    found = _DASAR_LINE.search(text)
    ref = found.group("ref").strip() if found else ""
    return real_path(path.parent / ref) if ref and ref not in ("~", "null") else None


def real_path(path: Path) -> Optional[Path]:
    """`path` with its links resolved, or None for a loop of links (Python raises for those)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None
