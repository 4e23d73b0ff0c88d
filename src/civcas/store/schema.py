"""The one relational schema of civcas (SQLAlchemy 2 declarative).

Raw documents are immutable; judgements (links, grades, assessments, matches) live in their own
tables and every change to them is written to `audit_events`.  Constraints that the domain knows
(max >= min, counts >= 0, closed vocabularies) live here, in the database, not only in Python.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON, BigInteger, Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer,
    LargeBinary, MetaData, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from civcas import records

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets a true 64-bit key.
BigId = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def one_of(column: str, values: tuple[str, ...], nullable: bool = True) -> str:
    allowed = ", ".join(f"'{v}'" for v in values)
    check = f"{column} IN ({allowed})"
    return f"{column} IS NULL OR {check}" if nullable else check


def range_checks(prefix: str) -> list[CheckConstraint]:
    lo, hi = f"{prefix}_min", f"{prefix}_max"
    return [
        CheckConstraint(f"{lo} IS NULL OR {lo} >= 0", name=f"{lo}_nonneg"),
        CheckConstraint(f"{hi} IS NULL OR {hi} >= 0", name=f"{hi}_nonneg"),
        CheckConstraint(f"{lo} IS NULL OR {hi} IS NULL OR {hi} >= {lo}", name=f"{prefix}_ordered"),
    ]


# --------------------------------------------------------------------------- places (gazetteer)
class Place(Base):
    """A named place from a gazetteer (GeoNames, the bundled default, or a monitor's own records)."""

    __tablename__ = "places"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    geonames_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # country, governorate, district, ..., village
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(100))
    admin2: Mapped[str | None] = mapped_column(String(100))
    population: Mapped[int | None] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(100))  # where the record came from
    __table_args__ = (
        CheckConstraint(one_of("kind", ("country", "governorate", "district", "subdistrict", "city",
                                        "town", "village", "neighbourhood", "other"), nullable=False),
                        name="kind_known"),
        CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coords_valid"),
    )


class PlaceName(Base):
    """One spelling of a place (English, Arabic, transliteration), with its normalised key."""

    __tablename__ = "place_names"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    # consonant skeleton (civcas.places.normalize.skeleton): where Latin and Arabic spellings meet
    skeleton: Mapped[str | None] = mapped_column(String(300), index=True)
    language: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(100))


# --------------------------------------------------------------------------- sources
class Source(Base):
    """An organisation or outlet that asserts things.  `parent_id` records that a source republishes
    another (a wire's reprint), so that grading counts independent sources, not copies."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    aliases: Mapped[list["SourceAlias"]] = relationship(back_populates="source",
                                                        cascade="all, delete-orphan")
    __table_args__ = (CheckConstraint(one_of("kind", records.SOURCE_KINDS, nullable=False),
                                      name="kind_known"),)


class SourceAlias(Base):
    __tablename__ = "source_aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)  # normalised alias
    source: Mapped[Source] = relationship(back_populates="aliases")


# --------------------------------------------------------------------------- documents and claims
class Document(Base):
    """One ingested report.  Immutable: nothing updates a document row after it is written."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher: Mapped[str | None] = mapped_column(String(300))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    language: Mapped[str | None] = mapped_column(String(10))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    retrieved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str | None] = mapped_column(String(2000))
    media_type: Mapped[str | None] = mapped_column(String(100))
    claims: Mapped[list["Claim"]] = relationship(back_populates="document",
                                                 order_by="Claim.span_start")


