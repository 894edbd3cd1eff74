"""Every English message PyYAML can raise reaches the user in Bahasa Indonesia.

The messages are enumerated from the installed PyYAML itself: the pure-Python reader, scanner
and parser (their source), and the libyaml inside the C extension that ikugen uses when it is
there (its strings). A new PyYAML release with a new message fails here, not in front of a user.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
import yaml
import yaml.parser
import yaml.reader
import yaml.scanner

from ikugen.errors import SpecError
from ikugen.spec.yaml_messages import translate
from ikugen.spec.yaml_reader import parse

# The first words of libyaml's problems (scanner.c, parser.c, reader.c), each string between two
# NULs in the binary; the extension's other strings are Cython's ("expected %.200s, got %.200s").
_LIBYAML = re.compile(
    rb"(?<=\x00)((found|did not find|could not find|expected|mapping|block sequence|control "
    rb"characters|invalid|incomplete|exceeded|tag handle|tag prefix|tag value|input is too long|"
    rb"incompatible|duplicate) [ -~]+)(?=\x00)")
_CYTHON = re.compile(r"%[.0-9]*[a-zA-Z]|TypeError|vtable|keyword argument|_|->")


def _python_messages() -> set[str]:
    """The problems PyYAML's pure-Python reader, scanner and parser raise, as a user gets them."""
    found: set[str] = set()
    for module in (yaml.reader, yaml.scanner, yaml.parser):
        for call in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") in (
                    "ScannerError", "ParserError", "ReaderError"):
                # A ReaderError's problem is its last argument (the others: name, position, ...).
                args = call.args[-1:] if call.func.id == "ReaderError" else call.args
                for arg in args:
                    if isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):
                        arg = arg.left  # "found character %r that cannot start any token" % ch
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(re.sub(r"%[-#0-9.]*[rsdx]", "'x'", arg.value))
    return {m for m in found if not m.startswith("while ")}  # contexts come with a problem


def _libyaml_messages() -> set[str]:
    ext = getattr(yaml, "_yaml", None)
    if ext is None:
        return set()
    found = {m.group(1).decode() for m in _LIBYAML.finditer(Path(ext.__file__).read_bytes())}
    return {m for m in found if not _CYTHON.search(m.replace("%TAG", "").replace("%YAML", ""))}


ALL = sorted(_python_messages() | _libyaml_messages())


def test_enumeration_finds_the_known_messages():
    # Guards the enumeration itself: if it found nothing, the test below would pass vacuously.
    assert "found character that cannot start any token" in ALL
    assert "mapping values are not allowed here" in ALL  # pure Python
    assert "mapping values are not allowed in this context" in ALL  # libyaml
    assert len(ALL) > 70 if getattr(yaml, "_yaml", None) else len(ALL) > 40


class _Mark:
    def __init__(self, index: int):
        self.line, self.column, self.index = 2, 4, index


@pytest.mark.parametrize("english", ALL)
def test_every_message_is_translated(english):
    exc = yaml.MarkedYAMLError(problem=english, problem_mark=_Mark(0))
    told = translate(exc, "a: b\n", "spek.yaml")
    assert "PyYAML" not in told.message and not re.search(r"[a-z] [a-z]+ed\b", told.message), told
    assert (told.line, told.column) == (3, 5)


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_flow_nesting_stops_at_the_41st_level(opening):
    # PyYAML 6.0.4's libyaml stops by itself at 1,000 flow levels, a thousand columns further on;
    # ikugen's own limit answers first, at the collection that opens level 41 (the top mapping
    # is level 1).
    text = "x: " + opening * 10_000
    with pytest.raises(SpecError) as caught:
        parse(text, "spek.yaml")
    [problem] = caught.value.problems
    assert problem.code == "IKU007"
    assert problem.message == "struktur terlalu dalam (lebih dari 40 tingkat)"
    assert (problem.line, problem.column) == (1, 4 + 39 * len(opening))
