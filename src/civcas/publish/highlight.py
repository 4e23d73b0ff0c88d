"""Cut a document's text into segments so each claim's quote can be marked at its exact span.

Quotes may overlap (a tally inside an assessment sentence); a segment lists every claim that
covers it, so the page can mark nested claims without rewriting the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass
class Segment:
    text: str
    claims: list[int]
    types: list[str]


def segments(text: str, spans: Sequence[tuple[int, int, int, str]]) -> list[Segment]:
    """`spans` are (start, end, claim_id, type); out-of-range spans are clipped, never trusted."""
    n = len(text)
    clean = [(max(0, s), min(n, e), cid, t) for s, e, cid, t in spans if 0 <= s < e]
    cuts = sorted({0, n, *(s for s, _, _, _ in clean), *(e for _, e, _, _ in clean)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [(cid, t) for s, e, cid, t in clean if s <= a and b <= e]
        out.append(Segment(text[a:b], [c for c, _ in covering], [t for _, t in covering]))
    return out
