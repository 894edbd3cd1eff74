"""Every speed and memory figure of issues 7 and 18, each beside its reference, measured in one run.

    python bench/run.py [--n 1000] [--batch 200] [--profile] [--no-pdf]

Times are the best of several whole processes (what a user waits for), measured here and now, with the
references run the same way on the same machine: pandoc for a single build, `python -c pass`
and the bare imports for start-up. Not a test: nothing fails, it prints.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

PY = sys.executable
IKUGEN = [PY, "-m", "ikugen"]
IMPORTS = "import click, yaml, pydantic, docx, jinja2, markdown_it"


def timed(cmd: list[str], repeat: int = 5, **kw) -> float:
    """Best wall time of `cmd` in seconds over `repeat` runs; a failing command stops the bench.

    The best, not the median: on a shared machine other work only ever adds time.
    """
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, **kw)
        runs.append(time.perf_counter() - start)
        if done.returncode not in (0,):
            sys.exit(f"failed: {' '.join(map(str, cmd))}\n{done.stderr.decode()[-2000:]}")
    return min(runs)


def peak_rss_mib(cmd: list[str]) -> float:
    """Peak resident memory of `cmd` and its children, in MiB (a fresh wrapper per measure)."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], capture_output=True, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", probe, *map(str, cmd)], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()  # a long run shows each figure as soon as it is measured


