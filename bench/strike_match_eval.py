"""How well does rank_candidates find the release lines Airwars' analysts matched to incidents?

Gold: ../shared/data/airwars-syria/airwars-centcom-strike-line-matches.csv (incident -> CENTCOM
release line quoted verbatim in Airwars' record).  Candidates: every line of the CENTCOM scrape
(all.csv).  We report rank-1 accuracy (the top candidate is a gold line) and recall@3 (a gold line
is in the top three), for the scorer and for a naive baseline (smallest release delay, then
nearest place).

Usage:  .venv/bin/python bench/strike_match_eval.py [--shared ../shared] [--json] [--show N] [--lomo]
        [--forward] [--no-strikes]

--lomo fits six weights on a grid leaving one month out at a time and reports the held-out
figures; --forward fits on 2014-10..2015-06 and tests on 2015-07..12; --no-strikes reports how often civcas proposes or declares a strike for incidents the
coalition rejected for `no_coalition_strikes`.  --quoted also scores against every line Airwars'
record quotes once its editorial inserts ("one strike [British] wounded ...") are dropped: the
derived gold file matched quotes verbatim and so misses such lines (an audit of the gold, reported
beside the official figure, never instead of it).
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
from civcas.strikes.match import expected_delay, gazetteer_locate, rank_candidates, rank_naive

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


def quoted_gold(strikes, cases) -> tuple[list, int]:
    """The gold widened to every line in the window that Airwars' own strike-report quote holds
    once bracketed editorial inserts are removed; returns the cases and how many lines were added."""
    index = by_release_day(strikes)
    pos = {id(s): n for n, s in enumerate(strikes)}
    out, added = [], 0
    for inc, gold in cases:
        quote = " ".join(a.strike_report or "" for a in inc.assessments)
        quote = " " + norm(re.sub(r"\[[^\]]*\]", " ", quote)) + " "
        extra = {pos[id(s)] for s in window_of(index, inc)
                 if f" {norm((s.text or '').lstrip('- '))} " in quote} - set(gold)
        added += len(extra)
        out.append((inc, set(gold) | extra))
    return out, added


def by_release_day(strikes):
    """Strikes indexed by release day, so each incident scores only its own window."""
    index = defaultdict(list)
    for s in strikes:
        index[s.release_date or (s.date + dt.timedelta(days=1))].append(s)
    return index


def window_of(index, inc, window=(-1, 4)):
    if inc.date is None:
        return []
    last = (inc.date_end or inc.date) if inc.date_end and inc.date_end > inc.date else inc.date
    days = (last - inc.date).days
    return [s for k in range(window[0], days + window[1] + 1)
            for s in index.get(inc.date + dt.timedelta(days=k), [])]


def case_ranks(ranker, strikes, cases, locate, **kw) -> list[int | None]:
    """The best rank of a gold line for each case (None: not among the candidates)."""
    cache: dict = {}
    index = by_release_day(strikes)
    out = []
    for inc, gold in cases:
        ranked = ranker(inc, window_of(index, inc), locate, cache=cache, **kw)
        gold_ids = {id(strikes[g]) for g in gold}
        ranks = [k for k, c in enumerate(ranked, 1) if id(c.strike) in gold_ids]
        out.append(ranks[0] if ranks else None)
    return out


def summary(ranks: list[int | None]) -> dict:
    n = len(ranks) or 1
    return {"incidents": len(ranks), "rank1": round(sum(r == 1 for r in ranks) / n, 3),
            "recall3": round(sum(r is not None and r <= 3 for r in ranks) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3)}


GRID = {"later_release": (0.0, -0.5, -1.0, -2.0), "distance_scale_km": (50.0, 100.0, 150.0),
        "strikes": (0.0, 0.25, 0.5, 0.75), "near_slack_km": (20.0, 45.0, 70.0),
        "named_town": (0.0, 0.5, 1.0, 2.0), "front": (0.0, 0.1, 0.25, 0.5)}
TIME_GRID = (0.0, 0.25, 0.5, 1.0)
FRONT_GRID = (0.0, 0.1, 0.25, 0.5, 0.75)
# The front's reach in log-units of place cost; None (no reach, the front before) first, so ties
# go to it and the reach gets no help from the tie-break.
REACH_GRID = (None, 0.5, 1.0, 1.5, 2.0)


def leave_one_month_out(strikes, cases, locate) -> dict:
    """Fit six weights on a grid on all months but one, score the month left out; repeat.

    Reports the held-out figures (what to expect on unseen incidents) next to the default
    weights' and the in-sample best."""
    import itertools

    from civcas.strikes.match import DEFAULT_WEIGHTS, Weights

    combos = [dict(zip(GRID, v)) for v in itertools.product(*GRID.values())]
    table = [case_ranks(rank_candidates, strikes, cases, locate,
                        weights=Weights(**{**DEFAULT_WEIGHTS.__dict__, **c})) for c in combos]

    def objective(ranks):     # rank-1 first, recall@3 to break ties
        n = len(ranks) or 1
        return (sum(r == 1 for r in ranks) + 0.5 * sum(r is not None and r <= 3 for r in ranks)) / n

    months = sorted({inc.date.strftime("%Y-%m") for inc, _ in cases})
    held: list[int | None] = [None] * len(cases)
    chosen = []
    for m in months:
        train = [k for k, (inc, _) in enumerate(cases) if inc.date.strftime("%Y-%m") != m]
        test = [k for k, (inc, _) in enumerate(cases) if inc.date.strftime("%Y-%m") == m]
        best = max(range(len(combos)), key=lambda j: objective([table[j][k] for k in train]))
        chosen.append(combos[best])
        for k in test:
            held[k] = table[best][k]
    in_sample = max(range(len(combos)), key=lambda j: objective(table[j]))
    # The time-of-day weight alone, the others at their defaults (it touches only the incidents
    # with a known time, so a joint grid would only add noise to the six above); and the front
    # weight alone, to see what it adds to the defaults on held-out months.
    return {"months": len(months), "held_out": summary(held),
            "time_of_day_weight": one_weight(strikes, cases, locate, "time_of_day", TIME_GRID, objective),
            "front_weight": one_weight(strikes, cases, locate, "front", FRONT_GRID, objective),
            "front_reach": one_weight(strikes, cases, locate, "front_reach", REACH_GRID, objective),
            "in_sample_best": {**summary(table[in_sample]), "weights": combos[in_sample]},
            "weights_chosen_per_fold": sorted({json.dumps(c, sort_keys=True) for c in chosen})}


