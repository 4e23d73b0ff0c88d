"""Real news articles annotated by hand (tests/extract/fakes/, a sample of FA-KES): the closest
measure here to the unseen real articles that will judge the rules.  The repository holds only
figures and offsets; the texts come from ../shared, so these skip when it is absent.  Scored by
bench/extract_fakes.py, the command that reports the figures."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared
HERE = Path(__file__).parent
# fakes (held out, never learned from): 0.543 when annotated (P 0.471, R 0.641; tallies 0 of 12).
# fakes_dev (60 other articles, a development set): 0.524 when annotated, 0.567 after the rules
# learned from it (docs/extract.md), 0.602 with the listed-totals and outlet rules.
# fakes_dev2 (60 more, development): 0.528 when first scored, 0.586 after the seventh pass
# (fakes 0.603, fakes_dev 0.657 then).
# fakes_dev4 (60 more, development; 22 of them name no civilian toll): 0.515 when first scored
# blind, 0.519 with the ninth pass's first rules (learned from the other sets), 0.538 after.
# fakes_dev5 (60 more, development): 0.670 when first scored blind with the ninth pass's rules,
# 0.676 with the tenth pass's (a day's toll over a city and its surroundings is a tally; the next
# sentence restating a toll is the same incident), learned from the other sets before it arrived.
# fakes_dev6 (60 more, development): 0.569 when first scored blind with the tenth pass's rules,
# 0.578 with the eleventh pass's (learned from the other sets while its annotation was kept unread).
# fakes_dev7 (60 more, development; 18 name no civilian toll): 0.533 when first scored blind with the
# eleventh pass's rules, 0.568 with the twelfth pass's first two (a bare small toll follows the kind
# of claim before it; "since dawn" is one day), written before its annotation was read.
# fakes_dev8 (60 more, development; 12 name no civilian toll): 0.565 when first scored blind with the
# twelfth pass's rules, 0.589 with the thirteenth pass's first (the publisher is the party of an
# unattributed total), written before its annotation arrived.
# fakes_dev9 (60 more, development; 18 name no civilian toll): 0.537 when first scored blind with the
# thirteenth pass's rules, 0.552 with the fourteenth pass's first (a list of the dead is one toll, their
# sum), written before its annotation arrived.
MIN_F1 = {"fakes": 0.63, "fakes_dev": 0.70, "fakes_dev2": 0.67, "fakes_dev3": 0.73, "fakes_dev4": 0.60,
          "fakes_dev5": 0.72, "fakes_dev6": 0.60, "fakes_dev7": 0.60, "fakes_dev8": 0.57, "fakes_dev9": 0.53}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extract_fakes", HERE.parents[1] / "bench" / "extract_fakes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("corpus", sorted(MIN_F1))
def test_fakes_f1(shared_dir, corpus):
    if not (shared_dir / "acceptance" / "score_extraction.py").exists():
        pytest.skip("the shared scorer is missing")
    if not (shared_dir / "data" / "fa-kes" / "FA-KES-Dataset.csv").exists():
        pytest.skip("FA-KES absent")
    bench = _bench()
    gold_path = HERE / corpus / "gold.json"
    rows = bench.articles(shared_dir)
    for doc in json.loads(gold_path.read_text(encoding="utf-8"))["documents"].values():
        text = rows[str(doc["unit_id"])]["article_content"]
        for claim in doc["incidents"] + doc["tallies"] + doc["strike_counts"]:
            start, end = claim["span"]                  # the gold's offsets still fit the text
            assert 0 <= start < end <= len(text)
    f1, report = bench.score(shared_dir, verbose=True, gold_path=gold_path)
    print(report)
    assert f1 >= MIN_F1[corpus], report
