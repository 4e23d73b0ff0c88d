"""Learn village and neighbourhood names from monitors' geolocated incident records.

GeoNames stops at towns of a few hundred people; the villages and city quarters where strikes
fell are in the monitors' own records, with coordinates an analyst checked.  We take a name only
when the record's accuracy says the point is that place (village, town, neighbourhood, exact),
only the part of the location text that names one place ("Hajin: house near the mosque" teaches
"Hajin"; "Between X and Y" teaches nothing), and we keep which record taught it
(source "airwars:CS1234") so that a wrong name can be traced and removed.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import func, insert, select

from civcas.places.admin import ADMIN1_NAMES
from civcas.places.context import distance_km, strip_fillers
from civcas.places.normalize import has_arabic, norm_key, skeleton
from civcas.store.schema import Place, PlaceName

# accuracy -> kind of the place the point stands for; None = the point is not a named place
ACCURACY_KIND = {
    "village": "village", "town": "town", "city": "city", "neighbourhood_area": "neighbourhood",
    "exact_location": "other", "within_100m": "other", "within_1m": "other", "street": "other",
    "exact_location_other": "other", "exact_location_coalition": "other", "nearby_landmark": "other",
}
CLUSTER_KM = 12.0
_REJECT = re.compile(
    r"(?i)\b(between|near|close to|outskirts|countryside|vicinity|road|highway|route|multiple|several|"
    r"various|unknown|desert|north|south|east|west|northern|southern|eastern|western|km|kilomet|or|and|"
    r"from|outside|around|area|region|location|locations|centre|center|central|in|at|of|behind|next|"
    r"neighbourhoods|villages)\b|[/&?+]")
_AR_REJECT = re.compile(r"(?:بين|قرب|ريف|طريق|شمال|جنوب|شرق|غرب|محيط|أطراف|اطراف|بادية|و\s)")
_SENTINEL_NAMES = {"syria", "iraq", "city", "town", "village", "centre", "center", "unknown"}


@dataclass
class LearnResult:
    path: str
    records: int = 0
    used: int = 0
    places_added: int = 0
    names_added: int = 0
    skipped: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "records": self.records, "used": self.used,
                "places_added": self.places_added, "names_added": self.names_added,
                "skipped": dict(self.skipped)}


def clean_location(text: str | None) -> str | None:
    """The single place a location string names, or None when it names none or several."""
    if not text:
        return None
    t = " ".join(str(text).split())
    if has_arabic(t):
        t = t.replace("\u200f", "").replace("\u200e", "")
        if "," in t or "،" in t or "/" in t or _AR_REJECT.search(t):
            return None
        t = strip_fillers(t)
        return t if 2 <= len(t) <= 60 else None
    t = re.sub(r"(?i),?\s*\b(syria|iraq)\b\s*$", "", t).strip(" ,.")
    t = re.sub(r"\s*\([^)]*\)", "", t).strip()
    if ":" in t:
        t = t.split(":", 1)[0]          # "Hajin: house near ..." -> the container
    elif "," in t:
        t = t.split(",", 1)[0]          # "Mayadin, Al Masaken" -> the first, a named place
    t = strip_fillers(t)
    if not t or _REJECT.search(t) or re.search(r"\d", t):
        return None
    if t.lower() in _SENTINEL_NAMES or len(t) < 3 or len(t) > 60 or len(t.split()) > 5:
        return None
    return t


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue


def record_year(r: dict[str, Any]) -> int | None:
    d = str(r.get("date") or "")
    return int(d[:4]) if d[:4].isdigit() else None


_ADMIN_BY_KEY = {norm_key(v): v for v in ADMIN1_NAMES.values() if v}


def _admin1(r: dict[str, Any]) -> str | None:
    for k in ("governorate", "province", "region"):
        v = r.get(k)
        if v:
            key = norm_key(str(v))
            if key in _ADMIN_BY_KEY:
                return _ADMIN_BY_KEY[key]
            for name in ADMIN1_NAMES.values():
                if skeleton(name) == skeleton(str(v)):
                    return name
    return None


@dataclass
class _Cluster:
    lat: float
    lon: float
    kind: str
    admin1: str | None
    codes: list[str]
    names: dict[str, str]           # spelling -> first source
    points: list[tuple[float, float]] = field(default_factory=list)

    def centre(self) -> tuple[float, float]:
        """Median point: one mis-placed record should not drag a village across the river."""
        lats = sorted(p[0] for p in self.points)
        lons = sorted(p[1] for p in self.points)
        return lats[len(lats) // 2], lons[len(lons) // 2]


def collect(records: Iterable[dict[str, Any]], country: str = "SY") -> tuple[list[_Cluster], LearnResult]:
    """Group usable (name, point) pairs into one cluster per place; no database involved."""
    res = LearnResult("")
    clusters: dict[str, list[_Cluster]] = {}
    for r in records:
        res.records += 1
        acc = r.get("geolocation_accuracy")
        kind = ACCURACY_KIND.get(acc or "")
        if kind is None:
            res.skipped[f"accuracy:{acc}"] += 1
            continue
        try:
            lat, lon = float(r["latitude"]), float(r["longitude"])
        except (KeyError, TypeError, ValueError):
            res.skipped["no coordinates"] += 1
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            res.skipped["bad coordinates"] += 1
            continue
        code = str(r.get("code") or "").split()[0] if r.get("code") else "?"
        en = clean_location(r.get("location"))
        ar = clean_location(r.get("location_ar"))
        if kind == "other":
            # an exact point inside a place: the place named before ':' is the container
            loc = str(r.get("location") or "")
            en = clean_location(loc.split(":", 1)[0]) if ":" in loc else None
            ar = None
            kind = "town"
        if not en and not ar:
            res.skipped["no single place name"] += 1
            continue
        res.used += 1
        key = skeleton(en or ar or "") or norm_key(en or ar or "")
        placed = None
        for c in clusters.setdefault(key, []):
            if distance_km(c.lat, c.lon, lat, lon) <= CLUSTER_KM:
                placed = c
                break
        if placed is None:
            placed = _Cluster(lat, lon, kind, _admin1(r), [], {})
            clusters[key].append(placed)
        placed.codes.append(code)
        placed.points.append((lat, lon))
        for sp in (en, ar):
            if sp and sp not in placed.names:
                placed.names[sp] = f"airwars:{code}"
    out = [c for lst in clusters.values() for c in lst]
    return out, res


def learn_airwars(engine: Any, path: str | Path, years: Iterable[int] | None = None,
                  exclude_years: Iterable[int] | None = None, country: str = "SY") -> LearnResult:
    """Add places and spellings from an Airwars incidents JSONL file, in one transaction.

    A name whose place is already known within a few km becomes a new spelling of it; otherwise a
    new place is created at the median of the records' points.  `years`/`exclude_years` select
    records by incident year (used for held-out evaluation).
    """
    yrs = set(years) if years else None
    excl = set(exclude_years) if exclude_years else set()
    recs = (r for r in read_records(path)
            if (yrs is None or record_year(r) in yrs) and record_year(r) not in excl)
    clusters, res = collect(recs, country)
    res.path = str(path)
    from civcas.places.gazetteer import Gazetteer

    known = Gazetteer.from_engine(engine, include_default=True)
    with engine.begin() as conn:
        next_pid = int(conn.execute(select(func.coalesce(func.max(Place.id), 0))).scalar_one()) + 1
        have = {(pid, nm) for pid, nm in conn.execute(select(PlaceName.place_id, PlaceName.name))}
        new_places, new_names = [], []
        for c in clusters:
            c.lat, c.lon = c.centre()
            first_name = next(iter(c.names))
            match = None
            for h in known.lookup(first_name, country):
                e = h.entry
                if h.level == "name" and e.place_id is not None and distance_km(e.lat, e.lon, c.lat, c.lon) <= 5:
                    match = e.place_id
                    break
            if match is None:
                pid = next_pid
                next_pid += 1
                latin = next((n for n in c.names if not has_arabic(n)), first_name)
                new_places.append({"id": pid, "geonames_id": None, "name": latin[:200], "kind": c.kind,
                                   "lat": c.lat, "lon": c.lon, "country": country, "admin1": c.admin1,
                                   "admin2": None, "population": None,
                                   "source": f"airwars:{c.codes[0]}"[:100]})
            else:
                pid = match
            for sp, src in c.names.items():
                if (pid, sp) in have:
                    continue
                have.add((pid, sp))
                new_names.append({"place_id": pid, "name": sp[:300], "key": norm_key(sp)[:300],
                                  "skeleton": skeleton(sp)[:300], "language": "ar" if has_arabic(sp) else "en", "source": src[:100]})
        if new_places:
            conn.execute(insert(Place), new_places)
        if new_names:
            conn.execute(insert(PlaceName), new_names)
        if conn.dialect.name == "postgresql":
            from civcas.places.importer import _fix_sequence

            _fix_sequence(conn, "places")
    res.places_added, res.names_added = len(new_places), len(new_names)
    return res
