"""The Jinja environment every template runs in: the sandbox, the lookup, the filters.

Every value printed with `{{ }}` is Markdown-escaped unless it is marked as Markdown already
(`|markdown`, for the spec's `teks` replacements) or as a table cell (`|sel`, HTML-escaped):
user text is always data, never template code and never unintended formatting. Templates run
in Jinja's sandbox with StrictUndefined, so a typo in a template fails with its name and line.

An office's templates (--templates) are its own code, run with limits: the sandbox keeps them
from Python's internals; `*`, `**` and `%` refuse results that would be huge (Jinja would even
compute `7**(10**8)` while compiling, so constant folding is off), and so do the filters and
string methods that pad or repeat (`center`, `indent`, `ljust`, `replace`, `format`, ...). A
template is looked up inside the template folders only: a link that leads out of them (to
/etc/passwd) is refused. The time limit and the report of a template's errors are in
`render.document`.
"""

from __future__ import annotations

import html
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ikugen.errors import shorten
from ikugen.package_data import templates_dir
from ikugen.render import template_cache
from ikugen.view import indonesian

MAX_PRODUCT = 1_000_000   # characters or items that `*` may make from a text or list
MAX_EXPONENT = 10_000     # an integer power above this could take minutes to compute
_LIMIT = f"{MAX_PRODUCT:_}".replace("_", ".")  # 1.000.000, as Indonesian writes it

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
    """Plain text for an HTML table cell; a line break in the text becomes <br>. No value is an
    empty cell: a "-" would say that the spec wrote one."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return Markup("<br>".join(html.escape(line, quote=False) for line in str(value).split("\n")))


# A list item's first line: a list the spec's text starts or ends with.
_LIST_LINE = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:\s|$)")
# An HTML comment ends a list in Markdown, and the DOCX leaves it out: between the office's
# Markdown and the template's, a list of one never continues a list of the other (the office's
# a.-c. then the regulations as d.-r.).
_APART = "<!-- teks kantor -->"


def markdown(value: Any) -> Markup:
    """Text the user wrote as Markdown (the spec's `teks`): printed as Markdown, kept apart from
    the lists around it."""
    text = str(value or "").strip("\n")
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and _LIST_LINE.match(lines[0]):
        text = f"{_APART}\n\n{text}"
    if lines and (_LIST_LINE.match(lines[-1]) or lines[-1].startswith((" ", "\t"))) and any(
            _LIST_LINE.match(line) for line in lines):
        text = f"{text}\n\n{_APART}"
    return Markup(text)


# (type, attribute name) -> whether templates may read it: as many as the templates' names.
_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}


class TooBig(SecurityError):
    """An operation refused by `_Sandbox` for the size of its result."""


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the operators that can allocate or compute without bound checked."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's answer depends on the object's type and the name alone (is_internal_attribute's
        # isinstance tests): asked once per pair, it was a quarter of a document's rendering.
        key = (type(obj), attr)
        safe = _SAFE_ATTRIBUTES.get(key)
        if safe is None:
            safe = _SAFE_ATTRIBUTES[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT and not (
                isinstance(left, int) and abs(left) <= 1):
            raise TooBig(f"pangkat {shorten(right, 20)} terlalu besar (batas {MAX_EXPONENT})")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and \
                        len(seq) * times > MAX_PRODUCT:
                    raise TooBig(f"hasil perkalian terlalu panjang (batas {_LIMIT})")
        if operator == "%" and isinstance(left, str):
            _check_printf(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any,  # noqa: N805
             **kwargs: Any) -> Any:
        # Jinja's own signature: the dunder names keep template keywords from clashing.
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):  # Markup too: literals are Markup under autoescape
            _check_growth(owner, getattr(__obj, "__name__", ""), args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Optional[Callable[..., str]]:
        # Jinja hands out its own function for str.format when the attribute is read.
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text, sandboxed = value.__self__, wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_growth(text, "format", args, kwargs)
            return sandboxed(*args, **kwargs)
        return checked


def _check_printf(text: str) -> None:
    """Width and precision of each conversion, "%(name)-10.5s" included."""
    sizes = re.findall(r"%(?:\([^)]*\))?[-#0 +]*(\d*)(?:\.(\d*))?", text)
    if any(int(n) > MAX_PRODUCT for pair in sizes for n in pair if n):
        raise TooBig(f"lebar format terlalu besar (batas {_LIMIT})")


# The str methods and filters whose result can be far longer than their input.
_PADDING = {"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "wordwrap"}
_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d+)")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")


def _check_growth(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
    if name in _PADDING and any(n > MAX_PRODUCT for n in numbers):
        raise TooBig(f"lebar '{name}' terlalu besar (batas {_LIMIT})")
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        grown = len(text) + text.count(args[0]) * max(0, len(args[1]) - len(args[0])) if args[0] else \
            len(text) * (len(args[1]) + 1)
        if grown > MAX_PRODUCT:
            raise TooBig(f"hasil 'replace' terlalu panjang (batas {_LIMIT})")
    if name == "format" and (any(int(n) > MAX_PRODUCT for n in _FORMAT_WIDTH.findall(text)) or (
            _NESTED_FIELD.search(text) and any(n > MAX_PRODUCT for n in numbers))):  # '{:>{}}'
        raise TooBig(f"lebar format terlalu besar (batas {_LIMIT})")


def _bounded(name: str, filter_: Callable[..., Any]) -> Callable[..., Any]:
    """A Jinja filter with the same check as the str method it mirrors."""
    def check(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if name == "format":  # the filter is printf-style: value % args
            _check_printf(str(value))
        else:
            _check_growth(str(value), name, args, kwargs)

    # `replace` and `wordwrap` take Jinja's context or environment first; the wrapper passes it on.
    passed = getattr(filter_, "jinja_pass_arg", None)
    if passed is None:
        def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
            check(value, args, kwargs)
            return filter_(value, *args, **kwargs)
        return checked

    def checked_with(first: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        check(value, args, kwargs)
        return filter_(first, value, *args, **kwargs)
    checked_with.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return checked_with


class _Loader(jinja2.FileSystemLoader):
    """Reads templates as UTF-8; a file in another encoding is reported with its name and line."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            found = super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            for folder in self.searchpath:
                path = Path(folder, *jinja2.loaders.split_template_path(template))
                if path.is_file():
                    raw = path.read_bytes()
                    line = raw[: exc.start].count(b"\n") + 1
                    raise jinja2.TemplateSyntaxError("berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
                                                     line, template, str(path)) from None
            raise
        real = os.path.realpath(found[1])
        if not any(real.startswith(os.path.realpath(root) + os.sep) for root in self.searchpath):
            raise SecurityError(f"templat '{shorten(template, 80)}' menunjuk ke berkas di luar "
                                "folder templat")
        return found


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
        optimized=False,  # no constant folding: `'x'|center(10**9)` would run while compiling
    )
    env.filters.update(sel=sel, markdown=markdown)
    growing = ("center", "indent", "wordwrap", "replace", "format")
    env.filters.update({name: _bounded(name, env.filters[name]) for name in growing})
    # Indonesian conventions, each filter named as the function: {{ n|angka }}, {{ d|tanggal }}, ...
    env.filters.update({name: getattr(indonesian, name) for name in (
        "angka", "terbilang", "huruf", "romawi", "ordinal", "tanggal", "jumlah", "gabung", "butir",
        "sebutan")})
    template_cache.attach(env)  # after the filters: the cache's fingerprint names them
    return env