class Claim(Base):
    """One thing a document asserts; its quote is always document.text[span_start:span_end]."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    type: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    asserted_by: Mapped[str | None] = mapped_column(String(300))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    count_min: Mapped[int | None] = mapped_column(Integer)
    count_max: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(20))
    victims: Mapped[str | None] = mapped_column(String(100))
    counted: Mapped[str | None] = mapped_column(String(200))
    children_min: Mapped[int | None] = mapped_column(Integer)
    children_max: Mapped[int | None] = mapped_column(Integer)
    women_min: Mapped[int | None] = mapped_column(Integer)
    women_max: Mapped[int | None] = mapped_column(Integer)
    men_min: Mapped[int | None] = mapped_column(Integer)
    men_max: Mapped[int | None] = mapped_column(Integer)
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    tally_kind: Mapped[str | None] = mapped_column(String(30))
    scope: Mapped[str | None] = mapped_column(String(300))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event_date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    place_text: Mapped[str | None] = mapped_column(String(500))
    country: Mapped[str | None] = mapped_column(String(100))
    belligerent: Mapped[str | None] = mapped_column(String(200))
    strike_type: Mapped[str | None] = mapped_column(String(30))
    strikes: Mapped[int | None] = mapped_column(Integer)
    incidents_count: Mapped[int | None] = mapped_column(Integer)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    historical_referred_by: Mapped[str | None] = mapped_column(String(300))
    ratio: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rule: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    geocode: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    document: Mapped[Document] = relationship(back_populates="claims")
    __table_args__ = (
        CheckConstraint(one_of("type", records.CLAIM_TYPES, nullable=False), name="type_known"),
        CheckConstraint("span_start >= 0 AND span_end >= span_start", name="span_valid"),
        CheckConstraint(one_of("qualifier", records.QUALIFIERS), name="qualifier_known"),
        CheckConstraint(one_of("tally_kind", records.TALLY_KINDS), name="tally_kind_known"),
        CheckConstraint(one_of("date_precision", records.DATE_PRECISIONS), name="date_precision_known"),
        CheckConstraint("geo_precision IS NULL OR geo_precision BETWEEN 1 AND 5", name="geo_precision_known"),
        *range_checks("count"), *range_checks("children"), *range_checks("women"),
        *range_checks("men"), *range_checks("injured"),
        Index("ix_claims_type_date", "type", "event_date"),
    )


# --------------------------------------------------------------------------- incidents
class Incident(Base):
    """The event that one or more claims describe.  `code` is public and stable (CS0001...)."""

    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    previous_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    time_of_day: Mapped[str | None] = mapped_column(String(40))  # local: "16:00", "10:00-14:00", "around_dawn"
    place_text: Mapped[str | None] = mapped_column(String(500))
    place_text_ar: Mapped[str | None] = mapped_column(String(500))
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    admin1: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    belligerent: Mapped[str | None] = mapped_column(String(200), index=True)
    grade: Mapped[str | None] = mapped_column(String(20), index=True)
    grade_reason: Mapped[str | None] = mapped_column(Text)
    grade_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    # What an analyst recorded that the grading rules read: evidence kinds (named_victims, photos,
    # video, witness_testimony, munition_remnants, satellite_imagery) and a finding that discounts
    # the incident ("combatants" killed, or an "other_party" most likely responsible).
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    discount: Mapped[str | None] = mapped_column(String(20))
    strike_status: Mapped[str] = mapped_column(String(10), default="alleged")
    civilians_killed_min: Mapped[int | None] = mapped_column(Integer)
    civilians_killed_max: Mapped[int | None] = mapped_column(Integer)
    children_killed_min: Mapped[int | None] = mapped_column(Integer)
    children_killed_max: Mapped[int | None] = mapped_column(Integer)
    women_killed_min: Mapped[int | None] = mapped_column(Integer)
    women_killed_max: Mapped[int | None] = mapped_column(Integer)
    men_killed_min: Mapped[int | None] = mapped_column(Integer)
    men_killed_max: Mapped[int | None] = mapped_column(Integer)
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    militants_killed_min: Mapped[int | None] = mapped_column(Integer)
    militants_killed_max: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str | None] = mapped_column(String(2000))
    origin: Mapped[str | None] = mapped_column(String(2000))
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)  # a monitor's cited sources
    victims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    analyst_notes: Mapped[str | None] = mapped_column(Text)  # restricted: never public
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint(one_of("grade", records.GRADES), name="grade_known"),
        CheckConstraint(one_of("discount", ("combatants", "other_party")), name="discount_known"),
        CheckConstraint(one_of("strike_status", records.STRIKE_STATUSES, nullable=False),
                        name="strike_status_known"),
        CheckConstraint(one_of("date_precision", records.DATE_PRECISIONS), name="date_precision_known"),
        CheckConstraint("geo_precision IS NULL OR geo_precision BETWEEN 1 AND 5", name="geo_precision_known"),
        *range_checks("civilians_killed"), *range_checks("children_killed"),
        *range_checks("women_killed"), *range_checks("men_killed"), *range_checks("injured"),
        *range_checks("militants_killed"),
    )


class ClaimLink(Base):
    """The judgement that a claim describes an incident: suggested by the linker, or an analyst's."""

    __tablename__ = "claim_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    score: Mapped[float | None] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        UniqueConstraint("claim_id", "incident_id", name="uq_claim_links_pair"),
        CheckConstraint(one_of("status", records.LINK_STATUSES, nullable=False), name="status_known"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 1)", name="score_unit"),
    )


