"""The value types of the spec: short text, prose, ids, numbers-or-text, dates.

Each refuses what Word cannot hold (control characters) and what would be ambiguous
("1.000"), with a message in Bahasa Indonesia; `CUSTOM_ERRORS` names those errors.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Optional, Union

from annotated_types import Ge, Le
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from ikugen.errors import shorten

# Limits keep a hostile or mistaken spec from costing minutes in Word or LibreOffice.
MAX_SHORT = 300
MAX_PROSE = 20_000
MAX_LIST = 2_000
# The types of the errors raised below; their messages are already in Bahasa Indonesia.
CUSTOM_ERRORS = {"karakter_kendali", "angka_ambigu", "nilai_panjang", "tanggal", "tahun", "periode"}

# XML 1.0 cannot hold these; python-docx fails on them without naming the field.
WORD_CANNOT_HOLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _clean_text(value: object) -> object:
    if isinstance(value, str):
        bad = WORD_CANNOT_HOLD.search(value)
        if bad:
            raise PydanticCustomError(
                "karakter_kendali",
                "teks memuat karakter kendali U+{kode} (posisi ke-{pos}) yang tidak dapat "
                "disimpan di dokumen Word; hapus karakter itu",
                {"kode": f"{ord(bad.group()):04X}", "pos": bad.start() + 1},
            )
        return value.strip()
    return value


Singkat = Annotated[str, BeforeValidator(_clean_text), Field(min_length=1, max_length=MAX_SHORT)]
Prosa = Annotated[str, BeforeValidator(_clean_text), Field(min_length=1, max_length=MAX_PROSE)]
def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$",
        description="Pengenal singkat (huruf, angka, _ . -), diawali huruf; dipakai untuk merujuk.",
    ),
    BeforeValidator(_strip),
]

_AMBIGUOUS_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def _nilai(value: object) -> object:
    """A target or baseline: a number (87.5 or "87,5"), a text such as "BB", or "-" for none."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    if not isinstance(value, str):
        return value
    text = _clean_text(value)
    assert isinstance(text, str)
    if text in ("", "-"):
        return None
    if len(text) > MAX_SHORT:  # first: the messages below quote the text
        raise PydanticCustomError("nilai_panjang", "nilai terlalu panjang (lebih dari 300 karakter)")
    if _AMBIGUOUS_THOUSANDS.match(text):
        raise PydanticCustomError(
            "angka_ambigu",
            "angka '{teks}' ambigu: titik bisa berarti ribuan atau desimal; tulis {ribu} "
            "untuk ribuan atau pakai koma untuk desimal",
            {"teks": shorten(text, 40), "ribu": shorten(text.replace(".", ""), 40)},
        )
    candidate = text.replace(",", ".", 1) if text.count(",") == 1 and "." not in text else text
    if re.fullmatch(r"-?\d+(\.\d+)?", candidate):
        try:
            return Decimal(candidate)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            pass
    return text


Nilai = Annotated[
    Optional[Union[Decimal, str]],
    BeforeValidator(_nilai),
    Field(description="Angka (87.5 atau \"87,5\"), teks singkat (mis. \"BB\"), atau \"-\" bila tidak ada."),
]

# Years an IKU document can be about. Digits are ASCII only: Python's int() also reads Arabic-Indic
# and other digits ("٢٠٢٣"), which would print beside ASCII years in the same document.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_YEAR = re.compile(r"^[0-9]{4}$")
_TANGGAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def _tahun(value: object) -> object:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not re.fullmatch(r"[-+]?\d+", text.strip()):
        return value  # not a number at all: the int type says so, naming the field
    if not _YEAR.match(text.strip()):  # 02021, +2021, ٢٠٢١, 5 digits: numbers, but no year
        raise PydanticCustomError("tahun", "tahun ditulis dengan empat angka 0-9, mis. 2024")
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError("tahun", "tahun {tahun} di luar rentang {awal}-{akhir}",
                                  {"tahun": year, "awal": FIRST_YEAR, "akhir": LAST_YEAR})
    return year


# Strict: a year written as text was made a number above; true/false is refused by the int type.
Tahun = Annotated[int, Strict(), Ge(FIRST_YEAR), Le(LAST_YEAR), BeforeValidator(_tahun)]


def _tanggal(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _TANGGAL.match(value.strip()) if isinstance(value, str) else None
    if not isinstance(value, str) or match is None:
        raise PydanticCustomError(
            "tanggal",
            "tanggal harus ditulis TTTT-BB-HH (mis. 2023-04-19), TTTT-BB, atau TTTT",
        )
    import datetime

    year, month, day = (int(g or 0) for g in match.groups())  # month and day may be absent: 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError("tanggal", "tahun tanggal {teks} di luar rentang {awal}-{akhir}",
                                  {"teks": value, "awal": FIRST_YEAR, "akhir": LAST_YEAR})
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError("tanggal", "tanggal {teks} tidak ada di kalender",
                                  {"teks": value}) from None
    return value.strip()


Tanggal = Annotated[
    str,
    BeforeValidator(_tanggal),
    Field(description="Tanggal penandatanganan: TTTT-BB-HH, atau TTTT-BB / TTTT bila hari belum pasti."),
]


class Ketat(BaseModel):
    """Base for every part of the spec: unknown keys are errors, values are not coerced to text."""

    # Each text type strips its own spaces (`_clean_text`, `_strip`): pydantic's
    # str_strip_whitespace keeps ~46 bytes of every distinct text it strips for the life of the
    # process (pydantic-core 2.50), 2 KiB a spec in a batch of thousands.
    model_config = ConfigDict(extra="forbid", frozen=True)
