"""The web app in-process: pages escape what they show, the API pages by keyset."""
from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient

from civcas.publish.highlight import segments
from civcas.publish.web import create_app
from civcas.records import ClaimRecord, DocumentRecord, IncidentRecord
from civcas.store import repositories as repo

HOSTILE = "<script>alert('x')</script> Monitors said 14 civilians were killed in al-Bab. <img src=x onerror=alert(1)>"


def add(store, text: str, claims=()):
    raw = text.encode()
    with store.session() as s:
        return repo.add_document(s, DocumentRecord(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=text,
                                                   title="<b>title</b>", origin="t"), list(claims))


@pytest.fixture
def client(sqlite_store):
    return TestClient(create_app(sqlite_store))


def test_document_page_marks_claims_and_escapes(sqlite_store, client):
    start = HOSTILE.index("14 civilians")
    end = start + len("14 civilians were killed")
    doc_id = add(sqlite_store, HOSTILE, [ClaimRecord(type="incident", quote=HOSTILE[start:end], span=(start, end),
                                                   count_min=14, count_max=14, asserted_by="Monitors")])
    r = client.get(f"/documents/{doc_id}")
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text
    assert "<img src=x" not in r.text and "<b>title</b>" not in r.text
    assert 'data-claims="1" title="claim 1">14 civilians were killed</mark>' in r.text


def test_api_keyset_pagination(sqlite_store, client):
    for n in range(5):
        add(sqlite_store, f"Report number {n}: nothing to count.")
    r = client.get("/api/documents", params={"limit": 2})
    body = r.json()
    assert [d["id"] for d in body["items"]] == [1, 2] and "after=2" in body["next"]
    seen = []
    url = "/api/documents?limit=2"
    while url:
        page = client.get(url).json()
        seen += [d["id"] for d in page["items"]]
        url = page["next"]
    assert seen == [1, 2, 3, 4, 5]
    assert all("id" in c for c in client.get("/api/claims").json()["items"])


def test_api_errors_are_json(client):
    r = client.get("/api/documents/999")
    assert r.status_code == 404 and r.json() == {"error": "no document with id 999"}
    r = client.get("/api/documents", params={"limit": 0})
    assert r.status_code == 422 and "limit" in r.json()["error"]


def test_home_and_incidents(sqlite_store, client):
    with sqlite_store.session() as s:
        repo.upsert_incident(s, IncidentRecord(code="CS0001", place_text="Tokhar", civilians_killed_min=73,
                                               civilians_killed_max=120), "test", "fixture")
        from civcas.store.schema import Incident

        s.query(Incident).filter_by(code="CS0001").one().analyst_notes = "witness: secret name"
    assert client.get("/").status_code == 200
    assert "Tokhar" in client.get("/incidents").text
    body = client.get("/api/incidents/CS0001").json()
    assert body["civilians_killed_max"] == 120 and "analyst_notes" not in body
    assert "secret name" not in client.get("/incidents/CS0001").text
    assert client.get("/api/incidents").json()["items"][0]["id"] == 1


def test_segments_handle_overlap_and_bad_spans():
    segs = segments("abcdefgh", [(1, 5, 1, "tally"), (3, 7, 2, "incident"), (6, 99, 3, "x"), (5, 2, 4, "x")])
    assert "".join(s.text for s in segs) == "abcdefgh"
    assert [s.claims for s in segs] == [[], [1], [1, 2], [2], [2, 3], [3]]


def test_exports_leave_restricted_fields_out(sqlite_store):
    from civcas.publish.exports import export_rows
    from civcas.records import SourceRef

    with sqlite_store.session() as s:
        repo.upsert_incident(s, IncidentRecord(code="CS0009", sources=[SourceRef(name="a page", author="Witness Name")]),
                             "test", "fixture")
        from civcas.store.schema import Incident

        s.query(Incident).filter_by(code="CS0009").one().analyst_notes = "internal"
    with sqlite_store.session() as s:
        (row,) = list(export_rows(s, "incidents", with_claims=True))
    assert "Witness Name" not in str(row) and "internal" not in str(row)
    assert row["sources"][0]["name"] == "a page" and row["claims"] == []
