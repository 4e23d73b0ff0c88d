"""The linker against a real store, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from civcas.link import link
from civcas.store.schema import AuditEvent, ClaimLink

from .helpers import add_claims, add_monitor_incident, claim, state

JADIDA = (36.33, 43.10)


def jadida(day="2017-03-17", name="al-Jadida", killed=11, **kw):
    return claim(day, name, JADIDA[0] + 0.001, JADIDA[1] + 0.001, killed, **kw)


def audit_count(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count(AuditEvent.id)))


def test_confirmed_suggested_and_new_by_thresholds(store):
    add_claims(store, jadida())
    first = link(store)
    assert first.new_incidents == 1 and first.parameters == "fixed"   # tiny corpus: fallback
    strong, moderate, elsewhere = add_claims(
        store, jadida(name="Jadida", killed=12),
        claim("2017-03-19", "Bazwaya", 36.40, 43.25, 30),            # same governorate, 14 km, 2 days
        claim("2017-03-17", "Hamdaniya", 35.4, 44.3, 4, gov="Kirkuk"))
    report = link(store, upper=0.9, lower=0.05)
    st = state(store)
    assert st["CV0001"]["confirmed"] == [1, strong]
    assert st["CV0001"]["suggested"] == [moderate]
    assert report.linked == 1 and report.suggested == 1 and report.new_incidents == 1
    assert st["CV0002"]["confirmed"] == [elsewhere]
    with store.session() as s:
        reasons = s.scalars(select(AuditEvent.reason).where(AuditEvent.actor == "linker")).all()
    assert any("match probability" in r for r in reasons)


def test_linking_twice_changes_nothing(store):
    add_claims(store, jadida(), jadida(name="Jadida", killed=14, day="2017-03-18"),
               claim("2017-06-01", "Tukhar", 36.0, 42.5, 5))
    link(store)
    before, events = state(store), audit_count(store)
    again = link(store)
    assert again.claims_considered == 0
    full = link(store, full=True)
    assert (full.linked, full.suggested, full.new_incidents, full.merges, full.splits) == (0, 0, 0, 0, 0)
    assert state(store) == before and audit_count(store) == events


def test_codes_stay_across_relinks_with_new_documents(store):
    add_claims(store, jadida(), claim("2017-06-01", "Tukhar", 36.0, 42.5, 5))
    link(store)
    codes = set(state(store))
    assert codes == {"CV0001", "CV0002"}
    add_claims(store, jadida(name="Jadidah", killed=13), claim("2017-06-02", "al-Tokhar", 36.0, 42.5, 6),
               claim("2017-09-09", "Qayyarah", 35.8, 43.3, 3))
    link(store)
    link(store, full=True)
    st = state(store)
    assert codes <= set(st) and len(st["CV0001"]["confirmed"]) == 2 and len(st["CV0002"]["confirmed"]) == 2
    assert "CV0003" in st


def test_new_codes_avoid_monitor_codes_and_monitor_figures_only_widen(store):
    add_monitor_incident(store, "CS1706", "2017-03-17", "Jadida", *JADIDA, 10, 12)
    add_claims(store, jadida(killed=20), claim("2017-06-01", "Tukhar", 36.0, 42.5, 5))
    link(store)
    st = state(store)
    assert st["CS1706"]["confirmed"] and (st["CS1706"]["min"], st["CS1706"]["max"]) == (10, 20)
    assert st["CS1706"]["lat"] == JADIDA[0] and st["CS1706"]["origin"]
    assert "CV0001" in st


def test_merge_keeps_the_absorbed_code(store):
    # two reports far apart in wording first make two incidents...
    add_claims(store, jadida(killed=11), claim("2017-03-20", "Jdeideh", 36.36, 43.14, 11))
    link(store, upper=0.99995)
    assert len(state(store)) == 2
    # ...until a third report, between them in time and place, bridges them
    add_claims(store, claim("2017-03-18", "Jadida", 36.345, 43.12, 11))
    report = link(store, upper=0.9)
    st = state(store)
    assert report.merges == 1 and len(st) == 1
    (code, inc), = st.items()
    assert code == "CV0001" and inc["previous_codes"] == ["CV0002"] and len(inc["confirmed"]) == 3
    with store.session() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "merge")).entity_id == "CV0002"


def test_interrupted_relink_leaves_the_store_as_it_was(store, monkeypatch):
    add_claims(store, jadida(), claim("2017-06-01", "Tukhar", 36.0, 42.5, 5))
    link(store)
    add_claims(store, jadida(name="Jadida", killed=12), claim("2017-06-02", "Tokhar", 36.0, 42.5, 6))
    before, events = state(store), audit_count(store)
    import civcas.store.links as store_links

    real, calls = store_links.add_link, []

    def failing(*args, **kw):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("power cut")
        return real(*args, **kw)

    monkeypatch.setattr(store_links, "add_link", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        link(store, full=True)
    assert state(store) == before and audit_count(store) == events


def test_analyst_judgements_are_respected(store):
    add_claims(store, jadida())
    link(store)
    (other,) = add_claims(store, jadida(name="Jadida", killed=12))
    with store.session() as s:
        from civcas.store.repositories import now

        s.add(ClaimLink(claim_id=other, incident_id=1, status="rejected", score=None, method="analyst",
                        created_at=now()))
    link(store)
    link(store, full=True)
    st = state(store)
    assert other not in st["CV0001"]["confirmed"] and other not in st["CV0001"]["suggested"]


def test_empty_store_and_unknown_engine(store):
    assert link(store).claims_considered == 0
    with pytest.raises(ValueError, match="unknown engine"):
        link(store, engine="polars")


def test_country_codes_meet_country_names_and_blank_claims_wait(store):
    from civcas.records import ClaimRecord

    add_monitor_incident(store, "CS232", "2017-03-17", "Jadida", *JADIDA, 10, 12)
    (coded,) = add_claims(store, jadida(country="IQ", killed=11))
    quote = "more than 200 people were killed"
    (blank,) = add_claims(store, ClaimRecord(type="incident", quote=quote, span=(0, len(quote)),
                                             count_min=200, counted="killed"))
    report = link(store)
    st = state(store)
    assert coded in st["CS232"]["confirmed"] and len(st) == 1
    assert report.skipped_blank == 1 and not any(blank in v["confirmed"] for v in st.values())


def test_undated_claim_is_suggested_to_the_place_it_names(store):
    # Without a date a report cannot be tied to one event (towns are struck again and again):
    # it meets the incident at its place, but only as a suggestion for an analyst.
    add_monitor_incident(store, "CS9", "2016-07-19", "Tokhar", 36.64, 37.96, 24, 125, gov="Aleppo")
    undated = claim("2016-07-19", "al-Tokhar", 36.64, 37.96, None, gov="Aleppo", country="Syria")
    undated.event_date = None
    undated.date_precision = None
    (cid,) = add_claims(store, undated)
    report = link(store)
    assert state(store)["CS9"]["suggested"] == [cid] and cid not in state(store)["CS9"]["confirmed"]
    assert report.new_incidents == 0
