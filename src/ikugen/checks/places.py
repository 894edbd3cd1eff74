"""Texts left from another office's document: other places' names, counts that disagree.

Offices copy last period's file, often another kecamatan's, and retype. What survives is a
"Kecamatan X" that is not this one, or "13 Desa" over a list of 14. Only proper names count:
the keyword capitalised and followed by capitalised words ("Kecamatan Rantau badauh" names
Rantau); "kecamatan" in lower case, "Kabupaten/Kota", "Desa dan/atau Kelurahan" are generic.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Optional

from ikugen.checks.common import FUNCTION_WORDS, fold, prose, sentences, words
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.model import Spek
from ikugen.view.indonesian import terbilang

_KEYWORD = re.compile(
    r"\b(Kecamatan|KECAMATAN|Kabupaten|KABUPATEN|Kota|KOTA|Desa|DESA|Kelurahan|KELURAHAN)\b")
_KINDS = {"kecamatan", "kabupaten", "kota", "desa", "kelurahan", "provinsi", "propinsi"}
# Capitalised words that follow a place keyword without naming a place ("Desa Wisata",
# "Kabupaten Daerah Tingkat II ...", "Kecamatan Nomor 5", "Kota Layak Anak").
_GENERIC = frozenset(
    "wisata siaga binaan tangguh mandiri maju berkembang tertinggal sangat adat sehat layak digital "
    "percontohan induk pemekaran administratif lain lainnya setempat sekitar terkait masing seluruh "
    "baru daerah tingkat nomor tahun republik negara kantor pemerintah pemerintahan".split())
_NAME_WORD = re.compile(r"[ \t\n]+([^\W\d_][\w'’-]*)")
# A sentence with these words describes the boundary, where neighbours are named by right.
_BOUNDARY = frozenset("batas berbatasan perbatasan sebelah utara timur selatan barat tetangga".split())


def _name_after(text: str, pos: int) -> list[str]:
    """The capitalised words after a keyword, up to a function word, a keyword or punctuation."""
    out: list[str] = []
    while len(out) < 4:
        match = _NAME_WORD.match(text, pos)
        if not match:
            break
        word = match.group(1)
        key = word.casefold()
        if not word[0].isupper() or key in FUNCTION_WORDS or key in _KINDS or key in _GENERIC:
            break
        if len(word) == 1 and word not in "IVX":
            break  # a stray letter ("Kecamatan Cerbon S"): IKU411's, not another place
        out.append(word)
        pos = match.end()
        if pos < len(text) and not text[pos].isspace():
            break  # punctuation ends the name
    return out


def _shown(text: str, pos: int, name: list[str]) -> str:
    """The name as written, with a lower-case word that finishes it: one followed by the next
    place keyword ("Rantau badauh Kabupaten ..."), not one that goes on into the sentence."""
    pos = text.index(name[-1], pos) + len(name[-1])
    match = _NAME_WORD.match(text, pos)
    if match and not match.group(1)[0].isupper() and match.group(1).casefold() not in FUNCTION_WORDS:
        after = _NAME_WORD.match(text, match.end())
        if after and after.group(1).casefold() in _KINDS:
            return " ".join(name + [match.group(1)])
    return " ".join(name)


def _level(kind: str) -> str:
    """Kabupaten and kota are the same level: a neighbour may be either."""
    return "daerah" if kind in ("kabupaten", "kota") else kind


def _same(said: list[str], known: list[str]) -> bool:
    """One name begins with the other ("Barito" of "Barito Kuala", "Temanggung Tentem ...")."""
    n = min(len(said), len(known))
    return n > 0 and said[:n] == known[:n]


class _Places:
    """The names this document may use: its own, its desa, and its neighbours (at the boundary)."""

    def __init__(self, spek: Spek):
        p = spek.profil
        self.kecamatan, self.kabupaten = words(p.kecamatan), words(p.kabupaten)
        self.own_kecamatan, self.own_kabupaten = p.kecamatan, f"{p.jenis_daerah.capitalize()} {p.kabupaten}"
        self.wilayah = [words(w.nama) for w in spek.wilayah]
        self.neighbours: list[tuple[Optional[str], list[str]]] = []
        for value in (p.batas.model_dump().values() if p.batas else ()):
            match = _KEYWORD.match(value.strip().title())
            kind = match.group(1).casefold() if match else None
            self.neighbours.append((kind, words(value[match.end():] if match else value)))

    def judge(self, kind: str, name: list[str], sentence: str, shown: str) -> Optional[str]:
        """Why `kind name` (written `shown`) does not belong in this document, or None."""
        said = words(" ".join(name))  # folded as the names it is compared with ("Sa'dan": sa dan)
        if kind in ("desa", "kelurahan"):
            if not self.wilayah or any(_same(said, w) for w in self.wilayah):
                return None  # without a desa list, desa names cannot be told apart
            return f"teks menyebut '{shown}', yang tidak ada di daftar wilayah kecamatan ini"
        own = self.kecamatan if kind == "kecamatan" else self.kabupaten
        if _same(said, own):
            return None
        if kind != "kecamatan" and _same(said, self.kecamatan) and self.kecamatan != self.kabupaten:
            return (f"teks menyebut '{shown}', padahal {' '.join(name)} adalah kecamatan; "
                    f"daerahnya {self.own_kabupaten}")
        neighbour = any(_same(said, w) and (k is None or _level(k) == _level(kind))
                        for k, w in self.neighbours)
        if neighbour:
            if _BOUNDARY & set(words(sentence)):
                return None
            return (f"teks menyebut '{shown}', wilayah tetangga, di luar uraian batas wilayah; "
                    "mungkin sisa dari dokumen lain")
        mine = f"Kecamatan {self.own_kecamatan}" if kind == "kecamatan" else self.own_kabupaten
        return f"teks menyebut '{shown}', bukan {mine}; mungkin sisa dari dokumen lain"


@check("IKU501", "peringatan", "nama tempat dari dokumen lain")
def foreign_place_name(ctx: Context) -> Iterator[Finding]:
    places = _Places(ctx.spek)
    for path, text in prose(ctx.spek):
        if not _KEYWORD.search(text):  # most texts name no place (a sentence's match is the text's)
            continue
        reported = set()
        for sentence in sentences(text):
            for match in _KEYWORD.finditer(sentence):
                name = _name_after(sentence, match.end())
                shown = f"{match.group(1)} {_shown(sentence, match.end(), name)}" if name else ""
                why = places.judge(match.group(1).casefold(), name, sentence, shown) if name else None
                if why and why not in reported:
                    reported.add(why)
                    yield Finding(path, why, "ganti dengan nama tempat dokumen ini, atau abaikan dengan "
                                  "alasan bila nama itu memang dimaksud")


_NUMBER_WORDS = {terbilang(n): n for n in range(2, 100)}


def _longest_first(words: Iterable[str]) -> str:
    """An alternation of `words` as a tree of their common beginnings, a longer word tried before
    a word it begins with: it matches as `longer|...|shorter` does, without trying ninety
    alternatives at every word of a text."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(below) for char, below in sorted(node.items()) if char]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
        return f"(?:{body})?" if "" in node and body else body
    return pattern(tree)


