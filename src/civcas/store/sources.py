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
