"""The share of a ground-truth spec's facts an imported spec holds in the right field.

A fact is one value in its field: one desa, one neighbour, one position's tugas (its sentence,
and each lettered item of it), one fungsi item, one regulation (under its group's name when the
landasan hukum is grouped, and each group's name), one indicator's name, definisi, rumus,
sumber data, each penanggung jawab (as the position's name, its sasaran owner when not
written), one target, for the indicators of the sasaran and of the tujuan alike; each program
and its indicators with theirs (their own penanggung jawab only); and the cover
facts, the signing date, the Camat, visi, misi, tujuan and sasaran. Positions and indicators
of the two specs are paired first (by name, then by content), so a fungsi counts when it is
under the same position.
Values compare after folding case, accents, punctuation and spaces; a near miss (similarity
0.9 or more: "administrasiumum", a dropped letter) counts as found.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Optional

from ikugen.spec import yaml_reader
from ikugen.spec.model import Spek


def load(path: Path) -> Spek:
    """The spec's model (schema only: blanks and check findings do not stop it)."""
    data, _ = yaml_reader.parse(yaml_reader.read_text(path, str(path)), str(path))
    if isinstance(data.get("dasar"), str):
        from ikugen.spec.inherit import resolve  # noqa: F401 - examples here have no dasar

    return Spek.model_validate(data)


def norm(text: object) -> str:
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w%]+", "", text)


def same(a: object, b: object) -> bool:
    x, y = norm(a), norm(b)
    if x == y:
        return True
    if not x or not y:
        return False
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.9


def _number(value: object) -> str:
    try:
        return str(Decimal(str(value).replace(",", ".")).normalize())
    except InvalidOperation:
        return str(value)


def _pair(truth: list[Any], got: list[Any], key: Any, content: Any) -> dict[int, Any]:
    """Each truth item's partner in `got`: the same name, else the most shared content."""
    pairs: dict[int, Any] = {}
    used: set[int] = set()
    for i, t in enumerate(truth):
        for j, g in enumerate(got):
            if j not in used and same(key(t), key(g)):
                pairs[i] = g
                used.add(j)
                break
    for i, t in enumerate(truth):
        if i in pairs:
            continue
        best, score = None, 0.0
        for j, g in enumerate(got):
            if j in used:
                continue
            mine, theirs = content(t), content(g)
            if not mine:
                continue
            shared = sum(any(same(a, b) for b in theirs) for a in mine) / len(mine)
            name = difflib.SequenceMatcher(None, norm(key(t)), norm(key(g))).ratio()
            if shared + name / 2 > score:
                best, score = j, shared + name / 2
        if best is not None and score >= 0.5:
            pairs[i] = got[best]
            used.add(best)
    return pairs


