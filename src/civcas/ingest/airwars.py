"""Airwars incident records (Syria, U.S.-led Coalition) as IncidentRecords.

Airwars' database is the monitor's ledger; its `belligerent_assessments` carry the military's
ledger beside it (CJTF-OIR's verdict, conceded deaths, the strike release Airwars matched).  We
read both, as published: values are never "corrected", only parsed.  Where the data disagrees
with itself (a date two years off its own CJTF-OIR statement) the record keeps its date and the
result carries a warning, so an analyst sees the doubt instead of a silent fix.

Two layouts: the JSONL extraction (one incident per line, full structure) and its flat CSV view
(one coalition assessment per row).  The layout is chosen by content, not by extension.

Geolocation accuracy -> records.GEO_PRECISIONS.  Airwars' labels say how close its point is to
the event; UCDP's codes say how large an area the event may lie in.  Labels seen in the shared
file (with counts, 1,910 incidents): village 559, city 349, neighbourhood_area 305,
exact_location 159, within_100m 136, town 117, street 29, within_1m 18, exact_location_other 9,
subdistrict 8, province_governorate 5, nearby_landmark 5, exact_location_coalition 4, district 2,
missing 205 (41 of them with coordinates: precision stays None, unknown, rather than guessed).
A city's point is its centre and Raqqa or Deir ez-Zor are >10 km across, hence "near" (2); a
village, town or neighbourhood is small enough to be the place itself (1).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from civcas.records import (GRADES, AssessmentRecord, IncidentRecord, SourceRef, VictimRecord)
from civcas.importfiles import ParseError, decode, numbered_rows

GEO_ACCURACY = {
    "within_1m": 1, "within_100m": 1, "exact_location": 1, "exact_location_other": 1,
    "exact_location_coalition": 1, "street": 1, "nearby_landmark": 1, "neighbourhood_area": 1,
    "village": 1, "town": 1,
    "city": 2,
    "subdistrict": 3, "district": 3,
    "province_governorate": 4,
    "country": 5,
}
ASSESSMENT_STATE = {"credible": "credible", "non_credible": "non_credible", "duplicate": "duplicate",
                    "not_yet_assessed": "not_yet_assessed", "open_incident": "under_assessment",
                    "open": "under_assessment", "reopened": "reopened"}
STRIKE_STATUS = {"declared strike": "declared", "likely strike": "alleged",
                 "contested strike": "alleged", "single source claim": "alleged"}
IRAQ_ADMIN1 = {"anbar", "al anbar", "nineveh", "ninawa", "ninewa", "kirkuk", "salah ad din", "baghdad",
               "diyala", "erbil"}
# Airwars spells governorates many ways ("Deir Ezzor", "Deir ez-Zor", "Deir Ez-Zour"); one name each.
ADMIN1_NAMES = {
    "raqqa": "Ar Raqqah", "ar raqqah": "Ar Raqqah", "raqqah": "Ar Raqqah", "ar raqqa": "Ar Raqqah",
    "ara raqqah": "Ar Raqqah", "raqqa governorate": "Ar Raqqah",
    "deir ezzor": "Deir ez-Zor", "deir ez-zor": "Deir ez-Zor", "deir ez-zour": "Deir ez-Zor",
    "al hasakah": "Al-Hasakah", "al-hasakah": "Al-Hasakah", "hasakah": "Al-Hasakah",
    "hassakah": "Al-Hasakah", "al hassaka": "Al-Hasakah", "al hasaka": "Al-Hasakah",
    "hassaka": "Al-Hasakah", "al hassakah": "Al-Hasakah", "al-hassakah": "Al-Hasakah",
    "dara'a": "Daraa", "daraa": "Daraa", "al anbar": "Anbar", "anbar": "Anbar",
}
AR_MONTHS = {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
             "يونيو": 6, "يوليو": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
             "نوفمبر": 11, "ديسمبر": 12,
             # Levantine names, as Syrian outlets write them
             "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
             "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}
EN_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                         "oct", "nov", "dec"), 1)}
WITHHELD = "[withheld"
PRIMARY_CODE = re.compile(r"^N?C[SI]\d+[a-z]?$")


@dataclass
class AirwarsParse:
    incidents: list[IncidentRecord] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)      # records skipped
    warnings: list[ParseError] = field(default_factory=list)    # records kept, with a doubt


def parse_airwars(path: str | Path) -> AirwarsParse:
    path = Path(path)
    name = str(path)
    result = AirwarsParse()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.errors.append(ParseError(name, None, f"cannot read file ({exc.strerror or exc})"))
        return result
    text, problem = decode(raw)
    if text is None:
        result.errors.append(ParseError(name, None, problem or "cannot decode"))
        return result
    if problem:
        result.warnings.append(ParseError(name, None, problem, "warning"))
    first = text.lstrip()[:1]
    items = _jsonl(text, name) if first in ("{", "[") else _csv(text, name)
    for item in items:
        if isinstance(item, IncidentRecord):
            result.incidents.append(item)
        elif item.severity == "warning":
            result.warnings.append(item)
        else:
            result.errors.append(item)
    return result


# --- layouts -----------------------------------------------------------------------------------

def _jsonl(text: str, name: str) -> Iterator[IncidentRecord | ParseError]:
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ParseError(name, line_no, f"not JSON ({exc.msg}; column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield ParseError(name, line_no, f"a JSON {type(obj).__name__}, not an incident object")
            continue
        notes: list[str] = []
        try:
            incident = incident_from_json(obj, f"{name}:{line_no}", notes)
        except (ValueError, TypeError, AttributeError) as exc:
            yield ParseError(name, line_no, str(exc))
            continue
        yield from (ParseError(name, line_no, n, "warning") for n in notes)
        yield incident


def _csv(text: str, name: str) -> Iterator[IncidentRecord | ParseError]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "code" not in reader.fieldnames or "date" not in reader.fieldnames:
        yield ParseError(name, 1, "neither Airwars JSONL nor its CSV (no code/date header)")
        return
    for line_no, row, problem in numbered_rows(reader):
        if problem:
            yield ParseError(name, line_no, problem)
            continue
        if None in row or any(v is None for v in row.values()):
            yield ParseError(name, line_no, "field count differs from the header")
            continue
        notes: list[str] = []
        try:
            incident = incident_from_csv(row, f"{name}:{line_no}", notes)
        except (ValueError, TypeError) as exc:
            yield ParseError(name, line_no, str(exc))
            continue
        yield from (ParseError(name, line_no, n, "warning") for n in notes)
        yield incident


# --- one incident ------------------------------------------------------------------------------

def incident_from_json(d: dict[str, Any], origin: str, notes: list[str]) -> IncidentRecord:
    code, other_codes = split_code(_text(d.get("code")))
    if not code:
        raise ValueError("no incident code")
    day = _iso_date(d.get("date"), "date")
    if day is None:
        raise ValueError(f"{code}: no date")
    end = _iso_date(d.get("date_end"), "date_end")
    previous = [c for c in (_text(p) for p in d.get("previous_codes") or []) if c]
    admin1 = _admin1(d.get("governorate") or d.get("province") or d.get("region"))
    rec = IncidentRecord(
        code=code, previous_codes=[c for c in _unique(other_codes + previous) if c != code], date=day, date_end=end,
        date_precision=_date_precision(d.get("date_type"), day, end), time_of_day=_time_of_day(d, code, notes),
        place_text=_text(d.get("location")), place_text_ar=_text(d.get("location_ar")),
        country=_country(d), admin1=admin1,
        lat=_float(d.get("latitude")), lon=_float(d.get("longitude")),
        belligerent=_text(d.get("belligerent")), grade=_grade(d.get("grading"), code, notes),
        strike_status=STRIKE_STATUS.get((_text(d.get("strike_status")) or "").lower()),
        url=_text(d.get("url")), origin=origin,
    )
    rec.geo_precision = _precision(d.get("geolocation_accuracy"), rec.lat, code, notes)
    for ours, theirs in (("civilians_killed", "civilians_killed"), ("children_killed", "children_killed"),
                         ("women_killed", "women_killed"), ("men_killed", "men_killed"),
                         ("injured", "civilians_injured"), ("militants_killed", "militants_killed")):
        lo, hi = _int(d.get(f"{theirs}_min")), _int(d.get(f"{theirs}_max"))
        if lo is not None and hi is not None and lo > hi:
            notes.append(f"{code}: {theirs} min {lo} > max {hi}; kept as given")
        setattr(rec, f"{ours}_min", lo)
        setattr(rec, f"{ours}_max", hi)
    rec.sources = [source_ref(s, code, notes) for s in d.get("sources") or [] if isinstance(s, dict)]
    rec.victims = [victim(v) for v in d.get("victims") or [] if isinstance(v, dict)]
    rec.assessments = [assessment_from_json(a, code, notes)
                       for a in d.get("belligerent_assessments") or [] if isinstance(a, dict)]
    _check_statement_dates(rec, notes)
    return rec


def incident_from_csv(row: dict[str, str], origin: str, notes: list[str]) -> IncidentRecord:
    code, other_codes = split_code(_text(row.get("code")))
    if not code:
        raise ValueError("no incident code")
    day = _iso_date(row.get("date"), "date")
    if day is None:
        raise ValueError(f"{code}: no date")
    rec = IncidentRecord(
        code=code, previous_codes=other_codes, date=day,
        date_precision=_date_precision(row.get("date_type"), day, None),
        time_of_day=_time_of_day(row, code, notes), place_text=_text(row.get("location")), place_text_ar=_text(row.get("location_ar")),
        country=_country(row), admin1=_admin1(row.get("governorate")),
        lat=_float(row.get("latitude")), lon=_float(row.get("longitude")),
        belligerent=_text(row.get("belligerent")), grade=_grade(row.get("grading"), code, notes),
        url=_text(row.get("url")), origin=origin)
    rec.geo_precision = _precision(row.get("geolocation_accuracy"), rec.lat, code, notes)
    for ours, theirs in (("civilians_killed", "civilians_killed"), ("children_killed", "children_killed"),
                         ("women_killed", "women_killed"), ("injured", "civilians_injured")):
        setattr(rec, f"{ours}_min", _int(row.get(f"{theirs}_min")))
        setattr(rec, f"{ours}_max", _int(row.get(f"{theirs}_max")))
    state = _text(row.get("coalition_assessment"))
    report = _withheld(_text(row.get("strike_report")), code, "strike_report", notes)
    if state or report:
        rec.assessments.append(AssessmentRecord(
            belligerent="coalition", state=_state(state, code, notes),
            deaths_conceded_min=_int(row.get("coalition_conceded_min")),
            deaths_conceded_max=_int(row.get("coalition_conceded_max")),
            strike_report=report, strike_report_url=_text(row.get("strike_report_url"))))
    return rec


def assessment_from_json(a: dict[str, Any], code: str, notes: list[str]) -> AssessmentRecord:
    statements = [s for s in a.get("belligerent_civilian_casualty_statements") or [] if isinstance(s, dict)]
    # Several statements happen when CJTF-OIR revisits an allegation; the latest is its verdict.
    statements.sort(key=lambda s: _text(s.get("statement_date")) or "")
    latest = statements[-1] if statements else {}
    text = _withheld(_text(latest.get("statement")), code, "statement", notes)
    state = _state(_text(a.get("belligerent_assessment")), code, notes)
    return AssessmentRecord(
        belligerent=_text(a.get("belligerent")) or "unknown",
        state=state,
        reason=reason_codes(a.get("belligerent_reason_non_credible")),
        duplicate_of=_duplicate_of(text) if state == "duplicate" else None,
        deaths_conceded_min=_int(a.get("civilian_deaths_conceded_min")),
        deaths_conceded_max=_int(a.get("civilian_deaths_conceded_max")),
        injuries_conceded_min=_int(a.get("civilian_injuries_conceded_min")),
        injuries_conceded_max=_int(a.get("civilian_injuries_conceded_max")),
        statement_date=_compact_date(latest.get("statement_date")),
        statement_text=_clean_text(text),
        statement_url=_text(latest.get("statement_source_url")),
        strike_report=_clean_text(_withheld(_text(a.get("belligerent_strike_report")), code,
                                            "strike report", notes)),
        strike_report_url=_text(a.get("belligerent_strike_report_url")),
        mgrs=re.sub(r"\s+", "", _text(a.get("belligerent_mgrs_coordinate")) or "").upper() or None,
    )


def source_ref(s: dict[str, Any], code: str, notes: list[str]) -> SourceRef:
    raw = _text(s.get("date"))
    day = source_date(raw) if raw else None
    if raw and day is None:
        notes.append(f"{code}: source date {raw!r} not understood; left empty")
    return SourceRef(name=_text(s.get("name")), author=_text(s.get("author")),
                     platform=_text(s.get("language_platform")), url=_text(s.get("url")),
                     archive_url=_text(s.get("archive_url")), date=day)


def victim(v: dict[str, Any]) -> VictimRecord:
    return VictimRecord(name=_text(v.get("name")) or _text(v.get("name_local")),
                        status=_text(v.get("status")), gender=_text(v.get("gender")),
                        age_group=_text(v.get("age_group")), age=_text(v.get("age")),
                        notes=_text(v.get("notes")))


# --- field parsers -----------------------------------------------------------------------------

def split_code(raw: str | None) -> tuple[str | None, list[str]]:
    """"CS232 RS0915" -> ("CS232", ["RS0915"]): an incident shared with another belligerent
    carries both codes; the coalition one (CS/NCS/CI) names it here, the others go along."""
    if not raw:
        return None, []
    tokens = raw.split()
    primary = next((t for t in tokens if PRIMARY_CODE.match(t)), tokens[0])
    return primary, [t for t in tokens if t != primary]


def reason_codes(value: Any) -> list[str]:
    """A list, or the same list serialised: PHP (`a:1:{i:0;s:20:"no_coalition_strikes";}`),
    JSON, or plain comma-separated text.  Empty in any form is []."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if not text:
        return []
    if text.startswith("a:"):
        return re.findall(r's:\d+:"([^"]*)"', text)
    if text.startswith("["):
        try:
            parsed = json.loads(text)
            if isinstance(parsed, list):
                return [str(v).strip() for v in parsed if str(v).strip()]
        except json.JSONDecodeError:
            pass
        text = text.strip("[]")
    return [t.strip(" '\"") for t in re.split(r"[,;|]", text) if t.strip(" '\"")]


