"""The monthly report: the official statement's figures, the monitor's, and the gap."""
from __future__ import annotations

from typing import Any

from civcas.store import Store
from civcas.store import repositories as repo
from civcas.store.assessments import events
from civcas.tally.monthly import monitor_month, month_bounds, official_month, timeline_flags


def monthly_report(store: Store, month: str, belligerent: str = "CJTF-OIR",
                   monitor_scope: str | None = "Coalition") -> dict[str, Any]:
    _, last = month_bounds(month)
    with store.session() as s:
        official = official_month(events(s, belligerent, until=last), month)
        monitor = monitor_month(repo.incident_records(s, monitor_scope), month)
        timeline = [t for t in repo.tally_timeline(s) if (t["as_of"] or "9999") <= last.isoformat()]
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
        "timeline": timeline,
        "timeline_flags": timeline_flags(timeline),
    }
