"""What a coalition monthly statement gives, computed from the dated workflow events, and the
monitor's side of the same month.

The official side replays every allegation's events in date order, so "carried over" is simply
what was open when the month began and the statement's arithmetic (carried over + new received
+ reopened - completed = open at month end) holds by construction.  Published statements are
checked against the same arithmetic by `check_statement`, because real ones do not always hold.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from civcas.records import AssessmentEventRecord, IncidentRecord, Record

OPEN = frozenset({"not_yet_assessed", "under_assessment", "reopened"})
COMPLETED = frozenset({"credible", "non_credible", "duplicate"})


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """'2017-06' -> (2017-06-01, 2017-06-30); a clear error for anything else."""
    try:
        year, mon = (int(p) for p in month.split("-"))
        first = dt.date(year, mon, 1)
    except (ValueError, TypeError):
        raise ValueError(f"month must look like 2017-06, not {month!r}") from None
    return first, dt.date(year, mon, calendar.monthrange(year, mon)[1])


@dataclass
class OfficialMonth(Record):
    month: str
    carried_over: int = 0
    new_received: int = 0
    reopened: int = 0
    completed: int = 0
    credible: int = 0
    non_credible: int = 0
    duplicate: int = 0
    deaths_in_credible: int = 0
    open_end: int = 0
    cumulative_acknowledged: int = 0
    flags: list[str] = field(default_factory=list)


def official_month(events: Iterable[AssessmentEventRecord], month: str) -> OfficialMonth:
    first, last = month_bounds(month)
    state: dict[tuple[str, str], str] = {}
    conceded: dict[tuple[str, str], int] = {}
    out = OfficialMonth(month=month)
    started = False
    for ev in sorted(events, key=lambda e: e.effective):
        if ev.effective > last:
            break
        if ev.effective >= first and not started:
            out.carried_over = sum(1 for s in state.values() if s in OPEN)
            started = True
        key = (ev.incident_code, ev.belligerent)
        if ev.to_state == "credible":
            conceded[key] = ev.deaths_conceded_min or 0
        elif key in conceded and ev.to_state != "credible":
            conceded.pop(key)
        state[key] = ev.to_state
        if ev.effective < first:
            continue
        if ev.from_state is None:
            out.new_received += 1
        if ev.to_state == "reopened":
            out.reopened += 1
        if ev.to_state in COMPLETED:
            out.completed += 1
            setattr(out, ev.to_state, getattr(out, ev.to_state) + 1)
            if ev.to_state == "credible":
                out.deaths_in_credible += ev.deaths_conceded_min or 0
    if not started:
        out.carried_over = sum(1 for s in state.values() if s in OPEN)
    out.open_end = sum(1 for s in state.values() if s in OPEN)
    out.cumulative_acknowledged = sum(conceded.values())
    out.flags = check_statement(out.to_dict())
    return out


def check_statement(stats: Mapping[str, int | None]) -> list[str]:
    """Flags for a statement whose own figures do not add up (never corrected, only flagged)."""
    flags = []
    get = stats.get
    parts = [get("credible"), get("non_credible"), get("duplicate")]
    if get("completed") is not None and all(p is not None for p in parts):
        if sum(parts) != get("completed"):  # type: ignore[arg-type]
            flags.append(f"parts do not add up: {parts[0]} credible + {parts[1]} non-credible + "
                         f"{parts[2]} duplicate = {sum(parts)}, not {get('completed')} completed")
    open_end = get("open_end", get("open"))
    received = get("new_received", get("received"))
    if None not in (get("carried_over"), received, get("completed"), open_end):
        expected = get("carried_over") + received + (get("reopened") or 0) - get("completed")  # type: ignore[operator]
        if expected != open_end:
            flags.append(f"open reports do not follow: {get('carried_over')} carried over + {received} new"
                         f"{' + %d reopened' % get('reopened') if get('reopened') else ''} - "
                         f"{get('completed')} completed = {expected}, not {open_end}")
    return flags


@dataclass
class MonitorMonth(Record):
    month: str
    incidents: int = 0
    killed_min: int = 0
    killed_max: int = 0
    by_grade: dict[str, dict[str, int]] = field(default_factory=dict)
    cumulative_killed_min: int = 0
    cumulative_killed_max: int = 0


def monitor_month(incidents: Iterable[IncidentRecord], month: str) -> MonitorMonth:
    first, last = month_bounds(month)
    out = MonitorMonth(month=month)
    for inc in incidents:
        if inc.date is None or inc.date > last:
            continue
        lo = inc.civilians_killed_min or 0
        hi = inc.civilians_killed_max if inc.civilians_killed_max is not None else lo
        out.cumulative_killed_min += lo
        out.cumulative_killed_max += hi
        if inc.date < first:
            continue
        out.incidents += 1
        out.killed_min += lo
        out.killed_max += hi
        g = out.by_grade.setdefault(inc.grade or "ungraded", {"incidents": 0, "killed_min": 0, "killed_max": 0})
        g["incidents"] += 1
        g["killed_min"] += lo
        g["killed_max"] += hi
    return out


def timeline_flags(points: list[dict]) -> list[dict]:
    """Flag a cumulative official figure that falls below an earlier one from the same party."""
    flagged = []
    best: dict[str, tuple[int, dict]] = {}
    for p in points:
        if p.get("tally_kind") != "official_acknowledged" or p.get("count_min") is None:
            continue
        party = (p.get("asserted_by") or "").lower()
        if party in best and p["count_min"] < best[party][0]:
            prev = best[party][1]
            flagged.append({**p, "flag": f"cumulative figure falls: {p['count_min']} after "
                                         f"{prev['count_min']} (as of {prev.get('as_of')})"})
        if party not in best or p["count_min"] >= best[party][0]:
            best[party] = (p["count_min"], p)
    return flagged
