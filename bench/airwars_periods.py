"""Which of two consecutive releases did Airwars' analysts quote, month by month?

Airwars' strike-report notes label the releases they quote by the period a release covers: "For
December 6th-7th 2015 the Coalition reported ..." is the release dated 7 December (the scrape's
date for that line).  Relative to the incident's date D, a label ending on D is the release of D
(delay 0) and one starting on D the release of D+1 (delay 1).  This counts, per month of incident,
the records that quote only delay 0, only delay 1, or both.  It reads Airwars' own labels, not the
scrape, so it covers 2017-2018 too, years the scrape does not reach; the withheld 2016 incidents
sit between 2015 and January 2017.

Usage:  .venv/bin/python bench/airwars_periods.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                      "oct", "nov", "dec"), 1)}
# "For March 15th - 16th", "for December 6th-7th 2015", "For June 30th-July 1st"
PERIOD = re.compile(r"\bfor\s+([A-Z][a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[-\u2013\u2014]\s*"
                    r"(?:([A-Z][a-z]+)\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)


def delays(note: str, day: dt.date) -> set[int]:
    """Release delays (label's end minus the incident's day) of the one-day periods a note quotes."""
    out = set()
    for m in PERIOD.finditer(note):
        first = MONTHS.get(m.group(1)[:3].lower())
        last = MONTHS.get((m.group(3) or m.group(1))[:3].lower())
        if first is None or last is None:
            continue
        try:
            start = dt.date(day.year, first, int(m.group(2)))
            end = dt.date(day.year, last, int(m.group(4)))
        except ValueError:
            continue
        if (end - start).days == 1:
            out.add((end - day).days)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    path = args.shared / "data" / "airwars-syria" / "airwars-syria-coalition-incidents.jsonl"
    if not path.is_file():
        print(f"{path} is absent", file=sys.stderr)
        return 2
    table: dict[str, Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            day = dt.date.fromisoformat(rec["date"])
            for a in rec.get("belligerent_assessments") or []:
                found = delays(a.get("belligerent_strike_report") or "", day)
                if {0, 1} <= found:
                    table[rec["date"][:7]]["both"] += 1
                elif found == {0}:
                    table[rec["date"][:7]]["only 0"] += 1
                elif found == {1}:
                    table[rec["date"][:7]]["only 1"] += 1
    print("| month | only delay 0 | only delay 1 | both |\n|---|---|---|---|")
    for month in sorted(table):
        c = table[month]
        print(f"| {month} | {c['only 0']} | {c['only 1']} | {c['both']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
