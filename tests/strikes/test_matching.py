"""Matching incidents in the store to declared strikes: suggestions, the declared rule, review."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from civcas.records import IncidentRecord, StrikeRecord
from civcas.store import repositories as repo
from civcas.store.schema import AuditEvent, Incident, Strike, StrikeMatch
from civcas.strikes.matching import export_rows, match_incidents, review_match

D = dt.date


def no_locate(name, country):          # every point below carries coordinates
    return None


def release(day, town, lat, lon, n=1, country="Syria"):
    words = {1: "one strike", 2: "two strikes", 4: "four strikes"}[n]
    return StrikeRecord(date=day - dt.timedelta(days=1), release_date=day, country=country, location=town,
                        strikes=n, lat=lat, lon=lon, geo_precision=2, source="CJTF-OIR",
                        text=f"- Near {town}, {words} hit a fighting position and a supply route.")


STRIKES = [
    # CLEAR: one prompt release near the incident, the other line far away
    release(D(2015, 6, 2), "Northtown", 36.0, 39.0, 4),
    release(D(2015, 6, 2), "Farville", 36.0, 41.0, 1),
    # WEAK: two equally plausible lines near the incident
    release(D(2015, 7, 2), "Northtown", 36.0, 39.0, 1),
    release(D(2015, 7, 2), "Midtown", 36.2, 39.2, 1),
    # FAR: the only line is 180 km away
    release(D(2015, 8, 2), "Farville", 36.0, 41.0, 1),
]


def incident(code, day, lat=36.02, lon=39.01, **kw):
    return IncidentRecord(code=code, date=day, lat=lat, lon=lon, geo_precision=1, country="Syria",
                          belligerent="Coalition", place_text="a village", **kw)


INCIDENTS = [incident("CLEAR", D(2015, 6, 1)), incident("WEAK", D(2015, 7, 1)), incident("FAR", D(2015, 8, 1)),
             IncidentRecord(code="NODATE", place_text="somewhere", country="Syria")]


@pytest.fixture
def filled(store):
    with store.session() as s:
        repo.add_strikes(s, STRIKES)
        for rec in INCIDENTS:
            repo.upsert_incident(s, rec, "fixture", "test data")
    return store


def status(store, code):
    with store.session() as s:
        return s.scalar(select(Incident.strike_status).where(Incident.code == code))


def matches(store, code):
    with store.session() as s:
        q = (select(StrikeMatch.rank, Strike.location, StrikeMatch.status, StrikeMatch.score)
             .join(Incident, Incident.id == StrikeMatch.incident_id).join(Strike, Strike.id == StrikeMatch.strike_id)
             .where(Incident.code == code).order_by(StrikeMatch.rank, StrikeMatch.id))
        return [tuple(r) for r in s.execute(q)]


def strike_id(store, town, day):
    with store.session() as s:
        return s.scalar(select(Strike.id).where(Strike.location == town, Strike.release_date == day))


def status_events(store, code):
    with store.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.entity == "incident", AuditEvent.entity_id == code,
                                                       AuditEvent.action == "strike_status").order_by(AuditEvent.id)))


def test_ranked_suggestions_and_only_the_clear_match_is_declared(filled):
    report = match_incidents(filled, locate=no_locate)
    assert (report.incidents, report.skipped, report.with_candidates) == (3, 1, 3)
    assert report.declared == ["CLEAR"] and report.reverted == []
    assert status(filled, "CLEAR") == "declared"
    assert [m[:3] for m in matches(filled, "CLEAR")] == [(1, "Northtown", "suggested"), (2, "Farville", "suggested")]
    # Two equally good lines: both suggested, neither confirmed.
    assert status(filled, "WEAK") == "alleged"
    assert {m[1] for m in matches(filled, "WEAK")} == {"Northtown", "Midtown"}
    # A lone but distant line is suggested and not trusted.
    assert status(filled, "FAR") == "alleged" and [m[1] for m in matches(filled, "FAR")] == ["Farville"]
    [event] = status_events(filled, "CLEAR")
    assert event.actor == "matcher" and event.after["strike_status"] == "declared"
    assert "score" in event.reason and "margin" in event.reason and "Northtown" in event.reason


def test_a_second_run_changes_nothing(filled):
    match_incidents(filled, locate=no_locate)
    with filled.session() as s:
        before = [(m.id, m.incident_id, m.strike_id, m.rank, m.score, m.status, m.features)
                  for m in s.scalars(select(StrikeMatch).order_by(StrikeMatch.id))]
        events = s.scalar(select(func.count(AuditEvent.id)))
    again = match_incidents(filled, locate=no_locate)
    assert (again.suggestions_changed, again.declared, again.reverted) == (0, [], [])
    with filled.session() as s:
        after = [(m.id, m.incident_id, m.strike_id, m.rank, m.score, m.status, m.features)
                 for m in s.scalars(select(StrikeMatch).order_by(StrikeMatch.id))]
        assert s.scalar(select(func.count(AuditEvent.id))) == events
    assert after == before


def test_top_limits_the_suggestions_and_codes_the_incidents(filled):
    report = match_incidents(filled, codes=["CLEAR", "FAR"], top=1, locate=no_locate)
    assert report.incidents == 2
    assert len(matches(filled, "CLEAR")) == 1 and matches(filled, "WEAK") == []


def test_review_confirms_and_the_matcher_keeps_reviews(filled):
    match_incidents(filled, locate=no_locate)
    mid = strike_id(filled, "Midtown", D(2015, 7, 2))
    out = review_match(filled, "WEAK", mid, True, "analyst1", "the video shows the Midtown bridge")
    assert out["status"] == "confirmed" and out["strike_status"] == "declared"
    assert status(filled, "WEAK") == "declared"
    far = strike_id(filled, "Farville", D(2015, 8, 2))
    review_match(filled, "FAR", far, False, "analyst1", "wrong side of the river")
    report = match_incidents(filled, locate=no_locate)
    assert "WEAK" not in report.reverted
    assert ("Midtown", "confirmed") in [m[1:3] for m in matches(filled, "WEAK")]
    assert [m[1:3] for m in matches(filled, "FAR")] == [("Farville", "rejected")]   # not suggested again
    with filled.session() as s:
        reviews = list(s.scalars(select(AuditEvent).where(AuditEvent.entity == "strike_match")
                                 .order_by(AuditEvent.id)))
    assert [(e.action, e.actor, e.after["status"]) for e in reviews] == [
        ("confirm", "analyst1", "confirmed"), ("reject", "analyst1", "rejected")]
    assert reviews[0].reason == "the video shows the Midtown bridge"
    with pytest.raises(ValueError):
        review_match(filled, "WEAK", mid, True, "analyst1", "")
    with pytest.raises(LookupError):
        review_match(filled, "NOPE", mid, True, "analyst1", "x")


def test_rejecting_the_confirmed_match_makes_the_incident_alleged_again(filled):
    match_incidents(filled, locate=no_locate)
    north = strike_id(filled, "Northtown", D(2015, 7, 2))
    review_match(filled, "WEAK", north, True, "analyst1", "matches the witness")
    review_match(filled, "WEAK", north, False, "analyst2", "witness meant another day")
    assert status(filled, "WEAK") == "alleged"
    assert [e.after["strike_status"] for e in status_events(filled, "WEAK")] == ["declared", "alleged"]


def test_rejecting_the_matchers_call_leaves_the_incident_to_the_analyst(filled):
    match_incidents(filled, locate=no_locate)
    north = strike_id(filled, "Northtown", D(2015, 6, 2))
    review_match(filled, "CLEAR", north, False, "analyst1", "the strike hit the other bank")
    assert status(filled, "CLEAR") == "alleged"
    report = match_incidents(filled, locate=no_locate)
    assert "CLEAR" not in report.declared and status(filled, "CLEAR") == "alleged"
    assert [m[1:3] for m in matches(filled, "CLEAR")] == [("Northtown", "rejected"), ("Farville", "suggested")]


def test_a_new_rival_strike_undoes_the_matchers_own_declaration(filled):
    match_incidents(filled, locate=no_locate)
    assert status(filled, "CLEAR") == "declared"
    with filled.session() as s:
        repo.add_strikes(s, [release(D(2015, 6, 2), "Midtown", 36.2, 39.2, 4)])
    report = match_incidents(filled, locate=no_locate)
    assert report.reverted == ["CLEAR"] and status(filled, "CLEAR") == "alleged"
    assert "no longer unambiguous" in status_events(filled, "CLEAR")[-1].reason


def test_a_monitors_declared_incident_is_never_downgraded(store):
    with store.session() as s:
        repo.add_strikes(s, STRIKES)
        repo.upsert_incident(s, incident("MON", D(2015, 8, 1), strike_status="declared"), "fixture", "import")
    match_incidents(store, locate=no_locate)
    assert status(store, "MON") == "declared" and status_events(store, "MON") == []


def test_export_rows(filled):
    match_incidents(filled, locate=no_locate)
    rows = export_rows(filled)
    assert [r["incident_code"] for r in rows] == ["CLEAR", "CLEAR", "FAR", "WEAK", "WEAK"]
    first = rows[0]
    assert first["rank"] == 1 and isinstance(first["score"], float)
    assert first["strike"]["date"] == "2015-06-01" and first["strike"]["location"] == "Northtown"
    assert first["strike"]["country"] == "Syria" and first["strike"]["text"].startswith("- Near Northtown, four")


def test_thousands_by_thousands_in_seconds(sqlite_store):
    base = D(2015, 1, 1)
    towns = [(35.0 + (k % 20) * 0.1, 38.0 + (k // 20) * 0.1) for k in range(200)]
    strikes = [release(base + dt.timedelta(days=k % 700), f"T{k % 200}", *towns[k % 200], 1) for k in range(5000)]
    for k, st in enumerate(strikes):
        st.text = f"{st.text} #{k}"
    now = dt.datetime.now(dt.timezone.utc)
    with sqlite_store.session() as s:
        repo.add_strikes(s, strikes)
        s.add_all([Incident(code=f"X{k}", date=base + dt.timedelta(days=k % 700), lat=towns[k % 200][0] + 0.05,
                            lon=towns[k % 200][1], geo_precision=1, country="Syria", strike_status="alleged",
                            created_at=now, updated_at=now, previous_codes=[], sources=[], victims=[])
                   for k in range(3000)])
    report = match_incidents(sqlite_store, locate=no_locate)
    assert report.incidents == 3000 and report.with_candidates == 3000
    assert report.seconds < 30, report.seconds


def test_real_ledgers_end_to_end(shared_dir, sqlite_store):
    """Airwars' 2014-2015 coalition incidents against the CENTCOM scrape, through the store."""
    import csv
    import re
    from collections import defaultdict

    from civcas.ingest.airwars import parse_airwars
    from civcas.ingest.monitor import import_airwars
    from civcas.places.cli import load_gazetteer
    from civcas.strikes.load import import_strikes

    data = shared_dir / "data"
    incidents = data / "airwars-syria" / "airwars-syria-coalition-incidents.jsonl"
    gold_csv = data / "airwars-syria" / "airwars-centcom-strike-line-matches.csv"
    if not (incidents.exists() and gold_csv.exists()):
        pytest.skip("Airwars files absent")
    import_airwars(sqlite_store, incidents)
    import_strikes(sqlite_store, [data / "centcom-strike-releases" / "all.csv"], load_gazetteer(sqlite_store.engine))
    report = match_incidents(sqlite_store)
    assert report.seconds < 20 and report.with_candidates > 100
    again = match_incidents(sqlite_store)
    assert (again.suggestions_changed, again.declared, again.reverted) == (0, [], [])

    def norm(t):
        return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()

    gold = defaultdict(set)
    with open(gold_csv, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            released = dt.datetime.strptime(row["centcom_release_date"], "%m/%d/%Y").date().isoformat()
            gold[row["airwars_code"].split()[0]].add((released, norm(row["centcom_line"])))
    best: dict[str, int] = {}
    top: dict[str, bool] = {}
    for r in export_rows(sqlite_store):
        hit = (r["strike"]["release_date"], norm(r["strike"]["text"] or "")) in gold.get(r["incident_code"], ())
        if r["rank"] == 1:
            top[r["incident_code"]] = hit
        if hit:
            best[r["incident_code"]] = min(best.get(r["incident_code"], 99), r["rank"])
    n = len(gold)
    assert n == 70
    assert sum(v == 1 for v in best.values()) / n >= 0.80            # reached: 0.829
    assert sum(v <= 3 for v in best.values()) / n >= 0.92            # reached: 0.943
    declared = set(report.declared)
    assert declared and all(top[c] for c in declared & set(gold))    # the matcher's own calls are right
    rejected = {i.code for i in parse_airwars(incidents).incidents
                if any("no_coalition_strikes" in (a.reason or []) for a in i.assessments)}
    with_cands = {r["incident_code"] for r in export_rows(sqlite_store)}
    assert len(declared & rejected) <= 0.1 * len(rejected & with_cands)   # reached: 3 of 70
