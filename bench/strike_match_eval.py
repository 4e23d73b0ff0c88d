"""How well does rank_candidates find the release lines Airwars' analysts matched to incidents?

Gold: ../shared/data/airwars-syria/airwars-centcom-strike-line-matches.csv (incident -> CENTCOM
release line quoted verbatim in Airwars' record).  Candidates: every line of the CENTCOM scrape
(all.csv).  We report rank-1 accuracy (the top candidate is a gold line) and recall@3 (a gold line
is in the top three), for the scorer and for a naive baseline (smallest release delay, then
nearest place).

Usage:  .venv/bin/python bench/strike_match_eval.py [--shared ../shared] [--json] [--show N]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from civcas.ingest.airwars import parse_airwars, split_code
from civcas.records import IncidentRecord
from civcas.strikes import parse_releases
from civcas.strikes.match import gazetteer_locate, rank_candidates, rank_naive

REPO = Path(__file__).resolve().parents[1]


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def load(shared: Path):
    data = shared / "data"
    strikes = parse_releases(data / "centcom-strike-releases" / "all.csv").strikes
    incidents = {i.code: i for i in
                 parse_airwars(data / "airwars-syria" / "airwars-syria-coalition-incidents.jsonl").incidents}
    gold: dict[str, set[int]] = defaultdict(set)
    rows: dict[str, dict] = {}
    index = defaultdict(list)
    for n, s in enumerate(strikes):
        index[(s.release_date, norm(s.text or ""))].append(n)
    missing = 0
    with open(data / "airwars-syria" / "airwars-centcom-strike-line-matches.csv", newline="",
              encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            released = dt.datetime.strptime(row["centcom_release_date"], "%m/%d/%Y").date()
            hits = index.get((released, norm(row["centcom_line"])), [])
            if not hits:
                missing += 1
                continue
            gold[row["airwars_code"]].update(hits)
            rows[row["airwars_code"]] = row
    cases = []
    for code, lines in gold.items():
        primary, _ = split_code(code)
        inc = incidents.get(primary)
        if inc is None:               # the gold row carries enough to stand in
            r = rows[code]
            inc = IncidentRecord(code=primary, date=dt.date.fromisoformat(r["incident_date"]),
                                 place_text=r["airwars_location"], country="Syria",
                                 lat=float(r["latitude"]) if r["latitude"] else None,
                                 lon=float(r["longitude"]) if r["longitude"] else None)
        cases.append((inc, lines))
    return strikes, cases, missing


def evaluate(ranker, strikes, cases, locate, show: int = 0) -> dict:
    cache: dict = {}
    top1 = top3 = 0
    rr = 0.0
    n_cand = 0
    misses = []
    for inc, gold in cases:
        ranked = ranker(inc, strikes, locate, cache=cache)
        n_cand += len(ranked)
        ids = [id(c.strike) for c in ranked]
        gold_ids = {id(strikes[g]) for g in gold}
        ranks = [k for k, i in enumerate(ids, 1) if i in gold_ids]
        best = ranks[0] if ranks else None
        top1 += best == 1
        top3 += best is not None and best <= 3
        rr += 1 / best if best else 0.0
        if best != 1 and len(misses) < show:
            misses.append((inc, best, ranked[:3], [strikes[g] for g in gold]))
    n = len(cases)
    for inc, best, top, golds in misses:
        print(f"- {inc.code} {inc.date} {inc.place_text!r}: gold rank {best}", file=sys.stderr)
        for c in top:
            print(f"    top {c.score:6.2f} {c.strike.release_date} {c.strike.location} x{c.strike.strikes} "
                  f"{ {k: v for k, v in c.features.items() if k in ('delay_days', 'distance_km')} }",
                  file=sys.stderr)
        for g in golds:
            print(f"    gold {g.release_date} {g.location} x{g.strikes}", file=sys.stderr)
    return {"incidents": n, "rank1": round(top1 / n, 3), "recall3": round(top3 / n, 3),
            "mrr": round(rr / n, 3), "mean_candidates": round(n_cand / n, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N misses of the scorer to stderr")
    args = ap.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"{args.shared}/data is absent", file=sys.stderr)
        return 2
    strikes, cases, missing = load(args.shared)
    locate = gazetteer_locate()
    result = {
        "gold_rows_unmatched_to_a_parsed_line": missing,
        "scorer": evaluate(rank_candidates, strikes, cases, locate, args.show),
        "naive_delay_then_distance": evaluate(rank_naive, strikes, cases, locate),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"gold incidents: {result['scorer']['incidents']} "
              f"(gold rows not found among parsed lines: {missing})")
        for name in ("scorer", "naive_delay_then_distance"):
            r = result[name]
            print(f"{name:28s} rank-1 {r['rank1']:.3f}  recall@3 {r['recall3']:.3f}  MRR {r['mrr']:.3f}  "
                  f"candidates/incident {r['mean_candidates']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
