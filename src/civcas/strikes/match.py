"""Which declared strikes could have caused an incident: ranked candidates, not a verdict.

Monitors match an alleged incident to the coalition's own strike releases to argue that a strike
happened there and then.  Both ledgers are vague in known ways, and the score follows them:

* time: releases came out the same day or the day after the strikes (Airwars' analysts' matches
  on 2014-2015 releases: 0 days 39, 1 day 40, 2-3 days 3 of 82), rarely up to ~4 days; an
  incident's own date can also be a day late.  Outside -1..+4 days a strike is not a candidate.
* place: "Near X" in a release covered a wide area (published locations were off by up to ~90
  km), and an incident's point may be a city centre.  Distance only counts beyond the sum of
  both sides' uncertainty; beyond that it costs, but never excludes.
* country: a strike "in Iraq" rarely explains a Syrian incident, but border towns exist.
* number: a line of 18 strikes is likelier to contain the one that hit civilians than a line of
  one strike.

Scores are sums of log-scale features, so `features` explains each rank to an analyst.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

from civcas.records import IncidentRecord, StrikeRecord

Locate = Callable[[str, "str | None"], "tuple[float, float, int] | None"]

# P(release delay in days), from the gold matches with a little mass spread to the tails.
DELAY_PRIOR = {-1: 0.03, 0: 0.44, 1: 0.44, 2: 0.05, 3: 0.025, 4: 0.015}
# Radius (km) within which a point of each precision code may lie.
PRECISION_RADIUS_KM = {1: 2.0, 2: 25.0, 3: 50.0, 4: 120.0, 5: 400.0}
NEAR_SLACK_KM = 30.0          # a release's "near X" covers X's surroundings
DISTANCE_SCALE_KM = 40.0      # beyond the tolerance, one log-unit per 40 km
UNKNOWN_DISTANCE = -1.5       # a place neither side can locate: worse than near, better than far
COUNTRY_MISMATCH = -3.0
STRIKES_WEIGHT = 0.5


@dataclass
class Candidate:
    strike: StrikeRecord
    score: float
    features: dict[str, float | int | None] = field(default_factory=dict)


def release_delay(incident: IncidentRecord, strike: StrikeRecord) -> int | None:
    """Days from the incident to the strike's release (or to the strike, when no release date)."""
    if incident.date is None:
        return None
    when = strike.release_date or strike.date
    if when is None:
        return None
    if strike.release_date is None:           # a dated strike (NL MoD): shift onto the release scale
        when = when + dt.timedelta(days=1)
    delay = (when - incident.date).days
    if incident.date_end and incident.date_end > incident.date and delay > 0:
        delay = max(0, (when - incident.date_end).days)
    return delay


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _incident_point(incident: IncidentRecord, locate: Locate) -> tuple[float, float, int] | None:
    if incident.lat is not None and incident.lon is not None:
        return incident.lat, incident.lon, incident.geo_precision or 2
    if incident.place_text:
        return locate(incident.place_text, incident.country)
    return None


def _strike_point(strike: StrikeRecord, locate: Locate, cache: dict) -> tuple[float, float, int] | None:
    if strike.lat is not None and strike.lon is not None:
        return strike.lat, strike.lon, strike.geo_precision or 1
    if not strike.location:
        return None
    key = (strike.location, strike.country)
    if key not in cache:
        cache[key] = locate(strike.location, strike.country)
    return cache[key]


