"""The document's single facts: the cover (kecamatan, kabupaten, period, Perubahan), the
Camat's signature block, the date, the neighbours, the desa list, visi, misi and the landasan
hukum. Each finder returns values with their place, or nothing when it found nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from ikugen.impor.blocks import Block, Par, Table, split_label
from ikugen.impor.draft import Blank, V
from ikugen.impor.words import MONTHS, fold, item, proper, sentence_case

_NIP = re.compile(r"\bNI?P\.?\s*:?\s*([0-9][0-9 .]{16,26}[0-9])")
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/s.d]+\s*((?:19|20)\d\d)\b")
_SIDE = re.compile(r"sebelah\s+(utara|timur|selatan|barat)\s*(?:berbatasan\s+dengan|berbatas(?:an)?|:)\s*"
                   r"(.+?)\s*[;,.]?\s*(?:dan)?\s*$", re.I)
_DESA_WORD = re.compile(r"^(desa|kelurahan|kel\.|kel)\s+", re.I)
_NOMOR = re.compile(r"^(?:KEPUTUSAN\s+CAMAT\s+\S+\s+)?NOMOR\s*:?\s*([\w./-]+(?:\s+TAHUN\s+\d{4})?)\s*$")
_LAND_HEAD = re.compile(r"\b(landasan\s+hukum|dasar\s+hukum|dasar\s+penyusunan|mengingat)\b", re.I)


@dataclass
class Found:
    """What the single finders read; None or [] where nothing was found."""

    kecamatan: Optional[V] = None
    kabupaten: Optional[V] = None
    kota: bool = False
    provinsi: Optional[V] = None
    awal: Optional[V] = None
    akhir: Optional[V] = None
    perubahan: Optional[V] = None
    tanggal: Optional[V] = None
    nama: Optional[V] = None
    pangkat: Optional[V] = None
    golongan: Optional[V] = None
    nip: Optional[V] = None
    jumlah_kecamatan: Optional[V] = None
    nomor: Optional[V] = None  # a decree's number


def pars(blocks: list[Block]) -> Iterator[tuple[int, Par]]:
    for i, block in enumerate(blocks):
        if isinstance(block, Par):
            yield i, block


def cover(blocks: list[Block], found: Found) -> None:
    head = [p for _, p in pars(blocks)][:60]
    for p in head:
        text = " ".join(p.full.split())
        m = re.search(r"\bKECAMATAN\s+([A-Za-z][\w .'-]{1,40}?)\s*(?:KABUPATEN|KOTA|TAHUN|$)", text, re.I)
        if m and found.kecamatan is None and not re.search(r"kinerja|camat\s", m.group(1), re.I):
            found.kecamatan = V(proper(m.group(1)).strip(), p.place)
        m = re.search(r"\b(KABUPATEN|KOTA)\s+([A-Za-z][\w .'-]{1,40}?)\s*(?:TAHUN|PROVINSI|$)", text, re.I)
        if m and found.kabupaten is None:
            found.kabupaten = V(proper(m.group(2)).strip(), p.place)
            found.kota = m.group(1).lower() == "kota"
        m = _NOMOR.match(text)
        if m and found.nomor is None:
            found.nomor = V(m.group(1), p.place)
        m = _PERIOD.search(text)
        if m and found.awal is None and 0 <= int(m.group(2)) - int(m.group(1)) <= 9:
            found.awal, found.akhir = V(int(m.group(1)), p.place), V(int(m.group(2)), p.place)
        if re.search(r"\bPERUBAHAN\b", text) and text.isupper() and found.perubahan is None and (
                len(text) < 40 or re.search(r"INDIKATOR|IKU|KEPUTUSAN", text)):
            found.perubahan = V("iku-perubahan", p.place)
    for _, p in pars(blocks):
        text = p.full
        if found.awal is None:
            m = _PERIOD.search(text)
            if m and 0 <= int(m.group(2)) - int(m.group(1)) <= 9:
                found.awal, found.akhir = V(int(m.group(1)), p.place), V(int(m.group(2)), p.place)
        m = re.search(r"\b(?i:provinsi|propinsi)\s+([A-Z][\w]*(?:\s+[A-Z][\w]*){0,3})", text)
        if m and found.provinsi is None:
            found.provinsi = V(proper(m.group(1)), p.place)
        m = re.search(r"\bsalah\s+satu\s+(?:kecamatan\s+)?dari\s+(\d{1,3})\b", text, re.I)
        if m and found.jumlah_kecamatan is None and 1 <= int(m.group(1)) <= 100:
            found.jumlah_kecamatan = V(int(m.group(1)), p.place)


def signature(blocks: list[Block], found: Found) -> None:
    """The Camat's name, rank and NIP: the last lines before the first NIP after "CAMAT"."""
    lines = [(p, " ".join(p.full.split())) for _, p in pars(blocks)]
    for i, (p, text) in enumerate(lines):
        m = _NIP.search(text)
        if not m:
            continue
        found.nip = V(m.group(1).replace(".", " ").strip(), p.place)
        before = [t for _, t in lines[max(0, i - 3):i]]
        rank = None
        if before and re.match(r"^(pembina|penata|pengatur|juru)\b", before[-1], re.I):
            rank = before.pop()
        if rank:
            m2 = re.match(r"^(.+?)\s*[(/,-]?\s*\(?((?:IV|III|II|I)\s*/\s*[a-e])\)?$", rank)
            if m2:
                found.pangkat = V(m2.group(1).strip(" ,/-"), lines[i - 1][0].place)
                found.golongan = V(m2.group(2).replace(" ", ""), lines[i - 1][0].place)
            else:
                found.pangkat = V(rank, lines[i - 1][0].place)
        if before:
            name = before[-1]
            place = lines[i - 1 - (1 if rank else 0)][0].place
            if not re.search(r"\bcamat\b|\bkecamatan\b", name, re.I):
                found.nama = V(_person(name), place)
        break
    _date(lines, found)


