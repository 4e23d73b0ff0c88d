"""A monitor's records land as incidents with their assessments, once, and bad records are named."""
from __future__ import annotations

import json
from pathlib import Path

from civcas.demo import MONITOR
from civcas.ingest.monitor import import_airwars
from civcas.store import repositories as repo
from civcas.store.assessments import events


def test_demo_records_import_once_with_history(store, tmp_path):
    src = MONITOR / "incidents.jsonl"
    lines = src.read_text().splitlines()
    bad = json.loads(lines[0])
    bad.update(code="CSD99", women_killed_min=5, women_killed_max=2)
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines + [json.dumps(bad), "{not json"]) + "\n")
    first = import_airwars(store, path)
    assert first.created == 3
    assert any(":4:" in e and "women killed" in e for e in first.errors)
    assert any(":5:" in e for e in first.errors)
    again = import_airwars(store, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    with store.session() as s:
        tokhar = repo.get_incident(s, "CSD02")
        assert tokhar.grade == "confirmed" and tokhar.civilians_killed_max == 125
        (a,) = repo.incident_assessments(s, tokhar.id)
        assert a["state"] == "credible" and a["deaths_conceded_min"] == 24
        evs = [e for e in events(s, "CJTF-OIR") if e.incident_code == "CSD02"]
    assert [(e.to_state, str(e.effective)) for e in evs] == [("not_yet_assessed", "2016-07-19"),
                                                             ("credible", "2017-04-14")]


def test_real_airwars_records(sqlite_store, shared_dir):
    path = shared_dir / "data" / "airwars-syria" / "airwars-syria-coalition-incidents.jsonl"
    result = import_airwars(sqlite_store, path)
    assert result.created > 1800
    assert all(Path(path).name in e for e in result.errors)
    with sqlite_store.session() as s:
        assert repo.counts(s)["incidents"] == result.created
    assert import_airwars(sqlite_store, path).created == 0
