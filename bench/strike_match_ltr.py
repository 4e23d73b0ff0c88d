"""Could a fitted ranker, or other features, beat the scorer's hand weights?  Leave one month out.

For each gold incident (bench/strike_match_eval.py) the candidates are ranked by the default
scorer; each candidate gets the scorer's own features as unit values (date, place, country,
log strikes, later release, named town, log town strikes) and a few candidate features the
scorer does not use (see EXTRA).  Two checks, both reporting held-out figures over 13 months:

* hand weights plus one extra feature at a few weights (the weight picked on the other months,
  ties to the smallest), and
* learning to rank: a conditional logit over each incident's candidates (any gold line counts as
  right), L2-regularised towards the hand weights with strength `lambda`, fitted on the other
  months (needs scipy).

Usage: .venv/bin/python bench/strike_match_ltr.py [--shared ../shared] [--lambdas 1 3 10]
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strike_match_eval import REPO, by_release_day, load, summary, window_of  # noqa: E402

from civcas.strikes.match import (DEFAULT_WEIGHTS, _place_key, _strike_point,  # noqa: E402
                                  gazetteer_locate, rank_candidates)

CORE = ("date", "place", "country", "strikes", "later_release", "named", "front")
HAND = {"date": 1.0, "place": 1.0, "country": 1.0, "strikes": DEFAULT_WEIGHTS.strikes,
        "later_release": DEFAULT_WEIGHTS.later_release, "named": DEFAULT_WEIGHTS.named_town,
        "front": DEFAULT_WEIGHTS.front}
# Target words of a release line (the incident side has no narrative in 2014-2015).
WORDS = {"building": r"building|headquarters|structure|facility|complex|compound|storage|cache",
         "vehicle": r"vehicle|truck|tanker|\bcar\b|motorcycle|excavator|bulldozer",
         "oil": r"oil|well|refiner|pump", "unit": r"tactical unit",
         "fighting_position": r"fighting position|bunker|trench",
         "weak": r"inconclusive|wounded an? isil fighter\.$"}
EXTRA = ("only_town", "town_lines", "town_days", "delay0", "delay1", "items") + tuple("word_" + w for w in WORDS)
NAMES = CORE + EXTRA


def candidate_rows(strikes, cases, locate):
    """Per case: (month, feature rows in the default ranking's order, gold flags)."""
    index, cache, out = by_release_day(strikes), {}, []
    for inc, gold in cases:
        ranked = rank_candidates(inc, window_of(index, inc), locate, cache=cache)
        gold_ids = {id(strikes[g]) for g in gold}
        keys = [_place_key(c.strike, _strike_point(c.strike, locate, cache)) for c in ranked]
        lines, days = Counter(), {}
        for c, k in zip(ranked, keys):
            if c.features["delay_days"] >= 0:
                lines[k] += 1
                days.setdefault(k, set()).add(c.features["delay_days"])
        rows = []
        for c, k in zip(ranked, keys):
            f, text = c.features, (c.strike.text or "").lower()
            core = {"date": f["date"], "place": f["place"], "country": f["country"],
                    "strikes": math.log(c.strike.strikes) if c.strike.strikes else 0.0,
                    "later_release": float(f["later_release"] < 0), "named": float(f["named"] > 0),
                    # the scorer's own front (0 beyond its reach), as a unit value
                    "front": f["front"] / DEFAULT_WEIGHTS.front if DEFAULT_WEIGHTS.front else 0.0}
            extra = {"only_town": float(lines[k] == 1 and f["delay_days"] >= 0),
                     "town_lines": math.log(lines[k] or 1), "town_days": float(len(days.get(k, ()))),
                     "delay0": float(f["delay_days"] == 0), "delay1": float(f["delay_days"] == 1),
                     "items": float(len(re.findall(r",| and ", text))),
                     **{"word_" + w: float(bool(re.search(p, text))) for w, p in WORDS.items()}}
            rows.append([{**core, **extra}[n] for n in NAMES])
        out.append((inc.date.strftime("%Y-%m"), rows, [id(c.strike) in gold_ids for c in ranked]))
    return out


def rank_of_gold(weights: dict[str, float], case) -> int | None:
    _, rows, gold = case
    w = [weights.get(n, 0.0) for n in NAMES]
    scores = [round(sum(a * b for a, b in zip(w, r)), 6) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: (-scores[i], i))
    hits = [p for p, i in enumerate(order, 1) if gold[i]]
    return hits[0] if hits else None


def objective(ranks) -> float:
    n = len(ranks) or 1
    return (sum(r == 1 for r in ranks) + 0.5 * sum(r is not None and r <= 3 for r in ranks)) / n


def lomo(data, fit) -> tuple[dict, list]:
    """Held-out figures when `fit(train_cases)` gives the weights for each month left out."""
    months = sorted({m for m, _, _ in data})
    held: list[int | None] = [None] * len(data)
    chosen = []
    for m in months:
        weights = fit([c for c in data if c[0] != m])
        chosen.append(weights)
        for k, c in enumerate(data):
            if c[0] == m:
                held[k] = rank_of_gold(weights, c)
    return summary(held), chosen


def one_extra(data, name: str, grid=(0.0, 0.1, 0.25, 0.5, 1.0)) -> dict:
    def fit(train):
        return max(({**HAND, name: v} for v in grid),
                   key=lambda w: (objective([rank_of_gold(w, c) for c in train]), -abs(w[name])))
    held, chosen = lomo(data, fit)
    return {"in_sample": {str(v): summary([rank_of_gold({**HAND, name: v}, c) for c in data])["rank1"]
                          for v in grid},
            "held_out": held, "chosen": Counter(w[name] for w in chosen)}


def logit(data, features, lam: float) -> dict:
    import numpy as np
    from scipy.optimize import minimize

    cols = [NAMES.index(f) for f in features]
    prior = np.array([HAND.get(f, 0.0) for f in features])

    def fit(train):
        mats = [(np.array(rows)[:, cols], np.array(gold)) for _, rows, gold in train]

        def loss(w):
            total, grad = lam * float(((w - prior) ** 2).sum()), 2 * lam * (w - prior)
            for x, y in mats:
                s = x @ w
                p = np.exp(s - s.max())
                p /= p.sum()
                pg = p[y].sum()
                total -= math.log(pg + 1e-300)
                grad -= (p * y / (pg + 1e-300)) @ x - p @ x
            return total, grad

        w = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B").x
        return dict(zip(features, (float(v) for v in w)))

    held, _ = lomo(data, fit)
    return {"held_out": held, "weights_all_months": {k: round(v, 2) for k, v in fit(data).items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--lambdas", type=float, nargs="*", default=[1.0, 3.0, 10.0])
    args = ap.parse_args(argv)
    strikes, cases, _ = load(args.shared)
    data = candidate_rows(strikes, cases, gazetteer_locate())
    print("hand weights:", summary([rank_of_gold(HAND, c) for c in data]))
    for name in EXTRA:
        r = one_extra(data, name)
        print(f"+ {name:22s} in-sample rank-1 by weight {r['in_sample']}  held out {r['held_out']}  "
              f"chosen {dict(r['chosen'])}")
    sets = {"scorer's features": CORE, "without front": CORE[:-1], "scorer's + words": CORE + EXTRA[6:],
            "all": NAMES}
    for lam in args.lambdas:
        for label, feats in sets.items():
            r = logit(data, list(feats), lam)
            print(f"logit lambda {lam:g} {label:18s} held out {r['held_out']}  weights {r['weights_all_months']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