def _person(name: str) -> str:
    """"MUHAMAD JAFAR KHUDHORI, S.Sos" -> "Muhamad Jafar Khudhori, S.Sos" (degrees as written)."""
    core, sep, degrees = name.partition(",")
    return (proper(core) if core.isupper() else core).strip() + (sep + degrees if sep else "")


def _date(lines: list[tuple[Par, str]], found: Found) -> None:
    """The signing date: "Ditetapkan di X / pada tanggal 19 April 2023", "Cerbon, 19 April 2023",
    "Kaloran, ........ 2020", else the cover's single year ("TAHUN 2020")."""
    months = "|".join(MONTHS)
    signing = re.compile(r"^(?:pada\s+tanggal\s+|tanggal\s*:?\s*|[A-Z][\w .'-]{1,40},\s*)", re.I)
    for p, text in lines:
        if not signing.match(text):
            continue
        m = re.search(rf"\b(\d{{1,2}})\s+({months})\s+((?:19|20)\d\d)\s*$", text, re.I)
        if m:
            number = MONTHS.index(m.group(2).lower()) + 1
            found.tanggal = V(f"{m.group(3)}-{number:02d}-{int(m.group(1)):02d}", p.place)
            return
        m = re.search(rf"[,\s][.…\s]*(?:({months})\s+)?((?:19|20)\d\d)\s*$", text, re.I)
        if m and re.fullmatch(r"[\w .'-]+,\s*[.…\s]*(?:\w+\s+)?\d{4}", text):
            month = f"-{MONTHS.index(m.group(1).lower()) + 1:02d}" if m.group(1) else ""
            found.tanggal = V(str(m.group(2)) + month, p.place)
            return
    for p, text in lines[:40]:
        m = re.fullmatch(r"(?:tahun\s+)((?:19|20)\d\d)", text.strip(), re.I)
        if m:
            found.tanggal = V(m.group(1), p.place)
            return


def neighbours(blocks: list[Block]) -> dict[str, V]:
    sides: dict[str, V] = {}
    for _, p in pars(blocks):
        m = _SIDE.search(p.full)
        if m and m.group(1).lower() not in sides:
            sides[m.group(1).lower()] = V(proper(item(m.group(2))), p.place)
    return sides


def desa(blocks: list[Block], kecamatan: str) -> list[tuple[str, str, str]]:
    """(nama, jenis, place) of each desa and kelurahan: the list after the sentence that
    introduces it, or that sentence itself when it names them."""
    out: list[tuple[str, str, str]] = []
    items = list(pars(blocks))
    for k, (_, p) in enumerate(items):
        text = p.full
        if not re.search(r"\b(desa|kelurahan)\b", text, re.I) or not re.search(
                r"terdiri|terbagi|meliputi|yaitu|sebagai berikut|antara lain|:\s*$", text, re.I):
            continue
        if _SIDE.search(text) or len(text) > 400:
            continue
        listed: list[Par] = []
        for j, q in items[k + 1:]:
            if j != items[k][0] + 1 + len(listed) or q.heading or not (q.label or _DESA_WORD.match(q.text)):
                break
            if len(q.text) > 60:
                break
            listed.append(q)
        if len(listed) >= 2:
            for q in listed:
                out.append(_one_desa(q.text, q.place))
            return out
        tail = re.split(r"(?:yaitu|terdiri\s+(?:dari|atas)|meliputi|antara lain|sebagai berikut)\s*:?",
                        text, flags=re.I)[-1]
        names = [n for n in re.split(r",|;|\bdan\b", tail) if n.strip()]
        if len(names) >= 3:
            return [_one_desa(n, p.place) for n in names]
    return out


def _one_desa(text: str, place: str) -> tuple[str, str, str]:
    text = item(text)
    m = _DESA_WORD.match(text)
    jenis = "kelurahan" if m and m.group(1).lower().startswith("kel") else "desa"
    return proper(_DESA_WORD.sub("", text).strip(" .")), jenis, place


