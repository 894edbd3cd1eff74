"""Shared helpers: run the `ikugen` command, find the examples and real programs.

`run_ikugen` runs the command in this test process by default (`ikugen.cli.main.main`, the
installed entry point's function): the same arguments, exit code, stdout and stderr as a new
process gives, without the half second it costs to start Python and import ikugen again. A test
about the process itself (signals, exit status, hangs, pipes, terminals, a fresh interpreter)
passes `process=True` and gets a real `python -m ikugen` process.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Read once, when an interpreter starts (locale, time zone, hash seed, temporary folder): a run
# whose environment changes one of these needs a process of its own.
_STARTUP_VARIABLES = ("PYTHON", "LC_", "LANG", "TZ", "TMPDIR", "TEMP", "TMP")
_IN_PROCESS_KEYWORDS = {"env"}  # besides cwd= and timeout=, which are parameters


def pytest_configure(config):
    # ikugen keeps compiled templates in the user's cache folder (render/template_cache.py): the
    # tests' runs, in this process and in processes they start, keep theirs in a folder of the
    # session's, never in the home of whoever runs the tests. Set before any test starts a thread.
    _session_cache = Path(tempfile.mkdtemp(prefix="ikugen-test-cache-"))
    os.environ["XDG_CACHE_HOME"] = str(_session_cache)
    config.add_cleanup(lambda: shutil.rmtree(_session_cache, ignore_errors=True))
    config.addinivalue_line(
        "markers", "slow: slow by nature (many LibreOffice PDFs, long property runs, very large "
                   "inputs); the everyday loop is `pytest -m \"not slow\"`")


def run_ikugen(*args, cwd: Path | None = None, timeout: float = 120, process: bool = False,
               **kw) -> subprocess.CompletedProcess:
    """`ikugen ARGS`: its exit code, stdout and stderr (text), as subprocess.run gives them.

    In this process unless `process=True`, a keyword only a process can honour (input=, stdin=,
    preexec_fn=, ...), an `env` that changes what an interpreter reads at start, or a call from
    a thread other than the main one (the working folder and sys.stdout belong to the process).
    """
    argv = [str(a) for a in args]
    env = kw.get("env")
    if (process or set(kw) - _IN_PROCESS_KEYWORDS or threading.current_thread() is not threading.main_thread()
            or (env is not None and _changes_startup(env))):
        return subprocess.run([sys.executable, "-m", "ikugen", *argv], capture_output=True, text=True,
                              cwd=cwd, timeout=timeout, **kw)
    return _in_process(argv, cwd, env, timeout)


def _changes_startup(env: dict) -> bool:
    keys = {k for k in set(env) | set(os.environ) if k.startswith(_STARTUP_VARIABLES)}
    return any(env.get(k) != os.environ.get(k) for k in keys)


def _in_process(argv: list[str], cwd, env, timeout: float) -> subprocess.CompletedProcess:
    from ikugen.cli import main as runner

    out, err = _Stream(), _Stream()
    saved_streams = sys.stdout, sys.stderr
    saved_cwd = os.getcwd()
    saved_env = dict(os.environ)
    saved_signals = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM)}
    watchdog = _Watchdog(timeout)
    code: object = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.stdout, sys.stderr = out, err
        with warnings.catch_warnings():
            _process_warning_filters()
            try:
                with watchdog:
                    runner.main(argv)
            except SystemExit as exc:
                code = exc.code
            except KeyboardInterrupt:  # the watchdog's, before ikugen's own handling began
                if not watchdog.fired:
                    raise
    finally:
        sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        if dict(os.environ) != saved_env:
            os.environ.clear()
            os.environ.update(saved_env)
        for signum, handler in saved_signals.items():
            if signal.getsignal(signum) is not handler and handler is not None:
                signal.signal(signum, handler)
        _undo_click_id()
    stdout, stderr = out.text(), err.text()
    if code is None:
        returncode = 0
    elif isinstance(code, int):
        returncode = code
    else:  # sys.exit("message"), as the interpreter reports it
        stderr += f"{code}\n"
        returncode = 1
    if watchdog.fired:
        raise subprocess.TimeoutExpired(["ikugen", *argv], timeout, output=stdout, stderr=stderr)
    if returncode == 130:  # no test signals an in-process run: this is Ctrl-C on pytest itself
        raise KeyboardInterrupt
    if returncode == 143:  # nor sends it SIGTERM: pass it on to pytest, which ends as it would have
        os.kill(os.getpid(), signal.SIGTERM)
    return subprocess.CompletedProcess(["ikugen", *argv], returncode, stdout, stderr)


class _Stream(io.TextIOWrapper):
    """stdout or stderr of the run: a pipe's text stream (UTF-8, not a terminal), read back the
    way subprocess.run(text=True) decodes a pipe."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding=locale.getpreferredencoding(False), line_buffering=True)

    def text(self) -> str:
        self.flush()
        decoded = self.buffer.getvalue().decode(self.encoding)  # type: ignore[attr-defined]
        return decoded.replace("\r\n", "\n").replace("\r", "\n")


def _process_warning_filters() -> None:
    """Python's own defaults, as in a new `ikugen` process (pytest's filterwarnings=error is
    for the tests' code: a warning in a run is printed on its stderr, as a user would see it)."""
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.filterwarnings("ignore", category=category)


def _undo_click_id() -> None:
    """Undo click_id.install(): click's modules back to the `gettext` they import, so that each
    run, like a new process, starts from click's English and translates it itself."""
    click_id = sys.modules.get("ikugen.cli.click_texts")
    if click_id is None:
        return
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is click_id._gettext:
                module._ = gettext.gettext
            if getattr(module, "ngettext", None) is click_id._ngettext:
                module.ngettext = gettext.ngettext


@pytest.fixture(autouse=True)
def _click_as_imported():
    """Also after a test that calls ikugen.cli.main.main itself."""
    yield
    _undo_click_id()


class _Watchdog:
    """The `timeout` of subprocess.run for an in-process run: Ctrl-C to the main thread when the
    time is up (a signal, so that a blocking system call is interrupted too)."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.fired, self.running = seconds, False, False
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        with self.lock:
            if self.running:
                self.fired = True
                signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # type: ignore[arg-type]

    def __enter__(self) -> _Watchdog:
        self.running = True
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self.lock:
            self.running = False
        self.timer.cancel()
        self.timer.join()  # no thread of ours is left behind (a fork after a run copies none)


def office(tmp_path: Path, files: dict[str, str]) -> Path:
    """An office's template folder (`--templates`) holding `files` (name -> text)."""
    folder = tmp_path / "kantor"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


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
    """Each example built once per session by the command, in the standard layout."""
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

