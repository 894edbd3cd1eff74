"""A document (or the recap) rendered to Markdown by its templates, packaged or an office's own.

Rendering runs under a time limit (`TEMPLATE_SECONDS`, POSIX, main thread: a loop in an
office's template stops), and every error inside an office's template is reported with its file
and line, as the user's to fix; an error in a packaged template is a bug in ikugen.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Iterator, Optional

import jinja2

from ikugen.errors import IkugenError, SpecError, shorten
from ikugen.render.environment import TooBig, environment
from ikugen.view import chapters as susunan
from ikugen.view.document import View

TEMPLATE_SECONDS = 60


def _data(env: jinja2.Environment, name: str) -> Any:
    """A YAML data file from the template folders (an office's folder first)."""
    return _data_map(env, name)[0]


def _data_map(env: jinja2.Environment, name: str) -> tuple[Any, Any]:
    """A template folder's YAML data file, with its source map (for messages at its lines)."""
    from ikugen.spec.yaml_reader import parse_data

    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    return parse_data(source, filename or name)


def chapters(doc: View, env: jinja2.Environment) -> list[susunan.BabView]:
    from pydantic import ValidationError

    order = doc.spek.susunan
    if not order:
        data, smap = _data_map(env, "susunan/standar.yaml")
        try:
            order = susunan.parse_susunan(data)
        except ValidationError as exc:  # an office's own susunan/standar.yaml: told at its lines
            from ikugen.spec.model_layout import Bab
            from ikugen.spec.schema_errors import problems_from

            raise SpecError(problems_from(exc, data, smap, Bab)) from None
    titles = _data(env, "bagian/judul.yaml") or {}
    if not isinstance(titles, dict) or not all(isinstance(v, (str, type(None))) for v in titles.values()):
        raise IkugenError("bagian/judul.yaml di folder templat harus berupa pemetaan nama bagian: judul")
    return susunan.resolve(order, titles)


def render(doc: View, layout: str, user_dir: Optional[Path] = None) -> str:
    """The whole document as Markdown in the layout's template."""
    env = environment(str(user_dir) if user_dir else None)

    def document() -> str:
        bab = chapters(doc, env)
        return env.get_template(f"{layout}.md.j2").render(
            doc=doc, spek=doc.spek, bab=bab, rujukan=lambda section: susunan.reference(bab, section))

    return tidy(run_template(document, user_dir))


def tidy(text: str) -> str:
    """One blank line at most between blocks, one newline at the end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def run_template(work: Callable[[], str], user_dir: Optional[Path]) -> str:
    """`work()` (rendering templates) under the time limit, its errors told as the user's to fix
    when they come from an office's template, and raised as bugs when from a packaged one."""
    try:
        with _time_limit(TEMPLATE_SECONDS):
            return work()
    except _Overrun:
        raise IkugenError(f"templat berjalan lebih dari {TEMPLATE_SECONDS} detik dan dihentikan; "
                          "periksa perulangan di templat kantor") from None
    except jinja2.TemplateSyntaxError as exc:
        raise IkugenError(f"{exc.filename or exc.name}:{exc.lineno}: templat tidak sah: "
                          f"{exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise IkugenError(f"templat '{exc.name}' tidak ditemukan") from None
    except jinja2.UndefinedError as exc:
        raise IkugenError(f"{_template_place(exc)}templat memakai nama yang tidak dikenal: "
                          f"{exc.message}") from None
    except TooBig as exc:
        raise IkugenError(f"{_template_place(exc)}templat melampaui batas: {exc}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise IkugenError(f"{_template_place(exc)}templat mencoba akses yang tidak diizinkan: "
                          f"{exc}") from None
    except (Exception, RecursionError) as exc:
        if not (user_dir and _from_folder(exc, user_dir)):
            raise  # the packaged templates failed: a bug in ikugen
        what = ("templat memanggil dirinya sendiri tanpa akhir" if isinstance(exc, RecursionError)
                else f"templat gagal dijalankan: {type(exc).__name__}: {shorten(str(exc), 120)}")
        raise IkugenError(f"{_template_place(exc)}{what}") from None


def _template_place(exc: BaseException) -> str:
    """'file:line: ' of the template frame an error was raised in, if any."""
    tb = exc.__traceback__
    place = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            line = template.get_corresponding_lineno(tb.tb_lineno) if template else tb.tb_lineno
            place = f"{filename}:{line}: "
        tb = tb.tb_next
    return place


def _from_folder(exc: BaseException, folder: Path) -> bool:
    """Whether a template of `folder` (an office's) is among the frames `exc` passed through."""
    root = os.path.realpath(folder)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") and os.path.realpath(filename).startswith(root + os.sep):
            return True
        tb = tb.tb_next
    return False


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