def row(what: str, value: str, reference: str, verdict: str) -> None:
    say(f"{what:44} {value:>14}   {reference:34} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="specs for validate and the memory batch")
    parser.add_argument("--batch", type=int, default=200, help="documents for the per-document cost")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of 30 builds")
    parser.add_argument("--no-pdf", action="store_true", help="leave out the PDF beside LibreOffice's own")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    say(f"ikugen bench, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}\n")
    with tempfile.TemporaryDirectory(prefix="ikugen-bench-") as tmp:
        t = Path(tmp)
        many = generate(args.n, t / "spek")
        batch = t / "batch"
        batch.mkdir()
        for p in many[:args.batch]:
            shutil.copy(p, batch / p.name)
        one = t / "one"
        one.mkdir()
        shutil.copy(many[0], one / many[0].name)
        large = generate(1, t / "besar", "besar")[0]
        biggest = max((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)

        say(f"{'figure':44} {'ikugen':>14}   {'reference (same run)':34} goal")
        for label, spec in ((f"build {biggest.name}, whole process", biggest),
                            ("build large synthetic (300 indicators)", large)):
            md = t / (spec.stem + ".md")
            subprocess.run([*IKUGEN, "build", spec, "-o", md], check=True, capture_output=True)
            ours = timed([*IKUGEN, "build", spec, "-o", t / "x.docx"])
            if pandoc:
                ref = timed([pandoc, md, "-f", "markdown", "-o", t / "p.docx"])
                row(label, f"{ours * 1000:.0f} ms", f"pandoc same Markdown {ref * 1000:.0f} ms",
                    f"ratio {ours / ref:.2f} (goal <= 1.0)")
            else:
                row(label, f"{ours * 1000:.0f} ms", "pandoc not installed", "")

        bare = timed([PY, "-c", "pass"], 10)
        imports = timed([PY, "-c", IMPORTS], 10)
        helps = timed([*IKUGEN, "--help"], 10)
        row("ikugen --help", f"{helps * 1000:.0f} ms",
            f"python -c pass {bare * 1000:.0f} ms; imports {imports * 1000:.0f} ms",
            f"{'met' if helps < 0.06 else 'missed'} (goal < 60 ms)")

        start = time.perf_counter()
        subprocess.run([*IKUGEN, "validate", t / "spek"], capture_output=True, check=True)
        took = time.perf_counter() - start
        row(f"validate {args.n} specs", f"{took / args.n * 1000:.1f} ms per spec", f"{took:.1f} s in all",
            f"{'met' if took / args.n <= 0.005 else 'missed'} (goal <= 5 ms per spec)")
        changed = perubahan_copies(t / "perubahan", 100)
        start = time.perf_counter()
        subprocess.run([*IKUGEN, "validate", changed], capture_output=True, check=True)
        took = time.perf_counter() - start
        row("validate 100 IKU Perubahan (+ sebelumnya)", f"{took / 100 * 1000:.1f} ms per spec",
            f"{took:.1f} s in all", f"{'met' if took / 100 <= 0.005 else 'missed'} (goal <= 5 ms per spec)")

        per = {}
        for jobs in (1, 2):
            small = timed([*IKUGEN, "build", one, "-k", t / "o1", "-j", str(jobs)], 3)
            full = timed([*IKUGEN, "build", batch, "-k", t / f"o{jobs}", "-j", str(jobs)], 3)
            per[jobs] = (full - small) / (args.batch - 1)
            row(f"batch -j{jobs}: per document after start-up", f"{per[jobs] * 1000:.1f} ms",
                f"{args.batch} docs {full:.1f} s; 1 doc {small:.2f} s",
                f"{'met' if per[jobs] * jobs <= 0.025 else 'missed'} (goal <= 25 ms x cores)")
        row("batch speed-up with 2 cores", f"{per[1] / per[2]:.2f}x", "",
            f"{'met' if per[1] / per[2] >= 1.9 else 'missed'} (goal >= 1.9x)")
        row("all ~7,300 kecamatan on one core", f"{7300 * per[1] / 60:.1f} min", "", "goal < 3 min")

        hundred = t / "hundred"
        hundred.mkdir()
        for p in many[:100]:
            shutil.copy(p, hundred / p.name)
        rss_100 = peak_rss_mib([*IKUGEN, "build", hundred, "-k", t / "m1", "-j", "1"])
        rss_n = peak_rss_mib([*IKUGEN, "build", t / "spek", "-k", t / "m2", "-j", "1"])
        growth = (rss_n - rss_100) / (args.n - 100) * 1024
        row(f"peak RSS, batch of {args.n} (-j1)", f"{rss_n:.0f} MiB", f"batch of 100: {rss_100:.0f} MiB",
            f"{'met' if rss_n < 100 else 'missed'} (goal < 100 MiB)")
        row("growth per document", f"{growth:.1f} KiB", "",
            f"{'met' if growth < 1 else 'missed'} (goal: flat, < 1 KiB)")
        if not args.no_pdf and shutil.which("soffice"):
            pdf_beside_libreoffice(biggest, t)
        say(f"\nload average at the end: {os.getloadavg()[0]:.2f} (other work on the machine slows "
            "every figure)")
        if args.profile:
            profile(many[:30], t)


def perubahan_copies(folder: Path, n: int) -> Path:
    """`n` copies of the example IKU Perubahan (tests/perubahan/), each loading its `sebelumnya`;
    the files they name are named by absolute paths, so they read the same files from `folder`."""
    pair = ROOT / "tests" / "perubahan"
    text = (pair / "cerbon-perubahan.yaml").read_text(encoding="utf-8")
    text = text.replace("dasar: ../../examples/cerbon.yaml", f"dasar: {ROOT / 'examples' / 'cerbon.yaml'}")
    text = text.replace("sebelumnya: cerbon-2023-awal.yaml", f"sebelumnya: {pair / 'cerbon-2023-awal.yaml'}")
    folder.mkdir()
    for i in range(n):
        (folder / f"perubahan{i:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


def pdf_beside_libreoffice(spec: Path, t: Path) -> None:
    """A PDF build (layout self-check and TOC pass included) beside LibreOffice converting the same
    DOCX itself, with a fresh profile each time as ikugen's conversion has."""
    docx = t / "same.docx"
    subprocess.run([*IKUGEN, "build", spec, "-o", docx], check=True, capture_output=True)
    ours = timed([*IKUGEN, "build", spec, "-o", t / "x.pdf"], 3)
    runs = []
    for i in range(3):
        profile = t / f"lo-profile-{i}"
        start = time.perf_counter()
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                        "--convert-to", "pdf", "--outdir", t / "lo", docx], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    ref = min(runs)
    row(f"build {spec.name} -o x.pdf, whole process", f"{ours * 1000:.0f} ms",
        f"soffice --convert-to pdf {ref * 1000:.0f} ms", f"ratio {ours / ref:.2f} "
        f"({'met' if ours / ref <= 1.5 else 'missed'}: goal <= 1.5)")


def profile(specs: list[Path], t: Path) -> None:
    """Where an in-process build spends its time, after the first (warm) document."""
    from ikugen.pipeline import Options, build, load_spec

    build(load_spec(specs[0]), [t / "warm.docx"], Options())
    prof = cProfile.Profile()
    prof.enable()
    for spec in specs[1:]:
        build(load_spec(spec), [t / "p.docx"], Options())
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(18)
    say(f"\nprofile of {len(specs) - 1} builds, by own time:")
    say("\n".join(out.getvalue().splitlines()[4:]))


if __name__ == "__main__":
    main()
