"""Where the files shipped with ikugen are, installed or run from a source tree.

An installed wheel carries them inside the package (pyproject.toml force-includes them); in a
source tree they sit at the top of the repository, where developers edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_TREE = _PACKAGE.parents[1]


def templates_dir() -> Path:
    """The packaged templates (`templates/` of the repository)."""
    installed = _PACKAGE / "templates"
    return installed if installed.is_dir() else _SOURCE_TREE / "templates"


def example_spec() -> Path:
    """The spec `ikugen init` starts from without --dari (the Kaloran example)."""
    installed = _PACKAGE / "contoh" / "kaloran.yaml"
    return installed if installed.is_file() else _SOURCE_TREE / "examples" / "kaloran.yaml"


def schema_file() -> Path:
    """The stored JSON Schema of the spec, in a source tree (an installed ikugen writes its own)."""
    return _SOURCE_TREE / "schema" / "ikugen.schema.json"


def stored_schema() -> Path:
    """The JSON Schema stored with this ikugen, equal to the models' (tests/test_spec.py keeps the
    repository's in step): the wheel's copy, or schema/ of the source tree; absent in an install
    of a wheel made without it."""
    installed = _PACKAGE / "schema" / "ikugen.schema.json"
    return installed if installed.is_file() else schema_file()
