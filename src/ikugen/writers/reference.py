"""An office's reference document, read with bounds and reduced to what ikugen takes from it.

A reference document gives styles, numbering, theme, fonts and settings. Anything else in it
would be copied into every generated DOCX: an attached template (a remote .dotm Word fetches on
opening), external relationships, macros, embedded objects. So the package is rebuilt from an
allow-list of parts and relationship types; external relationships and `w:attachedTemplate`
are dropped, and an XML part that declares a DTD (the road to entity expansion) is refused.

Reading is bounded too: only a regular file (a named pipe would block, /dev/zero would never
end), at most `MAX_BYTES` on disk and `MAX_UNPACKED` unpacked (a small zip may hold a huge part).
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import zipfile
from pathlib import Path

from lxml import etree

from ikugen.errors import IkugenError, os_reason

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 64 * 1024 * 1024

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# What the document part may keep, and what the package keeps beside it.
_DOCUMENT_RELS = {_R + t for t in ("styles", "numbering", "theme", "fontTable", "settings", "webSettings",
                                   "customXml")} | {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_PACKAGE_RELS = {_R + "officeDocument", _R + "extended-properties",
                 "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"}
_OWN_RELS = {"customXml": {_R + "customXmlProps"}}  # a customXml item's own properties part
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _not_docx(path: Path) -> IkugenError:
    return IkugenError(f"dokumen acuan {path} bukan dokumen Word (.docx) yang dapat dibaca; simpan ulang "
                       "dari Word sebagai .docx, atau buang --reference-doc")


def _refuse(path: Path, why: str) -> IkugenError:
    return IkugenError(f"dokumen acuan {path} tidak dipakai: {why}; simpan ulang dari Word sebagai "
                       ".docx, atau buang --reference-doc")


def read_reference(path: Path) -> io.BytesIO:
    """The reference document's package, rebuilt from what ikugen takes from it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "bukan berkas biasa (pipa, perangkat atau folder)")
        if info.st_size > MAX_BYTES:
            raise _refuse(path, f"lebih dari {MAX_BYTES // (1024 * 1024)} MiB")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _refuse(path, os_reason(exc)) from None
    return io.BytesIO(_rebuilt(path, raw))  # a stream of its own for each document


_last: tuple[bytes, bytes] = (b"", b"")


def _rebuilt(path: Path, raw: bytes) -> bytes:
    """The package rebuilt from the reference document `raw`; once for the same bytes (a batch
    reads one reference for every document)."""
    global _last
    last, package = _last  # read once: another thread may read another reference meanwhile
    if last == raw and package:
        return package
    try:
        source = zipfile.ZipFile(io.BytesIO(raw))
        entries = source.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise _not_docx(path) from None
    if sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise _refuse(path, f"isinya lebih dari {MAX_UNPACKED // (1024 * 1024)} MiB setelah dibuka")
    names = {e.filename for e in entries}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise _not_docx(path)
    out = io.BytesIO()
    # Stored, not deflated: python-docx reads it back at once and writes its own package.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name, data in _kept_parts(path, source, names).items():
            target.writestr(name, data)
    package = out.getvalue()
    _last = (raw, package)
    return package


def _kept_parts(path: Path, source: zipfile.ZipFile, names: set[str]) -> dict[str, bytes]:
    kept: dict[str, bytes] = {}

    def part(name: str) -> etree._Element:
        """A part parsed, to look into it; one kept as it is keeps its own bytes (see `keep`)."""
        data = source.read(name)
        if b"<!DOCTYPE" in data.upper():  # markup only: in text it would be written &lt;!DOCTYPE
            raise _refuse(path, f"bagian {name} memuat DTD (deklarasi entitas)")
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            raise _refuse(path, f"bagian {name} bukan XML yang sah") from None

    def follow(rels_name: str, owner: str, allowed: set[str]) -> None:
        """Keep `owner`'s relationships of the allowed types (never external), and their targets."""
        if rels_name not in names:
            return
        rels = part(rels_name)
        base = posixpath.dirname(owner)
        dropped = False
        for rel in list(rels):
            target = posixpath.normpath(posixpath.join(base, rel.get("Target", "")))
            if (rel.get("Type") not in allowed or rel.get("TargetMode") == "External"
                    or target not in names):
                rels.remove(rel)
                dropped = True
                continue
            keep(target, _without_attached_template(target, part(target)))
            folder = target.split("/")[0]
            follow(posixpath.join(posixpath.dirname(target), "_rels", posixpath.basename(target) + ".rels"),
                   target, _OWN_RELS.get(folder, set()))
        keep(rels_name, rels if dropped else None)

    def keep(name: str, changed: etree._Element | None) -> None:
        kept[name] = source.read(name) if changed is None else etree.tostring(
            changed, xml_declaration=True, encoding="UTF-8", standalone=True)

    part("word/document.xml")
    keep("word/document.xml", None)
    follow("_rels/.rels", "", _PACKAGE_RELS)
    follow("word/_rels/document.xml.rels", "word/document.xml", _DOCUMENT_RELS)
    types = part("[Content_Types].xml")
    unused = [o for o in types
              if o.get("PartName") is not None and o.get("PartName", "").lstrip("/") not in kept]
    for override in unused:
        types.remove(override)
    keep("[Content_Types].xml", types if unused else None)
    return kept


def _without_attached_template(name: str, tree: etree._Element) -> etree._Element | None:
    """A settings part without its attached template (fetched by Word on opening), or None when
    the part is kept as it is."""
    found = tree.findall(f"{{{_W}}}attachedTemplate") if name == "word/settings.xml" else []
    for element in found:
        tree.remove(element)
    return tree if found else None
