"""`ikugen init`: a new kecamatan's spec, made from an example's text.

The example is edited as text, at the places its source map gives, so its comments, order and
layout stay: the kecamatan's name is put in, and the facts that belong to the old kecamatan
(Camat, NIP, desa list, address, neighbours, decree number, baseline and targets) become blanks
"ISI: ..." that `validate` reports (blanks.py) until they are filled in.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Optional

import yaml

from ikugen.checks.blanks import blank
from ikugen.errors import IkugenError, OutputError, UsageError
from ikugen.package_data import example_spec, schema_file
from ikugen.spec import yaml_reader
from ikugen.writers.files import write_new

_NAME = re.compile(r"^[^\W\d_][\w .'()-]{0,79}$")

# The old kecamatan's own facts: path -> what the blank asks for.
_BLANKS: dict[yaml_reader.Path_, str] = {
    ("pimpinan", "nama"): "nama Camat dengan gelar",
    ("pimpinan", "pangkat"): "pangkat Camat",
    ("pimpinan", "golongan"): "golongan ruang Camat",
    ("pimpinan", "nip"): "NIP Camat, 18 angka",
    ("profil", "alamat"): "alamat kantor kecamatan",
    ("profil", "telepon"): "nomor telepon kantor kecamatan",
    ("profil", "surel"): "alamat surel kantor kecamatan",
    ("dokumen", "nomor"): "nomor keputusan",
    **{("profil", "batas", side): f"wilayah di sebelah {side}"
       for side in ("utara", "timur", "selatan", "barat")},
}


def create(name: str, example: Optional[Path], target: Optional[Path]) -> tuple[Path, int]:
    """Write the new spec; return its path and how many blanks it holds. Never overwrites."""
    name = re.sub(r"^kecamatan\s+", "", name.strip(), flags=re.I)
    if not _NAME.match(name):
        raise UsageError(f"'{name}': nama kecamatan ditulis dengan huruf (boleh spasi, titik, tanda "
                         "hubung), tanpa kata \"Kecamatan\", mis. Kaloran")
    if example is None:
        example = example_spec()
        if not example.is_file():
            raise UsageError("contoh bawaan tidak ditemukan; sebutkan spesifikasi pola dengan --dari BERKAS")
    target = target or Path(re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".yaml")
    if target.exists():
        raise IkugenError(f"{target}: berkas sudah ada; tidak ditimpa (pilih nama lain dengan -o)")
    if not target.parent.is_dir():  # before anything is written beside it (the schema)
        raise OutputError(f"{target}: folder {target.parent} tidak ada; buat dulu foldernya")
    text = yaml_reader.read_text(example, str(example))
    data, smap = yaml_reader.parse(text, str(example))
    edits = _Edits(text, smap)
    old = (data.get("profil") or {}).get("kecamatan")
    if isinstance(old, str):
        edits.rename(old, name, data)
        edits.replace(("profil", "kecamatan"), name)
    for path, what in _BLANKS.items():
        edits.replace(path, blank(what), count=True)
    desa = blank("nama desa atau kelurahan (satu butir per desa)")
    edits.blank_list(("wilayah",), data.get("wilayah"), desa)
    for path in _measures(data):
        edits.replace(path + ("kondisi_awal",), blank("kondisi awal"), count=True)
        for year in (yaml_reader.value_at(data, path) or {}).get("target") or {}:
            edits.replace(path + ("target", year), blank(f"target tahun {year}"), count=True)
    if isinstance(data.get("dasar"), str):
        base = (example.parent / data["dasar"]).resolve()
        edits.replace(("dasar",), os.path.relpath(base, target.parent.resolve()))
    content = _header(name, example, target) + _body(edits.apply())
    write_new(target, content)
    return target, edits.blanks


class _Edits:
    """Replacements in the example's text, each at a value the source map locates."""

    def __init__(self, text: str, smap: yaml_reader.SourceMap):
        self.text, self.smap = text, smap
        self.edits: dict[int, tuple[int, str]] = {}
        self.blanks = 0
        self.old: set[str] = set()  # the blanked values, as written: comments quoting them go too
        # Scalar and sequence extents by start (line, column): the pure loader's marks count
        # characters, so they index the text directly.
        self.spans: dict[tuple[int, int], tuple[int, int, Optional[str]]] = {}
        open_seqs: list[list[Any]] = []  # [start (line, column), start index, end index so far]
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            assert event.start_mark is not None and event.end_mark is not None  # set on every event
            start = (event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, yaml.ScalarEvent):
                self.spans[start] = (event.start_mark.index, event.end_mark.index, event.style)
                for seq in open_seqs:
                    seq[2] = event.end_mark.index
            elif isinstance(event, yaml.SequenceStartEvent):
                open_seqs.append([start, event.start_mark.index, event.start_mark.index])
            elif isinstance(event, yaml.SequenceEndEvent):
                at, begin, end = open_seqs.pop()
                self.spans.setdefault(at, (begin, end, "[]"))  # a sequence: to its last scalar

    def span(self, path: yaml_reader.Path_) -> Optional[tuple[int, int, Optional[str]]]:
        at = self.smap.values.get(path)
        return self.spans.get(at) if at else None

    def replace(self, path: yaml_reader.Path_, value: str, count: bool = False) -> None:
        found = self.span(path)
        if found is None or found[2] == "[]":
            return
        start, end, style = found
        plain = re.fullmatch(r"[\w][\w .'()/-]*", value) and yaml_reader.reads_as_text(value)
        new = value if plain else json.dumps(value, ensure_ascii=False)  # `init Null`: "Null"
        if style in ("|", ">") and self.text[start:end].endswith("\n"):
            new += "\n"  # a block scalar's extent takes its line break with it
        self.edits[start] = (end, new)
        self.blanks += count
        if count:
            self.old.add(self.text[start:end].strip().strip("'\""))

    def blank_list(self, path: yaml_reader.Path_, items: Any, marker: str) -> None:
        found = self.span(path)
        if found is None or found[2] != "[]" or not isinstance(items, list) or not items:
            return
        start, end, _ = found
        indent = " " * (self.smap.values[path][1] - 1)
        first = items[0] if isinstance(items[0], dict) else {}
        extra = "".join(f"\n{indent}  jenis: desa" for k in ("jenis",) if k in first)
        self.edits[start] = (end, f"- nama: {json.dumps(marker, ensure_ascii=False)}{extra}")
        self.blanks += 1

    def rename(self, old: str, new: str, data: Any) -> None:
        """The old kecamatan's name, as a word, in every text value (sumber_data, teks, tempat)."""
        pattern = re.compile(rf"\b({re.escape(old)}|{re.escape(old.upper())})\b")
        for path in self.smap.values:
            found = self.span(path)
            if found is None or found[2] == "[]" or not isinstance(yaml_reader.value_at(data, path), str):
                continue
            start, end, style = found
            piece = self.text[start:end]
            word = new.replace("'", "''") if style == "'" else new  # quoting rule of the scalar

            def cased(m: re.Match[str], w: str = word) -> str:  # an upper-case name stays upper-case
                return w.upper() if m.group(1).isupper() else w

            changed = pattern.sub(cased, piece)
            if changed != piece:
                self.edits.setdefault(start, (end, changed))

    def apply(self) -> str:
        out, last = [], 0
        for start in sorted(self.edits):
            end, new = self.edits[start]
            if start < last:
                continue  # inside a value already replaced whole (a desa named like the kecamatan)
            out.append(self.text[last:start])
            out.append(new)
            last = end
        text = "".join(out) + self.text[last:]
        old = [value for value in self.old if len(value) >= 4]
        return "".join(line for line in text.splitlines(keepends=True)
                       if not (line.lstrip().startswith("#") and any(value in line for value in old)))


