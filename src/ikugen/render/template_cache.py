"""Compiled templates kept between runs in the user's cache folder ($XDG_CACHE_HOME/ikugen).

Compiling the packaged templates costs ~80 ms of CPU in every process, more than the rest of
the render; loading their compiled code back costs a few. Jinja checks each entry against the
template's source (its checksum is in the entry): an edited template, packaged or an office's,
is compiled again, never served stale. The entry's name also carries a fingerprint of what the
compiled code depends on besides the source (Jinja and Python, the environment's options and
filters, this ikugen's environment module), so another version never reads this one's code.

The cache only ever saves time: an entry that is damaged, cut short, unreadable, of another user
or writable by others is ignored (the template is compiled as without a cache), and a folder
that cannot be written is skipped without a word. An entry is written whole or not at all (a
temporary file renamed over it), so processes of a batch may share the folder.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
import types
from pathlib import Path
from typing import Optional

import jinja2
from jinja2.bccache import Bucket

MAX_ENTRY = 8 * 1024 * 1024  # bytes: far above the largest template's code
_DIGEST = 32  # sha256 of the rest of the entry, written first
_SUFFIX = ".j2c"


def cache_folder() -> Optional[Path]:
    """Where the entries are kept: $XDG_CACHE_HOME/ikugen/templat, by default ~/.cache/ikugen/templat;
    None when there is no home to keep them in. A relative XDG_CACHE_HOME is ignored, as the
    XDG specification says."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no HOME and no password entry
            return None
    return Path(base, "ikugen", "templat")


def fingerprint(env: jinja2.Environment) -> str:
    """What Jinja's compiled code depends on besides the template's source."""
    own = Path(__file__).with_name("environment.py")
    try:
        module = own.read_bytes()
    except OSError:
        module = b""
    finalize = env.finalize
    parts = (
        jinja2.__version__, sys.implementation.cache_tag, type(env).__module__, type(env).__qualname__,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.is_async, env.sandboxed, sorted(getattr(env, "intercepted_binops", ())),
        sorted(getattr(env, "intercepted_unops", ())), sorted(env.extensions), sorted(env.filters),
        sorted(env.tests), getattr(finalize, "__qualname__", repr(finalize)),
        getattr(finalize, "jinja_pass_arg", None), env.code_generator_class.__qualname__,
        hashlib.sha256(module).hexdigest(),
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


class DiskCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in files, each entry led by the sha256 of the rest."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def get_cache_key(self, name: str, filename: Optional[str] = None) -> str:
        return hashlib.sha256(f"{self.fingerprint}|{name}|{filename}".encode("utf-8", "replace")).hexdigest()

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / (bucket.key + _SUFFIX)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            # Not blocking: a FIFO put in an entry's place would hang every run on open().
            with os.fdopen(os.open(self._path(bucket), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)),
                           "rb") as entry:
                status = os.fstat(entry.fileno())
                if not stat.S_ISREG(status.st_mode) or not _own(status):
                    return
                data = entry.read(MAX_ENTRY + 1)
        except (OSError, ValueError):
            return  # no entry yet (or none readable): Jinja compiles
        payload = data[_DIGEST:]
        if len(data) > MAX_ENTRY or hashlib.sha256(payload).digest() != data[:_DIGEST]:
            return
        try:
            bucket.bytecode_from_string(payload)  # Jinja compares the source's checksum here
        except Exception:  # an entry Jinja cannot read: compiled as without one
            bucket.reset()
        if not isinstance(bucket.code, types.CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        payload = bucket.bytecode_to_string()
        data = hashlib.sha256(payload).digest() + payload
        temporary = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self._path(bucket))
            temporary = None
        except OSError:
            pass  # an unwritable folder (read-only home, full disk): no cache, same document
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass


def _own(status: os.stat_result) -> bool:
    """An entry of this user's that nobody else can have written: it is run as Python code."""
    uid = getattr(os, "geteuid", None)
    if uid is None:  # Windows: no owners to compare
        return True
    return status.st_uid == uid() and not status.st_mode & 0o022


def attach(env: jinja2.Environment) -> None:
    """Give `env` the disk cache, when there is a folder for it."""
    folder = cache_folder()
    if folder is not None:
        env.bytecode_cache = DiskCache(folder, fingerprint(env))
