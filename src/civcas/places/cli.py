"""CLI-ready functions: the lead's `civcas places ...` / `civcas geocode` commands wrap these.

They return plain dicts/lists (JSON-ready) and take an Engine, so the CLI only parses arguments
and prints.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from civcas.places.context import GeocodeContext
from civcas.places.gazetteer import Gazetteer

JSON_KEYS = ("query", "name", "lat", "lon", "country", "admin1", "precision", "place_id", "candidates")


def geocode_json(gazetteer: Gazetteer, queries: Iterable[str],
                 context: GeocodeContext | None = None) -> list[dict[str, Any]]:
    """One dict per query with exactly the CLI's keys; `reason` added when nothing fits."""
    out = []
    for q in queries:
        g = gazetteer.geocode(q, context)
        d = {k: getattr(g, k) for k in JSON_KEYS}
        if g.lat is None:
            d["reason"] = g.reason or "no match"
        elif g.reason:
            d["reason"] = g.reason
        out.append(d)
    return out


def load_gazetteer(engine: Any | None = None) -> Gazetteer:
    """The database's gazetteer (plus the bundled default), or the bundled default alone."""
    if engine is None:
        return Gazetteer.default()
    from sqlalchemy import inspect

    if not inspect(engine).has_table("places"):
        return Gazetteer.default()
    return Gazetteer.from_engine(engine, include_default=True)


def import_file(engine: Any, path: str | Path, progress: Callable[[int], Any] | None = None) -> dict[str, Any]:
    """`civcas places import FILE`: GeoNames dump, alternate names or admin1 codes."""
    from civcas.places.importer import import_geonames

    return import_geonames(engine, path, progress).to_dict()


def learn_file(engine: Any, path: str | Path) -> dict[str, Any]:
    """`civcas places learn FILE`: Airwars-style incidents JSONL."""
    from civcas.places.learn import learn_airwars

    return learn_airwars(engine, path).to_dict()
