"""The positions of the office as a tree: the head (the Camat) first, each with its subordinates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ikugen.spec.model import Jabatan
from ikugen.view import records
from ikugen.view.records import JabatanView


@dataclass(frozen=True)
class Posisi:
    """A position in the organisation tree, with what the document prints of it."""

    jabatan: JabatanView
    depth: int
    children: list["Posisi"] = field(default_factory=list)

    @property
    def nama(self) -> str:
        return self.jabatan.nama


def tree(positions: list[Jabatan]) -> list[Posisi]:
    """The positions as a tree, the head (no atasan) first; orphans follow the head."""
    ids = {j.id for j in positions}
    parent: dict[str, Optional[str]] = {
        j.id: j.atasan if j.atasan in ids and j.atasan != j.id else None for j in positions}
    depth = _depths(positions, parent)
    nodes = {j.id: Posisi(records.jabatan(j), depth.get(j.id, 0)) for j in positions}
    roots: list[Posisi] = []
    for j in positions:
        above = parent[j.id]
        (nodes[above].children if above else roots).append(nodes[j.id])
    roots.sort(key=lambda n: n.jabatan.atasan is not None)
    return roots


# Both walk with an explicit stack: a chain of 2,000 positions (the list's limit) is valid input
# and would pass Python's recursion limit.
def _depths(positions: list[Jabatan], parent: dict[str, Optional[str]]) -> dict[str, int]:
    below: dict[str, list[str]] = {}
    for j in positions:
        above = parent[j.id]
        if above:
            below.setdefault(above, []).append(j.id)
    depth: dict[str, int] = {}
    stack = [(j.id, 0) for j in positions if parent[j.id] is None]
    while stack:
        node, level = stack.pop()
        depth[node] = level
        stack.extend((child, level + 1) for child in below.get(node, []))
    return depth


def flatten(nodes: list[Posisi]) -> list[Posisi]:
    """Every position in tree order: each one, then its subordinates."""
    out: list[Posisi] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out