def one_weight(strikes, cases, locate, name: str, grid, objective) -> dict:
    """Leave one month out fitting only `name` on `grid`, the other weights at their defaults.
    Ties between grid values go to the first (the smallest weight, so the weight that ships
    gets no help from having been chosen with all months in view)."""
    from civcas.strikes.match import DEFAULT_WEIGHTS, Weights

    table = [case_ranks(rank_candidates, strikes, cases, locate,
                        weights=Weights(**{**DEFAULT_WEIGHTS.__dict__, name: v})) for v in grid]
    months = sorted({inc.date.strftime("%Y-%m") for inc, _ in cases})
    held: list[int | None] = [None] * len(cases)
    chosen = []
    for m in months:
        train = [k for k, (inc, _) in enumerate(cases) if inc.date.strftime("%Y-%m") != m]
        best = max(range(len(grid)), key=lambda j: (objective([table[j][k] for k in train]), -j))
        chosen.append(grid[best])
        for k, (inc, _) in enumerate(cases):
            if inc.date.strftime("%Y-%m") == m:
                held[k] = table[best][k]
    return {"grid": {str(v): summary(r) for v, r in zip(grid, table)}, "held_out": summary(held),
            "chosen_per_fold": chosen}


def forward_in_time(strikes, cases, locate, split: str = "2015-07") -> dict:
    """Fit the `front` weight alone (FRONT_GRID, ties to the smallest) on the incidents before
    `split` (a month), test on those from it on; with the front's reach (`front_reach`) at its
    default and off (None)."""
    from civcas.strikes.match import DEFAULT_WEIGHTS, Weights

    def objective(ranks):
        n = len(ranks) or 1
        return (sum(r == 1 for r in ranks) + 0.5 * sum(r is not None and r <= 3 for r in ranks)) / n

    train = [k for k, (inc, _) in enumerate(cases) if inc.date.strftime("%Y-%m") < split]
    test = [k for k, (inc, _) in enumerate(cases) if inc.date.strftime("%Y-%m") >= split]
    out: dict = {"train": len(train), "test": len(test)}
    for reach in (DEFAULT_WEIGHTS.front_reach, None):
        table = [case_ranks(rank_candidates, strikes, cases, locate,
                            weights=Weights(**{**DEFAULT_WEIGHTS.__dict__, "front": v, "front_reach": reach}))
                 for v in FRONT_GRID]
        best = max(range(len(FRONT_GRID)), key=lambda j: (objective([table[j][k] for k in train]), -j))
        out[f"front_reach={reach}"] = {
            "front_chosen": FRONT_GRID[best], "train": summary([table[best][k] for k in train]),
            "test": summary([table[best][k] for k in test]),
            "test_by_front": {str(v): summary([t[k] for k in test]) for v, t in zip(FRONT_GRID, table)}}
    return out


