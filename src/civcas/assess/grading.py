"""Airwars' grading scale as explicit rules, each decision carrying the reasons behind it.

The rules run top to bottom and the first that fires decides; the order is the point:

1. **discounted** — those killed were combatants, or another party was most likely responsible.
   A monitor's finding of who died outranks everything else, including an official concession.
2. **confirmed** — a belligerent accepted responsibility: a credible assessment, or deaths conceded.
3. **contested** — competing claims of responsibility: reports blame two or more parties.
4. **fair** — two or more *independent* sources, and a declared strike (or a likely nearby one).
5. **weak** — everything else that has at least one source: a single source, or several sources
   without a strike that could explain them.

Independence is counted on the source graph: a wire's reprints are the wire; an outlet that only
repeats another's count ("according to the Observatory") is the Observatory.  Evidence on the
incident (named victims, photos, video, testimony, munition remnants, satellite imagery) does not
change the grade by itself — monitors grade on sourcing and attribution — but it is listed in the
reasons, and it decides whether residents' and social-media reports count as credible sources
(they do when the victims are named or there are photographs or video; see `grader`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

EVIDENCE_KINDS = ("named_victims", "photos", "video", "witness_testimony", "munition_remnants",
                  "satellite_imagery")


@dataclass(frozen=True)
class SourceClaim:
    """Who reported the incident, and whose count they carried."""

    source: str                    # the publishing outlet or person
    attributed_to: str | None = None   # "according to X": the count is X's
    blames: str | None = None      # the party this report holds responsible
    credible: bool = True          # a source the monitor does not trust does not count


@dataclass
class Evidence:
    """Everything grading looks at for one incident."""

    reports: list[SourceClaim] = field(default_factory=list)
    credible_assessment: bool = False          # a belligerent assessed it credible
    deaths_conceded: int | None = None
    strike_declared: bool = False              # a confirmed match to a declared strike
    strike_likely: bool = False                # an unconfirmed but strong nearby candidate
    killed_were_combatants: bool = False
    other_party_responsible: bool = False
    evidence: set[str] = field(default_factory=set)  # subset of EVIDENCE_KINDS


@dataclass(frozen=True)
class GradeDecision:
    grade: str | None
    rule: str
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return f"{self.grade or 'ungraded'} ({self.rule}): " + "; ".join(self.reasons)


def root_source(name: str, republishes: Mapping[str, str]) -> str:
    """Follow reprint edges to the original publisher (cycles end where they repeat)."""
    seen = set()
    while name in republishes and name not in seen:
        seen.add(name)
        name = republishes[name]
    return name


def independent_sources(reports: Iterable[SourceClaim], republishes: Mapping[str, str] | None = None) -> set[str]:
    """The distinct originals behind the credible reports."""
    republishes = republishes or {}
    return {root_source(r.attributed_to or r.source, republishes) for r in reports if r.credible}


def grade(ev: Evidence, republishes: Mapping[str, str] | None = None) -> GradeDecision:
    sources = independent_sources(ev.reports, republishes)
    extra = tuple(f"evidence: {', '.join(sorted(ev.evidence))}" for _ in [0] if ev.evidence)
    if ev.killed_were_combatants or ev.other_party_responsible:
        why = "those killed were combatants" if ev.killed_were_combatants else \
            "another party was most likely responsible"
        return GradeDecision("discounted", "discounted", (why,) + extra)
    if ev.credible_assessment or (ev.deaths_conceded or 0) > 0:
        why = []
        if ev.credible_assessment:
            why.append("a belligerent assessed the allegation credible")
        if ev.deaths_conceded:
            why.append(f"{ev.deaths_conceded} deaths conceded")
        return GradeDecision("confirmed", "confirmed", tuple(why) + extra)
    blamed = {r.blames.strip().lower() for r in ev.reports if r.blames and r.credible}
    if len(blamed) > 1:
        return GradeDecision("contested", "contested",
                             (f"reports blame {len(blamed)} parties: {', '.join(sorted(blamed))}",) + extra)
    if not sources:
        return GradeDecision(None, "ungraded", ("no credible source reports it",))
    if len(sources) >= 2 and (ev.strike_declared or ev.strike_likely):
        strike = "a declared strike matches" if ev.strike_declared else "a likely strike nearby"
        return GradeDecision("fair", "fair", (f"{len(sources)} independent sources: {', '.join(sorted(sources))}",
                                              strike) + extra)
    if len(sources) >= 2:
        return GradeDecision("weak", "weak-no-strike",
                             (f"{len(sources)} independent sources but no declared or likely strike",) + extra)
    return GradeDecision("weak", "weak-single-source", (f"a single source: {next(iter(sources))}",) + extra)
