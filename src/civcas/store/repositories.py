"""Rows to records and back.  Stages call these; nothing outside store/ touches ORM rows."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from civcas.records import (
    AssessmentRecord, ClaimRecord, DocumentRecord, Geocode, IncidentRecord, StrikeRecord,
)
from civcas.store.schema import Assessment, AuditEvent, Claim, Document, Incident, Strike
from civcas.store.sources import resolve_source

CLAIM_COLUMNS = (
    "type", "quote", "asserted_by", "count_min", "count_max", "qualifier", "victims", "counted",
    "children_min", "children_max", "women_min", "women_max", "men_min", "men_max", "injured_min",
    "injured_max", "tally_kind", "scope", "period_start", "as_of", "event_date", "event_date_end",
    "date_precision", "place_text", "country", "belligerent", "strike_type", "strikes",
    "incidents_count", "assessment", "historical_referred_by", "ratio", "flags", "rule",
)
INCIDENT_COLUMNS = (
    "code", "previous_codes", "date", "date_end", "date_precision", "time_of_day", "place_text",
    "place_text_ar", "country", "admin1", "lat", "lon", "geo_precision", "belligerent", "grade", "strike_status",
    "civilians_killed_min", "civilians_killed_max", "children_killed_min", "children_killed_max",
    "women_killed_min", "women_killed_max", "men_killed_min", "men_killed_max", "injured_min",
    "injured_max", "militants_killed_min", "militants_killed_max", "url", "origin",
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# --------------------------------------------------------------------------- documents
def find_document_id(session: Session, sha256: str) -> int | None:
    return session.scalar(select(Document.id).where(Document.sha256 == sha256))


def add_document(session: Session, doc: DocumentRecord, claims: Sequence[ClaimRecord]) -> int:
    """Write a document and its claims in the caller's transaction; the caller commits or rolls back."""
    row = Document(
        sha256=doc.sha256, raw=doc.raw, text=doc.text, url=doc.url, title=doc.title,
        publisher=doc.publisher, source_id=resolve_source(session, doc.publisher),
        language=doc.language, published=doc.published, retrieved_at=doc.retrieved_at,
        ingested_at=now(), origin=doc.origin, media_type=doc.media_type,
    )
    session.add(row)
    session.flush()
    for claim in claims:
        session.add(claim_row(session, row.id, claim, doc.text))
    session.flush()
    return row.id


def claim_row(session: Session, document_id: int, claim: ClaimRecord, text: str) -> Claim:
    start, end = claim.span
    if text[start:end] != claim.quote:
        raise ValueError(f"claim quote does not match the document text at [{start}, {end})")
    values: dict[str, Any] = {name: getattr(claim, name) for name in CLAIM_COLUMNS}
    values["flags"] = list(claim.flags or [])
    geo = claim.geocode
    if geo is not None and geo.lat is not None:
        values.update(lat=geo.lat, lon=geo.lon, geo_precision=geo.precision, place_id=geo.place_id,
                      geocode=geo.to_dict())
    return Claim(document_id=document_id, span_start=start, span_end=end,
                 source_id=resolve_source(session, claim.asserted_by), **values)


def document_record(row: Document, with_raw: bool = False) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, sha256=row.sha256, text=row.text, raw=row.raw if with_raw else b"", url=row.url,
        title=row.title, publisher=row.publisher, language=row.language, published=row.published,
        retrieved_at=row.retrieved_at, origin=row.origin, media_type=row.media_type,
    )


def get_document(session: Session, doc_id: int) -> DocumentRecord | None:
    row = session.get(Document, doc_id)
    return document_record(row) if row else None


def list_documents(session: Session, limit: int = 100, after_id: int = 0) -> list[dict[str, Any]]:
    """Newest-first would break keyset paging on ties; ids ascend, so we page on id."""
    n_claims = (select(func.count(Claim.id)).where(Claim.document_id == Document.id)
                .correlate(Document).scalar_subquery())
    q = (select(Document.id, Document.title, Document.publisher, Document.published, Document.url,
                Document.language, Document.origin, Document.sha256, n_claims.label("claims"))
         .where(Document.id > after_id).order_by(Document.id).limit(limit))
    return [dict(r._mapping) for r in session.execute(q)]