def visi_misi(blocks: list[Block]) -> tuple[Optional[V], list[V]]:
    visi: Optional[V] = None
    misi: list[V] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                cells = [c for c in row if c.strip()]
                for cell in cells[:-1]:
                    if fold(cell) == "visi" and visi is None:
                        visi = V(cells[-1], f"{block.place}, baris {r + 1}")
                    if fold(cell) == "misi" and not misi:
                        misi = [V(item(split_label(x)[1]), f"{block.place}, baris {r + 1}")
                                for x in block.cell_lines[r][-1] or [cells[-1]]] if block.cell_lines else [
                            V(item(cells[-1]), f"{block.place}, baris {r + 1}")]
            continue
        text = block.text
        m = re.match(r"^(visi|misi)\s*(?:kabupaten\s+\w+|bupati)?\s*[:：]?\s*(.*)$", text, re.I)
        if not m:
            continue
        word, rest = m.group(1).lower(), m.group(2).strip(" :\"“”")
        if word == "visi" and visi is None:
            if rest and len(rest) > 10:
                visi = V(sentence_case(rest.strip('"“”')), block.place)
            elif k + 1 < len(blocks) and isinstance(blocks[k + 1], Par):
                nxt = blocks[k + 1]
                assert isinstance(nxt, Par)
                visi = V(nxt.text.strip('"“”'), nxt.place)
        elif word == "misi" and not misi:
            for nxt in blocks[k + 1:]:
                if not isinstance(nxt, Par) or nxt.heading or not nxt.label:
                    break
                misi.append(V(item(nxt.text), nxt.place))
    return visi, misi


def landasan(blocks: list[Block]) -> list[Any]:
    """The list under the heading Landasan/Dasar Hukum (grouped where the document groups it),
    or the Mengingat rows of a decree."""
    out: list[Any] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                if row and fold(row[0]) == "mengingat":
                    lines = block.cell_lines[r][-1] if block.cell_lines else [row[-1]]
                    out += [V(item(_unlabel(x)), f"{block.place}, baris {r + 1}") for x in lines]
            if out:
                return out
            continue
        opens = block.heading and _LAND_HEAD.search(block.text) or re.fullmatch(
            r"mengingat\s*:?", block.text.strip(), re.I)
        if not opens:
            continue
        listed: list[Par] = []
        for nxt in blocks[k + 1:]:
            if isinstance(nxt, Table) or nxt.heading:
                break
            if nxt.label and (len(nxt.text) > 15 or _GROUP.match(nxt.text)):
                listed.append(nxt)
            elif listed:  # the list has ended: the text after it ("MEMUTUSKAN:")
                break
        if listed:
            return _grouped(listed)
    return out


# "Landasan Idiil: Pancasila", "b. Landasan Konstitusional :", "Dasar Operasional:": a group.
_GROUP = re.compile(r"^((?:landasan|dasar)\s+[a-z]+(?:\s+[a-z]+)?)\s*:\s*(.*)$", re.I)


def _grouped(listed: list[Par]) -> list[Any]:
    """The regulations, each a text; or, where the document groups them, the groups as the
    spec holds them ({kelompok, isi}): a group's text after its colon, and the items under it
    (nested deeper, or labelled another way than the groups: "c." then "1.", "2.")."""
    out: list[Any] = []
    group: Optional[tuple[Par, dict[str, Any]]] = None
    for p in listed:
        m = _GROUP.match(p.text)
        if m and (group is None or p.depth <= group[0].depth and _kind(p.label) == _kind(group[0].label)):
            rest = item(m.group(2))
            isi: list[Any] = [V(rest, p.place)] if rest else []
            group = (p, {"kelompok": V(sentence_case(m.group(1)), p.place), "isi": isi})
            out.append(group[1])
        elif group and (p.depth > group[0].depth or _kind(p.label) != _kind(group[0].label)):
            group[1]["isi"].append(V(item(p.text), p.place))
        else:
            group = None
            out.append(V(item(p.text), p.place))
    for entry in out:  # a group left without its regulations: its name alone is not a regulation
        if isinstance(entry, dict) and not entry["isi"]:
            entry["isi"] = [Blank(f"isi kelompok \"{entry['kelompok'].value}\" (teks atau daftar peraturan)")]
    return out


def _kind(label: str) -> str:
    """A list label's kind: "1" for numbers, "a" for letters, "i" for roman numerals, "-" bullets."""
    core = label.strip("().")
    if core.isdigit():
        return "1"
    if re.fullmatch(r"[ivxlc]+", core, re.I) and len(core) > 1:
        return "i"
    return "a" if core.isalpha() else "-"


def _unlabel(text: str) -> str:
    return re.sub(r"^\s*\(?(\d{1,3}|[a-z])[.)]\s+", "", text)
