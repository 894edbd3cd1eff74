"""What several checks share: the spec's texts with their paths, and words.

Checks read the validated model; a path is the key/index path of a value in the YAML data, so
`SourceMap.locate(path)` gives its line and column. Target years are strings in paths, as the
YAML keys they were written as.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Hashable, Iterator, Optional, Sequence

from ikugen.checks.blanks import MARK
from ikugen.checks.walk import leaves, once_per_spec
from ikugen.spec.model import Indikator, Sasaran, Spek, Ukuran
from ikugen.spec.yaml_reader import Path_

# Sections whose values name the document's own identity (its place, its people, its ranks):
# they are the reference other texts are compared with, not text to search.
_IDENTITY = frozenset({("dokumen",), ("profil", "kecamatan"), ("profil", "kabupaten"), ("profil", "provinsi"),
                       ("profil", "batas"), ("pimpinan",), ("wilayah",), ("abaikan",)})
FUNCTION_WORDS = frozenset(
    "dan atau di ke dari yang dalam pada untuk serta tentang dengan oleh kepada terhadap atas bagi "
    "se sebagai adalah merupakan selaku tersebut ini itu sampai hingga melalui antar per dan/atau".split())


def blank(text: str) -> bool:
    """A value `ikugen init` left to be filled in ("ISI: ..."): IKU710 reports it, nothing else."""
    return text.startswith(MARK)


def strings(spek: Spek) -> Iterator[tuple[Path_, str]]:
    """Every text value of the spec (no ids, references or choices), with its path."""
    return iter(_strings(spek))


@once_per_spec  # several checks read every text
def _strings(spek: Spek) -> list[tuple[Path_, str]]:
    return [(leaf.path, leaf.value) for leaf in leaves(spek) if leaf.prose and not blank(leaf.value)]


def prose(spek: Spek) -> Iterator[tuple[Path_, str]]:
    """The texts that say something about the office: not its own name, people or places."""
    return iter(_prose(spek))


@once_per_spec  # most checks read the prose
def _prose(spek: Spek) -> list[tuple[Path_, str]]:
    return [(path, text) for path, text in strings(spek)
            if path[:1] not in _IDENTITY and path[:2] not in _IDENTITY]


@lru_cache(maxsize=8192)  # checks compare the same texts pairwise: fold each once
def fold(text: str) -> str:
    """Text for comparing: case-folded, accents removed, punctuation to spaces, spaces single."""
    text = text.casefold()
    if not text.isascii():  # ASCII has no accents to remove: NFKD leaves it as it is
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w/-]+", " ", text).replace("_", " ").split())


@lru_cache(maxsize=4096)  # each text is compared with many: counted once (cleared per spec)
def counts(seq: Sequence[Hashable]) -> Counter[Hashable]:
    return Counter(seq)


def close_enough(a: Sequence[Hashable], b: Sequence[Hashable], floor: float) -> float:
    """difflib's ratio of `a` and `b` when it is at least `floor`, else 0.

    The ratio's two upper bounds (SequenceMatcher's real_quick_ratio and quick_ratio: the shorter
    length, and the elements in common) are computed first, as difflib computes them but without
    building its matcher, which costs more than both: most pairs the checks compare stop there."""
    total = len(a) + len(b)
    if not total:
        return 1.0 if floor <= 1.0 else 0.0
    if 2.0 * min(len(a), len(b)) / total < floor:
        return 0.0
    mine, other = counts(a), counts(b)
    if 2.0 * sum(min(n, other[x]) for x, n in mine.items() if x in other) / total < floor:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    return ratio if ratio >= floor else 0.0


def words(text: str) -> list[str]:
    return fold(text).split()


def sentences(text: str) -> list[str]:
    """Rough sentences: split after . ; : ! ? and at line ends (folded YAML keeps no newlines)."""
    return [s for s in re.split(r"(?<=[.;:!?])\s+|\n+", text) if s.strip()]


def position_name(spek: Spek, ident: Optional[str]) -> str:
    for j in spek.organisasi:
        if j.id == ident:
            return j.nama
    return ident or "-"


def measures(spek: Spek) -> Iterator[tuple[Path_, Ukuran]]:
    """Every indicator, of tujuan, of sasaran and of programs, with its path."""
    ind: Ukuran  # an IndikatorTujuan, then an Indikator, then an IndikatorProgram
    for i, t in enumerate(spek.tujuan):
        for k, ind in enumerate(t.indikator):
            yield ("tujuan", i, "indikator", k), ind
    for i, ind in enumerate(spek.indikator):
        yield ("indikator", i), ind
    yield from program_measures(spek)


def program_measures(spek: Spek) -> Iterator[tuple[Path_, Ukuran]]:
    """The indicators of programs (the rows of the program table), with their paths."""
    for i, p in enumerate(spek.program):
        for k, ind in enumerate(p.indikator):
            yield ("program", i, "indikator", k), ind


def table_measures(spek: Spek) -> Iterator[tuple[Path_, Ukuran]]:
    """The indicators that are rows of a table with Rumus and Sumber Data: sasaran's and programs'."""
    yield from ((path, ind) for path, ind, _ in sasaran_measures(spek))
    yield from program_measures(spek)


def sasaran_measures(spek: Spek) -> Iterator[tuple[Path_, Indikator, Optional[Sasaran]]]:
    """The indicators of sasaran (the rows of the IKU tables), each with its sasaran."""
    by_id = {s.id: s for s in spek.sasaran}
    for i, ind in enumerate(spek.indikator):
        yield ("indikator", i), ind, by_id.get(ind.sasaran)


def first_word(text: str) -> str:
    match = re.match(r"\W*([\w%][\w-]*)", text)
    return match.group(1) if match else ""
