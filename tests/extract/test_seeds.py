"""Acceptance: the seed articles scored by the shared scorer (skipped when ../shared is absent)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from civcas.extract import extract, find_published

pytestmark = pytest.mark.shared


def write_predictions(paths, out):
    with out.open("w", encoding="utf-8") as fh:
        for p in paths:
            text = p.read_text(encoding="utf-8")
            published = find_published(text)
            claims = extract(text, published)
            for c in claims:
                assert text[c.span[0]:c.span[1]] == c.quote
            fh.write(json.dumps({"document": str(p), "published": published.isoformat() if published else None,
                                 "claims": [c.to_dict() for c in claims]}) + "\n")


def test_seed_f1(shared_dir, tmp_path):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    gold = shared_dir / "acceptance" / "seeds-gold.json"
    scorer = shared_dir / "acceptance" / "score_extraction.py"
    if not seeds or not gold.exists() or not scorer.exists():
        pytest.skip("seeds, gold or scorer missing")
    pred = tmp_path / "pred.jsonl"
    write_predictions(seeds, pred)
    run = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--min-f1", "0.95", "--verbose"],
                         capture_output=True, text=True)
    print(run.stdout)
    f1 = float(re.search(r"F1 ([\d.]+)", run.stdout.strip().splitlines()[-1]).group(1))
    assert f1 >= 0.95, run.stdout
    assert run.returncode == 0


def test_seed_published_dates(shared_dir):
    gold = json.loads((shared_dir / "acceptance" / "seeds-gold.json").read_text())["documents"]
    for name, doc in gold.items():
        text = (shared_dir / "seeds" / name).read_text(encoding="utf-8")
        got = find_published(text)
        assert (got.isoformat() if got else None) == doc["published"], name
