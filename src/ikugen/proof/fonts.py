"""The typefaces a DOCX asks for that the machine making its PDF lacks, and what LibreOffice used.

A missing typeface is replaced by fontconfig's choice (Bookman Old Style by DejaVu Sans, say):
the PDF's lines and pages then differ from the document in Word. Metric-compatible stand-ins
(Liberation Sans for Arial, ...) keep every line where it was, and are not reported.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

_FONT = re.compile(rb'w:(?:ascii|hAnsi)="([^"]+)"')
_THEME_FONT = re.compile(rb'<a:latin typeface="([^"]+)"')
# fontconfig's metric-compatible aliases (fonts-liberation, fonts-crosextra-carlito/caladea).
SAME_METRICS = {"arial": "liberation sans", "helvetica": "liberation sans",
                "times new roman": "liberation serif", "courier new": "liberation mono", "calibri": "carlito",
                "cambria": "caladea"}


def requested(docx: bytes) -> list[str]:
    """The typefaces the styles and the theme name, in order, once each."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())
        styles = archive.read("word/styles.xml") if "word/styles.xml" in names else b""
        theme = archive.read("word/theme/theme1.xml") if "word/theme/theme1.xml" in names else b""
    found = [m.decode("utf-8", "replace") for m in _FONT.findall(styles) + _THEME_FONT.findall(theme)]
    return list(dict.fromkeys(f for f in found if f.strip()))


def substitutes(docx: bytes) -> list[tuple[str, str]]:
    """(typeface asked for, the one used instead) for each the machine lacks; [] without fontconfig."""
    tool = shutil.which("fc-match")
    if tool is None:
        return []
    out = []
    for font in requested(docx):
        done = subprocess.run([tool, "-f", "%{family}", font], capture_output=True, text=True, timeout=30)
        used = done.stdout.split(",")[0].strip()
        stand_in = SAME_METRICS.get(font.casefold())
        if used and used.casefold() not in (font.casefold(), stand_in):
            out.append((font, used))
    return out
