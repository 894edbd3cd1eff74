"""The positions of the office with their tugas and fungsi: a heading or bold line naming a
position (Camat, Sekretaris, Subbagian, Seksi), its "mempunyai tugas ..." sentence and the list
after it; or, in a decree's annex, the table "Jabatan : ... / Tugas : ... / Fungsi : ...". A
position with no duties written is found in the Struktur Organisasi's list. A penanggung jawab
written as a name or an abbreviation is mapped to one of these positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from ikugen.impor.blocks import Block, Table, split_label
from ikugen.impor.draft import V
from ikugen.impor.words import fold, item, proper, sentence_case

_POSITION = re.compile(
    r"^(?:kepala\s+)?(camat|c\s?a\s?m\s?a\s?t|sekretaris(?:\s+(?:kecamatan|camat))?|sekcam|"
    r"sub\s?bag(?:ian)?\s+[\w ,&/]+?|seksi\s+[\w ,&/]+?|kasi\s+[\w ,&/]+?|kasubbag\s+[\w ,&/]+?|"
    r"kelompok\s+jabatan\s+fungsional)"
    r"(?:\s+(?:kecamatan\s+\w+|mempunyai\s+(?:uraian\s+)?tugas.*|mempunyai\s+fungsi.*|[:;].*))?$", re.I)
ANNEX = re.compile(r"^jabatan\b[^:]{0,40}:\s*(.{3,120})$", re.I)
_FIELD = re.compile(r"^(tugas|fungsi)(?:\s+pokok)?\s*(:.*|)$", re.I)
_TASK = re.compile(r"\bmempunyai\s+tugas(?:\s+pokok)?\s*:?\s+(.{15,})$", re.I)
# A tugas sentence that goes on as a list: "..., dengan rincian:", "... sebagai berikut:", "tugas:".
_LISTS = re.compile(
    r"\s*[,;]?\s*(?:dengan\s+rincian|sebagai\s+berikut|yaitu|meliputi|antara\s+lain)?\s*[:;]\s*$", re.I)
_TASK_ALONE = re.compile(r"\bmempunyai\s+(?:uraian\s+)?tugas(?:\s+pokok)?\s*:\s*$", re.I)
_ABBREVIATIONS = {"kasi": "seksi", "kasubag": "subbagian", "kasubbag": "subbagian", "sekcam": "sekretaris",
                  "subag": "subbagian", "subbag": "subbagian", "umpeg": "umum kepegawaian",
                  "trantib": "ketentraman ketertiban", "pmd": "pemberdayaan masyarakat desa",
                  "kesra": "kesejahteraan", "pem": "pemerintahan", "sub": "", "bagian": ""}
# The short ids offices use for the usual units, by a word of the unit's name.
_SHORT = ((r"ketentraman|ketertiban|trantib", "trantib"), (r"pemberdayaan", "pmd"),
          (r"kesejahteraan|kesra", "kesra"), (r"umum|kepegawaian", "umpeg"),
          (r"keuangan|perencanaan|program", "keu"), (r"pemerintahan", "pem"), (r"pelayanan", "pelayanan"))
_NOT_NAME = {"dan", "kecamatan", "umum", "desa", "kepala"}


@dataclass
class Position:
    id: str
    nama: V
    tugas: Optional[V] = None    # the tugas sentence (without "dengan rincian:")
    rincian: list[V] = field(default_factory=list)  # the items the tugas lists (a., b., ...)
    fungsi: list[V] = field(default_factory=list)
    kewenangan: list[V] = field(default_factory=list)  # the aspects the Bupati delegates (a Camat's)


def name_of(text: str, kecamatan: str) -> Optional[str]:
    """The position a heading names ("2.1. CAMAT", "Sub Bagian Umum mempunyai tugas:"), or None."""
    label, body = split_label(text)
    body = re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", body).strip(" :;*")
    if kecamatan:  # "CAMAT CERBON", "Sekretaris Kecamatan Kaloran"
        body = re.sub(rf"\s+(?:kecamatan\s+)?{re.escape(kecamatan)}\b", "", body, flags=re.I)
    if len(body) > 160:
        return None
    m = _POSITION.match(body)
    if not m:
        return None
    name = m.group(1).strip(" ,;:")
    if kecamatan:
        name = re.sub(rf"\s+(?:kecamatan\s+)?{re.escape(kecamatan)}$", "", name, flags=re.I)
    name = re.sub(r"^c\s?a\s?m\s?a\s?t$", "Camat", name, flags=re.I)
    name = re.sub(r"^sub\s?bag(?:ian)?\b", "Subbagian", name, flags=re.I)
    return proper(name) if name.isupper() else sentence_case(name)


def _id(name: str, taken: set[str]) -> str:
    folded = fold(name)
    if folded == "camat":
        base = "camat"
    elif folded.startswith("sekretaris"):
        base = "sekcam"
    else:
        base = next((short for pattern, short in _SHORT if re.search(pattern, folded)), "")
        if not base:
            words = [w for w in folded.split() if w not in _NOT_NAME]
            base = "-".join(w[:5] for w in words[1:3]) or "jabatan"
    base = re.sub(r"[^a-z0-9-]", "", base)[:36] or "jabatan"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    taken.add(candidate)
    return candidate


def find(blocks: list[Block], kecamatan: str) -> list[Position]:
    positions: list[Position] = []
    taken: set[str] = set()
    by_name: dict[str, Position] = {}
    current: Optional[Position] = None
    in_structure = False

    def position(name: str, place: str) -> Position:
        key = fold(name)
        if key not in by_name:
            by_name[key] = Position(_id(name, taken), V(name, place))
            positions.append(by_name[key])
        return by_name[key]

    mode = "fungsi"  # what a list item under the current position is: "fungsi" or "kewenangan"
    listed: list[tuple[Optional[str], str]] = []  # the positions the Struktur Organisasi lists
    task_next = False  # a "TUGAS" line alone: the tugas is the next paragraph
    for block in blocks:
        if isinstance(block, Table):
            current = None
            _from_table(block, kecamatan, position)
            continue
        text = block.text
        annex = ANNEX.match(text)  # a decree's annex: "Jabatan (Eselon IV) : Seksi Pemerintahan"
        if annex:
            name = name_of(annex.group(1), kecamatan) or proper(annex.group(1).strip(" :"))
            current, mode, in_structure, task_next = position(name, block.place), "fungsi", False, False
            continue
        field = _FIELD.match(text) if current is not None else None
        if field and current is not None:
            rest = field.group(2).strip(" :")
            if field.group(1).lower() == "tugas":
                if rest and not current.tugas:
                    current.tugas = V(_task(rest), block.place)
                task_next = not rest
                mode = "tugas" if not rest or _LISTS.search(rest) else mode
            else:
                mode, task_next = "fungsi", False
                if rest:
                    current.fungsi.append(V(item(split_label(rest)[1]), block.place))
            continue
        if task_next and current is not None and not block.label:
            task_next = False
            if not current.tugas:
                current.tugas = V(_task(text.lstrip(": ")), block.place)
            mode = "tugas" if _LISTS.search(text) else "fungsi"  # its items, or (the label lost) fungsi
            continue
        task_next = False
        if re.search(r"^(?:\d+\.\s*)?(struktur|susunan)\s+organisasi", text, re.I) and (
                block.heading or len(text) < 80):
            in_structure, current = True, None
            continue
        heading_like = block.heading or (not block.label and _ends_heading(text)) or bool(
            re.match(r"^\d+(\.\d+)+\.?$", block.label))
        named = name_of(block.full, kecamatan) if heading_like else None
        if named:
            in_structure, mode = False, "fungsi"
            current = position(named, block.place)
            rest = _TASK.search(text)
            if rest and not current.tugas:
                current.tugas = V(_task(rest.group(1)), block.place)
            if _leads_to_tasks(text):
                mode = "tugas"
            continue
        if block.heading and not re.match(r"^(mempunyai\s+|tugas|fungsi|uraian)", text, re.I):
            in_structure, current = False, None
            continue
        if in_structure and block.label:  # "Susunan organisasi ... terdiri atas: 1. Camat 2. Seksi ..."
            listed.append((name_of(text, kecamatan), block.place))
        if current is None or in_structure:
            continue
        if not block.label:
            rest = _TASK.search(text)
            if rest and not current.tugas and not current.fungsi and _task(rest.group(1)):
                current.tugas = V(_task(rest.group(1)), block.place)
            if _leads_to_tasks(text) and not current.rincian and not current.fungsi:
                mode = "tugas"
            elif re.search(r"kewenangan", text, re.I):
                mode = "kewenangan"
            elif re.search(r"fungsi|tugas", text, re.I):
                mode = "fungsi"
            continue
        if mode == "tugas" and len(text) > 3:
            current.rincian.append(V(item(text), block.place))
        elif mode == "fungsi" and len(text) > 3:
            current.fungsi.append(V(item(text), block.place))
        elif mode == "kewenangan" and 1 < len(text) <= 300:
            current.kewenangan.append(V(item(text), block.place))
    # A position the structure lists and no heading names (it has no duties written): one of its own.
    for named, place in listed:
        if named and fold(named) not in by_name and resolve(named, positions, kecamatan) is None:
            position(named, place)
    for p in positions:
        # "X mempunyai tugas:" and one list, no fungsi list after it: that list is the position's
        # uraian tugas dan fungsi, which the spec holds as its fungsi (ikugen prints it back as
        # "X mempunyai uraian tugas dan fungsi:"). A tugas with items and fungsi keeps both.
        if p.rincian and not p.fungsi and not p.tugas:
            p.fungsi, p.rincian = p.rincian, []
    return positions


def _leads_to_tasks(text: str) -> bool:
    """"... mempunyai tugas:", "..., dengan rincian:", "... tugas sebagai berikut ;": the items
    after it are the tugas's (not "... tugas dan fungsi:", not "... menyelenggarakan fungsi:")."""
    return bool(re.search(r"\btugas", text, re.I) and not re.search(r"\bfungsi", text, re.I)
                and (_TASK_ALONE.search(text) or _LISTS.search(text)))


