"""Hostile and broken inputs (tests/bad_inputs/) through the real `validate` and `build`.

Each input is run as a user runs it, twice: `ikugen validate SPEC`, then `ikugen build SPEC -o
lama.docx -o baru.md` into a folder where lama.docx already holds known bytes. A bad input must
end with exit 1 or 2 (never a traceback, never 70, never a signal), with its Indonesian message,
within a time bound, leaving lama.docx as it was and creating nothing (no baru.md, no temporary
file). A VALID input (its name starts with "valid-") must build, and the test reads the result.

The commands run once per module; each parametrised test then checks one input's results. The
hostile inputs (bombs and giants) run as separate processes, in a thread pool: whatever they do
to a process (a crash in libyaml, a blown memory) ends that process with a signal, which the test
reports, not this test run. Meanwhile the others run in this process (conftest.run_ikugen).
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest
from conftest import ROOT, run_ikugen
from docx_text import all_text, document_xml, part

sys.path.insert(0, str(ROOT / "tests" / "bad_inputs"))
import make  # noqa: E402  (tests/bad_inputs/make.py)

OLD = b"versi lama: dokumen yang sudah ada sebelum build\n"
TIME_LIMIT = 30.0      # any input, even under a loaded CI machine
HOSTILE_LIMIT = 10.0   # bombs and giants: refused early, not after the damage
OUTPUT_LIMIT = 10_000  # what an input may print: messages never quote whole values


@dataclass(frozen=True)
class Case:
    name: str                    # file in tests/bad_inputs/ (or made by make.py)
    code: int                    # exit code of build (and of validate, unless given)
    message: str = ""            # a distinctive part of the message, in both outputs
    validate_code: Optional[int] = None
    hostile: bool = False        # held to HOSTILE_LIMIT
    chatty: bool = False         # valid, with more warnings than OUTPUT_LIMIT holds
    check: Optional[Callable[[Path, Path], None]] = None  # for a valid input: (docx, md)

    @property
    def validate_expected(self) -> int:
        return self.code if self.validate_code is None else self.validate_code


# ---- checks of valid inputs' documents ---------------------------------------------------------

EMU_PER_CM = 360_000


def _extents(docx: Path) -> list[tuple[int, int]]:
    return [(int(cx), int(cy)) for cx, cy in
            re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', document_xml(docx))]


def _contains(*texts: str) -> Callable[[Path, Path], None]:
    def check(docx: Path, md: Path) -> None:
        text = all_text(docx)
        for wanted in texts:
            assert wanted in text, wanted
    return check


def _template_syntax(docx: Path, md: Path) -> None:
    text, markdown = all_text(docx), md.read_text(encoding="utf-8")
    xml = document_xml(docx)
    assert "1337" not in xml and "1337" not in markdown  # 7*191: evaluated nowhere
    assert text.count("{{ 7*191 }}") >= 20
    for wanted in ("Persentase {{ 7*191 }} {% if true %}JALAN{% endif %} {# komentar #}",
                   "Budi {{ 7*191 }} {% if true %}JALAN{% endif %}",
                   "{{ cycler.__init__.__globals__.os.popen('id').read() }}"):
        assert wanted in text or wanted.upper() in text, wanted
    assert "{{ 7\\*191 }}" in markdown  # as Markdown: escaped, so it reads back as written


def _logo_fits(max_cm: float) -> Callable[[Path, Path], None]:
    def check(docx: Path, md: Path) -> None:
        extents = _extents(docx)
        assert extents, "no picture placed"
        for cx, cy in extents:
            assert 0 < cx <= max_cm * EMU_PER_CM and 0 < cy <= max_cm * EMU_PER_CM, (cx, cy)
    return check


def _rtl(docx: Path, md: Path) -> None:
    text = all_text(docx)
    assert "Kecamatan Kalo\u202eran" in text
    assert "Budi \u202eosotnas\u202c, M.Si." in text
    assert "Persentase layanan \u202etepat\u202c waktu \U0001F468\u200d\U0001F469\u200d\U0001F467" in text


def _longest(docx: Path, md: Path) -> None:
    name = "K" + "\u0301" * 299
    assert f"Kecamatan {name}" in all_text(docx)
    title = re.search(r"<dc:title>(.*?)</dc:title>", part(docx, "docProps/core.xml")).group(1)
    assert len(title) <= 255  # python-docx refuses longer; the title is cut, the build goes on


def _list_levels(docx: Path, md: Path) -> None:
    levels = {int(n) for n in re.findall(r'<w:ilvl w:val="(\d+)"/>', document_xml(docx))}
    assert levels and max(levels) <= 8  # Word's range; deeper Markdown stays at the last level


def _no_script(docx: Path, md: Path) -> None:
    text = all_text(docx)
    assert "alert" not in text and "tebal" in text


def _spans(docx: Path, md: Path) -> None:
    spans = [int(n) for n in re.findall(r'<w:gridSpan w:val="(\d+)"/>', document_xml(docx))]
    assert spans and max(spans) <= 63


MARKUP = _contains("Kecamatan *Kaloran* _miring_ [tautan](https://contoh.id) `kode` ~~coret~~",
                   "Temanggung <b>tebal</b> &amp; &lt;x&gt; <!-- ikugen:halaman-baru -->",
                   "</w:t></w:r><w:r><w:t>SISIPAN]]><![CDATA[x",
                   "1. Budi - Santoso + > kutipan",
                   "Persentase <script>alert(1)</script> & \"kutip\" 'petik'")
YAML11 = _contains("KECAMATAN NO", "KABUPATEN 0101", "12:30", "0x1F", "off")

_UTF8 = "berkas bukan teks UTF-8 yang sah"
_LOGO = "[IKU013]"
_NOT_IMAGE = "bukan PNG atau JPEG"

CASES = [
    # ---- the whole file ----------------------------------------------------------------------
    Case("binary-garbage.yaml", 1, _UTF8),
    Case("png-as-spec.yaml", 1, "(byte 0x89 pada posisi ini)"),
    Case("docx-as-spec.yaml", 1, _UTF8),
    Case("latin-1.yaml", 1, ":6:19: galat: " + _UTF8 + " (byte 0xE1"),
    Case("utf-16-without-bom.yaml", 1, "karakter NUL; mungkin berkas biner atau UTF-16 tanpa BOM"),
    Case("nul-bytes.yaml", 1, ":6:18: galat: berkas memuat karakter NUL"),
    Case("raw-bell-character.yaml", 1, "karakter kendali yang tidak boleh ada"),
    Case("bom-only.yaml", 1, "berkas kosong"),
    Case("empty.yaml", 1, "berkas kosong"),
    Case("json-array.yaml", 1, "di tingkat teratas, bukan daftar [IKU003]"),
    Case("json-object-wrong.yaml", 1, "'dokumen' harus berupa pemetaan (kunci: nilai), bukan teks '1'"),
    Case("two-documents.yaml", 1, "lebih dari satu dokumen YAML"),
    Case("missing-everything.yaml", 1, "kunci wajib 'pimpinan' belum diisi"),
    # ---- what the loader refuses (PROBES.md) -------------------------------------------------
    Case("alias-bomb.yaml", 1, ":27:11: galat: alias menghasilkan terlalu banyak nilai", hostile=True),
    Case("alias-bomb-in-field.yaml", 1, "kemungkinan 'bom alias'", hostile=True),
    Case("alias-self.yaml", 1, "alias *m belum didefinisikan atau merujuk ke dirinya sendiri"),
    Case("too-many-values.yaml", 1, "terlalu banyak nilai (lebih dari 200000)", hostile=True),
    Case("tag-python.yaml", 1, "tag YAML '!!python/object/apply:os.system' tidak diizinkan"),
    Case("tag-via-directive.yaml", 1, "tag YAML '!!python/name:os.system' tidak diizinkan"),
    Case("tag-custom.yaml", 1, "tag YAML '!env' tidak diizinkan"),
    Case("duplicate-key.yaml", 1, "kunci 'kecamatan' ditulis dua kali dalam satu pemetaan "
         "(pertama di baris 6)"),
    Case("key-over-1024.yaml", 1, "tanda titik dua (:) setelah kunci tidak ditemukan"),
    Case("single-line-5mb.yaml", 1, "berkas terlalu besar (5.242.892 byte; batas 2.097.152 byte)",
         hostile=True),
    Case("value-just-under-limit.yaml", 1, "'kecamatan' terlalu panjang (2096152 karakter; batas 300)",
         hostile=True),
    Case("nesting-10000-flow.yaml", 1, ":9:47: galat: struktur terlalu dalam (lebih dari 40 tingkat)",
         hostile=True),
    Case("nesting-10000-block.yaml", 1, "struktur terlalu dalam", hostile=True),
    Case("nesting-30000-flow.yaml", 1, "struktur terlalu dalam", hostile=True),  # libyaml segfaults here
    Case("list-2001-desa.yaml", 1, "daftar 'wilayah' terlalu panjang (batas 2000 butir)", hostile=True),
    Case("id-1mb.yaml", 1, "pengenal 'Ixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' tidak sah", hostile=True),
    Case("number-1mb.yaml", 1, "nilai terlalu panjang (lebih dari 300 karakter)", hostile=True),
    Case("enum-1mb.yaml", 1, "nilai 'IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII…' untuk 'eselon' tidak dikenal",
         hostile=True),
    # ---- characters Word cannot hold, values that are not what they seem -----------------------
    Case("nul-escape.yaml", 1, "karakter kendali U+0000 (posisi ke-5)"),
    Case("esc-escape.yaml", 1, "karakter kendali U+001B"),
    Case("vt-ff-escapes.yaml", 1, "karakter kendali U+000B"),
    Case("noncharacter-fffe.yaml", 1, "U+FFFE"),
    Case("surrogate-escape.yaml", 1, "kode escape \\u tidak sah"),
    Case("year-5000-digits.yaml", 1, "tahun ditulis dengan empat angka 0-9"),
    Case("nip-unquoted.yaml", 1, "'nip' ditulis sebagai angka; tulis dalam tanda kutip"),
    Case("organisation-cycle.yaml", 1, "rantai atasan jabatan 'a' berputar"),
    # ---- the logo: a file the spec names -------------------------------------------------------
    # Outside the spec's folder, before it is even opened.
    Case("logo-dev-zero.yaml", 1, "berkas lambang '/dev/zero' berada di luar folder"),
    Case("logo-directory.yaml", 1, "berkas lambang 'gambar' bukan berkas biasa"),
    Case("logo-missing.yaml", 1, ":9:9: galat: berkas lambang 'gambar/tidak-ada.png' tidak ditemukan"),
    Case("logo-symlink-loop.yaml", 1, "berkas lambang 'gambar/putar.png' tidak ditemukan"),
    Case("logo-svg.yaml", 1, "'gambar/lambang.svg' " + _NOT_IMAGE),
    Case("logo-webp.yaml", 1, "'gambar/lambang.webp' " + _NOT_IMAGE),
    Case("logo-gif.yaml", 1, "'gambar/lambang.gif' " + _NOT_IMAGE),
    Case("logo-empty.yaml", 1, "'gambar/kosong.png' " + _NOT_IMAGE),
    Case("logo-text-file.yaml", 1, "'gambar/teks.png' " + _NOT_IMAGE),
    Case("logo-truncated.yaml", 1, "'gambar/terpotong.png' rusak atau tidak dapat dibaca"),
    Case("logo-zero-pixels.yaml", 1, "'gambar/nol.png' berukuran 0 x 0 piksel"),
    Case("logo-too-big.yaml", 1, "'gambar/besar.png' terlalu besar (6144 KiB; batas 5 MiB)"),
    # ---- Markdown teks: what the writer cannot write is found when the spec is loaded ----------
    Case("teks-directive-nomor.yaml", 1, "<!-- ikugen:bagian nomor=yunani --> di templat atau teks Markdown "
         "tidak sah: nomor harus romawi atau arab"),
    Case("teks-directive-mulai.yaml", 1, "mulai harus bilangan bulat"),
    Case("teks-directive-mulai-superscript.yaml", 1, "mulai harus bilangan bulat"),
    Case("teks-directive-style-injection.yaml", 1, "nama gaya hanya huruf, angka, _ dan -"),
    Case("teks-directive-unknown.yaml", 1, "arahan templat tidak dikenal: ikugen:hapus-semua"),
    Case("teks-directive-list-kind.yaml", 1, "jenis daftar: angka, huruf, butir"),
    Case("teks-table-width.yaml", 1, "lebar kolom tabel 'lebar' tidak sah"),
    Case("teks-table-width-nan.yaml", 1, "lebar kolom tabel 'nan%' tidak sah"),
    Case("teks-table-empty.yaml", 1, "tabel tanpa sel"),
    Case("teks-table-64-columns.yaml", 1, "tabel punya 64 kolom; Word menampung paling banyak 63"),
    Case("teks-image-dev-zero.yaml", 1, "gambar /dev/zero berada di luar folder"),
    Case("teks-image-url.yaml", 1, "gambar https://example.com/lambang.png tidak ditemukan"),
    Case("teks-image-text-file.yaml", 1, "gambar gambar/teks.png " + _NOT_IMAGE),
    # ---- valid, and hostile: they must build, and come out right ----------------------------------
    Case("valid-base.yaml", 0, check=_contains("Persentase layanan tepat waktu")),
    Case("valid-template-syntax.yaml", 0, check=_template_syntax),
    Case("valid-template-syntax-keputusan.yaml", 0, check=_template_syntax),
    Case("valid-rtl-and-invisible.yaml", 0, check=_rtl),
    Case("valid-markup-characters.yaml", 0, check=MARKUP),
    Case("valid-yaml11-words.yaml", 0, check=YAML11),
    Case("valid-logo-huge-declared.yaml", 0, check=_logo_fits(3.5)),
    Case("valid-logo-tall.yaml", 0, check=_logo_fits(3.5)),
    Case("valid-logo-odd-name.yaml", 0, check=_logo_fits(3.5)),
    Case("valid-longest-values.yaml", 0, check=_longest, hostile=True),
    Case("valid-position-chain-2000.yaml", 0, check=_contains("Seksi 1998"), hostile=True, chatty=True),
    Case("valid-long-indicator-name.yaml", 0, check=_contains("Persentase layanan layanan"), hostile=True),
    Case("valid-teks-deep-list.yaml", 0, check=_list_levels),
    Case("valid-teks-html-script.yaml", 0, check=_no_script),
    Case("valid-teks-table-colspan-billion.yaml", 0, check=_spans, hostile=True),
]


# ---- running them all, in parallel, once -----------------------------------------------------------

@dataclass
class Run:
    code: int
    out: str
    seconds: float


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs")
    make.populate(folder)
    return folder


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory, request) -> dict[tuple[str, str], object]:
    """(case, "validate"/"build") -> Run, and (case, "outdir") -> the build's output folder.

    Only the cases this session selected are run (`-k logo` runs the logo inputs only).
    """
    selected = {item.callspec.params["case"].name for item in request.session.items
                if getattr(item, "module", None) is sys.modules[__name__]
                and "case" in getattr(getattr(item, "callspec", None), "params", {})}
    todo = [c for c in CASES if c.name in selected] or CASES
    before = _listing(corpus)
    results: dict[tuple[str, str], object] = {}

    def one(case: Case) -> None:
        outdir = tmp_path_factory.mktemp("keluaran")
        (outdir / "lama.docx").write_bytes(OLD)
        results[case.name, "outdir"] = outdir
        for command in (["validate", case.name],
                        ["build", case.name, "-o", outdir / "lama.docx", "-o", outdir / "baru.md"]):
            started = time.monotonic()
            result = run_ikugen(*command, cwd=corpus, timeout=120, process=case.hostile)
            results[case.name, command[0]] = Run(result.returncode, result.stdout + result.stderr,
                                                 time.monotonic() - started)

    with concurrent.futures.ThreadPoolExecutor((os.cpu_count() or 1) + 1) as pool:
        processes = [pool.submit(one, case) for case in todo if case.hostile]
        for case in todo:
            if not case.hostile:
                one(case)
        for done in processes:
            done.result()
    results["corpus unchanged", ""] = _listing(corpus) == before
    return results


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_corpus_is_large_and_every_input_has_an_expectation(corpus):
    names = {p.name for p in corpus.glob("*.yaml")}
    assert names == {c.name for c in CASES}
    assert len(CASES) >= 60
    assert len([c for c in CASES if c.code]) >= 60  # hostile or broken, besides the valid ones


@pytest.mark.parametrize("case", CASES, ids=[c.name.removesuffix(".yaml") for c in CASES])
def test_input(case: Case, runs, corpus):
    outdir: Path = runs[case.name, "outdir"]  # type: ignore[assignment]
    for command, expected in (("validate", case.validate_expected), ("build", case.code)):
        run: Run = runs[case.name, command]  # type: ignore[assignment]
        assert "Traceback" not in run.out and "galat internal" not in run.out, run.out[-2000:]
        assert run.code == expected, f"{command}: exit {run.code}\n{run.out[-2000:]}"
        limit = HOSTILE_LIMIT if case.hostile else TIME_LIMIT
        assert run.seconds < limit, f"{command} took {run.seconds:.1f} s"
        if expected:
            assert case.message in run.out, f"{command}:\n{run.out[-2000:]}"
        if not case.chatty:
            assert len(run.out) < OUTPUT_LIMIT, f"{command} printed {len(run.out)} characters"
    written = sorted(p.name for p in outdir.iterdir())
    if case.code:
        # Nothing created, nothing replaced, no temporary file left behind.
        assert written == ["lama.docx"]
        assert (outdir / "lama.docx").read_bytes() == OLD
    else:
        assert written == ["baru.md", "lama.docx"]
        assert zipfile.is_zipfile(outdir / "lama.docx")
        assert case.check is not None
        case.check(outdir / "lama.docx", outdir / "baru.md")


def test_no_input_wrote_into_the_corpus_folder(runs):
    assert runs["corpus unchanged", ""]


def test_the_python_tag_ran_nothing(runs, corpus):
    assert not (corpus / "DIJALANKAN").exists()
