"""Held-out evaluation of geocoding against a monitor's own coordinates.

Learning from the same records we test on would only measure memory, so records are split by
incident year: learn from every other year, geocode the held-out year's location strings, and
count how many land within 25 km of the analyst's point.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civcas.places.context import GeocodeContext, distance_km
from civcas.places.gazetteer import Gazetteer
from civcas.places.learn import read_records, record_year

RADIUS_KM = 25.0


@dataclass
class SplitScore:
    year: int
    tested: int
    answered: int
    within: int
    baseline_within: int
    fallback_within: int = 0          # with the governorate (precision 4) when the place is unknown

    @property
    def fallback_share(self) -> float:
        return self.fallback_within / self.tested if self.tested else 0.0

    @property
    def share(self) -> float:
        return self.within / self.tested if self.tested else 0.0

    @property
    def baseline_share(self) -> float:
        return self.baseline_within / self.tested if self.tested else 0.0


def _score(g: Gazetteer, tests: list[dict[str, Any]], governorate_fallback: bool = False) -> tuple[int, int]:
    """Geocode each record's location as a pipeline would: with the record's country and
    governorate as document context; optionally fall back to the governorate (precision 4)."""
    answered = within = 0
    for r in tests:
        gov = r.get("governorate") or r.get("province")
        ctx = GeocodeContext(country="SY", admin1=str(gov) if gov else None)
        res = g.geocode(str(r.get("location") or ""), ctx)
        if res.lat is None and r.get("location_ar"):
            res = g.geocode(str(r["location_ar"]), ctx)
        if res.lat is None and governorate_fallback and gov:
            res = g.geocode(f"{gov} governorate", ctx)
        if res.lat is None:
            continue
        answered += 1
        if distance_km(res.lat, res.lon, float(r["latitude"]), float(r["longitude"])) <= RADIUS_KM:
            within += 1
    return answered, within


def year_split(path: str | Path, test_year: int, baseline: Gazetteer | None = None) -> SplitScore:
    """Learn from all years but `test_year` into a scratch SQLite DB, then score `test_year`."""
    import sqlalchemy

    from civcas.places.learn import learn_airwars
    from civcas.store.schema import Base

    tests = [r for r in read_records(path) if record_year(r) == test_year
             and r.get("latitude") is not None and r.get("longitude") is not None and r.get("location")]
    with tempfile.TemporaryDirectory() as d:
        engine = sqlalchemy.create_engine(f"sqlite:///{d}/eval.db")
        Base.metadata.create_all(engine)
        learn_airwars(engine, path, exclude_years=[test_year])
        g = Gazetteer.from_engine(engine, include_default=True)
        engine.dispose()
    answered, within = _score(g, tests)
    _, fwithin = _score(g, tests, governorate_fallback=True)
    base = baseline or Gazetteer.default()
    _, bwithin = _score(base, tests)
    return SplitScore(test_year, len(tests), answered, within, bwithin, fwithin)
