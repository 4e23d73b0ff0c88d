"""An analyst's verdict on a suggested link sticks, moves the incident's figures, and is audited."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from civcas.link.review import review_link
from civcas.records import ClaimRecord, DocumentRecord, IncidentRecord
from civcas.store import repositories as repo
from civcas.store.schema import ClaimLink

TEXT = "Residents said 14 civilians were killed in Hamra on 3 May 2018."


@pytest.fixture
def suggested(store):
    raw = TEXT.encode()
    q = "14 civilians were killed in Hamra"
    start = TEXT.index(q)
    with store.session() as s:
        doc = repo.add_document(s, DocumentRecord(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=TEXT), [
            ClaimRecord(type="incident", quote=q, span=(start, start + len(q)), count_min=14, count_max=14,
                        event_date=dt.date(2018, 5, 3), date_precision="day", place_text="Hamra")])
        claim_id = repo.document_claims(s, doc)[0]["id"]
        inc_id, _ = repo.upsert_incident(s, IncidentRecord(code="CV0001", date=dt.date(2018, 5, 3),
                                                           place_text="Hamra"), "linker", "new incident")
        s.add(ClaimLink(claim_id=claim_id, incident_id=inc_id, status="suggested", score=0.7, method="splink",
                        created_at=repo.now()))
        s.flush()
        link_id = s.query(ClaimLink).one().id
    return link_id, claim_id


def test_accept_moves_figures_and_sticks(store, suggested):
    link_id, claim_id = suggested
    with store.session() as s:
        result = review_link(s, link_id, True, "analyst:amal", "same village, same day")
    assert result == {"link_id": link_id, "incident_code": "CV0001", "claim_id": claim_id, "status": "confirmed"}
    with store.session() as s:
        link = s.get(ClaimLink, link_id)
        assert (link.status, link.method) == ("confirmed", "analyst")
        inc = repo.get_incident(s, "CV0001")
        assert (inc.civilians_killed_min, inc.civilians_killed_max) == (14, 14)
        (event,) = repo.audit_trail(s, "claim_link", f"{claim_id}:CV0001")
        assert (event["actor"], event["reason"], event["before"]["status"]) == \
            ("analyst:amal", "same village, same day", "suggested")


def test_reject_needs_a_reason_and_a_real_link(store, suggested):
    link_id, _ = suggested
    with pytest.raises(ValueError, match="reason"):
        with store.session() as s:
            review_link(s, link_id, False, "analyst:amal", " ")
    with pytest.raises(LookupError):
        with store.session() as s:
            review_link(s, 999, False, "analyst:amal", "x")
