"""Render a spec's document to Markdown with the Jinja templates (packaged, or an office's own).

Every value printed with `{{ }}` is Markdown-escaped unless it is marked as Markdown already
(`|markdown`, for the spec's `teks` replacements) or as a table cell (`|sel`, HTML-escaped):
user text is always data, never template code and never unintended formatting. Templates run
in Jinja's sandbox with StrictUndefined, so a typo in a template fails with its name and line.

An office's templates (--templates) are its own code, run with limits: the sandbox keeps them
from Python's internals; `*`, `**` and `%` refuse results that would be huge (Jinja would even
compute `7**(10**8)` while compiling); a render longer than `TEMPLATE_SECONDS` stops (POSIX, main
thread). Memory is not otherwise bounded: a filter such as `center(10**9)` still allocates.
Any error inside an office's template is reported with its file and line, as the user's to fix.
"""

from __future__ import annotations

import html
import os
import re
import signal
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Iterator, Optional

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from . import idn, susunan
from .derive import View
from .errors import IkugenError, SpecError, shorten

TEMPLATE_SECONDS = 60
MAX_PRODUCT = 1_000_000   # characters or items that `*` may make from a text or list
MAX_EXPONENT = 10_000     # an integer power above this could take minutes to compute
_LIMIT = f"{MAX_PRODUCT:_}".replace("_", ".")  # 1.000.000, as Indonesian writes it

_PACKAGED = Path(__file__).parent / "templates"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"


def templates_dir() -> Path:
    """The packaged templates: inside the installed package, or the source tree's `templates/`."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.M)


def escape_md(value: Any) -> Any:
    """Plain text made safe for a Markdown paragraph: it prints as written.

    Used as Jinja's `finalize`; returning Markup keeps autoescape's HTML escaping off it.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value  # numbers print as they are
    text = value
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                              else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)
    return Markup(text.replace("\n", " "))


def sel(value: Any) -> Markup:
    """Plain text for an HTML table cell; a line break in the text becomes <br>."""
    if value is None:
        return Markup("-")
    if isinstance(value, Markup):
        return value
    return Markup("<br>".join(html.escape(line, quote=False) for line in str(value).split("\n")))


def markdown(value: Any) -> Markup:
    """Text the user wrote as Markdown (the spec's `teks`): printed as Markdown."""
    return Markup(value or "")


class _TooBig(SecurityError):
    """An operation refused by `_Sandbox` for the size of its result."""


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the operators that can allocate or compute without bound checked."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT and not (
                isinstance(left, int) and abs(left) <= 1):
            raise _TooBig(f"pangkat {shorten(right, 20)} terlalu besar (batas {MAX_EXPONENT})")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and \
                        len(seq) * times > MAX_PRODUCT:
                    raise _TooBig(f"hasil perkalian terlalu panjang (batas {_LIMIT})")
        if operator == "%" and isinstance(left, str):
            # Width and precision of each conversion, "%(name)-10.5s" included.
            sizes = re.findall(r"%(?:\([^)]*\))?[-#0 +]*(\d*)(?:\.(\d*))?", left)
            if any(int(n) > MAX_PRODUCT for pair in sizes for n in pair if n):
                raise _TooBig(f"lebar format terlalu besar (batas {_LIMIT})")
        return super().call_binop(context, operator, left, right)


class _Loader(jinja2.FileSystemLoader):
    """Reads templates as UTF-8; a file in another encoding is reported with its name and line."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            for folder in self.searchpath:
                path = Path(folder, *jinja2.loaders.split_template_path(template))
                if path.is_file():
                    raw = path.read_bytes()
                    line = raw[: exc.start].count(b"\n") + 1
                    raise jinja2.TemplateSyntaxError("berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
                                                     line, template, str(path)) from None
            raise


@lru_cache(maxsize=8)
def environment(user_dir: Optional[str] = None) -> jinja2.Environment:
    paths = ([user_dir] if user_dir else []) + [str(templates_dir())]
    env = _Sandbox(
        loader=_Loader(paths, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # so macro and include output is Markup and passes through as written
        finalize=escape_md,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        sel=sel, markdown=markdown, angka=idn.angka, terbilang=idn.terbilang, huruf=idn.huruf,
        romawi=idn.romawi, ordinal=idn.ordinal, tanggal=idn.tanggal, jumlah=idn.jumlah,
        gabung=idn.gabung, butir=idn.butir, sebutan=idn.sebutan,
    )
    return env


def _data(env: jinja2.Environment, name: str) -> Any:
    """A YAML data file from the template folders (an office's folder first)."""
    return _data_map(env, name)[0]


def _data_map(env: jinja2.Environment, name: str) -> tuple[Any, Any]:
    """A template folder's YAML data file, with its source map (for messages at its lines)."""
    from .source import parse_data

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
            from .model_susunan import Bab
            from .schema_errors import problems_from

            raise SpecError(problems_from(exc, data, smap, Bab)) from None
    titles = _data(env, "bagian/judul.yaml") or {}
    if not isinstance(titles, dict) or not all(isinstance(v, (str, type(None))) for v in titles.values()):
        raise IkugenError("bagian/judul.yaml di folder templat harus berupa pemetaan nama bagian: judul")
    return susunan.resolve(order, titles)


def render(doc: View, layout: str, user_dir: Optional[Path] = None) -> str:
    """The whole document as Markdown in the layout's template."""
    env = environment(str(user_dir) if user_dir else None)
    name = f"{layout}.md.j2"
    try:
        with _time_limit(TEMPLATE_SECONDS):
            bab = chapters(doc, env)
            text = env.get_template(name).render(doc=doc, spek=doc.spek, bab=bab,
                                                  rujukan=lambda section: susunan.reference(bab, section))
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
    except _TooBig as exc:
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
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


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