def _measures(data: Any) -> list[yaml_reader.Path_]:
    paths: list[yaml_reader.Path_] = [("indikator", i) for i, _ in enumerate(data.get("indikator") or [])]
    for i, t in enumerate(data.get("tujuan") or []):
        paths += [("tujuan", i, "indikator", k) for k, _ in enumerate((t or {}).get("indikator") or [])]
    return paths


def _schema_for(target: Path) -> str:
    """The schema line's path: the repository's schema in a source checkout; otherwise the
    installed version's schema, written beside the new spec (kept if one is already there)."""
    if schema_file().exists():
        return os.path.relpath(schema_file(), target.parent.resolve())
    beside = target.parent / "ikugen.schema.json"
    if not beside.exists():
        from ikugen.spec.json_schema import schema_text

        beside.write_text(schema_text(), encoding="utf-8")
    return beside.name


def _header(name: str, example: Path, target: Path) -> str:
    return (f"# yaml-language-server: $schema={_schema_for(target)}\n#\n"
            f"# IKU Kecamatan {name}: dibuat dengan `ikugen init` dari {example.name}.\n"
            "# Setiap nilai \"ISI: ...\" adalah tempat kosong: ganti dengan data kecamatan ini;\n"
            "# `ikugen validate` melaporkannya sampai terisi. Komentar lain di bawah berasal dari\n"
            "# contoh itu dan menjelaskan contoh itu: sesuaikan atau hapus.\n")


def _body(text: str) -> str:
    """The example without its opening comments (they describe the example, not this spec)."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
        i += 1
    return "\n" + "".join(lines[i:])
