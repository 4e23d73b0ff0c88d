"""An incident's figures follow from the claims linked to it.

Monitors publish a range, not a number: the lowest toll any source gives and the highest.  So
civilians killed runs from the lowest `count_min` to the highest `count_max` (or `count_min` when
the claim leaves the top open, "at least 11").  The same holds for children, women, men and
injured.  The date runs from the earliest to the latest day claimed, preferring day-precision
claims over vaguer ones; the place is the best-geolocated claim's.

Incidents imported from a monitor (`origin` set) keep the monitor's figures: linked claims may
only *widen* them (a lower minimum, a higher maximum, an earlier start, a later end, a first
geolocation when there was none, sources added), never narrow or replace them, because the
monitor's analysts saw material we do not have.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable

FIGURES = ("date", "date_end", "date_precision", "place_text", "country", "admin1", "lat", "lon",
           "geo_precision", "belligerent", "civilians_killed_min", "civilians_killed_max",
           "children_killed_min", "children_killed_max", "women_killed_min", "women_killed_max",
           "men_killed_min", "men_killed_max", "injured_min", "injured_max", "sources")
GROUPS = {"civilians_killed": "count", "children_killed": "children", "women_killed": "women",
          "men_killed": "men", "injured": "injured"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def counts_deaths(claim: dict[str, Any]) -> bool:
    """Only claims counting deaths feed the killed range; 'killed or wounded' does not."""
    counted = (claim.get("counted") or "killed").lower()
    return not any(w in counted for w in ("wound", "injur", "strike", "missing"))


def _range(pairs: Iterable[tuple[int | None, int | None]]) -> tuple[int | None, int | None]:
    lows, highs = [], []
    for lo, hi in pairs:
        if lo is None:
            continue
        lows.append(lo)
        highs.append(hi if hi is not None else lo)
    return (min(lows), max(highs)) if lows else (None, None)


def from_claims(claims: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group, prefix in GROUPS.items():
        pool = [c for c in claims if prefix != "count" or counts_deaths(c)]
        out[f"{group}_min"], out[f"{group}_max"] = _range(
            (c.get(f"{prefix}_min"), c.get(f"{prefix}_max")) for c in pool)
    dated = [c for c in claims if c.get("event_date")]
    if dated:
        best = min(_PRECISION_RANK.get(c.get("date_precision") or "day", 0) for c in dated)
        sharp = [c for c in dated if _PRECISION_RANK.get(c.get("date_precision") or "day", 0) == best]
        start = min(c["event_date"] for c in sharp)
        end = max(c.get("event_date_end") or c["event_date"] for c in sharp)
        out.update(date=start, date_end=end if end != start else None,
                   date_precision=next(p for p, r in _PRECISION_RANK.items() if r == best))
    else:
        out.update(date=None, date_end=None, date_precision=None)
    placed = [c for c in claims if c.get("lat") is not None]
    if placed:
        top = min(placed, key=lambda c: (c.get("geo_precision") or 5, c.get("id") or 0))
        out.update(lat=top["lat"], lon=top["lon"], geo_precision=top.get("geo_precision"),
                   place_text=top.get("place_text"), admin1=top.get("admin1"))
    else:
        named = [c for c in claims if c.get("place_text")]
        out.update(lat=None, lon=None, geo_precision=None, admin1=None,
                   place_text=named[0]["place_text"] if named else None)
    out["country"] = _most_common(c.get("country") for c in claims)
    out["belligerent"] = _most_common(c.get("belligerent") for c in claims)
    out["sources"] = sources(claims)
    return out


def sources(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: c.get("id") or 0):
        ref = {"name": c.get("source"), "url": c.get("url"),
               "date": c["published"].isoformat() if isinstance(c.get("published"), dt.date) else c.get("published")}
        key = (ref["name"], ref["url"])
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def widen(current: dict[str, Any], claimed: dict[str, Any]) -> dict[str, Any]:
    """A monitor's figures, widened by what linked claims add; nothing is narrowed."""
    out = {k: current.get(k) for k in FIGURES}
    for group in GROUPS:
        lo, hi = f"{group}_min", f"{group}_max"
        if claimed.get(lo) is not None:
            out[lo] = claimed[lo] if out[lo] is None else min(out[lo], claimed[lo])
        if claimed.get(hi) is not None and out[hi] is not None:
            out[hi] = max(out[hi], claimed[hi])
        elif claimed.get(hi) is not None and out[lo] is not None and current.get(lo) is not None:
            out[hi] = max(current[lo], claimed[hi])   # the monitor's single figure becomes a range
        if out[lo] is not None and out[hi] is not None and out[hi] < out[lo]:
            out[hi] = out[lo]
    if claimed.get("date") and current.get("date"):
        end = max(current.get("date_end") or current["date"], claimed.get("date_end") or claimed["date"])
        start = min(current["date"], claimed["date"])
        out["date"], out["date_end"] = start, (end if end != start else None)
    elif claimed.get("date") and not current.get("date"):
        out.update(date=claimed["date"], date_end=claimed.get("date_end"),
                   date_precision=claimed.get("date_precision"))
    if current.get("lat") is None and claimed.get("lat") is not None:
        for k in ("lat", "lon", "geo_precision", "admin1"):
            out[k] = claimed.get(k) if out.get(k) is None or k != "admin1" else out[k]
    for k in ("place_text", "country", "belligerent"):
        if not out.get(k):
            out[k] = claimed.get(k)
    have = list(current.get("sources") or [])
    keys = {(s.get("name"), s.get("url")) for s in have}
    out["sources"] = have + [s for s in claimed.get("sources") or [] if (s["name"], s["url"]) not in keys]
    return out
