"""Every failure a user can cause outside the spec's text: where the output goes, the disk, the
reference document, LibreOffice, an office's templates. Each ends with an Indonesian message
and exit 1 or 2; a bug in ikugen ends with one line and exit 70.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_ikugen

SPEC = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"  # small: these tests are about failures
OLD = b"versi lama\n"


def _clean(result) -> None:
    assert "Traceback" not in result.stderr and "galat internal" not in result.stderr, result.stderr


# ---- where the output goes ------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc: unwritable even for root")
def test_output_where_nothing_can_be_written(tmp_path):
    result = run_ikugen("build", SPEC, "-o", "/proc/IKU.docx")
    _clean(result)
    assert result.returncode == 1
    assert "galat: /proc/IKU.docx: tidak dapat menulis (" in result.stderr  # the reason is the system's


def test_output_name_too_long(tmp_path):
    out = tmp_path / ("n" * 300 + ".docx")
    result = run_ikugen("build", SPEC, "-o", out)
    _clean(result)
    assert result.returncode == 1
    assert "(nama terlalu panjang)" in result.stderr


def test_output_inside_a_file(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_bytes(OLD)
    result = run_ikugen("build", SPEC, "-o", blocker / "IKU.docx")
    _clean(result)
    assert result.returncode == 1
    assert f"{blocker} bukan folder" in result.stderr
    assert blocker.read_bytes() == OLD


def test_a_full_disk_keeps_the_old_file(tmp_path):
    """A file-size limit (what a full disk looks like to a writer) hits mid-write."""
    resource = pytest.importorskip("resource")
    out = tmp_path / "IKU.docx"
    out.write_bytes(OLD)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))  # the DOCX is larger

    result = subprocess.run([sys.executable, "-m", "ikugen", "build", str(SPEC), "-o", str(out)],
                            capture_output=True, text=True, preexec_fn=limit, timeout=120)
    _clean(result)
    assert result.returncode == 1
    assert f"{out}: gagal menulis (melebihi batas ukuran berkas); berkas lama tetap utuh" in result.stderr
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKU.docx"]


def test_a_replaced_output_keeps_its_mode(tmp_path):
    out = tmp_path / "IKU.md"
    out.write_bytes(OLD)
    out.chmod(0o640)
    assert run_ikugen("build", SPEC, "-o", out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anything")
def test_a_read_only_output_is_not_replaced(tmp_path):
    """A rename would replace a read-only file regardless: the permission is checked first."""
    out = tmp_path / "IKU.md"
    out.write_bytes(OLD)
    out.chmod(0o444)
    result = run_ikugen("build", SPEC, "-o", out)
    _clean(result)
    assert result.returncode == 1
    assert f"{out}: tidak ada izin menulis" in result.stderr
    assert out.read_bytes() == OLD


# ---- the spec file itself --------------------------------------------------------------------------

def test_a_named_pipe_nobody_writes_to_does_not_hang(tmp_path):
    pipe = tmp_path / "spek.yaml"
    os.mkfifo(pipe)
    started = time.monotonic()
    for command in ("validate", "build"):  # processes: a hang ends at the timeout, not in pytest
        result = run_ikugen(command, pipe, "-o", tmp_path / "x.docx", process=True) if command == "build" \
            else run_ikugen(command, pipe, timeout=30, process=True)
        _clean(result)
        assert result.returncode == 1
        assert "berkas kosong" in result.stderr + result.stdout
    assert time.monotonic() - started < 30


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_not_a_spec():
    result = run_ikugen("validate", "/dev/zero")
    _clean(result)
    assert result.returncode == 2
    assert "/dev/zero: bukan berkas biasa (perangkat atau soket)" in result.stderr


def test_stdout_closed_early_is_not_a_crash(tmp_path):
    """`ikugen validate ... | head -1`: the reader leaves before ikugen writes."""
    for i in range(3):
        (tmp_path / f"s{i}.yaml").write_text("profil: {}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "ikugen", "validate", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # type: ignore[union-attr]
    with proc.stderr:  # type: ignore[union-attr]
        stderr = proc.stderr.read().decode()  # type: ignore[union-attr]
    proc.wait(timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in stderr and "galat internal" not in stderr and "Exception ignored" not in stderr


# ---- the reference document -----------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"bukan dokumen word\n", b"PK\x05\x06" + b"\x00" * 18],
                         ids=["empty", "text", "empty-zip"])
def test_a_reference_document_that_is_not_a_docx(tmp_path, content):
    reference = tmp_path / "acuan.docx"
    reference.write_bytes(content)
    out = tmp_path / "IKU.docx"
    result = run_ikugen("build", SPEC, "-o", out, "--reference-doc", reference)
    _clean(result)
    assert result.returncode == 1
    assert f"dokumen acuan {reference} bukan dokumen Word (.docx) yang dapat dibaca" in result.stderr
    assert not out.exists()


# ---- LibreOffice ----------------------------------------------------------------------------------

def _fake_office(folder: Path, body: str) -> dict[str, str]:
    """A PATH whose only soffice is a script: LibreOffice that fails or hangs, on demand."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:/usr/bin:/bin"}


