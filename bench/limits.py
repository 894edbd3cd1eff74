"""The largest specs ikugen accepts, built in time and memory linear in their size.

    python bench/limits.py

Each shape is built at the largest size the limits allow (2,000 indicators, the list limit; a
2 MiB spec of HTML tables, the file limit) and at half that size, in the same run: the ratio of
the two is about 2 when the work is linear, 4 when it is quadratic. Goal: under 30 s and 1 GiB
for the largest. Not a test: nothing fails, it prints.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
import make  # noqa: E402  (the generators the tests use)

PROBE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True, check=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
SHAPES = {
    "2,000 indicators": lambda half: make.large_spec(100 if half else 200, 30 if half else 60,
                                                     1000 if half else 2000),
    "2 MiB of HTML tables": lambda half: make.table_spec(sections=60 if half else 120),
}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def measure(spec: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one whole `ikugen build` process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, sys.executable, "-m", "ikugen", "build", str(spec),
                           "-o", str(out)], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"failed: {spec}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started, int(done.stdout) / 1024


def main() -> None:
    say(f"ikugen limits, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}\n")
    say(f"{'largest accepted spec':24} {'size':>9} {'time':>8} {'memory':>9}   {'half size':22} "
          f"{'time ratio':>10}  goal")
    with tempfile.TemporaryDirectory(prefix="ikugen-limits-") as tmp:
        for name, text in SHAPES.items():
            runs = []
            for half in (True, False):
                spec = Path(tmp) / f"{'half' if half else 'full'}.yaml"
                spec.write_text(text(half), encoding="utf-8")
                runs.append((spec.stat().st_size, *measure(spec, Path(tmp) / "out.docx")))
            (_, t_half, m_half), (size, t_full, m_full) = runs
            met = "met" if t_full < 30 and m_full < 1024 else "missed"
            say(f"{name:24} {size / 1024:7.0f} K {t_full:6.1f} s {m_full:5.0f} MiB   "
                  f"{t_half:5.1f} s, {m_half:5.0f} MiB   {t_full / t_half:9.2f}x  {met} (< 30 s, < 1 GiB)")
    say(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
