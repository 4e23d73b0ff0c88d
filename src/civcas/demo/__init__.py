"""`civcas demo`: a fresh database from the bundled corpus, every stage run on it.

The corpus (`corpus/`) is written by the civcas authors in their own words, restating public
facts and figures, so the demo needs no network and no data of anyone else's.
"""
from __future__ import annotations

from pathlib import Path

from civcas.ingest import ingest_paths
from civcas.store import Store
from civcas.store import repositories as repo

CORPUS = Path(__file__).with_name("corpus")
MONITOR = Path(__file__).with_name("monitor")


def build_demo(db_path: Path) -> tuple[Store, list[str]]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    store = Store.open(str(db_path))
    report = ingest_paths(store, [CORPUS])
    summary = [f"demo database: {db_path}",
               f"ingested {report.count('new')} documents from the bundled corpus"]
    summary += [f"  rejected {o.reason}" for o in report.rejected]
    with store.session() as s:
        counts = repo.counts(s)
        tallies = repo.tally_timeline(s)
    summary.append(f"{counts['claims']} claims, {counts['incidents']} incidents, "
                   f"{len(tallies)} tally points")
    return store, summary
