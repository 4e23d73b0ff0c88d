"""When does a strike show up in the coalition's daily releases?  Measured on real strikes.

The Dutch defence ministry's database gives the day, the Zulu time and the grid reference of
every Dutch strike; the CENTCOM scrape gives, per release day, the towns named "Near X".  For
each Dutch strike (one per day and 0.1-degree cell) we ask, for offsets -2..+4 days, whether a
release of that day names a town within 30 km.  Busy fronts are named almost daily, so most
offsets hit by chance; the offset at which releases name the strike's place more often than that
background is the release delay, printed for all strikes, by the strike's hour and by year (was the
2016 delay, the year the matcher is judged on, the same as 2015's?).  No Airwars data is used, so this is independent evidence for
`DELAY_PRIOR` in civcas.strikes.match.

With --hours, the same by the strike's hour (Zulu; local time in Iraq is UTC+3), for the two
usual delays: of the strikes whose place the releases of the strike's day and of the next day do
not both name (nor both leave out), how many are named only the same day and how many only the
next day.  A cut-off at 8 a.m. local time (05Z) would put strikes between 00Z and 05Z in the same
day's release; the hour that flips the count is the releases' real cut-off.

Usage: .venv/bin/python bench/release_delay.py [--shared ../shared] [--hours]
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
    ap.add_argument("--hours", action="store_true", help="same day vs next day by the strike's hour")
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
    if args.hours:
        return by_hour(dutch, named, first, last)

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
        for group in {"all", band, str(d.date.year)}:
            cases[group] += 1
            for k in OFFSETS:
                day = d.date + dt.timedelta(days=k)
                if any(haversine_km(d.lat, d.lon, lat, lon) <= NEAR_KM for lat, lon in named.get(day, ())):
                    hits[group][k] += 1
    print(f"Dutch strikes (per day and place) within the releases' coverage: {cases['all']}")
    print("share of strikes whose place a release names, by release day minus strike day")
    print("group      n    " + "  ".join(f"{k:+d}d " for k in OFFSETS) + "  excess at +1 over the mean of the rest")
    for group in ("all", "00-05Z", "05-12Z", "12-24Z", "2014", "2015", "2016"):
        n = cases[group]
        if not n:
            continue
        shares = {k: hits[group][k] / n for k in OFFSETS}
        rest = [v for k, v in shares.items() if k != 1]
        print(f"{group:7s} {n:5d}  " + "  ".join(f"{shares[k]:.2f}" for k in OFFSETS)
              + f"   {shares[1] - sum(rest) / len(rest):+.2f}")
    return 0


HOUR_BANDS = ((0, 2), (2, 5), (5, 8), (8, 12), (12, 16), (16, 19), (19, 21), (21, 24))


def by_hour(dutch, named, first, last) -> int:
    """Per Dutch strike (day, 0.1-degree cell, hour), on days both releases exist: is its place
    named (a town within NEAR_KM) only the same day, or only the next day?"""
    rows: list[tuple[int, bool, bool]] = []
    seen = set()
    for d in dutch:
        if d.lat is None or not d.time_utc or not first <= d.date <= last - dt.timedelta(days=4):
            continue
        nxt = d.date + dt.timedelta(days=1)
        if d.date not in named or nxt not in named:
            continue
        hour = int(d.time_utc[:2])
        key = (d.date, round(d.lat, 1), round(d.lon, 1), hour)
        if key in seen:
            continue
        seen.add(key)
        hit = [any(haversine_km(d.lat, d.lon, lat, lon) <= NEAR_KM for lat, lon in named[day])
               for day in (d.date, nxt)]
        rows.append((hour, hit[0], hit[1]))
    print(f"Dutch strikes (per day, place and hour) with releases on the day and the next: {len(rows)}")
    print("hour (Z)   local (UTC+3)       n  named same day  next day  only same day  only next day")

    def line(label: str, local: str, sel: list[tuple[int, bool, bool]]) -> None:
        n = len(sel) or 1
        print(f"{label:10s} {local:16s} {len(sel):4d}  {sum(r[1] for r in sel) / n:14.2f}  "
              f"{sum(r[2] for r in sel) / n:8.2f}  {sum(r[1] and not r[2] for r in sel):13d}  "
              f"{sum(r[2] and not r[1] for r in sel):13d}")

    for lo, hi in HOUR_BANDS:
        line(f"{lo:02d}-{hi:02d}", f"{(lo + 3) % 24:02d}-{(hi + 3) % 24:02d}",
             [r for r in rows if lo <= r[0] < hi])
    line("00-05", "03-08 (<8 a.m.)", [r for r in rows if r[0] < 5])
    line("05-21", "08-24", [r for r in rows if 5 <= r[0] < 21])
    line("21-24", "00-03 next day", [r for r in rows if r[0] >= 21])
    line("all", "", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
