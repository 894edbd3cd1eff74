"""Words shared by the finders: folding text to compare it, names in their ordinary case, and
the synonyms offices use for the same heading or column."""

from __future__ import annotations

import re
import unicodedata

# Column and heading synonyms: the field, then the folded words that name it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "no": ("no", "nomor", "no urut"),
    "tujuan": ("tujuan", "tujuan opd", "tujuan strategis"),
    "tujuan_sasaran": ("tujuan sasaran", "tujuan/sasaran", "tujuan dan sasaran"),  # one column for both
    "indikator_tujuan": ("indikator tujuan", "indikator tujuan opd"),
    "urusan": ("urusan",),
    "program": ("program", "nama program", "program kegiatan"),
    "sasaran": ("sasaran", "sasaran strategis", "sasaran opd", "kinerja utama", "sasaran kinerja",
                "sasaran program"),
    "nama": ("indikator", "indikator kinerja", "indikator kinerja utama", "iku", "indikator sasaran",
             "indikator kinerja utama iku", "nama indikator"),
    "satuan": ("satuan",),
    "definisi": ("definisi", "definisi operasional", "penjelasan", "uraian indikator"),
    "alasan": ("alasan", "alasan pemilihan", "alasan pemilihan indikator"),
    "tipe": ("tipe", "tipe penghitungan", "tipe perhitungan", "jenis penghitungan"),
    "polaritas": ("polaritas",),
    "rumus": ("formulasi", "rumus", "cara perhitungan", "cara penghitungan", "formulasi penghitungan",
              "formulasi perhitungan", "formula", "metode penghitungan", "cara pengukuran",
              "rumus perhitungan", "rumus penghitungan", "formulasi pengukuran", "formasi pengukuran"),
    "sumber_data": ("sumber data", "sumber", "data sumber"),
    "penanggung_jawab": ("penanggung jawab", "pj", "pic", "penanggungjawab", "unit penanggung jawab",
                         "pelaksana", "perangda penanggung jawab", "perangda penanggungjawab"),
    "kondisi_awal": ("kondisi awal", "baseline", "capaian awal", "kondisi awal tahun"),
}
MONTHS = ("januari februari maret april mei juni juli agustus september oktober november "
          "desember").split()
_SMALL = {"dan", "atau", "di", "ke", "dari", "yang", "pada", "untuk", "serta", "dengan", "dalam"}
_KEEP_UPPER = {"ii", "iii", "iv", "vi", "rt", "rw", "opd", "sakip", "pbb", "ktp", "apb", "rkp"}


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w/%]+", " ", text).split())


def column(header: str) -> str:
    """The field a table header names ("Formulasi Penghitungan" -> "rumus"), a year as
    "tahun:2024", or ""."""
    folded = fold(header)
    year = re.fullmatch(r"(?:target\s+)?(?:tahun\s+)?((?:19|20)\d\d)", folded)
    if year:
        return "tahun:" + year.group(1)
    folded = re.sub(r"^(?:target\s+)?(?:tahun\s+)?n\s*\d?$", "", folded)
    if folded.startswith("penjelasan "):
        return _explained(header, folded[len("penjelasan "):])
    for name, words in COLUMNS.items():
        if folded in words:
            return name
    joined = folded.replace(" ", "")  # "PENANGGUN G JAWAB": a word cut in two
    for name, words in COLUMNS.items():
        if any(joined == w.replace(" ", "") for w in words):
            return name
    for name, words in COLUMNS.items():  # "Indikator Kinerja Utama (IKU) Eselon III"
        if name not in ("no", "urusan", "tujuan") and any(folded.startswith(w + " ") for w in words):
            return name
    # "KINERJA UTAMA/SASARAN STRATEGI/OUTCOME": the names of one column, side by side.
    named = {column(piece) for piece in folded.split("/")} - {""} if "/" in folded else set()
    return named.pop() if len(named) == 1 else ""


def _explained(header: str, rest: str) -> str:
    """A "Penjelasan ..." column: the field it names ("Penjelasan Formulasi Penghitungan (x
    100%)" is the rumus), or "penjelasan" when its parentheses list several fields (each
    indicator's fields as labelled bullets: Kalimanah's "PENJELASAN (Alasan Pemilihan,
    Formulasi Pengukuran, ... dan Sumber Data)") or it names none."""
    listed = re.search(r"\((.*)\)", header)
    pieces = re.split(r",|\bdan\b", listed.group(1)) if listed else []
    if len({column(piece) for piece in pieces} - {""}) >= 2:
        return "penjelasan"
    return column(rest) or "penjelasan"


def proper(text: str) -> str:
    """A name typed in capitals in its ordinary case: "BARITO KUALA" -> "Barito Kuala"; a name
    already in mixed case stays as written."""
    text = " ".join(text.split())
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    words = []
    for i, word in enumerate(text.split(" ")):
        low = word.lower()
        if low in _KEEP_UPPER:
            words.append(word)
        elif i and low in _SMALL:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


def item(text: str) -> str:
    """A list item as the spec holds it: no closing ";", ".", " dan" or " dan/atau"."""
    text = " ".join(text.split())
    text = re.sub(r"\s*[;,.]?\s*(?:dan|atau|dan/atau)\s*$", "", text, flags=re.I)
    return text.rstrip(" ;,").rstrip(".").strip() if not re.search(r"\b[A-Z]\.$", text) else text


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
