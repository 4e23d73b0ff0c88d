"""The JSONL line the CLI writes must satisfy schemas/claims.schema.json.

jsonschema is not a dependency, so a small validator for the keywords the schema uses lives
here; if jsonschema is installed it is used as well.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from civcas.extract import extract
from civcas.records import ASSESSMENT_FIELDS, ClaimRecord

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "claims.schema.json").read_text())
TYPES = {"string": str, "integer": int, "number": (int, float), "object": dict, "array": list, "boolean": bool,
         "null": type(None)}

TEXT = ("Activists said an airstrike on 4 March 2017 killed at least 11 civilians, including four children, near "
        "Raqqa. The coalition said it has conducted 9,000 strikes since 2014, found 1 in 6 reports credible and "
        "completed 40 reports, of which three were assessed to be credible. Another 12 reports remain open.")


def _ok(value, schema, root=SCHEMA, path="$"):
    if "$ref" in schema:
        ref = schema["$ref"].split("/")[-1]
        return _ok(value, root["$defs"][ref], root, path)
    if "oneOf" in schema:
        hits = sum(1 for s in schema["oneOf"] if not _errors(value, s, root, path))
        assert hits == 1, f"{path}: oneOf matched {hits}"
        return
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, TYPES[k]) and not (k in ("integer", "number") and isinstance(value, bool))
                   for k in kinds), f"{path}: {value!r} is not {kinds}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in enum"
    if isinstance(value, str) and "pattern" in schema:
        assert re.search(schema["pattern"], value), f"{path}: pattern"
    if isinstance(value, int) and "minimum" in schema:
        assert value >= schema["minimum"], f"{path}: minimum"
    if isinstance(value, dict):
        for k in schema.get("required", []):
            assert k in value, f"{path}: missing {k}"
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            extra = set(value) - set(props)
            assert not extra, f"{path}: extra {extra}"
        for k, v in value.items():
            if k in props:
                _ok(v, props[k], root, f"{path}.{k}")
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0) and len(value) <= schema.get("maxItems", 10**9), path
        for i, v in enumerate(value):
            if "items" in schema:
                _ok(v, schema["items"], root, f"{path}[{i}]")


def _errors(value, schema, root, path):
    try:
        _ok(value, schema, root, path)
    except AssertionError as e:
        return str(e)
    return None


def line_for(text, published=dt.date(2017, 5, 1)):
    return json.loads(json.dumps({"document": "doc.txt", "published": published.isoformat(),
                                  "claims": [c.to_dict() for c in extract(text, published)]}))


def test_extract_output_matches_schema():
    line = line_for(TEXT)
    assert {c["type"] for c in line["claims"]} >= {"incident", "strike_count", "assessment_stats"}
    _ok(line, SCHEMA)
    try:
        import jsonschema
    except ImportError:
        return
    jsonschema.validate(line, SCHEMA)


def test_schema_lists_every_claim_field():
    fields = set(ClaimRecord.__dataclass_fields__)
    assert set(SCHEMA["$defs"]["claim"]["properties"]) == fields
    assessment = SCHEMA["$defs"]["claim"]["properties"]["assessment"]["oneOf"][1]
    assert assessment["required"] == list(ASSESSMENT_FIELDS)


def test_schema_rejects_wrong_lines():
    line = line_for(TEXT)
    line["claims"][0]["qualifier"] = "roughly"
    with pytest.raises(AssertionError):
        _ok(line, SCHEMA)
