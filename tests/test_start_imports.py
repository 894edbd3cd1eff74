"""Start-up pays only for what a command uses (issue 18): what a fresh `ikugen` process imports.

Not a timing: the modules a command must never load, each of which costs its milliseconds in
every run (python-docx, markdown-it, Jinja, the worker processes' machinery, the models).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES

# Runs `ikugen ARGS` as `python -m ikugen` does, then prints which of the modules it loaded.
_PROBE = """
import io, json, runpy, sys
watched, sys.argv = json.loads(sys.argv[1]), ["ikugen", *sys.argv[2:]]
real, sys.stdout, sys.stderr = sys.stdout, io.StringIO(), io.StringIO()
try:
    runpy.run_module("ikugen", run_name="__main__")
except SystemExit as exc:
    code = exc.code
real.write(json.dumps({"code": code, "loaded": sorted(m for m in watched if m in sys.modules)}))
"""
HEAVY = ["docx", "lxml", "markdown_it", "jinja2", "multiprocessing", "concurrent.futures.process",
         "pydantic", "ikugen.spec.model", "ikugen.checks.catalogue"]


def _loaded(*args: str, code: int = 0) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(HEAVY), *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert (result["code"] or 0) == code, result
    return result["loaded"]


def test_help_loads_no_models_and_no_writers():
    assert _loaded("--help") == []


def test_schema_loads_the_models_only():
    assert _loaded("schema") == ["ikugen.spec.model", "pydantic"]


@pytest.mark.parametrize("spec", ["kaloran.yaml", "cerbon.yaml", "kabupaten-temanggung"])
def test_validate_renders_nothing_and_starts_no_processes(spec):
    """No python-docx, no markdown-it (no Markdown table in these), no Jinja (no office folder)."""
    code = 1 if spec == "kabupaten-temanggung" else 0  # kandangan keeps its ISI: placeholders
    assert _loaded("validate", str(EXAMPLES / spec), code=code) == [
        "ikugen.checks.catalogue", "ikugen.spec.model", "pydantic"]
