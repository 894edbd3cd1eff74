"""Pictures a spec may name (the regency's emblem): PNG or JPEG, of a sane size, or a clear error.

python-docx fails on anything else with an empty message (SVG, WebP, an empty or truncated
file) and places a picture at the size it declares (a 74-byte PNG can declare 100,000 pixels
square, 1,389 inches). So a picture is checked here first and always sized to fit its box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from ikugen.errors import IkugenError, Problem, os_reason, shorten

MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
LOGO_CODE = "IKU013"


class ImageError(IkugenError):
    """A picture that cannot be placed; `reason` is the message without the picture's name."""

    def __init__(self, shown: str, reason: str):
        self.reason = reason
        super().__init__(f"gambar {shown} {reason}")


def checked_image(path: Path, shown: Optional[str] = None) -> Path:
    """The path, once it is known to be a PNG or JPEG file python-docx can place."""
    shown = shown or str(path)
    try:
        if not path.is_file():  # a folder, /dev/zero, a pipe: nothing to read a picture from
            raise ImageError(shown, "bukan berkas biasa" if path.exists() else "tidak ditemukan")
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ImageError(shown, f"terlalu besar ({size // 1024} KiB; batas "
                                    f"{MAX_IMAGE_BYTES // 1024 // 1024} MiB)")
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImageError(shown, f"tidak dapat dibaca ({os_reason(exc)})") from None
    if not any(head.startswith(sig) for sig in _SIGNATURES):
        raise ImageError(shown, "bukan PNG atau JPEG; simpan ulang gambar itu sebagai PNG atau JPEG "
                                "(format lain seperti SVG, WebP, GIF dan BMP tidak dapat dipakai)")
    try:
        from docx.image.image import Image

        image = Image.from_file(str(path))
        width, height = image.px_width, image.px_height
    except Exception:  # python-docx raises bare or empty errors for damaged pictures
        raise ImageError(shown, "rusak atau tidak dapat dibaca; simpan ulang sebagai PNG atau JPEG") from None
    if width <= 0 or height <= 0:
        raise ImageError(shown, f"berukuran {width} x {height} piksel; gambar itu rusak")
    return path


def fit(px_width: int, px_height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """Width and height (EMU) of a picture scaled to fit a box, keeping its proportions.

    The declared pixel count only sets the shape: a picture of any declared size fits.
    """
    scale = min(max_width / px_width, max_height / px_height)
    return max(1, round(px_width * scale)), max(1, round(px_height * scale))


def logo_problems(logo: Optional[str], base_dir: Path,
                  place: Callable[[str, str], Problem]) -> list[Problem]:
    """The spec's logo checked as a file, as a problem at its line (`place(code, message)`)."""
    if not logo:
        return []
    try:
        checked_image(base_dir / logo, logo)
    except ImageError as exc:
        return [place(LOGO_CODE, f"berkas lambang '{shorten(logo, 60)}' {exc.reason}")]
    return []

