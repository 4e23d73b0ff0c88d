"""Who says it: resolving "the Coalition", "CJTF-OIR" and "Combined Joint Task Force" to one Source.

The alias table is data (`known_sources.json`), loaded into the store on `init`; analysts add
aliases as they meet new spellings.  Keys are lower-cased with punctuation dropped, so
"U.S.-led coalition" and "US-led Coalition" are one key.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from civcas.store.schema import Source, SourceAlias

KNOWN = Path(__file__).with_name("known_sources.json")


def alias_key(name: str) -> str:
    key = re.sub(r"[^\w\s]", "", name.lower().replace("-", " "))
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"\s+", " ", key).strip()


@lru_cache(maxsize=1)
def known_sources() -> list[dict]:
    return json.loads(KNOWN.read_text(encoding="utf-8"))


def seed_sources(session: Session) -> int:
    """Insert the bundled sources and aliases that are not there yet; returns how many were new."""
    added = 0
    existing = {s.name: s for s in session.scalars(select(Source))}
    keys = set(session.scalars(select(SourceAlias.key)))
    for entry in known_sources():
        src = existing.get(entry["name"])
        if src is None:
            src = Source(name=entry["name"], kind=entry["kind"])
            session.add(src)
            session.flush()
            existing[src.name] = src
            added += 1
        for alias in [entry["name"], *entry.get("aliases", [])]:
            key = alias_key(alias)
            if key and key not in keys:
                session.add(SourceAlias(source_id=src.id, alias=alias, key=key))
                keys.add(key)
    for entry in known_sources():
        if entry.get("republishes"):
            existing[entry["name"]].parent_id = existing[entry["republishes"]].id
    return added


def resolve_source(session: Session, name: str | None) -> int | None:
    """The id of the Source an `asserted_by` text names, or None when it is not a known source."""
    if not name:
        return None
    key = alias_key(name)
    hit = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
    return hit


def add_source(session: Session, name: str, kind: str, aliases: list[str], republishes: str | None,
               actor: str, reason: str) -> Source:
    """Add a source or extend one: new aliases, or the source it republishes (a reprint edge,
    which makes grading count the two as one).  Audited like every judgement."""
    from civcas.records import SOURCE_KINDS
    from civcas.store.repositories import audit

    if kind not in SOURCE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; kinds are {', '.join(SOURCE_KINDS)}")
    src = session.scalar(select(Source).where(Source.name == name))
    before = None
    if src is None:
        existing = resolve_source(session, name)
        if existing is not None:
            src = session.get(Source, existing)
    if src is None:
        src = Source(name=name, kind=kind)
        session.add(src)
        session.flush()
    else:
        before = {"kind": src.kind, "parent_id": src.parent_id}
        src.kind = kind
    if republishes:
        parent = resolve_source(session, republishes)
        if parent is None:
            raise ValueError(f"no source named {republishes!r}")
        if parent == src.id:
            raise ValueError("a source cannot republish itself")
        src.parent_id = parent
    for alias in [name, *aliases]:
        key = alias_key(alias)
        owner = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
        if owner is None:
            session.add(SourceAlias(source_id=src.id, alias=alias, key=key))
        elif owner != src.id:
            raise ValueError(f"alias {alias!r} already names another source")
    session.flush()
    audit(session, actor, "source", src.name, "create" if before is None else "update", before,
          {"kind": src.kind, "parent_id": src.parent_id, "aliases": aliases}, reason)
    return src


def list_sources(session: Session) -> list[dict]:
    rows = session.scalars(select(Source).order_by(Source.name)).all()
    names = {s.id: s.name for s in rows}
    return [{"name": s.name, "kind": s.kind, "republishes": names.get(s.parent_id),
             "aliases": sorted(a.alias for a in s.aliases if a.alias != s.name)} for s in rows]
