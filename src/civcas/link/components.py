"""Group scored pairs into incidents without letting vague reports chain events together.

Plain connected components (Splink's clustering) joins A and B whenever some record matches
both.  A report that says only "Ninewa countryside" or "in March" matches every strike there
that week, so it would weld unrelated incidents into one.  Here, records that pin the event down
(a geocode at district level or better and a day-precision date) form the components; a vague
record is then attached to the one component it matches best, and never joins two.  Vague
records that match nothing precise may still group among themselves.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable


class _Sets:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller id represents the set, so results do not depend on edge order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def group(edges: Iterable[tuple[str, str, float]], vague: set[str], upper: float) -> dict[str, str]:
    """Records -> representative, from pairs scored at or above `upper`."""
    sets = _Sets()
    attach: dict[str, dict[str, float]] = defaultdict(dict)   # vague -> precise partner -> p
    vague_pairs = []
    for a, b, p in edges:
        if p < upper:
            continue
        va, vb = a in vague, b in vague
        if not va and not vb:
            sets.union(a, b)
        elif va and vb:
            vague_pairs.append((a, b))
        elif va:
            attach[a][b] = max(p, attach[a].get(b, 0.0))
        else:
            attach[b][a] = max(p, attach[b].get(a, 0.0))
    out: dict[str, str] = {}
    for v, partners in attach.items():
        best: dict[str, float] = {}
        for partner, p in partners.items():
            root = sets.find(partner)
            best[root] = max(p, best.get(root, 0.0))
        out[v] = max(best.items(), key=lambda kv: (kv[1], kv[0]))[0]
    leftover = _Sets()
    for a, b in vague_pairs:
        if a not in out and b not in out:
            leftover.union(a, b)
    for x in list(sets.parent):
        out[x] = sets.find(x)
    for x in list(leftover.parent):
        out[x] = leftover.find(x)
    return out
