"""Real news articles annotated by hand (tests/extract/fakes/, a sample of FA-KES): the closest
measure here to the unseen real articles that will judge the rules.  The repository holds only
figures and offsets; the texts come from ../shared, so these skip when it is absent."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from civcas.extract import extract

pytestmark = pytest.mark.shared
csv.field_size_limit(10**8)
HERE = Path(__file__).parent
# fakes (held out, never learned from): 0.543 when annotated (P 0.471, R 0.641; tallies 0 of 12).
# fakes_dev (60 other articles, a development set): 0.524 when annotated, 0.567 after the rules
# learned from it (docs/extract.md).
MIN_F1 = {"fakes": 0.50, "fakes_dev": 0.54}


def _articles(shared_dir: Path) -> dict[str, dict]:
    path = shared_dir / "data" / "fa-kes" / "FA-KES-Dataset.csv"
    if not path.exists():
        pytest.skip("FA-KES absent")
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return {row["unit_id"]: row for row in csv.DictReader(fh)}


@pytest.mark.parametrize("corpus", sorted(MIN_F1))
def test_fakes_f1(shared_dir, tmp_path, corpus):
    scorer = shared_dir / "acceptance" / "score_extraction.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is missing")
    rows = _articles(shared_dir)
    gold_path = HERE / corpus / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for name, doc in gold.items():
            row = rows[str(doc["unit_id"])]
            text = row["article_content"]
            for claim in doc["incidents"] + doc["tallies"] + doc["strike_counts"]:
                start, end = claim["span"]                  # the gold's offsets still fit the text
                assert 0 <= start < end <= len(text)
            claims = extract(text, dt.datetime.strptime(row["date"], "%m/%d/%Y").date())
            fh.write(json.dumps({"document": name, "claims": [c.to_dict() for c in claims]}) + "\n")
    run = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred), "--verbose"],
                         capture_output=True, text=True)
    print(run.stdout)
    f1 = float(re.search(r"F1 ([\d.]+)", run.stdout.strip().splitlines()[-1]).group(1))
    assert f1 >= MIN_F1[corpus], run.stdout
