"""Grade the incidents in the store by the rules of `grading`, and let an analyst override.

Grades are recomputed whenever inputs change (after linking, strike matching or an import);
an incident whose grade an analyst or the monitor set stays as set, with its reason.  Every
change of grade is an AuditEvent, so "who changed this grade, when and why" has an answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.assess.grading import Evidence, SourceClaim, grade
from civcas.records import GRADES
from civcas.store import Store
from civcas.store import repositories as repo
from civcas.store.schema import (
    Assessment, Claim, ClaimLink, Document, Incident, Source, SourceAlias, StrikeMatch,
)
from civcas.store.sources import alias_key

ACTOR = "grader"
LIKELY_STRIKE_SCORE = 0.5   # a rank-1 candidate at least this strong counts as "a likely strike nearby"


@dataclass
class GradeRun:
    graded: int = 0
    changed: int = 0
    kept: int = 0      # grades set by an analyst or a monitor, left alone


@dataclass
class SourceGraph:
    """The store's sources, read once per grading run: who a name means (through its aliases),
    what kind of source it is, and whom it republishes."""

    by_alias: dict[str, str]          # alias key -> canonical name
    kinds: dict[str, str]             # canonical name -> kind
    republishes: dict[str, str]       # canonical name -> the canonical name it reprints

    @classmethod
    def load(cls, session: Session) -> "SourceGraph":
        rows = session.execute(select(Source.id, Source.name, Source.kind, Source.parent_id)).all()
        names = {i: n for i, n, _, _ in rows}
        aliases = session.execute(select(SourceAlias.key, SourceAlias.source_id)).all()
        return cls(by_alias={k: names[i] for k, i in aliases if i in names},
                   kinds={n: k for _, n, k, _ in rows},
                   republishes={names[i]: names[p] for i, _, _, p in rows if p is not None})

    def canonical(self, text: str | None) -> str | None:
        if not text or not text.strip():
            return None
        return self.by_alias.get(alias_key(text), text.strip())


# Posts by residents or on social media are credible when the incident carries evidence that
# can be checked: the victims' names, photographs or video.
CORROBORATION = {"named_victims", "photos", "video"}
NEEDS_CORROBORATION = {"social_media", "witness"}


def evidence_for(session: Session, inc: Incident, graph: SourceGraph) -> Evidence:
    corroborated = bool(CORROBORATION & set(inc.evidence or []))

    def credible(name: str) -> bool:
        return corroborated or graph.kinds.get(name) not in NEEDS_CORROBORATION

    reports: list[SourceClaim] = []
    for s in inc.sources or []:
        name = graph.canonical(s.get("name") if isinstance(s, dict) else str(s))
        if name:
            reports.append(SourceClaim(source=name, credible=credible(name)))
    linked = session.execute(
        select(Claim.asserted_by, Claim.belligerent, Document.publisher)
        .join(ClaimLink, ClaimLink.claim_id == Claim.id)
        .join(Document, Document.id == Claim.document_id)
        .where(ClaimLink.incident_id == inc.id, ClaimLink.status == "confirmed"))
    for asserted_by, belligerent, publisher in linked:
        origin = graph.canonical(asserted_by)
        outlet = graph.canonical(publisher) or origin
        if outlet:
            reports.append(SourceClaim(source=outlet, attributed_to=origin, blames=belligerent,
                                       credible=credible(origin or outlet)))
    assessments = session.scalars(select(Assessment).where(Assessment.incident_id == inc.id)).all()
    best_match = session.scalar(select(StrikeMatch.score).where(
        StrikeMatch.incident_id == inc.id, StrikeMatch.rank == 1, StrikeMatch.status != "rejected"))
    return Evidence(
        reports=reports,
        credible_assessment=any(a.state == "credible" for a in assessments),
        deaths_conceded=max((a.deaths_conceded_min or 0 for a in assessments), default=0),
        strike_declared=inc.strike_status == "declared",
        strike_likely=best_match is not None and best_match >= LIKELY_STRIKE_SCORE,
        killed_were_combatants=inc.discount == "combatants",
        other_party_responsible=inc.discount == "other_party",
        evidence=set(inc.evidence or []),
    )


def grade_incidents(store: Store, codes: Iterable[str] | None = None) -> GradeRun:
    run = GradeRun()
    with store.session() as s:
        graph = SourceGraph.load(s)
        q = select(Incident).order_by(Incident.id)
        if codes is not None:
            q = q.where(Incident.code.in_(list(codes)))
        for inc in s.scalars(q):
            if inc.grade_overridden:
                run.kept += 1
                continue
            decision = grade(evidence_for(s, inc, graph), graph.republishes)
            run.graded += 1
            reason = decision.explain()
            if (inc.grade, inc.grade_reason) != (decision.grade, reason):
                before = {"grade": inc.grade, "grade_reason": inc.grade_reason}
                inc.grade, inc.grade_reason = decision.grade, reason
                repo.audit(s, ACTOR, "incident", inc.code, "grade", before,
                           {"grade": inc.grade, "grade_reason": reason}, "grading rules")
                run.changed += 1
    return run


def override_grade(session: Session, code: str, new_grade: str | None, actor: str, reason: str) -> dict:
    """An analyst's grade, kept until they release it (`new_grade=None` hands it back to the
    rules).  In the caller's transaction; the caller regrades a released incident."""
    if new_grade is not None and new_grade not in GRADES:
        raise ValueError(f"unknown grade {new_grade!r}; grades are {', '.join(GRADES)}")
    if not reason or not actor:
        raise ValueError("an analyst's grade needs an actor and a reason")
    inc = repo.get_incident(session, code)
    if inc is None:
        raise ValueError(f"no incident with code {code!r}")
    before = {"grade": inc.grade, "grade_reason": inc.grade_reason, "grade_overridden": inc.grade_overridden}
    if new_grade is None:
        inc.grade_overridden = False
    else:
        inc.grade, inc.grade_reason, inc.grade_overridden = new_grade, f"set by {actor}: {reason}", True
    inc.updated_at = repo.now()
    after = {"grade": inc.grade, "grade_reason": inc.grade_reason, "grade_overridden": inc.grade_overridden}
    repo.audit(session, actor, "incident", code, "grade", before, after, reason)
    return after


