"""The run-level cases of issue 12 (tests/bad_inputs/run/*.yaml) through the real `ikugen`.

Each case of the catalogue is one of three kinds:
- a command case: its files are made in a folder of its own (run/make.py), each command line runs
  there as a new `python -m ikugen` process, and the test asserts its exit code and message, that
  nothing raw reaches the terminal, and what the folder holds afterwards: a refused run keeps
  every file as it was and creates nothing, unless the case says which files it keeps;
- `test:` a pointer to the test that holds a case needing timing or signals: it must name an
  existing test function (and parameter), so that the index cannot rot;
- `corpus:` a spec-content case that tests/bad_inputs/*.yaml already holds, run by test_hardening.

The commands run once per module, in a thread pool (each case in its own folder and process);
each test then checks one case. Only the cases this session selected are run.
"""

from __future__ import annotations

import ast
import concurrent.futures
import importlib.util
import io
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, require_tool

RUN = ROOT / "tests" / "bad_inputs" / "run"
_loader = importlib.util.spec_from_file_location("run_catalogue", RUN / "make.py")
assert _loader and _loader.loader
catalogue = importlib.util.module_from_spec(_loader)
_loader.loader.exec_module(catalogue)

CASES: list[dict[str, Any]] = catalogue.catalogue()
COMMANDS = [c for c in CASES if "test" not in c and "corpus" not in c]
POINTERS = [c for c in CASES if "test" in c]
CORPUS = [c for c in CASES if "corpus" in c]
MAX_OUTPUT = 10_000  # messages quote at most a line
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _marks(case: dict[str, Any]) -> list[Any]:
    marks = [pytest.mark.slow] if case.get("slow") else []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return marks


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(c, id=c["id"], marks=_marks(c)) for c in cases]


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def steps(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Each step with its expectations; a case-level `run` (one command line or several) is one
    step whose commands all get the case's expectations."""
    raw = case.get("steps") or [case]
    return [{**step, "run": [step["run"]] if isinstance(step["run"], str) else step["run"]} for step in raw]


# ---- running -----------------------------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything below `folder` (relative path -> what it is), links and devices not followed."""
    found: dict[str, tuple] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            found[name] = ("link", os.readlink(path))
        elif stat.S_ISREG(mode):
            found[name] = ("file", path.read_bytes())
        elif not stat.S_ISDIR(mode):
            found[name] = ("special", stat.S_IFMT(mode), path.lstat().st_rdev)
    return found


def _command(line: str, folder: Path, env: dict[str, str], timeout: float) -> tuple[int, str]:
    args = [catalogue.expand(a, folder) for a in shlex.split(line)]
    assert args[0] == "ikugen", line
    done = subprocess.run([sys.executable, "-m", "ikugen", *args[1:]], cwd=folder, env=env,
                          capture_output=True, timeout=timeout)  # bytes: a raw \r stays visible
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", errors="backslashreplace")


def _run_case(case: dict[str, Any], folder: Path) -> dict[str, Any]:
    if not all(shutil.which(tool) for tool in _listed(case.get("needs"))):
        return {}  # test_case skips it, or fails it in CI
    try:
        catalogue.set_up(case, folder)
    except PermissionError as exc:  # a device node needs root
        return {"skip": f"cannot make the case's files here: {exc}"}
    before = snapshot(folder)
    env = {**os.environ, **{k: str(v) for k, v in (case.get("env") or {}).items()}}
    results = []
    for step in steps(case):
        for line in step["run"]:
            try:
                results.append((step, line, *_command(line, folder, env, case.get("timeout", 120))))
            except subprocess.TimeoutExpired as exc:
                return {"error": f"{line}: no answer in {exc.timeout} s"}
    return {"before": before, "after": snapshot(folder), "results": results}


@pytest.fixture(scope="module")
def runs(tmp_path_factory, request) -> dict[str, dict[str, Any]]:
    selected = {item.callspec.params["case"]["id"] for item in request.session.items
                if getattr(item, "module", None) is sys.modules[__name__]
                and "case" in getattr(getattr(item, "callspec", None), "params", {})}
    todo = [c for c in COMMANDS if c["id"] in selected]
    with concurrent.futures.ThreadPoolExecutor(2 * (os.cpu_count() or 1)) as pool:
        futures = {c["id"]: pool.submit(_run_case, c, tmp_path_factory.mktemp("run")) for c in todo}
        return {name: future.result() for name, future in futures.items()}


# ---- checking ----------------------------------------------------------------------------------

def check_output(step: dict[str, Any], line: str, code: int, out: str) -> None:
    where = f"{line}\n{out[-3000:]}"
    assert "Traceback" not in out and "galat internal" not in out, where
    assert code == step["exit"], f"exit {code}, not {step['exit']}: {where}"
    for wanted in _listed(step.get("message")):
        assert wanted in out, f"{wanted!r} not in the output of {where}"
    for unwanted in _listed(step.get("lacks")):
        assert unwanted not in out, f"{unwanted!r} in the output of {where}"
    if "codes" in step:
        found = re.findall(r": (?:galat|peringatan): .*\[(IKU\d{3})\]", out)
        assert set(found) == set(step["codes"]), f"problems {sorted(set(found))}: {where}"
    for text, times in (step.get("count") or {}).items():
        assert out.count(text) == times, f"{text!r} {out.count(text)} times, not {times}: {where}"
    for prefix in _listed(step.get("no_line")):
        assert not [x for x in out.splitlines() if x.startswith(prefix)], f"a line {prefix!r}: {where}"
    assert not _RAW_CONTROL.search(out), f"a raw control character reached the terminal: {out!r}"
    assert len(out) < step.get("max_output", MAX_OUTPUT), f"{len(out)} characters printed: {where}"


def content(data: bytes) -> bytes:
    """A file's bytes, or for a zip (DOCX) all its parts unpacked, each after its name."""
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"\n".join(n.encode() + b"\n" + z.read(n) for n in z.namelist())


def check_files(case: dict[str, Any], before: dict[str, tuple], after: dict[str, tuple]) -> None:
    refused = all(s["exit"] != 0 for s in steps(case))
    kept = case.get("kept", "all" if refused else [])
    if kept == "all":
        assert after == before, f"changed or made: {sorted(set(after.items()) ^ set(before.items()))}"[:3000]
    for name in _listed(kept if kept != "all" else None):
        assert after.get(name) == before[name], f"{name} was changed or removed"
    for name, wanted in (case.get("made") or {}).items():
        assert name in after, f"{name} was not made"
        if "link" in wanted:
            assert after[name] == ("link", wanted["link"]), f"{name} is {after[name][0]}, not a link"
            continue
        assert after[name][0] == "file", f"{name} is {after[name][0]}, not a regular file"
        data = after[name][1]
        assert data.startswith(wanted.get("starts", "").encode()), f"{name} starts {data[:20]!r}"
        for text in _listed(wanted.get("has")):
            assert text.encode() in content(data), f"{text!r} not in {name}"
        for text in _listed(wanted.get("lacks")):
            assert text.encode() not in content(data), f"{text!r} in {name}"
    if "only" in case:
        assert sorted(after) == sorted(case["only"]), f"the folder holds {sorted(after)}"
    for name in _listed(case.get("absent")):
        assert name not in after, f"{name} exists"


@pytest.mark.parametrize("case", _params(COMMANDS))
def test_case(case, runs):
    for tool in _listed(case.get("needs")):
        require_tool(tool)
    run = runs[case["id"]]
    if "skip" in run:
        pytest.skip(run["skip"])
    assert "error" not in run, run.get("error")
    for step, line, code, out in run["results"]:
        check_output(step, line, code, out)
    check_files(case, run["before"], run["after"])


# ---- the index ---------------------------------------------------------------------------------

def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


@pytest.mark.parametrize("case", _params(POINTERS))
def test_a_pointer_names_an_existing_test(case):
    file, _, name = case["test"].partition("::")
    function, _, param = name.partition("[")
    path = ROOT / file
    assert path.is_file(), f"{file} does not exist"
    assert function in _functions(path), f"{file} has no test {function}"
    if param:  # a parameter id, written in the file as an id or a value
        assert re.search(rf"\b{re.escape(param.rstrip(']'))}\b", path.read_text(encoding="utf-8")), param
    assert case.get("why"), "a pointer says why its case cannot be a command case"


def test_corpus_cases_are_in_the_corpus():
    from test_hardening import CASES as HARDENING

    names = {c.name for c in HARDENING}
    missing = [c["corpus"] for c in CORPUS if c["corpus"] not in names]
    assert not missing, missing


def test_the_catalogue_is_whole():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids repeat"
    sections = {c["section"] for c in CASES}
    assert sections == {"Data lost, exit 0", "What comes in from outside", "Wrong answers",
                        "Signals and workers", "Size"}
    for case in CASES:
        assert case.get("issue"), f"{case['id']}: the issue's words for it"
        kinds = [k for k in ("test", "corpus", "run", "steps") if k in case]
        assert len(kinds) == 1, f"{case['id']}: one of test, corpus, run or steps, not {kinds}"
        for step in steps(case) if kinds[0] in ("run", "steps") else []:
            assert isinstance(step.get("exit"), int), f"{case['id']}: every command has its exit code"
            assert step["exit"] == 0 or step.get("message"), f"{case['id']}: a refusal has its message"
    assert len(COMMANDS) >= 60
