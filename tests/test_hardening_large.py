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


def _build_seconds(spec: Path, out: Path) -> float:
    """The best of two in-process builds (DOCX and Markdown): the machine's noise, not ours."""
    loaded = load_spec(spec)
    times = []
    for _ in range(2):
        started = time.perf_counter()
        build(loaded, [out.with_suffix(".docx"), out.with_suffix(".md")], Options())
        times.append(time.perf_counter() - started)
    return min(times)


def test_twice_the_spec_takes_about_twice_the_time(tmp_path):
    half = tmp_path / "separuh.yaml"
    half.write_text(make.large_spec(100, 30, 150), encoding="utf-8")
    single = _build_seconds(half, tmp_path / "satu")
    double = _build_seconds(_spec(tmp_path, 1), tmp_path / "dua")
    # Linear: about 2x. Quadratic would be 4x; 3x plus a little leaves room for noise.
    assert double < 3 * single + 0.5, f"half: {single:.2f} s, whole: {double:.2f} s"