def test_pdf_without_libreoffice(tmp_path):
    out = tmp_path / "IKU.pdf"
    out.write_bytes(OLD)
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = run_ikugen("build", SPEC, "-o", out, env={**os.environ, "PATH": str(empty)})
    _clean(result)
    assert result.returncode == 1
    assert "LibreOffice tidak ditemukan" in result.stderr
    assert "sudo apt install libreoffice-writer" in result.stderr
    assert out.read_bytes() == OLD


def test_pdf_when_libreoffice_fails(tmp_path):
    out = tmp_path / "IKU.pdf"
    out.write_bytes(OLD)
    env = _fake_office(tmp_path / "bin", "echo rusak >&2; exit 1")
    result = run_ikugen("build", SPEC, "-o", out, env=env)
    _clean(result)
    assert result.returncode == 1
    assert "LibreOffice" in result.stderr
    assert "PDF tidak dibuat" in result.stderr or "gagal membuat PDF" in result.stderr
    assert out.read_bytes() == OLD


def test_pdf_when_libreoffice_hangs(tmp_path):
    out = tmp_path / "IKU.pdf"
    out.write_bytes(OLD)
    marker = tmp_path / "bin" / "soffice"
    env = {**_fake_office(tmp_path / "bin", "sleep 300"), "IKUGEN_PDF_TIMEOUT": "3"}
    started = time.monotonic()
    result = run_ikugen("build", SPEC, "-o", out, env=env, timeout=120, process=True)  # a hang, and its end
    assert time.monotonic() - started < 60
    _clean(result)
    assert result.returncode == 1
    assert "LibreOffice tidak selesai dalam 3 detik; PDF tidak dibuat" in result.stderr
    assert out.read_bytes() == OLD
    if Path("/proc").is_dir():  # the hung "LibreOffice" was stopped with ikugen's wait
        time.sleep(0.5)
        left = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _mentions(p, str(marker))]
        assert left == []


def _mentions(proc: Path, text: str) -> bool:
    try:
        return text.encode() in (proc / "cmdline").read_bytes()
    except OSError:
        return False


# ---- a bug in ikugen ------------------------------------------------------------------------------

@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_internal_error_is_one_line_and_exit_70(tmp_path, monkeypatch, capsys, debug):
    import ikugen.pipeline
    from ikugen.cli.main import REPORT_URL, main

    def broken(*args, **kwargs):
        raise RuntimeError("bug buatan untuk uji")

    monkeypatch.setattr(ikugen.pipeline, "build", broken)
    with pytest.raises(SystemExit) as stopped:
        main((["--debug"] if debug else []) + ["build", str(SPEC), "-o", str(tmp_path / "IKU.docx")])
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("galat internal ikugen") and REPORT_URL in last and "--debug" in last
    if debug:
        assert "Traceback" in err and "RuntimeError: bug buatan untuk uji" in err
    else:
        assert "Traceback" not in err and "bug buatan" not in err
    assert not (tmp_path / "IKU.docx").exists()


# ---- an office's templates (--templates) ------------------------------------------------------------

TEMPLATE = "teks/latar_belakang.md.j2"


