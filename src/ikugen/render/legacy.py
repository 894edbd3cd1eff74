"""Office templates of 0.1 that read the spec's model (`spek.profil.visi`): they still build in
0.2, with a warning (IKU020) at each use naming the View field to read instead.

Templates see only the View (`doc`). The render passes `spek` as well only when a template of
the office's folder (--templates) uses it (`uses_spek`); the packaged templates never do. The
warnings are `problems(folder)`, one per use, at the template's file, line and column; the
command prints them with the spec's own warnings (and `--strict` refuses to build on them).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import jinja2
from jinja2 import nodes

from ikugen.errors import Problem

CODE = "IKU020"
MAX_ENTRIES = 5_000  # files looked at in an office's folder

# A use of the spec's part on the left: read the View's field on the right instead. A part not
# listed is looked up by its first part; the rest of a use (`.utara`, `[0].nama`) is kept after a
# field marked with "*", whose records keep the spec's names.
FIELDS: dict[tuple[str, ...], str] = {
    ("profil", "kecamatan"): "doc.kecamatan",
    ("profil", "kabupaten"): "doc.kabupaten",
    ("profil", "jenis_daerah"): "doc.jenis_daerah",
    ("profil", "provinsi"): "doc.provinsi",
    ("profil", "alamat"): "doc.alamat",
    ("profil", "jumlah_kecamatan"): "doc.jumlah_kecamatan",
    ("profil", "batas"): "doc.batas*",
    ("profil", "visi"): "doc.visi",
    ("profil", "misi"): "doc.misi*",
    ("profil", "landasan_hukum"): "doc.landasan_hukum*",
    ("profil", "logo"): "doc.logo",
    ("profil",): "doc.kecamatan, doc.daerah, doc.provinsi, doc.visi, doc.misi, ...",
    ("pimpinan", "nama"): "doc.nama_camat",
    ("pimpinan", "nip"): "doc.nip",
    ("pimpinan", "pangkat"): "doc.pangkat",
    ("pimpinan", "golongan"): "doc.pangkat",
    ("pimpinan",): "doc.nama_camat, doc.pangkat, doc.nip",
    ("dokumen", "jenis"): "doc.perubahan",
    ("dokumen", "periode"): "doc.periode, doc.tahun",
    ("dokumen", "tempat"): "doc.tempat",
    ("dokumen", "tanggal"): "doc.tanggal",
    ("dokumen", "nomor"): "doc.nomor_keputusan",
    ("dokumen",): "doc.periode, doc.tanggal, doc.tempat, doc.nomor_keputusan, doc.perubahan",
    ("wilayah",): "doc.wilayah*",
    ("organisasi",): "doc.jabatan_urut (p.jabatan)",
    ("tujuan",): "doc.tujuan*",
    ("sasaran",): "doc.sasaran*",
    ("indikator",): "doc.baris_iku (r.indikator)",
    ("teks", "menimbang"): "doc.menimbang*",
    ("teks", "diktum"): "doc.diktum*",
    ("teks",): "doc.teks*",
    ("susunan",): "bab",
}


@dataclass(frozen=True)
class Use:
    """`spek` read by a template: where, and the part read (`.profil.visi`, `.teks[nama]`)."""

    file: str
    line: int
    column: int
    path: str
    keys: tuple[str, ...]  # the names in `path`, the first ones up to a computed index

    def field(self) -> str:
        """The View's field to read instead: 'doc.visi', 'doc.batas.utara', 'doc.teks[nama]'."""
        for size in range(len(self.keys), 0, -1):
            found = FIELDS.get(self.keys[:size])
            if found is not None:
                if not found.endswith("*"):
                    return found
                rest = self.path
                for key in self.keys[:size]:  # what follows the keys of the match, as written
                    rest = rest[rest.index(key) + len(key):]
                return found[:-1] + rest
        return "doc"

    def problem(self) -> Problem:
        return Problem(self.file, self.line, self.column, "peringatan", CODE,
                       f"templat memakai spek{self.path} (model spesifikasi), yang tidak diberikan "
                       "lagi pada versi berikutnya", hint=f"pakai {self.field()}")


def uses_spek(folder: Optional[Path]) -> bool:
    """Whether a template of an office's folder reads `spek` (the render then passes it)."""
    return bool(folder and uses(folder))


