"""Pictures a spec may name (the regency's emblem): PNG or JPEG, of a sane size, or a clear error."""

from __future__ import annotations

from pathlib import Path

from .errors import IkugenError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def checked_image(path: Path) -> Path:
    """The path, once it is known to be a PNG or JPEG file python-docx can place."""
    shown = str(path)
    if not path.is_file():
        what = "bukan berkas biasa" if path.exists() else "tidak ditemukan"
        raise IkugenError(f"gambar {shown} {what}")
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise IkugenError(f"gambar {shown} terlalu besar ({size // 1024} KiB; batas "
                          f"{MAX_IMAGE_BYTES // 1024 // 1024} MiB)")
    with path.open("rb") as handle:
        head = handle.read(8)
    if not any(head.startswith(sig) for sig in _SIGNATURES):
        raise IkugenError(f"gambar {shown} bukan PNG atau JPEG; simpan ulang lambang sebagai PNG atau JPEG")
    try:
        from docx.image.image import Image

        Image.from_file(str(path))
    except Exception:  # python-docx raises bare or empty errors for damaged pictures
        raise IkugenError(f"gambar {shown} rusak atau tidak dapat dibaca") from None
    return path
