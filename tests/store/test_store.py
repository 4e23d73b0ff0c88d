"""The store round-trips records and enforces the domain's constraints, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from civcas.records import ClaimRecord, DocumentRecord, Geocode, IncidentRecord, SourceRef
from civcas.store import Store, StoreError
from civcas.store import repositories as repo
from civcas.store.migrate import current
from civcas.store.schema import Claim, Incident, Source

TEXT = "Residents said 12 civilians were killed in Tokhar on Tuesday."


def a_document(text: str = TEXT) -> DocumentRecord:
    raw = text.encode()
    import hashlib

    return DocumentRecord(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=text, title="A report",
                          publisher="Reuters", published=dt.date(2016, 7, 21), language="en",
                          origin="memory")


def a_claim() -> ClaimRecord:
    start = TEXT.index("12 civilians")
    end = TEXT.index(" on Tuesday")
    return ClaimRecord(type="incident", quote=TEXT[start:end], span=(start, end), asserted_by="residents",
                       count_min=12, count_max=12, qualifier="exact", victims="civilians",
                       event_date=dt.date(2016, 7, 19), date_precision="day", place_text="Tokhar",
                       flags=["example"], rule="test",
                       geocode=Geocode(query="Tokhar", name="Tokhar", lat=36.66, lon=37.97, precision=1))


def test_migrated_to_head(store):
    assert current(store.engine) == "0003"


def test_document_and_claims_round_trip(store):
    with store.session() as s:
        doc_id = repo.add_document(s, a_document(), [a_claim()])
    with store.session() as s:
        doc = repo.get_document(s, doc_id)
        claims = repo.document_claims(s, doc_id)
        raw = s.get(__import__("civcas.store.schema", fromlist=["Document"]).Document, doc_id).raw
    assert doc.text == TEXT and doc.published == dt.date(2016, 7, 21)
    assert raw == TEXT.encode()
    (claim,) = claims
    assert claim["quote"] == TEXT[claim["span"][0]:claim["span"][1]] == "12 civilians were killed in Tokhar"
    assert claim["event_date"] == "2016-07-19" and claim["count_min"] == 12
    assert claim["lat"] == pytest.approx(36.66) and claim["geo_precision"] == 1
    assert claim["flags"] == ["example"]


def test_claim_source_resolved_through_aliases(store):
    with store.session() as s:
        doc_id = repo.add_document(s, a_document(), [a_claim()])
        src = s.scalar(select(Source).join(Claim, Claim.source_id == Source.id).where(Claim.document_id == doc_id))
        assert src.name == "residents"
        coalition = s.scalar(select(Source).where(Source.name == "CJTF-OIR"))
        from civcas.store.sources import resolve_source

        for alias in ("the Coalition", "Combined Joint Task Force", "CJTF-OIR", "U.S.-led coalition"):
            assert resolve_source(s, alias) == coalition.id


def test_quote_must_match_text(store):
    bad = a_claim()
    bad.quote = "something else"
    with pytest.raises(ValueError):
        with store.session() as s:
            repo.add_document(s, a_document(), [bad])
    with store.session() as s:
        assert repo.counts(s)["documents"] == 0  # nothing half-written


@pytest.mark.parametrize("values", [
    {"count_min": 10, "count_max": 5},
    {"count_min": -1},
    {"qualifier": "roughly"},
    {"type": "rumour"},
])
def test_constraints_live_in_the_schema(store, values):
    with store.session() as s:
        doc_id = repo.add_document(s, a_document(), [])
    row = dict(document_id=doc_id, type="incident", quote="x", span_start=0, span_end=1, flags=[])
    row.update(values)
    with pytest.raises((IntegrityError, DBAPIError)):
        with store.session() as s:
            s.add(Claim(**row))


def test_incident_upsert_is_audited(store):
    rec = IncidentRecord(code="CS0001", date=dt.date(2017, 3, 17), place_text="Mosul al-Jadida",
                         civilians_killed_min=105, civilians_killed_max=278, grade="confirmed",
                         sources=[SourceRef(name="Airwars")])
    with store.session() as s:
        _, created = repo.upsert_incident(s, rec, "tester", "import")
    assert created
    rec.grade = "fair"
    with store.session() as s:
        _, created = repo.upsert_incident(s, rec, "analyst:amal", "new evidence")
        trail = repo.audit_trail(s, "incident", "CS0001")
    assert not created
    assert [e["action"] for e in trail] == ["create", "update"]
    assert trail[1]["before"]["grade"] == "confirmed" and trail[1]["after"]["grade"] == "fair"
    assert trail[1]["actor"] == "analyst:amal" and trail[1]["reason"] == "new evidence"
    with pytest.raises((IntegrityError, DBAPIError)):
        with store.session() as s:
            s.add(Incident(code="CS0002", civilians_killed_min=5, civilians_killed_max=2,
                           created_at=repo.now(), updated_at=repo.now()))


def test_audit_events_are_append_only(store):
    with store.session() as s:
        repo.audit(s, "tester", "incident", "CS0001", "create", None, {"a": 1}, "why")
    for sql in ("UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError):
            with store.session() as s:
                s.execute(text(sql))
    with store.session() as s:
        assert repo.audit_trail(s, "incident", "CS0001")[0]["actor"] == "tester"


def test_reopening_is_idempotent(store):
    again = Store.open(store.url)
    assert current(again.engine) == "0003"
    again.close()


def test_unreachable_database_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError) as err:
        Store.open("postgresql://nobody@127.0.0.1:1/none")
    assert "cannot open the database" in str(err.value)
    with pytest.raises(StoreError):
        Store.open(str(tmp_path / "no-such-dir" / "x.db"))


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_upgrade_to_0003_keeps_incidents_and_adds_time_of_day(backend, tmp_path, request):
    """A store at 0002 with an incident upgrades to 0003: the incident stays, its time of day is
    NULL, and the new column round-trips; downgrading drops it again."""
    from sqlalchemy import create_engine, inspect

    from civcas.store.migrate import alembic_config, upgrade

    url = (f"sqlite:///{tmp_path / 'old.db'}" if backend == "sqlite"
           else request.getfixturevalue("fresh_pg_url"))
    engine = create_engine(url)
    upgrade(engine, "0002")
    assert "time_of_day" not in {c["name"] for c in inspect(engine).get_columns("incidents")}
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO incidents (code, previous_codes, grade_overridden, evidence, strike_status, sources,"
            " victims, created_at, updated_at) VALUES ('CS0001', '[]', false, '[]', 'alleged', '[]', '[]',"
            " :now, :now)"), {"now": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)})
    upgrade(engine)
    assert current(engine) == "0003"
    with engine.begin() as conn:
        assert conn.execute(text("SELECT code, time_of_day FROM incidents")).all() == [("CS0001", None)]
        conn.execute(text("UPDATE incidents SET time_of_day = '10:00-14:00'"))
        assert conn.execute(text("SELECT time_of_day FROM incidents")).scalar() == "10:00-14:00"
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert "time_of_day" not in {c["name"] for c in inspect(engine).get_columns("incidents")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT code FROM incidents")).scalar() == "CS0001"
    engine.dispose()


def test_incident_time_of_day_round_trips(store):
    rec = IncidentRecord(code="CS0009", date=dt.date(2015, 7, 4), time_of_day="16:00", place_text="Raqqa")
    with store.session() as s:
        repo.upsert_incident(s, rec, "test", "import")
    with store.session() as s:
        row = repo.get_incident(s, "CS0009")
        assert row.time_of_day == "16:00"
        assert repo.incident_dict(row)["time_of_day"] == "16:00"
