"""Render a spec's document to Markdown with the Jinja templates (packaged, or an office's own).

Every value printed with `{{ }}` is Markdown-escaped unless it is marked as Markdown already
(`|markdown`, for the spec's `teks` replacements) or as a table cell (`|sel`, HTML-escaped):
user text is always data, never template code and never unintended formatting. Templates run
in Jinja's sandbox with StrictUndefined, so a typo in a template fails with its name and line.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from . import idn, susunan
from .derive import View
from .errors import IkugenError

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


@lru_cache(maxsize=8)
def environment(user_dir: Optional[str] = None) -> jinja2.Environment:
    paths = ([user_dir] if user_dir else []) + [str(templates_dir())]
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(paths, encoding="utf-8"),
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
        gabung=idn.gabung,
    )
    return env


def _data(env: jinja2.Environment, name: str) -> Any:
    """A YAML data file from the template folders (an office's folder first)."""
    from .source import parse_data

    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    return parse_data(source, filename or name)[0]


def chapters(doc: View, env: jinja2.Environment) -> list[susunan.BabView]:
    order = doc.spek.susunan or susunan.parse_susunan(_data(env, "susunan/standar.yaml"))
    titles = _data(env, "bagian/judul.yaml") or {}
    return susunan.resolve(order, titles)


def render(doc: View, layout: str, user_dir: Optional[Path] = None) -> str:
    """The whole document as Markdown in the layout's template."""
    env = environment(str(user_dir) if user_dir else None)
    name = f"{layout}.md.j2"
    try:
        bab = chapters(doc, env)
        text = env.get_template(name).render(doc=doc, spek=doc.spek, bab=bab,
                                              rujukan=lambda section: susunan.reference(bab, section))
    except jinja2.TemplateSyntaxError as exc:
        raise IkugenError(f"{exc.filename or exc.name}:{exc.lineno}: templat tidak sah: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise IkugenError(f"templat '{exc.name}' tidak ditemukan") from None
    except jinja2.UndefinedError as exc:
        raise IkugenError(f"{_template_place(exc)}templat memakai nama yang tidak dikenal: {exc.message}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise IkugenError(f"{_template_place(exc)}templat mencoba akses yang tidak diizinkan: {exc}") from None
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
