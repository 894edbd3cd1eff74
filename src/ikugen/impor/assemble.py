"""The draft spec from what the finders read: the spec's sections in its order, ids given,
sasaran linked to their tujuan and owner, penanggung jawab mapped to positions, and a blank
"ISI: ..." wherever a value the spec needs was not found."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ikugen.impor import chapters, choices, draft, facts, positions, programs, tables, texts
from ikugen.impor.blocks import Block, Par, Table
from ikugen.impor.draft import Blank, Note, V
from ikugen.impor.words import fold


@dataclass
class Counts:
    desa: int = 0
    positions: int = 0
    indicators: int = 0
    targets: int = 0
    unmapped: int = 0  # penanggung jawab cells no position matched (a comment, not a blank)
    programs: int = 0  # indicators of the program indicator table
    notes: list[str] = field(default_factory=list)


def _or(value: Optional[V], what: str) -> Any:
    return value if value is not None else Blank(what)


def build(blocks: list[Block]) -> tuple[dict[str, Any], Counts]:
    counts = Counts()
    found = facts.Found()
    facts.cover(blocks, found)
    facts.signature(blocks, found)
    kecamatan = str(found.kecamatan.value) if found.kecamatan else ""
    year = datetime.date.today().year
    awal = found.awal or V(year, "tidak ditemukan", "ISI: tahun awal periode; ganti bila salah")
    akhir = found.akhir or V(int(awal.value) + 4, "tidak ditemukan", "ISI: tahun akhir periode")
    if found.awal is None:
        counts.notes.append("periode tidak ditemukan: ditulis tahun ini, periksa")
    if found.tanggal is None:  # an undated document: signed without a date line, not a guessed one
        counts.notes.append("tanggal penandatanganan tidak ditemukan: dokumen.tanggal tidak ditulis "
                            "(tanda tangan tanpa tanggal); tambahkan bila dokumen bertanggal")
    decree = any(isinstance(b, Table) and b.rows and fold(b.rows[0][0]) == "menimbang" or
                 isinstance(b, Par) and re.match(r"^menimbang\s*:", b.text, re.I) for b in blocks)
    layout = "keputusan" if decree else "standar"
    dokumen: dict[str, Any] = {
        "jenis": found.perubahan or V("iku", "tidak ada kata Perubahan di sampul"),
        "tata_letak": V(layout, "susunan dokumen"),
        "periode": {"awal": awal, "akhir": akhir},
        "tanggal": found.tanggal,
        "nomor": found.nomor if decree else None,
    }
    sides = facts.neighbours(blocks)
    visi, misi = facts.visi_misi(blocks)
    profil: dict[str, Any] = {
        "kecamatan": _or(found.kecamatan, "nama kecamatan tanpa kata Kecamatan"),
        "kabupaten": _or(found.kabupaten, "nama kabupaten/kota"),
        "jenis_daerah": V("kota", found.kabupaten.place) if found.kota and found.kabupaten else None,
        "provinsi": _or(found.provinsi, "nama provinsi"),
        "jumlah_kecamatan": found.jumlah_kecamatan,
        "batas": {side: _or(sides.get(side), f"wilayah di sebelah {side}")
                  for side in ("utara", "timur", "selatan", "barat")} if sides else None,
        "visi": visi,
        "misi": misi,
        "landasan_hukum": facts.landasan(blocks),
    }
    pimpinan = {"nama": _or(found.nama, "nama Camat dengan gelar"), "pangkat": found.pangkat,
                "golongan": found.golongan, "nip": _or(found.nip, "NIP Camat, 18 angka")}
    desa = facts.desa(blocks, kecamatan)
    counts.desa = len(desa)
    wilayah: list[dict[str, Any]] = [{"nama": V(n, place), "jenis": V(j, place)} for n, j, place in desa] or [
        {"nama": Blank("nama desa atau kelurahan (satu butir per desa)")}]
    found_positions = positions.find(blocks, kecamatan)
    if not any(fold(str(p.nama.value)) == "camat" for p in found_positions):
        head = positions.Position("camat", V("Camat", "tidak ditemukan; jabatan pimpinan"))
        found_positions.insert(0, head)
    counts.positions = len(found_positions)
    organisasi = _organisation(found_positions)
    owners = _annex_owners(blocks, kecamatan, found_positions)
    iku, target_rows, seen = tables.indicators(blocks, owners)
    goals = tables.goals(blocks)
    spec: dict[str, Any] = {"dokumen": dokumen, "profil": profil, "pimpinan": pimpinan, "wilayah": wilayah,
                            "organisasi": organisasi}
    spec.update(_goals_and_indicators(iku, target_rows, goals, found_positions, kecamatan, counts))
    spec["program"] = _programs(blocks, found_positions, kecamatan, counts)
    spec["tabel"] = choices.tabel([*seen, *programs.tables(blocks)], spec, layout)
    if layout == "standar":  # the office's own prose where no field holds it (texts.py)
        used = texts.places(spec)
        spec["teks"] = texts.teks(blocks, used) or None
        spec["susunan"] = chapters.susunan(blocks, lambda place: texts.after(blocks, place, used))
    return spec, counts


def _organisation(found: list[positions.Position]) -> list[dict[str, Any]]:
    head = next(p.id for p in found if fold(str(p.nama.value)) == "camat")
    secretary = next((p.id for p in found if p.id.startswith("sekcam")), head)
    out = []
    for p in found:
        name = fold(str(p.nama.value))
        atasan = None if p.id == head else (secretary if name.startswith("subbagian") else head)
        out.append({"id": V(p.id, p.nama.place), "nama": p.nama,
                    "eselon": V("III" if p.id == head else "IV", p.nama.place),
                    "atasan": V(atasan, p.nama.place) if atasan else None,
                    "tugas": _tugas(p), "fungsi": p.fungsi, "kewenangan": p.kewenangan})
    return out


def _tugas(p: positions.Position) -> Any:
    """The tugas as the spec holds it: a text, its lettered items, or the sentence and its items."""
    if not p.rincian:
        return p.tugas
    return {"uraian": p.tugas, "rincian": p.rincian} if p.tugas else p.rincian


_ESELON_TITLE = re.compile(r"^(?:PERUBAHAN\s+)?INDIKATOR\s+KINERJA\s+(.+?)\s*\(ESELON\s+[IV]+\)$", re.I)


def _annex_owners(blocks: list[Block], kecamatan: str, found: list[positions.Position]) -> dict[int, str]:
    """Each table that follows a decree annex's "Jabatan : ..." table, or a title "INDIKATOR
    KINERJA SEKSI ... (ESELON IV)": that position's id."""
    owners: dict[int, str] = {}
    current: Optional[str] = None
    titled = False  # the owner came from a table's title: the next heading ends it
    for k, block in enumerate(blocks):
        if isinstance(block, Par):
            annex = positions.ANNEX.match(block.text)  # "Jabatan (Eselon IV) : Seksi Trantib"
            title = _ESELON_TITLE.match(block.text)
            if annex or title:
                text = annex.group(1) if annex else title.group(1) if title else ""
                name = positions.name_of(text, kecamatan) or text
                current, titled = positions.resolve(name, found, kecamatan), bool(title)
            elif block.heading and titled:
                current, titled = None, False
            continue
        first = fold(block.rows[0][0]) if block.rows and block.rows[0] else ""
        if first.startswith("jabatan"):
            name = positions.name_of(block.rows[0][-1], kecamatan) or block.rows[0][-1]
            current = positions.resolve(name, found, kecamatan)
        elif current:
            owners[k] = current
    return owners


