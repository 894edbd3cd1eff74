"""The spec itself: the examples carry their seeds' facts, and the JSON Schema stays in step."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, ROOT, run_ikugen

from ikugen.pipeline import load_spec

# Counted by hand in ../shared/seeds (see IKU-GUIDE §8 for the defects corrected):
# - Kaloran (001): 14 desa listed (under a heading that says 13); Camat, Sekretaris, two
#   subbagian, four seksi; 5 sasaran with 10 indicators in the BAB IV table; 18 regulations.
# - Kalimanah (000): 14 desa and 3 kelurahan; Camat, Sekretaris, two subbagian, three seksi;
#   the tujuan's IKM plus IKM and Nilai SAKIP for the two sasaran; 22 regulations.
# - Cerbon (004): no desa list; Camat and seven eselon IV positions; 44 indicator rows in the
#   annexes, of which two repeat another position's indicator and are kept once; 4 regulations.
SEED_COUNTS = {
    "kaloran": {"desa": 14, "kelurahan": 0, "jabatan": 8, "indikator": 10, "tujuan_indikator": 1,
                "landasan_hukum": 18},
    "kalimanah": {"desa": 14, "kelurahan": 3, "jabatan": 7, "indikator": 2, "tujuan_indikator": 1,
                  "landasan_hukum": 22},
    "cerbon": {"desa": 0, "kelurahan": 0, "jabatan": 8, "indikator": 42, "tujuan_indikator": 0,
               "landasan_hukum": 4},
}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_carry_their_seed_facts(name):
    spek = load_spec(EXAMPLES / f"{name}.yaml").spek
    counts = {
        "desa": sum(w.jenis == "desa" for w in spek.wilayah),
        "kelurahan": sum(w.jenis == "kelurahan" for w in spek.wilayah),
        "jabatan": len(spek.organisasi),
        "indikator": len(spek.indikator),
        "tujuan_indikator": sum(len(t.indikator) for t in spek.tujuan),
        "landasan_hukum": len(spek.profil.landasan_hukum),
    }
    assert counts == SEED_COUNTS[name]
    assert all(j.tugas or j.fungsi for j in spek.organisasi)  # every position's tupoksi came across
    assert all(i.rumus for i in spek.indikator if i.id != "I42")  # Cerbon's I42 has none in its seed


def test_known_seed_facts():
    kaloran = load_spec(EXAMPLES / "kaloran.yaml").spek
    assert kaloran.pimpinan.nip.replace(" ", "") == "196707071988031005"  # the seed's 19 digits, corrected
    assert [w.nama for w in kaloran.wilayah][-1] == "Tleter"
    kalimanah = load_spec(EXAMPLES / "kalimanah.yaml").spek
    sakip = next(i for i in kalimanah.indikator if i.nama.startswith("Nilai SAKIP"))
    assert ",00%" not in sakip.rumus  # the seed's garbled formula, corrected
    cerbon = load_spec(EXAMPLES / "cerbon.yaml").spek
    assert cerbon.pimpinan.pangkat == "Pembina"  # the seed's "Rembina"
    assert cerbon.dokumen.tata_letak == "keputusan" and cerbon.dokumen.jenis == "iku-perubahan"


def test_examples_validate_and_name_the_schema():
    result = run_ikugen("validate", *(EXAMPLES / f"{n}.yaml" for n in EXAMPLE_NAMES))
    assert result.returncode == 0, result.stdout + result.stderr
    for name in EXAMPLE_NAMES:
        first = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/ikugen.schema.json"


def test_schema_file_is_current():
    result = run_ikugen("schema")
    assert result.returncode == 0
    stored = (ROOT / "schema" / "ikugen.schema.json").read_text(encoding="utf-8")
    assert result.stdout == stored, "run: ikugen schema > schema/ikugen.schema.json"


def test_every_schema_property_has_an_indonesian_description():
    schema = json.loads(run_ikugen("schema").stdout)
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    missing.append(".".join(path + [key]))
            for key, value in node.items():
                walk(value, path + [str(key)])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + [str(i)])

    walk(schema, [])
    assert missing == []
    assert "Nama kecamatan" in schema["$defs"]["Profil"]["properties"]["kecamatan"]["description"]


def test_installed_program_runs_outside_the_repository(tmp_path):
    """Templates ship inside the package: a build from another folder finds them."""
    spec = tmp_path / "kalimanah.yaml"
    spec.write_bytes((EXAMPLES / "kalimanah.yaml").read_bytes())
    # A new process started elsewhere: the program as installed, not this test process's modules.
    result = run_ikugen("build", "kalimanah.yaml", "-o", "out.md", cwd=tmp_path, process=True)
    assert result.returncode == 0, result.stderr
    assert "# BAB I<br>PENDAHULUAN" in (tmp_path / "out.md").read_text(encoding="utf-8")
    module = run_ikugen("--version", cwd=tmp_path, process=True)
    assert module.returncode == 0 and module.stdout.startswith("ikugen ")
