"""Read a spec file into plain data, and remember where in the file each value was written.

The data is built straight from PyYAML's event stream, with an explicit stack: nothing recurses,
so depth is checked before it can hurt (PyYAML's composer segfaults on deep nesting), aliases
are counted as they expand (an alias bomb is refused, not expanded), duplicate keys are errors,
and only `true`/`false`/`null` are resolved: every other plain scalar stays a string and the
model converts it by field type (so `NO`, `012`, `12:30` and an unquoted NIP stay as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import yaml

from ikugen.errors import Problem, SpecError, shorten
from ikugen.spec.text import MAX_BYTES as MAX_BYTES  # re-exported: part of this module's API
from ikugen.spec.text import read_text as read_text
from ikugen.spec.yaml_messages import translate

MAX_DEPTH = 40
MAX_NODES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_STR_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}
_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# What YAML 1.1 would read as a number; kept as text here, but worth a warning for identifiers.
NUMBER_LIKE = re.compile(r"^[-+]?(\d[\d_]*(\.[\d_]*)?([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|\d+(:[0-5]?\d)+)$")

Path_ = tuple[Union[str, int], ...]  # a path into the data: keys (str) and list indexes (int)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of one file was written, 1-based."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    plain_numbers: set[Path_] = field(default_factory=set)
    # Paths written in another file than `file` (values inherited through `dasar`): that file.
    files: dict[Path_, str] = field(default_factory=dict)

    def locate(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """The place of `loc`, or of its nearest written ancestor (a missing field: its parent)."""
        return self.origin(loc, key=key)[1:]

    def origin(self, loc: Path_, *, key: bool = False) -> tuple[str, int, int]:
        """Like `locate`, with the file the value was written in."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return (self.files.get(loc, self.file), *self.keys[loc])
        while loc:
            if loc in self.values:
                return (self.files.get(loc, self.file), *self.values[loc])
            loc = loc[:-1]
        return (self.file, *self.values.get((), (1, 1)))

    def problem(self, loc: Path_, code: str, message: str, *, hint: Optional[str] = None,
                severity: str = "galat", key: bool = False) -> Problem:
        file, line, column = self.origin(loc, key=key)
        return Problem(file, line, column, severity, code, message, hint)  # type: ignore[arg-type]


def load(path: Path, shown: Optional[str] = None) -> tuple[Any, SourceMap]:
    """Parse a spec file into (data, source map); raise SpecError/UsageError with every place."""
    shown = shown if shown is not None else str(path)
    text = read_text(path, shown)
    return parse(text, shown)


def parse(text: str, shown: str) -> tuple[Any, SourceMap]:
    """A spec's text: a mapping at the top, or SpecError."""
    data, smap = parse_data(text, shown)
    if data is None:
        raise SpecError([Problem(shown, 1, 1, "galat", "IKU003",
                                 "berkas kosong: tidak ada isi spesifikasi",
                                 "salin salah satu contoh di folder examples/ sebagai awal")])
    if not isinstance(data, dict):
        raise SpecError([smap.problem((), "IKU003",
                                      "isi berkas harus berupa pemetaan (kunci: nilai) di tingkat "
                                      f"teratas, bukan {kind_name(data)}")])
    return data, smap


def parse_data(text: str, shown: str) -> tuple[Any, SourceMap]:
    """Any YAML data file (a spec, or a template folder's data), with the same safety."""
    smap = SourceMap(shown)
    problems: list[Problem] = []
    try:
        data = _build(yaml.parse(text, Loader=_Loader), smap, problems)
    except yaml.YAMLError as exc:
        problems.append(_limit_before(exc, text, shown) or translate(exc, text, shown))
        raise SpecError(problems) from None
    except _Fatal as fatal:
        problems.append(fatal.problem)
        raise SpecError(problems) from None
    if problems:
        raise SpecError(problems)
    return data, smap


def _limit_before(exc: yaml.YAMLError, text: str, shown: str) -> Optional[Problem]:
    """One of ikugen's limits, when it is crossed before the place where PyYAML gave up.

    PyYAML reads up to 1,024 characters ahead in a flow collection before it hands out the
    first event, and since 6.0.4 libyaml stops at 1,000 levels on its own: `[[[[...` would be
    reported by the parser, in English, a thousand columns past our 40th level. Reading the
    text before the parser's stop again finds the level (or the value count) where our limit
    was crossed, whatever the parser version.
    """
    mark = getattr(exc, "problem_mark", None)
    if mark is None or not 0 < mark.index <= len(text):
        return None
    try:
        _build(yaml.parse(text[: mark.index], Loader=_Loader), SourceMap(shown), [])
    except _Fatal as fatal:
        if fatal.problem.code in ("IKU007", "IKU008"):
            return fatal.problem
    except yaml.YAMLError:
        pass
    return None


def reads_as_text(plain: str) -> bool:
    """Whether `plain`, written without quotes, reads back as this text (not null, true/false or
    a number that YAML 1.1 tools would retype)."""
    return plain not in _NULL and plain not in _TRUE and plain not in _FALSE and not NUMBER_LIKE.match(plain)