def _tujuan_rows(rows: list[tables.Row], goals: tables.Goals) -> list[tables.Row]:
    """Rows of an IKU table that name their tujuan ("Tujuan 1 : ...") or a tujuan's indicator:
    the tujuan and its indicator into `goals`, each sasaran below linked to it; the rest returned."""
    kept = []
    for row in rows:
        if row.tujuan is not None:
            known = [fold(str(t[0].value)) for t in goals.tujuan]
            if fold(str(row.tujuan.value)) not in known:
                goals.tujuan.append((row.tujuan, [], None))
                known.append(fold(str(row.tujuan.value)))
            index = known.index(fold(str(row.tujuan.value)))
            if row.of_tujuan:
                if all(fold(str(v.value)) != fold(str(row.nama.value)) for v in goals.tujuan[index][1]):
                    goals.tujuan[index][1].append(row.nama)
                goals.detail.setdefault((index, fold(str(row.nama.value))), row)
                continue
            if row.sasaran is not None:
                goals.sasaran_tujuan.setdefault(fold(str(row.sasaran.value)), index)
        elif row.sasaran is None:  # no sasaran, none above: a tujuan's indicator without its column
            mine = [i for i, t in enumerate(goals.tujuan) if fold(str(row.nama.value)) in
                    [fold(str(v.value)) for v in t[1]]]
            if mine:
                goals.detail.setdefault((mine[0], fold(str(row.nama.value))), row)
                continue
        kept.append(row)
    return kept


