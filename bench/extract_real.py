"""Run civcas extraction over real report texts and measure agreement with Airwars' tolls.

Usage: python bench/extract_real.py [SHARED_DIR] [--split dev|test]

For each English Airwars source text, the linked incidents give a range of civilians killed
(the smallest killed_min to the largest killed_max over the incidents the source is linked to).
A text is "in range" when some civilian death toll the extractor reads from it (an incident or
tally count_min) falls in that range.  Texts with no linked toll are not counted.  FA-KES
articles have no per-article toll; they are run for robustness (no exception, exact spans).

The Arabic source texts (language "ar") are measured the same way with
`civcas.extract.arabic.extract_arabic`, resolving relative dates against the row's
publication_date (or the post's own date line); fighters are never read as tolls.

`--split dev|test` keeps one half of the Airwars texts (English and Arabic alike), fixed by the
text's id: a text is in the development half when the SHA-1 of its `source_id` (UTF-8), read as a
hexadecimal number, is even, and in the test half when it is odd (`split_of`).  Wordings are studied
on the development half only; the test half is the honest measure of a change.
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
import time
from pathlib import Path

from civcas.extract import extract, find_published
from civcas.extract.arabic import extract_arabic, find_published_ar, parse_arabic_date

csv.field_size_limit(10**8)


def split_of(row: dict) -> str:
    """'dev' when the SHA-1 of the row's source_id is even, 'test' when it is odd."""
    digest = hashlib.sha1((row.get("source_id") or "").encode("utf-8")).hexdigest()
    return "dev" if int(digest[-1], 16) % 2 == 0 else "test"


def airwars_texts(shared: Path, language: str = "en", split: str | None = None):
    path = shared / "data" / "airwars-syria" / "airwars-syria-source-texts.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("language") == language and (split is None or split_of(row) == split):
                yield row


def fakes_texts(shared: Path):
    path = shared / "data" / "fa-kes" / "FA-KES-Dataset.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row


def toll_range(incidents: list[dict]) -> tuple[int, int] | None:
    lows = [i["killed_min"] for i in incidents if i.get("killed_min") is not None]
    highs = [i["killed_max"] if i.get("killed_max") is not None else i.get("killed_min") for i in incidents]
    highs = [h for h in highs if h is not None]
    if not lows or not highs or max(highs) <= 0:
        return None
    return min(lows), max(highs)


def toll_found(row: dict, claims) -> tuple[bool, bool] | None:
    """For a text with a linked toll: (some civilian toll was extracted, one falls in the range)."""
    rng = toll_range(row.get("incidents") or [])
    if rng is None:
        return None
    tolls = [c.count_min for c in claims if c.type in ("incident", "tally") and c.count_min is not None]
    return bool(tolls), any(rng[0] <= t <= rng[1] for t in tolls)


def check_spans(text: str, claims) -> None:
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote, (c.rule, c.span)


def run(shared: Path, split: str | None = None) -> dict:
    measured = in_range = with_claim = n_aw = 0
    t0 = time.perf_counter()
    for row in airwars_texts(shared, split=split):
        text = row["text"] or ""
        claims = extract(text, find_published(text))
        check_spans(text, claims)
        n_aw += 1
        found = toll_found(row, claims)
        if found is None:
            continue
        measured += 1
        with_claim += found[0]
        in_range += found[1]
    n_fk = 0
    for row in fakes_texts(shared):
        text = row.get("article_content") or ""
        claims = extract(text, find_published(text))
        check_spans(text, claims)
        n_fk += 1
    elapsed = time.perf_counter() - t0
    return {"airwars_texts": n_aw, "airwars_with_toll": measured, "with_any_toll_claim": with_claim,
            "in_range": in_range, "in_range_share": in_range / measured if measured else 0.0,
            "fakes_articles": n_fk, "seconds": round(elapsed, 2)}


def run_arabic(shared: Path, split: str | None = None) -> dict:
    n = measured = in_range = with_claim = any_claim = 0
    slowest = 0.0
    t0 = time.perf_counter()
    for row in airwars_texts(shared, "ar", split):
        text = row["text"] or ""
        published = parse_arabic_date(row.get("publication_date")) or find_published_ar(text)
        t1 = time.perf_counter()
        claims = extract_arabic(text, published)
        slowest = max(slowest, time.perf_counter() - t1)
        check_spans(text, claims)
        n += 1
        any_claim += bool(claims)
        found = toll_found(row, claims)
        if found is None:
            continue
        measured += 1
        with_claim += found[0]
        in_range += found[1]
    elapsed = time.perf_counter() - t0
    return {"arabic_texts": n, "with_any_claim": any_claim, "with_toll": measured, "with_any_toll_claim": with_claim,
            "in_range": in_range, "in_range_share": in_range / measured if measured else 0.0,
            "seconds": round(elapsed, 2), "docs_per_second": round(n / elapsed) if elapsed else 0,
            "slowest_seconds": round(slowest, 3)}


def main() -> None:
    args = sys.argv[1:]
    split = None
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        if split not in ("dev", "test"):
            raise SystemExit("--split takes dev or test")
        del args[i:i + 2]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared"
    if split:
        print(f"split: {split} half (SHA-1 of source_id {'even' if split == 'dev' else 'odd'})")
    r = run(shared, split)
    print(f"airwars English texts {r['airwars_texts']}, with a linked toll {r['airwars_with_toll']}, "
          f"with any extracted toll {r['with_any_toll_claim']}")
    print(f"in range {r['in_range']}/{r['airwars_with_toll']} = {r['in_range_share']:.3f}")
    print(f"FA-KES articles {r['fakes_articles']}; total {r['seconds']} s")
    a = run_arabic(shared, split)
    print(f"airwars Arabic texts {a['arabic_texts']}, with any claim {a['with_any_claim']}, with a linked toll "
          f"{a['with_toll']}, with any extracted toll {a['with_any_toll_claim']}")
    print(f"Arabic in range {a['in_range']}/{a['with_toll']} = {a['in_range_share']:.3f}; {a['seconds']} s, "
          f"{a['docs_per_second']} docs/s, slowest text {a['slowest_seconds']} s")


if __name__ == "__main__":
    main()
