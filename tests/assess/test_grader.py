"""Grades computed from the store, analyst overrides, and the audit trail that answers for them."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.assess.grader import grade_history, grade_incidents, set_grade
from civcas.records import AssessmentRecord, IncidentRecord, SourceRef
from civcas.store import repositories as repo
from civcas.store.schema import Incident


def add(store, code, sources, **kw):
    with store.session() as s:
        incident_id, _ = repo.upsert_incident(s, IncidentRecord(code=code, date=dt.date(2017, 6, 1),
                                                                sources=[SourceRef(name=n) for n in sources]),
                                              "test", "fixture")
        row = s.get(Incident, incident_id)
        for k, v in kw.items():
            setattr(row, k, v)


def grades(store):
    with store.session() as s:
        return {i["code"]: i["grade"] for i in repo.list_incidents(s)}


def test_grades_follow_the_rules_and_aliases(store):
    add(store, "A", ["SOHR", "Syrian Observatory"], strike_status="declared")   # one source, two spellings
    add(store, "B", ["SOHR", "Raqqa is Being Slaughtered Silently"], strike_status="declared")
    add(store, "C", ["SOHR", "RBSS"])                                           # no strike
    add(store, "D", ["SOHR"], discount="combatants")
    add(store, "E", ["Airwars"])
    with store.session() as s:
        e_id = repo.get_incident(s, "E").id
        repo.upsert_assessment(s, e_id, "E", AssessmentRecord(belligerent="CJTF-OIR", state="credible",
                                                               deaths_conceded_min=2), "test", "fixture")
    run = grade_incidents(store)
    assert run.graded == 5
    assert grades(store) == {"A": "weak", "B": "fair", "C": "weak", "D": "discounted", "E": "confirmed"}
    assert grade_incidents(store).changed == 0  # recomputing the same inputs changes nothing


def test_override_and_history(store):
    add(store, "A", ["SOHR", "RBSS"], strike_status="declared")
    grade_incidents(store)
    set_grade(store, "A", "contested", "analyst:lina", "a second party claimed the strike")
    grade_incidents(store)
    assert grades(store)["A"] == "contested"   # the rules keep off an analyst's grade
    set_grade(store, "A", None, "analyst:lina", "claim withdrawn")
    assert grades(store)["A"] == "fair"
    history = grade_history(store, "A")
    assert [(e["actor"], e["after"]["grade"]) for e in history] == [
        ("grader", "fair"), ("analyst:lina", "contested"), ("analyst:lina", "contested"), ("grader", "fair")]
    assert history[1]["reason"] == "a second party claimed the strike"
    with pytest.raises(ValueError, match="unknown grade"):
        set_grade(store, "A", "excellent", "x", "y")


def test_monitor_grades_are_kept(sqlite_store):
    from civcas.demo import MONITOR
    from civcas.ingest.monitor import import_airwars

    import_airwars(sqlite_store, MONITOR / "incidents.jsonl")
    before = grades(sqlite_store)
    run = grade_incidents(sqlite_store)
    assert run.kept == 3 and grades(sqlite_store) == before


def test_findings_regrade_and_are_audited(store):
    from civcas.assess.grader import record_findings

    add(store, "F", ["SOHR", "RBSS"], strike_status="declared")
    grade_incidents(store)
    after = record_findings(store, "F", "analyst:omar", "the dead were fighters, per their families",
                            add=["video"], discount="combatants")
    assert after == {"evidence": ["video"], "discount": "combatants"}
    assert grades(store)["F"] == "discounted"
    with store.session() as s:
        actions = [(e["actor"], e["action"]) for e in repo.audit_trail(s, "incident", "F")]
    assert ("analyst:omar", "findings") in actions and actions[-1] == ("grader", "grade")
    with pytest.raises(ValueError, match="unknown evidence"):
        record_findings(store, "F", "a", "b", add=["rumour"])


def test_social_media_needs_corroborating_evidence(store):
    from civcas.assess.grader import record_findings

    add(store, "S", ["activists", "residents"], strike_status="declared")
    grade_incidents(store)
    assert grades(store)["S"] is None          # uncorroborated posts are not credible sources
    record_findings(store, "S", "analyst:omar", "victims named by families", add=["named_victims"])
    assert grades(store)["S"] == "fair"


def test_reprint_edge_from_the_store_makes_one_source(store):
    from civcas.store.sources import add_source

    with store.session() as s:
        add_source(s, "Daily Star", "media", [], "AP", "analyst:lina", "prints AP copy")
        add_source(s, "Evening Herald", "media", ["the Herald"], "Associated Press", "analyst:lina", "AP copy")
    add(store, "W", ["Daily Star", "the Herald"], strike_status="declared")
    grade_incidents(store)
    assert grades(store)["W"] == "weak"
    with store.session() as s:
        with pytest.raises(ValueError, match="cannot republish itself"):
            add_source(s, "Reuters", "wire", [], "Reuters", "a", "b")
