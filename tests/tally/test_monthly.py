"""A scripted month through the real workflow and store reproduces a statement's arithmetic."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.assess.workflow import WorkflowError, load
from civcas.records import IncidentRecord
from civcas.store import repositories as repo
from civcas.store.assessments import LedgerError, apply_transition, events
from civcas.tally.monthly import check_statement, monitor_month, official_month, timeline_flags

D = dt.date
CJTF = "CJTF-OIR"


def step(s, code, target, day, **fields):
    return apply_transition(s, load(), code, CJTF, target,
                            {"actor": "cell:j3", "reason": "scripted month", "effective": day, **fields})


@pytest.fixture
def june(store):
    """Seven allegations received in May (one assessed credible in May), four more in June."""
    with store.session() as s:
        for n in range(1, 12):
            repo.upsert_incident(s, IncidentRecord(code=f"CS{n:04d}", date=D(2017, 5, n), grade="fair",
                                                   civilians_killed_min=n, civilians_killed_max=2 * n),
                                 "test", "fixture")
        for n in range(1, 8):
            step(s, f"CS{n:04d}", "not_yet_assessed", D(2017, 5, 10 + n))
        step(s, "CS0001", "under_assessment", D(2017, 5, 20))
        step(s, "CS0001", "credible", D(2017, 5, 28), deaths_conceded_min=2, deaths_conceded_max=2)
        for n in range(8, 12):
            step(s, f"CS{n:04d}", "not_yet_assessed", D(2017, 6, n))
        for n in range(2, 8):
            step(s, f"CS{n:04d}", "under_assessment", D(2017, 6, 12))
        step(s, "CS0002", "credible", D(2017, 6, 20), deaths_conceded_min=3)
        for n in (3, 4, 5, 6):
            step(s, f"CS{n:04d}", "non_credible", D(2017, 6, 21), reason_code="no_coalition_strikes")
        step(s, "CS0007", "duplicate", D(2017, 6, 22), duplicate_of="CS0002")
        step(s, "CS0001", "reopened", D(2017, 6, 25))
    return store


def test_scripted_month_reproduces_the_statement(june):
    with june.session() as s:
        evs = events(s, CJTF)
    m = official_month(evs, "2017-06")
    assert (m.carried_over, m.new_received, m.reopened) == (6, 4, 1)
    assert (m.completed, m.credible, m.non_credible, m.duplicate) == (6, 1, 4, 1)
    assert m.deaths_in_credible == 3
    assert m.open_end == 6 + 4 + 1 - 6 == 5
    assert m.cumulative_acknowledged == 3  # CS0001's 2 were withdrawn when it was reopened
    assert m.flags == []
    may = official_month(evs, "2017-05")
    assert (may.carried_over, may.new_received, may.completed, may.open_end, may.cumulative_acknowledged) == \
        (0, 7, 1, 6, 2)


def test_refused_transitions_write_nothing(june):
    with pytest.raises(WorkflowError, match="does not allow non_credible -> credible"):
        with june.session() as s:
            step(s, "CS0003", "credible", D(2017, 7, 1), deaths_conceded_min=1)
    with pytest.raises(WorkflowError, match="requires reason_code"):
        with june.session() as s:
            step(s, "CS0008", "under_assessment", D(2017, 7, 1))
            step(s, "CS0008", "non_credible", D(2017, 7, 2))
    with pytest.raises(LedgerError):
        with june.session() as s:
            step(s, "CS9999", "not_yet_assessed", D(2017, 7, 1))
    with june.session() as s:
        assert len(events(s, CJTF)) == 7 + 2 + 4 + 6 + 6 + 1
        trail = repo.audit_trail(s, "assessment", f"CS0008/{CJTF}")
    assert [e["action"] for e in trail] == ["transition:not_yet_assessed"]


def test_inconsistent_statement_is_flagged():
    good = {"carried_over": 180, "new_received": 72, "completed": 132, "credible": 7, "non_credible": 121,
            "duplicate": 4, "open": 120}
    assert check_statement(good) == []
    bad = {**good, "open": 150, "non_credible": 125}
    flags = check_statement(bad)
    assert any("parts do not add up" in f for f in flags)
    assert any("open reports do not follow" in f and "= 120, not 150" in f for f in flags)


def test_monitor_side_by_grade():
    incs = [IncidentRecord(code="a", date=D(2017, 6, 3), grade="fair", civilians_killed_min=4, civilians_killed_max=6),
            IncidentRecord(code="b", date=D(2017, 6, 9), grade="weak", civilians_killed_min=1),
            IncidentRecord(code="c", date=D(2017, 5, 9), grade="fair", civilians_killed_min=10, civilians_killed_max=12)]
    m = monitor_month(incs, "2017-06")
    assert (m.incidents, m.killed_min, m.killed_max) == (2, 5, 7)
    assert m.by_grade["fair"] == {"incidents": 1, "killed_min": 4, "killed_max": 6}
    assert (m.cumulative_killed_min, m.cumulative_killed_max) == (15, 19)


def test_falling_official_figure_is_flagged():
    pts = [{"tally_kind": "official_acknowledged", "asserted_by": "CJTF-OIR", "count_min": v, "as_of": d}
           for v, d in ((603, "2017-07"), (624, "2017-08"), (610, "2017-09"), (817, "2017-12"))]
    flags = timeline_flags(pts)
    assert len(flags) == 1 and "610 after 624" in flags[0]["flag"]


def test_report_formats(june, tmp_path):
    from civcas.publish.render import render_pdf, render_standalone
    from civcas.tally.report import monthly_report

    report = monthly_report(june, "2017-06", "CJTF-OIR", None)
    assert report["official"]["open_end"] == 5
    assert report["gap"]["acknowledged"] == 3
    html = render_standalone("monthly.html", r=report)
    assert "carried over" in html and "<svg" in html
    assert render_pdf("monthly.html", r=report).startswith(b"%PDF")
