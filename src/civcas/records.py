"""Plain typed records that the pipeline stages pass to each other and to the store.

Stages never reach into each other's internals or into ORM rows: the store turns rows into these
records and back.  Keeping them plain dataclasses means an extractor, a geocoder or an importer
can be tested without a database, and their output can be printed as JSON as it is.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

CLAIM_TYPES = ("incident", "tally", "strike_count", "assessment_stats", "ratio")
DATE_PRECISIONS = ("day", "week", "month", "year")
QUALIFIERS = ("exact", "at_least", "more_than", "up_to", "fewer_than", "about", "between", "dozens",
              "hundreds", "several", "unknown")
TALLY_KINDS = ("official_acknowledged", "independent_estimate", "other")
ASSESSMENT_FIELDS = ("completed", "credible", "non_credible", "duplicate", "open", "carried_over",
                     "new_received", "historical_referred", "deaths_in_credible", "reopened", "received")
# UCDP-style geocode precision: 1 exact place, 2 within ~25 km, 3 district, 4 governorate, 5 country.
GEO_PRECISIONS = {1: "exact", 2: "near", 3: "district", 4: "governorate", 5: "country"}
SOURCE_KINDS = ("media", "wire", "ngo_monitor", "official_military", "un", "social_media", "witness",
                "other")
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
ASSESSMENT_STATES = ("not_yet_assessed", "under_assessment", "credible", "non_credible", "duplicate",
                     "reopened")
LINK_STATUSES = ("suggested", "confirmed", "rejected")
STRIKE_STATUSES = ("declared", "alleged")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


class Record:
    """Mixin: a record prints as a JSON-ready dict, dates as ISO strings."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


@dataclass
class Geocode(Record):
    """Where a place text points, and how sure we may be of it; never more precise than the text."""

    query: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: int | None = None          # key of GEO_PRECISIONS
    place_id: int | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None             # why nothing fits, when nothing does


@dataclass
class ClaimRecord(Record):
    """One thing a document asserts, with the exact quote it rests on.

    `span` is [start, end) into the document's plain text, and `quote == text[start:end]` always.
    Numbers are kept as the text gives them: `victims` says who was counted ("civilians",
    "people", "non-combatants") so that nobody silently turns people into civilians.
    """

    type: str
    quote: str
    span: tuple[int, int]
    asserted_by: str | None = None
    count_min: int | None = None
    count_max: int | None = None
    qualifier: str | None = None
    victims: str | None = None            # who is counted, as written
    counted: str | None = None            # what: "killed", "killed or wounded", "strikes", ...
    children_min: int | None = None
    children_max: int | None = None
    women_min: int | None = None
    women_max: int | None = None
    men_min: int | None = None
    men_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    tally_kind: str | None = None
    scope: str | None = None
    period_start: dt.date | None = None
    as_of: dt.date | None = None
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    date_precision: str | None = None
    place_text: str | None = None
    country: str | None = None
    belligerent: str | None = None
    strike_type: str | None = None
    strikes: int | None = None
    incidents_count: int | None = None
    assessment: dict[str, int] | None = None
    historical_referred_by: str | None = None
    ratio: dict[str, Any] | None = None
    flags: list[str] = field(default_factory=list)
    rule: str | None = None
    geocode: Geocode | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["geocode"] = self.geocode.to_dict() if self.geocode else None
        return d


@dataclass
class DocumentRecord(Record):
    """An ingested report.  The raw bytes are immutable; `text` is what claims' spans point into."""

    sha256: str
    text: str
    raw: bytes = b""
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    language: str | None = None
    published: dt.date | None = None
    retrieved_at: dt.datetime | None = None
    origin: str | None = None             # path or URL it was read from
    media_type: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.pop("raw", None)
        return d


@dataclass
class StrikeRecord(Record):
    """A strike a military declared, as its release states it."""

    date: dt.date
    country: str | None = None
    location: str | None = None           # the release's "near X"
    strikes: int | None = None
    targets: str | None = None
    text: str | None = None               # the release's own sentence
    release_date: dt.date | None = None
    source: str | None = None             # who released it: "CJTF-OIR", "NL MoD"
    origin: str | None = None             # file and line it came from
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    mgrs: str | None = None
    time_utc: str | None = None
    id: int | None = None


@dataclass
class AssessmentRecord(Record):
    """A belligerent's verdict on an incident: the other ledger."""

    belligerent: str
    state: str = "not_yet_assessed"       # one of ASSESSMENT_STATES
    reason: list[str] = field(default_factory=list)   # reason codes for non_credible
    duplicate_of: str | None = None       # incident code
    deaths_conceded_min: int | None = None
    deaths_conceded_max: int | None = None
    injuries_conceded_min: int | None = None
    injuries_conceded_max: int | None = None
    statement_date: dt.date | None = None
    statement_text: str | None = None
    statement_url: str | None = None
    strike_report: str | None = None      # the release sentence the monitor matched
    strike_report_url: str | None = None
    mgrs: str | None = None


@dataclass
class SourceRef(Record):
    """One source a monitor cites for an incident."""

    name: str | None = None
    author: str | None = None
    platform: str | None = None
    url: str | None = None
    archive_url: str | None = None
    date: dt.date | None = None


@dataclass
class VictimRecord(Record):
    """A named or described victim.  Names are sensitive but public in monitors' records."""

    name: str | None = None
    status: str | None = None             # killed / injured
    gender: str | None = None
    age_group: str | None = None
    age: str | None = None
    notes: str | None = None


@dataclass
class IncidentRecord(Record):
    """An event one or more claims describe, as a monitor publishes it."""

    code: str | None = None
    previous_codes: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    # Local time of day as the monitor gives it: "16:00", a span "10:00-14:00", or a period
    # ("around_dawn", "during_the_night", ...); None when unknown (most incidents).
    time_of_day: str | None = None
    place_text: str | None = None
    place_text_ar: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    belligerent: str | None = None
    grade: str | None = None              # one of GRADES
    strike_status: str | None = None      # declared / alleged
    civilians_killed_min: int | None = None
    civilians_killed_max: int | None = None
    children_killed_min: int | None = None
    children_killed_max: int | None = None
    women_killed_min: int | None = None
    women_killed_max: int | None = None
    men_killed_min: int | None = None
    men_killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    militants_killed_min: int | None = None
    militants_killed_max: int | None = None
    url: str | None = None
    origin: str | None = None             # file:line it was read from
    sources: list[SourceRef] = field(default_factory=list)
    victims: list[VictimRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["sources"] = [s.to_dict() for s in self.sources]
        d["victims"] = [v.to_dict() for v in self.victims]
        d["assessments"] = [a.to_dict() for a in self.assessments]
        return d


@dataclass
class AssessmentEventRecord(Record):
    """One dated step of an allegation through the official workflow."""

    incident_code: str
    belligerent: str
    from_state: str | None
    to_state: str
    effective: dt.date
    actor: str = ""
    reason: str = ""
    deaths_conceded_min: int | None = None
    deaths_conceded_max: int | None = None
