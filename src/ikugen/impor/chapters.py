"""The order of the chapters, as a `susunan`, when it is not the standard one: each "BAB ..."
heading with its title, and under it the lettered headings ("A. Latar Belakang") named as the
built-in sections they are. A section ikugen cannot write by itself is a section of the
office's own: its prose is its text (no field holds it), or a blank to fill in when it has none."""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from ikugen.impor.blocks import Block, Par
from ikugen.impor.draft import Blank, V
from ikugen.impor.words import fold, proper

# A heading's folded words, as the built-in section they name (the first that starts it).
SECTIONS = (
    ("latar belakang", "latar_belakang"), ("maksud dan tujuan", "maksud_tujuan"),
    ("landasan hukum", "landasan_hukum"), ("dasar hukum", "landasan_hukum"), ("definisi", "definisi"),
    ("syarat dan kriteria", "syarat_kriteria"), ("tugas pokok dan fungsi", "tupoksi"),
    ("tugas dan fungsi", "tupoksi"), ("tupoksi", "tupoksi"), ("tujuan dan sasaran", "tujuan_sasaran"),
    ("visi dan misi", "visi_misi"), ("visi misi", "visi_misi"),
    ("target", "tabel_target"), ("penetapan indikator kinerja", "penetapan"), ("penutup", "penutup"),
)
STANDARD = [("pendahuluan", ["latar_belakang", "maksud_tujuan", "landasan_hukum"]),
            ("pengertian indikator kinerja", ["definisi", "syarat_kriteria"]),
            ("gambaran umum", ["tupoksi", "tujuan_sasaran"]),
            ("penetapan indikator kinerja utama", ["penetapan"]), ("penutup", ["penutup"])]
_BAB = re.compile(r"^BAB\s+([IVXL]+)\b[\s.:-]*(.*)$", re.I)


def _section(title: str) -> Optional[str]:
    folded = fold(title)
    return next((name for words, name in SECTIONS if folded.startswith(words)), None)


def susunan(blocks: list[Block], prose: Callable[[str], Optional[V]] = lambda place: None
            ) -> Optional[list[dict[str, Any]]]:
    """The chapters as a spec's `susunan`, or None: no chapters, or the standard five. A section
    of the office's own has its prose as its text (`prose`, by its heading's place), else a blank."""
    chapters: list[tuple[V, list[Any]]] = []
    pars = [b for b in blocks if isinstance(b, Par)]
    for i, p in enumerate(pars):
        m = _BAB.match(p.full) if p.heading else None
        if m:
            title = m.group(2).strip()
            if not title and i + 1 < len(pars) and not _BAB.match(pars[i + 1].full):
                title = pars[i + 1].full
            chapters.append((V(proper(title) or f"Bab {m.group(1)}", p.place), []))
            continue
        if not chapters or not p.heading or not re.fullmatch(r"[A-H][.)]", p.label):
            continue
        name = _section(p.text)
        sections = chapters[-1][1]
        if name and name not in [getattr(s, "value", None) for s in sections]:
            sections.append(V(name, p.place))
        elif not name:
            text = prose(p.place) or Blank(f"isi bagian \"{p.text}\"")
            sections.append({"judul": V(p.text, p.place), "teks": text})
    if len(chapters) < 2:
        return None
    for title, sections in chapters:
        # A chapter named as a section (Penetapan, Penutup) opens with it, its heading left out.
        name = _section(str(title.value))
        if name and name not in [getattr(s, "value", None) for s in sections]:
            sections.insert(0, V(name, title.place))
        elif not sections:
            text = prose(title.place) or Blank(f"isi bab \"{title.value}\"")
            sections.append({"judul": title, "teks": text})
    plain = [(fold(str(t.value)), [getattr(s, "value", None) for s in ss]) for t, ss in chapters]
    if plain == STANDARD:
        return None
    return [{"bab": title, "bagian": sections} for title, sections in chapters]
