"""Year-split evaluation of geocoding on the shared Airwars records (learn other years, test one).

Usage: python bench/places_eval.py [path/to/airwars-syria-coalition-incidents.jsonl]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from civcas.places.evaluate import year_split
from civcas.places.gazetteer import Gazetteer

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/airwars-syria/airwars-syria-coalition-incidents.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.exists():
        print(f"no data at {path}; nothing to evaluate")
        return 0
    base = Gazetteer.default()
    tot = tot_in = tot_base = tot_fb = 0
    print(f"{'year':>6} {'tested':>7} {'answered':>9} {'<=25km':>7} {'share':>7} {'default-only':>13} {'+gov fallback':>14}")
    for year in (2014, 2015, 2017, 2018, 2019):
        t = time.perf_counter()
        s = year_split(path, year, base)
        tot, tot_in, tot_base = tot + s.tested, tot_in + s.within, tot_base + s.baseline_within
        tot_fb += s.fallback_within
        print(f"{year:>6} {s.tested:>7} {s.answered:>9} {s.within:>7} {s.share:>7.1%} {s.baseline_share:>13.1%}"
              f" {s.fallback_share:>14.1%}"
              f"   ({time.perf_counter() - t:.1f}s)")
    print(f"{'all':>6} {tot:>7} {'':>9} {tot_in:>7} {tot_in / max(1, tot):>7.1%} {tot_base / max(1, tot):>13.1%}"
          f" {tot_fb / max(1, tot):>14.1%}")
    print("context per record: country SY and the record's governorate; '+gov fallback' answers an unknown "
          "place with its governorate (precision 4)")
    print("learned from every other year (2016 is withheld from the shared data); "
          "share = geocodes within 25 km of Airwars' coordinates among records with coordinates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
