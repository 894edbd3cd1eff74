"""A document (or the recap) rendered to Markdown by its templates, packaged or an office's own.

Rendering runs under a time limit (`TEMPLATE_SECONDS`, POSIX, main thread: a loop in an
office's template stops), and every error inside an office's template is reported as a problem
at its file and line (IKU014), as the user's to fix; an error in a packaged template is a bug in
ikugen. The folders' data files and the office's templates' syntax are checked earlier, when the
spec is loaded (render/office.py), and what that read is used here.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Iterator, Optional

from ikugen.render import layout_data, template_errors
from ikugen.render.environment import environment
from ikugen.view import chapters as susunan
from ikugen.view.document import View

TEMPLATE_SECONDS = 60


def chapters(doc: View, folder: Optional[str]) -> list[susunan.BabView]:
    """The document's chapters: the spec's own `susunan`, or the template folders' default order.

    The folders' data files were read and checked when the spec was loaded
    (`render.office.problems`); this takes that parse from `layout_data`'s cache.
    """
    from ikugen.view.document import source

    return layout_data.chapters(source(doc).susunan, folder, empty_sections(doc))


def empty_sections(doc: View) -> frozenset[str]:
    """The built-in sections with nothing to show, left out with their heading: no Matriks
    Perubahan without a previous spec, no target table without a target or a baseline of the
    Camat's, no eselon IV tables without a sasaran of theirs, no program table without a
    program, no Visi dan Misi without either, no Landasan Hukum without a regulation or a text."""
    empty = set()
    if not doc.matriks_perubahan:
        empty.add("matriks_perubahan")
    if not any(r.kondisi_awal or any(r.target) for r in doc.baris_iku):
        empty.add("tabel_target")
    if not any(rows for p, rows in doc.baris_per_jabatan.items() if p != doc.pimpinan.jabatan.id):
        empty.add("iku_eselon_iv")
    if not doc.baris_program:
        empty.add("indikator_program")
    if not (doc.visi or doc.misi or doc.teks.get("visi_misi")):
        empty.add("visi_misi")
    if not (doc.landasan_hukum or doc.landasan_kelompok or doc.teks.get("landasan_hukum")):
        empty.add("landasan_hukum")
    return frozenset(empty)


def render(doc: View, layout: str, user_dir: Optional[Path] = None) -> str:
    """The whole document as Markdown in the layout's template."""
    from ikugen.render import legacy
    from ikugen.view.document import source

    folder = str(user_dir) if user_dir else None
    env = environment(folder)

    def document() -> str:
        bab = chapters(doc, folder)
        context: dict[str, Any] = dict(
            doc=doc, bab=bab, rujukan=lambda section: susunan.reference(bab, section))
        if legacy.uses_spek(user_dir):  # an office's templates of 0.1 read the model: IKU020
            context["spek"] = source(doc)
        return env.get_template(f"{layout}.md.j2").render(**context)

    return tidy(run_template(document, user_dir))


def tidy(text: str) -> str:
    """One blank line at most between blocks, one newline at the end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def run_template(work: Callable[[], str], user_dir: Optional[Path]) -> str:
    """`work()` (rendering templates) under the time limit; an error in a template is told as a
    problem at its file and line (render/template_errors.py), or raised as a bug in ikugen."""
    try:
        with _time_limit(TEMPLATE_SECONDS):
            return work()
    except _Overrun as exc:
        raise template_errors.at(template_errors.place(exc),
                                 f"templat berjalan lebih dari {TEMPLATE_SECONDS} detik dan dihentikan; "
                                 "periksa perulangan di templat kantor") from None
    except (Exception, RecursionError) as exc:
        error = template_errors.translate(exc, user_dir)
        if error is None:
            raise  # the packaged templates failed: a bug in ikugen
        raise error from None


class _Overrun(BaseException):
    """Not an Exception: no `except Exception` on the way may swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a render that runs too long (a loop in an office's template) with SIGALRM.

    Only where that works: POSIX, in the main thread; elsewhere the render is not timed.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overrun(signum: int, frame: Optional[FrameType]) -> None:
        raise _Overrun()

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
