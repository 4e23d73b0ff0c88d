"""An analyst's verdict on a suggested link: confirmed or rejected, with a reason.

The link's method becomes "analyst", so later runs of the linker leave it alone (a rejected pair
is never proposed again), and the incident's figures follow at once from its confirmed claims.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.store import links as store_links
from civcas.store.repositories import audit
from civcas.store.schema import ClaimLink, Incident

METHOD = "analyst"


def review_link(session: Session, link_id: int, accept: bool, actor: str, reason: str) -> dict[str, Any]:
    if not actor or not (reason or "").strip():
        raise ValueError("a review needs an actor and a reason")
    link = session.get(ClaimLink, link_id)
    if link is None:
        raise LookupError(f"no link {link_id}")
    code = session.scalar(select(Incident.code).where(Incident.id == link.incident_id))
    status = "confirmed" if accept else "rejected"
    before = {"claim_id": link.claim_id, "incident": code, "status": link.status, "method": link.method}
    link.status, link.method = status, METHOD
    audit(session, actor, "claim_link", f"{link.claim_id}:{code}", "confirm" if accept else "reject", before,
          {**before, "status": status, "method": METHOD}, reason)
    session.flush()
    from civcas.link import _refresh_figures

    claims = {c["id"]: c for c in store_links.incident_claims(session)}
    _refresh_figures(session, store_links, link.incident_id, claims)
    return {"link_id": link_id, "incident_code": code, "claim_id": link.claim_id, "status": status}

