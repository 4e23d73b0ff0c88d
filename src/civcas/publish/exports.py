"""Export rows for the CLI and the web downloads.  Only public fields leave through here."""
from __future__ import annotations

from typing import Any, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.store import repositories as repo
from civcas.store.schema import AuditEvent, Claim, Document, Incident


def export_rows(session: Session, entity: str) -> Iterator[dict[str, Any]]:
    if entity == "documents":
        for d in repo.iter_rows(session, Document):
            rec = repo.document_record(d).to_dict()
            rec.pop("text", None)
            yield {"id": d.id, **{k: v for k, v in rec.items() if k != "id"}}
    elif entity == "claims":
        for c in repo.iter_rows(session, Claim):
            yield flatten_claim(repo.claim_dict(c))
    elif entity == "incidents":
        for i in repo.iter_rows(session, Incident):
            yield repo.incident_dict(i, public=True)
    elif entity == "tallies":
        for t in repo.tally_timeline(session):
            yield flatten_claim(t)
    elif entity == "audit":
        for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            yield {"id": e.id, "actor": e.actor, "at": e.at.isoformat(), "entity": e.entity,
                   "entity_id": e.entity_id, "action": e.action, "reason": e.reason,
                   "before": e.before, "after": e.after}
    else:
        raise ValueError(f"unknown entity {entity!r}")


def flatten_claim(d: dict[str, Any]) -> dict[str, Any]:
    d = dict(d)
    d.pop("geocode", None)
    span = d.pop("span", None) or (None, None)
    d["span_start"], d["span_end"] = span[0], span[1]
    return d