def facts(spek: Spek, positions: Optional[dict[str, str]] = None) -> list[tuple[str, str]]:
    """(field, value) of every fact; `positions` names positions by their partner's name."""
    p = spek.profil
    out: list[tuple[str, str]] = [
        ("kecamatan", p.kecamatan), ("kabupaten", p.kabupaten), ("provinsi", p.provinsi),
        ("periode.awal", str(spek.dokumen.periode.awal)), ("periode.akhir", str(spek.dokumen.periode.akhir)),
        ("jenis", spek.dokumen.jenis), ("pimpinan.nama", spek.pimpinan.nama),
        ("pimpinan.nip", spek.pimpinan.nip),
    ]
    if spek.pimpinan.pangkat:
        out.append(("pimpinan.pangkat", spek.pimpinan.pangkat))
    if p.batas:
        out += [(f"batas.{side}", getattr(p.batas, side)) for side in ("utara", "timur", "selatan", "barat")]
    out += [("visi", p.visi)] if p.visi else []
    out += [("misi", m) for m in p.misi]
    for entry in p.landasan_hukum:  # a group's regulations count under the group's name
        if isinstance(entry, str):
            out.append(("landasan_hukum", entry))
        else:
            out.append(("landasan_hukum.kelompok", entry.kelompok))
            out += [(f"landasan_hukum[{norm(entry.kelompok)}]", law) for law in entry.isi]
    out += [("wilayah", f"{w.jenis} {w.nama}") for w in spek.wilayah]
    names = positions or {j.id: j.nama for j in spek.organisasi}
    for j in spek.organisasi:
        who = names.get(j.id, j.nama)
        out.append(("jabatan", who))
        if j.tugas_uraian:
            out.append((f"tugas[{who}]", j.tugas_uraian))
        out += [(f"tugas.rincian[{who}]", t) for t in j.tugas_rincian]
        out += [(f"fungsi[{who}]", f) for f in j.fungsi]
    for t in spek.tujuan:
        out.append(("tujuan", t.uraian))
        for i in t.indikator:  # a tujuan's indicator: its details, its penanggung jawab if written
            out.append(("indikator_tujuan", i.nama))
            out += _details(i, "tujuan.", names, i.penanggung_jawab_ids)
    out += [("sasaran", s.uraian) for s in spek.sasaran]
    sasaran = {s.id: s for s in spek.sasaran}
    for i in spek.indikator:
        out.append(("indikator", i.nama))
        owners = i.penanggung_jawab_ids or [spek.owner(sasaran.get(i.sasaran)) or ""]
        out += _details(i, "", names, owners)
    for program in spek.program:  # a program, and each of its indicators with their details
        out.append(("program", program.nama))
        for i in program.indikator:
            out.append((f"indikator_program[{norm(program.nama)}]", i.nama))
            out += _details(i, "program.", names, i.penanggung_jawab_ids)
    if spek.dokumen.tanggal:
        out.append(("dokumen.tanggal", spek.dokumen.tanggal))
    return [(k, str(v)) for k, v in out if v]


def _details(i: Any, prefix: str, names: dict[str, str], owners: list[str]) -> list[tuple[str, object]]:
    """An indicator's definisi, rumus, sumber data, each penanggung jawab and each target."""
    key = norm(i.nama)
    out: list[tuple[str, object]] = [(f"{prefix}{field}[{key}]", getattr(i, field))
                                     for field in ("definisi", "rumus", "sumber_data") if getattr(i, field)]
    out += [(f"{prefix}penanggung_jawab[{key}]", names.get(o, o)) for o in owners]
    out += [(f"{prefix}target[{key}][{y}]", _number(v)) for y, v in i.target.items() if v is not None]
    return out


def share(truth: Spek, got: Spek) -> tuple[float, list[str]]:
    """(found / all facts of `truth`, each fact not found as "field: value")."""
    partners = _pair(truth.organisasi, got.organisasi, lambda j: j.nama, lambda j: [*j.fungsi, j.tugas or ""])
    names = {j.id: j.nama for j in truth.organisasi}
    got_names = {g.id: names[t.id] for i, t in enumerate(truth.organisasi) if (g := partners.get(i))}
    ind_pairs = _pair(truth.indikator, got.indikator, lambda i: i.nama,
                      lambda i: [i.rumus or "", i.definisi or ""])
    # Facts keyed by an indicator's name are compared under the truth's name of its partner.
    rename = {norm(g.nama): norm(truth.indikator[i].nama) for i, g in ind_pairs.items()}
    wanted = facts(truth)
    have: dict[str, list[str]] = defaultdict(list)
    for key, value in facts(got, got_names):
        for old, new in rename.items():
            key = key.replace(f"[{old}]", f"[{new}]")
        have[key].append(value)
    lost = []
    for key, value in wanted:
        pool = have.get(key, [])
        hit = next((k for k, v in enumerate(pool) if same(v, value)), None)
        if hit is None:
            lost.append(f"{key}: {value}")
        else:
            pool.pop(hit)
    return 1 - len(lost) / len(wanted), lost
