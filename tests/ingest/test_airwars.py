"""Airwars incident import: one small fixture per quirk, then the real shared files."""
from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest

from civcas.ingest.airwars import parse_airwars, reason_codes, source_date, split_code
from civcas.records import ASSESSMENT_STATES, GEO_PRECISIONS, GRADES

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def quirks():
    return parse_airwars(FIX / "airwars-quirks.jsonl")


def by_code(result):
    return {i.code: i for i in result.incidents}


def test_malformed_lines_are_errors_with_line_numbers(quirks):
    assert [(e.line, e.message.split()[0]) for e in quirks.errors] == [
        (5, "not"), (6, "a"), (7, "date"), (8, "no")]
    assert all(e.file.endswith("airwars-quirks.jsonl") for e in quirks.errors)
    assert [i.code for i in quirks.incidents] == ["CS9001", "CS9002", "CS9003a", "CS9004", "CS9009"]
    assert quirks.incidents[0].origin.endswith("airwars-quirks.jsonl:1")
    assert quirks.incidents[-1].origin.endswith(":10")          # blank line 9 counted


def test_full_incident(quirks):
    inc = by_code(quirks)["CS9001"]
    assert inc.date == dt.date(2017, 3, 5) and inc.date_precision == "day"
    assert (inc.place_text, inc.place_text_ar) == ("Western farms of Tal Sarrah village", "مزارع تل السرة")
    assert (inc.country, inc.admin1, inc.lat, inc.lon, inc.geo_precision) == ("Syria", "Ar Raqqah", 35.91, 39.12, 1)
    assert (inc.grade, inc.strike_status) == ("fair", "alleged")
    assert (inc.civilians_killed_min, inc.civilians_killed_max, inc.children_killed_max) == (3, 5, 2)
    assert (inc.injured_min, inc.injured_max) == (4, 4)
    # sources: Arabic month names, missing dates, English dates
    assert [s.date for s in inc.sources] == [dt.date(2017, 3, 5), None, dt.date(2017, 3, 6)]
    assert inc.sources[0].platform == "Facebook Arabic" and inc.sources[0].archive_url
    # victims: a name only in Arabic script still names the person
    assert [(v.name, v.status, v.age_group) for v in inc.victims] == [
        ("Khalil", "killed", "adult"), ("سلمى", "injured", "child")]
    (a,) = inc.assessments
    assert (a.belligerent, a.state, a.reason) == ("coalition", "non_credible", ["no_coalition_strikes"])
    assert a.mgrs == "37SEV123456" and a.strike_report.startswith("Near Tal Sarrah, three strikes")
    assert a.statement_date == dt.date(2017, 9, 30) and a.statement_url == "https://example.mil/sept"


def test_shared_code_previous_codes_and_date_disagreement(quirks):
    inc = by_code(quirks)["CS9002"]
    assert inc.previous_codes == ["RS9902", "S901"]             # blank and self-reference dropped
    assert inc.date == dt.date(2019, 5, 1)                       # the record's date is kept ...
    assert any("CS9002" in w.message and "2017-05-01" in w.message for w in quirks.warnings)  # ... and flagged
    (a,) = inc.assessments
    assert a.state == "credible" and (a.deaths_conceded_min, a.deaths_conceded_max) == (2, 3)
    assert a.statement_date == dt.date(2019, 6, 30)               # the latest of two statements
    assert inc.strike_status == "declared" and inc.geo_precision == 2 and inc.grade == "confirmed"
    assert inc.sources[0].date == dt.date(2019, 5, 12)            # Levantine month name


def test_suffix_code_range_serialised_reasons_open_incident(quirks):
    inc = by_code(quirks)["CS9003a"]
    assert inc.date_end == dt.date(2017, 6, 14) and inc.date_precision == "week"
    assert inc.grade == "contested"                               # "Contested, Discounted": first, flagged
    assert any("CS9003a" in w.message and "several grades" in w.message for w in quirks.warnings)
    (a,) = inc.assessments
    assert a.state == "under_assessment" and a.reason == ["insufficient_evidence", "other"]


