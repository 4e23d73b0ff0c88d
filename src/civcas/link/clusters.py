"""Turn Splink's clusters into incidents whose public codes do not move.

Splink numbers clusters afresh on every run, but incident codes are cited in reports, letters to
militaries and court filings, so they must survive relinking.  Each cluster therefore takes over
the existing incident it shares most claims with (or that it contains as a record); a cluster
that takes over none gets a new code; an incident that no cluster takes over, but whose claims
all went elsewhere, is *merged* and its code is kept in the absorber's `previous_codes`.

New codes use the prefix "CV" (CV0001, CV0002...), distinct from Airwars' "CS" codes that
monitor imports bring, and never reuse a code that is or was in use.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

CODE_PREFIX = "CV"
_CODE = re.compile(rf"^{CODE_PREFIX}(\d+)$")


@dataclass
class Existing:
    """An incident as the planner needs it."""

    id: int
    code: str
    from_monitor: bool                 # imported from a monitor: never absorbed automatically
    claims: set[str] = field(default_factory=set)   # its linker-confirmed claims in this run
    previous_codes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What one cluster becomes."""

    claims: list[str]
    incident_id: int | None = None     # an existing incident, or None for a new one
    code: str | None = None            # the incident's code (None until `assign_codes`)
    split_from: str | None = None      # a new incident carved out of this one
    absorbed: list[int] = field(default_factory=list)   # existing incidents merged into it


def next_codes(used: set[str]):
    """Codes CV0001... above every CV code in use or kept as a previous code."""
    n = max((int(m.group(1)) for c in used if (m := _CODE.match(c))), default=0)
    while True:
        n += 1
        yield f"{CODE_PREFIX}{n:04d}"


def plan(clusters: dict[str, list[str]], incidents: dict[int, Existing],
         incident_members: dict[str, int]) -> list[Outcome]:
    """`clusters`: cluster key -> its members (claim keys and incident record keys);
    `incident_members`: incident record key -> incident id (incidents that took part as records).

    Greedy by overlap: the strongest (cluster, incident) tie is settled first, so a split
    leaves the old code with the part that kept most of the claims."""
    claim_owner = {c: inc.id for inc in incidents.values() for c in inc.claims}
    votes: dict[str, Counter] = {}
    for key, members in clusters.items():
        v: Counter = Counter()
        for m in members:
            if m in incident_members:
                # the incident itself is in the cluster; a monitor's record outranks ours, so
                # that ours is the one absorbed
                inc = incident_members[m]
                v[inc] += 2_000_000 if incidents[inc].from_monitor else 1_000_000
            elif m in claim_owner:
                v[claim_owner[m]] += 1
        votes[key] = v
    ties = sorted(((n, -inc, key) for key, v in votes.items() for inc, n in v.items()), reverse=True)
    taken: dict[int, str] = {}
    owner_of: dict[str, int] = {}
    for n, neg_inc, key in ties:
        inc = -neg_inc
        if key in owner_of or inc in taken:
            continue
        taken[inc] = key
        owner_of[key] = inc
    outcomes: dict[str, Outcome] = {}
    for key in sorted(clusters, key=lambda k: min(clusters[k])):
        claims = sorted(m for m in clusters[key] if m not in incident_members)
        inc = owner_of.get(key)
        if inc is not None:
            outcomes[key] = Outcome(claims, inc, incidents[inc].code)
        elif claims:
            # a cluster none of whose incidents it could take: a split if its claims were
            # someone's, else simply new
            source = votes[key].most_common(1)
            outcomes[key] = Outcome(claims, None, None,
                                    split_from=incidents[source[0][0]].code if source else None)
    # Incidents no cluster took over.  A linker-made one whose claims all went elsewhere (or
    # which sat, as a record, in a cluster another incident took) is absorbed by the cluster
    # that received most of it; a monitor's incident is left alone.
    for inc_id, inc in incidents.items():
        if inc_id in taken or inc.from_monitor:
            continue
        dest: Counter = Counter()
        for key, members in clusters.items():
            if key not in outcomes:
                continue
            for m in members:
                if incident_members.get(m) == inc_id:
                    dest[key] += 1_000_000
                elif m in inc.claims:
                    dest[key] += 1
        if dest:
            target = outcomes[dest.most_common(1)[0][0]]
            if target.split_from == inc.code:
                target.split_from = None
            target.absorbed.append(inc_id)
    return list(outcomes.values())


def assign_codes(outcomes: list[Outcome], used_codes: set[str]) -> None:
    """Give new incidents their codes, in a stable order (by their lowest claim)."""
    codes = next_codes(used_codes)
    for o in sorted((o for o in outcomes if o.code is None), key=lambda o: min(o.claims)):
        o.code = next(codes)


def members_by_cluster(cluster_of: dict[str, str], keys) -> dict[str, list[str]]:
    """Records Splink never put in a pair are clusters of their own."""
    out: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        out[cluster_of.get(k, k)].append(k)
    return dict(out)
