"""`civcas demo`: a fresh database from the bundled corpus, every stage run on it.

The corpus (`corpus/`) and the monitor records (`monitor/`) are written by the civcas authors
in their own words, restating public facts and figures, so the demo needs no network and no
data of anyone else's.
"""
from __future__ import annotations

from pathlib import Path

from civcas.assess.grader import grade_incidents
from civcas.ingest import ingest_paths
from civcas.ingest.monitor import import_airwars
from civcas.link import link
from civcas.places.cli import load_gazetteer
from civcas.store import Store
from civcas.store import repositories as repo
from civcas.strikes.load import import_strikes
from civcas.strikes.matching import match_incidents

CORPUS = Path(__file__).with_name("corpus")
MONITOR = Path(__file__).with_name("monitor")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")


def build_demo(db_path: Path) -> tuple[Store, list[str]]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    store = Store.open(str(db_path))
    summary = [f"demo database: {db_path}"]

    monitor = import_airwars(store, MONITOR / "incidents.jsonl")
    summary.append(f"import airwars: {monitor.created} monitor incidents")
    summary += [f"  rejected {e}" for e in monitor.errors]

    report = ingest_paths(store, corpus_files())
    summary.append(f"ingest: {report.count('new')} documents from the bundled corpus")
    summary += [f"  rejected {o.reason}" for o in report.rejected]

    releases = [p for p in corpus_files() if "strike-release" in p.name]
    strikes = import_strikes(store, releases, load_gazetteer(store.engine))
    summary.append(f"strikes import: {strikes.new} declared strikes from {len(releases)} releases")
    summary += [f"  rejected {e}" for e in strikes.errors]

    linked = link(store)
    summary.append(f"link: {linked.claims_considered} incident claims, {linked.linked} joined monitor incidents, "
                   f"{linked.new_incidents} new incidents, {linked.suggested} suggested for review")

    matched = match_incidents(store, belligerent="Coalition")
    summary.append(f"strikes match: {matched.with_candidates} incidents with candidate strikes, "
                   f"{len(matched.declared)} declared by an unambiguous match")

    graded = grade_incidents(store)
    summary.append(f"assess grade: {graded.graded} graded by the rules, {graded.kept} kept as the monitor set them")

    with store.session() as s:
        counts = repo.counts(s)
        tallies = repo.tally_timeline(s)
    summary.append(f"{counts['documents']} documents, {counts['claims']} claims, "
                   f"{counts['incidents']} incidents, {len(tallies)} tally points")
    return store, summary
