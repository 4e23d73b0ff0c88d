"""When does a strike show up in the coalition's daily releases?  Measured on real strikes.

The Dutch defence ministry's database gives the day, the Zulu time and the grid reference of
every Dutch strike; the CENTCOM scrape gives, per release day, the towns named "Near X".  For
each Dutch strike (one per day and 0.1-degree cell) we ask, for offsets -2..+4 days, whether a
release of that day names a town within 30 km.  Busy fronts are named almost daily, so most
offsets hit by chance; the offset at which releases name the strike's place more often than that
background is the release delay.  No Airwars data is used, so this is independent evidence for
`DELAY_PRIOR` in civcas.strikes.match.

Usage: .venv/bin/python bench/release_delay.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path

from civcas.strikes import parse_releases
from civcas.strikes.match import gazetteer_locate, haversine_km

REPO = Path(__file__).resolve().parents[1]
OFFSETS = range(-2, 5)
NEAR_KM = 30.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    data = args.shared / "data"
    dutch_files = sorted((data / "dutch-oir-strikes").glob("*.csv"))
    if not dutch_files or not (data / "centcom-strike-releases" / "all.csv").is_file():
        print(f"{data} lacks the Dutch database or the CENTCOM scrape", file=sys.stderr)
        return 2
    releases = parse_releases(data / "centcom-strike-releases" / "all.csv").strikes
    dutch = parse_releases(dutch_files[0]).strikes
    locate = gazetteer_locate()
    towns: dict[tuple, tuple | None] = {}
    named: dict[dt.date, list[tuple[float, float]]] = defaultdict(list)
    for s in releases:
        key = (s.location, s.country)
        if key not in towns:
            towns[key] = locate(s.location or "", s.country)
        if towns[key] and s.release_date:
            named[s.release_date].append(towns[key][:2])
    first, last = min(named), max(named)

    hits: dict[str, Counter] = defaultdict(Counter)
    cases: Counter = Counter()
    seen = set()
    for d in dutch:
        if d.lat is None or d.date is None or not first <= d.date <= last - dt.timedelta(days=4):
            continue
        hour = int(d.time_utc[:2]) if d.time_utc else None
        band = "all" if hour is None else ("00-05Z" if hour < 5 else "05-12Z" if hour < 12 else "12-24Z")
        key = (d.date, round(d.lat, 1), round(d.lon, 1), band)
        if key in seen:
            continue
        seen.add(key)
        for group in {"all", band}:
            cases[group] += 1
            for k in OFFSETS:
                day = d.date + dt.timedelta(days=k)
                if any(haversine_km(d.lat, d.lon, lat, lon) <= NEAR_KM for lat, lon in named.get(day, ())):
                    hits[group][k] += 1
    print(f"Dutch strikes (per day and place) within the releases' coverage: {cases['all']}")
    print("share of strikes whose place a release names, by release day minus strike day")
    print("group      n    " + "  ".join(f"{k:+d}d " for k in OFFSETS) + "  excess at +1 over the mean of the rest")
    for group in ("all", "00-05Z", "05-12Z", "12-24Z"):
        n = cases[group]
        if not n:
            continue
        shares = {k: hits[group][k] / n for k in OFFSETS}
        rest = [v for k, v in shares.items() if k != 1]
        print(f"{group:7s} {n:5d}  " + "  ".join(f"{shares[k]:.2f}" for k in OFFSETS)
              + f"   {shares[1] - sum(rest) / len(rest):+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