def rank_candidates(incident: IncidentRecord, strikes: Sequence[StrikeRecord], locate: Locate,
                    *, window: tuple[int, int] = (-1, 4),
                    cache: dict | None = None) -> list[Candidate]:
    """Strikes within the date window, best first."""
    cache = {} if cache is None else cache
    here = _incident_point(incident, locate)
    out: list[Candidate] = []
    for strike in strikes:
        delay = release_delay(incident, strike)
        if delay is None or not window[0] <= delay <= window[1]:
            continue
        f: dict[str, float | int | None] = {"delay_days": delay}
        f["date"] = math.log(DELAY_PRIOR.get(delay, 0.01))
        there = _strike_point(strike, locate, cache)
        if here and there:
            d = haversine_km(here[0], here[1], there[0], there[1])
            # A release's "near X" stays vague even once X is geocoded; a grid reference does not.
            near = 0.0 if strike.mgrs else NEAR_SLACK_KM
            tol = PRECISION_RADIUS_KM.get(here[2], 25.0) + PRECISION_RADIUS_KM.get(there[2], 25.0) + near
            f["distance_km"] = round(d, 1)
            f["tolerance_km"] = tol
            f["place"] = -max(0.0, d - tol) / DISTANCE_SCALE_KM
        else:
            f["distance_km"] = None
            f["place"] = UNKNOWN_DISTANCE
        if incident.country and strike.country:
            f["country"] = 0.0 if incident.country.lower() == strike.country.lower() else COUNTRY_MISMATCH
        else:
            f["country"] = 0.0
        f["strikes"] = STRIKES_WEIGHT * math.log(strike.strikes) if strike.strikes else 0.0
        score = sum(v for k, v in f.items() if k in ("date", "place", "country", "strikes"))  # type: ignore[misc]
        out.append(Candidate(strike, round(score, 4), f))
    out.sort(key=lambda c: -c.score)
    return out


def rank_naive(incident: IncidentRecord, strikes: Sequence[StrikeRecord], locate: Locate,
               *, window: tuple[int, int] = (-1, 4), cache: dict | None = None) -> list[Candidate]:
    """Baseline: the smallest release delay first, then the nearest place."""
    cache = {} if cache is None else cache
    here = _incident_point(incident, locate)
    out = []
    for strike in strikes:
        delay = release_delay(incident, strike)
        if delay is None or not window[0] <= delay <= window[1]:
            continue
        there = _strike_point(strike, locate, cache)
        d = haversine_km(here[0], here[1], there[0], there[1]) if here and there else 1e6
        out.append(Candidate(strike, -abs(delay) * 1e7 - d, {"delay_days": delay, "distance_km": d}))
    out.sort(key=lambda c: -c.score)
    return out


# --- locating release towns --------------------------------------------------------------------

ISO2 = {"syria": "SY", "iraq": "IQ"}
# Misspellings in the scraped releases that no gazetteer should have to know.
RELEASE_ALIASES = {"dayz az zawr": "Dayr Az Zawr", "dayz ar zawr": "Dayr Az Zawr",
                   "dayz ar awr": "Dayr Az Zawr", "day az zawr": "Dayr Az Zawr",
                   "walweed": "Waleed", "washiya": "Washiyah", "tallafar": "Tal Afar"}


# Release towns the bundled gazetteer lacks or places elsewhere (it puts "Mar'a" in Idlib; the
# releases' Mar'a is Marea, north of Aleppo).  Approximate, hence precision 2.
RELEASE_TOWNS = {"mar'a": (36.607, 37.048, 2), "taqba airfield": (35.754, 38.566, 2),
                 "haditha dam": (34.207, 42.355, 2), "taji": (33.524, 44.267, 2)}


def gazetteer_locate(gazetteer=None) -> Locate:
    """A `locate` backed by civcas.places; returns None for what it cannot place."""
    from civcas.places import Gazetteer, GeocodeContext

    gaz = gazetteer or Gazetteer.default()

    def locate(name: str, country: str | None) -> tuple[float, float, int] | None:
        key = name.strip().lower().replace("\u2019", "'")
        if key in RELEASE_TOWNS:
            return RELEASE_TOWNS[key]
        name = RELEASE_ALIASES.get(key, name)
        g = gaz.geocode(name, GeocodeContext(country=ISO2.get((country or "").lower())))
        if g.lat is None or g.lon is None:
            return None
        return g.lat, g.lon, g.precision or 2

    return locate


__all__ = ["Candidate", "rank_candidates", "rank_naive", "release_delay", "gazetteer_locate",
           "haversine_km"]
