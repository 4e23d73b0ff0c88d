"""Real report texts must not crash the extractor, and every span must be exact.

No time bound per document is asserted (timings on shared machines are noise); the whole run
simply has to finish.  bench/extract_real.py measures agreement with Airwars' tolls.
"""
from __future__ import annotations

import csv
import json

import pytest

from civcas.extract import extract, find_published

pytestmark = pytest.mark.shared
csv.field_size_limit(10**8)


def _check(text):
    claims = extract(text, find_published(text))
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote, c.rule
        assert c.rule
        if c.count_min is not None and c.count_max is not None:
            assert c.count_min <= c.count_max
    return claims


def test_airwars_source_texts(shared_dir):
    path = shared_dir / "data" / "airwars-syria" / "airwars-syria-source-texts.jsonl"
    if not path.exists():
        pytest.skip("airwars source texts absent")
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("language") != "en":
                continue
            _check(row.get("text") or "")
            n += 1
    assert n >= 400


def test_fakes_articles(shared_dir):
    path = shared_dir / "data" / "fa-kes" / "FA-KES-Dataset.csv"
    if not path.exists():
        pytest.skip("FA-KES absent")
    n = 0
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            _check(row.get("article_content") or "")
            n += 1
    assert n >= 790


def test_arabic_text_does_not_crash():
    _check("قصف جوي على مدينة الرقة أدى إلى مقتل 12 مدنياً\nثلاثة شهداء بينهم طفل")
