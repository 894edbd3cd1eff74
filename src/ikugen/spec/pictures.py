"""Pictures a spec may name (the regency's emblem, pictures in its Markdown): PNG or JPEG, of a
sane size, or a clear error.

python-docx fails on anything else with an empty message (SVG, WebP, an empty or truncated
file) and places a picture at the size it declares (a 74-byte PNG can declare 100,000 pixels
square, 1,389 inches). So a picture is checked here first and always sized to fit its box.
Each is read once, when the spec is loaded; the writer places the bytes read then.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from ikugen.errors import IkugenError, Problem, os_reason, shorten
from ikugen.spec import markdown_text
from ikugen.spec.model import Spek
from ikugen.spec.yaml_reader import Path_, SourceMap

MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
LOGO_CODE = "IKU013"
MARKDOWN_CODE = "IKU016"


class ImageError(IkugenError):
    """A picture that cannot be placed; `reason` is the message without the picture's name."""

    def __init__(self, shown: str, reason: str):
        self.reason = reason
        super().__init__(f"gambar {shown} {reason}")


@dataclass(frozen=True)
class Picture:
    """A picture read once and checked: its bytes and its size in pixels (which set only its shape)."""

    path: Path
    data: bytes
    px_width: int
    px_height: int


def read_picture(path: Path, shown: Optional[str] = None) -> Picture:
    """The picture at `path`, once it is known to be a PNG or JPEG python-docx can place."""
    shown = shown or str(path)
    try:
        if not path.is_file():  # a folder, /dev/zero, a pipe: nothing to read a picture from
            raise ImageError(shown, "bukan berkas biasa" if path.exists() else "tidak ditemukan")
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ImageError(shown, f"terlalu besar ({size // 1024} KiB; batas "
                                    f"{MAX_IMAGE_BYTES // 1024 // 1024} MiB)")
        with path.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)  # a file growing meanwhile is not read for ever
    except OSError as exc:
        raise ImageError(shown, f"tidak dapat dibaca ({os_reason(exc)})") from None
    if not any(data.startswith(sig) for sig in _SIGNATURES):
        raise ImageError(shown, "bukan PNG atau JPEG; simpan ulang gambar itu sebagai PNG atau JPEG "
                                "(format lain seperti SVG, WebP, GIF dan BMP tidak dapat dipakai)")
    try:
        from docx.image.image import Image

        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
    except Exception:  # python-docx raises bare or empty errors for damaged pictures
        raise ImageError(shown, "rusak atau tidak dapat dibaca; simpan ulang sebagai PNG atau JPEG") from None
    if width <= 0 or height <= 0:
        raise ImageError(shown, f"berukuran {width} x {height} piksel; gambar itu rusak")
    return Picture(path, data, width, height)


def _inside(path: Path, folders: list[Path], name: str) -> Path:
    """`path` if, links resolved, it lies in one of `folders` or below; else an ImageError."""
    real = os.path.realpath(path)
    if any(real.startswith(os.path.realpath(f) + os.sep) for f in folders):
        return path
    where = " atau ".join(str(f) for f in folders)
    raise ImageError(shorten(name, 80), f"berada di luar folder {where}; gambar diambil dari folder "
                     "berkas yang menyebutnya (atau subfoldernya), atau dari folder --gambar")


def fit(px_width: int, px_height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """Width and height (EMU) of a picture scaled to fit a box, keeping its proportions.

    The declared pixel count only sets the shape: a picture of any declared size fits.
    """
    scale = min(max_width / px_width, max_height / px_height)
    return max(1, round(px_width * scale)), max(1, round(px_height * scale))


def spec_pictures(spek: Spek, base_dir: Path, smap: SourceMap,
                  extra: Optional[Path] = None) -> tuple[dict[str, Picture], list[Problem]]:
    """Every picture a spec names (its logo, the pictures in its Markdown), each read once.

    A picture comes from the folder of the file that names it (the spec, or the kabupaten base
    that holds the emblem) or its subfolders, links resolved and still inside, or from `extra`
    (--gambar): a spec built in a kabupaten's CI must not read other files of the machine.
    Returns the pictures by name as written, for the writer, and a problem at the naming value's
    line for each picture that cannot be placed.
    """
    found: dict[str, Picture] = {}
    failed: dict[str, ImageError] = {}
    problems: list[Problem] = []
    told: set[tuple[str, Path_]] = set()

    def take(name: str, loc: Path_, code: str, message: Callable[[ImageError], str]) -> None:
        folder = Path(smap.origin(loc)[0]).parent if loc in smap.files else base_dir
        if name not in found and name not in failed:
            try:
                found[name] = read_picture(_inside(folder / name, [folder, *([extra] if extra else [])],
                                                   name), shorten(name, 80))
            except ImageError as exc:
                failed[name] = exc
        if name in failed and (name, loc) not in told:  # each place that names it, told once
            problems.append(smap.problem(loc, code, message(failed[name])))
            told.add((name, loc))

    logo = spek.profil.logo
    if logo:
        take(logo, ("profil", "logo"), LOGO_CODE,
             lambda exc: f"berkas lambang '{shorten(logo, 60)}' {exc.reason}")
    for loc, text in markdown_text.values(spek):
        for name in markdown_text.scan(text).pictures:
            take(name, loc, MARKDOWN_CODE, str)
    return found, problems
