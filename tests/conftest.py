"""Shared helpers: run the real `ikugen` command, find the examples and real programs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run_ikugen(*args: str, cwd: Path | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """The installed program, as a user runs it: a new process, its exit code and output."""
    return subprocess.run([sys.executable, "-m", "ikugen", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout, **kw)


def require_tool(name: str) -> str:
    """Path of a real program; skip without it, except in CI where its absence is a failure."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("IKUGEN_REQUIRE_TOOLS"):
        pytest.fail(f"{name} is required in CI but is not installed")
    pytest.skip(f"{name} is not installed")


EXAMPLE_NAMES = ["kaloran", "kalimanah", "cerbon"]


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/*.md from the current output instead of comparing")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Each example built once per session by the real command, in the standard layout."""
    cache: dict[tuple[str, str], Path] = {}

    def get(name: str, suffix: str) -> Path:
        key = (name, suffix)
        if key not in cache:
            out = tmp_path_factory.mktemp(f"{name}-{suffix}") / f"{name}.{suffix}"
            result = run_ikugen("build", EXAMPLES / f"{name}.yaml", "-o", out, "--layout", "standar",
                                timeout=600)
            assert result.returncode == 0, result.stderr
            cache[key] = out
        return cache[key]

    return get