def set_grade(store: Store, code: str, new_grade: str | None, actor: str, reason: str) -> dict:
    with store.session() as s:
        after = override_grade(s, code, new_grade, actor, reason)
    if new_grade is None:
        grade_incidents(store, [code])
    return after


def grade_history(store: Store, code: str) -> list[dict]:
    """Who changed this incident's grade, when and why."""
    with store.session() as s:
        return [e for e in repo.audit_trail(s, "incident", code)
                if e["action"] == "grade" or (e["before"] or {}).get("grade") != (e["after"] or {}).get("grade")]


def record_findings(store: Store, code: str, actor: str, reason: str, *, add: Iterable[str] = (),
                    remove: Iterable[str] = (), discount: str | None = None) -> dict:
    """An analyst records evidence on an incident (named victims, video, ...) or a finding that
    discounts it; the grade is recomputed at once, and both changes are audited."""
    from civcas.assess.grading import EVIDENCE_KINDS

    unknown = [k for k in [*add, *remove] if k not in EVIDENCE_KINDS]
    if unknown:
        raise ValueError(f"unknown evidence {', '.join(unknown)}; kinds are {', '.join(EVIDENCE_KINDS)}")
    if discount not in (None, "none", "combatants", "other_party"):
        raise ValueError("discount is combatants, other_party or none")
    if not actor or not reason:
        raise ValueError("a finding needs an actor and a reason")
    with store.session() as s:
        inc = repo.get_incident(s, code)
        if inc is None:
            raise ValueError(f"no incident with code {code!r}")
        before = {"evidence": list(inc.evidence or []), "discount": inc.discount}
        kinds = (set(inc.evidence or []) | set(add)) - set(remove)
        inc.evidence = sorted(kinds)
        if discount is not None:
            inc.discount = None if discount == "none" else discount
        after = {"evidence": inc.evidence, "discount": inc.discount}
        if after != before:
            repo.audit(s, actor, "incident", code, "findings", before, after, reason)
    grade_incidents(store, [code])
    return after
