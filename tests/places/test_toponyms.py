"""Acceptance: toponyms as reports write them, against public-knowledge coordinates."""
from __future__ import annotations

import csv
from pathlib import Path

from civcas.places import Gazetteer
from civcas.places.context import distance_km

LIST = Path(__file__).with_name("toponyms.tsv")


def _rows():
    lines = [ln for ln in LIST.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_list_is_big_and_varied():
    rows = _rows()
    qs = [r["query"] for r in rows]
    assert len(rows) >= 200
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in q) for q in qs)
    for form in ("near ", "province", "countryside", "west Mosul", "north of"):
        assert any(form in q for q in qs), form
    assert {int(r["precision"]) for r in rows} >= {1, 2, 3, 4, 5}


def test_at_least_95_percent_within_25km_with_right_precision():
    g = Gazetteer.default()
    rows = _rows()
    bad = []
    for r in rows:
        res = g.geocode(r["query"])
        ok = (res.lat is not None and res.precision == int(r["precision"])
              and distance_km(res.lat, res.lon, float(r["lat"]), float(r["lon"])) <= 25)
        if not ok:
            bad.append((r["query"], res.name, res.lat, res.lon, res.precision, res.reason))
    share = 1 - len(bad) / len(rows)
    assert share >= 0.95, bad[:20]
