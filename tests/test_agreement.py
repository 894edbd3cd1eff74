"""`validate` and `build` agree on every spec: the same exit code and the same first problem.

Everything a spec holds (its YAML, its schema, its Markdown directives, tables and pictures, the
files it names) is checked when it is loaded, so no spec passes `validate` and then fails one
format of `build`, or fails with a different reason. Every spec of tests/bad_inputs/ (the
hand-made files and those make.py makes) and of tests/defects/ is run through
`ikugen validate`, `ikugen build -o x.md` and `ikugen build -o x.docx`.

These are the spec-content cases. Failures outside the spec (outputs, reference documents,
signals, LibreOffice, the environment) cannot agree with `validate`, which reads none of them;
their tests (test_hardening_errors.py, test_interrupt.py, bad_inputs/run/) make what they
need in temporary folders.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_ikugen
from test_hardening import CASES

sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
import make  # noqa: E402  (tests/bad_inputs/make.py)

DEFECTS = sorted(p.name for p in (ROOT / "tests" / "defects").glob("*.yaml"))
# Bombs and giants: the three commands of each in a process of their own (whatever they do to a
# process ends that one), `slow` for what starting those processes costs.
HOSTILE = {c.name for c in CASES if c.hostile}
NAMES = sorted({c.name for c in CASES}) + DEFECTS
COMMANDS = {"validate": [], "build -o x.md": ["-o", "x.md"], "build -o x.docx": ["-o", "x.docx"]}
# The hostile specs' three runs, in one new interpreter: run_ikugen there, results as JSON.
_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from conftest import run_ikugen
results = [run_ikugen(*args, timeout=60) for args in json.loads(sys.argv[2])]
print(json.dumps([[r.returncode, r.stdout + r.stderr] for r in results]))
"""

# A problem as every command prints it, or an error that has no place to name.
_PROBLEM = re.compile(r"^\S.*:\d+:\d+: (galat|peringatan): .* \[IKU\d{3}\]$|^galat: ")


def first_problem(output: str):
    return next((line for line in output.splitlines() if _PROBLEM.match(line)), None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Both folders' specs side by side, with the pictures the bad inputs name."""
    folder = tmp_path_factory.mktemp("agreement")
    make.populate(folder)
    for name in DEFECTS:
        assert not (folder / name).exists(), name
        shutil.copyfile(ROOT / "tests" / "defects" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory, request) -> dict[tuple[str, str], tuple[int, object, str]]:
    """(spec, command) -> (exit code, first problem line, output), for the specs selected."""
    selected = {item.callspec.params["name"] for item in request.session.items
                if getattr(item, "module", None) is sys.modules[__name__]
                and "name" in getattr(getattr(item, "callspec", None), "params", {})}
    results: dict[tuple[str, str], tuple[int, object, str]] = {}

    def one(name: str) -> None:
        outdir = tmp_path_factory.mktemp("keluaran")
        spec = str(corpus / name)
        argvs = [[command.split()[0], spec, *(o if o == "-o" else str(outdir / o) for o in outputs)]
                 for command, outputs in COMMANDS.items()]
        if name in HOSTILE:
            child = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT / "tests"), json.dumps(argvs)],
                                   capture_output=True, text=True, cwd=corpus, timeout=300)
            assert child.returncode == 0, f"{name}: exit {child.returncode}\n{child.stderr[-2000:]}"
            done = [(code, output) for code, output in json.loads(child.stdout)]
        else:
            done = [(r.returncode, r.stdout + r.stderr) for r in
                    (run_ikugen(*argv, cwd=corpus, timeout=120) for argv in argvs)]
        for command, (code, output) in zip(COMMANDS, done, strict=True):
            results[name, command] = (code, first_problem(output), output)

    todo = [n for n in NAMES if n in selected] or NAMES
    with concurrent.futures.ThreadPoolExecutor((os.cpu_count() or 1) + 1) as pool:
        processes = [pool.submit(one, name) for name in todo if name in HOSTILE]
        for name in todo:
            if name not in HOSTILE:
                one(name)
        for done in processes:
            done.result()
    return results


def test_every_spec_of_both_folders_is_a_case(corpus):
    assert sorted(p.name for p in corpus.glob("*.yaml")) == sorted(NAMES)
    assert len(NAMES) >= 90


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in HOSTILE else n
                                  for n in NAMES], ids=[n.removesuffix(".yaml") for n in NAMES])
def test_validate_and_both_builds_agree(name, runs):
    code, problem, output = runs[name, "validate"]
    assert "Traceback" not in output and "galat internal" not in output, output[-2000:]
    assert code in (0, 1, 2), output[-2000:]
    for command in list(COMMANDS)[1:]:
        other_code, other_problem, other_output = runs[name, command]
        assert (other_code, other_problem) == (code, problem), (
            f"validate: exit {code}, {problem}\n{command}: exit {other_code}, {other_problem}\n"
            f"{other_output[-2000:]}")