# --------------------------------------------------------------------------- claims
def claim_record(row: Claim) -> ClaimRecord:
    values = {name: getattr(row, name) for name in CLAIM_COLUMNS}
    values["flags"] = list(row.flags or [])
    geo = Geocode(**row.geocode) if row.geocode else None
    return ClaimRecord(span=(row.span_start, row.span_end), geocode=geo, **values)


def claim_dict(row: Claim) -> dict[str, Any]:
    d = claim_record(row).to_dict()
    d.update(id=row.id, document_id=row.document_id, lat=row.lat, lon=row.lon,
             geo_precision=row.geo_precision)
    return d


def list_claims(session: Session, *, type: str | None = None, document_id: int | None = None,
                limit: int = 100, after_id: int = 0) -> list[dict[str, Any]]:
    q = select(Claim).where(Claim.id > after_id)
    if type:
        q = q.where(Claim.type == type)
    if document_id is not None:
        q = q.where(Claim.document_id == document_id)
    return [claim_dict(r) for r in session.scalars(q.order_by(Claim.id).limit(limit))]


def document_claims(session: Session, doc_id: int) -> list[dict[str, Any]]:
    q = select(Claim).where(Claim.document_id == doc_id).order_by(Claim.span_start, Claim.id)
    return [claim_dict(r) for r in session.scalars(q)]


def tally_timeline(session: Session) -> list[dict[str, Any]]:
    """Every tally claim with its as-of date, oldest first: the two ledgers side by side."""
    q = (select(Claim, Document.published, Document.title)
         .join(Document, Document.id == Claim.document_id)
         .where(Claim.type == "tally"))
    rows = []
    for claim, published, title in session.execute(q):
        d = claim_dict(claim)
        d["as_of"] = (claim.as_of or published)
        d["document_title"] = title
        rows.append(d)
    rows.sort(key=lambda r: (r["as_of"] or dt.date.max, r["id"]))
    for r in rows:
        r["as_of"] = r["as_of"].isoformat() if r["as_of"] else None
    return rows


# --------------------------------------------------------------------------- incidents
# Restricted: who wrote a cited post may be a witness, and an analyst's notes are internal.
RESTRICTED_SOURCE_FIELDS = ("author",)


def incident_dict(row: Incident, public: bool = True) -> dict[str, Any]:
    d = {name: getattr(row, name) for name in INCIDENT_COLUMNS}
    sources = row.sources or []
    if public:
        sources = [{k: v for k, v in src.items() if k not in RESTRICTED_SOURCE_FIELDS}
                   if isinstance(src, dict) else src for src in sources]
    d.update(id=row.id, grade_reason=row.grade_reason, sources=sources, victims=row.victims or [])
    if not public:
        d["analyst_notes"] = row.analyst_notes
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in d.items()}


def list_incidents(session: Session, limit: int = 100, after_id: int = 0) -> list[dict[str, Any]]:
    q = select(Incident).where(Incident.id > after_id).order_by(Incident.id).limit(limit)
    return [incident_dict(r) for r in session.scalars(q)]


def get_incident(session: Session, code: str) -> Incident | None:
    return session.scalar(select(Incident).where(Incident.code == code))


def upsert_incident(session: Session, rec: IncidentRecord, actor: str, reason: str) -> tuple[int, bool]:
    """Insert or update a monitor's incident by its public code; every change is audited."""
    row = get_incident(session, rec.code) if rec.code else None
    values = {name: getattr(rec, name) for name in INCIDENT_COLUMNS if name != "strike_status"}
    values["strike_status"] = rec.strike_status or "alleged"
    values["sources"] = [s.to_dict() for s in rec.sources]
    values["victims"] = [v.to_dict() for v in rec.victims]
    if row is None:
        row = Incident(created_at=now(), updated_at=now(), **values)
        session.add(row)
        session.flush()
        audit(session, actor, "incident", row.code, "create", None, incident_dict(row), reason)
        return row.id, True
    before = incident_dict(row)
    for k, v in values.items():
        setattr(row, k, v)
    after = incident_dict(row)
    if after != before:
        row.updated_at = now()
        audit(session, actor, "incident", row.code, "update", before, after, reason)
    return row.id, False