def test_duplicate_and_other_belligerents(quirks):
    inc = by_code(quirks)["CS9004"]
    russian, coalition = inc.assessments
    assert russian.belligerent == "russian_forces" and russian.reason == []
    assert coalition.state == "duplicate" and coalition.duplicate_of == "CJTF-OIR allegation 4321"
    assert coalition.reason == ["insufficient_information"]
    assert inc.admin1 == "Al-Hasakah"


def test_unknown_labels_warn_but_keep_the_incident(quirks):
    inc = by_code(quirks)["CS9009"]
    assert inc.geo_precision is None and inc.assessments[0].state == "not_yet_assessed"
    assert inc.country == "Iraq"                                  # Nineveh is across the border
    assert sum("CS9009" in w.message for w in quirks.warnings) == 2


@pytest.mark.parametrize("raw,codes", [
    (["a", " b "], ["a", "b"]), ("", []), (None, []), ("[]", []),
    ('a:1:{i:0;s:20:"no_coalition_strikes";}', ["no_coalition_strikes"]),
    ("['other']", ["other"]), ('["x", "y"]', ["x", "y"]), ("x, y", ["x", "y"])])
def test_reason_codes(raw, codes):
    assert reason_codes(raw) == codes


@pytest.mark.parametrize("raw,code,others", [
    ("CS1317a", "CS1317a", []), ("CS232 RS0915", "CS232", ["RS0915"]),
    ("TS477 CS1967", "CS1967", ["TS477"]), ("RS1234", "RS1234", []), ("", None, [])])
def test_split_code(raw, code, others):
    assert split_code(raw) == (code, others)


def test_source_dates():
    assert source_date("31 ديسمبر 2025") == dt.date(2025, 12, 31)
    assert source_date("2 آب 2017") == dt.date(2017, 8, 2)
    assert source_date("20190228") == dt.date(2019, 2, 28)
    assert source_date("Feb. 3, 2016") == dt.date(2016, 2, 3)
    assert source_date("sometime") is None


def test_csv_sibling():
    r = parse_airwars(FIX / "airwars-quirks.csv")
    assert [(e.line, e.message.split()[0]) for e in r.errors] == [(5, "date"), (6, "field")]
    codes = by_code(r)
    assert list(codes) == ["CS9101", "CS9102", "CS9105"]
    quote = codes["CS9101"].assessments[0].strike_report
    assert "\n" in quote and codes["CS9101"].origin.endswith(":2")  # a quoted cell across two lines
    assert codes["CS9102"].origin.endswith(":4")
    assert codes["CS9102"].previous_codes == ["RS9912"]
    a = codes["CS9102"].assessments[0]
    assert (a.state, a.deaths_conceded_min) == ("credible", 1)
    assert codes["CS9105"].assessments[0].state == "under_assessment"
    assert codes["CS9105"].date_precision is None                # a range whose end the CSV dropped


def test_time_of_day_from_jsonl_and_csv(tmp_path):
    """Airwars' local time of day: a clock time, a period, or the span time_start..time_end."""
    import json

    base = {"date": "2015-07-04", "belligerent": "U.S.-led Coalition"}
    rows = [{"code": "CS1", "time_of_day": "16:00:00"}, {"code": "CS2", "time_of_day": "around_dusk"},
            {"code": "CS3", "time_start": "10:00:00", "time_end": "14:00:00"},
            {"code": "CS4", "time_start": "7:00"}, {"code": "CS5"},
            {"code": "CS6", "time_of_day": "25:99"},
            {"code": "CS7", "time_of_day": "01:30:00", "time_start": "00:00:00", "time_end": "05:00:00"}]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({**base, **r}) for r in rows), encoding="utf-8")
    r = parse_airwars(path)
    assert [i.time_of_day for i in r.incidents] == ["16:00", "around_dusk", "10:00-14:00", "07:00", None,
                                                   None, "01:30"]
    assert [w.message for w in r.warnings if "CS6" in w.message]
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("code,date,time_of_day,time_start,time_end\nCS1,2015-07-04,16:00:00,,\n"
                        "CS2,2015-07-04,,19:30:00,19:45:00\nCS3,2015-07-04,,,\n", encoding="utf-8")
    assert [i.time_of_day for i in parse_airwars(csv_path).incidents] == ["16:00", "19:30-19:45", None]
    # The shipped CSV view has no time columns: nothing, and no error.
    assert all(i.time_of_day is None for i in parse_airwars(FIX / "airwars-quirks.csv").incidents)


