"""Link incident claims into incidents (issue 5).

`link(store)` compares claims that no incident holds yet with the existing incidents and with each
other; `link(store, full=True)` relinks every claim.  Above the upper match probability a claim
joins an incident (a "confirmed" link, method "splink"); between the thresholds it is *suggested*
for an analyst; below the lower one it starts a new incident.  Codes stay put across runs (see
`clusters`), figures follow from the claims (see `figures`), and every change is audited with
actor "linker".  The whole run is one transaction.

Analysts' judgements win: a claim an analyst linked (method other than "splink") is left alone,
and a link an analyst rejected is never proposed again.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from civcas.link import clusters as clustering
from civcas.link import figures
from civcas.link.engine import DEFAULT_LOWER, DEFAULT_UPPER, ENGINES, EngineUnavailable, link_rows
from civcas.link.features import claim_row, incident_row
from civcas.records import ClaimRecord, Geocode, IncidentRecord, VictimRecord

__all__ = ["link", "link_claims", "LinkReport", "link_rows", "EngineUnavailable", "ENGINES", "DEFAULT_UPPER",
           "DEFAULT_LOWER"]


@dataclass
class LinkReport:
    claims_considered: int = 0
    linked: int = 0                 # claims that joined an incident which existed before the run
    in_new_incidents: int = 0       # claims that are the members of the incidents it created
    suggested: int = 0              # suggested links written
    new_incidents: int = 0
    merges: int = 0
    splits: int = 0
    unlinked: int = 0               # stale linker links removed
    incidents_updated: int = 0
    skipped_blank: int = 0          # claims with no date, place or geocode: nothing to link on
    parameters: str = "fixed"       # "estimated" when trained on this corpus
    engine: str = "duckdb"
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _claim_record(c: dict[str, Any]) -> ClaimRecord:
    geo = None
    if c.get("lat") is not None:
        geo = Geocode(c.get("place_text") or "", lat=c["lat"], lon=c["lon"], country=c.get("country"),
                      admin1=c.get("admin1"), precision=c.get("geo_precision"))
    deaths = figures.counts_deaths(c)   # a "killed or wounded" toll says nothing of deaths
    return ClaimRecord(type="incident", quote="", span=(0, 0),
                       count_min=c.get("count_min") if deaths else None,
                       count_max=c.get("count_max") if deaths else None,
                       event_date=c.get("event_date"), event_date_end=c.get("event_date_end"),
                       date_precision=c.get("date_precision"), place_text=c.get("place_text"),
                       country=c.get("country"), belligerent=c.get("belligerent"), geocode=geo)


def _incident_record(d: dict[str, Any]) -> IncidentRecord:
    import datetime as dt

    def day(v):
        return dt.date.fromisoformat(v) if isinstance(v, str) else v

    return IncidentRecord(
        code=d["code"], date=day(d.get("date")), date_end=day(d.get("date_end")),
        date_precision=d.get("date_precision"), place_text=d.get("place_text"),
        country=d.get("country"), admin1=d.get("admin1"), lat=d.get("lat"), lon=d.get("lon"),
        geo_precision=d.get("geo_precision"), belligerent=d.get("belligerent"),
        civilians_killed_min=d.get("civilians_killed_min"),
        civilians_killed_max=d.get("civilians_killed_max"),
        victims=[VictimRecord(name=v.get("name")) for v in d.get("victims") or [] if isinstance(v, dict)])


def link_claims(claims: list[ClaimRecord], ids: list[str] | None = None, **options):
    """The linker core on in-memory claims, no store: returns `engine.LinkResult`, whose
    `cluster_of` maps each id to its group (ids default to "c0", "c1", ...)."""
    ids = ids or [f"c{i}" for i in range(len(claims))]
    return link_rows([claim_row(i, c) for i, c in zip(ids, claims)], **options)


def _fmt(p: float | None) -> str:
    return "n/a" if p is None else f"{p:.3f}"


def link(store, *, full: bool = False, engine: str = "duckdb", upper: float = DEFAULT_UPPER,
         lower: float = DEFAULT_LOWER, train: bool | None = None) -> LinkReport:
    """Link the store's incident claims; see the module docstring for the rules."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    report = LinkReport(engine=engine)
    with store.session() as s:
        _link_in_session(s, report, full=full, engine=engine, upper=upper, lower=lower, train=train)
    return report


