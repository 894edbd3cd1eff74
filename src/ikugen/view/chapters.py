"""The document's chapters and sections, resolved: numbers, letters, headings, cross-references.

The default order lives in templates/susunan/standar.yaml and the default headings in
templates/bagian/judul.yaml (so an office's --templates folder can change them); a spec's
`susunan` replaces the order. Chapters are numbered BAB I, II, ... and annexes LAMPIRAN I, II,
... in the order given; titled sections are lettered A, B, ... within their chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pydantic import TypeAdapter

from ikugen.spec.model_layout import Bab, BagianBawaan, BagianSendiri
from ikugen.view import indonesian


@dataclass
class BagianView:
    nama: Optional[str]      # a built-in section's name, or None for the office's own
    judul: Optional[str]     # None: no heading
    huruf: Optional[str]     # "A", "B", ... for titled sections
    teks: Optional[str] = None


@dataclass
class BabView:
    lampiran: bool
    nomor: int
    judul: str
    bagian: list[BagianView] = field(default_factory=list)
    label: str = ""          # "BAB III", "LAMPIRAN", "LAMPIRAN II"


_BAB_LIST = TypeAdapter(list[Bab])


def parse_susunan(data: object) -> list[Bab]:
    return _BAB_LIST.validate_python(data)


def resolve(chapters: list[Bab], titles: dict[str, Optional[str]],
            absent: frozenset[str] = frozenset()) -> list[BabView]:
    """`absent`: built-in sections with nothing to show, left out (a chapter left empty too)."""
    chapters = [c.model_copy(update={"bagian": kept}) for c in chapters
                if (kept := [b for b in c.bagian if _name(b) not in absent])]
    out: list[BabView] = []
    annexes = sum(1 for c in chapters if c.lampiran is not None)
    counters = {False: 0, True: 0}
    for chapter in chapters:
        is_annex = chapter.lampiran is not None
        counters[is_annex] += 1
        number = counters[is_annex]
        if is_annex:
            label = "LAMPIRAN" if annexes == 1 else f"LAMPIRAN {indonesian.romawi(number)}"
        else:
            label = f"BAB {indonesian.romawi(number)}"
        view = BabView(is_annex, number, chapter.lampiran or chapter.bab or "", label=label)
        letter = 0
        for item in chapter.bagian:
            name: Optional[str]
            title: Optional[str]
            text: Optional[str]
            if isinstance(item, BagianSendiri):
                name, title, text = None, item.judul, item.teks
            elif isinstance(item, BagianBawaan):
                name, title, text = item.bagian, item.judul or titles.get(item.bagian), None
            else:
                name, title, text = item, titles.get(item), None
            if title:
                letter += 1
            view.bagian.append(BagianView(name, title, chr(ord("A") + letter - 1) if title else None, text))
        out.append(view)
    return out


def _name(item: object) -> Optional[str]:
    return item if isinstance(item, str) else item.bagian if isinstance(item, BagianBawaan) else None


def reference(chapters: list[BabView], section: str) -> str:
    """'BAB III' for the chapter holding a built-in section; '' when the document has none."""
    for chapter in chapters:
        if any(b.nama == section for b in chapter.bagian):
            return chapter.label
    return ""