def test_binary_and_missing_files(tmp_path):
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    r = parse_airwars(junk)
    assert r.incidents == [] and "binary" in r.errors[0].message
    assert parse_airwars(tmp_path / "absent.jsonl").errors[0].line is None


# --- the real shared files ---------------------------------------------------------------------

def _shared(shared_dir, name):
    path = shared_dir / "data" / "airwars-syria" / name
    if not path.exists():
        pytest.skip(f"{name} absent")
    return path


def test_real_jsonl_all_records_parse(shared_dir):
    r = parse_airwars(_shared(shared_dir, "airwars-syria-coalition-incidents.jsonl"))
    assert r.errors == []
    # SOURCE.md: 2,187 coalition incidents, less 274 dated 2016 and 3 held-out records.
    assert len(r.incidents) == 2187 - 274 - 3 == 1910
    assert all(i.grade in GRADES or i.grade is None for i in r.incidents)
    assert all(i.geo_precision in GEO_PRECISIONS or i.geo_precision is None for i in r.incidents)
    assert all(a.state in ASSESSMENT_STATES for i in r.incidents for a in i.assessments)
    assert not any(i.date.year == 2016 for i in r.incidents)
    assert not {"CS1893", "CS1857", "CS1740"} & {i.code for i in r.incidents}

    # The 2014-2019 figures, measured after the withheld removal (SOURCE.md gives n=2,035 before).
    early = [i for i in r.incidents if 2014 <= i.date.year <= 2019]
    assert len(early) == 2035 - 274 - 3 == 1758
    assert collections.Counter(i.grade for i in early) == {
        "fair": 830, "contested": 405, "weak": 243, "confirmed": 177, "discounted": 102, None: 1}
    coalition = [a for i in early for a in i.assessments if a.belligerent == "coalition"]
    assert collections.Counter(a.state for a in coalition) == {
        "non_credible": 1353, "credible": 167, "not_yet_assessed": 157, "under_assessment": 52,
        "duplicate": 6}
    assert sum(i.civilians_killed_min or 0 for i in early) == 7937
    assert sum(i.civilians_killed_max or 0 for i in early) == 13499
    assert sum(1 for i in early if i.lat is not None) == 1685
    assert sum(1 for i in early if any(a.strike_report for a in i.assessments
                                       if a.belligerent == "coalition")) == 1683

    # Local time of day (time_of_day, else time_start..time_end): 253 incidents, 29 of 2014-2015.
    timed = [i for i in r.incidents if i.time_of_day]
    assert len(timed) == 253 and sum(1 for i in timed if i.date.year <= 2015) == 29
    assert not any("time" in w.message for w in r.warnings)
    # Serialised reason strings are read like lists: no raw "a:1:{" survives.
    assert not any(r_.startswith("a:") for i in r.incidents for a in i.assessments for r_ in a.reason)
    # Suffixed and shared codes.
    codes = {i.code: i for i in r.incidents}
    assert codes["CS1317a"].date == dt.date(2019, 8, 2)
    assert any("CS1317a" in w.message and "2017-08-02" in w.message for w in r.warnings)
    assert sum(1 for i in r.incidents if " " in i.code) == 0
    # Source dates (Arabic month names) all understood.
    dated = [s for i in r.incidents for s in i.sources if s.date]
    assert len(dated) == 1040
    assert not any("source date" in w.message for w in r.warnings)


def test_real_csv_agrees_with_jsonl(shared_dir):
    csv_r = parse_airwars(_shared(shared_dir, "airwars-syria-coalition-incidents.csv"))
    json_r = parse_airwars(_shared(shared_dir, "airwars-syria-coalition-incidents.jsonl"))
    assert csv_r.errors == [] and len(csv_r.incidents) == 1910
    from_json = {i.code: i for i in json_r.incidents}
    for inc in csv_r.incidents:
        other = from_json[inc.code]
        assert (inc.date, inc.grade, inc.geo_precision, inc.civilians_killed_max) == (
            other.date, other.grade, other.geo_precision, other.civilians_killed_max)
