"""The draft spec as it is written: values with the place they were read from, blanks for what
was not found, and the YAML text with a comment on every imported value."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Optional, Union

from ikugen.checks.blanks import blank
from ikugen.spec.yaml_reader import reads_as_text


@dataclass(frozen=True)
class V:
    """One imported value and where it came from ("tabel 3, baris 2", "paragraf 41")."""

    value: Union[str, int]
    place: str
    note: str = ""  # said after the place: how it was read ("dibaca sebagai ...")


@dataclass(frozen=True)
class Blank:
    """A value that was not found: written as "ISI: <what>", reported by validate (IKU710)."""

    what: str


@dataclass(frozen=True)
class Note:
    """A comment line of its own in a mapping or a list (a value that could not be mapped)."""

    text: str


Node = Union[V, Blank, Note, "dict[str, Any]", "list[Any]"]
_AMBIGUOUS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"[A-Za-z][\w .,'()/-]*[\w.)]|[A-Za-z]")
WIDTH = 100


def nilai(text: str, place: str) -> Optional[V]:
    """A target or baseline cell as the spec's Nilai: "-" and empty are none; "1.000" (Word's
    thousands) becomes 1000, said in the comment."""
    text = " ".join(text.split())
    if text in ("", "-", "–", "—"):
        return None
    if _AMBIGUOUS.match(text):
        return V(text.replace(".", ""), place, f"tertulis {text}, dibaca sebagai ribuan")
    return V(text[:300], place)


def emit(node: dict[str, Any]) -> str:
    out: list[str] = []
    _mapping(node, 0, out, first_prefix=None)
    return "\n".join(out) + "\n"


def plain(node: Any) -> Any:
    """The draft as the data its YAML reads back to: values, blanks as "ISI: ...", no notes."""
    if isinstance(node, V):
        return node.value
    if isinstance(node, Blank):
        return blank(node.what)
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items() if v is not None and not isinstance(v, Note)}
    if isinstance(node, list):
        return [plain(v) for v in node if not isinstance(v, Note)]
    return node


def count_blanks(node: Any) -> int:
    if isinstance(node, Blank):
        return 1
    if isinstance(node, dict):
        return sum(count_blanks(v) for v in node.values())
    if isinstance(node, list):
        return sum(count_blanks(v) for v in node)
    return 0


def _scalar(node: Union[V, Blank]) -> tuple[str, str]:
    if isinstance(node, Blank):
        return json.dumps(blank(node.what), ensure_ascii=False), "tidak ditemukan di dokumen"
    value = node.value
    if isinstance(value, int):
        text = str(value)
    elif _PLAIN.fullmatch(value) and reads_as_text(value):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    return text, node.place + (f"; {node.note}" if node.note else "")


def _folded(value: str, indent: int) -> list[str]:
    """A long text as the lines of a folded block scalar (">-"), cut at spaces."""
    lines, line = [], ""
    for word in value.split(" "):
        if line and len(line) + 1 + len(word) > WIDTH - indent:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [" " * indent + x for x in lines]


def _markdown_lines(value: str, indent: int) -> list[str]:
    """Markdown as the lines of a literal block: a long line cut at spaces (Markdown joins them
    again), a list item's further lines under its text so they stay in the item."""
    out = []
    for line in value.split("\n"):
        if not line:
            out.append("")
            continue
        marker = re.match(r"^(\d{1,3}\. |- )", line)
        wrapped = _folded(line, indent)
        out.append(wrapped[0])
        out.extend(" " * (len(marker.group(1)) if marker else 0) + x for x in wrapped[1:])
    return out


def _long(node: Any) -> bool:
    return (isinstance(node, V) and isinstance(node.value, str) and len(node.value) > WIDTH - 30
            and node.value == " ".join(node.value.split()) and not node.value.startswith(("#", "-", ">")))


def _line(indent: int, head: str, node: Any, out: list[str]) -> bool:
    """Write `head` with a scalar on one line; False when `node` is not a scalar."""
    if isinstance(node, (V, Blank)):
        text, comment = _scalar(node)
        out.append(f"{' ' * indent}{head} {text}  # {comment}" if comment else f"{' ' * indent}{head} {text}")
        return True
    return False


def _mapping(node: dict[str, Any], indent: int, out: list[str], first_prefix: Optional[str]) -> None:
    first = True
    for key, value in node.items():
        if value is None or value == [] or value == {}:
            continue
        pad = indent
        head_indent = " " * indent
        if first and first_prefix is not None:
            head_indent = first_prefix
        first = False
        if isinstance(value, Note):
            out.append(f"{head_indent}# {value.text}")
            continue
        head = f"{key}:"
        if isinstance(value, V) and isinstance(value.value, str) and "\n" in value.value:
            # Markdown of several paragraphs (teks): a literal block, its lines as written.
            out.append(f"{head_indent}{head} |-  # {_scalar(value)[1]}")
            out.extend(_markdown_lines(value.value, pad + 2))
        elif _long(value):
            out.append(f"{head_indent}{head} >-  # {_scalar(value)[1]}")
            out.extend(_folded(str(value.value), pad + 2))
        elif isinstance(value, (V, Blank)):
            text, comment = _scalar(value)
            out.append(f"{head_indent}{head} {text}" + (f"  # {comment}" if comment else ""))
        elif isinstance(value, dict):
            out.append(f"{head_indent}{head}")
            _mapping(value, pad + 2, out, None)
        else:
            out.append(f"{head_indent}{head}")
            _sequence(value, pad + 2, out)


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    for value in items:
        if isinstance(value, Note):
            out.append(f"{' ' * indent}# {value.text}")
        elif isinstance(value, dict):
            _mapping(value, indent + 2, out, first_prefix=" " * indent + "- ")
        elif _long(value):
            out.append(f"{' ' * indent}- >-  # {_scalar(value)[1]}")
            out.extend(_folded(str(value.value), indent + 2))
        elif not _line(indent, "-", value, out):
            raise TypeError(f"cannot write {type(value).__name__} in a list")