def problems(folder: Optional[Path]) -> list[Problem]:
    """IKU020 at every use of `spek` in the office's templates (none for the packaged ones)."""
    return sorted(u.problem() for u in uses(folder)) if folder else []


def uses(folder: Path) -> list[Use]:
    """Every use of `spek` in the templates (`*.j2`) of `folder`, by file and position."""
    found: list[Use] = []
    for name in _templates(folder):
        path = os.path.join(str(folder), name)
        try:
            stat = os.stat(path)
        except OSError:
            continue
        found += _uses_in(path, stat.st_mtime_ns, stat.st_size)
    return found


def _templates(folder: Path) -> list[str]:
    """The templates of a folder (relative, with /), as the render finds them: hidden folders
    (.git) left out, and a folder given by mistake (a home folder) not walked whole."""
    names: list[str] = []
    seen = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            seen += 1
            if seen > MAX_ENTRIES:
                return names
            if name.endswith(".j2"):
                names.append(Path(os.path.relpath(os.path.join(root, name), folder)).as_posix())
    return names


@lru_cache(maxsize=256)
def _uses_in(filename: str, mtime: int, size: int) -> tuple[Use, ...]:
    """The uses in one template (cached while the file is unchanged: a batch renders many specs).

    A template that cannot be read or parsed has none: its render reports it at its line."""
    try:
        source = Path(filename).read_text(encoding="utf-8")
        tree = jinja2.Environment().parse(source)  # parsed only: never compiled, never run
    except (OSError, UnicodeDecodeError, jinja2.TemplateError, RecursionError):
        return ()
    if any(n.name == "spek" and n.ctx != "load" for n in tree.find_all(nodes.Name)):
        return ()  # a name the template sets itself (set, for, a macro's parameter)
    lines = source.splitlines()
    taken: set[tuple[int, int]] = set()
    out = []
    for line, path, keys in _reads(tree):
        out.append(Use(filename, line, _column(lines, line, path, taken), path, keys))
    return tuple(out)


_SPEK = re.compile(r"(?<![\w.])spek\b\s*")


def _column(lines: list[str], line: int, path: str, taken: set[tuple[int, int]]) -> int:
    """The column of a use on its line: the first `spek` not yet taken that goes on exactly as
    `path` (then as its start: `.profil`, `[`); else the first one not yet taken; else 1."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    free = [m for m in _SPEK.finditer(text) if (line, m.start()) not in taken]
    first = re.match(r"\.\w+|\[", path)

    def goes_on(m: re.Match[str], start: str, whole: bool) -> bool:
        end = m.end() + len(start)
        return text.startswith(start, m.end()) and not (whole and re.match(r"[\w.\[]", text[end:end + 1]))

    best = next((m for m in free if goes_on(m, path, True)), None) \
        or next((m for m in free if goes_on(m, first.group() if first else "", False)), None) \
        or (free[0] if free else None)
    if best is None:
        return 1
    taken.add((line, best.start()))
    return best.start() + 1


def _reads(tree: nodes.Template) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, '.profil.visi', ('profil', 'visi')) for each read of `spek`, in the template's order."""
    out: list[tuple[int, str, tuple[str, ...]]] = []
    stack: list[nodes.Node] = [tree]
    while stack:
        node = stack.pop()
        base, parts, keys = node, [], []
        while isinstance(base, (nodes.Getattr, nodes.Getitem)):  # outermost first: `.utara`, ...
            if isinstance(base, nodes.Getattr):
                parts.append("." + base.attr)
                keys.append(base.attr)
            elif isinstance(base.arg, nodes.Const) and isinstance(base.arg.value, str):
                parts.append(f'["{base.arg.value}"]')
                keys.append(base.arg.value)
            else:
                parts.append("[" + _shown(base.arg) + "]")
                keys.clear()  # the parts after a computed index are not the spec's names
                stack.append(base.arg)
            base = base.node
        if isinstance(base, nodes.Name) and base.name == "spek" and base.ctx == "load":
            out.append((base.lineno, "".join(reversed(parts)), tuple(reversed(keys))))
        elif base is node:
            stack.extend(reversed(list(node.iter_child_nodes())))
        else:
            stack.append(base)
    return out


def _shown(node: nodes.Node) -> str:
    """An index as a template writes it, when it is a plain name or number; else '...'."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const) and isinstance(node.value, int):
        return str(node.value)
    return "..."
