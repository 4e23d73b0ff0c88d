"""The extraction test corpus itself must be well formed: every quote an exact substring, counts
and qualifiers consistent, assessment arithmetic holding (see validate.py and README.md)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _validate():
    spec = importlib.util.spec_from_file_location("civcas_corpus_validate", HERE / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_is_well_formed():
    assert _validate().problems() == []


def test_corpus_size_and_negatives():
    rows = [json.loads(x) for x in (HERE / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 60
    assert sum(1 for r in rows if not r["expected"]) >= 12
    assert {c["type"] for r in rows for c in r["expected"]} == {
        "incident", "tally", "strike_count", "assessment_stats", "ratio"}
