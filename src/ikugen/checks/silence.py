"""The spec's `abaikan` entries: one warning silenced at one place, with the reason shown.

`di` names the place: an item's id (indikator I3, sasaran S2, jabatan camat, a tujuan's
indicator with an id), or a top-level section (profil, teks, ...), optionally followed by
keys and 1-based positions: `profil.landasan_hukum.20`, `I3.rumus`, `trantib.fungsi.2`. A
warning with the entry's code whose value lies at or inside that place is silenced. Errors
cannot be silenced: a document with an error is wrong, whatever the reason. An entry that
silences nothing is itself a warning (IKU901), so stale entries do not pile up.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ikugen.checks.registry import Check, Context, Finding, Outcome, Silenced, check, problem
from ikugen.spec.model import Spek
from ikugen.spec.model_layout import Pengecualian
from ikugen.spec.schema_errors import suggest
from ikugen.spec.yaml_reader import Path_


@check("IKU901", "peringatan", "pengecualian (abaikan) yang tidak membungkam apa pun")
def unused_exception(ctx: Context) -> Iterator[Finding]:
    # Reported by `apply` below, which alone knows what the other checks found.
    return iter(())


def _ids(spek: Spek) -> dict[str, Path_]:
    places: dict[str, Path_] = {}
    for name in ("organisasi", "tujuan", "sasaran", "indikator"):
        for i, item in enumerate(getattr(spek, name)):
            places.setdefault(item.id, (name, i))
    for i, t in enumerate(spek.tujuan):
        for k, ind in enumerate(t.indikator):
            if ind.id:
                places.setdefault(ind.id, ("tujuan", i, "indikator", k))
    return places


def place(spek: Spek, di: str) -> Optional[Path_]:
    """The data path `di` names, or None."""
    ids = _ids(spek)
    parts = di.split(".")
    # ids may hold dots themselves ("S1.2"): the longest leading run that is an id wins.
    for n in range(len(parts), 0, -1):
        head = ".".join(parts[:n])
        if head in ids or (n == 1 and head in type(spek).model_fields):
            path, rest = ids.get(head, (head,)), parts[n:]
            break
    else:
        return None
    node: Any = spek.model_dump()
    for step in path:
        node = node[step]
    for part in rest:
        if isinstance(node, list) and part.isdigit() and 1 <= int(part) <= len(node):
            node, path = node[int(part) - 1], path + (int(part) - 1,)
        elif isinstance(node, dict):
            key = int(part) if part.isdigit() and int(part) in node else part  # target years
            if key not in node:
                return None
            node, path = node[key], path + (str(key),)  # mapping keys are text in the file
        else:
            return None
    return path


def apply(ctx: Context, found: list[tuple[Check, Finding]], skipped: set[str],
          registry: dict[str, Check]) -> Outcome:
    entries = [(i, e, place(ctx.spek, e.di)) for i, e in enumerate(ctx.spek.abaikan)]
    used: set[int] = set()
    problems, silenced = [], []
    for c, f in found:
        entry = None
        if c.severity == "peringatan":
            for i, e, at in entries:
                if at is not None and e.kode == c.code and f.loc[:len(at)] == at:
                    entry = e
                    used.add(i)
                    break
        if entry is not None:
            silenced.append(Silenced(problem(ctx.smap, c, f), entry.alasan))
        else:
            problems.append(problem(ctx.smap, c, f))
    unused = unused_exception
    if unused.code not in skipped:
        for i, e, at in entries:
            if i not in used and e.kode not in skipped:
                why = _why(ctx.spek, e, at, registry)
                problems.append(problem(ctx.smap, unused, Finding(("abaikan", i), *why)))
    return Outcome(problems, silenced)


def _why(spek: Spek, entry: Pengecualian, at: Optional[Path_],
         registry: dict[str, Check]) -> tuple[str, str]:
    known = registry.get(entry.kode)
    if known is None:
        return f"kode {entry.kode} tidak dikenal", "daftar kode ada di docs/checks.md"
    if known.severity == "galat":
        return (f"{entry.kode} adalah galat; galat tidak dapat diabaikan", "betulkan masalahnya")
    if at is None:
        close = suggest(entry.di, list(_ids(spek)))
        return (f"tempat '{entry.di}' tidak ada di spesifikasi", f"maksud Anda `{close}`?" if close else
                "tulis id butir (mis. I3) atau nama bagian (mis. profil.landasan_hukum.2)")
    return (f"tidak ada peringatan {entry.kode} di '{entry.di}' yang perlu diabaikan",
            "hapus butir abaikan ini")