def _goals_and_indicators(iku: list[tables.Row], target_rows: list[tables.Row], goals: tables.Goals,
                          found: list[positions.Position], kecamatan: str, counts: Counts) -> dict[str, Any]:
    iku = _tujuan_rows(tables.merged(iku), goals)
    tujuan = _tujuan(goals, found, kecamatan, counts)
    sasaran: list[dict[str, Any]] = []
    keys: dict[tuple[str, Optional[str]], str] = {}
    head = next(p.id for p in found if fold(str(p.nama.value)) == "camat")

    def sasaran_id(text: V, owner: Optional[str], program: Optional[V] = None) -> str:
        key = (fold(str(text.value)), owner if owner != head else None)
        if key not in keys:
            keys[key] = f"S{len(keys) + 1}"
            t = goals.sasaran_tujuan.get(key[0])
            if t is None and len(goals.tujuan) == 1:
                t = 0
            sasaran.append({"id": V(keys[key], text.place), "uraian": text,
                            "tujuan": V(f"T{t + 1}", text.place) if t is not None else None,
                            "pemilik": V(key[1], text.place) if key[1] else None, "program": program})
        return keys[key]

    rows = iku or target_rows
    unknown: Optional[str] = None
    by_name: dict[str, list[dict[str, Any]]] = {}
    indikator: list[dict[str, Any]] = []
    for n, row in enumerate(rows, 1):
        last = sasaran[-1]["uraian"] if sasaran else None
        text = row.sasaran or (V(str(last.value), row.nama.place) if isinstance(last, V) else None)
        if text is not None:
            sid = sasaran_id(text, row.owner, row.cells.get("program"))
        else:  # a table without a sasaran column: one sasaran to be written, for all of them
            sid = unknown = unknown or _unknown_sasaran(sasaran)
        entry: dict[str, Any] = {"id": V(f"I{n}", row.nama.place), "sasaran": V(sid, row.nama.place),
                                 "nama": row.nama}
        entry = _details(entry, row, found, kecamatan, counts)
        indikator.append(entry)
        by_name.setdefault(fold(str(row.nama.value)), []).append(entry)
    if iku:
        for row in target_rows:  # the target table: each row to the indicator of its name
            for entry in by_name.get(fold(str(row.nama.value)), [])[:1]:
                entry["target"] = {**entry["target"], **row.target}
                if row.cells.get("kondisi_awal") and not entry.get("kondisi_awal"):
                    entry["kondisi_awal"] = _nilai(row.cells["kondisi_awal"])
                if row.cells.get("satuan") and not entry.get("satuan"):
                    entry["satuan"] = row.cells["satuan"]
    if not rows:  # no IKU table: the sasaran of the tujuan table, still without indicators
        for text in goals.sasaran:
            sasaran_id(text, None)
    counts.indicators = len(indikator)
    counts.targets = sum(len(e["target"]) for e in indikator)
    return {"tujuan": tujuan, "sasaran": sasaran, "indikator": indikator}


