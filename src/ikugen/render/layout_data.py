"""The template folders' data: the default chapters (susunan/standar.yaml) and the sections'
headings (bagian/judul.yaml), each read, parsed and checked once.

An office's folder (--templates) may replace either file, so a mistake in one is the office's to
fix: it is reported at its file and line. `pipeline.load_spec` reads them when it loads a spec,
so such a mistake is found by `validate` as well as by `build`, with the spec's other problems;
the render (`render.document.chapters`) then takes the same parse from here instead of reading
the files again. A parse is kept while Jinja's loader says its file is unchanged.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Optional, TypeVar

import jinja2

from ikugen.errors import Problem, SpecError
from ikugen.render.template_errors import TEMPLATE_CODE
from ikugen.spec.fields import WORD_CANNOT_HOLD
from ikugen.spec.model_layout import Bab
from ikugen.spec.yaml_reader import SourceMap, parse_data
from ikugen.view import chapters as susunan

ORDER = "susunan/standar.yaml"
TITLES = "bagian/judul.yaml"

T = TypeVar("T")
_Parsed = tuple[object, Callable[[], bool]]  # the parse, and whether its file is unchanged
_CACHE: "weakref.WeakKeyDictionary[jinja2.Environment, dict[str, _Parsed]]" = weakref.WeakKeyDictionary()


def default_order(env: jinja2.Environment) -> list[Bab]:
    """The chapters of a document whose spec has no `susunan`."""
    return _cached(env, ORDER, _order)


def titles(env: jinja2.Environment) -> dict[str, Optional[str]]:
    """The default heading of each built-in section (None: no heading)."""
    return _cached(env, TITLES, _titles)


def chapters(own: Optional[list[Bab]], env: jinja2.Environment,
             absent: frozenset[str] = frozenset()) -> list[susunan.BabView]:
    """The document's chapters, numbered and lettered: the spec's own order, or the default one;
    the built-in sections in `absent` (nothing to show) left out."""
    return susunan.resolve(own or default_order(env), titles(env), absent)


def problems(env: jinja2.Environment, own_order: bool) -> list[Problem]:
    """The problems of the data files a document will read (the default order only without its own)."""
    found: list[Problem] = []
    for read in ((titles,) if own_order else (default_order, titles)):
        try:
            read(env)
        except SpecError as exc:
            found += exc.problems
    return found


def _cached(env: jinja2.Environment, name: str, parse: Callable[[Any, SourceMap], T]) -> T:
    kept = _CACHE.setdefault(env, {})
    if name in kept and kept[name][1]():
        return kept[name][0]  # type: ignore[return-value]
    source, filename, uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    data, smap = parse_data(source, filename or name)
    value = parse(data, smap)
    kept[name] = (value, uptodate or (lambda: True))
    return value


def _order(data: Any, smap: SourceMap) -> list[Bab]:
    from pydantic import ValidationError

    try:
        return susunan.parse_susunan(data)
    except ValidationError as exc:
        from ikugen.spec.schema_errors import problems_from

        raise SpecError(problems_from(exc, data, smap, Bab)) from None


def _titles(data: Any, smap: SourceMap) -> dict[str, Optional[str]]:
    if not data:  # an empty file: no headings
        return {}
    wrong: tuple[Any, ...] = ()
    if isinstance(data, dict):
        wrong = next(((key,) for key, value in data.items() if not isinstance(value, (str, type(None)))), ())
    if not isinstance(data, dict) or wrong:
        raise SpecError([smap.problem(wrong, TEMPLATE_CODE, f"{TITLES} di folder templat harus berupa "
                                      "pemetaan nama bagian: judul")])
    # A heading goes into the document as written: what Word cannot hold is refused at its place.
    bad = [(key, found) for key, value in data.items() if value
           for found in [WORD_CANNOT_HOLD.search(value)] if found]
    if bad:
        raise SpecError([smap.problem((key,), TEMPLATE_CODE, f"judul memuat karakter kendali "
                                      f"U+{ord(found.group()):04X} (posisi ke-{found.start() + 1}) yang "
                                      "tidak dapat disimpan di dokumen Word; hapus karakter itu")
                         for key, found in bad])
    return data