# --------------------------------------------------------------------------- audit
def audit(session: Session, actor: str, entity: str, entity_id: str | int, action: str,
          before: dict[str, Any] | None, after: dict[str, Any] | None, reason: str | None) -> None:
    session.add(AuditEvent(actor=actor, at=now(), entity=entity, entity_id=str(entity_id),
                           action=action, before=before, after=after, reason=reason))


def audit_trail(session: Session, entity: str, entity_id: str | int) -> list[dict[str, Any]]:
    q = (select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == str(entity_id))
         .order_by(AuditEvent.id))
    return [{"id": e.id, "actor": e.actor, "at": e.at.isoformat(), "action": e.action,
             "before": e.before, "after": e.after, "reason": e.reason} for e in session.scalars(q)]


def counts(session: Session) -> dict[str, int]:
    return {
        "documents": session.scalar(select(func.count(Document.id))) or 0,
        "claims": session.scalar(select(func.count(Claim.id))) or 0,
        "incidents": session.scalar(select(func.count(Incident.id))) or 0,
    }


def iter_rows(session: Session, model: type, batch: int = 1000) -> Iterable[Any]:
    last = 0
    while True:
        rows = list(session.scalars(select(model).where(model.id > last).order_by(model.id).limit(batch)))
        if not rows:
            return
        yield from rows
        last = rows[-1].id


# --------------------------------------------------------------------------- assessments
ASSESSMENT_COLUMNS = (
    "belligerent", "state", "reason", "duplicate_of", "deaths_conceded_min", "deaths_conceded_max",
    "injuries_conceded_min", "injuries_conceded_max", "statement_date", "statement_text",
    "statement_url", "strike_report", "strike_report_url", "mgrs",
)


def assessment_dict(row: Assessment) -> dict[str, Any]:
    d = {name: getattr(row, name) for name in ASSESSMENT_COLUMNS}
    d.update(id=row.id, version=row.version)
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in d.items()}


def upsert_assessment(session: Session, incident_id: int, code: str, rec: AssessmentRecord,
                      actor: str, reason: str) -> bool:
    """Write a belligerent's assessment of an incident; a change bumps its version and is audited.
    Returns True when something changed."""

    row = session.scalar(select(Assessment).where(Assessment.incident_id == incident_id,
                                                  Assessment.belligerent == rec.belligerent))
    values = {name: getattr(rec, name) for name in ASSESSMENT_COLUMNS}
    values["reason"] = list(rec.reason or [])
    if row is None:
        row = Assessment(incident_id=incident_id, version=1, updated_at=now(), **values)
        session.add(row)
        session.flush()
        audit(session, actor, "assessment", f"{code}/{rec.belligerent}", "create", None,
              assessment_dict(row), reason)
        return True
    before = assessment_dict(row)
    for k, v in values.items():
        setattr(row, k, v)
    after = assessment_dict(row)
    if after == before:
        return False
    row.version += 1
    row.updated_at = now()
    audit(session, actor, "assessment", f"{code}/{rec.belligerent}", "update", before,
          assessment_dict(row), reason)
    return True


def incident_assessments(session: Session, incident_id: int) -> list[dict[str, Any]]:

    q = select(Assessment).where(Assessment.incident_id == incident_id).order_by(Assessment.id)
    return [assessment_dict(r) for r in session.scalars(q)]


def import_incidents(session: Session, incidents: Iterable[IncidentRecord], actor: str,
                     reason: str) -> dict[str, Any]:
    """A monitor's incident records with their assessments, in the caller's transaction.

    Each record is written under a savepoint: one the schema refuses (a maximum below its
    minimum, say) is reported with its origin and skipped, and the rest still lands."""
    created = updated = 0
    rejected: list[str] = []
    for rec in incidents:
        try:
            with session.begin_nested():
                incident_id, is_new = upsert_incident(session, rec, actor, reason)
                if rec.grade:  # the monitor's own grade is an analyst's judgement: the rules keep off it
                    row = session.get(Incident, incident_id)
                    if not row.grade_overridden or row.grade_reason is None:
                        row.grade_overridden = True
                        row.grade_reason = f"graded by the monitor ({actor})"
                changed = False
                for a in one_per_belligerent(rec.assessments):
                    changed |= upsert_assessment(session, incident_id, rec.code or str(incident_id), a,
                                                 actor, reason)
        except IntegrityError as exc:
            rejected.append(f"{rec.origin or rec.code}: {constraint_message(exc)}")
            continue
        created += is_new
        updated += (not is_new) and changed
    return {"created": created, "updated": updated, "rejected": rejected}


