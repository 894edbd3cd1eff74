"""Run by LibreOffice's own Python (it imports `uno`), not by ikugen's interpreter.

Usage: python3 lo_convert.py SOFFICE PROFILE_URL PIPE_NAME < IN.docx NUL OUT.pdf NUL [IN NUL OUT NUL ...]
Starts one headless LibreOffice at once, then reads the documents to convert from its standard
input (ikugen sends them when they are made, so LibreOffice starts while ikugen works), and for
each updates its indexes (so the table of contents gets its page numbers) and exports a PDF.
Prints "ok" when every PDF is written. Exit 3: LibreOffice did not start.
"""

# This file must run on whatever Python LibreOffice's bridge comes with (often the system's,
# possibly older than ikugen's 3.10): annotations stay unevaluated, and no zip(strict=...).
from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import uno  # noqa: E402  (only LibreOffice's Python has it)
from com.sun.star.beans import PropertyValue

DONE = "ok\n"  # on standard output when every PDF is written


def prop(name: str, value: object) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


# Debian's Indonesian patterns break a word two letters from either end where the syllables do
# not ("Se-ksi", "deng-an", "masyarak-at"); three letters each side keep to the breaks they get
# right. Set on every paragraph style, before the layout that numbers the contents.
HYPHEN_MIN_CHARS = 3


def hyphenate_indonesian(doc: Any) -> None:
    styles = doc.getStyleFamilies().getByName("ParagraphStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        style.ParaHyphenationMaxLeadingChars = HYPHEN_MIN_CHARS
        style.ParaHyphenationMaxTrailingChars = HYPHEN_MIN_CHARS


def main(argv: list[str]) -> int:
    soffice, profile, pipe = argv[:3]
    url = f"pipe,name={pipe};urp;StarOffice.ComponentContext"
    proc = subprocess.Popen([soffice, "--headless", "--invisible", "--nologo", "--norestore",
                             "--nodefault", "--nolockcheck", f"-env:UserInstallation={profile}",
                             f"--accept={url}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(2400):
        try:
            ctx = resolver.resolve(f"uno:{url}")
            break
        except Exception:
            if proc.poll() is not None:
                return 3
            time.sleep(0.05)
    if ctx is None:
        proc.kill()
        return 3
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    # (IN, OUT) pairs of paths, each path ended by a NUL (the one byte no path holds).
    paths = [os.fsdecode(p) for p in sys.stdin.buffer.read().split(b"\0")[:-1]]
    pairs = [(paths[i], paths[i + 1]) for i in range(0, len(paths) - 1, 2)]
    try:
        for src, dst in pairs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                               (prop("Hidden", True),))
            hyphenate_indonesian(doc)
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "writer_pdf_Export"),))
            doc.close(True)
        # Every PDF is written: ikugen stops LibreOffice now rather than wait for its shutdown
        # (~0.1 s of writing a profile that is thrown away).
        sys.stdout.write(DONE)
        sys.stdout.flush()
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
