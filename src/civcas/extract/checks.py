"""Arithmetic the text invites but does not always get right.

Reports state totals and their parts, and differences between two figures.  When these do
not add up, the reader should see it, but the claim must still say what the text says: a
check only appends a flag to `flags`; it never changes a number.
"""
from __future__ import annotations

from ..records import ClaimRecord

_PARTS = ("credible", "non_credible", "duplicate")


def assessment_parts(claim: ClaimRecord) -> None:
    """Completed assessments split into credible, non-credible and duplicate ones."""
    a = claim.assessment or {}
    total = a.get("completed")
    if total is None:
        return
    stated = {k: a[k] for k in _PARTS if a.get(k) is not None}
    if not stated:
        return
    s = sum(stated.values())
    terms = " + ".join(f"{k} {v}" for k, v in stated.items())
    if len(stated) == len(_PARTS) and s != total:
        claim.flags.append(f"parts_sum_mismatch: {terms} = {s} != completed {total}")
    elif s > total:
        claim.flags.append(f"parts_exceed_total: {terms} = {s} > completed {total}")


def open_balance(claim: ClaimRecord) -> None:
    """Reports carried over plus those that came in, less those completed, are those still open."""
    a = claim.assessment or {}
    if any(a.get(k) is None for k in ("carried_over", "completed", "open")):
        return
    inflow = {k: a[k] for k in ("carried_over", "new_received", "received", "reopened", "historical_referred")
              if a.get(k) is not None}
    expected = sum(inflow.values()) - a["completed"]
    if expected != a["open"]:
        terms = " + ".join(f"{k} {v}" for k, v in inflow.items())
        claim.flags.append(f"open_balance_mismatch: {terms} - completed {a['completed']} = {expected} != open {a['open']}")


def victim_parts(claim: ClaimRecord) -> None:
    """Children, women and men among the dead cannot outnumber the dead."""
    total = claim.count_max if claim.count_max is not None else None
    if total is None:
        return
    parts = {k: getattr(claim, f"{k}_min") for k in ("children", "women", "men")}
    stated = {k: v for k, v in parts.items() if v is not None}
    if claim.victims in ("children", "women", "men"):
        stated.pop(claim.victims, None)
        if claim.victims == "children" or not stated:
            return
    s = sum(stated.values())
    if stated and s > total:
        terms = " + ".join(f"{k} {v}" for k, v in stated.items())
        claim.flags.append(f"parts_exceed_total: {terms} = {s} > {total} {claim.victims or 'dead'}")


def difference(claim: ClaimRecord, stated: int, direction: str, other: ClaimRecord) -> None:
    """'23 more than last month's 603' against the newer figure the text gives (624)."""
    if claim.count_min is None or other.count_min is None:
        return
    actual = other.count_min - claim.count_min
    if direction in ("fewer", "less"):
        actual = -actual
    if actual != stated:
        word = "more" if direction in ("more", "additional") else direction
        hi, lo = (other.count_min, claim.count_min) if direction in ("more", "additional") else (claim.count_min, other.count_min)
        claim.flags.append(f"difference_mismatch: text says {stated} {word}, {hi}-{lo}={hi - lo}")
