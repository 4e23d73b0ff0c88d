"""Score civcas extraction on real news articles annotated by hand: the FA-KES sample.

Usage: python bench/extract_fakes.py [SHARED_DIR] [--verbose] [--gold tests/extract/fakes_dev/gold.json]

tests/extract/fakes/gold.json annotates a fixed random sample of the FA-KES articles
(../shared/data/fa-kes/, real English news on casualties in Syria, 2011-2018), written blind to
the extractor.  The repository holds only figures and character offsets, never the articles'
text, so this reads the articles from SHARED_DIR, writes each as `fakes_<unit_id>.txt` in a
temporary directory, extracts with the article's own date as the publication date and its
`source` column (the site it came from) as the publisher, as `civcas ingest` of the CSV would, and scores
the claims with the shared scorer.  That sample is held out: never tune rules to its errors.
`--gold` scores another annotation of FA-KES articles in the same layout, such as the
development sample in tests/extract/fakes_dev/, which engineers may learn from.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from civcas.extract import extract

GOLD = Path(__file__).resolve().parents[1] / "tests" / "extract" / "fakes" / "gold.json"
csv.field_size_limit(10**8)


def articles(shared: Path) -> dict[str, dict]:
    """FA-KES rows by unit id, read exactly as the annotator read them (the offsets depend on it)."""
    path = shared / "data" / "fa-kes" / "FA-KES-Dataset.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return {row["unit_id"]: row for row in csv.DictReader(fh)}


def write_predictions(shared: Path, out: Path, gold_path: Path = GOLD) -> int:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    rows = articles(shared)
    with out.open("w", encoding="utf-8") as fh:
        for name, doc in gold.items():
            row = rows[str(doc["unit_id"])]
            text = row["article_content"]
            published = dt.datetime.strptime(row["date"], "%m/%d/%Y").date()
            claims = extract(text, published, publisher=row["source"])
            fh.write(json.dumps({"document": name, "published": published.isoformat(),
                                 "claims": [c.to_dict() for c in claims]}) + "\n")
    return len(gold)


def score(shared: Path, verbose: bool = False, gold_path: Path = GOLD) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        write_predictions(shared, pred, gold_path)
        run = subprocess.run([sys.executable, str(shared / "acceptance" / "score_extraction.py"),
                              str(gold_path), str(pred)] + (["--verbose"] if verbose else []),
                             capture_output=True, text=True, check=False)
    last = run.stdout.strip().splitlines()[-1]
    return float(last.rsplit(" ", 1)[-1]), run.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--gold", type=Path, default=GOLD, help="another FA-KES annotation in the same layout")
    ap.add_argument("--verbose", action="store_true", help="list every missed and spurious fact")
    args = ap.parse_args()
    _, report = score(args.shared, verbose=args.verbose, gold_path=args.gold)
    print(report, end="")


if __name__ == "__main__":
    main()
