"""A small, fully populated store for the web tests: two ledgers, graded incidents on the map,
suggested links and strike matches, an assessment, a restricted note, and one analyst."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from civcas.publish.auth import create_user
from civcas.records import AssessmentRecord, ClaimRecord, DocumentRecord, IncidentRecord, SourceRef
from civcas.store import repositories as repo
from civcas.store.schema import ClaimLink, Incident, Strike, StrikeMatch

SECRET_NOTE = "witness Abu Karim, phone 0770 000 0000"
SECRET_AUTHOR = "Private Witness Name"
ANALYST = ("ana", "correct horse battery")
HOSTILE = "<script>document.title='pwned'</script> Residents said 9 civilians were killed in Hajin."
ARABIC = "قال السكان إن 7 مدنيين قتلوا في الرقة."


def _doc(s, text: str, title: str, published: dt.date, claims=(), publisher: str = "Monitor", language=None):
    raw = text.encode()
    rec = DocumentRecord(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=text, title=title,
                         publisher=publisher, published=published, origin="fixture", language=language)
    return repo.add_document(s, rec, list(claims))


def _tally(text: str, part: str, kind: str, who: str, lo: int, hi: int | None, as_of: dt.date) -> ClaimRecord:
    start = text.index(part)
    return ClaimRecord(type="tally", quote=part, span=(start, start + len(part)), tally_kind=kind, asserted_by=who,
                       count_min=lo, count_max=hi if hi is not None else lo, as_of=as_of)


def populate(store) -> dict:
    ids: dict = {}
    with store.session() as s:
        for i, (lo, day) in enumerate([(352, dt.date(2017, 1, 31)), (484, dt.date(2017, 4, 30)),
                                       (624, dt.date(2017, 7, 31))]):
            text = f"CJTF-OIR assesses that at least {lo} civilians have been unintentionally killed by Coalition strikes."
            _doc(s, text, f"Monthly civilian casualty report {i}", day,
                 [_tally(text, f"at least {lo} civilians have been unintentionally killed", "official_acknowledged",
                         "CJTF-OIR", lo, None, day)], publisher="CJTF-OIR")
        for i, (lo, hi, day) in enumerate([(2800, 4200, dt.date(2017, 2, 28)), (3800, 5900, dt.date(2017, 7, 31))]):
            text = f"Airwars estimates that between {lo} and {hi} civilians have been killed by Coalition actions."
            ids.setdefault("independent_docs", []).append(_doc(
                s, text, f"Airwars assessment {i}", day,
                [_tally(text, f"between {lo} and {hi} civilians", "independent_estimate", "Airwars", lo, hi, day)],
                publisher="Airwars"))
        start = HOSTILE.index("9 civilians")
        ids["hostile_doc"] = _doc(s, HOSTILE, "<i>hostile</i>", dt.date(2017, 3, 2), [ClaimRecord(
            type="incident", quote="9 civilians were killed", span=(start, start + len("9 civilians were killed")),
            count_min=9, count_max=9, asserted_by="Residents", place_text="Hajin")])
        ids["arabic_doc"] = _doc(s, ARABIC, "تقرير الرقة", dt.date(2017, 6, 5), language="ar")

        places = [("Mosul", "Iraq", 36.34, 43.13, 1, "confirmed", "declared", 20, 35, dt.date(2017, 3, 17)),
                  ("Raqqa", "Syria", 35.95, 39.01, 2, "fair", "alleged", 7, 7, dt.date(2017, 6, 5)),
                  ("Hajin", "Syria", 34.69, 40.83, 4, "weak", "alleged", 9, 12, dt.date(2017, 3, 2)),
                  ("al-Qaim", "Iraq", 34.37, 41.09, 3, "contested", "declared", 0, 3, dt.date(2017, 7, 9))]
        for n, (place, country, lat, lon, prec, grade, status, lo, hi, day) in enumerate(places, 1):
            rec = IncidentRecord(code=f"CS{n:04d}", date=day, place_text=place, country=country, lat=lat, lon=lon,
                                 geo_precision=prec, belligerent="Coalition", grade=grade, strike_status=status,
                                 civilians_killed_min=lo, civilians_killed_max=hi,
                                 sources=[SourceRef(name="Local page", author=SECRET_AUTHOR,
                                                    url="javascript:alert(1)")],
                                 assessments=[AssessmentRecord(belligerent="CJTF-OIR", state="under_assessment")])
            incident_id, _ = repo.upsert_incident(s, rec, "fixture", "fixture data")
            for a in rec.assessments:
                repo.upsert_assessment(s, incident_id, rec.code, a, "fixture", "fixture data")
        rq = s.query(Incident).filter_by(code="CS0002").one()
        rq.place_text_ar = "الرقة"
        rq.grade_reason = "two independent sources name the victims"
        rq.analyst_notes = SECRET_NOTE
        from civcas.store.schema import Claim

        claim = s.query(Claim).filter_by(document_id=ids["hostile_doc"]).one()
        hajin = s.query(Incident).filter_by(code="CS0003").one()
        link = ClaimLink(claim_id=claim.id, incident_id=hajin.id, status="suggested", score=0.81, method="fixture",
                         created_at=repo.now())
        s.add(link)
        strike = Strike(fingerprint="f" * 64, date=dt.date(2017, 3, 2), country="Syria", location="near Hajin",
                        strikes=2, targets="an ISIS tactical unit", source="CJTF-OIR")
        s.add(strike)
        s.flush()
        match = StrikeMatch(incident_id=hajin.id, strike_id=strike.id, rank=1, score=0.7, status="suggested")
        s.add(match)
        s.flush()
        ids.update(link=link.id, match=match.id)
    create_user(store, *ANALYST, role="analyst")
    return ids


@pytest.fixture
def populated(sqlite_store):
    return sqlite_store, populate(sqlite_store)