_COUNT = re.compile(
    r"\b(\d{1,3}|" + _longest_first(_NUMBER_WORDS) + r")\s*(?:\(\s*[a-z ]+\s*\)\s*)?"
    r"(desa|kelurahan|kecamatan|urusan)\b(\s*(?:/|dan/atau|dan|atau)\s*kelurahan\b)?", re.IGNORECASE)
_NOUN = re.compile(r"desa|kelurahan|kecamatan|urusan", re.IGNORECASE)
# A count followed by these is a part, not the whole ("3 desa yang belum ...").
_PART = re.compile(r"\s*(yang|telah|sudah|belum|dari|di antaranya|lainnya|lain|binaan|wisata|siaga)\b",
                   re.IGNORECASE)


def _actual(spek: Spek, noun: str) -> Optional[tuple[int, str]]:
    desa = sum(w.jenis == "desa" for w in spek.wilayah)
    if noun in ("desa", "kelurahan", "desa/kelurahan") and spek.wilayah:
        count = {"desa": desa, "kelurahan": len(spek.wilayah) - desa}.get(noun, len(spek.wilayah))
        return count, "daftar wilayah"
    if noun == "kecamatan" and spek.profil.jumlah_kecamatan:
        return spek.profil.jumlah_kecamatan, "profil.jumlah_kecamatan"
    urusan = {fold(t.urusan) for t in spek.tujuan if t.urusan}
    if noun == "urusan" and urusan:
        return len(urusan), "tujuan (urusan)"
    return None


@check("IKU502", "peringatan", "jumlah yang diketik tidak sama dengan datanya")
def typed_count(ctx: Context) -> Iterator[Finding]:
    """Counts ikugen derives (desa, kelurahan, kecamatan, urusan) typed into a text differently."""
    for path, text in prose(ctx.spek):
        if not _NOUN.search(text):  # most texts name none: skip the costly scan (a table of numbers)
            continue
        for match in _COUNT.finditer(text):
            if _PART.match(text, match.end()):
                continue
            said = match.group(1).casefold()
            number = int(said) if said.isdigit() else _NUMBER_WORDS[said]
            noun = match.group(2).casefold() + ("/kelurahan" if match.group(3) else "")
            actual = _actual(ctx.spek, noun)
            if actual and actual[0] != number:
                written = " ".join(match.group(0).split())
                yield Finding(path, f"teks menyebut '{written}', padahal {actual[1]} memuat {actual[0]}",
                              "ikugen menghitung jumlah itu sendiri; betulkan teks atau datanya")
