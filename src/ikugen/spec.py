"""Load a spec file: YAML to data, data to the model, then the cross-part checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from pydantic import ValidationError

from . import rules, source
from .errors import Problem, SpecError
from .model import Spek
from .schema_errors import problems_from


@dataclass(frozen=True)
class Loaded:
    """A valid spec, where it came from, and its warnings."""

    spek: Spek
    path: Path
    smap: source.SourceMap
    warnings: list[Problem]


def load_spec(path: Path, shown: Optional[str] = None, skip: Iterable[str] = ()) -> Loaded:
    """Read and check one spec; raise SpecError listing every problem if any is an error."""
    data, smap = source.load(path, shown)
    try:
        spek = Spek.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, data, smap, Spek)
        # Identifier checks need only the source map, so they report alongside schema errors.
        problems += [p for p in rules.run_source(smap) if p.code not in set(skip)]
        raise SpecError(problems) from None
    problems = rules.run(spek, smap, skip)
    if any(p.severity == "galat" for p in problems):
        raise SpecError(problems)
    return Loaded(spek, path, smap, sorted(problems))
