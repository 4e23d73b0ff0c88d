"""The web app's reads and the analysts' few writes.

Lists select plain columns (no ORM objects) because the incidents list is the hot path: a page of
100 rows must cost one indexed query.  Public rows are built from an allow-list of columns, so
a restricted column added to the schema later stays private until someone publishes it here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Iterator

from sqlalchemy import String, Text, and_, cast, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from civcas.records import GRADES, LINK_STATUSES
from civcas.store import repositories as repo
from civcas.store.schema import Claim, ClaimLink, Document, Incident, Strike, StrikeMatch, User

PUBLIC_INCIDENT = (
    "id", "code", "date", "date_end", "date_precision", "place_text", "place_text_ar", "country",
    "admin1", "lat", "lon", "geo_precision", "belligerent", "grade", "strike_status",
    "civilians_killed_min", "civilians_killed_max", "children_killed_min", "children_killed_max",
    "women_killed_min", "women_killed_max", "injured_min", "injured_max", "url",
)
# sort key name -> (column, value standing in for NULL so keyset comparisons stay total)
SORTS: dict[str, tuple[Any, Any]] = {
    "id": (Incident.id, None),
    "date": (Incident.date, dt.date(1, 1, 1)),
    "killed": (Incident.civilians_killed_max, -1),
    "code": (Incident.code, None),
}
RESTRICTED_SOURCE_KEYS = ("author",)  # a cited post's author may be a witness: never public


@dataclass
class IncidentFilter:
    """What a list of incidents is narrowed by; the same for the page, the API and the downloads."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    place: str | None = None
    belligerent: str | None = None
    grade: str | None = None
    strike_status: str | None = None
    sort: str = "id"
    desc: bool = False

    def params(self) -> dict[str, str]:
        """Non-default values as query parameters, for links that keep the filter."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v in (None, "", False) or (f.name == "sort" and v == "id"):
                continue
            out[f.name] = "1" if v is True else (v.isoformat() if isinstance(v, dt.date) else str(v))
        return out


def _clean(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else value


def where(f: IncidentFilter) -> list[Any]:
    conds: list[Any] = []
    if f.date_from:
        conds.append(Incident.date >= f.date_from)
    if f.date_to:
        conds.append(Incident.date <= f.date_to)
    if _clean(f.country):
        conds.append(func.lower(Incident.country) == f.country.strip().lower())
    if _clean(f.place):
        like = f"%{f.place.strip()}%"
        conds.append(or_(Incident.place_text.ilike(like), Incident.place_text_ar.ilike(like),
                         Incident.admin1.ilike(like)))
    if _clean(f.belligerent):
        conds.append(Incident.belligerent.ilike(f"%{f.belligerent.strip()}%"))
    if _clean(f.grade):
        grades = [g.strip() for g in f.grade.split(",") if g.strip()]
        conds.append(Incident.grade.in_(grades))
    if _clean(f.strike_status):
        conds.append(Incident.strike_status == f.strike_status.strip())
    return conds


# dates leave as the stored text on SQLite (no parse-then-format per row on the hot path)
_LIST_COLUMNS = [type_coerce(getattr(Incident, c), String).label(c) if c in ("date", "date_end")
                 else getattr(Incident, c) for c in PUBLIC_INCIDENT]


def _page(conn: Any, f: IncidentFilter, limit: int, after: int, columns: list[Any]) -> Any:
    """The keyset page query: rows after the incident with id `after` in the chosen order."""
    col, null_as = SORTS.get(f.sort, SORTS["id"])
    key = col if null_as is None else func.coalesce(col, null_as)
    q = select(*columns).where(*where(f))
    if after:
        if col is Incident.id:
            q = q.where(Incident.id < after if f.desc else Incident.id > after)
        else:
            pivot = conn.execute(select(key).where(Incident.id == after)).first()
            if pivot is not None:
                v = pivot[0]
                if f.desc:
                    q = q.where(or_(key < v, and_(key == v, Incident.id < after)))
                else:
                    q = q.where(or_(key > v, and_(key == v, Incident.id > after)))
    order = [key.desc(), Incident.id.desc()] if f.desc else [key, Incident.id]
    if col is Incident.id:
        order = order[:1]
    return q.order_by(*order).limit(limit)


def list_incidents(session: Any, f: IncidentFilter, limit: int = 100, after: int = 0) -> list[dict[str, Any]]:
    """One keyset page as dicts.  `session` may be a Session or a plain Connection."""
    result = session.execute(_page(session, f, limit, after, _LIST_COLUMNS))
    keys = list(result.keys())
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, r)} for r in result]


@lru_cache(maxsize=4)
def _json_row(dialect: str) -> Any:
    """The row-as-JSON expression, built once per dialect (building it costs more than the query)."""
    pairs: list[Any] = []
    for name in PUBLIC_INCIDENT:
        pairs += [name, getattr(Incident, name)]
    if dialect == "postgresql":
        return cast(func.json_build_object(*pairs), Text).label("j")
    return func.json_object(*pairs).label("j")


def list_incidents_json(conn: Any, f: IncidentFilter, limit: int = 100, after: int = 0) -> tuple[list[str], int | None]:
    """The same page with each row already JSON, built by the database (SQLite's json_object,
    PostgreSQL's json_build_object): the API's hot path then does no per-field work in Python.
    Returns the rows' JSON texts and the last row's id (for the next page's URL)."""
    obj = _json_row(conn.dialect.name)
    rows = conn.execute(_page(conn, f, limit, after, [Incident.id, obj])).all()
    return [r[1] for r in rows], (rows[-1][0] if rows else None)


def iter_incidents(session: Session, f: IncidentFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
    after = 0
    while True:
        rows = list_incidents(session, f, batch, after)
        yield from rows
        if len(rows) < batch:
            return
        after = rows[-1]["id"]


def count_incidents(session: Session, f: IncidentFilter) -> int:
    return session.scalar(select(func.count(Incident.id)).where(*where(f))) or 0


def facets(session: Session) -> dict[str, list[str]]:
    """Values the filter form offers, so a reader need not guess spellings."""
    def distinct(col: Any) -> list[str]:
        return [v for v in session.scalars(select(col).distinct().where(col.is_not(None)).order_by(col)) if v]
    return {"country": distinct(Incident.country), "belligerent": distinct(Incident.belligerent),
            "grade": list(GRADES), "strike_status": ["declared", "alleged"]}


def timeline(session: Session, f: IncidentFilter) -> list[dict[str, Any]]:
    """Monthly civilian deaths (min and max) by grade, oldest month first."""
    q = (select(Incident.date, Incident.grade, Incident.civilians_killed_min, Incident.civilians_killed_max)
         .where(Incident.date.is_not(None), *where(f)))
    months: dict[str, dict[str, dict[str, int]]] = {}
    for day, grade, lo, hi in session.execute(q):
        month = (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))).strftime("%Y-%m")
        g = months.setdefault(month, {}).setdefault(grade or "ungraded", {"incidents": 0, "min": 0, "max": 0})
        g["incidents"] += 1
        g["min"] += lo or 0
        g["max"] += hi if hi is not None else (lo or 0)
    if months:  # a month with no incident is a zero, not a gap the chart would close up
        first, last = min(months), max(months)
        y, mo = int(first[:4]), int(first[5:])
        while f"{y:04d}-{mo:02d}" < last and len(months) < 600:
            months.setdefault(f"{y:04d}-{mo:02d}", {})
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    return [{"month": m, "by_grade": months[m],
             "min": sum(g["min"] for g in months[m].values()),
             "max": sum(g["max"] for g in months[m].values())} for m in sorted(months)]


# --------------------------------------------------------------------------- one incident
def incident_detail(session: Session, code: str, restricted: bool = False) -> dict[str, Any] | None:
    row = repo.get_incident(session, code)
    if row is None:
        return None
    d = repo.incident_dict(row, public=not restricted)
    if not restricted:
        d.pop("analyst_notes", None)
        d["sources"] = [{k: v for k, v in s.items() if k not in RESTRICTED_SOURCE_KEYS}
                        for s in d.get("sources") or []]
    d["grade_overridden"] = row.grade_overridden
    return d


def incident_claims(session: Session, incident_id: int, include_rejected: bool = False) -> list[dict[str, Any]]:
    q = (select(ClaimLink.id, ClaimLink.status, ClaimLink.score, ClaimLink.method, Claim.id, Claim.type,
                Claim.quote, Claim.asserted_by, Claim.count_min, Claim.count_max, Claim.document_id,
                Document.title, Document.publisher, Document.published)
         .join(Claim, Claim.id == ClaimLink.claim_id).join(Document, Document.id == Claim.document_id)
         .where(ClaimLink.incident_id == incident_id).order_by(Document.published, Claim.id))
    if not include_rejected:
        q = q.where(ClaimLink.status != "rejected")
    keys = ("link_id", "status", "score", "method", "claim_id", "type", "quote", "asserted_by", "count_min",
            "count_max", "document_id", "document_title", "publisher", "published")
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, r)}
            for r in session.execute(q)]


