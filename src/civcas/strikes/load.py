"""Load declared-strike releases into the store, geocoding each release's "near X" place.

One transaction for the whole import: an interrupted import leaves the store as it was, and the
same release imported twice adds nothing (strikes carry a fingerprint).  Malformed rows are
reported with file and line by the parser and skipped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from civcas.records import StrikeRecord
from civcas.store import Store
from civcas.store import repositories as repo


@dataclass
class StrikeImport:
    new: int = 0
    present: int = 0
    geocoded: int = 0           # placed from the release's "near X"
    placed: int = 0             # with coordinates at all: their own (a grid reference) or geocoded
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def locate(strikes: list[StrikeRecord], gazetteer: Any) -> int:
    """Give each strike without coordinates those of its named place, at "near" precision at best:
    a release's "near X" never pins a strike to X itself."""
    cache: dict[tuple[str, str | None], Any] = {}
    done = 0
    for s in strikes:
        if s.lat is not None or not s.location:
            continue
        key = (s.location, s.country)
        if key not in cache:
            query = f"near {s.location}" + (f", {s.country}" if s.country else "")
            cache[key] = gazetteer.geocode(query)
        geo = cache[key]
        if geo.lat is not None:
            s.lat, s.lon = geo.lat, geo.lon
            s.geo_precision = max(geo.precision or 2, 2)
            done += 1
    return done


def import_strikes(store: Store, paths: Iterable[Path], gazetteer: Any | None = None) -> StrikeImport:
    from civcas.strikes.releases import parse_releases

    result = StrikeImport()
    strikes: list[StrikeRecord] = []
    for path in paths:
        parsed = parse_releases(path)
        strikes += parsed.strikes
        result.errors += [str(e) for e in parsed.errors]
        result.warnings += [str(w) for w in parsed.warnings]
    if gazetteer is not None:
        result.geocoded = locate(strikes, gazetteer)
    result.placed = sum(s.lat is not None and s.lon is not None for s in strikes)
    with store.session() as s:
        counts = repo.add_strikes(s, strikes)
    result.new, result.present = counts["new"], counts["present"]
    return result