def source_date(text: str) -> dt.date | None:
    """Source dates come as "31 ديسمبر 2025", "July 3, 2017", "2017-07-03" or "20170703"."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})\s+(.+?)\s*,?\s+(\d{4})", text)
    if m:
        month = AR_MONTHS.get(m.group(2).strip()) or EN_MONTHS.get(m.group(2).strip()[:3].lower())
        if month:
            return _safe_date(int(m.group(3)), month, int(m.group(1)))
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
    if m and m.group(1)[:3].lower() in EN_MONTHS:
        return _safe_date(int(m.group(3)), EN_MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    return None


STATEMENT_DATE = re.compile(r"^\W*(?:\d+\.\s*)?([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def _check_statement_dates(rec: IncidentRecord, notes: list[str]) -> None:
    """CJTF-OIR statements open with the strike day ("August 2, 2017, near Raqqa ...").  When it is
    more than a week off the record's date, say so: one of the two is wrong, we cannot tell which."""
    for a in rec.assessments:
        m = STATEMENT_DATE.match(a.statement_text or "")
        if not m or m.group(1)[:3].lower() not in EN_MONTHS or rec.date is None:
            continue
        said = _safe_date(int(m.group(3)), EN_MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        if said and abs((said - rec.date).days) > 7:
            notes.append(f"{rec.code}: date {rec.date} but the {a.belligerent} statement says {said}; "
                         "kept the record's date")


def _duplicate_of(text: str | None) -> str | None:
    m = re.search(r"duplicates? of (?:those in )?allegation (\d+)", text or "")
    return f"CJTF-OIR allegation {m.group(1)}" if m else None


def _state(value: str | None, code: str, notes: list[str]) -> str:
    if not value:
        return "not_yet_assessed"
    state = ASSESSMENT_STATE.get(value.strip().lower())
    if state is None:
        notes.append(f"{code}: assessment {value!r} unknown; read as not_yet_assessed")
        return "not_yet_assessed"
    return state


def _grade(value: Any, code: str, notes: list[str]) -> str | None:
    text = (_text(value) or "").lower()
    if not text:
        return None
    named = [g for g in (t.strip() for t in text.split(",")) if g in GRADES]
    if not named:
        notes.append(f"{code}: grading {value!r} is not one of {', '.join(GRADES)}")
        return None
    if len(named) > 1:
        notes.append(f"{code}: grading {value!r} names several grades; kept {named[0]!r}")
    return named[0]


def _precision(label: Any, lat: float | None, code: str, notes: list[str]) -> int | None:
    text = (_text(label) or "").lower()
    if not text or lat is None:
        return None
    if text not in GEO_ACCURACY:
        notes.append(f"{code}: geolocation accuracy {label!r} unknown; precision left empty")
        return None
    return GEO_ACCURACY[text]


def _date_precision(date_type: Any, start: dt.date, end: dt.date | None) -> str | None:
    """A range without its end (the CSV view drops date_end) has an unknown span: None, not "day"."""
    if end is None:
        return None if _text(date_type) == "date_range" else "day"
    if end <= start:
        return "day"
    span = (end - start).days
    return "week" if span <= 7 else "month" if span <= 31 else "year"


def _time_of_day(d: dict[str, Any], code: str, notes: list[str]) -> str | None:
    """Airwars' local time of day: `time_of_day` ("16:00:00" or a period such as "around_dawn"),
    else the span `time_start`..`time_end`.  Clock times become "HH:MM", a span "HH:MM-HH:MM";
    periods are kept as given (lower case).  The CSV view has none of these columns: None."""
    given = _text(d.get("time_of_day"))
    if given:
        clock = _clock(given)
        if clock:
            return clock
        if re.fullmatch(r"[a-z_ ]{3,40}", given.lower()):
            return given.lower().replace(" ", "_")
        notes.append(f"{code}: time_of_day {given!r} is neither a clock time nor a period; ignored")
        return None
    start, end = _text(d.get("time_start")), _text(d.get("time_end"))
    first, last = (_clock(start) if start else None), (_clock(end) if end else None)
    if (start and not first) or (end and not last):
        notes.append(f"{code}: time span {start!r}..{end!r} is not clock times; ignored")
        return None
    if first and last and first != last:
        return f"{first}-{last}"
    return first or last


def _clock(text: str) -> str | None:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _country(d: dict[str, Any]) -> str:
    """The file is Syria's, but a few coalition incidents sit across the border in Anbar or Nineveh."""
    names = {(_text(d.get(k)) or "").lower() for k in ("governorate", "province", "region")} - {""}
    return "Iraq" if names and names <= IRAQ_ADMIN1 else "Syria"


def _admin1(value: Any) -> str | None:
    text = _text(value)
    return ADMIN1_NAMES.get(text.lower(), text) if text else None


def _withheld(value: str | None, code: str, what: str, notes: list[str]) -> str | None:
    if value and value.startswith(WITHHELD):
        notes.append(f"{code}: {what} withheld in this copy")
        return None
    return value


def _iso_date(value: Any, what: str) -> dt.date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"{what} {text!r} is not YYYY-MM-DD") from None


def _compact_date(value: Any) -> dt.date | None:
    text = _text(value)
    return source_date(text) if text else None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def _clean_text(value: str | None) -> str | None:
    return re.sub(r"\r\n?", "\n", value) if value else value


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.0+)?", text):
        return int(float(text))
    raise ValueError(f"count {text!r} is not a whole number")


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"coordinate {value!r} is not a number") from None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


__all__ = ["AirwarsParse", "parse_airwars", "split_code", "reason_codes", "source_date",
           "GEO_ACCURACY"]