def incident_strikes(session: Session, incident_id: int) -> list[dict[str, Any]]:
    q = (select(StrikeMatch.id, StrikeMatch.rank, StrikeMatch.score, StrikeMatch.status, Strike.date,
                Strike.location, Strike.country, Strike.strikes, Strike.targets, Strike.source)
         .join(Strike, Strike.id == StrikeMatch.strike_id)
         .where(StrikeMatch.incident_id == incident_id, StrikeMatch.status != "rejected")
         .order_by(StrikeMatch.rank))
    keys = ("match_id", "rank", "score", "status", "date", "location", "country", "strikes", "targets", "source")
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, r)}
            for r in session.execute(q)]


# --------------------------------------------------------------------------- review queue
def suggested_links(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    q = (select(ClaimLink.id, ClaimLink.score, ClaimLink.method, Incident.code, Incident.place_text,
                Incident.date, Claim.id, Claim.quote, Claim.document_id)
         .join(Claim, Claim.id == ClaimLink.claim_id).join(Incident, Incident.id == ClaimLink.incident_id)
         .where(ClaimLink.status == "suggested").order_by(ClaimLink.score.desc(), ClaimLink.id).limit(limit))
    keys = ("id", "score", "method", "code", "place_text", "date", "claim_id", "quote", "document_id")
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, r)}
            for r in session.execute(q)]


