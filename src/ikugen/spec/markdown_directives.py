"""The directives of ikugen's Markdown, `<!-- ikugen:NAME ARGS -->`, and what their arguments may be.

One grammar for both places directives come from: the templates, read by the DOCX writer, and a
spec's own Markdown texts, checked when the spec is loaded (checks/markdown.py). Both give the
same message for the same directive, so `validate` and `build` tell a user the same thing.
docs/markdown.md lists the directives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ikugen.errors import shorten

# A whole HTML block that is one directive (the writer strips the block first).
DIRECTIVE = re.compile(r"^<!--\s*ikugen:(\S+)\s*(.*?)\s*-->$", re.S)
KNOWN = ("halaman-baru", "bagian", "daftar-isi", "gaya", "/gaya", "daftar")
NUMBER_FORMATS = ("romawi", "arab")
ORIENTATIONS = ("tegak", "lanskap")
LIST_KINDS = ("angka", "huruf", "butir")  # the writer defines how each looks (docx_parts.py)
# A style name goes into the XML as written: letters, digits, _ and - only.
_STYLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,60}$")


@dataclass(frozen=True)
class Directive:
    name: str
    args: str
    params: dict[str, str]  # the `key=value` words of args


def parse(html: str) -> Optional[Directive]:
    """The directive an HTML block is, or None when it is other HTML."""
    found = DIRECTIVE.match(html)
    if found is None:
        return None
    name, args = found.group(1), found.group(2)
    return Directive(name, args, dict(part.split("=", 1) for part in args.split() if "=" in part))


def wrong(directive: Directive) -> Optional[str]:
    """Why a directive cannot be followed (the whole message), or None when it is valid."""
    name, args, params = directive.name, directive.args, directive.params
    if name not in KNOWN:
        return f"arahan templat tidak dikenal: ikugen:{name}"
    reason = None
    if name == "bagian":
        start = params.get("mulai", "1")
        if params.get("nomor", "arab") not in NUMBER_FORMATS:
            reason = "nomor harus romawi atau arab"
        elif not (start.isascii() and start.isdigit()) or len(start) > 5:  # "²" is a digit to Python
            reason = "mulai harus bilangan bulat, mis. mulai=1"
        elif params.get("orientasi", "tegak") not in ORIENTATIONS:
            reason = "orientasi harus tegak atau lanskap"
        elif params.get("pertama", "polos") != "polos":
            reason = "pertama hanya boleh polos (halaman pertama bagian tanpa nomor halaman)"
    elif name == "gaya" and args and not _STYLE_NAME.match(args):
        reason = "nama gaya hanya huruf, angka, _ dan -"
    elif name == "daftar" and args and args not in LIST_KINDS:
        reason = "jenis daftar: " + ", ".join(LIST_KINDS)
    if reason is None:
        return None
    shown = shorten(f"<!-- ikugen:{name} {args} -->", 80)
    return f"arahan {shown} di templat atau teks Markdown tidak sah: {reason}"