def no_strike_proposals(shared: Path, strikes, locate) -> dict:
    """Incidents the coalition rejected for `no_coalition_strikes`, dated where the releases run:
    how often does civcas propose (any candidate) or declare (unambiguous) a strike for them?"""
    from civcas.strikes.match import unambiguous

    incidents = parse_airwars(shared / "data" / "airwars-syria" /
                              "airwars-syria-coalition-incidents.jsonl").incidents
    lo = min(s.release_date for s in strikes if s.release_date)
    hi = max(s.release_date for s in strikes if s.release_date)
    index = by_release_day(strikes)
    cache: dict = {}
    groups = {"no_coalition_strikes": [], "credible": []}
    for inc in incidents:
        if inc.date is None or not lo <= inc.date <= hi:
            continue
        for a in inc.assessments:
            if "no_coalition_strikes" in (a.reason or []):
                groups["no_coalition_strikes"].append(inc)
                break
            if a.state == "credible":
                groups["credible"].append(inc)
                break
    out = {}
    for name, incs in groups.items():
        any_ = auto = 0
        for inc in incs:
            ranked = rank_candidates(inc, window_of(index, inc), locate, cache=cache)
            any_ += bool(ranked)
            auto += unambiguous(ranked)
        n = len(incs) or 1
        out[name] = {"incidents": len(incs), "with_candidates": round(any_ / n, 3),
                     "auto_declared": round(auto / n, 3)}
    return out


def evaluate(ranker, strikes, cases, locate, show: int = 0) -> dict:
    from civcas.strikes.match import unambiguous

    cache: dict = {}
    index = by_release_day(strikes)
    auto = auto_right = 0
    top1 = top3 = 0
    rr = 0.0
    n_cand = 0
    misses = []
    groups: dict[str, list[int | None]] = {"time_known": [], "time_unknown": []}
    for inc, gold in cases:
        ranked = ranker(inc, window_of(index, inc), locate, cache=cache)
        n_cand += len(ranked)
        ids = [id(c.strike) for c in ranked]
        gold_ids = {id(strikes[g]) for g in gold}
        ranks = [k for k, i in enumerate(ids, 1) if i in gold_ids]
        best = ranks[0] if ranks else None
        groups["time_known" if expected_delay(inc) is not None else "time_unknown"].append(best)
        if unambiguous(ranked):
            auto += 1
            auto_right += best == 1
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
            "mrr": round(rr / n, 3), "mean_candidates": round(n_cand / n, 1),
            "auto_declared": auto, "auto_declared_top_is_gold": auto_right,
            "subgroups": {k: summary(v) for k, v in groups.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--lomo", action="store_true", help="leave-one-month-out weight fitting")
    ap.add_argument("--forward", action="store_true",
                    help="fit on 2014-10..2015-06, test on 2015-07..2015-12")
    ap.add_argument("--no-strikes", action="store_true",
                    help="proposal rate on incidents rejected for no_coalition_strikes")
    ap.add_argument("--quoted", action="store_true",
                    help="also score against every line Airwars' quote holds without its [inserts]")
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
    if args.quoted:
        widened, added = quoted_gold(strikes, cases)
        result["quoted_gold"] = {"lines_added": added,
                                 **{k: v for k, v in evaluate(rank_candidates, strikes, widened, locate).items()
                                    if k in ("incidents", "rank1", "recall3", "mrr")}}
    if args.lomo:
        result["leave_one_month_out"] = leave_one_month_out(strikes, cases, locate)
    if args.forward:
        result["forward_in_time"] = forward_in_time(strikes, cases, locate)
    if args.no_strikes:
        result["proposals"] = no_strike_proposals(args.shared, strikes, locate)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"gold incidents: {result['scorer']['incidents']} "
              f"(gold rows not found among parsed lines: {missing})")
        for name in ("scorer", "naive_delay_then_distance"):
            r = result[name]
            print(f"{name:28s} rank-1 {r['rank1']:.3f}  recall@3 {r['recall3']:.3f}  MRR {r['mrr']:.3f}  "
                  f"candidates/incident {r['mean_candidates']}  "
                  f"unambiguous {r['auto_declared']} (top is gold: {r['auto_declared_top_is_gold']})")
            for g, v in r["subgroups"].items():
                print(f"  {g:26s} {v['incidents']:3d} incidents  rank-1 {v['rank1']:.3f}  "
                      f"recall@3 {v['recall3']:.3f}  MRR {v['mrr']:.3f}")
        for extra in ("quoted_gold", "leave_one_month_out", "forward_in_time", "proposals"):
            if extra in result:
                print(extra, json.dumps(result[extra], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
