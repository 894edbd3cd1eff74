"""The Camat's NIP and rank: what the number encodes, and ranks that belong to their grades.

A NIP is `YYYYMMDD YYYYMM S NNN`: date of birth, start of service (TMT CPNS), sex, sequence
(IKU-GUIDE §6). Ranks and grades are the civil-service table (PP 99/2000), all of it: a rank
below the table of signing posts is unusual for a Camat but not wrong.
"""

from __future__ import annotations

import datetime
import re
from typing import Iterator, Optional

from ikugen.checks.common import blank
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.schema_errors import suggest

_NIP = re.compile(r"^\d{8} ?\d{6} ?\d ?\d{3}$")
_NIP_HINT = "bentuk NIP: 8-6-1-3 angka, mis. \"19670707 198803 1 005\""
_LOC = ("pimpinan", "nip")

# pangkat (as printed) -> golongan ruang
PANGKAT = {
    "Juru Muda": "I/a", "Juru Muda Tingkat I": "I/b", "Juru": "I/c", "Juru Tingkat I": "I/d",
    "Pengatur Muda": "II/a", "Pengatur Muda Tingkat I": "II/b", "Pengatur": "II/c",
    "Pengatur Tingkat I": "II/d",
    "Penata Muda": "III/a", "Penata Muda Tingkat I": "III/b", "Penata": "III/c", "Penata Tingkat I": "III/d",
    "Pembina": "IV/a", "Pembina Tingkat I": "IV/b", "Pembina Utama Muda": "IV/c",
    "Pembina Utama Madya": "IV/d", "Pembina Utama": "IV/e",
}
_BY_KEY = {name.casefold(): name for name in PANGKAT}
_GOLONGAN = re.compile(r"\b(IV|III|II|I)\s*[/.-]?\s*([a-eA-E])\b")


@check("IKU105", "galat", "NIP bukan 18 angka")
def nip_digits(ctx: Context) -> Iterator[Finding]:
    nip = ctx.spek.pimpinan.nip
    digits = re.sub(r"\D", "", nip)
    if not _NIP.match(nip) and not blank(nip):
        yield Finding(_LOC, f"NIP harus 18 angka (tertulis {len(digits)} angka)" if len(digits) != 18
                      else "NIP memuat karakter selain angka dan spasi antarkelompok", _NIP_HINT)


def _digits(ctx: Context) -> Optional[str]:
    """The NIP's 18 digits, when IKU105 accepts its form (else the parts mean nothing)."""
    nip = ctx.spek.pimpinan.nip
    return nip.replace(" ", "") if _NIP.match(nip) else None


def _birth(digits: str) -> Optional[datetime.date]:
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


@check("IKU201", "galat", "tanggal lahir dalam NIP tidak ada")
def nip_birth_date(ctx: Context) -> Iterator[Finding]:
    digits = _digits(ctx)
    if digits is None:
        return
    born = _birth(digits)
    if born is None or born.year < 1900 or born >= ctx.today:
        yield Finding(_LOC, f"8 angka pertama NIP ({digits[:8]}) bukan tanggal lahir yang mungkin",
                      "8 angka pertama NIP adalah tanggal lahir TTTTBBHH, mis. 19670707")


@check("IKU202", "galat", "TMT CPNS dalam NIP tidak masuk akal")
def nip_start_of_service(ctx: Context) -> Iterator[Finding]:
    digits = _digits(ctx)
    born = _birth(digits) if digits else None
    if digits is None or born is None:
        return
    year, month = int(digits[8:12]), int(digits[12:14])
    hint = "angka ke-9 s.d. 14 NIP adalah bulan pengangkatan CPNS (TMT), TTTTBB, mis. 198803"
    if not 1 <= month <= 12:
        yield Finding(_LOC, f"TMT CPNS dalam NIP ({digits[8:14]}) memuat bulan {month:02d}", hint)
    elif (year, month) < (born.year + 18, born.month):
        yield Finding(_LOC, f"TMT CPNS dalam NIP ({year}-{month:02d}) sebelum pemiliknya berusia 18 "
                      f"tahun (lahir {born.isoformat()})", hint)
    elif (year, month) > (ctx.today.year, ctx.today.month):
        yield Finding(_LOC, f"TMT CPNS dalam NIP ({year}-{month:02d}) belum tiba", hint)


@check("IKU203", "galat", "kode jenis kelamin dalam NIP bukan 1 atau 2")
def nip_sex_digit(ctx: Context) -> Iterator[Finding]:
    digits = _digits(ctx)
    if digits is not None and digits[14] not in "12":
        yield Finding(_LOC, f"angka ke-15 NIP ({digits[14]}) harus 1 (laki-laki) atau 2 (perempuan)",
                      _NIP_HINT)


def pangkat_name(text: str) -> Optional[str]:
    """The table's name for a rank as written: any case, "Tk. I"/"Tk I"/"Tingkat 1" for Tingkat I."""
    text = _GOLONGAN.sub(" ", text)  # a grade written inside the rank ("Pembina, IV/a")
    text = re.sub(r"\btk\b\.?\s*", "tingkat ", text, flags=re.IGNORECASE)
    text = re.sub(r"\btingkat\s*(i|1)\b", "tingkat i", text, flags=re.IGNORECASE)
    key = " ".join(re.sub(r"[^\w ]+", " ", text).split()).casefold()
    return _BY_KEY.get(key)


def golongan(text: str) -> Optional[str]:
    match = _GOLONGAN.search(text)
    return f"{match.group(1)}/{match.group(2).lower()}" if match else None


@check("IKU204", "galat", "pangkat dan golongan tidak sepadan")
def rank_and_grade(ctx: Context) -> Iterator[Finding]:
    p = ctx.spek.pimpinan
    name = pangkat_name(p.pangkat) if p.pangkat else None
    grade = (golongan(p.golongan) if p.golongan else None) or (golongan(p.pangkat) if p.pangkat else None)
    if name and grade and PANGKAT[name] != grade:
        by_grade = next(n for n, g in PANGKAT.items() if g == grade)
        where = ("pimpinan", "golongan") if p.golongan else ("pimpinan", "pangkat")
        yield Finding(where, f"pangkat {name} bergolongan {PANGKAT[name]}, bukan {grade}",
                      f"golongan {grade} berpangkat {by_grade}; betulkan salah satunya")


@check("IKU205", "peringatan", "pangkat atau golongan tidak dikenal")
def rank_unknown(ctx: Context) -> Iterator[Finding]:
    p = ctx.spek.pimpinan
    if p.pangkat and not blank(p.pangkat) and pangkat_name(p.pangkat) is None:
        close = suggest(p.pangkat.casefold(), list(_BY_KEY))
        yield Finding(("pimpinan", "pangkat"), f"pangkat '{p.pangkat}' tidak dikenal",
                      f"maksud Anda `{_BY_KEY[close]}`?" if close else
                      "pangkat PNS: Penata Muda, Penata, Pembina, Pembina Tingkat I, Pembina Utama, ...")
    if p.golongan and not blank(p.golongan) and not re.fullmatch(
            r"\s*(IV|III|II|I)\s*[/.-]?\s*[a-eA-E]\s*", p.golongan):
        yield Finding(("pimpinan", "golongan"), f"golongan '{p.golongan}' tidak dikenal",
                      "tulis golongan ruang seperti IV/a, IV/b, III/d")
