"""Run the `ikugen` command and turn every outcome into a message and an exit code.

Exit codes (decided by `errors.exit_code`, as for the commands' own verdicts): 0 success, 1 a
problem in the user's input or output, 2 a usage error, 70 an internal error (a bug: traceback
with --debug), 130 interrupted (Ctrl-C), 143 stopped by SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType
from typing import Any, Optional

import click

from ikugen.cli import click_texts
from ikugen.cli.commands import cli
from ikugen.cli.compare_command import bandingkan
from ikugen.errors import HungUp, IkugenError, SpecError, Terminated, exit_code, os_reason

REPORT_URL = "https://github.com/ikugen/ikugen/issues"
cli.add_command(bandingkan)  # a command of its own module (cli/compare_command.py)


def _on_sigterm(signum: int, frame: Optional[FrameType]) -> None:
    raise HungUp() if signum == getattr(signal, "SIGHUP", None) else Terminated()


def main(argv: Optional[list[str]] = None) -> None:
    click_texts.install()
    args = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        try:  # a console that cannot show a character gets '?', not a crash
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        # `kill` and a closed terminal clean up like Ctrl-C (no temporary file is left).
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                previous[signum] = signal.signal(signum, _on_sigterm)
    try:
        code = cli.main(args=args, prog_name="ikugen", standalone_mode=False)  # the command's own verdict
    except click.exceptions.Abort as exc:  # click turns Ctrl-C (and our SIGTERM) into Abort
        click.echo("Dibatalkan.", err=True)
        code = exit_code(exc.__cause__ if isinstance(exc.__cause__, Terminated) else KeyboardInterrupt())
    except KeyboardInterrupt as exc:
        click.echo("\nDibatalkan.", err=True)
        code = exit_code(exc)
    except click.ClickException as exc:
        exc.show()
        code = exit_code(usage=True)
    except SpecError as exc:  # every problem, as `file:line:column: severity: message [CODE]`
        for problem in exc.problems:
            click.echo(problem.text(), err=True)
        code = exit_code(exc)
    except IkugenError as exc:  # no place to name (a usage error among them)
        click.echo(f"galat: {exc}", err=True)
        code = exit_code(exc)
    except BrokenPipeError as exc:  # `ikugen validate ... | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = exit_code(exc)
    except OSError as exc:  # the file system refused something: the user's to fix, not a bug
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"galat: {where}{os_reason(exc)}", err=True)
        code = exit_code(exc)
    except Exception as exc:  # a bug in ikugen, not in the user's input
        if "--debug" in args:
            import traceback  # only for a bug: keeps `ikugen --help` fast

            traceback.print_exc()
        click.echo("galat internal ikugen (ini kesalahan program, bukan kesalahan Anda); "
                   f"mohon laporkan di {REPORT_URL} dan jalankan ulang dengan --debug "
                   "untuk melihat rinciannya.", err=True)
        code = exit_code(exc)
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    sys.exit(code if isinstance(code, int) else 0)