def suggested_matches(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    q = (select(StrikeMatch.id, StrikeMatch.rank, StrikeMatch.score, Incident.code, Incident.place_text,
                Incident.date, Strike.date, Strike.location, Strike.targets)
         .join(Strike, Strike.id == StrikeMatch.strike_id).join(Incident, Incident.id == StrikeMatch.incident_id)
         .where(StrikeMatch.status == "suggested").order_by(Incident.code, StrikeMatch.rank).limit(limit))
    keys = ("id", "rank", "score", "code", "place_text", "date", "strike_date", "location", "targets")
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, r)}
            for r in session.execute(q)]


class ReviewError(ValueError):
    """A judgement the store cannot take (unknown row, unknown status, no reason)."""


def _need(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ReviewError("a reason is required for every change")
    return reason.strip()


def set_link_status(session: Session, link_id: int, status: str, actor: str, reason: str | None) -> None:
    """The review form's verdict on a suggested link, through the linker's own review rule."""
    from civcas.link.review import review_link

    reason = _need(reason)
    if status not in ("confirmed", "rejected"):
        raise ReviewError(f"unknown status {status!r}")
    try:
        review_link(session, link_id, status == "confirmed", actor, reason)
    except LookupError:
        raise ReviewError(f"no suggested link {link_id}") from None


def set_match_status(session: Session, match_id: int, status: str, actor: str, reason: str | None) -> None:
    """The review form's verdict on a strike match, through the matcher's own review rule (a
    confirmed match declares the incident's strike; rejecting the last one withdraws it)."""
    from civcas.store.matches import review

    reason = _need(reason)
    if status not in ("confirmed", "rejected"):
        raise ReviewError(f"unknown status {status!r}")
    m = session.get(StrikeMatch, match_id)
    if m is None:
        raise ReviewError(f"no strike match {match_id}")
    code = session.scalar(select(Incident.code).where(Incident.id == m.incident_id))
    review(session, code, m.strike_id, status == "confirmed", actor, reason)


def set_grade(session: Session, code: str, grade: str, actor: str, reason: str | None) -> None:
    """An analyst's grade, through the grading stage's override rule."""
    from civcas.assess.grader import override_grade

    try:
        override_grade(session, code, grade, actor, _need(reason))
    except ValueError as exc:
        raise ReviewError(str(exc)) from None


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def review_counts(session: Session) -> dict[str, int]:
    return {"links": session.scalar(select(func.count(ClaimLink.id)).where(ClaimLink.status == "suggested")) or 0,
            "matches": session.scalar(select(func.count(StrikeMatch.id)).where(StrikeMatch.status == "suggested")) or 0}


def incident_history(session: Session, code: str) -> list[dict[str, Any]]:
    """The incident's own audit events, its assessments', its claim links' ("claim:code") and its
    strike matches' ("code:strike"), oldest first: one story per incident."""
    from civcas.store.schema import AuditEvent

    q = (select(AuditEvent).where(or_(and_(AuditEvent.entity == "incident", AuditEvent.entity_id == code),
                                      and_(AuditEvent.entity == "assessment",
                                           AuditEvent.entity_id.like(f"{code}/%")),
                                      and_(AuditEvent.entity == "claim_link",
                                           AuditEvent.entity_id.like(f"%:{code}")),
                                      and_(AuditEvent.entity == "strike_match",
                                           AuditEvent.entity_id.like(f"{code}:%"))))
         .order_by(AuditEvent.id))
    return [{"id": e.id, "actor": e.actor, "at": e.at.isoformat(), "entity": e.entity, "action": e.action,
             "reason": e.reason} for e in session.scalars(q)]
