"""Property: every valid spec builds, and its document names every indicator.

hypothesis generates specs of every shape: 0..n desa and kelurahan, position trees, tujuan with
and without indicators, sasaran of the Camat and cascaded to sections, indicators with and
without targets, A4 and F4, iku and iku-perubahan, both layouts, Unicode text, custom chapters.
A spec the checks refuse is fine (that is an answer, not a crash); a spec they accept must
build, and reopening its DOCX with python-docx must find every indicator's name.

Profiles: "ci" (the default: 25 examples, no example database) and "dev" for long local runs:
HYPOTHESIS_PROFILE=dev python -m pytest tests/test_property.py
"""

from __future__ import annotations

import os
import string
import tempfile
from pathlib import Path

import yaml
from conftest import run_ikugen
from docx_text import all_text
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from ikugen.errors import SpecError
from ikugen.pipeline import Options, build, load_spec

settings.register_profile("ci", max_examples=25, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("dev", max_examples=2000, deadline=None, print_blob=True,
                          database=DirectoryBasedExampleDatabase(os.path.join(tempfile.gettempdir(),
                                                                              "ikugen-hypothesis")),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Text as offices write it, and then some: letters of any script, digits, punctuation, symbols,
# spaces, format characters (right-to-left marks, zero-width joiners). Not control characters,
# surrogates or noncharacters: the model refuses those, with a message (tests/bad_inputs).
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"))
_WORD = st.text(string.ascii_letters, min_size=1, max_size=10)
TEXT = st.one_of(
    st.lists(_WORD, min_size=1, max_size=6).map(" ".join),
    st.text(_CHARS, min_size=1, max_size=40),
).map(lambda s: s.strip()).filter(bool)
FORMULA = st.sampled_from(["(a / b) x 100%", "Jumlah layanan selesai dibagi jumlah layanan x 100%",
                           "Nilai indeks hasil survei", "a - b"])
VALUE = st.one_of(st.integers(0, 10_000), st.sampled_from(["-", "85,5", "BB", "0,25", "100"]),
                  st.decimals(0, 1000, places=2, allow_nan=False).map(lambda d: str(d).replace(".", ",")))


@st.composite
def specs(draw) -> dict:
    start = draw(st.integers(2000, 2030))
    years = list(range(start, start + draw(st.integers(0, 9)) + 1))
    day = draw(st.sampled_from(["", "-04", "-04-19", "-02-28", "-12-31"]))
    positions = [{"id": "camat", "nama": draw(TEXT), "eselon": "III"}]
    for i in range(draw(st.integers(0, 8))):
        boss = draw(st.sampled_from([p["id"] for p in positions]))
        position = {"id": f"p{i}", "nama": draw(TEXT), "eselon": "IV", "atasan": boss}
        if draw(st.booleans()):
            position.update(tugas=draw(TEXT), fungsi=draw(st.lists(TEXT, max_size=3)))
        if draw(st.booleans()):
            position["singkatan"] = draw(TEXT)
        positions.append(position)

    def measure(**extra) -> dict:
        out = {"nama": draw(TEXT), **extra}
        if draw(st.booleans()):
            out["target"] = {y: draw(VALUE) for y in draw(st.lists(st.sampled_from(years), unique=True))}
        for key, strategy in (("satuan", TEXT), ("definisi", TEXT), ("rumus", FORMULA),
                              ("sumber_data", TEXT), ("kondisi_awal", VALUE)):
            if draw(st.booleans()):
                out[key] = draw(strategy)
        return out

    tujuan = [{"id": f"T{i}", "uraian": draw(TEXT),
               "indikator": [measure() for _ in range(draw(st.integers(0, 2)))]}
              for i in range(draw(st.integers(0, 3)))]
    sasaran = []
    for i in range(draw(st.integers(1, 5))):
        item = {"id": f"S{i}", "uraian": draw(TEXT)}
        if tujuan:
            item["tujuan"] = draw(st.sampled_from(tujuan))["id"]
        sasaran.append(item)
    heads = [s["id"] for s in sasaran]
    for i, position in enumerate(positions[1:]):  # some sections cascade a sasaran of the Camat's
        if draw(st.booleans()):
            sasaran.append({"id": f"SS{i}", "uraian": draw(TEXT), "pemilik": position["id"],
                            "induk": draw(st.sampled_from(heads))})
    indikator = [measure(id=f"I{i}", sasaran=draw(st.sampled_from(sasaran))["id"])
                 for i in range(draw(st.integers(0, 8)))]
    names = draw(st.lists(TEXT, max_size=25, unique_by=str.casefold))
    spec = {
        "dokumen": {"jenis": draw(st.sampled_from(["iku", "iku-perubahan"])),
                    "tata_letak": draw(st.sampled_from(["standar", "keputusan"])),
                    "periode": {"awal": years[0], "akhir": years[-1]},
                    "tanggal": f"{years[0]}{day}", "kertas": draw(st.sampled_from(["A4", "F4"]))},
        "profil": {"kecamatan": draw(TEXT), "kabupaten": draw(TEXT), "provinsi": draw(TEXT),
                   "jenis_daerah": draw(st.sampled_from(["kabupaten", "kota"])),
                   "misi": draw(st.lists(TEXT, max_size=3))},
        "pimpinan": {"nama": draw(TEXT), "nip": "19670707 198803 1 005"},
        "wilayah": [{"nama": n, "jenis": draw(st.sampled_from(["desa", "kelurahan"]))} for n in names],
        "organisasi": positions,
        "tujuan": tujuan,
        "sasaran": sasaran,
        "indikator": indikator,
    }
    if draw(st.booleans()):
        spec["profil"]["visi"] = draw(TEXT)
    if draw(st.booleans()):
        spec["teks"] = {"latar_belakang": draw(TEXT), "penutup": draw(TEXT)}
    if draw(st.booleans()):  # the office's own chapters; the IKU tables (penetapan) among them
        extra = draw(st.lists(st.sampled_from(["daftar_iku", "formulir_iku", "tabel_target"]), unique=True))
        spec["susunan"] = [
            {"bab": draw(TEXT), "bagian": ["latar_belakang", {"judul": draw(TEXT), "teks": draw(TEXT)}]},
            {"bab": draw(TEXT), "bagian": ["penetapan", *extra]},
            {"lampiran": draw(TEXT), "bagian": ["formulir_iku"]},
        ]
    return spec


def _write(folder: Path, spec: dict) -> Path:
    path = folder / "spek.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _norm(text: str) -> str:
    return " ".join(text.split())


def _indicator_names(spec: dict) -> list[str]:
    names = [i["nama"] for i in spec["indikator"]]
    return names


def _loaded(path: Path):
    try:
        return load_spec(path)
    except SpecError as exc:
        # An answer, not a crash; but the generator aims at valid specs, so only checks that
        # judge the words themselves may refuse one.
        assert all(p.code not in ("IKU011", "IKU012", "IKU101", "IKU102", "IKU103", "IKU104", "IKU107")
                   for p in exc.problems if p.severity == "galat"), [p.text() for p in exc.problems]
        return None


@settings(PROFILE)
@given(spec=specs())
def test_every_valid_spec_builds_and_names_every_indicator(tmp_path_factory, spec):
    folder = tmp_path_factory.mktemp("sifat")
    loaded = _loaded(_write(folder, spec))
    assume(loaded is not None)
    out, md = folder / "IKU.docx", folder / "IKU.md"
    build(loaded, [out, md], Options())
    text = _norm(all_text(out))
    for name in _indicator_names(spec):
        assert _norm(name) in text, name
    assert md.read_text(encoding="utf-8").startswith("<!--")


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 3))
@given(spec=specs())
def test_the_real_command_builds_generated_specs(tmp_path_factory, spec):
    folder = tmp_path_factory.mktemp("sifat-cli")
    path = _write(folder, spec)
    validated = run_ikugen("validate", path)
    assert validated.returncode in (0, 1), validated.stderr
    assert "Traceback" not in validated.stderr + validated.stdout
    result = run_ikugen("build", path, "-o", folder / "IKU.docx", "-o", folder / "IKU.md")
    assert result.returncode == validated.returncode, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "galat internal" not in result.stderr
    if result.returncode == 0:
        text = _norm(all_text(folder / "IKU.docx"))
        for name in _indicator_names(spec):
            assert _norm(name) in text, name