def _programs(blocks: list[Block], found: list[positions.Position], kecamatan: str,
              counts: Counts) -> Optional[list[dict[str, Any]]]:
    """The program indicators, when the spec's model can hold them; else a note of how many."""
    read = programs.read(blocks)
    if not read:
        return None
    entries = programs.entries(read, lambda entry, row: _details(entry, row, found, kecamatan, counts))
    counts.programs = sum(len(p.indikator) for p in read)
    if programs.supported(draft.plain(entries)):
        return entries
    counts.notes.append(f"{counts.programs} indikator program ({len(read)} program) ditemukan, tetapi belum "
                        "ditulis: skema ikugen ini belum memuat `program`")
    return None


def _tujuan(goals: tables.Goals, found: list[positions.Position], kecamatan: str,
            counts: Counts) -> list[dict[str, Any]]:
    """The tujuan, each indicator with the details its row of the IKU table gave (IKM)."""
    out = []
    for i, (uraian, names, urusan) in enumerate(goals.tujuan):
        measures = []
        for n in names:
            row = goals.detail.get((i, fold(str(n.value))))
            measure: dict[str, Any] = {"nama": n}
            if row:
                measure = _details(measure, row, found, kecamatan, counts)
            measures.append(measure)
        out.append({"id": V(f"T{i + 1}", uraian.place), "uraian": uraian, "urusan": urusan,
                    "indikator": measures})
    return out


def _details(entry: dict[str, Any], row: tables.Row, found: list[positions.Position], kecamatan: str,
             counts: Counts) -> dict[str, Any]:
    """An indicator's cells from its row, of a sasaran or of a tujuan alike: satuan, definisi,
    alasan, rumus, sumber data, the penanggung jawab as position ids, baseline and targets."""
    for key in ("satuan", "definisi", "alasan", "rumus", "sumber_data"):
        entry[key] = row.cells.get(key)
    tipe = row.cells.get("tipe")  # "Non Kumulatif" as the spec's word; anything else is not read
    if tipe is not None and re.fullmatch(r"(non\s*)?kumulatif", fold(str(tipe.value))):
        word = "non-kumulatif" if fold(str(tipe.value)).startswith("non") else "kumulatif"
        entry["tipe"] = V(word, tipe.place, f"tertulis \"{tipe.value}\"")
    polaritas = row.cells.get("polaritas")
    if polaritas is not None and fold(str(polaritas.value)) in ("positif", "negatif"):
        entry["polaritas"] = V(fold(str(polaritas.value)), polaritas.place)
    pj = row.cells.get("penanggung_jawab")
    if pj is not None:
        ids = positions.resolve_all(str(pj.value), found, kecamatan)
        if ids:
            entry["penanggung_jawab"] = (V(ids[0], pj.place, f"tertulis \"{pj.value}\"") if len(ids) == 1 else
                                         [V(i, pj.place, f"tertulis \"{pj.value}\"") for i in ids])
        else:
            counts.unmapped += 1
            entry["_pj"] = Note(f"penanggung jawab tertulis \"{pj.value}\" ({pj.place}) tidak cocok "
                                "dengan jabatan mana pun: tulis id jabatannya di penanggung_jawab")
    entry["kondisi_awal"] = _nilai(row.cells.get("kondisi_awal"))
    entry["target"] = dict(row.target)
    return entry


def _unknown_sasaran(sasaran: list[dict[str, Any]]) -> str:
    sid = f"S{len(sasaran) + 1}"
    sasaran.append({"id": V(sid, "tidak ditemukan"), "uraian": Blank("rumusan sasaran indikator ini")})
    return sid


def _nilai(value: Optional[V]) -> Optional[V]:
    """A baseline as the spec's Nilai; a dash is kept: the indicator is new (no baseline yet)."""
    from ikugen.impor.draft import nilai

    if value is not None and str(value.value).strip() in ("-", "–", "—"):
        return V("-", value.place)
    return nilai(str(value.value), value.place) if value is not None else None
