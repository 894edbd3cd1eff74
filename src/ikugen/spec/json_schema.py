"""The JSON Schema of the spec, generated from the models (kept in schema/ikugen.schema.json)."""

from __future__ import annotations

import json

from ikugen.spec.model import Spek

SCHEMA_ID = "https://ikugen.github.io/schema/ikugen.schema.json"


def schema_document() -> dict[str, object]:
    """The schema as `schema_text` writes it, before it is written."""
    schema = Spek.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(schema_document(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
