"""Store functions for the linker: read what it needs, write its judgements with their audit trail.

Everything runs in the caller's session, so that a whole relink is one transaction: if anything
fails halfway, nothing of it is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.store.repositories import audit, incident_dict, now
from civcas.store.schema import Assessment, Claim, ClaimLink, Document, Incident

ACTOR = "linker"
METHOD = "splink"

CLAIM_FIELDS = ("id", "count_min", "count_max", "counted", "victims", "children_min",
                "children_max", "women_min", "women_max", "men_min", "men_max", "injured_min",
                "injured_max", "event_date", "event_date_end", "date_precision", "place_text",
                "country", "belligerent", "lat", "lon", "geo_precision")


@dataclass
class LinkRow:
    id: int
    claim_id: int
    incident_id: int
    status: str
    method: str
    score: float | None


def incident_claims(session: Session) -> list[dict[str, Any]]:
    """Every claim of type 'incident', with what the figures need from its document."""
    q = (select(Claim, Document.publisher, Document.url, Document.published)
         .join(Document, Document.id == Claim.document_id)
         .where(Claim.type == "incident").order_by(Claim.id))
    out = []
    for claim, publisher, url, published in session.execute(q):
        d = {k: getattr(claim, k) for k in CLAIM_FIELDS}
        geo = claim.geocode or {}
        d.update(admin1=geo.get("admin1"), source=claim.asserted_by or publisher, url=url,
                 published=published)
        if not d["country"]:
            d["country"] = geo.get("country")
        out.append(d)
    return out


def all_links(session: Session) -> list[LinkRow]:
    return [LinkRow(r.id, r.claim_id, r.incident_id, r.status, r.method, r.score)
            for r in session.scalars(select(ClaimLink).order_by(ClaimLink.id))]


def all_incidents(session: Session) -> list[dict[str, Any]]:
    return [incident_dict(r, public=False) | {"origin": r.origin}
            for r in session.scalars(select(Incident).order_by(Incident.id))]


def used_codes(session: Session) -> set[str]:
    codes: set[str] = set()
    for code, previous in session.execute(select(Incident.code, Incident.previous_codes)):
        codes.add(code)
        codes.update(previous or [])
    return codes


def create_incident(session: Session, code: str, values: dict[str, Any], reason: str,
                    action: str = "create") -> int:
    row = Incident(code=code, previous_codes=[], strike_status="alleged", created_at=now(),
                   updated_at=now(), **values)
    session.add(row)
    session.flush()
    audit(session, ACTOR, "incident", code, action, None, incident_dict(row), reason)
    return row.id


def update_incident(session: Session, incident_id: int, values: dict[str, Any], reason: str) -> bool:
    """Write changed figures; True when something changed (and was audited)."""
    row = session.get(Incident, incident_id)
    before = incident_dict(row)
    for k, v in values.items():
        setattr(row, k, v)
    session.flush()
    after = incident_dict(row)
    if after == before:
        return False
    row.updated_at = now()
    audit(session, ACTOR, "incident", row.code, "update", before, after, reason)
    return True


def add_link(session: Session, claim_id: int, incident_id: int, code: str, status: str,
             score: float | None, reason: str) -> None:
    session.add(ClaimLink(claim_id=claim_id, incident_id=incident_id, status=status,
                          score=_unit(score), method=METHOD, created_at=now()))
    audit(session, ACTOR, "claim_link", f"{claim_id}:{code}",
          "link" if status == "confirmed" else "suggest", None,
          {"claim_id": claim_id, "incident": code, "status": status, "score": score}, reason)


def change_link(session: Session, link_id: int, code: str, status: str, score: float | None,
                reason: str) -> None:
    row = session.get(ClaimLink, link_id)
    before = {"claim_id": row.claim_id, "incident": code, "status": row.status, "score": row.score}
    row.status, row.score = status, _unit(score)
    audit(session, ACTOR, "claim_link", f"{row.claim_id}:{code}",
          "link" if status == "confirmed" else "suggest", before,
          {**before, "status": status, "score": score}, reason)


def remove_link(session: Session, link_id: int, code: str, reason: str) -> None:
    row = session.get(ClaimLink, link_id)
    before = {"claim_id": row.claim_id, "incident": code, "status": row.status, "score": row.score}
    session.delete(row)
    audit(session, ACTOR, "claim_link", f"{row.claim_id}:{code}", "unlink", before, None, reason)


def merge_incident(session: Session, absorbed_id: int, into_id: int, reason: str) -> None:
    """Fold one incident into another: its links and assessments move, its code joins the
    absorber's previous codes (so citations of it still resolve), and its row goes."""
    gone = session.get(Incident, absorbed_id)
    into = session.get(Incident, into_id)
    before = incident_dict(gone, public=False)
    have = {cid for (cid,) in session.execute(select(ClaimLink.claim_id).where(ClaimLink.incident_id == into_id))}
    for ln in session.scalars(select(ClaimLink).where(ClaimLink.incident_id == absorbed_id)):
        if ln.claim_id in have:
            session.delete(ln)
        else:
            ln.incident_id = into_id
    judged = {b for (b,) in session.execute(select(Assessment.belligerent).where(Assessment.incident_id == into_id))}
    for a in session.scalars(select(Assessment).where(Assessment.incident_id == absorbed_id)):
        if a.belligerent not in judged:
            a.incident_id = into_id
    into.previous_codes = list(dict.fromkeys([*(into.previous_codes or []), gone.code,
                                              *(gone.previous_codes or [])]))
    into.updated_at = now()
    session.flush()
    session.delete(gone)
    session.flush()
    audit(session, ACTOR, "incident", before["code"], "merge", before, {"merged_into": into.code}, reason)


def _unit(score: float | None) -> float | None:
    return None if score is None else min(1.0, max(0.0, float(score)))