def _link_in_session(s, report: LinkReport, *, full: bool, engine: str, upper: float, lower: float,
                     train: bool | None) -> None:
    from civcas.store import links as store

    claims = {c["id"]: c for c in store.incident_claims(s)}
    link_rows_ = store.all_links(s)
    incidents = {d["id"]: d for d in store.all_incidents(s)}
    pinned = {ln.claim_id for ln in link_rows_ if ln.status == "confirmed" and ln.method != store.METHOD}
    rejected = {(ln.claim_id, ln.incident_id) for ln in link_rows_ if ln.status == "rejected"}
    ours = [ln for ln in link_rows_ if ln.method == store.METHOD and ln.status != "rejected"]
    confirmed_by_us = {ln.claim_id: ln.incident_id for ln in ours if ln.status == "confirmed"}

    todo = [cid for cid in claims if cid not in pinned and (full or cid not in confirmed_by_us)]
    # A report with no date, no place and no geocode has nothing to link on; an incident made
    # of it would tell a reader nothing.  It waits for an analyst (or a better extraction).
    blank = [cid for cid in todo if not (claims[cid]["event_date"] or claims[cid]["place_text"]
                                         or claims[cid]["lat"] is not None)]
    if blank:
        todo = [cid for cid in todo if cid not in set(blank)]
        report.skipped_blank = len(blank)
        report.notes.append(f"{len(blank)} claim(s) with no date, place or geocode left unlinked")
    report.claims_considered = len(todo)
    if not todo:
        return
    todo_set = set(todo)
    # An incident takes part as a record unless, in this run, its own claims speak for it.
    spoken_for = {inc for cid, inc in confirmed_by_us.items() if cid in todo_set}
    as_records = [i for i, d in incidents.items() if d.get("origin") or i not in spoken_for]

    rows = [claim_row(f"c{cid}", _claim_record(claims[cid])) for cid in todo]
    rows += [incident_row(f"i{i}", _incident_record(incidents[i])) for i in as_records]
    result = link_rows(rows, engine=engine, upper=upper, lower=lower, train=train)
    report.parameters = result.parameters
    report.notes.extend(result.notes)

    existing = {i: clustering.Existing(i, d["code"], bool(d.get("origin")),
                                       previous_codes=list(d.get("previous_codes") or []))
                for i, d in incidents.items()}
    for cid, inc in confirmed_by_us.items():
        if cid in todo_set:
            existing[inc].claims.add(f"c{cid}")
    members = {f"i{i}": i for i in as_records}
    groups = clustering.members_by_cluster(result.cluster_of, [r["unique_id"] for r in rows])
    outcomes = clustering.plan(groups, existing, members)

    # Where each record ends up, to route near misses to an incident.
    home: dict[str, clustering.Outcome] = {}
    for o in outcomes:
        for c in o.claims:
            home[c] = o
        for inc in ([o.incident_id] if o.incident_id is not None else []) + o.absorbed:
            home[f"i{inc}"] = o
    for key, inc in members.items():
        home.setdefault(key, clustering.Outcome([], inc, incidents[inc]["code"]))
    solid = {id(o) for o in outcomes if o.incident_id is not None or len(o.claims) > 1}

    # A claim left alone at the upper threshold but near an incident at the lower one is
    # suggested to that incident (up to three), and starts no incident of its own.
    suggestions: dict[str, list[tuple[clustering.Outcome, float]]] = {}
    for o in outcomes:
        if o.incident_id is None and len(o.claims) == 1 and not o.absorbed:
            key = o.claims[0]
            targets: dict[int, tuple[clustering.Outcome, float]] = {}
            for partner, p in sorted(result.near.get(key, []), key=lambda t: -t[1]):
                dest = home.get(partner)
                if dest is not None and id(dest) in solid and id(dest) not in targets:
                    targets[id(dest)] = (dest, p)
            if targets:
                suggestions[key] = list(targets.values())[:3]
    outcomes = [o for o in outcomes if not (len(o.claims) == 1 and o.claims[0] in suggestions)]
    clustering.assign_codes(outcomes, store.used_codes(s))
    desired: dict[int, dict[str, tuple[str, float | None]]] = {}
    for key, targets in suggestions.items():
        desired[int(key[1:])] = {t.code: ("suggested", p) for t, p in targets}
    for o in outcomes:
        for key in o.claims:
            desired.setdefault(int(key[1:]), {})[o.code] = ("confirmed", result.best_score.get(key))

    # 1. new incidents (and splits), 2. merges, 3. links, 4. figures.
    id_of_code = {d["code"]: i for i, d in incidents.items()}
    touched: set[int] = set()
    created: set[int] = set()
    for o in outcomes:
        if o.incident_id is not None or not o.claims:
            continue
        cl = [claims[int(k[1:])] for k in o.claims]
        best = max((result.best_score.get(k) or 0.0) for k in o.claims)
        if o.split_from:
            reason = (f"split from {o.split_from}: {len(cl)} claim(s) no longer match it "
                      f"(best match probability within the new incident {_fmt(best or None)})")
            report.splits += 1
        else:
            reason = (f"{len(cl)} claim(s) matching no incident above {lower:.2f}"
                      + (f"; linked to each other at {_fmt(best)}" if len(cl) > 1 else ""))
        values = _figures(cl)
        o.incident_id = store.create_incident(s, o.code, values, reason,
                                              action="split" if o.split_from else "create")
        id_of_code[o.code] = o.incident_id
        created.add(o.incident_id)
        report.new_incidents += 1
    for o in outcomes:
        for gone in o.absorbed:
            score = max([result.best_score.get(k) or 0.0 for k in o.claims] or [0.0])
            store.merge_incident(s, gone, o.incident_id,
                                 f"absorbed into {o.code}: their claims match at {_fmt(score or None)}"
                                 f" (upper threshold {upper:.2f})")
            report.merges += 1
            touched.add(o.incident_id)
            id_of_code.pop(incidents[gone]["code"], None)

    current: dict[int, dict[int, Any]] = {}
    for ln in store.all_links(s):
        current.setdefault(ln.claim_id, {})[ln.incident_id] = ln
    code_of = {v: k for k, v in id_of_code.items()}
    for cid in todo:
        want = {id_of_code[code]: v for code, v in desired.get(cid, {}).items()
                if code in id_of_code and (cid, id_of_code[code]) not in rejected}
        have = {inc: ln for inc, ln in current.get(cid, {}).items() if ln.method == store.METHOD
                and ln.status != "rejected"}
        for inc, ln in have.items():
            if inc not in want:
                store.remove_link(s, ln.id, code_of.get(inc, str(inc)),
                                  f"no longer matches (was {ln.status} at {_fmt(ln.score)})")
                report.unlinked += 1
                touched.add(inc)
        for inc, (status, p) in want.items():
            bound = f"{upper:.2f}" if status == "confirmed" else f"{lower:.2f}-{upper:.2f}"
            reason = f"match probability {_fmt(p)} ({'>=' if status == 'confirmed' else 'within'} {bound})"
            ln = have.get(inc)
            if ln is None:
                if inc in current.get(cid, {}):          # an analyst's link on this pair: leave it
                    continue
                store.add_link(s, cid, inc, code_of[inc], status, p, reason)
            elif ln.status != status:
                # a score alone moving (the pair's neighbours changed) is not a new judgement
                store.change_link(s, ln.id, code_of[inc], status, p, reason)
            else:
                continue
            touched.add(inc)
            if status == "confirmed" and inc in created:
                report.in_new_incidents += 1
            elif status == "confirmed":
                report.linked += 1
            else:
                report.suggested += 1
    s.flush()
    for inc in sorted(touched):
        if inc not in code_of:
            continue
        report.incidents_updated += _refresh_figures(s, store, inc, claims)


def _figures(cl: list[dict[str, Any]]) -> dict[str, Any]:
    return {k: v for k, v in figures.from_claims(cl).items() if k in figures.FIGURES}


def _refresh_figures(s, store, incident_id: int, claims: dict[int, dict[str, Any]]) -> int:
    from sqlalchemy import select

    from civcas.store.schema import ClaimLink, Incident

    row = s.get(Incident, incident_id)
    ids = s.scalars(select(ClaimLink.claim_id).where(ClaimLink.incident_id == incident_id,
                                                     ClaimLink.status == "confirmed")).all()
    cl = [claims[i] for i in ids if i in claims]
    if not cl:
        return 0
    claimed = _figures(cl)
    if row.origin:
        current = {k: getattr(row, k) for k in figures.FIGURES}
        values = figures.widen(current, claimed)
        why = f"widened by {len(cl)} linked claim(s); monitor figures kept"
    else:
        values = claimed
        why = f"figures from {len(cl)} linked claim(s)"
    return int(store.update_incident(s, incident_id, values, why))
