"""Indonesian conventions for numbers, dates, names and numbering, as used in official documents."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional, Union

_ONES = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
_ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN",
             "KESEMBILAN", "KESEPULUH"]


def terbilang(n: int) -> str:
    """A whole number in words: 14 -> 'empat belas', 120 -> 'seratus dua puluh'."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _ONES[n]
    if n < 20:
        return _ONES[n - 10] + " belas"
    if n < 100:
        rest = n % 10
        return _ONES[n // 10] + " puluh" + (" " + _ONES[rest] if rest else "")
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu"),
                       (100, "ratus")):
        if n >= size:
            head, rest = divmod(n, size)
            if head == 1 and size in (100, 1000):
                text = "se" + word
            else:
                text = terbilang(head) + " " + word
            return text + (" " + terbilang(rest) if rest else "")
    raise AssertionError(n)  # pragma: no cover


def ordinal(n: int) -> str:
    """Dictum ordinals: 1 -> KESATU, 4 -> KEEMPAT, 12 -> KEDUA BELAS."""
    if n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    return "KE" + terbilang(n).upper()


def angka(value: Union[Decimal, int, str, None], empty: str = "-") -> str:
    """A number in Indonesian notation (87,5; 10.000); text as it is; None as '-'."""
    if value is None:
        return empty
    if isinstance(value, str):
        return value
    d = Decimal(value)
    if d == d.to_integral_value():
        whole, frac = f"{int(d):,}", ""
    else:
        text = format(d.normalize(), "f")
        head, _, frac = text.partition(".")
        whole = f"{int(head):,}" if head not in ("-0", "") else head
    whole = whole.replace(",", ".")
    return whole + ("," + frac if frac else "")


def tanggal(text: str) -> str:
    """'2023-04-19' -> '19 April 2023'; '2021-01' -> 'Januari 2021'; '2020' -> '2020'."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {BULAN[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{BULAN[parts[1] - 1]} {parts[0]}"
    return f"{'.' * 20} {parts[0]}"  # day and month filled in by hand when signing


def nip(text: str) -> str:
    """An 18-digit NIP in its printed groups 8-6-1-3; anything else as written."""
    digits = re.sub(r"\s", "", text)
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return text


def huruf(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (list letters)."""
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def romawi(n: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def jumlah(n: int, word: str) -> str:
    """A count in digits and words, as official texts write it: '14 (empat belas) desa'."""
    return f"{n} ({terbilang(n)}) {word}"


def gabung(items: list[str], last: str = "dan") -> str:
    """'a', 'a dan b', 'a, b, dan c'."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    return ", ".join(items[:-1]) + f", {last} {items[-1]}"


def butir(text: str, last: bool = False) -> str:
    """An item of a legal list ends with ';', the last one with '.'."""
    return text.rstrip(" ;.,") + ("." if last else ";")


def sebutan(label: str) -> str:
    """A chapter or annex label as prose names it: 'BAB III', 'Lampiran II'."""
    return "Lampiran" + label[len("LAMPIRAN"):] if label.startswith("LAMPIRAN") else label


def tahun_dari(text: Optional[str]) -> Optional[int]:
    return int(text[:4]) if text else None
