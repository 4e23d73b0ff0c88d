"""Referral batches: a monitor sends a military a batch of allegations, and later reads its
answers back.  Sending records each allegation's receipt in the workflow; answers are applied
through the same workflow, each one whole or not at all, and answers naming incidents civcas
does not know are reported while the rest are imported."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civcas.assess.workflow import WorkflowError, load
from civcas.store import Store
from civcas.store.assessments import LedgerError, apply_transition, same_party
from civcas.store.schema import Assessment, Incident

REFERRAL_FIELDS = ("referral", "incident_code", "date", "location", "latitude", "longitude",
                   "civilians_killed_min", "civilians_killed_max", "grade", "sources", "url")
ANSWER_STATES = ("under_assessment", "credible", "non_credible", "duplicate")


def export_referrals(store: Store, belligerent: str, *, limit: int, batch: str, actor: str,
                     grades: tuple[str, ...] = ("confirmed", "fair", "weak", "contested"),
                     today: dt.date | None = None) -> list[dict[str, Any]]:
    """The next `limit` incidents that `belligerent` has no assessment of, oldest first, each
    recorded as received today (not_yet_assessed) so the military's ledger starts from here."""
    today = today or dt.date.today()
    rows = []
    with store.session() as s:
        names = same_party(s, belligerent)
        assessed = select(Assessment.incident_id).where(Assessment.belligerent.in_(names))
        q = (select(Incident).where(Incident.id.not_in(assessed), Incident.grade.in_(grades))
             .order_by(Incident.date, Incident.id).limit(limit))
        for n, inc in enumerate(s.scalars(q), 1):
            apply_transition(s, load(), inc.code, belligerent, "not_yet_assessed",
                             {"actor": actor, "reason": f"referred in batch {batch}", "effective": today})
            rows.append({"referral": f"{batch}-{n:03d}", "incident_code": inc.code,
                         "date": inc.date.isoformat() if inc.date else None, "location": inc.place_text,
                         "latitude": inc.lat, "longitude": inc.lon,
                         "civilians_killed_min": inc.civilians_killed_min,
                         "civilians_killed_max": inc.civilians_killed_max, "grade": inc.grade,
                         "sources": len(inc.sources or []), "url": inc.url})
    return rows


def render_referrals(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"referrals": rows}, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=REFERRAL_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@dataclass
class AnswerImport:
    applied: int = 0
    unknown: list[str] = field(default_factory=list)      # answers naming incidents civcas lacks
    refused: list[str] = field(default_factory=list)      # answers the workflow does not allow


def read_answers(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line, answer) pairs from a CSV or JSON answer file ({"answers": [...]} or a list)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        items = data.get("answers", data.get("referrals")) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ValueError(f"{path}: expected a list of answers")
        return [(i + 1, a) for i, a in enumerate(items)]
    return [(i + 2, dict(row)) for i, row in enumerate(csv.DictReader(io.StringIO(text)))]


def _int(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return int(str(value).strip())


def import_answers(store: Store, path: Path, belligerent: str, actor: str) -> AnswerImport:
    result = AnswerImport()
    wf = load()
    with store.session() as s:
        known = set(s.scalars(select(Incident.code)))
        for line, a in read_answers(path):
            where = f"{path.name}:{line}"
            code = str(a.get("incident_code") or "").strip()
            if code not in known:
                result.unknown.append(f"{where}: unknown incident {code or '(none)'}")
                continue
            state = str(a.get("assessment") or a.get("state") or "").strip().lower().replace("-", "_")
            if state not in ANSWER_STATES:
                result.refused.append(f"{where}: {code}: unknown assessment {state!r}")
                continue
            try:
                effective = dt.date.fromisoformat(str(a.get("statement_date") or a.get("date_assessed")))
                deaths = _int(a.get("deaths_conceded"))
            except ValueError as exc:
                result.refused.append(f"{where}: {code}: {exc}")
                continue
            fields = {"actor": actor, "reason": f"answer from {path.name}", "effective": effective,
                      "deaths_conceded_min": deaths, "deaths_conceded_max": deaths,
                      "reason_code": (a.get("reason_code") or None), "duplicate_of": a.get("duplicate_of") or None,
                      "statement_text": a.get("statement") or None, "statement_date": effective}
            try:
                with s.begin_nested():
                    current = s.scalar(select(Assessment.state).join(Incident).where(
                        Incident.code == code, Assessment.belligerent.in_(same_party(s, belligerent))))
                    if current is None:
                        apply_transition(s, wf, code, belligerent, "not_yet_assessed", fields)
                        current = "not_yet_assessed"
                    if state != "under_assessment" and current in ("not_yet_assessed", "reopened"):
                        apply_transition(s, wf, code, belligerent, "under_assessment", fields)
                    apply_transition(s, wf, code, belligerent, state, fields)
            except (WorkflowError, LedgerError) as exc:
                result.refused.append(f"{where}: {code}: {exc}")
                continue
            result.applied += 1
    return result
