"""Run the strike matcher over the incidents in the store.

`match_incidents` ranks the declared strikes around each incident's date
(civcas.strikes.match.rank_candidates), keeps the best few as *suggested* rows of
`strike_matches`, and decides the incident's `strike_status`:

* **declared** when an analyst confirmed one of its matches (`review_match`), or when the
  matcher's best candidate is unambiguous (civcas.strikes.match.unambiguous: near, released the
  same or the next day, score >= AUTO_MIN_SCORE and at least AUTO_MARGIN log-units ahead of the
  runner-up).  A weak or contested best match is never confirmed by the matcher: it stays a
  suggestion for an analyst.
* Once an analyst rejected one of an incident's candidates, the matcher no longer declares it
  on its own (the runner-up of a rejected favourite is not "unambiguous").
* If the matcher itself declared an incident on an earlier run and the match is no longer
  unambiguous (new strikes, a rejected candidate), it sets the incident back to alleged.  An
  incident its monitor imported as declared is never downgraded.

Every status change is audited (actor "matcher", reason with score and margin).  Confirmed and
rejected rows are never touched; a rejected strike is not suggested again.  The run is one
transaction and idempotent: a second run over the same data writes nothing.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from sqlalchemy import select

from civcas.records import IncidentRecord, StrikeRecord
from civcas.store import Store
from civcas.store import matches as mrepo
from civcas.store.repositories import INCIDENT_COLUMNS
from civcas.store.schema import Incident
from civcas.strikes.match import Candidate, Locate, rank_candidates, unambiguous

ACTOR = "matcher"
WINDOW = (-1, 4)            # release days relative to the incident, as rank_candidates uses


@dataclass
class MatchReport:
    incidents: int = 0                 # incidents considered (dated, with a point or a place)
    skipped: int = 0                   # incidents without a date, or without any place
    with_candidates: int = 0
    suggestions_changed: int = 0       # incidents whose suggested rows were (re)written
    declared: list[str] = field(default_factory=list)    # codes the run set to declared
    reverted: list[str] = field(default_factory=list)    # codes the run set back to alleged
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def release_day(strike: StrikeRecord) -> dt.date:
    """The day a strike became public: its release, or the day after a dated strike."""
    return strike.release_date or (strike.date + dt.timedelta(days=1))


class StrikeIndex:
    """Declared strikes by release day, so each incident scores only its own few days."""

    def __init__(self, strikes: Iterable[StrikeRecord]):
        self.by_day: dict[dt.date, list[StrikeRecord]] = defaultdict(list)
        for s in strikes:
            self.by_day[release_day(s)].append(s)

    def around(self, incident: IncidentRecord, window: tuple[int, int] = WINDOW) -> list[StrikeRecord]:
        if incident.date is None:
            return []
        end = incident.date_end if incident.date_end and incident.date_end > incident.date else incident.date
        span = (end - incident.date).days
        return [s for k in range(window[0], span + window[1] + 1)
                for s in self.by_day.get(incident.date + dt.timedelta(days=k), [])]


def _relocatable(strikes: list[StrikeRecord], stored: dict) -> list[StrikeRecord]:
    """A release's "near X" is placed by the matcher's own `locate` (which knows the releases'
    misspellings and towns the gazetteer misplaces); the point stored at import is the fallback.
    Strikes with a grid reference or exact coordinates (precision 1) keep their point."""
    for st in strikes:
        if st.mgrs or not st.location or st.lat is None or (st.geo_precision or 1) < 2:
            continue
        stored.setdefault((st.location, st.country), (st.lat, st.lon, st.geo_precision))
        st.lat = st.lon = None
    return strikes


def _record(row: Incident) -> IncidentRecord:
    return IncidentRecord(**{name: getattr(row, name) for name in INCIDENT_COLUMNS}, id=row.id)


def _features(c: Candidate) -> dict[str, Any]:
    return {k: v for k, v in c.features.items()}


def _default_locate(store: Store) -> Locate:
    from civcas.places.cli import load_gazetteer
    from civcas.strikes.match import gazetteer_locate

    return gazetteer_locate(load_gazetteer(store.engine))


def match_incidents(store: Store, *, codes: Iterable[str] | None = None, top: int = 5,
                    locate: Locate | None = None, belligerent: str | None = None) -> MatchReport:
    """Rank declared strikes for each incident in the store; see the module docstring.

    `codes` limits the run to those incidents; `belligerent` to incidents whose belligerent
    names it (e.g. "Coalition"); `locate` places names that lack coordinates (default: the
    store's gazetteer, built only if some incident or strike needs it)."""
    if top < 1:
        raise ValueError("top must be at least 1")
    started = time.perf_counter()
    report = MatchReport()
    wanted = None if codes is None else set(codes)
    located: dict[str, Locate] = {}
    stored: dict[tuple[str, str | None], tuple[float, float, int]] = {}

    def lazy_locate(name: str, country: str | None):
        if "fn" not in located:
            located["fn"] = locate or _default_locate(store)
        return located["fn"](name, country) or stored.get((name, country))

    with store.session() as s:
        q = select(Incident)
        if wanted is not None:
            q = q.where(Incident.code.in_(sorted(wanted))) if len(wanted) <= 900 else q
        if belligerent:
            q = q.where(Incident.belligerent.ilike(f"%{belligerent}%"))
        rows = [r for r in s.scalars(q.order_by(Incident.date, Incident.id))
                if wanted is None or r.code in wanted]
        todo = []
        for r in rows:
            if r.date is None or (r.lat is None and not r.place_text and not r.admin1):
                report.skipped += 1
            else:
                todo.append(r)
        report.incidents = len(todo)
        if not todo:
            report.seconds = round(time.perf_counter() - started, 3)
            return report
        first = min(r.date for r in todo) + dt.timedelta(days=WINDOW[0] - 2)
        last = max((r.date_end or r.date) if r.date_end and r.date_end > r.date else r.date
                   for r in todo) + dt.timedelta(days=WINDOW[1] + 1)
        index = StrikeIndex(_relocatable(mrepo.strikes_between(s, first, last), stored))
        existing = mrepo.matches_by_incident(s, [r.id for r in todo])
        cache: dict = {}
        for row in todo:
            rec = _record(row)
            ranked = rank_candidates(rec, index.around(rec), lazy_locate, window=WINDOW, cache=cache)
            mine = existing.get(row.id, [])
            rejected = {m.strike_id for m in mine if m.status == "rejected"}
            confirmed = [m for m in mine if m.status == "confirmed"]
            open_ = [c for c in ranked if c.strike.id not in rejected]
            report.with_candidates += bool(open_)
            cands = [(c.strike.id, c.score, _features(c)) for c in open_[:top]]
            if mrepo.replace_suggestions(s, row.id, cands, mine):
                report.suggestions_changed += 1
            _decide(s, row, open_, confirmed, bool(rejected), report)
        s.flush()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _describe(c: Candidate) -> str:
    st = c.strike
    where = st.location or (f"{st.lat:.3f},{st.lon:.3f}" if st.lat is not None else "?")
    return f"strike {st.id} ({where}, {release_day(st).isoformat()})"


def _decide(session, row: Incident, ranked: list[Candidate], confirmed: list, any_rejected: bool,
            report: MatchReport) -> None:
    if confirmed:
        if mrepo.set_strike_status(session, row, "declared", ACTOR,
                                   f"an analyst confirmed a match (strike {confirmed[0].strike_id})",
                                   via="review"):
            report.declared.append(row.code)
        return
    # Once an analyst has rejected a candidate, the incident is theirs: no automatic call.
    if not any_rejected and unambiguous(ranked):
        best = ranked[0]
        margin = best.score - ranked[1].score if len(ranked) > 1 else None
        why = (f"unambiguous match: {_describe(best)} score {best.score:.2f}, "
               + (f"margin {margin:.2f} over the next candidate" if margin is not None
                  else "the only candidate"))
        if mrepo.set_strike_status(session, row, "declared", ACTOR, why, via="matcher"):
            report.declared.append(row.code)
        return
    if row.strike_status == "declared" and mrepo.declared_by_us(session, row):
        last = mrepo.last_status_change(session, row.code)
        if (last.after or {}).get("via") == "matcher":
            if ranked:
                best = ranked[0]
                margin = best.score - ranked[1].score if len(ranked) > 1 else 0.0
                why = (f"match no longer unambiguous: best {_describe(best)} score {best.score:.2f}, "
                       f"margin {margin:.2f}")
            else:
                why = "match no longer unambiguous: no candidate strike"
            if mrepo.set_strike_status(session, row, "alleged", ACTOR, why, via="matcher"):
                report.reverted.append(row.code)


def review_match(store: Store, incident_code: str, strike_id: int, accept: bool, actor: str,
                 reason: str) -> dict[str, Any]:
    """An analyst confirms (accept=True) or rejects a candidate strike for an incident.

    Confirming marks the incident declared; rejecting the last confirmed match of an incident
    that matching had declared sets it back to alleged.  Both are audited.  The strike need not
    be among the suggestions (an analyst may know better)."""
    with store.session() as s:
        return mrepo.review(s, incident_code, strike_id, accept, actor, reason)


def export_rows(store: Store) -> list[dict[str, Any]]:
    """One row per stored candidate: incident_code, rank (1 = best), score, status, and strike
    {id, date, release_date, country, location, strikes, source, text}."""
    with store.session() as s:
        return mrepo.export_rows(s)


__all__ = ["MatchReport", "StrikeIndex", "match_incidents", "review_match", "export_rows"]
