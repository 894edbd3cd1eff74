"""Unit names misspelt into another real word: "Seksi Pelayaran" for "Seksi Pelayanan".

A misspelling that makes a real word passes a spelling check and IKU207's near miss, which asks
the first words to be alike and compares with the spec's own positions only. Here each word of a
unit's name, in `organisasi` and as texts write it, is compared by edit distance with the words
of the standard kecamatan units and of the spec's other units: one letter changed, added, dropped
or two swapped, in a word of five letters or more, is a slip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ikugen.checks.common import FUNCTION_WORDS
from ikugen.checks.people import UNIT_WORD, mentions
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.yaml_reader import Path_

# The units of a kecamatan's standard organisation (both spellings of "ketenteraman" are in use).
STANDARD_UNITS = (
    "Seksi Tata Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Ketentraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat", "Seksi Kesejahteraan Sosial",
    "Seksi Pelayanan", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan",
)
_WORD = re.compile(r"[^\W\d_]+")
_SHORTEST = 5  # shorter words differ by one letter too often by right


def _distance_one(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]


def _name_words(name: str) -> list[str]:
    """The words of a unit's name after its kind word ("Seksi", "Subbagian")."""
    kind = UNIT_WORD.match(name)
    return _WORD.findall(name[kind.end():] if kind else name)


@dataclass
class Vocabulary:
    """The content words of unit names, folded: each as written with the names that have it, by
    the index of their position in `organisasi` (-1: a standard unit); and each word under itself
    and under every one-letter deletion of it, so that the words one slip away are found at once
    (two words one slip apart share one of those keys)."""

    words: dict[str, tuple[str, dict[int, str]]] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def add(self, owner: int, name: str) -> None:
        for word in _name_words(name):
            key = word.casefold()
            if key not in FUNCTION_WORDS:
                self.words.setdefault(key, (word, {}))[1].setdefault(owner, name)
                for k in _deletions(key):
                    self.keys.setdefault(k, set()).add(key)

    def slip(self, word: str, me: Optional[int] = None) -> Optional[tuple[str, str]]:
        """The word of another unit's name (not position `me`'s) that `word` is one slip from, as
        written, and that unit's name; None when `word` is another unit's word itself."""
        key = word.casefold()
        if len(key) < _SHORTEST or key in FUNCTION_WORDS or self._other(key, me):
            return None
        for v in sorted({v for k in _deletions(key) for v in self.keys.get(k, ())}):
            other = self._other(v, me)
            if other and len(v) >= _SHORTEST and _distance_one(key, v):
                return self.words[v][0], other
        return None

    def _other(self, key: str, me: Optional[int]) -> Optional[str]:
        names = self.words.get(key, ("", {}))[1]
        return next((n for o, n in names.items() if o != me), None)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


_STANDARD = -1


def _finding(path: Path_, shown: str, word: str, close: str, unit: str) -> Finding:
    return Finding(path, f"'{shown}' memuat kata '{word}', mirip '{close}' dalam nama unit '{unit}'; "
                   "mungkin salah ketik", "betulkan ejaannya, atau abaikan dengan alasan bila kata itu "
                   "memang dimaksud")


@check("IKU208", "peringatan", "nama unit salah ketik menjadi kata lain")
def unit_word_misspelt(ctx: Context) -> Iterator[Finding]:
    units = [(i, j.nama) for i, j in enumerate(ctx.spek.organisasi) if UNIT_WORD.match(j.nama)]
    vocabulary = Vocabulary()
    for owner, name in [(_STANDARD, name) for name in STANDARD_UNITS] + units:
        vocabulary.add(owner, name)
    for i, name in units:  # a position's own name, against the standard and the other units
        for word in _name_words(name):
            found = vocabulary.slip(word, i)
            if found:
                yield _finding(("organisasi", i, "nama"), name, word, *found)
                break
    for path, chunk, match, close in mentions(ctx.spek):
        if close:
            continue  # IKU207 tells this one: the spec's own unit, written differently
        after = list(_WORD.finditer(chunk, match.end()))[:4]
        for said in after:
            found = vocabulary.slip(said.group())
            if found:
                yield _finding(path, chunk[match.start():said.end()], said.group(), *found)
                break
