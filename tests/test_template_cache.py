"""Compiled templates kept in the user's cache folder (render/template_cache.py) only save time:
an edited template prints its new text, a damaged or foreign entry is ignored, and a folder that
cannot be written changes nothing but the time."""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import shutil

import jinja2
import pytest
from conftest import ROOT, office, run_ikugen
from jinja2.bccache import bc_magic

from ikugen.render import environment as environment_module
from ikugen.render import template_cache
from ikugen.render.environment import environment

SPEC = ROOT / "examples" / "kaloran.yaml"
FOREWORD = "teks/kata_pengantar.md.j2"


def _entries(cache_home):
    folder = cache_home / "ikugen" / "templat"
    return sorted(folder.glob("*.j2c")) if folder.is_dir() else []


def _build(tmp_path, cache_home, *extra, name="IKU.md", process=False):
    out = tmp_path / name
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    result = run_ikugen("build", SPEC, "-o", out, *extra, env=env, process=process)
    assert result.returncode == 0, result.stderr[-800:]
    assert "Traceback" not in result.stderr
    return out.read_bytes()


@pytest.fixture
def fresh_environment():
    """A new process's environment (the disk cache stays; the in-memory one goes)."""
    environment.cache_clear()
    yield environment.cache_clear
    environment.cache_clear()


def test_the_cache_is_written_where_xdg_says_and_read_back_by_a_new_process(tmp_path):
    cache_home = tmp_path / "cache"
    first = _build(tmp_path, cache_home, name="1.md", process=True)
    entries = _entries(cache_home)
    assert len(entries) >= 10  # the layout's templates, each compiled once
    stamps = [e.stat().st_mtime_ns for e in entries]
    assert _build(tmp_path, cache_home, name="2.md", process=True) == first
    assert [e.stat().st_mtime_ns for e in entries] == stamps  # read, not compiled and written again


def test_an_edited_office_template_prints_its_new_text_in_a_new_process(tmp_path):
    cache_home = tmp_path / "cache"
    folder = office(tmp_path, {FOREWORD: "Kata pengantar kantor, versi pertama.\n"})
    first = _build(tmp_path, cache_home, "--templates", folder, name="1.md", process=True)
    assert b"versi pertama" in first
    (folder / FOREWORD).write_text("Kata pengantar kantor, versi kedua.\n", encoding="utf-8")
    second = _build(tmp_path, cache_home, "--templates", folder, name="2.md", process=True)
    assert b"versi kedua" in second and b"versi pertama" not in second
    # The packaged templates around it, from the cache, print as before.
    assert first.replace(b"pertama", b"kedua") == second


def test_an_edited_packaged_template_prints_its_new_text(tmp_path, monkeypatch, fresh_environment):
    packaged = tmp_path / "templates"
    shutil.copytree(environment_module.templates_dir(), packaged)
    monkeypatch.setattr(environment_module, "templates_dir", lambda: packaged)
    cache_home = tmp_path / "cache"
    before = _build(tmp_path, cache_home, name="1.md")
    with open(packaged / FOREWORD, "a", encoding="utf-8") as text:
        text.write("\nKalimat tambahan yang baru ditulis.\n")
    fresh_environment()
    after = _build(tmp_path, cache_home, name="2.md")
    assert b"Kalimat tambahan yang baru ditulis." in after and after != before
    (packaged / FOREWORD).write_text((ROOT / "templates" / FOREWORD).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    fresh_environment()
    assert _build(tmp_path, cache_home, name="3.md") == before


@pytest.mark.parametrize("damage", ["garbage", "cut short", "empty", "payload", "not code", "not a pickle"])
def test_a_damaged_entry_is_ignored(tmp_path, fresh_environment, damage):
    cache_home = tmp_path / "cache"
    good = _build(tmp_path, cache_home, name="good.md")
    entries = _entries(cache_home)
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        if damage == "garbage":
            data = os.urandom(len(data))
        elif damage == "cut short":
            data = data[: len(data) // 2]
        elif damage == "empty":
            data = b""
        elif damage == "payload":  # a letter of the text in the code changed, the digest left as it was
            data = data.replace(b"Indikator", b"Indikatur")
        else:  # the right digest and the template's checksum, then no code (or no pickle)
            stream = io.BytesIO(data[32:])
            assert stream.read(len(bc_magic)) == bc_magic
            checksum = pickle.load(stream)
            payload = bc_magic + (pickle.dumps(checksum, 2) + marshal.dumps(42) if damage == "not code"
                                  else b"\x80\x02garbage")
            data = hashlib.sha256(payload).digest() + payload
        entry.write_bytes(data)
    fresh_environment()
    assert _build(tmp_path, cache_home, name="again.md") == good


def test_an_entry_others_could_have_written_is_not_run(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.j2").write_text("{{ 1 + 1 }}\n", encoding="utf-8")
    cache = template_cache.DiskCache(tmp_path / "cache", "fp")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    assert env.get_template("a.j2").render() == "2"
    (entry,) = (tmp_path / "cache").glob("*.j2c")
    bucket = cache.get_bucket(env, "a.j2", str(folder / "a.j2"), "{{ 1 + 1 }}\n")
    assert bucket.code is not None  # the entry is read back
    entry.chmod(0o666)
    bucket = cache.get_bucket(env, "a.j2", str(folder / "a.j2"), "{{ 1 + 1 }}\n")
    assert bucket.code is None


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path, fresh_environment):
    good = _build(tmp_path, tmp_path / "cache", name="good.md")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")  # (root writes any folder; a file it cannot)
    fresh_environment()
    assert _build(tmp_path, blocked, name="blocked.md") == good
    assert blocked.read_text(encoding="utf-8") == "not a folder\n"


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert template_cache.cache_folder() == tmp_path / ".cache" / "ikugen" / "templat"


def test_another_environment_never_reads_this_ones_code():
    env = environment(None)
    other = jinja2.sandbox.SandboxedEnvironment()
    assert template_cache.fingerprint(env) != template_cache.fingerprint(other)
    changed = env.overlay(trim_blocks=False)
    assert template_cache.fingerprint(env) != template_cache.fingerprint(changed)


def test_a_fifo_in_an_entry_s_place_does_not_hang_the_build(tmp_path):
    """Entry names are predictable: a FIFO made in their place blocked open() in every run."""
    cache_home = tmp_path / "cache"
    good = _build(tmp_path, cache_home, name="good.md", process=True)
    entries = _entries(cache_home)
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    assert _build(tmp_path, cache_home, name="again.md", process=True) == good  # run_ikugen's timeout
