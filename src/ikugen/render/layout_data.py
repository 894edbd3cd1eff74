"""The template folders' data: the default chapters (susunan/standar.yaml) and the sections'
headings (bagian/judul.yaml), each read, parsed and checked once.

An office's folder (--templates) may replace either file, so a mistake in one is the office's to
fix: it is reported at its file and line. `pipeline.load_spec` reads them when it loads a spec,
so such a mistake is found by `validate` as well as by `build`, with the spec's other problems;
the render (`render.document.chapters`) then takes the same parse from here instead of reading
the files again. A parse is kept while its file is unchanged.

Without an office's folder the packaged files are read directly, as the environment's loader
would read them: a `validate` then imports no Jinja (~19 ms of its start), since it renders nothing.
"""

from __future__ import annotations

import os
import posixpath
from collections import OrderedDict
from typing import Any, Callable, Optional, TypeVar

from ikugen.errors import Problem, SpecError
from ikugen.package_data import templates_dir
from ikugen.render.template_errors import TEMPLATE_CODE
from ikugen.spec.fields import WORD_CANNOT_HOLD
from ikugen.spec.model_layout import Bab
from ikugen.spec.yaml_reader import SourceMap, parse_data
from ikugen.view import chapters as susunan

ORDER = "susunan/standar.yaml"
TITLES = "bagian/judul.yaml"

T = TypeVar("T")
_Parsed = tuple[object, Callable[[], bool]]  # the parse, and whether its file is unchanged
# By office folder (None: the packaged files only), as many as render.environment keeps.
_CACHE: "OrderedDict[Optional[str], dict[str, _Parsed]]" = OrderedDict()
_FOLDERS = 8

# Each function takes `folder`: the office's template folder (--templates) as the environment's
# key, `str(path)`, or None for the packaged templates only.


def default_order(folder: Optional[str]) -> list[Bab]:
    """The chapters of a document whose spec has no `susunan`."""
    return _cached(folder, ORDER, _order)


def titles(folder: Optional[str]) -> dict[str, Optional[str]]:
    """The default heading of each built-in section (None: no heading)."""
    return _cached(folder, TITLES, _titles)


def chapters(own: Optional[list[Bab]], folder: Optional[str],
             absent: frozenset[str] = frozenset()) -> list[susunan.BabView]:
    """The document's chapters, numbered and lettered: the spec's own order, or the default one;
    the built-in sections in `absent` (nothing to show) left out."""
    return susunan.resolve(own or default_order(folder), titles(folder), absent)


def problems(folder: Optional[str], own_order: bool) -> list[Problem]:
    """The problems of the data files a document will read (the default order only without its own)."""
    found: list[Problem] = []
    for read in ((titles,) if own_order else (default_order, titles)):
        try:
            read(folder)
        except SpecError as exc:
            found += exc.problems
    return found


def _cached(folder: Optional[str], name: str, parse: Callable[[Any, SourceMap], T]) -> T:
    kept = _CACHE.setdefault(folder, {})
    _CACHE.move_to_end(folder)
    while len(_CACHE) > _FOLDERS:
        _CACHE.popitem(last=False)
    if name in kept and kept[name][1]():
        return kept[name][0]  # type: ignore[return-value]
    if folder is None:
        source, filename, uptodate = _packaged(name)
    else:  # the office's file if it has one (its loader checks where it leads), else the packaged
        from ikugen.render.environment import environment

        env = environment(folder)
        source, filename, uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    data, smap = parse_data(source, filename or name)
    value = parse(data, smap)
    kept[name] = (value, uptodate or (lambda: True))
    return value


def _packaged(name: str) -> tuple[str, Optional[str], Optional[Callable[[], bool]]]:
    """A packaged file as the environment's loader (jinja2.FileSystemLoader) gives it: the text,
    the file's name and whether it is unchanged."""
    filename = posixpath.join(str(templates_dir()), *name.split("/"))
    if not os.path.isfile(filename):  # a broken install: what the loader raises
        import jinja2

        raise jinja2.TemplateNotFound(name)
    with open(filename, encoding="utf-8") as text:
        contents = text.read()
    mtime = os.path.getmtime(filename)

    def uptodate() -> bool:
        try:
            return os.path.getmtime(filename) == mtime
        except OSError:
            return False
    return contents, os.path.normpath(filename), uptodate


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
