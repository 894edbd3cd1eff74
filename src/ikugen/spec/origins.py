"""Where each value of a loaded spec was written: `--jelaskan` for inherited values."""

from __future__ import annotations

from pydantic import BaseModel

from ikugen.spec.inherit import ID_LISTS
from ikugen.spec.model import Spek
from ikugen.spec.yaml_reader import Path_, SourceMap


def explain(spek: Spek, smap: SourceMap) -> list[str]:
    """One line per top-level value (per key of a section, per item of an id list): its file:line."""
    lines = [f"asal nilai {smap.file}:"]
    entries: list[tuple[str, Path_]] = []
    for name in Spek.model_fields:  # the model's order, which is the documented one
        if name not in spek.model_fields_set:
            continue
        value = getattr(spek, name)
        if isinstance(value, BaseModel):
            entries += [(f"{name}.{key}", (name, key)) for key in type(value).model_fields
                        if key in value.model_fields_set]
        elif (name,) in ID_LISTS:
            entries += [(f"{name}[{item.id}]", (name, i)) for i, item in enumerate(value)]
        else:
            entries.append((name, (name,)))
    width = max((len(label) for label, _ in entries), default=0)
    for label, path in entries:
        file, line, _ = smap.origin(path)
        others = sorted({f for p, f in smap.files.items() if p[:len(path)] == path} - {file})
        if file != smap.file:
            note = "  (diwarisi" + (", sebagian dari " + ", ".join(others) if others else "") + ")"
        elif others:
            note = "  (sebagian diwarisi dari " + ", ".join(others) + ")"
        else:
            note = ""
        lines.append(f"  {label:{width}}  {file}:{line}{note}")
    return lines
