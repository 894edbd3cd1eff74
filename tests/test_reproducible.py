"""The same spec gives the same bytes: DOCX and Markdown, from separate processes, in other time
zones, other folders, other hash seeds and seconds apart. SOURCE_DATE_EPOCH changes the zip
entries' times and nothing else. No metadata of python-docx's template is left in the DOCX.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, require_tool, run_ikugen

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def _build_all(out: Path, cwd: Path, **env: str) -> dict[str, tuple[bytes, bytes]]:
    """Every example to DOCX and Markdown, each in its own `ikugen` process; name -> (docx, md)."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment.update(env)
    built = {}
    for name in EXAMPLE_NAMES:
        docx, md = out / f"{name}.docx", out / f"{name}.md"
        result = subprocess.run([sys.executable, "-m", "ikugen", "build", str(EXAMPLES / f"{name}.yaml"),
                                 "-o", str(docx), "-o", str(md)], capture_output=True, text=True,
                                cwd=cwd, env=environment, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        built[name] = (docx.read_bytes(), md.read_bytes())
    return built


@pytest.fixture(scope="module")
def rounds(tmp_path_factory) -> dict[str, dict[str, tuple[bytes, bytes]]]:
    first = tmp_path_factory.mktemp("pertama")
    second = tmp_path_factory.mktemp("kedua")
    third = tmp_path_factory.mktemp("ketiga")
    started = time.monotonic()
    one = _build_all(first, first, TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", PYTHONHASHSEED="1")
    # Zip times have a 2-second resolution: each build of the second round is surely later.
    time.sleep(max(0.0, 2.1 - (time.monotonic() - started)))
    # UTC-10 against UTC+14: the two rounds run on different calendar days.
    two = _build_all(second, second.parent, TZ="Pacific/Honolulu", LC_ALL="C", PYTHONHASHSEED="2")
    three = _build_all(third, third, TZ="UTC", SOURCE_DATE_EPOCH=str(EPOCH))
    return {"one": one, "two": two, "epoch": three}


@pytest.mark.slow  # nine builds in fresh processes, in rounds two seconds apart
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_two_builds_are_byte_identical(rounds, name):
    docx_one, md_one = rounds["one"][name]
    docx_two, md_two = rounds["two"][name]
    assert md_one == md_two
    assert docx_one == docx_two


def _entries(data: bytes) -> list[tuple[str, tuple, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, i.date_time, z.read(i.filename)) for i in z.infolist()]


@pytest.mark.slow  # nine builds in fresh processes, in rounds two seconds apart
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_source_date_epoch_changes_only_the_zip_times(rounds, name):
    plain, epoch = _entries(rounds["one"][name][0]), _entries(rounds["epoch"][name][0])
    assert [(n, content) for n, _, content in plain] == [(n, content) for n, _, content in epoch]
    assert {when for _, when, _ in plain} == {(1980, 1, 1, 0, 0, 0)}
    stamp = time.gmtime(EPOCH)
    assert {when for _, when, _ in epoch} == {(stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour,
                                               stamp.tm_min, stamp.tm_sec & ~1)}
    assert rounds["one"][name][1] == rounds["epoch"][name][1]  # Markdown has no times at all


@pytest.mark.slow  # nine builds in fresh processes, in rounds two seconds apart
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_metadata_is_left_from_the_template(rounds, name):
    from ikugen.pipeline import load_spec

    data = rounds["one"][name][0]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        core = z.read("docProps/core.xml").decode("utf-8")
        app = z.read("docProps/app.xml").decode("utf-8") if "docProps/app.xml" in names else ""
    assert not [n for n in names if "thumbnail" in n.lower()]
    assert "python-docx" not in core and "python-docx" not in app
    assert "Microsoft" not in app  # the template's "Microsoft Macintosh Word", 1 page, 0 words
    dates = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core)
    spek = load_spec(EXAMPLES / f"{name}.yaml").spek
    year = spek.dokumen.tanggal[:4]
    assert len(dates) == 2 and all(d.startswith(year + "-") for d in dates), dates
    assert "2013" not in "".join(dates)
    assert f"<dc:creator>Kecamatan {spek.profil.kecamatan}</dc:creator>" in core
    assert "<cp:revision>1</cp:revision>" in core


@pytest.mark.slow  # three PDFs laid out by LibreOffice
def test_two_pdf_builds_are_byte_identical(tmp_path):
    """LibreOffice stamps the time and a random id; the PDF carries the document's date instead."""
    require_tool("soffice")
    spec = EXAMPLES / "kaloran.yaml"
    first, second = tmp_path / "satu.pdf", tmp_path / "dua.pdf"
    made = run_ikugen("build", spec, "-o", first, timeout=600)
    assert made.returncode == 0, made.stderr
    time.sleep(1.1)  # PDF times have a resolution of one second
    assert run_ikugen("build", spec, "-o", second, timeout=600,
                      env={**os.environ, "TZ": "Pacific/Honolulu"}).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert b"/CreationDate(D:20200101000000" in first.read_bytes()  # dokumen.tanggal: "2020"
    stamped = tmp_path / "epoch.pdf"
    assert run_ikugen("build", spec, "-o", stamped, timeout=600,
                      env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}).returncode == 0
    when = time.strftime("%Y%m%d%H%M%S", time.gmtime(EPOCH)).encode()
    assert b"/CreationDate(D:" + when in stamped.read_bytes()
