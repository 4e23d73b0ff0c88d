"""The corpus written blind to the rules (tests/extract/blind/README.md), scored by the shared
scorer; skipped when ../shared is absent."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .test_seeds import write_predictions

pytestmark = pytest.mark.shared

BLIND = Path(__file__).parent / "blind"
MIN_F1 = 0.5


def test_blind_corpus_f1(shared_dir, tmp_path):
    scorer = shared_dir / "acceptance" / "score_extraction.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is missing")
    pred = tmp_path / "pred.jsonl"
    write_predictions(sorted(BLIND.glob("*.txt")), pred)
    run = subprocess.run([sys.executable, str(scorer), str(BLIND / "gold.json"), str(pred), "--verbose"],
                         capture_output=True, text=True)
    print(run.stdout)
    f1 = float(re.search(r"F1 ([\d.]+)", run.stdout.strip().splitlines()[-1]).group(1))
    assert f1 >= MIN_F1, run.stdout