def one_per_belligerent(assessments: Iterable[AssessmentRecord]) -> list[AssessmentRecord]:
    """A record may list one belligerent twice (several "unknown" parties); the store keeps one
    assessment per belligerent, so keep the most advanced verdict, then the one with a statement."""
    rank = {"credible": 3, "non_credible": 3, "duplicate": 3, "reopened": 2, "under_assessment": 1}
    best: dict[str, AssessmentRecord] = {}
    for a in assessments:
        cur = best.get(a.belligerent)
        if cur is None or (rank.get(a.state, 0), a.statement_date is not None) > \
                (rank.get(cur.state, 0), cur.statement_date is not None):
            best[a.belligerent] = a
    return list(best.values())


def constraint_message(exc: IntegrityError) -> str:
    """The schema's own words for what a row broke, e.g. 'men_killed_ordered' -> a readable line."""
    import re

    text = str(exc.orig)
    m = re.search(r"ck_\w+?_((?:\w+?)_(ordered|nonneg|known|valid|unit|positive))", text)
    if m:
        name = m.group(1)
        if name.endswith("_ordered"):
            return f"{name[:-8].replace('_', ' ')}: the maximum is below the minimum"
        if name.endswith("_nonneg"):
            return f"{name[:-7].replace('_', ' ')} is negative"
        return f"value not allowed ({name})"
    return text.splitlines()[0][:200]


# --------------------------------------------------------------------------- declared strikes
STRIKE_COLUMNS = ("date", "release_date", "country", "location", "strikes", "targets", "text", "source",
                  "origin", "lat", "lon", "geo_precision", "mgrs", "time_utc")


def strike_fingerprint(rec: StrikeRecord) -> str:
    """The same release read twice, from any copy of the file, is stored once.  The row's line
    number is part of the key: two identical lines of one release (two weapons released on one
    target) are two entries, not one."""
    import hashlib

    line = (rec.origin or "").rsplit(":", 1)[-1] if rec.origin and ":" in rec.origin else ""
    parts = [rec.source, rec.release_date, rec.date, rec.country, rec.location, rec.text, rec.mgrs,
             rec.time_utc, rec.strikes, line]
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()


def add_strikes(session: Session, strikes: Iterable[StrikeRecord]) -> dict[str, int]:

    new = present = 0
    seen: set[str] = set()
    batch = []
    for rec in strikes:
        fp = strike_fingerprint(rec)
        if fp in seen:
            present += 1
            continue
        seen.add(fp)
        batch.append((fp, rec))
    known: set[str] = set()
    fps = [fp for fp, _ in batch]
    for i in range(0, len(fps), 500):
        known |= set(session.scalars(select(Strike.fingerprint).where(Strike.fingerprint.in_(fps[i:i + 500]))))
    for fp, rec in batch:
        if fp in known:
            present += 1
            continue
        session.add(Strike(fingerprint=fp, **{name: getattr(rec, name) for name in STRIKE_COLUMNS}))
        new += 1
    session.flush()
    return {"new": new, "present": present}


def incident_records(session: Session, belligerent: str | None = None) -> list[IncidentRecord]:
    """Incidents as plain records, optionally those whose belligerent names `belligerent`."""
    q = select(Incident)
    if belligerent:
        q = q.where(Incident.belligerent.ilike(f"%{belligerent}%"))
    return [IncidentRecord(**{name: getattr(r, name) for name in INCIDENT_COLUMNS}, id=r.id)
            for r in session.scalars(q.order_by(Incident.date, Incident.id))]
