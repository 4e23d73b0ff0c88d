"""The monthly report: the official statement's figures, the monitor's, the gap, and what the
published record says (tallies over time, statements checked against their own arithmetic)."""
from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from civcas.store import Store
from civcas.store import repositories as repo
from civcas.store.assessments import events
from civcas.store.schema import Strike
from civcas.tally.monthly import check_statement, monitor_month, month_bounds, official_month, timeline_flags


def statement_checks(store: Store) -> list[dict[str, Any]]:
    """Every published assessment statement (assessment_stats claim) whose figures do not add up."""
    flagged = []
    with store.session() as s:
        for c in repo.list_claims(s, type="assessment_stats", limit=100_000):
            flags = check_statement(c.get("assessment") or {})
            if flags:
                flagged.append({"claim_id": c["id"], "document_id": c["document_id"], "quote": c["quote"],
                                "asserted_by": c["asserted_by"], "flags": flags})
    return flagged


def tally_timeline(store: Store) -> dict[str, Any]:
    """Official acknowledged against independent estimates over time, each point with its quote."""
    with store.session() as s:
        points = repo.tally_timeline(s)
    return {"points": points, "falling": timeline_flags(points), "statements": statement_checks(store)}


def monthly_report(store: Store, month: str, belligerent: str = "CJTF-OIR",
                   monitor_scope: str | None = "Coalition") -> dict[str, Any]:
    first, last = month_bounds(month)
    with store.session() as s:
        official = official_month(events(s, belligerent, until=last), month)
        incidents = repo.incident_records(s, monitor_scope)
        monitor = monitor_month(incidents, month)
        timeline = [t for t in repo.tally_timeline(s) if (t["as_of"] or "9999") <= last.isoformat()]
        declared = dict(s.execute(select(Strike.country, func.sum(Strike.strikes))
                                  .where(Strike.date >= first, Strike.date <= last)
                                  .group_by(Strike.country)).all())
    harmed = Counter(i.country for i in incidents if i.date and first <= i.date <= last)
    # Rates only where strike counts are known, country by country: a month or a country without
    # releases has no rate, not a rate of zero, and one country's strikes never dilute another's.
    rates = [{"country": country, "declared_strikes": declared.get(country) or 0,
              "incidents_with_civilian_harm": n,
              "incidents_per_100_strikes": round(100 * n / declared[country], 2) if declared.get(country) else None}
             for country, n in sorted(harmed.items(), key=lambda kv: str(kv[0]))]
    return {
        "month": month,
        "belligerent": belligerent,
        "official": official.to_dict(),
        "monitor": monitor.to_dict(),
        "gap": {
            "acknowledged": official.cumulative_acknowledged,
            "documented_min": monitor.cumulative_killed_min,
            "documented_max": monitor.cumulative_killed_max,
            "undercount_min": monitor.cumulative_killed_min - official.cumulative_acknowledged,
            "undercount_max": monitor.cumulative_killed_max - official.cumulative_acknowledged,
        },
        "rates": rates,
        "timeline": timeline,
        "timeline_flags": timeline_flags(timeline),
    }
