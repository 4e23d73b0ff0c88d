"""Strike matches in the store: candidate (incident, declared strike) pairs and their review.

A row of `strike_matches` is a *suggestion* until an analyst confirms or rejects it.  The
matcher may replace its own suggestions on every run; it never touches a confirmed or rejected
row.  Every change of an incident's `strike_status` and every review is written to
`audit_events`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.records import StrikeRecord
from civcas.store.repositories import STRIKE_COLUMNS, audit, now
from civcas.store.schema import AuditEvent, Incident, Strike, StrikeMatch

STATUS_ACTION = "strike_status"      # audit action for a change of an incident's strike_status


def strike_record(row: Strike) -> StrikeRecord:
    return StrikeRecord(**{name: getattr(row, name) for name in STRIKE_COLUMNS}, id=row.id)


def strikes_between(session: Session, first: dt.date | None = None,
                    last: dt.date | None = None) -> list[StrikeRecord]:
    """Declared strikes whose strike date lies in [first, last] (either bound optional)."""
    q = select(Strike)
    if first is not None:
        q = q.where(Strike.date >= first)
    if last is not None:
        q = q.where(Strike.date <= last)
    return [strike_record(r) for r in session.scalars(q.order_by(Strike.date, Strike.id))]


def matches_by_incident(session: Session, incident_ids: Iterable[int] | None = None
                        ) -> dict[int, list[StrikeMatch]]:
    q = select(StrikeMatch)
    ids = None if incident_ids is None else list(incident_ids)
    out: dict[int, list[StrikeMatch]] = {}
    if ids is not None:
        for i in range(0, len(ids), 500):
            for m in session.scalars(q.where(StrikeMatch.incident_id.in_(ids[i:i + 500]))):
                out.setdefault(m.incident_id, []).append(m)
        return out
    for m in session.scalars(q):
        out.setdefault(m.incident_id, []).append(m)
    return out


def replace_suggestions(session: Session, incident_id: int,
                        candidates: Sequence[tuple[int, float, dict[str, Any]]],
                        existing: list[StrikeMatch]) -> bool:
    """Make the incident's *suggested* rows equal `candidates` [(strike_id, score, features)],
    ranked in the given order (rank 1 = best).  Reviewed rows (confirmed/rejected) are kept as
    they are, and a candidate an analyst already reviewed is not suggested again.  Returns
    whether anything changed (an unchanged ranking writes nothing)."""
    reviewed = {m.strike_id for m in existing if m.status != "suggested"}
    current = {m.strike_id: m for m in existing if m.status == "suggested"}
    wanted: dict[int, tuple[int, float, dict[str, Any]]] = {}
    for rank, (strike_id, score, features) in enumerate(candidates, 1):
        if strike_id not in reviewed and strike_id not in wanted:
            wanted[strike_id] = (rank, round(float(score), 4), features)
    changed = False
    for strike_id, row in current.items():
        if strike_id not in wanted:
            session.delete(row)
            changed = True
    for strike_id, (rank, score, features) in wanted.items():
        row = current.get(strike_id)
        if row is None:
            session.add(StrikeMatch(incident_id=incident_id, strike_id=strike_id, rank=rank,
                                    score=score, status="suggested", features=features))
            changed = True
        elif (row.rank, round(row.score, 4), row.features) != (rank, score, features):
            row.rank, row.score, row.features = rank, score, features
            changed = True
    return changed


def last_status_change(session: Session, code: str) -> AuditEvent | None:
    q = (select(AuditEvent).where(AuditEvent.entity == "incident", AuditEvent.entity_id == code,
                                  AuditEvent.action == STATUS_ACTION)
         .order_by(AuditEvent.id.desc()).limit(1))
    return session.scalar(q)


def set_strike_status(session: Session, incident: Incident, status: str, actor: str, reason: str,
                      via: str) -> bool:
    """Change an incident's strike_status (audited); `via` records why ("matcher", "review")."""
    if incident.strike_status == status:
        return False
    before = {"strike_status": incident.strike_status}
    incident.strike_status = status
    incident.updated_at = now()
    audit(session, actor, "incident", incident.code, STATUS_ACTION, before,
          {"strike_status": status, "via": via}, reason)
    return True