class Assessment(Base):
    """A belligerent's assessment of an incident; the official ledger.  One row per pair, versioned
    by `version`, each change audited."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    belligerent: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(30))
    reason: Mapped[list[Any]] = mapped_column(JSON, default=list)
    duplicate_of: Mapped[str | None] = mapped_column(String(40))
    deaths_conceded_min: Mapped[int | None] = mapped_column(Integer)
    deaths_conceded_max: Mapped[int | None] = mapped_column(Integer)
    injuries_conceded_min: Mapped[int | None] = mapped_column(Integer)
    injuries_conceded_max: Mapped[int | None] = mapped_column(Integer)
    statement_date: Mapped[dt.date | None] = mapped_column(Date)
    statement_text: Mapped[str | None] = mapped_column(Text)
    statement_url: Mapped[str | None] = mapped_column(String(2000))
    strike_report: Mapped[str | None] = mapped_column(Text)
    strike_report_url: Mapped[str | None] = mapped_column(String(2000))
    mgrs: Mapped[str | None] = mapped_column(String(40))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        UniqueConstraint("incident_id", "belligerent", name="uq_assessments_pair"),
        CheckConstraint(one_of("state", records.ASSESSMENT_STATES, nullable=False), name="state_known"),
        *range_checks("deaths_conceded"), *range_checks("injuries_conceded"),
    )


class AssessmentEvent(Base):
    """One dated step of the official workflow (received, started, assessed, reopened).

    `effective` is when it happened in the world (the statement's date), `at` when it was
    recorded here; monthly reports count by `effective`, so history can be entered late."""

    __tablename__ = "assessment_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str] = mapped_column(String(30))
    effective: Mapped[dt.date] = mapped_column(Date, index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (CheckConstraint(one_of("to_state", records.ASSESSMENT_STATES, nullable=False),
                                      name="to_state_known"),)


# --------------------------------------------------------------------------- declared strikes
class Strike(Base):
    """A strike a military declared.  `fingerprint` makes re-importing the same release a no-op."""

    __tablename__ = "strikes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    release_date: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(500))
    strikes: Mapped[int | None] = mapped_column(Integer)
    targets: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str | None] = mapped_column(String(2000))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    mgrs: Mapped[str | None] = mapped_column(String(40))
    time_utc: Mapped[str | None] = mapped_column(String(40))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    __table_args__ = (CheckConstraint("strikes IS NULL OR strikes >= 0", name="strikes_nonneg"),)


class StrikeMatch(Base):
    """A candidate pairing of an incident with a declared strike, ranked; confirmed only by an
    analyst or when unambiguous."""

    __tablename__ = "strike_matches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    strike_id: Mapped[int] = mapped_column(ForeignKey("strikes.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(10), default="suggested")
    features: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (
        UniqueConstraint("incident_id", "strike_id", name="uq_strike_matches_pair"),
        CheckConstraint(one_of("status", records.LINK_STATUSES, nullable=False), name="status_known"),
        CheckConstraint("rank >= 1", name="rank_positive"),
    )


# --------------------------------------------------------------------------- audit
class AuditEvent(Base):
    """Append-only record of every judgement: who, when, what it was, what it became, and why."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)


# --------------------------------------------------------------------------- people
class User(Base):
    """Someone who logs in to judge: analysts review, admins also manage users.  The public
    (viewer) needs no account."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (CheckConstraint(one_of("role", ("viewer", "analyst", "admin"), nullable=False),
                                      name="role_known"),)
