"""A monitor's own incident records come in too (Airwars' layout), with the belligerent's
assessments they carry.  One transaction for the file; malformed records are reported with
their line and skipped; importing the same file twice changes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from civcas.store import Store
from civcas.store import repositories as repo
from civcas.store.assessments import record_history

ACTOR = "import:airwars"


@dataclass
class MonitorImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_airwars(store: Store, path: Path) -> MonitorImport:
    from civcas.ingest.airwars import parse_airwars

    parsed = parse_airwars(path)
    result = MonitorImport(errors=[str(e) for e in parsed.errors], warnings=[str(w) for w in parsed.warnings])
    with store.session() as s:
        counts = repo.import_incidents(s, parsed.incidents, ACTOR, f"imported from {path.name}")
        for inc in parsed.incidents:
            record_history(s, inc, ACTOR)
    result.created, result.updated = counts["created"], counts["updated"]
    result.errors += counts["rejected"]
    result.unchanged = len(parsed.incidents) - result.created - result.updated - len(counts["rejected"])
    return result
