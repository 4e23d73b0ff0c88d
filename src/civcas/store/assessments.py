"""The official ledger in the store: assessments and their dated workflow events.

The workflow's rules live in `civcas.assess.workflow`; this module only checks them (through
the workflow object it is given) and writes rows, audit events included, in one transaction.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.records import AssessmentEventRecord
from civcas.store.repositories import assessment_dict, audit, get_incident, now
from civcas.store.schema import Assessment, AssessmentEvent, Incident

SETTABLE = ("deaths_conceded_min", "deaths_conceded_max", "injuries_conceded_min", "injuries_conceded_max",
            "duplicate_of", "statement_date", "statement_text", "statement_url")


class LedgerError(ValueError):
    """An incident or assessment that is not there."""


def apply_transition(session: Session, workflow: Any, code: str, belligerent: str, target: str,
                     fields: dict[str, Any]) -> dict[str, Any]:
    """Move one allegation to `target`.  Refused, with nothing written, unless the workflow allows it.

    The first step of a new allegation is its receipt: target == workflow.initial."""
    incident = get_incident(session, code)
    if incident is None:
        raise LedgerError(f"no incident with code {code!r}")
    row = session.scalar(select(Assessment).where(Assessment.incident_id == incident.id,
                                                  Assessment.belligerent.in_(same_party(session, belligerent))))
    if row is None:
        if target != workflow.initial:
            raise LedgerError(f"{code} has no allegation against {belligerent} yet; "
                              f"record its receipt first ({workflow.initial})")
        for name in ("actor", "reason", "effective"):
            if not fields.get(name):
                from civcas.assess.workflow import WorkflowError

                raise WorkflowError(f"rule receive: every transition needs a {name}")
        row = Assessment(incident_id=incident.id, belligerent=belligerent, state=target, reason=[],
                         version=1, updated_at=now())
        session.add(row)
        session.flush()
        before, from_state = None, None
    else:
        workflow.check(row.state, target, fields)
        before, from_state = assessment_dict(row), row.state
        row.state = target
        row.version += 1
        row.updated_at = now()
    for name in SETTABLE:
        if fields.get(name) is not None:
            setattr(row, name, fields[name])
    if fields.get("reason_code"):
        row.reason = [fields["reason_code"]]
    after = assessment_dict(row)
    event_fields = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()
                    if k not in ("actor", "reason", "effective") and v is not None}
    session.add(AssessmentEvent(assessment_id=row.id, from_state=from_state, to_state=target,
                                effective=fields["effective"], at=now(), actor=fields["actor"],
                                reason=fields["reason"], fields=event_fields))
    audit(session, fields["actor"], "assessment", f"{code}/{belligerent}", f"transition:{target}",
          before, after, fields["reason"])
    return after


def same_party(session: Session, belligerent: str) -> list[str]:
    """Every spelling in the ledger that names the same party ("U.S.-led Coalition" = "CJTF-OIR")."""
    from civcas.store.sources import resolve_source

    target = resolve_source(session, belligerent)
    names = set(session.scalars(select(Assessment.belligerent).distinct()))
    return sorted({belligerent} | {n for n in names if target is not None and resolve_source(session, n) == target})


def events(session: Session, belligerent: str | None = None,
           until: dt.date | None = None) -> list[AssessmentEventRecord]:
    q = (select(AssessmentEvent, Assessment.belligerent, Incident.code)
         .join(Assessment, Assessment.id == AssessmentEvent.assessment_id)
         .join(Incident, Incident.id == Assessment.incident_id))
    if belligerent:
        q = q.where(Assessment.belligerent.in_(same_party(session, belligerent)))
    if until:
        q = q.where(AssessmentEvent.effective <= until)
    out = []
    for ev, bel, code in session.execute(q.order_by(AssessmentEvent.effective, AssessmentEvent.id)):
        f = ev.fields or {}
        out.append(AssessmentEventRecord(
            incident_code=code, belligerent=bel, from_state=ev.from_state, to_state=ev.to_state,
            effective=ev.effective, actor=ev.actor, reason=ev.reason,
            deaths_conceded_min=f.get("deaths_conceded_min"), deaths_conceded_max=f.get("deaths_conceded_max")))
    return out


def record_history(session: Session, incident: Any, actor: str) -> int:
    """Dated workflow events for a monitor-imported assessment, so monthly reports can replay it:
    received on the incident's date, completed on the statement's date.  Written once: an
    assessment that already has events is left alone."""
    added = 0
    row_incident = get_incident(session, incident.code)
    if row_incident is None or incident.date is None:
        return 0
    for rec in incident.assessments:
        row = session.scalar(select(Assessment).where(Assessment.incident_id == row_incident.id,
                                                      Assessment.belligerent == rec.belligerent))
        if row is None or session.scalar(select(AssessmentEvent.id).where(AssessmentEvent.assessment_id == row.id)):
            continue
        steps = [(None, "not_yet_assessed", incident.date)]
        if rec.state in ("credible", "non_credible", "duplicate") and rec.statement_date:
            steps.append(("not_yet_assessed", rec.state, max(rec.statement_date, incident.date)))
        elif rec.state == "under_assessment":
            steps.append(("not_yet_assessed", "under_assessment", incident.date))
        for frm, to, day in steps:
            fields = {}
            if to == "credible":
                fields = {"deaths_conceded_min": rec.deaths_conceded_min,
                          "deaths_conceded_max": rec.deaths_conceded_max}
            session.add(AssessmentEvent(assessment_id=row.id, from_state=frm, to_state=to, effective=day,
                                        at=now(), actor=actor, reason="history from the monitor's record",
                                        fields=fields))
            added += 1
    return added
