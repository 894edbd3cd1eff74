"""Load a spec file: YAML to data, data to the model, then the cross-part checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from pydantic import ValidationError

from . import blanks, images, inherit, rules, source  # noqa: F401  (blanks registers its check)
from .errors import Problem, SpecError
from .model import Spek
from .schema_errors import problems_from


@dataclass(frozen=True)
class Loaded:
    """A valid spec, where it came from, its warnings, and the warnings it silenced itself."""

    spek: Spek
    path: Path
    smap: source.SourceMap
    warnings: list[Problem]
    silenced: list[rules.Silenced] = field(default_factory=list)


class SpecProblems(SpecError):
    """A spec with errors; it also carries the warnings its `abaikan` entries silenced."""

    def __init__(self, problems: list[Problem], silenced: list[rules.Silenced]):
        super().__init__(problems)
        self.silenced = silenced


def load_spec(path: Path, shown: Optional[str] = None, skip: Iterable[str] = ()) -> Loaded:
    """Read and check one spec; raise SpecError listing every problem if any is an error.

    `skip` names checks to leave out (codes or slugs, see `rules.resolve_skip`).
    """
    skip = rules.resolve_skip(skip)
    data, smap = source.load(path, shown)
    data, smap = inherit.resolve(data, smap, path)
    try:
        spek = Spek.model_validate(data)
    except ValidationError as exc:
        problems = rules.refine_schema_problems(problems_from(exc, data, smap, Spek), data, smap)
        # Identifier checks need only the source map, so they report alongside schema errors.
        problems += [p for p in rules.run_source(smap) if p.code not in skip]
        raise SpecError(problems) from None
    outcome = rules.run(spek, smap, skip)
    # A file the spec names is part of it: a missing or unusable logo fails `validate` too.
    outcome.problems.extend(images.logo_problems(
        spek.profil.logo, path.parent, lambda code, message: smap.problem(("profil", "logo"), code, message)))
    if any(p.severity == "galat" for p in outcome.problems):
        raise SpecProblems(outcome.problems, outcome.silenced)
    return Loaded(spek, path, smap, sorted(outcome.problems), outcome.silenced)
