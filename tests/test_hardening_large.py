"""A large but legitimate spec (200 desa, 60 positions, 300 indicators) builds in seconds, and in
linear time: twice the spec takes about twice as long, not four times (no cell-by-cell tables).

Very large inputs, built several times: `slow` (the full suite runs them, `-m "not slow"` not).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_ikugen
from docx_text import all_text

from ikugen.pipeline import Options, build, load_spec

sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
import make  # noqa: E402

pytestmark = pytest.mark.slow


def _spec(folder: Path, scale: int) -> Path:
    path = folder / f"besar-{scale}.yaml"
    path.write_text(make.large_spec(200 * scale, 60 * scale, 300 * scale), encoding="utf-8")
    return path


def test_the_large_spec_builds_in_seconds_with_every_indicator(tmp_path):
    spec = _spec(tmp_path, 1)
    out, md = tmp_path / "besar.docx", tmp_path / "besar.md"
    started = time.monotonic()
    result = run_ikugen("build", spec, "-o", out, "-o", md, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert elapsed < 30, f"{elapsed:.1f} s"
    text = all_text(out)
    spek = load_spec(spec).spek
    assert (len(spek.wilayah), len(spek.organisasi), len(spek.indikator)) == (200, 60, 300)
    for indicator in spek.indikator:
        assert indicator.nama in text


def _build_calls(spec: Path, out: Path) -> int:
    """The Python function calls of one build (DOCX and Markdown): a count of work, the same on
    every run and every machine, where a wall-clock time would measure the machine's load."""
    import cProfile
    import pstats

    loaded = load_spec(spec)
    build(loaded, [out.with_suffix(".docx"), out.with_suffix(".md")], Options())  # caches warm
    profile = cProfile.Profile()
    profile.enable()
    build(loaded, [out.with_suffix(".docx"), out.with_suffix(".md")], Options())
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def test_twice_the_spec_takes_about_twice_the_work(tmp_path):
    half = tmp_path / "separuh.yaml"
    half.write_text(make.large_spec(100, 30, 150), encoding="utf-8")
    single = _build_calls(half, tmp_path / "satu")
    double = _build_calls(_spec(tmp_path, 1), tmp_path / "dua")
    # Linear: about 2x (a little more: the fixed part is small). Quadratic would be 4x.
    assert double < 2.3 * single, f"half: {single:,} calls, whole: {double:,} calls"
