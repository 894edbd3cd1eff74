"""A spec file's bytes to text: size-limited, UTF-8 (with or without BOM) or UTF-16/32 with a
BOM, anything else refused with the line and column of the first bad byte.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from ikugen.errors import Problem, SpecError, UsageError, os_reason

MAX_BYTES = 2 * 1024 * 1024

def read_text(path: Path, shown: str) -> str:
    """The file's text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM; else a clear error."""
    if not path.exists():
        raise UsageError(f"{shown}: berkas tidak ditemukan")
    if path.is_dir():
        raise UsageError(f"{shown}: ini sebuah folder, bukan berkas spesifikasi YAML")
    try:
        info = path.stat()
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
            # /dev/zero would read as 2 MB of NULs, /dev/tty would wait for typing.
            raise UsageError(f"{shown}: bukan berkas biasa (perangkat atau soket), bukan spesifikasi YAML")
        size = info.st_size
        if size > MAX_BYTES:
            raise SpecError([Problem(shown, 1, 1, "galat", "IKU001",
                                     f"berkas terlalu besar ({size:,} byte; batas {MAX_BYTES:,} byte)"
                                     .replace(",", "."))])
        # Opened non-blocking: a named pipe nobody writes to would block open() forever; this way
        # it reads as empty. A pipe with a writer (`<(...)` in a shell) is read as it comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{shown}: berkas tidak dapat dibaca ({os_reason(exc)})") from None
    if len(raw) > MAX_BYTES:  # a device or a growing file: stat() said nothing useful
        raise SpecError([Problem(shown, 1, 1, "galat", "IKU001",
                                 f"berkas terlalu besar (lebih dari {MAX_BYTES} byte)")])
    return _decode(raw, shown)


# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(raw: bytes, shown: str) -> str:
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        line_start = raw.rfind(b"\n", 0, start) + 1
        # Columns count characters, as YAML's do: the bytes before the bad one decode.
        column = len(raw[line_start:start].decode(encoding, "replace")) + 1
        raise SpecError([Problem(
            shown, line, column, "galat", "IKU002",
            f"berkas bukan teks UTF-8 yang sah (byte 0x{raw[start]:02X} pada posisi ini)",
            "simpan ulang berkas dengan encoding UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8)",
        )]) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise SpecError([Problem(
            shown, line, offset - (text.rfind("\n", 0, offset) + 1) + 1, "galat", "IKU002",
            "berkas memuat karakter NUL; mungkin berkas biner atau UTF-16 tanpa BOM",
            "simpan ulang berkas sebagai teks UTF-8",
        )])
    return text
