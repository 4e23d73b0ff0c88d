"""A referral batch goes out, the military's answers come back, matched to the incidents."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from civcas.assess.referrals import export_referrals, import_answers, render_referrals
from civcas.records import IncidentRecord
from civcas.store import repositories as repo
from civcas.store.assessments import events
from civcas.tally.monthly import official_month

D = dt.date


def seed(store, n=5):
    with store.session() as s:
        for i in range(1, n + 1):
            repo.upsert_incident(s, IncidentRecord(code=f"R{i:03d}", date=D(2017, 3, i), grade="fair",
                                                   place_text=f"Village {i}", civilians_killed_min=i),
                                 "test", "fixture")


def test_referral_round_trip(store, tmp_path):
    seed(store)
    rows = export_referrals(store, "CJTF-OIR", limit=4, batch="B1", actor="monitor:amal", today=D(2017, 6, 2))
    assert [r["incident_code"] for r in rows] == ["R001", "R002", "R003", "R004"]
    assert list(csv.DictReader(io.StringIO(render_referrals(rows, "csv"))))[0]["referral"] == "B1-001"
    assert export_referrals(store, "CJTF-OIR", limit=4, batch="B2", actor="x", today=D(2017, 6, 3))[0][
        "incident_code"] == "R005"  # already-referred incidents are not sent again
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"answers": [
        {"incident_code": "R001", "assessment": "credible", "deaths_conceded": 2, "statement_date": "2017-06-20"},
        {"incident_code": "R002", "assessment": "non_credible", "reason_code": "no_coalition_strikes",
         "statement_date": "2017-06-20"},
        {"incident_code": "R003", "assessment": "non_credible", "statement_date": "2017-06-20"},
        {"incident_code": "R004", "assessment": "duplicate", "duplicate_of": "R001", "statement_date": "2017-06-21"},
        {"incident_code": "X999", "assessment": "credible", "deaths_conceded": 1, "statement_date": "2017-06-20"},
    ]}))
    result = import_answers(store, answers, "Coalition", "cell:import")
    assert result.applied == 3
    assert result.unknown == ["answers.json:5: unknown incident X999"]
    assert len(result.refused) == 1 and "R003" in result.refused[0] and "requires reason_code" in result.refused[0]
    with store.session() as s:
        evs = events(s, "CJTF-OIR")
        r003 = repo.incident_assessments(s, repo.get_incident(s, "R003").id)
    assert r003[0]["state"] == "not_yet_assessed"   # the refused answer left nothing half-applied
    june = official_month(evs, "2017-06")
    assert (june.new_received, june.completed, june.credible, june.non_credible, june.duplicate,
            june.deaths_in_credible, june.open_end) == (5, 3, 1, 1, 1, 2, 2)


def test_csv_answers(sqlite_store, tmp_path):
    seed(sqlite_store, 2)
    f = tmp_path / "answers.csv"
    f.write_text("incident_code,assessment,deaths_conceded,reason_code,statement_date\n"
                 "R001,credible,3,,2017-07-01\nR002,non_credible,,insufficient_information,2017-07-01\n")
    assert import_answers(sqlite_store, f, "CJTF-OIR", "cell").applied == 2
