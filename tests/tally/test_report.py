"""The report's rates and the published-record checks, from a store built by hand."""
from __future__ import annotations

import datetime as dt
import hashlib

from civcas.records import ClaimRecord, DocumentRecord, IncidentRecord, StrikeRecord
from civcas.store import repositories as repo
from civcas.tally.report import monthly_report, tally_timeline

D = dt.date
TEXT = ("The task force said it completed 20 assessments in May: 15 non-credible, 3 credible and "
        "1 duplicate. It now acknowledges 30 civilian deaths, down from 35 a month earlier.")


def test_rates_by_country_and_statement_checks(sqlite_store):
    s_ = sqlite_store
    with s_.session() as s:
        repo.add_strikes(s, [StrikeRecord(date=D(2017, 5, d), country="Syria", strikes=5, origin=f"r:{d}")
                             for d in (1, 2)] +
                         [StrikeRecord(date=D(2017, 5, 3), country="Iraq", strikes=40, origin="r:3")])
        for n, country in enumerate(["Syria", "Syria", "Iraq"]):
            repo.upsert_incident(s, IncidentRecord(code=f"I{n}", date=D(2017, 5, 10 + n), country=country,
                                                   belligerent="Coalition", civilians_killed_min=1),
                                 "t", "fixture")
        stats = TEXT[:TEXT.index(" It now")]
        t1 = TEXT.index("acknowledges 30")
        t2 = TEXT.index("35 a month")
        raw = TEXT.encode()
        repo.add_document(s, DocumentRecord(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=TEXT,
                                            published=D(2017, 6, 1)), [
            ClaimRecord(type="assessment_stats", quote=stats, span=(0, len(stats)), asserted_by="task force",
                        assessment={"completed": 20, "non_credible": 15, "credible": 3, "duplicate": 1}),
            ClaimRecord(type="tally", quote=TEXT[t1:t1 + 15], span=(t1, t1 + 15), asserted_by="CJTF-OIR",
                        tally_kind="official_acknowledged", count_min=30, as_of=D(2017, 6, 1)),
            ClaimRecord(type="tally", quote=TEXT[t2:t2 + 11], span=(t2, t2 + 11), asserted_by="CJTF-OIR",
                        tally_kind="official_acknowledged", count_min=35, as_of=D(2017, 5, 1)),
        ])
    report = monthly_report(sqlite_store, "2017-05")
    assert report["rates"] == [
        {"country": "Iraq", "declared_strikes": 40, "incidents_with_civilian_harm": 1, "incidents_per_100_strikes": 2.5},
        {"country": "Syria", "declared_strikes": 10, "incidents_with_civilian_harm": 2, "incidents_per_100_strikes": 20.0}]
    timeline = tally_timeline(sqlite_store)
    assert [p["count_min"] for p in timeline["points"]] == [35, 30]
    assert "30 after 35" in timeline["falling"][0]["flag"]
    (statement,) = timeline["statements"]
    assert "parts do not add up" in statement["flags"][0] and statement["quote"].startswith("The task force")