def value_at(data: Any, path: Path_) -> Any:
    """The value at `path` in data built by this module, or None where the path leads nowhere."""
    node = data
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def kind_name(value: Any) -> str:
    if isinstance(value, dict):
        return "pemetaan"
    if isinstance(value, list):
        return "daftar"
    if value is None:
        return "nilai kosong"
    if isinstance(value, bool):
        return "nilai benar/salah"
    return f"teks '{shorten(value, 40)}'"


class _Fatal(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


@dataclass
class _Frame:
    container: Any
    path: Path_
    anchor: Optional[str]
    count: int = 1
    key: Optional[str] = None  # a mapping's key waiting for its value
    key_seen: dict[str, tuple[int, int]] = field(default_factory=dict)


# PyYAML's events and marks are Any here: the loop tells events apart by exact type (which mypy
# does not follow through `kind`), and the stubs make every mark Optional though parsing sets it.
def _build(events: Iterable[Any], smap: SourceMap, problems: list[Problem]) -> Any:
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    documents = 0
    total = 0
    root: Any = None

    def fatal(mark: Any, code: str, message: str, hint: Optional[str] = None) -> _Fatal:
        return _Fatal(Problem(smap.file, mark.line + 1, mark.column + 1, "galat", code, message, hint))

    def tag_refused(event: Any) -> _Fatal:
        # Shown as written (!!binary), not as the URI PyYAML expands it to.
        tag = event.tag
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag[len("tag:yaml.org,2002:"):]
        return fatal(event.start_mark, "IKU006",
                     f"tag YAML '{shorten(tag, 40)}' tidak diizinkan: spesifikasi hanya berisi "
                     "data (teks, angka, daftar, pemetaan)", "hapus tag itu")

    def is_key() -> bool:
        return bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is None

    def place(value: Any, mark: Any, count: int, plain_number: bool = False) -> Path_:
        """Put a value (or a mapping's key) into the open collection; return its path."""
        nonlocal root
        at = (mark.line + 1, mark.column + 1)
        if not stack:
            root = value
            smap.values[()] = at
            return ()
        top = stack[-1]
        top.count += count
        if isinstance(top.container, list):
            path = top.path + (len(top.container),)
            top.container.append(value)
        elif top.key is None:  # this value is a key
            if not isinstance(value, str):
                raise fatal(mark, "IKU004", "kunci pemetaan harus berupa teks biasa")
            if value == "<<":
                raise fatal(mark, "IKU004", "kunci gabungan YAML (<<) tidak didukung",
                            "tulis nilainya langsung")
            path = top.path + (value,)
            if value in top.key_seen:
                first = top.key_seen[value]
                problems.append(Problem(smap.file, *at, "galat", "IKU005",
                                        f"kunci '{shorten(value, 40)}' ditulis dua kali dalam satu "
                                        f"pemetaan (pertama di baris {first[0]})",
                                        "hapus atau gabungkan salah satunya"))
            else:
                top.key_seen[value] = at
                smap.keys[path] = at
            top.key = value
            return path
        else:
            path = top.path + (top.key,)
            if top.key not in top.container:
                top.container[top.key] = value
            top.key = None
        smap.values.setdefault(path, at)
        if plain_number:
            smap.plain_numbers.add(path)
        return path

    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.tag not in _STR_TAGS:
                raise tag_refused(event)
            value: Any = event.value
            plain = event.implicit[0] and event.tag is None
            if plain and not is_key():
                if value in _NULL:
                    value = None
                elif value in _TRUE or value in _FALSE:
                    value = value in _TRUE
            total += 1
            number = bool(plain and isinstance(value, str) and NUMBER_LIKE.match(value))
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            place(value, event.start_mark, 1, number)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise tag_refused(event)
            if len(stack) >= MAX_DEPTH:
                raise fatal(event.start_mark, "IKU007",
                            f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                            "periksa indentasi berkas")
            container: Any = {} if kind is yaml.MappingStartEvent else []
            total += 1
            if is_key():
                raise fatal(event.start_mark, "IKU004", "kunci pemetaan harus berupa teks biasa")
            path = place(container, event.start_mark, 0)
            stack.append(_Frame(container, path, event.anchor))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            if stack:
                stack[-1].count += frame.count
            if frame.anchor:
                anchors[frame.anchor] = (frame.container, frame.count)
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise fatal(event.start_mark, "IKU008",
                            f"alias *{shorten(event.anchor, 30)} belum didefinisikan atau merujuk "
                            "ke dirinya sendiri")
            value, count = anchors[event.anchor]
            total += count
            if total > MAX_NODES:
                raise fatal(event.start_mark, "IKU008",
                            f"alias menghasilkan terlalu banyak nilai (lebih dari {MAX_NODES:,}); "
                            "kemungkinan 'bom alias'".replace(",", "."),
                            "jangan memakai alias (*) bertingkat")
            place(value, event.start_mark, count)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fatal(event.start_mark, "IKU009",
                            "berkas memuat lebih dari satu dokumen YAML (pemisah ---)",
                            "satu berkas berisi satu kecamatan")
        if total > MAX_NODES:
            raise fatal(event.start_mark, "IKU008",
                        f"berkas memuat terlalu banyak nilai (lebih dari {MAX_NODES})")
    return root

