"""What a file must be before a reader opens it: a known kind, not too big, not a zip bomb.

Every refusal is a `BadDocument` with an Indonesian message; nothing has been written then.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ikugen.errors import IkugenError

MAX_FILE = 50 * 1024 * 1024        # bytes of the document itself
MAX_UNPACKED = 200 * 1024 * 1024   # all members of a .docx/.odt, unpacked
MAX_MEMBER_XML = 16 * 1024 * 1024  # one XML part (the body), unpacked: some 1,500 pages of text
MAX_RATIO = 150                    # unpacked / packed of one member: more is a bomb
MAX_MEMBERS = 5_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, and every password-protected .docx
SUFFIXES = (".docx", ".doc", ".odt", ".pdf")


class BadDocument(IkugenError):
    """The input cannot be read as an IKU document; the message says why, in Bahasa Indonesia."""


def kind(path: Path) -> str:
    """The file's kind ("docx", "doc", "odt" or "pdf") from its suffix and its first bytes."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise BadDocument("bukan dokumen yang dapat diimpor; pakai berkas .docx, .doc, .odt atau .pdf")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise BadDocument(f"tidak dapat dibaca ({exc.strerror or exc})") from None
    if size == 0:
        raise BadDocument("berkas kosong")
    if size > MAX_FILE:
        raise BadDocument(f"berkas lebih dari {MAX_FILE // (1024 * 1024)} MiB; terlalu besar untuk diimpor")
    if suffix in (".docx", ".odt") and head == OLE_MAGIC:
        raise BadDocument("dokumen dilindungi kata sandi (terenkripsi); buka di Word, hapus kata "
                          "sandinya, simpan, lalu impor lagi")
    if suffix in (".docx", ".odt"):
        if not head.startswith(b"PK"):
            raise BadDocument(f"bukan berkas {suffix} yang utuh (isinya bukan dokumen Office)")
        check_zip(path, "word/document.xml" if suffix == ".docx" else "content.xml")
    elif suffix == ".doc" and head != OLE_MAGIC:
        raise BadDocument("bukan berkas Word 97-2003 (.doc) yang utuh")
    elif suffix == ".pdf" and not head.startswith(b"%PDF"):
        raise BadDocument("bukan berkas PDF yang utuh")
    return suffix[1:]


def check_zip(path: Path, body: str) -> None:
    """A .docx or .odt: a whole zip, unencrypted, holding `body`, of bounded unpacked size."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise BadDocument(f"berisi lebih dari {MAX_MEMBERS} bagian; bukan dokumen biasa")
            total = 0
            for member in members:
                if member.flag_bits & 0x1:
                    raise BadDocument("dokumen dilindungi kata sandi (terenkripsi); hapus kata sandinya "
                                      "lalu impor lagi")
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if ratio > MAX_RATIO and member.file_size > 1024 * 1024:
                    raise BadDocument("isi berkas mengembang berlipat-lipat saat dibuka (bom zip); ditolak")
                if member.filename.endswith(".xml") and member.file_size > MAX_MEMBER_XML:
                    raise BadDocument(f"bagian {member.filename} lebih dari "
                                      f"{MAX_MEMBER_XML // (1024 * 1024)} MiB; terlalu besar untuk diimpor")
            if total > MAX_UNPACKED:
                raise BadDocument("isi berkas terlalu besar saat dibuka (lebih dari "
                                  f"{MAX_UNPACKED // (1024 * 1024)} MiB); ditolak")
            names = {m.filename for m in members}
            if body not in names:
                if "EncryptionInfo" in names or "META-INF/manifest.xml" in names and _odf_encrypted(archive):
                    raise BadDocument("dokumen dilindungi kata sandi (terenkripsi)")
                raise BadDocument(f"bukan dokumen Word/ODT: bagian {body} tidak ada")
            if body == "content.xml" and _odf_encrypted(archive):
                raise BadDocument("dokumen dilindungi kata sandi (terenkripsi); hapus kata sandinya "
                                  "lalu impor lagi")
            bad = archive.testzip()  # reads every member: CRC and truncation inside the data
            if bad is not None:
                raise BadDocument(f"berkas rusak: bagian {bad} tidak utuh")
    except zipfile.BadZipFile:
        raise BadDocument("berkas rusak atau terpotong (arsip dokumen tidak utuh)") from None
    except (EOFError, zipfile.LargeZipFile, NotImplementedError, ValueError, zlib.error):
        raise BadDocument("berkas rusak atau terpotong (arsip dokumen tidak utuh)") from None


def _odf_encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return False
    return b"encryption-data" in manifest
