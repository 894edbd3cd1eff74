"""Every value of a validated spec with its data path, walked once per spec.

Three kinds of check read the whole spec: IKU407 every value by its field's pattern, IKU710 every
text, and the text checks (common.strings) the texts that are prose, not ids or choices. One walk
serves them all: walking a spec's model costs more than any of those checks' own work.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, NamedTuple, TypeVar

from pydantic import BaseModel

from ikugen.spec.yaml_reader import Path_

# String fields that hold an identifier, a reference or a choice, never prose.
NOT_TEXT = frozenset({
    "id", "atasan", "pemilik", "induk", "tujuan", "sasaran", "penanggung_jawab", "eselon",
    "polaritas", "tipe", "jenis", "jenis_daerah", "kode", "tata_letak", "kertas", "tanggal",
    "logo", "dasar", "nip", "target", "kondisi_awal", "bagian",
})
# A chapter's built-in sections are listed by name (susunan[].bagian[]), a table's columns too
# (tabel.iku.kolom[]): choices, not prose.
_CHOICE_LISTS = frozenset({"bagian", "kolom"})


class Leaf(NamedTuple):
    path: Path_  # the key/index path in the YAML data (SourceMap.locate gives its place)
    key: str  # its pattern (control_fields.pattern): positions and years as "*"
    value: Any  # never None; never an empty list (a list is walked into)
    prose: bool  # a text the text checks read: not an id, a reference, a choice or a target


M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def once_per_spec(compute: Callable[[M], T]) -> Callable[[M], T]:
    """`compute(spek)`, kept for the last spec it was asked about: several checks read the same
    derived data of one spec, and a batch of thousands of specs holds only the last one's."""
    last: list[tuple[object, Any]] = [(None, None)]

    @functools.wraps(compute)
    def cached(spek: M) -> T:
        seen = last[0]  # read once: another thread may check another spec meanwhile
        if seen[0] is not spek:
            seen = last[0] = (spek, compute(spek))
        return seen[1]  # type: ignore[no-any-return]
    return cached


@once_per_spec
def leaves(spek: BaseModel) -> list[Leaf]:
    """Every value `spek` holds, in the model's order (the file's order for lists)."""
    found: list[Leaf] = []
    _walk(spek, (), "", True, found)  # into one list: a generator per level costs ~2 ms a spec
    return found


def _walk(value: Any, path: Path_, key: str, prose: bool, found: list[Leaf]) -> None:
    dot = key + "." if key else ""
    if isinstance(value, str):
        found.append(Leaf(path, key, value, prose and not (len(path) >= 2 and path[-2] in _CHOICE_LISTS)))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            field = getattr(value, name)
            # Field names repeat (the list `tujuan`, a sasaran's reference `tujuan`): only string
            # values are left out by name.
            text = prose and not (name in NOT_TEXT and isinstance(field, str))
            _walk(field, path + (name,), dot + name, text, found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _walk(item, path + (i,), dot + "*", prose, found)
    elif isinstance(value, dict):  # a target's years: values, not prose
        for name, item in value.items():
            name = str(name)
            _walk(item, path + (name,), dot + ("*" if name.isdigit() else name), False, found)
    elif value is not None:
        found.append(Leaf(path, key, value, False))
