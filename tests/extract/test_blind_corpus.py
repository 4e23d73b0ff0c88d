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

HERE = Path(__file__).parent
# blind: 0.545 when written, 0.860 after the rules learned from it (a development score);
# blind2: 0.637, then 0.758 while held out; 0.800 after the rules learned from it.
# blind3: 0.620, then 0.635 while held out; 0.713 after the rules learned from it (a development
# score).
# blind4: 0.738 when it arrived, before and after the blind3 rules (its last held-out score).
# Then blind3 and blind4 both taught the rules (docs/extract.md, "What blind3/ and blind4/ taught"),
# with "dozens"/"hundreds" kept as claims as the issue asks, and six wordings from real texts:
# development scores blind 0.881, blind2 0.832, blind3 0.770, blind4 0.850 (2026-11-22).
# blind5 (tests/extract/blind5/README.md), held out: 0.730 when it arrived, 0.756 after that pass;
# never learned from.
# Then blind5 became a development set (third pass, docs/extract.md "What blind5/ taught"): 0.756 ->
# 0.860; blind4 0.850 -> 0.854, the others unchanged (2026-11-22).
# blind6 (scraped-page-like texts with boilerplate, live blogs, tables flattened into text), held
# out: 0.596 when it arrived (P 0.604, R 0.590; tallies 0.41 recall); never learned from.
# The floors guard against a change that undoes what was learned.
MIN_F1 = {"blind": 0.82, "blind2": 0.78, "blind3": 0.75, "blind4": 0.83, "blind5": 0.84, "blind6": 0.57}


@pytest.mark.parametrize("corpus", sorted(MIN_F1))
def test_blind_corpus_f1(shared_dir, tmp_path, corpus):
    BLIND = HERE / corpus
    scorer = shared_dir / "acceptance" / "score_extraction.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is missing")
    pred = tmp_path / "pred.jsonl"
    write_predictions(sorted(BLIND.glob("*.txt")), pred)
    run = subprocess.run([sys.executable, str(scorer), str(BLIND / "gold.json"), str(pred), "--verbose"],
                         capture_output=True, text=True)
    print(run.stdout)
    f1 = float(re.search(r"F1 ([\d.]+)", run.stdout.strip().splitlines()[-1]).group(1))
    assert f1 >= MIN_F1[corpus], run.stdout
