"""A template's failure told as a problem to fix, at its file and line, or raised as a bug.

An error in an office's template (--templates) is the office's to fix: it becomes a Problem
(`TEMPLATE_CODE`, at the template's file and line; Jinja gives no column, so column 1), printed
like every other problem. The same for what Jinja itself refuses in any template (a syntax
error, a name it does not know, the sandbox's limits). Any other exception from a packaged
template is a bug in ikugen and is raised as it is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ikugen.errors import IkugenError, Problem, SpecError, shorten

TEMPLATE_CODE = "IKU014"

Place = tuple[str, int]  # a template's file and line


def at(place: Optional[Place], message: str) -> IkugenError:
    """The error to raise: a problem at `place`, or, when no template is known, the message alone."""
    if place is None:
        return IkugenError(message)
    file, line = place
    return SpecError([Problem(file, max(1, line), 1, "galat", TEMPLATE_CODE, message)])


def translate(exc: BaseException, user_dir: Optional[Path]) -> Optional[IkugenError]:
    """The error to raise for `exc`, raised while compiling or rendering templates; None for a bug."""
    # Imported here, where Jinja has run: importing this module (for TEMPLATE_CODE) imports no Jinja.
    import jinja2

    from ikugen.render.environment import TooBig

    if isinstance(exc, jinja2.TemplateSyntaxError):
        file = exc.filename or exc.name
        return at((file, exc.lineno) if file else None, f"templat tidak sah: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return at(place(exc), f"templat '{exc.name}' tidak ditemukan")
    if isinstance(exc, jinja2.UndefinedError):
        return at(place(exc), f"templat memakai nama yang tidak dikenal: {exc.message}")
    if isinstance(exc, TooBig):
        return at(place(exc), f"templat melampaui batas: {exc}")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return at(place(exc), f"templat mencoba akses yang tidak diizinkan: {exc}")
    if isinstance(exc, MemoryError) and user_dir:
        # The packaged templates print what the spec holds, which is bounded; an office's loop
        # is not, and the frame that runs out of memory may be a packaged macro joining it.
        return at(place(exc), "templat kantor menghasilkan teks terlalu besar sehingga memori habis; "
                              "periksa perulangan di templat kantor")
    if isinstance(exc, Exception) and user_dir and from_folder(exc, user_dir):
        what = ("templat memanggil dirinya sendiri tanpa akhir" if isinstance(exc, RecursionError)
                else f"templat gagal dijalankan: {type(exc).__name__}: {shorten(str(exc), 120)}")
        return at(place(exc), what)
    return None  # the packaged templates failed: a bug in ikugen


def place(exc: BaseException) -> Optional[Place]:
    """The file and line of the innermost template frame an error was raised in, if any."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            line = template.get_corresponding_lineno(tb.tb_lineno) if template else tb.tb_lineno
            found = (filename, line)
        tb = tb.tb_next
    return found


def from_folder(exc: BaseException, folder: Path) -> bool:
    """Whether a template of `folder` (an office's) is among the frames `exc` passed through."""
    root = os.path.realpath(folder)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") and os.path.realpath(filename).startswith(root + os.sep):
            return True
        tb = tb.tb_next
    return False
