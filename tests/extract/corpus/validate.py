"""Check tests/extract/corpus/reports.jsonl against the format in README.md.

Run: python tests/extract/corpus/validate.py   (exit status 1 and a list of problems if any)
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"incident", "tally", "strike_count", "assessment_stats", "ratio"}
QUALIFIERS = {"exact", "at_least", "more_than", "up_to", "fewer_than", "about", "between", "dozens",
              "hundreds", "several", None}
PRECISIONS = {"day", "week", "month", "year", None}
REQUIRED = ("type", "asserted_by", "count_min", "count_max", "qualifier", "victims", "quote")
OPTIONAL = {"event_date", "event_date_end", "date_precision", "place_text", "belligerent", "children_min",
            "women_min", "injured_min", "strike_type", "assessment", "ratio", "counted"}
ASSESSMENT = {"completed", "credible", "non_credible", "duplicate", "open", "carried_over", "new_received",
              "historical_referred", "deaths_in_credible", "reopened", "received"}


def problems(path: Path = HERE / "reports.jsonl") -> list[str]:
    out: list[str] = []
    ids: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"line {n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(f"{where}: not JSON ({exc})")
            continue
        rid, text = row.get("id"), row.get("text", "")
        where = f"{rid or where}"
        if not rid or rid in ids:
            out.append(f"{where}: missing or repeated id")
        ids.add(rid)
        if set(row) != {"id", "published", "text", "expected"}:
            out.append(f"{where}: keys {sorted(row)}")
        if row.get("published") is not None:
            dt.date.fromisoformat(row["published"])
        words = len(text.split())
        if not 40 <= words <= 200:
            out.append(f"{where}: {words} words")
        for i, c in enumerate(row.get("expected", [])):
            w = f"{where} claim {i}"
            missing = [k for k in REQUIRED if k not in c]
            extra = set(c) - set(REQUIRED) - OPTIONAL
            if missing or extra:
                out.append(f"{w}: missing {missing} extra {sorted(extra)}")
            if c.get("type") not in TYPES:
                out.append(f"{w}: type {c.get('type')!r}")
            if c.get("qualifier") not in QUALIFIERS:
                out.append(f"{w}: qualifier {c.get('qualifier')!r}")
            if c.get("quote") not in text:
                out.append(f"{w}: quote is not a substring of the text: {c.get('quote')!r}")
            lo, hi, q = c.get("count_min"), c.get("count_max"), c.get("qualifier")
            if c.get("type") == "ratio":
                q = None
            if lo is not None and hi is not None and lo > hi:
                out.append(f"{w}: count_min > count_max")
            if q in ("exact", "about") and (lo is None or lo != hi):
                out.append(f"{w}: {q} wants count_min == count_max")
            if q in ("at_least", "more_than", "dozens", "hundreds", "several") and (lo is None or hi is not None):
                out.append(f"{w}: {q} wants count_min and no count_max")
            if q in ("up_to", "fewer_than") and (lo is not None or hi is None):
                out.append(f"{w}: {q} wants count_max only")
            if q == "between" and (lo is None or hi is None or lo >= hi):
                out.append(f"{w}: between wants count_min < count_max")
            if c.get("date_precision") not in PRECISIONS:
                out.append(f"{w}: date_precision {c.get('date_precision')!r}")
            for key in ("event_date", "event_date_end"):
                if c.get(key) is not None:
                    dt.date.fromisoformat(c[key])
            if c.get("type") == "assessment_stats":
                a = c.get("assessment") or {}
                if set(a) - ASSESSMENT:
                    out.append(f"{w}: assessment keys {sorted(set(a) - ASSESSMENT)}")
                parts = [a.get(k) for k in ("credible", "non_credible", "duplicate")]
                if a.get("completed") is not None and None not in parts and sum(parts) != a["completed"]:
                    out.append(f"{w}: credible + non_credible + duplicate != completed")
                flow = [a.get(k) for k in ("carried_over", "new_received", "completed", "open")]
                if None not in flow:
                    inflow = flow[0] + flow[1] + (a.get("reopened") or 0) + (a.get("historical_referred") or 0)
                    if inflow - flow[2] != flow[3]:
                        out.append(f"{w}: carried over + new - completed != open")
            if c.get("type") == "ratio" and not isinstance(c.get("ratio"), dict):
                out.append(f"{w}: ratio claim without a ratio object")
    return out


def summary(path: Path = HERE / "reports.jsonl") -> str:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    types = Counter(c["type"] for r in rows for c in r["expected"])
    empty = sum(1 for r in rows if not r["expected"])
    return f"{len(rows)} reports ({empty} with no expected claim), claims by type: {dict(types)}"


if __name__ == "__main__":
    found = problems()
    print("\n".join(found) or "ok")
    print(summary())
    sys.exit(1 if found else 0)
