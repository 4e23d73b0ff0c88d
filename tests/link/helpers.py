"""Put claims and incidents into a store the way ingest and monitor imports would."""
from __future__ import annotations

import datetime as dt
import hashlib
from itertools import count

from civcas.records import ClaimRecord, DocumentRecord, Geocode, IncidentRecord
from civcas.store.repositories import add_document, upsert_incident

_n = count()


def claim(day: str, place: str, lat: float, lon: float, killed: int | None, *, gov: str = "Ninewa",
          country: str = "Iraq", precision: int = 1, date_precision: str = "day",
          killed_max: int | None = None, belligerent: str | None = "Coalition") -> ClaimRecord:
    quote = f"{killed} civilians were killed in {place} on {day}"
    return ClaimRecord(type="incident", quote=quote, span=(0, len(quote)), asserted_by="Rudaw",
                       count_min=killed, count_max=killed_max if killed_max is not None else killed,
                       qualifier="exact", victims="civilians", counted="killed",
                       event_date=dt.date.fromisoformat(day), date_precision=date_precision,
                       place_text=place, country=country, belligerent=belligerent,
                       geocode=Geocode(place, place, lat, lon, country, gov, precision))


def add_claims(store, *claims: ClaimRecord) -> list[int]:
    from sqlalchemy import select

    from civcas.store.schema import Claim

    ids = []
    with store.session() as s:
        for c in claims:
            text = c.quote
            sha = hashlib.sha256(f"{text}-{next(_n)}".encode()).hexdigest()
            doc_id = add_document(s, DocumentRecord(sha256=sha, text=text, raw=text.encode(),
                                                    publisher="Rudaw", url=f"https://example.org/{sha[:8]}",
                                                    published=c.event_date), [c])
            ids.append(s.scalar(select(Claim.id).where(Claim.document_id == doc_id)))
    return ids


def add_monitor_incident(store, code: str, day: str, place: str, lat: float, lon: float,
                         killed_min: int, killed_max: int, gov: str = "Ninewa") -> int:
    rec = IncidentRecord(code=code, date=dt.date.fromisoformat(day), date_precision="day",
                         place_text=place, country="Iraq", admin1=gov, lat=lat, lon=lon,
                         geo_precision=1, belligerent="Coalition", civilians_killed_min=killed_min,
                         civilians_killed_max=killed_max, origin="airwars.csv:1")
    with store.session() as s:
        inc_id, _ = upsert_incident(s, rec, "test", "monitor import")
    return inc_id


def state(store):
    """Incidents with their confirmed and suggested claims, by code."""
    from sqlalchemy import select

    from civcas.store.schema import ClaimLink, Incident

    with store.session() as s:
        out = {}
        for inc in s.scalars(select(Incident).order_by(Incident.id)):
            links = s.scalars(select(ClaimLink).where(ClaimLink.incident_id == inc.id)).all()
            out[inc.code] = {
                "confirmed": sorted(ln.claim_id for ln in links if ln.status == "confirmed"),
                "suggested": sorted(ln.claim_id for ln in links if ln.status == "suggested"),
                "previous_codes": list(inc.previous_codes or []),
                "min": inc.civilians_killed_min, "max": inc.civilians_killed_max,
                "date": inc.date, "lat": inc.lat, "origin": inc.origin,
            }
        return out
