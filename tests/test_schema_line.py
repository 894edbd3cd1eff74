"""IKU108 compares an editor's schema with the schema stored with ikugen, not one generated from
the models in every run: the stored copy must be what `ikugen schema` prints, and the verdicts
must be those of a comparison with the models' own schema."""

from __future__ import annotations

import json

import pytest
from conftest import run_ikugen
from test_checks import MODELINE, v, validate

from ikugen.checks import modeline
from ikugen.package_data import stored_schema

TOLD = ("1:33: peringatan: skema 'ikugen.schema.json' yang ditunjuk baris $schema berbeda dari skema ikugen "
        "ini (`ikugen schema`); editor memeriksa dengan aturan lain; perbarui skema itu: ikugen schema > "
        "ikugen.schema.json [IKU108]")
LINE = (MODELINE[0], MODELINE[1].format("ikugen.schema.json"))


def test_the_stored_schema_is_what_ikugen_schema_prints():
    """The wheel's copy in an install (as CI runs the tests), schema/ in a source tree."""
    assert stored_schema().read_text(encoding="utf-8") == run_ikugen("schema").stdout


@pytest.fixture(params=["stored", "generated"])
def expected(request, monkeypatch, tmp_path):
    """Each verdict with the stored schema, and in an install without one (generated)."""
    if request.param == "generated":
        monkeypatch.setattr(modeline, "stored_schema", lambda: tmp_path / "tidak-ada.json")
    modeline._expected.cache_clear()
    yield request.param
    modeline._expected.cache_clear()


def test_the_same_values_written_otherwise_are_the_same_schema(tmp_path, expected):
    schema = json.loads(run_ikugen("schema").stdout)
    (tmp_path / "ikugen.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    assert validate(tmp_path, v(LINE)) == []
    stored_text = modeline._expected()[0]  # which way the verdict came
    assert stored_text is None if expected == "generated" else stored_text == run_ikugen("schema").stdout


def test_one_description_changed_is_another_schema(tmp_path, expected):
    schema = json.loads(run_ikugen("schema").stdout)
    schema["description"] = str(schema.get("description", "")) + " (lama)"
    (tmp_path / "ikugen.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")
    assert validate(tmp_path, v(LINE)) == [TOLD]


def test_a_stored_copy_that_is_not_json_is_not_trusted(tmp_path, monkeypatch):
    broken = tmp_path / "rusak.json"
    broken.write_text("{ terpotong", encoding="utf-8")
    monkeypatch.setattr(modeline, "stored_schema", lambda: broken)
    modeline._expected.cache_clear()
    try:
        (tmp_path / "ikugen.schema.json").write_text("{ terpotong", encoding="utf-8")
        assert validate(tmp_path, v(LINE)) == [TOLD]
        (tmp_path / "ikugen.schema.json").write_text(run_ikugen("schema").stdout, encoding="utf-8")
        assert validate(tmp_path, v(LINE)) == []
    finally:
        modeline._expected.cache_clear()