def _task(text: str) -> str:
    """The tugas sentence as the spec holds it: without the "dengan rincian:" that leads to its items."""
    return sentence_case(_LISTS.sub("", " ".join(text.split())).rstrip(" .;"))


def _ends_heading(text: str) -> bool:
    closing = re.search(r"(mempunyai\s+(?:uraian\s+)?tugas|fungsi)\s*:?\s*$|:\s*$", text, re.I)
    return bool(closing) or len(text) < 80


def _from_table(table: Table, kecamatan: str, position: Callable[[str, str], Position]) -> None:
    """A decree annex's position table: rows "Jabatan ..." / "Tugas" / "Fungsi", value last; a row
    whose label cell is empty goes on with the label above (one fungsi per row, its number in a
    cell of its own)."""
    rows: dict[str, list[int]] = {}
    label = None
    for r, row in enumerate(table.rows):
        if row and row[0].strip():
            label = fold(row[0]).split(" ")[0]
            rows.setdefault(label, []).append(r)
        elif label and row:
            rows[label].append(r)
    if "jabatan" not in rows or not ({"tugas", "fungsi"} & rows.keys()):
        return
    r = rows["jabatan"][0]
    name = name_of(table.rows[r][-1], kecamatan) or proper(table.rows[r][-1])
    found = position(name, f"{table.place}, baris {r + 1}")
    if "tugas" in rows and not found.tugas and not found.rincian:
        sentence = []
        for i in rows["tugas"]:  # a row with a letter cell ("a.") is an item of the tugas
            text = " ".join(table.cell_lines[i][-1]) or table.rows[i][-1]
            if any(re.fullmatch(r"\(?[a-z][.)]", c.strip()) for c in table.rows[i][1:-1]):
                found.rincian.append(V(item(text), f"{table.place}, baris {i + 1}"))
            elif text.strip(" :"):
                sentence.append((text, i))
        if sentence:
            place = f"{table.place}, baris {sentence[0][1] + 1}"
            found.tugas = V(_task(" ".join(t for t, _ in sentence)), place)
    if "fungsi" in rows and not found.fungsi:
        for f in rows["fungsi"]:
            for line in table.cell_lines[f][-1]:
                found.fungsi.append(V(item(split_label(line)[1]), f"{table.place}, baris {f + 1}"))


