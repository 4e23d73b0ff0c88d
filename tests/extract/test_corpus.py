"""The hand-written corpus in tests/extract/corpus/ (another engineer's; read, never edited).

Each JSONL line holds a short report (`text`, `published`) and the claims it should yield
(`expected`).  A fact is found when a predicted claim of the same type has the same numbers
(count_min/count_max; assessment fields one by one); tallies and strike counts must also agree
on the party when the expected claim names one.  Precision, recall and the misses are printed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from civcas.extract import extract
from civcas.extract.attribution import is_official

CORPUS = Path(__file__).resolve().parent / "corpus"
MIN_F1 = 0.90


def _rows():
    if not CORPUS.is_dir():
        return []
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row.setdefault("id", f"{path.name}:{n}")
                rows.append(row)
    return rows


def _date(v):
    return dt.date.fromisoformat(v[:10]) if isinstance(v, str) and v else None


def _party(who):
    if not who:
        return None
    if is_official(who):
        return "official"
    words = set(re.findall(r"[a-z]+", who.lower())) - {"the", "of", "for", "and", "group", "monitor", "said"}
    return frozenset(words)


def _same_party(want, got):
    if want is None:
        return True
    if got is None:
        return False
    if want == "official" or got == "official":
        return want == got
    return bool(want & got)


def facts(claims, expected_side=False):
    out = []
    for c in claims:
        t = c.get("type")
        if t == "assessment_stats":
            for k, v in (c.get("assessment") or {}).items():
                if v is not None:
                    out.append(("assessment_stats", k, v, None))
        elif t in ("incident", "tally", "strike_count"):
            if c.get("count_min") is None and c.get("count_max") is None:
                continue
            party = _party(c.get("asserted_by")) if t != "incident" else None
            out.append((t, c.get("count_min"), c.get("count_max"), party))
        elif t == "ratio" and c.get("ratio"):
            r = c["ratio"]
            out.append(("ratio", r.get("kind"), r.get("numerator") or r.get("times") or r.get("percent"), None))
    return out


def _match(want, got):
    if want[0] != got[0] or want[1:3] != got[1:3]:
        return False
    return want[0] not in ("tally", "strike_count") or _same_party(want[3], got[3])


def score(rows):
    tp = fp = fn = 0
    misses, false_alarms = [], []
    for row in rows:
        text = row["text"]
        claims = extract(text, _date(row.get("published")))
        for c in claims:
            assert text[c.span[0]:c.span[1]] == c.quote
        got = facts([c.to_dict() for c in claims])
        want = facts(row.get("expected") or [], expected_side=True)
        left = list(got)
        for w in want:
            hit = next((g for g in left if _match(w, g)), None)
            if hit is None:
                fn += 1
                misses.append((row["id"], w))
            else:
                tp += 1
                left.remove(hit)
        fp += len(left)
        false_alarms += [(row["id"], g) for g in left]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, misses, false_alarms


def test_corpus_precision_recall():
    rows = _rows()
    if not rows:
        pytest.skip("tests/extract/corpus/ has no JSONL yet")
    p, r, f1, misses, false_alarms = score(rows)
    print(f"corpus: {len(rows)} reports, precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    for m in misses:
        print("missed  ", m)
    for m in false_alarms:
        print("spurious", m)
    assert f1 >= MIN_F1, f"F1 {f1:.3f} < {MIN_F1}; {len(misses)} missed, {len(false_alarms)} spurious"


def test_corpus_spans_exact():
    for row in _rows():
        text = row["text"]
        for c in extract(text, _date(row.get("published"))):
            assert text[c.span[0]:c.span[1]] == c.quote, row["id"]
