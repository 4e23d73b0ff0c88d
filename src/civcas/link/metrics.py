"""How good a clustering is against the truth: pairwise precision/recall/F1 and B-cubed.

Pairwise scores count every pair of claims put together; they punish a wrongly merged big
incident quadratically.  B-cubed averages over claims, which is closer to what an analyst feels:
"of the claims filed with this one, how many belong here".
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Hashable, Sequence


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def scores(predicted: Sequence[Hashable], truth: Sequence[Hashable]) -> dict[str, float]:
    """`predicted[i]` and `truth[i]` are the cluster and the true incident of claim i."""
    if len(predicted) != len(truth):
        raise ValueError("predicted and truth must have one entry per claim")
    joint = Counter(zip(predicted, truth))
    by_pred = Counter(predicted)
    by_true = Counter(truth)
    tp = _pairs(joint)
    pred_pairs, true_pairs = _pairs(by_pred), _pairs(by_true)
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # B-cubed: for each claim, the share of its cluster that is truly with it, and vice versa
    n = len(predicted) or 1
    b_p = sum(c * c / by_pred[p] for (p, _), c in joint.items()) / n
    b_r = sum(c * c / by_true[t] for (_, t), c in joint.items()) / n
    b_f = 2 * b_p * b_r / (b_p + b_r) if b_p + b_r else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "bcubed_precision": b_p,
            "bcubed_recall": b_r, "bcubed_f1": b_f, "clusters": len(by_pred),
            "true_incidents": len(by_true)}


def clusters_from_map(ids: Sequence[str], cluster_of: dict[str, str]) -> list[str]:
    """A record the engine never saw in a pair stands alone."""
    return [cluster_of.get(i, i) for i in ids]


def group(ids: Sequence[str], labels: Sequence[Hashable]) -> dict[Hashable, list[str]]:
    out: dict[Hashable, list[str]] = defaultdict(list)
    for i, lab in zip(ids, labels):
        out[lab].append(i)
    return out
