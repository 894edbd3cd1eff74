"""Indicators as measures: a measurable name, a formula that fits it, the table's cells filled.

The practice limits (IKU-GUIDE §7a) come from the spec's `dokumen.batas_iku` (defaults 3 and 20).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ikugen.checks.common import (
    blank,
    first_word,
    fold,
    measures,
    position_name,
    sasaran_measures,
    table_measures,
)
from ikugen.checks.registry import Context, Finding, check
from ikugen.spec.yaml_reader import Path_

# The nouns a measure's name begins with (an indicator names a quantity, not an outcome).
MEASURE_WORDS = frozenset({
    "persentase", "jumlah", "indeks", "nilai", "angka", "rasio", "tingkat", "rata-rata", "capaian",
    "skor", "proporsi", "cakupan", "predikat", "peringkat", "level", "laju", "prevalensi", "banyaknya",
    "frekuensi", "opini", "%",
})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,5}$")  # IKM, SKM, IPM, LKjIP: at least two capitals
_RATIO = re.compile(r"\bdibagi\b|\bbagi\b|/|÷|:|\bper\b|\bperbandingan\b|\brasio\b|100\s*%|\b100\s+persen\b")
_PERCENT = re.compile(r"%|\bpersen\b|(?:\bdikali\b|\bkali\b|[x×*])\s*(?:dengan\s+)?100\b")
_DIVISION = re.compile(r"\bdibagi\b|\bbagi\b|/|÷")
# A formula that stops where an operand should follow, whatever punctuation, closing bracket or
# quote is left after it: "dibagi", "dibagi.", 'dibagi"', "x )", "/", "dikali".".
_CUT = re.compile(r"(\b(?:dikali|dibagi|dikurangi|ditambah|kali|bagi|dengan|dan|atau)|[-+*/×÷=(]|(?<!\w)x|"
                  r"\)\s*[x×])[\s.,;:)\]\"'“”‘’«»]*$", re.IGNORECASE)
# Remains of a number or an operand lost in copying: "x ,00%", "a ,, b", "x ,", "( )".
_GARBLED = re.compile(r"\s,\s*\d|,\s*,|(?:^|\s)[x×*/]\s*,|\(\s*\)|%\s*%")


@check("IKU401", "peringatan", "nama indikator bukan ukuran")
def name_not_a_measure(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        word = first_word(ind.nama)
        if blank(ind.nama):
            continue
        if word.casefold() == "prosentase":
            yield Finding(path + ("nama",), "nama indikator diawali 'Prosentase'",
                          "ejaan baku: Persentase")
        elif word.casefold() not in MEASURE_WORDS and not (
                _ACRONYM.match(word) and sum(c.isupper() for c in word) >= 2):
            statement = word.casefold().endswith("nya")
            yield Finding(path + ("nama",),
                          f"nama indikator '{ind.nama}' " + ("berupa pernyataan, bukan ukuran" if statement
                                                             else "tidak diawali kata ukuran"),
                          "awali dengan kata ukuran: Persentase, Jumlah, Indeks, Nilai, Angka, Rasio, "
                          "Tingkat, Rata-rata, Capaian, Skor, ...; pernyataan seperti 'Meningkatnya ...' "
                          "adalah sasaran")


def _measure_word(name: str) -> str:
    return first_word(name).casefold()


@check("IKU402", "peringatan", "indikator Persentase tanpa pembagian dalam rumusnya")
def percentage_without_ratio(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        if ind.rumus and _measure_word(ind.nama) in ("persentase", "prosentase") \
                and not _RATIO.search(ind.rumus.casefold()):
            yield Finding(path + ("rumus",), "indikator persentase, tetapi rumusnya tidak membagi apa pun",
                          "persentase = bagian dibagi keseluruhan dikali 100%")


@check("IKU403", "peringatan", "indikator Jumlah dengan rumus persentase")
def count_with_percentage_formula(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        formula = (ind.rumus or "").casefold()
        if _measure_word(ind.nama) == "jumlah" and _DIVISION.search(formula) and _PERCENT.search(formula):
            yield Finding(path + ("nama",), "indikator 'Jumlah ...' (bilangan), tetapi rumusnya menghasilkan "
                          "persentase", "ganti kata ukurannya menjadi Persentase, atau rumusnya menjadi "
                          "hitungan")


@check("IKU404", "peringatan", "indikator tanpa rumus")
def formula_missing(ctx: Context) -> Iterator[Finding]:
    for path, ind in table_measures(ctx.spek):
        if not ind.rumus:
            yield Finding(path, f"indikator '{ind.nama}' belum punya rumus",
                          "isi 'rumus': cara menghitung nilai indikator (kolom Rumus tabel IKU)")


@check("IKU405", "galat", "rumus terpotong atau rusak")
def formula_broken(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        formula = ind.rumus
        if not formula:
            continue
        cut = _CUT.search(formula)
        garbled = _GARBLED.search(formula)
        if cut or formula.count("(") > formula.count(")"):
            end = cut.group(1).strip() if cut else "("
            yield Finding(path + ("rumus",), f"rumus terpotong: berakhir dengan '{end}'",
                          "lengkapi rumusnya, mis. \"... dibagi ... dikali 100%\"")
        elif garbled:
            # Shown up to the end of the word it breaks: "x ,00%", not "x ,".
            word = re.match(r"\S*", formula[garbled.end():])
            assert word is not None  # \S* matches every text, if only with nothing
            end = garbled.end() + len(word.group())
            yield Finding(path + ("rumus",), f"rumus rusak di '{formula[garbled.start():end].strip()}'",
                          "periksa angka dan tanda yang hilang, mis. \"x ,00%\" untuk \"x 100%\"")


@check("IKU406", "peringatan", "indikator tanpa sumber data")
def data_source_missing(ctx: Context) -> Iterator[Finding]:
    for path, ind in table_measures(ctx.spek):
        if not ind.sumber_data:
            yield Finding(path, f"indikator '{ind.nama}' belum punya sumber data",
                          "isi 'sumber_data', mis. \"Laporan Seksi Pemerintahan\" atau \"Hasil SKM\"")


@check("IKU408", "peringatan", "sasaran tanpa indikator")
def sasaran_without_indicator(ctx: Context) -> Iterator[Finding]:
    measured = {ind.sasaran for ind in ctx.spek.indikator}
    for i, s in enumerate(ctx.spek.sasaran):
        if s.id not in measured:
            yield Finding(("sasaran", i), f"sasaran '{s.id}' belum punya indikator",
                          f"tambahkan indikator dengan sasaran: {s.id}; setiap sasaran diukur paling "
                          "sedikit satu indikator")
    if not ctx.spek.sasaran and not ctx.spek.indikator:
        yield Finding(("sasaran",), "spesifikasi belum memuat sasaran dan indikator: tabel IKU akan "
                      "kosong", "isi 'sasaran' dan 'indikator'")


@check("IKU409", "peringatan", "terlalu banyak IKU")
def too_many_indicators(ctx: Context) -> Iterator[Finding]:
    per_sasaran: dict[str, list[int]] = {}
    for i, ind in enumerate(ctx.spek.indikator):
        per_sasaran.setdefault(ind.sasaran, []).append(i)
    limit = ctx.spek.dokumen.batas_iku.per_sasaran
    for i, s in enumerate(ctx.spek.sasaran):
        count = len(per_sasaran.get(s.id, []))
        if count > limit:
            yield Finding(("sasaran", i), f"sasaran '{s.id}' diukur {count} indikator; lazimnya paling "
                          f"banyak {limit}", "pilih indikator yang paling mewakili; sisanya dapat menjadi "
                          "indikator kinerja eselon IV")
    head = ctx.spek.head_id()
    own = [path for path, _, s in sasaran_measures(ctx.spek) if s is not None and ctx.spek.owner(s) == head]
    limit = ctx.spek.dokumen.batas_iku.pimpinan
    if len(own) > limit:
        yield Finding(own[limit], f"Camat memikul {len(own)} IKU; lazimnya paling banyak {limit}",
                      "IKU mengukur sasaran strategis saja; indikator program dan kegiatan menjadi "
                      "indikator kinerja eselon IV")


def _key(name: str) -> str:
    words = fold(name).split()
    if words and words[0] == "prosentase":
        words[0] = "persentase"
    return " ".join(words)


@check("IKU410", "peringatan", "indikator yang sama di dua tempat")
def same_indicator_twice(ctx: Context) -> Iterator[Finding]:
    first: dict[str, tuple[Path_, Optional[str]]] = {}
    for path, ind, s in sasaran_measures(ctx.spek):
        where = ctx.spek.owner(s)
        key = _key(ind.nama)
        if key not in first:
            first[key] = (path, where)
            continue
        path0, where0 = first[key]
        line = ctx.smap.locate(path0 + ("nama",))[0]
        also = (f"juga di jabatan {position_name(ctx.spek, where0)} (baris {line})" if where0 != where
                else f"sudah ada di baris {line}")
        yield Finding(path + ("nama",), f"indikator '{ind.nama}' {also}",
                      "satu indikator cukup dicantumkan sekali, pada jabatan yang memikulnya")


# A one-letter word ending a name: left from editing ("... Kecamatan Cerbon S"). Roman numerals
# ("Tahap I", "Triwulan IV") and a letter after a word that takes one ("Kelas A") are names.
_LONE_LETTER = re.compile(r"(?<=\s)([^\W\d_])[\s.,;:]*$")
_TAKES_A_LETTER = frozenset(
    "kelas tipe type golongan kategori predikat akreditasi nilai huruf blok zona tahap triwulan semester "
    "tingkat eselon grade level model pola skema versi bagian lampiran minimal opini".split())


@check("IKU411", "peringatan", "huruf sisa di akhir nama indikator")
def stray_letter_after_name(ctx: Context) -> Iterator[Finding]:
    for path, ind in measures(ctx.spek):
        found = _LONE_LETTER.search(ind.nama)
        if not found or found.group(1) in "IVX":
            continue
        before = ind.nama[:found.start()].split()
        if before and before[-1].casefold() in _TAKES_A_LETTER:
            continue
        yield Finding(path + ("nama",), f"nama indikator '{ind.nama}' diakhiri huruf '{found.group(1)}' yang "
                      "berdiri sendiri; mungkin sisa penyuntingan", "hapus huruf itu; bila memang bagian "
                      "nama (mis. \"Kelas A\"), abaikan dengan alasan")
