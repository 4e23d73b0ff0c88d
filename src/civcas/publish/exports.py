"""Export rows for the CLI and the web downloads.  Only public fields leave through here."""
from __future__ import annotations

from typing import Any, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.store import repositories as repo
from civcas.store.schema import AuditEvent, Claim, Document, Incident


def export_rows(session: Session, entity: str, with_claims: bool = False) -> Iterator[dict[str, Any]]:
    """Rows of one entity.  `with_claims` adds to each incident its linked claims, each with its
    quote, span and the path of the document it comes from."""
    if entity == "documents":
        for d in repo.iter_rows(session, Document):
            rec = repo.document_record(d).to_dict()
            rec.pop("text", None)
            yield {"id": d.id, **{k: v for k, v in rec.items() if k != "id"}}
    elif entity == "claims":
        for c in repo.iter_rows(session, Claim):
            yield flatten_claim(repo.claim_dict(c))
    elif entity == "incidents":
        for i in repo.iter_rows(session, Incident):
            row = repo.incident_dict(i, public=True)
            if with_claims:
                row["claims"] = incident_claims(session, i.id)
            yield row
    elif entity == "tallies":
        for t in repo.tally_timeline(session):
            yield flatten_claim(t)
    elif entity == "audit":
        for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            yield {"id": e.id, "actor": e.actor, "at": e.at.isoformat(), "entity": e.entity,
                   "entity_id": e.entity_id, "action": e.action, "reason": e.reason,
                   "before": e.before, "after": e.after}
    else:
        raise ValueError(f"unknown entity {entity!r}")


def incident_claims(session: Session, incident_id: int) -> list[dict[str, Any]]:
    from civcas.store.schema import ClaimLink

    q = (select(Claim, ClaimLink.status, Document.origin, Document.url)
         .join(ClaimLink, ClaimLink.claim_id == Claim.id).join(Document, Document.id == Claim.document_id)
         .where(ClaimLink.incident_id == incident_id, ClaimLink.status != "rejected").order_by(Claim.id))
    return [{"claim_id": c.id, "link": status, "count_min": c.count_min, "count_max": c.count_max,
             "asserted_by": c.asserted_by, "quote": c.quote, "span": [c.span_start, c.span_end],
             "document_id": c.document_id, "document": origin, "url": url}
            for c, status, origin, url in session.execute(q)]


def flatten_claim(d: dict[str, Any]) -> dict[str, Any]:
    d = dict(d)
    d.pop("geocode", None)
    span = d.pop("span", None) or (None, None)
    d["span_start"], d["span_end"] = span[0], span[1]
    return d


# --------------------------------------------------------------------------- web downloads
def csv_lines(rows: Iterator[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """CSV, streamed; a value that starts like a formula is prefixed so spreadsheets show it as text."""
    import csv
    import io
    import json as _json

    buf = io.StringIO()
    writer = csv.writer(buf)

    def cell(v: Any) -> Any:
        if isinstance(v, (list, dict)):
            v = _json.dumps(v, ensure_ascii=False)
        if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + v
        return v

    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.getvalue():
        yield buf.getvalue()
    else:
        yield ""


def geojson_chunks(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection, streamed; rows without coordinates are left out (they cannot be drawn)."""
    import json as _json

    yield '{"type":"FeatureCollection","features":['
    first = True
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        feature = {"type": "Feature", "id": row.get("id"),
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}, "properties": props}
        yield ("" if first else ",") + _json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}"
