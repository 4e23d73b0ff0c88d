"""Benchmark the claim linker against a peer library on the same synthetic corpus.

    .venv/bin/python bench/link.py --sizes 10000,100000,1000000

For each size (in claims) and each tool, a fresh subprocess generates the corpus (same seed, so
the same data), links it, and reports wall time (generation excluded), peak resident memory of
that process, and pairwise / B-cubed scores against the truth.

Peer: recordlinkage 0.16 (pip install recordlinkage==0.16 "pandas<3"), the best-known Python
toolkit built on the same Fellegi-Sunter model; dedupe needs labelled training pairs from an
analyst, so it cannot be run unattended on the same footing.  recordlinkage gets the same
feature rows and the same blocking (governorate + week bucket, and the shifted bucket), its own
comparisons (Jaro-Winkler names, Gaussian date and distance, toll and belligerent), its
unsupervised ECM classifier, and plain connected components for the clusters.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

TOOLS = ("civcas-splink", "recordlinkage")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_civcas(rows, ids, engine: str, upper: float, lower: float):
    from civcas.link import link_rows
    from civcas.link.features import to_arrow

    table = to_arrow(rows)
    result = link_rows(table, engine=engine, upper=upper, lower=lower, details=True)
    strict = [result.cluster_of.get(i, i) for i in ids]
    # What an analyst gets by accepting every suggestion that points at one incident only
    # (claims left alone at the upper threshold, near exactly one group at the lower one).
    targets = {}
    for i in ids:
        if i in result.best_score:
            continue
        homes = {result.cluster_of.get(j, j) for j, _ in result.near.get(i, [])}
        if len(homes) == 1:
            targets[i] = homes.pop()
    reviewed = [targets.get(i, result.cluster_of.get(i, i)) for i in ids]
    return strict, {"pairs_scored": result.n_pairs, "parameters": result.parameters,
                    "stages": result.seconds,
                    "suggested_claims": len(targets), "reviewed": reviewed}


def run_recordlinkage(rows, ids):
    import pandas as pd
    import recordlinkage
    from recordlinkage.classifiers import ECMClassifier

    from civcas.link.components import group

    df = pd.DataFrame(rows).set_index("unique_id")
    df["place"] = df["place_key"].fillna("")
    df["day"] = df["day_lo"].astype("float")
    df["lat0"] = df["lat"].fillna(0.0)
    df["lon0"] = df["lon"].fillna(0.0)
    idx = recordlinkage.Index()
    idx.block(left_on=["area", "wk"])
    idx.block(left_on=["area", "wk2"])
    pairs = idx.index(df)
    cmp = recordlinkage.Compare()
    cmp.string("place", "place", method="jarowinkler", threshold=0.85, label="place")
    cmp.numeric("day", "day", method="gauss", offset=1, scale=2, label="date")
    cmp.geo("lat0", "lon0", "lat0", "lon0", method="gauss", offset=5, scale=10, label="geo")
    cmp.numeric("count_lo", "count_lo", method="gauss", offset=2, scale=5, label="toll")
    cmp.exact("belligerent", "belligerent", label="belligerent")
    features = cmp.compute(pairs, df)
    binary = (features.fillna(0) >= 0.5).astype(int)
    ecm = ECMClassifier(binarize=None)
    matches = ecm.fit_predict(binary)
    edges = ((a, b, 1.0) for a, b in matches)
    cluster_of = group(edges, set(), 0.5)
    return [cluster_of.get(i, i) for i in ids], {"pairs_scored": int(len(pairs)),
                                                 "parameters": "ECM (unsupervised)"}


def worker(tool: str, size: int, seed: int, engine: str, upper: float, lower: float,
           density: float | None, vague: float) -> dict:
    from civcas.link import metrics, synthetic
    from civcas.link.features import claim_row

    corpus = synthetic.generate_claims(size, seed=seed, density=density, vague=vague)
    start = time.perf_counter()
    rows = [claim_row(i, c) for i, c in zip(corpus.ids, corpus.claims)]
    extra: dict = {}
    if tool == "civcas-splink":
        predicted, extra = run_civcas(rows, corpus.ids, engine, upper, lower)
    else:
        predicted, extra = run_recordlinkage(rows, corpus.ids)
    seconds = time.perf_counter() - start
    out = {"tool": tool, "claims": len(corpus.ids), "incidents": corpus.n_incidents,
           "seconds": round(seconds, 1), "peak_mb": round(_peak_mb()),
           **{k: round(v, 4) if isinstance(v, float) else v
              for k, v in metrics.scores(predicted, corpus.truth).items()}}
    reviewed = extra.pop("reviewed", None)
    if reviewed is not None:
        r = metrics.scores(reviewed, corpus.truth)
        out["f1_if_suggestions_accepted"] = round(r["f1"], 4)
    out.update(extra)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="claims per run, comma-separated")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
    ap.add_argument("--upper", type=float, default=None)
    ap.add_argument("--lower", type=float, default=None)
    ap.add_argument("--peer-max", type=int, default=1_000_000,
                    help="skip the peer above this many claims")
    ap.add_argument("--density", type=float, default=None,
                    help="incidents per governorate-day: the synthetic world grows with the "
                         "corpus (default: 21 governorates for every size, so larger is denser)")
    ap.add_argument("--vague", type=float, default=None,
                    help="share of reports placed only at governorate level or not at all "
                         "(default civcas.link.synthetic.VAGUE_SHARE; 0 = the issue's noise only)")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    from civcas.link import DEFAULT_LOWER, DEFAULT_UPPER

    upper = args.upper if args.upper is not None else DEFAULT_UPPER
    lower = args.lower if args.lower is not None else DEFAULT_LOWER
    if args.worker:
        tool, size = args.worker.split(":")
        from civcas.link.synthetic import VAGUE_SHARE

        vague = VAGUE_SHARE if args.vague is None else args.vague
        print(json.dumps(worker(tool, int(size), args.seed, args.engine, upper, lower, args.density,
                                vague)))
        return
    print("peer: recordlinkage 0.16 - the established unsupervised Fellegi-Sunter toolkit in "
          "Python; dedupe was not used because it needs an analyst to label training pairs.")
    print(f"thresholds: upper {upper}, lower {lower}; engine {args.engine}; seed {args.seed}; "
          f"cpus {os.cpu_count()}; world: " + (f"{args.density} incidents per governorate-day"
                                                if args.density else "21 governorates at every size")
          + f"; vague places: {'default' if args.vague is None else args.vague}")
    results = []
    header = (f"{'tool':<15}{'claims':>9}{'seconds':>9}{'peak MB':>9}{'P':>7}{'R':>7}{'F1':>7}"
              f"{'B3 F1':>7}{'F1 rev':>8}  pairs")
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        for tool in args.tools.split(","):
            if tool != "civcas-splink" and size > args.peer_max:
                print(f"{tool:<15}{size:>9}  skipped (--peer-max {args.peer_max})")
                continue
            cmd = [sys.executable, __file__, "--worker", f"{tool}:{size}", "--seed", str(args.seed),
                   "--engine", args.engine, "--upper", str(upper), "--lower", str(lower)]
            if args.density:
                cmd += ["--density", str(args.density)]
            if args.vague is not None:
                cmd += ["--vague", str(args.vague)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{tool:<15}{size:>9}  failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(r)
            print(f"{r['tool']:<15}{r['claims']:>9}{r['seconds']:>9}{r['peak_mb']:>9}"
                  f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['bcubed_f1']:>7.3f}"
                  f"{r.get('f1_if_suggestions_accepted', float('nan')):>8.3f}  {r['pairs_scored']}",
                  flush=True)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