def resolve(text: str, positions: list[Position], kecamatan: str) -> Optional[str]:
    """The id of the position a penanggung jawab cell names, or None when none fits."""
    words = set(_expand(text, kecamatan))
    if not words:  # "Kecamatan", "Kecamatan Kalimanah": the office, led by the Camat
        office = re.fullmatch(r"(kantor\s+)?(kecamatan|camat)(\s+\w+)?", fold(text))
        return next((p.id for p in positions if fold(str(p.nama.value)) == "camat"), None) if office else None
    best, score = None, 0.0
    for p in positions:
        theirs = set(_expand(str(p.nama.value), kecamatan))
        if not theirs:
            continue
        overlap = len(words & theirs) / len(words | theirs)
        initials = "".join(w[0] for w in _expand(str(p.nama.value), kecamatan)[1:])
        if len(initials) >= 2 and initials in fold(text).split():  # "Kasubbag PKA"
            overlap = max(overlap, 0.9)
        if overlap > score:
            best, score = p.id, overlap
    return best if score >= 0.5 else None


_SEVERAL = re.compile(r"\s*(?:/|;|&|\n|(?:^|\s)\d{1,2}[.)](?=\s))\s*")


def resolve_all(text: str, positions: list[Position], kecamatan: str) -> list[str]:
    """The ids of the positions a penanggung jawab cell names: one, or several written apart
    ("Camat / Kasi Pelayanan", "1. Kasi PMP 2. Kasi Kesos", one a line); [] when one of
    them fits no position and the whole text fits none either."""
    parts = [p for p in _SEVERAL.split(text) if p.strip(" ,.")]
    if len(parts) > 1:
        ids = [resolve(p, positions, kecamatan) for p in parts]
        if all(ids):
            return list(dict.fromkeys(i for i in ids if i))
    whole = resolve(text, positions, kecamatan)
    return [whole] if whole else []


def _expand(text: str, kecamatan: str) -> list[str]:
    out = []
    for w in fold(text).split():
        w = _ABBREVIATIONS.get(w, w)
        out += [x for x in w.split() if x and x not in _NOT_NAME and x != fold(kecamatan)]
    return out