@pytest.mark.parametrize("content, expected", [
    ("{{ doc.kecamatn }}\n", f"{TEMPLATE}:1:1: galat: templat memakai nama yang tidak dikenal"),
    ("satu\n{{ ''.__class__.__mro__ }}\n",
     f"{TEMPLATE}:2:1: galat: templat mencoba akses yang tidak diizinkan"),
    ("{{ cycler.__init__.__globals__.os.popen('touch DIJALANKAN').read() }}\n",
     f"{TEMPLATE}:1:1: galat: templat mencoba akses yang tidak diizinkan"),
    ("{{ lipsum.__globals__['os'] }}\n", "templat mencoba akses yang tidak diizinkan"),
    ("{{ (7 ** (10 ** 8)) % 10 }}\n",
     f"{TEMPLATE}:1:1: galat: templat melampaui batas: pangkat 100000000 terlalu besar"),
    ("{{ 'x' * 10 ** 10 }}\n", "templat melampaui batas: hasil perkalian terlalu panjang (batas 1.000.000)"),
    ("{{ '%999999999s' % 'x' }}\n", "templat melampaui batas: lebar format terlalu besar"),
    ("{% include 'teks/latar_belakang.md.j2' %}\n",
     f"{TEMPLATE}:1:1: galat: templat memanggil dirinya sendiri"),
    ("{{ 1 / 0 }}\n", f"{TEMPLATE}:1:1: galat: templat gagal dijalankan: ZeroDivisionError"),
    ("a\nb\n{{ 'a' + 1 }}\n", f"{TEMPLATE}:3:1: galat: templat gagal dijalankan: TypeError"),
    ("a\n{% for %}\n", f"{TEMPLATE}:2:1: galat: templat tidak sah"),
    (b"baik\n\xe9\n", f"{TEMPLATE}:2:1: galat: templat tidak sah: berkas bukan teks UTF-8"),
    ("<!-- ikugen:bagian nomor=yunani -->\n\nx\n", "nomor harus romawi atau arab"),
], ids=["typo", "mro", "cycler-globals", "lipsum-globals", "huge-power", "huge-string", "huge-format",
        "includes-itself", "zero-division", "type-error",
        "syntax", "latin-1", "bad-directive"])
def test_an_office_template_fails_with_its_name_and_line(tmp_path, content, expected):
    folder = tmp_path / "kantor"
    (folder / "teks").mkdir(parents=True)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    (folder / TEMPLATE).write_bytes(data)
    out = tmp_path / "IKU.docx"
    started = time.monotonic()
    result = run_ikugen("build", SPEC, "-o", out, "--templates", folder, cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 30
    _clean(result)
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr
    assert not out.exists() and not (tmp_path / "DIJALANKAN").exists()


def test_an_office_data_file_is_checked_at_its_lines(tmp_path):
    folder = tmp_path / "kantor"
    (folder / "susunan").mkdir(parents=True)
    (folder / "susunan" / "standar.yaml").write_text("- bab: Pendahuluan\n  bagian: [tidak_ada]\n",
                                                     encoding="utf-8")
    result = run_ikugen("build", SPEC, "-o", tmp_path / "IKU.docx", "--templates", folder)
    _clean(result)
    assert result.returncode == 1
    assert "susunan/standar.yaml:2:12: galat: nilai 'tidak_ada'" in result.stderr


def test_a_template_that_loops_for_ever_is_stopped(tmp_path, monkeypatch):
    """In-process, with the limit lowered from 60 seconds to 1."""
    from ikugen.errors import IkugenError
    from ikugen.pipeline import Options, load_spec, markdown
    from ikugen.render import document as render

    folder = tmp_path / "kantor"
    (folder / "teks").mkdir(parents=True)
    (folder / TEMPLATE).write_text("{% for a in range(100000) %}{% for b in range(100000) %}"
                                   "{% endfor %}{% endfor %}\n", encoding="utf-8")
    monkeypatch.setattr(render, "TEMPLATE_SECONDS", 1)
    started = time.monotonic()
    with pytest.raises(IkugenError, match="templat berjalan lebih dari 1 detik dan dihentikan"):
        markdown(load_spec(SPEC), Options(templates=folder))
    assert time.monotonic() - started < 10
