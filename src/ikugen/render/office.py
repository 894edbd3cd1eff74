"""The template folders a document will use, checked when its spec is loaded, before any render.

An office's folder (--templates) is part of what a build reads, so its mistakes are found by
`validate` as well as by `build`: every template in it (`*.j2`) is compiled, which finds each
syntax error at its file and line, the data files are read (render/layout_data.py), and a
template that still reads the spec's model is warned about (render/legacy.py). The compiled
templates stay in the environment's cache, so the render reads none of them again. What only
running a template shows (a name it does not know, a loop) is still found by the render.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from ikugen.errors import Problem, SpecError, shorten
from ikugen.render import layout_data, template_errors

if TYPE_CHECKING:
    import jinja2

# A folder given by mistake (a home folder) is not walked whole: its templates past this many
# entries are still compiled by the render, when a document uses them.
MAX_ENTRIES = 5_000


def problems(user_dir: Optional[Path], own_order: bool) -> list[Problem]:
    """Every problem of the office's templates and of the data files a document will read.

    Every template of the folder is compiled, whichever layout uses it: a folder serves both.
    """
    if user_dir is None:  # the packaged templates only: nothing of an office's to compile, no Jinja
        return layout_data.problems(None, own_order)
    from ikugen.render import legacy
    from ikugen.render.environment import environment

    env = environment(str(user_dir))
    # And the warnings of templates of 0.1 that read the spec's model (IKU020, render/legacy.py).
    return (template_problems(user_dir, env) + layout_data.problems(str(user_dir), own_order)
            + legacy.problems(user_dir))


def template_problems(user_dir: Optional[Path], env: Optional[jinja2.Environment] = None) -> list[Problem]:
    """The problems of the office's own template files, the same whatever spec uses them: a batch
    or a recap reports them once, naming the template, not as a failure of every spec."""
    if env is None:
        from ikugen.render.environment import environment

        env = environment(str(user_dir) if user_dir else None)
    found: list[Problem] = []
    for name in office_templates(user_dir) if user_dir else []:
        path = user_dir / name if user_dir else Path(name)
        if path.is_symlink() and not path.exists():  # to nothing, or a loop: jinja2 would skip it
            found.append(Problem(str(path), 1, 1, "galat", template_errors.TEMPLATE_CODE,
                                 f"templat '{name}' adalah tautan ke berkas yang tidak ada (atau tautan "
                                 "yang berputar); perbaiki tautannya, atau hapus agar templat bawaan yang "
                                 "dipakai"))
            continue
        try:
            env.get_template(name)
        except Exception as exc:  # RecursionError too
            error = template_errors.translate(exc, user_dir)
            if error is None and user_dir and (user_dir / name).is_file():
                # Compiling failed before any line of it ran (a template nested too deep to
                # parse): the office's file all the same, told at its start.
                what = ("bersarang terlalu dalam" if isinstance(exc, RecursionError)
                        else f"{type(exc).__name__}: {shorten(str(exc), 120)}")
                error = template_errors.at((os.path.join(str(user_dir), name), 1),
                                           f"templat tidak dapat dibaca: {what}")
            if error is None:
                raise  # a packaged template: a bug in ikugen
            if not isinstance(error, SpecError):
                raise error from None
            found += error.problems
    return found


def office_templates(folder: Path) -> list[str]:
    """The names (relative, with /) of the templates in an office's folder, in a stable order."""
    return sorted(name for name in _files(folder) if name.endswith(".j2"))


def _files(folder: Path) -> Iterator[str]:
    seen = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git and the like: not templates
        for name in files:
            seen += 1
            if seen > MAX_ENTRIES:
                return
            yield Path(root, name).relative_to(folder).as_posix()
        seen += len(dirs)