def declared_by_us(session: Session, incident: Incident) -> bool:
    """Did matching (the matcher or a review) make this incident declared?  An incident its
    monitor imported as declared was not, and matching never downgrades it."""
    if incident.strike_status != "declared":
        return False
    last = last_status_change(session, incident.code)
    return bool(last and (last.after or {}).get("via") in ("matcher", "review"))


def review(session: Session, incident_code: str, strike_id: int, accept: bool, actor: str,
           reason: str) -> dict[str, Any]:
    """An analyst confirms or rejects one candidate; see civcas.strikes.matching.review_match."""
    if not actor or not reason:
        raise ValueError("a review needs an actor and a reason")
    incident = session.scalar(select(Incident).where(Incident.code == incident_code))
    if incident is None:
        raise LookupError(f"no incident {incident_code!r}")
    strike = session.get(Strike, strike_id)
    if strike is None:
        raise LookupError(f"no strike {strike_id}")
    row = session.scalar(select(StrikeMatch).where(StrikeMatch.incident_id == incident.id,
                                                   StrikeMatch.strike_id == strike_id))
    status = "confirmed" if accept else "rejected"
    before = None if row is None else {"status": row.status, "rank": row.rank, "score": row.score}
    if row is None:        # an analyst may name a strike the matcher did not propose
        ranks = [m.rank for m in session.scalars(
            select(StrikeMatch).where(StrikeMatch.incident_id == incident.id))]
        row = StrikeMatch(incident_id=incident.id, strike_id=strike_id, rank=max(ranks, default=0) + 1,
                          score=0.0, status=status, features={"added_by": "analyst"})
        session.add(row)
    elif row.status == status:
        return {"incident_code": incident_code, "strike_id": strike_id, "status": status,
                "changed": False, "strike_status": incident.strike_status}
    row.status = status
    session.flush()
    audit(session, actor, "strike_match", f"{incident_code}:{strike_id}", "confirm" if accept else "reject",
          before, {"status": status, "rank": row.rank, "score": row.score}, reason)
    confirmed = session.scalars(select(StrikeMatch).where(StrikeMatch.incident_id == incident.id,
                                                          StrikeMatch.status == "confirmed")).first()
    if accept:
        set_strike_status(session, incident, "declared", actor,
                          f"analyst confirmed strike {strike_id}: {reason}", via="review")
    elif confirmed is None and declared_by_us(session, incident):
        set_strike_status(session, incident, "alleged", actor,
                          f"analyst rejected strike {strike_id} and no confirmed match remains: {reason}",
                          via="review")
    return {"incident_code": incident_code, "strike_id": strike_id, "status": status, "changed": True,
            "strike_status": incident.strike_status}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def export_rows(session: Session) -> list[dict[str, Any]]:
    """One row per stored candidate, by incident code then rank."""
    q = (select(StrikeMatch, Incident.code, Strike)
         .join(Incident, Incident.id == StrikeMatch.incident_id)
         .join(Strike, Strike.id == StrikeMatch.strike_id)
         .order_by(Incident.code, StrikeMatch.rank, StrikeMatch.id))
    rows = []
    for m, code, s in session.execute(q):
        rows.append({
            "incident_code": code, "rank": m.rank, "score": m.score, "status": m.status,
            "strike": {"id": s.id, "date": _iso(s.date), "release_date": _iso(s.release_date),
                       "country": s.country, "location": s.location, "strikes": s.strikes,
                       "source": s.source, "text": s.text},
        })
    return rows


__all__ = ["strike_record", "strikes_between", "matches_by_incident", "replace_suggestions",
           "set_strike_status", "declared_by_us", "review", "export_rows", "last_status_change"]
