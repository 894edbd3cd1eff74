"""The legal basis is this office's and this period's: no regulation left from another document.

An office's own organisation and Renstra are set by regulations that name it ("Peraturan Bupati
... tentang Kedudukan, Susunan Organisasi, Tugas, Fungsi dan Tata Kerja Kecamatan", "Keputusan
Camat ... tentang Rencana Strategis Kecamatan ..."). A kecamatan's list citing those of a Dinas
or a Badan was copied from that office's document. The RPJMD and the Renstra a document cites
are those of its own period (`dokumen.periode`).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ikugen.checks.common import blank
from ikugen.checks.registry import Context, Finding, check

_ORGANISATION = re.compile(r"\b(?:susunan\s+organisasi|organisasi\s+dan\s+tata\s+kerja|tata\s+kerja)\b",
                           re.IGNORECASE)
_RENSTRA = re.compile(r"\b(?:rencana\s+strategis|renstra)\b", re.IGNORECASE)
# Offices other than a kecamatan, as the titles of their regulations name them.
_OFFICE = re.compile(r"\b(?:Dinas|Badan|Inspektorat|Satuan\s+Polisi\s+Pamong\s+Praja|Rumah\s+Sakit|RSUD)\b"
                     r"(?:\s+(?!(?i:kabupaten|kota|provinsi|tahun|nomor|tanggal|tentang)\b)[\w/().-]+,?){0,12}")
# Titles about every office of the region at once, the kecamatan among them, or about the bodies
# of its desa and kelurahan ("Badan Permusyawaratan Desa"), which the kecamatan oversees.
_ALL_OFFICES = re.compile(r"\b(?:kecamatan|perangkat\s+daerah|SKPD|OPD|desa|kelurahan)\b", re.IGNORECASE)
_SHOWN_WORDS = 6


def _office(text: str) -> Optional[str]:
    """The other office an entry on organisation or Renstra names, as written (shortened)."""
    if not (_ORGANISATION.search(text) or _RENSTRA.search(text)) or _ALL_OFFICES.search(text):
        return None
    found = _OFFICE.search(text)
    if not found:
        return None
    words = list(re.finditer(r"\S+", found.group()))
    shown = found.group()[:words[min(len(words), _SHOWN_WORDS) - 1].end()].rstrip(",")
    return shown + (" ..." if len(words) > _SHOWN_WORDS else "")


@check("IKU604", "peringatan", "landasan hukum tentang organisasi atau Renstra kantor lain")
def another_offices_regulation(ctx: Context) -> Iterator[Finding]:
    for place, text in ctx.spek.profil.peraturan():
        office = None if blank(text) else _office(text)
        if office:
            what = "rencana strategis" if _RENSTRA.search(text) and not _ORGANISATION.search(text) else \
                "organisasi dan tata kerja"
            yield Finding(("profil", "landasan_hukum", *place), f"butir ini tentang {what} {office}, bukan "
                          "kecamatan; mungkin sisa dari dokumen kantor lain",
                          "ganti dengan peraturan tentang organisasi dan tata kerja kecamatan atau Renstra "
                          "kecamatan ini, atau abaikan dengan alasan bila memang dimaksud")


_PLAN = re.compile(r"\b(?:RPJMD?|Rencana\s+Pembangun\w*\s+Jangka\s+Menengah(?:\s+Daerah)?|Renstra|"
                   r"Rencana\s+Strategis)\b", re.IGNORECASE)
_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
                    r"((?:19|20)\d{2})\b", re.IGNORECASE)


@check("IKU605", "peringatan", "RPJMD atau Renstra periode lain di landasan hukum")
def plan_of_another_period(ctx: Context) -> Iterator[Finding]:
    periode = ctx.spek.dokumen.periode
    own = (periode.awal, periode.akhir)
    for place, text in ctx.spek.profil.peraturan():
        plans = list(_PLAN.finditer(text))
        for n, plan in enumerate(plans):
            end = plans[n + 1].start() if n + 1 < len(plans) else len(text)
            span = _RANGE.search(text, plan.end(), end)
            if span and (int(span.group(1)), int(span.group(2))) != own:
                yield Finding(("profil", "landasan_hukum", *place),
                              f"{plan.group()} yang disebut berperiode {span.group(1)}-{span.group(2)}, "
                              f"padahal dokumen ini untuk periode {own[0]}-{own[1]}",
                              "sebut RPJMD dan Renstra periode dokumen ini; bila yang dimaksud memang "
                              "periode lain, abaikan dengan alasan")
                break


@check("IKU607", "peringatan", "keputusan tanpa landasan hukum")
def decree_without_legal_basis(ctx: Context) -> Iterator[Finding]:
    # The standard layout leaves its Landasan Hukum section out; a decree without Mengingat is void.
    if not ctx.spek.profil.landasan_hukum and ctx.output.layout == "keputusan":
        yield Finding(("profil",), "keputusan ini tidak menyebut landasan hukum, sehingga tidak punya "
                      "diktum Mengingat", "tulis peraturan yang mendasari IKU ini di profil.landasan_hukum")
