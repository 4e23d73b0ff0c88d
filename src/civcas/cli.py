"""The civcas command line.  Every command has --help; every error is one line and a non-zero exit.

The commands follow the pipeline: ingest -> extract -> places -> link -> strikes -> assess ->
tally -> publish.  `civcas demo` runs all of them on the bundled corpus and serves the web app.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from civcas import __version__

app = typer.Typer(help=__doc__, no_args_is_help=True, pretty_exceptions_enable=False,
                  add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})
documents_app = typer.Typer(help="Ingested documents.", no_args_is_help=True)
claims_app = typer.Typer(help="Claims extracted from documents.", no_args_is_help=True)
incidents_app = typer.Typer(help="Incidents: the events claims describe.", no_args_is_help=True)
app.add_typer(documents_app, name="documents")
app.add_typer(claims_app, name="claims")
app.add_typer(incidents_app, name="incidents")
assess_app = typer.Typer(help="The official assessment workflow and the monitor's grades.", no_args_is_help=True)
report_app = typer.Typer(help="Reports: the two ledgers month by month.", no_args_is_help=True)
strikes_app = typer.Typer(help="Strikes that militaries declared, and their match to incidents.",
                          no_args_is_help=True)
app.add_typer(strikes_app, name="strikes")
places_app = typer.Typer(help="The gazetteer: import GeoNames dumps, learn from a monitor's records.",
                         no_args_is_help=True)
app.add_typer(places_app, name="places")
sources_app = typer.Typer(help="Who says it: sources, their aliases, and who republishes whom.",
                          no_args_is_help=True)
app.add_typer(sources_app, name="sources")
users_app = typer.Typer(help="People who log in to the web app to review and judge.", no_args_is_help=True)
app.add_typer(users_app, name="users")
review_app = typer.Typer(help="Review what the linker and the matcher suggest: accept or reject, with a reason.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")
import_app = typer.Typer(help="Import a monitor's own incident records.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(assess_app, name="assess")
app.add_typer(report_app, name="report")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
STATE: dict[str, Any] = {"db": None}


class CLIError(Exception):
    """An error for the user: printed as one line, exit code 1."""


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    geojson = "geojson"


@app.callback()
def _root(
    db: Optional[str] = typer.Option(None, "--db", help="Database URL or SQLite file path "
                                     "(default: $CIVCAS_DB, else ./civcas.db).", show_default=False),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        out.print(f"civcas {__version__}")
        raise typer.Exit()
    STATE["db"] = db


def open_store():  # noqa: ANN201
    from civcas.store import Store

    return Store.open(STATE["db"])


# --------------------------------------------------------------------------- init / ingest
@app.command()
def init() -> None:
    """Create the database, or migrate it to the current schema."""
    store = open_store()
    from civcas.store.migrate import current

    out.print(f"database ready: {store.describe()} (schema {current(store.engine)})")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .json .jsonl)."),
    max_bytes: int = typer.Option(20_000_000, help="Reject files larger than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary."),
) -> None:
    """Store documents, extract their claims and geocode them; the same bytes twice are stored once."""
    from civcas.ingest import discover, ingest_items

    store = open_store()
    items = list(discover(paths))
    total = len(items)
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=quiet or total < 20 or not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=total)
        report = ingest_items(store, items, max_bytes=max_bytes, progress=lambda _p: bar.advance(task))
    print_ingest_report(report, quiet)
    if report.rejected:
        raise typer.Exit(1)


def print_ingest_report(report, quiet: bool = False) -> None:  # noqa: ANN001
    if not quiet:
        for o in report.outcomes:
            if o.status == "new":
                out.print(f"new      {o.origin}  (document {o.document_id}, {o.claims} claims)",
                          highlight=False, markup=False)
            elif o.status == "present":
                out.print(f"present  {o.origin}  (document {o.document_id})", highlight=False, markup=False)
    rejected(o.reason for o in report.rejected)
    out.print(f"{report.count('new')} new, {report.count('present')} already present, "
              f"{report.count('rejected')} rejected")


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Documents to read; no database is used."),
    format: str = typer.Option("jsonl", "--format", help="jsonl (one object per document)."),
) -> None:
    """Print the claims of each document as JSON lines: {"document", "published", "claims"}."""
    from civcas.extract import extract as run
    from civcas.ingest.readers import Rejected, read_file

    if format != "jsonl":
        raise CLIError(f"unknown format {format!r}; use jsonl")
    failed = False
    for path in files:
        try:
            docs = read_file(path)
        except Rejected as exc:
            err.print(f"rejected {exc}", highlight=False, markup=False)
            failed = True
            continue
        for doc in docs:
            claims = [c.to_dict() for c in run(doc.text, doc.published, publisher=doc.publisher)]
            line = {"document": doc.origin, "published": doc.published.isoformat() if doc.published else None,
                    "claims": claims}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- documents / claims
@documents_app.command("list")
def documents_list(limit: int = typer.Option(50), after: int = typer.Option(0, help="Show ids after this.")) -> None:
    """List documents, oldest id first."""
    from civcas.store import repositories as repo

    with open_store().session() as s:
        rows = repo.list_documents(s, limit=limit, after_id=after)
    table = Table("id", "published", "publisher", "title", "claims")
    for r in rows:
        table.add_row(str(r["id"]), str(r["published"] or ""), r["publisher"] or "", (r["title"] or "")[:70],
                      str(r["claims"]))
    out.print(table)


@documents_app.command("show")
def documents_show(doc_id: int = typer.Argument(...), text: bool = typer.Option(True, help="Print the text.")) -> None:
    """A document: its metadata, text and claims with their quotes."""
    from civcas.store import repositories as repo

    with open_store().session() as s:
        doc = repo.get_document(s, doc_id)
        if doc is None:
            raise CLIError(f"no document with id {doc_id}")
        claims = repo.document_claims(s, doc_id)
    for key in ("title", "publisher", "published", "url", "language", "origin", "sha256"):
        out.print(f"[bold]{key}[/]: {getattr(doc, key)}", highlight=False)
    if text:
        out.print()
        out.print(doc.text, markup=False, highlight=False)
    out.print()
    print_claims(claims)


def print_claims(claims: list[dict]) -> None:
    table = Table("id", "type", "asserted by", "min", "max", "qualifier", "quote")
    for c in claims:
        table.add_row(str(c["id"]), c["type"], c["asserted_by"] or "", _s(c["count_min"]), _s(c["count_max"]),
                      c["qualifier"] or "", c["quote"][:90])
    out.print(table)


def rejected(lines: Iterable[str]) -> bool:
    """Print each rejected row or file on its own line; True when there was any."""
    any_ = False
    for line in lines:
        err.print(f"rejected {line}", highlight=False, markup=False)
        any_ = True
    return any_


def _s(v: Any) -> str:
    return "" if v is None else str(v)


@claims_app.command("list")
def claims_list(
    type: Optional[str] = typer.Option(None, "--type", help="incident, tally, strike_count, assessment_stats, ratio."),
    document: Optional[int] = typer.Option(None, "--document", help="Only this document's claims."),
    limit: int = typer.Option(100), after: int = typer.Option(0),
) -> None:
    """List claims with their quotes."""
    from civcas.store import repositories as repo

    with open_store().session() as s:
        rows = repo.list_claims(s, type=type, document_id=document, limit=limit, after_id=after)
    print_claims(rows)


# --------------------------------------------------------------------------- incidents
@incidents_app.command("list")
def incidents_list(limit: int = typer.Option(100), after: int = typer.Option(0)) -> None:
    """List incidents with their civilian death ranges and grades."""
    from civcas.store import repositories as repo

    with open_store().session() as s:
        rows = repo.list_incidents(s, limit=limit, after_id=after)
    table = Table("code", "date", "place", "killed", "grade", "status")
    for r in rows:
        killed = f"{_s(r['civilians_killed_min'])}-{_s(r['civilians_killed_max'])}"
        table.add_row(r["code"], r["date"] or "", (r["place_text"] or "")[:50], killed, r["grade"] or "",
                      r["strike_status"] or "")
    out.print(table)


@incidents_app.command("show")
def incidents_show(code: str = typer.Argument(..., help="The incident's public code, e.g. CS0001.")) -> None:
    """One incident: its figures, sources, assessments and audit trail."""
    from civcas.store import repositories as repo

    with open_store().session() as s:
        row = repo.get_incident(s, code)
        if row is None:
            raise CLIError(f"no incident with code {code!r}")
        data = repo.incident_dict(row)
        data["assessments"] = repo.incident_assessments(s, row.id)
        data["audit"] = repo.audit_trail(s, "incident", code)
    out.print_json(json.dumps(data, ensure_ascii=False, default=str))


# --------------------------------------------------------------------------- monitor records
@import_app.command("airwars")
def import_airwars_cmd(file: Path = typer.Argument(..., help="Airwars incident records (.jsonl or .csv).")) -> None:
    """Load a monitor's incident records with their codes, grades, sources, victims and assessments."""
    from civcas.ingest.monitor import import_airwars

    if not file.is_file():
        raise CLIError(f"{file}: no such file")
    result = import_airwars(open_store(), file)
    failed = rejected(result.errors)
    out.print(f"{result.created} new incidents, {result.updated} updated, {result.unchanged} unchanged, "
              f"{len(result.errors)} records rejected, {len(result.warnings)} warnings")
    if failed:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- users
@users_app.command("add")
def users_add(
    username: str = typer.Argument(...),
    role: str = typer.Option("analyst", help="analyst or admin (the public needs no account)."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Add an analyst or an admin; the password is asked for (or read from stdin) and stored hashed."""
    from civcas.publish.auth import AuthError, create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    try:
        create_user(open_store(), username, password, role)
    except AuthError as exc:
        raise CLIError(str(exc)) from None
    out.print(f"user {username} ({role}) added")


@users_app.command("list")
def users_list() -> None:
    """The accounts: name, role, active or switched off, and since when."""
    from civcas.publish.auth import list_users

    table = Table("username", "role", "active", "created")
    for u in list_users(open_store()):
        table.add_row(escape(u["username"]), u["role"], "yes" if u["active"] else "no",
                      u["created_at"].date().isoformat() if u["created_at"] else "")
    out.print(table)


@users_app.command("set")
def users_set(
    username: str = typer.Argument(...),
    reason: str = typer.Option(..., "--reason", help="Why (kept in the audit log)."),
    role: Optional[str] = typer.Option(None, "--role", help="viewer, analyst or admin."),
    active: Optional[bool] = typer.Option(None, "--active/--inactive", help="Switch the account on or off "
                                          "(accounts are never deleted: the audit log names them).",
                                          show_default=False),
) -> None:
    """Change a user's role or switch the account on or off; the last active admin stays one."""
    from civcas.publish.auth import AuthError, change_user

    if role is None and active is None:
        raise CLIError("nothing to change: give --role, --active or --inactive")
    try:
        got = change_user(open_store(), "cli", username, role=role, active=active, reason=reason)
    except AuthError as exc:
        raise CLIError(str(exc)) from None
    out.print(f"user {escape(got['username'])}: {got['role']}, {'active' if got['active'] else 'switched off'}")


# --------------------------------------------------------------------------- link
@app.command()
def link(
    full: bool = typer.Option(False, "--full", help="Relink every claim, not only the new ones."),
    engine: str = typer.Option("duckdb", "--engine", help="duckdb (default) or spark (local mode)."),
    upper: Optional[float] = typer.Option(None, help="Match probability above which a claim joins an incident."),
    lower: Optional[float] = typer.Option(None, help="Below this a claim starts a new incident; between, a "
                                          "link is suggested for review."),
) -> None:
    """Link incident claims into incidents with Splink; incident codes stay stable."""
    from civcas.assess.grader import grade_incidents
    from civcas.link import DEFAULT_LOWER, DEFAULT_UPPER, EngineUnavailable
    from civcas.link import link as run_link

    store = open_store()
    try:
        report = run_link(store, full=full, engine=engine, upper=upper if upper is not None else DEFAULT_UPPER,
                          lower=lower if lower is not None else DEFAULT_LOWER)
    except (EngineUnavailable, ValueError) as exc:
        raise CLIError(str(exc)) from None
    graded = grade_incidents(store)
    out.print(f"{report.claims_considered} claims considered: {report.linked} joined incidents, "
              f"{report.in_new_incidents} in {report.new_incidents} new incidents, {report.suggested} suggested "
              f"for review, {report.merges} merges ({report.parameters} parameters, {report.engine}); "
              f"{graded.changed} grades changed")
    for note in report.notes:
        out.print(f"  {note}", highlight=False, markup=False)


# --------------------------------------------------------------------------- review
@review_app.command("list")
def review_list(limit: int = typer.Option(50)) -> None:
    """Suggested claim links and strike matches waiting for an analyst."""
    from civcas.publish.queries import suggested_links, suggested_matches

    with open_store().session() as s:
        links, matches = suggested_links(s, limit), suggested_matches(s, limit)
    table = Table("link", "incident", "score", "claim quote", title="Suggested links")
    for r in links:
        table.add_row(str(r["id"]), r["code"], f"{r['score'] or 0:.2f}", r["quote"][:90])
    out.print(table)
    table = Table("incident", "match", "rank", "score", "strike", title="Suggested strike matches")
    for r in matches:
        table.add_row(r["code"], str(r["id"]), str(r["rank"]), f"{r['score']:.2f}",
                      f"{r['strike_date']} near {r['location'] or '?'}: {(r['targets'] or '')[:60]}")
    out.print(table)


class Verdict(str, Enum):
    accept = "accept"
    reject = "reject"


@review_app.command("link")
def review_link_cmd(
    link_id: int = typer.Argument(...), verdict: Verdict = typer.Argument(...),
    actor: str = typer.Option(..., help="Who."), reason: str = typer.Option(..., help="Why."),
) -> None:
    """Accept or reject a suggested link of a claim to an incident."""
    from civcas.assess.grader import grade_incidents
    from civcas.link.review import review_link

    store = open_store()
    try:
        with store.session() as s:
            result = review_link(s, link_id, verdict is Verdict.accept, actor, reason)
    except (LookupError, ValueError) as exc:
        raise CLIError(str(exc).strip("'\"")) from None
    grade_incidents(store, [result["incident_code"]])
    out.print(f"claim {result['claim_id']} -> {result['incident_code']}: {result['status']}")


@review_app.command("match")
def review_match_cmd(
    match_id: int = typer.Argument(..., help="The match's number in `civcas review list`."),
    verdict: Verdict = typer.Argument(...),
    actor: str = typer.Option(..., help="Who."), reason: str = typer.Option(..., help="Why."),
) -> None:
    """Confirm or reject a declared strike as the one behind an incident."""
    from civcas.assess.grader import grade_incidents
    from civcas.store.schema import Incident, StrikeMatch
    from civcas.strikes.matching import review_match

    store = open_store()
    with store.session() as s:
        m = s.get(StrikeMatch, match_id)
        if m is None:
            raise CLIError(f"no strike match {match_id}")
        code, strike_id = s.get(Incident, m.incident_id).code, m.strike_id
    try:
        result = review_match(store, code, strike_id, verdict is Verdict.accept, actor, reason)
    except (LookupError, ValueError) as exc:
        raise CLIError(str(exc).strip("'\"")) from None
    grade_incidents(store, [code])
    out.print(f"{code} / strike {strike_id}: {result['status']}; strike status {result['strike_status']}")


# --------------------------------------------------------------------------- sources
@sources_app.command("list")
def sources_list() -> None:
    """Sources with their kind, aliases and the source each republishes."""
    from civcas.store.sources import list_sources

    with open_store().session() as s:
        rows = list_sources(s)
    table = Table("name", "kind", "republishes", "aliases")
    for r in rows:
        table.add_row(r["name"], r["kind"], r["republishes"] or "", ", ".join(r["aliases"])[:80])
    out.print(table)


@sources_app.command("add")
def sources_add(
    name: str = typer.Argument(...),
    kind: str = typer.Option("media", help="media, wire, ngo_monitor, official_military, un, social_media, witness."),
    alias: list[str] = typer.Option([], "--alias", help="Another spelling (repeatable)."),
    republishes: Optional[str] = typer.Option(None, help="The source whose reports this one reprints."),
    actor: str = typer.Option(..., help="Who."),
    reason: str = typer.Option(..., help="Why."),
) -> None:
    """Add a source, or give one aliases or a reprint edge (two reprints of one wire are one source)."""
    from civcas.store.sources import add_source

    try:
        with open_store().session() as s:
            src = add_source(s, name, kind, alias, republishes, actor, reason)
            out.print(f"source {src.name} ({src.kind})")
    except ValueError as exc:
        raise CLIError(str(exc)) from None


# --------------------------------------------------------------------------- strikes
@strikes_app.command("import")
def strikes_import(
    files: list[Path] = typer.Argument(..., help="Strike releases: CENTCOM/CJTF-OIR text, HTML or CSV, "
                                       "or the Dutch defence ministry's CSV."),
) -> None:
    """Import declared strikes; malformed rows are reported with file and line and skipped."""
    from civcas.strikes.load import import_strikes

    for f in files:
        if not f.is_file():
            raise CLIError(f"{f}: no such file")
    store = open_store()
    result = import_strikes(store, files, gazetteer_for(store))
    failed = rejected(result.errors)
    out.print(f"{result.new} new strikes, {result.present} already present, {len(result.errors)} rows "
              f"rejected, {len(result.warnings)} warnings; {result.placed} placed on the map "
              f"({result.placed - result.geocoded} by their own coordinates, {result.geocoded} by their town)")
    if failed:
        raise typer.Exit(1)


@strikes_app.command("match")
def strikes_match(
    codes: Optional[list[str]] = typer.Argument(None, help="Incident codes (default: all)."),
    belligerent: str = typer.Option("Coalition", help="Only incidents whose belligerent names this."),
    top: int = typer.Option(5, help="Candidates kept per incident."),
) -> None:
    """Rank the declared strikes that could be each incident; declare only unambiguous matches."""
    from civcas.assess.grader import grade_incidents
    from civcas.strikes.matching import match_incidents

    store = open_store()
    report = match_incidents(store, codes=codes or None, top=top, belligerent=belligerent or None)
    graded = grade_incidents(store, codes or None)
    out.print(f"{report.incidents} incidents ranked ({report.skipped} without date or place), "
              f"{report.with_candidates} with candidates, {len(report.declared)} newly declared, "
              f"{len(report.reverted)} set back to alleged; {graded.changed} grades changed")


def gazetteer_for(store):  # noqa: ANN001, ANN201
    """The store's gazetteer when places were imported into it, else the bundled default."""
    from civcas.places.cli import load_gazetteer

    return load_gazetteer(store.engine)


# --------------------------------------------------------------------------- places
@places_app.command("import")
def places_import(files: list[Path] = typer.Argument(..., help="GeoNames dumps: a country file (IQ.txt), "
                                                     "allCountries.txt, alternateNamesV2.txt, admin1CodesASCII.txt; "
                                                     ".zip and .gz too.")) -> None:
    """Load GeoNames dump files, streaming; a malformed line is reported and skipped."""
    from civcas.places.cli import import_file

    store = open_store()
    failed = False
    for f in files:
        if not f.is_file():
            raise CLIError(f"{f}: no such file")
        size = f.stat().st_size
        with Progress(TextColumn(f"{f.name}"), BarColumn(), TextColumn("{task.completed:,} lines"),
                      console=err, disable=not err.is_terminal) as bar:
            task = bar.add_task("import", total=None)
            result = import_file(store.engine, f, progress=lambda n: bar.update(task, completed=n))
        for e in result["errors"]:
            err.print(f"rejected {f}:{e['line']}: {e['error']}", highlight=False, markup=False)
            failed = True
        out.print(f"{f.name} ({result['kind']}, {size / 1e6:.1f} MB): {result['places']:,} places, "
                  f"{result['names']:,} names from {result['lines']:,} lines; {len(result['errors'])} lines rejected",
                  highlight=False)
    if failed:
        raise typer.Exit(1)


@places_app.command("learn")
def places_learn(file: Path = typer.Argument(..., help="Geolocated incident records (Airwars layout, .jsonl).")) -> None:
    """Learn village names and coordinates from a monitor's geolocated incidents."""
    from civcas.places.cli import learn_file
    from civcas.places.importer import seed_default

    if not file.is_file():
        raise CLIError(f"{file}: no such file")
    engine = open_store().engine
    seed_default(engine)  # learned spellings attach to the bundled places they name
    result = learn_file(engine, file)
    out.print(json.dumps(result, ensure_ascii=False, default=str))


@app.command()
def geocode(
    queries: list[str] = typer.Argument(..., help='Place phrases as reports write them, e.g. "near Mosul, Iraq".'),
    format: str = typer.Option("json", "--format", help="json (one object per query per line)."),
    offline: bool = typer.Option(False, "--offline", help="Use only the bundled gazetteer, no database."),
) -> None:
    """Geocode place phrases: one JSON object per query, in order, with precision and candidates."""
    from civcas.places.cli import geocode_json, load_gazetteer

    if format != "json":
        raise CLIError(f"unknown format {format!r}; use json")
    gazetteer = load_gazetteer(None if offline else open_store().engine)
    for row in geocode_json(gazetteer, queries):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- assess / report
@assess_app.command("transition")
def assess_transition(
    code: str = typer.Argument(..., help="Incident code."),
    target: str = typer.Argument(..., help="not_yet_assessed (receipt), under_assessment, credible, "
                                 "non_credible, duplicate, reopened."),
    belligerent: str = typer.Option("CJTF-OIR", help="Whose assessment."),
    actor: str = typer.Option(..., help="Who makes the change."),
    reason: str = typer.Option(..., help="Why."),
    effective: str = typer.Option(..., help="When it happened (YYYY-MM-DD), e.g. the statement's date."),
    deaths_min: Optional[int] = typer.Option(None, help="Deaths conceded (credible)."),
    deaths_max: Optional[int] = typer.Option(None),
    reason_code: Optional[str] = typer.Option(None, help="Why non-credible, e.g. no_coalition_strikes."),
    duplicate_of: Optional[str] = typer.Option(None, help="The incident this duplicates."),
    statement: Optional[str] = typer.Option(None, help="The statement's text."),
) -> None:
    """Move an allegation through the workflow; refused with the rule's name when not allowed."""
    import datetime as dt

    from civcas.assess.workflow import WorkflowError, load
    from civcas.store.assessments import LedgerError, apply_transition

    try:
        day = dt.date.fromisoformat(effective)
    except ValueError:
        raise CLIError(f"--effective must be a date like 2017-06-30, not {effective!r}") from None
    fields = {"actor": actor, "reason": reason, "effective": day, "deaths_conceded_min": deaths_min,
              "deaths_conceded_max": deaths_max if deaths_max is not None else deaths_min,
              "reason_code": reason_code, "duplicate_of": duplicate_of, "statement_text": statement}
    try:
        with open_store().session() as s:
            after = apply_transition(s, load(), code, belligerent, target, fields)
    except (WorkflowError, LedgerError) as exc:
        raise CLIError(str(exc)) from None
    out.print(f"{code}/{belligerent}: {after['state']} (version {after['version']})")


@assess_app.command("grade")
def assess_grade(codes: Optional[list[str]] = typer.Argument(None, help="Incident codes (default: all).")) -> None:
    """Recompute grades by the rules (analysts' and monitors' grades are kept)."""
    from civcas.assess.grader import grade_incidents

    run = grade_incidents(open_store(), codes or None)
    out.print(f"{run.graded} graded by the rules, {run.changed} changed, {run.kept} kept as set by an analyst or monitor")


@assess_app.command("set-grade")
def assess_set_grade(
    code: str = typer.Argument(...),
    grade: str = typer.Argument(..., help="confirmed, fair, weak, contested, discounted, or 'rules' to release."),
    actor: str = typer.Option(..., help="Who."),
    reason: str = typer.Option(..., help="Why."),
) -> None:
    """An analyst's grade, with a reason; 'rules' hands the incident back to the grading rules."""
    from civcas.assess.grader import set_grade

    try:
        after = set_grade(open_store(), code, None if grade == "rules" else grade, actor, reason)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    out.print(f"{code}: {after['grade']} ({after['grade_reason']})")


@assess_app.command("evidence")
def assess_evidence(
    code: str = typer.Argument(...),
    add: list[str] = typer.Option([], "--add", help="named_victims, photos, video, witness_testimony, "
                                  "munition_remnants, satellite_imagery."),
    remove: list[str] = typer.Option([], "--remove"),
    discount: Optional[str] = typer.Option(None, help="combatants, other_party, or none to clear."),
    actor: str = typer.Option(..., help="Who."),
    reason: str = typer.Option(..., help="Why."),
) -> None:
    """Record evidence or a discounting finding on an incident; its grade is recomputed."""
    from civcas.assess.grader import record_findings

    try:
        after = record_findings(open_store(), code, actor, reason, add=add, remove=remove, discount=discount)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    out.print(f"{code}: evidence {', '.join(after['evidence']) or 'none'}; discount {after['discount'] or 'none'}")


@assess_app.command("history")
def assess_history(code: str = typer.Argument(...)) -> None:
    """Who changed this incident's grade, when and why."""
    from civcas.assess.grader import grade_history

    table = Table("when", "who", "grade", "why")
    for e in grade_history(open_store(), code):
        table.add_row(e["at"][:19], e["actor"], str((e["after"] or {}).get("grade")), e["reason"] or "")
    out.print(table)


@assess_app.command("refer")
def assess_refer(
    limit: int = typer.Option(..., help="How many allegations to refer."),
    batch: str = typer.Option(..., help="A name for this batch, e.g. 2017-06-A."),
    actor: str = typer.Option(..., help="Who sends it."),
    belligerent: str = typer.Option("CJTF-OIR", help="To whom."),
    format: str = typer.Option("csv", "--format", help="csv or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """Export the next allegations a military has not assessed, recording their receipt."""
    from civcas.assess.referrals import export_referrals, render_referrals

    if format not in ("csv", "json"):
        raise CLIError(f"unknown format {format!r}; use csv or json")
    rows = export_referrals(open_store(), belligerent, limit=limit, batch=batch, actor=actor)
    text = render_referrals(rows, format)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"referred {len(rows)} allegations to {belligerent}: {output}")
    else:
        sys.stdout.write(text)


@assess_app.command("answers")
def assess_answers(
    file: Path = typer.Argument(..., help="The military's answers (CSV or JSON): incident_code, assessment, "
                                "deaths_conceded, reason_code, duplicate_of, statement_date, statement."),
    actor: str = typer.Option(..., help="Who imports them."),
    belligerent: str = typer.Option("CJTF-OIR", help="Whose answers."),
) -> None:
    """Import a military's answers to a referral batch, matched to the incidents."""
    from civcas.assess.referrals import import_answers

    if not file.is_file():
        raise CLIError(f"{file}: no such file")
    try:
        result = import_answers(open_store(), file, belligerent, actor)
    except (ValueError, json.JSONDecodeError) as exc:
        raise CLIError(f"{file}: {exc}") from None
    failed = rejected(result.unknown + result.refused)
    out.print(f"{result.applied} answers applied, {len(result.unknown)} unknown incidents, "
              f"{len(result.refused)} refused")
    if failed:
        raise typer.Exit(1)


@report_app.command("tallies")
def report_tallies(format: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Official and independent tallies over time, with the figures that fall or do not add up."""
    from civcas.tally.report import tally_timeline

    data = tally_timeline(open_store())
    if format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    table = Table("as of", "kind", "who", "count", "quote")
    for p in data["points"]:
        count = _s(p["count_min"]) + (f"-{p['count_max']}" if p["count_max"] not in (None, p["count_min"]) else "")
        table.add_row(p["as_of"] or "", p["tally_kind"] or "", p["asserted_by"] or "", count, p["quote"][:80])
    out.print(table)
    for f in data["falling"]:
        out.print(f"[red]flag[/]: {f['flag']}", highlight=False)
    for st in data["statements"]:
        for f in st["flags"]:
            out.print(f"[red]flag[/] (document {st['document_id']}): {f}", highlight=False)


@report_app.command("monthly")
def report_monthly(
    month: str = typer.Argument(..., help="YYYY-MM"),
    belligerent: str = typer.Option("CJTF-OIR", help="Whose statement."),
    scope: str = typer.Option("Coalition", help="The monitor's incidents whose belligerent names this."),
    format: str = typer.Option("json", "--format", help="json, html or pdf (pdf needs --output)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """What a monthly statement gives, the monitor's side, and the gap between them."""
    from civcas.tally.report import monthly_report

    try:
        report = monthly_report(open_store(), month, belligerent, scope)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    if format == "json":
        text = json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n"
    elif format == "html":
        from civcas.publish.render import render_standalone

        text = render_standalone("monthly.html", r=report)
    elif format == "pdf":
        from civcas.publish.render import render_pdf

        if output is None:
            raise CLIError("a PDF needs --output FILE")
        output.write_bytes(render_pdf("monthly.html", r=report))
        err.print(f"wrote {output}")
        return
    else:
        raise CLIError(f"unknown format {format!r}; use json, html or pdf")
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


# --------------------------------------------------------------------------- export
EXPORTS = ("documents", "claims", "incidents", "tallies", "audit", "strike-matches")


@app.command()
def export(
    entity: str = typer.Argument(..., help=f"One of: {', '.join(EXPORTS)}."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export a table as CSV, JSON or JSON lines (restricted fields are never exported)."""
    from civcas.publish.exports import export_rows

    if entity not in EXPORTS:
        raise CLIError(f"unknown entity {entity!r}; choose one of {', '.join(EXPORTS)}")
    if entity == "strike-matches":
        from civcas.strikes.matching import export_rows as match_rows

        rows = match_rows(open_store())
        if format.value == "csv":
            rows = [{**{k: v for k, v in r.items() if k != "strike"},
                     **{f"strike_{k}": v for k, v in (r.get("strike") or {}).items()}} for r in rows]
    else:
        with open_store().session() as s:
            rows = list(export_rows(s, entity, with_claims=format.value != "csv"))
    text = render(rows, format.value)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {len(rows)} {entity} to {output}")
    else:
        sys.stdout.write(text)


def render(rows: list[dict], fmt: str) -> str:
    from civcas.publish.exports import csv_lines, geojson_chunks

    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    if fmt == "geojson":
        if rows and "lat" not in rows[0]:
            raise CLIError("GeoJSON needs rows with coordinates (incidents or claims)")
        return "".join(geojson_chunks(iter(rows))) + "\n"
    columns = list(rows[0].keys()) if rows else []
    return "".join(csv_lines(iter(rows), columns)) if rows else ""


# --------------------------------------------------------------------------- serve / demo
@app.command()
def serve(host: str = typer.Option("127.0.0.1"), port: int = typer.Option(8000)) -> None:
    """Serve the web app and JSON API."""
    run_server(open_store(), host, port)


def run_server(store, host: str, port: int) -> None:  # noqa: ANN001
    import uvicorn

    from civcas.publish.web import create_app

    out.print(f"serving {store.describe()} on http://{host}:{port}  (Ctrl+C to stop)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def demo(
    port: int = typer.Option(8000),
    host: str = typer.Option("127.0.0.1"),
    db: Path = typer.Option(Path("civcas-demo.db"), "--demo-db", help="The demo's own SQLite file (rebuilt)."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Build the demo database and stop."),
) -> None:
    """Build a fresh database from the bundled corpus, run every stage, and serve the web app."""
    from civcas.demo import build_demo

    store, summary = build_demo(db)
    for line in summary:
        out.print(line, highlight=False, markup=False)
    if not no_serve:
        run_server(store, host, port)


# --------------------------------------------------------------------------- entry point
def main(argv: Iterable[str] | None = None) -> None:
    from civcas.errors import CivcasError

    try:
        code = app(args=list(argv) if argv is not None else None, standalone_mode=False)
    except (CLIError, CivcasError) as exc:
        err.print(f"error: {exc}", highlight=False, markup=False)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        sys.exit(130)
    except Exception as exc:  # the user gets one line; developers set CIVCAS_DEBUG=1
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # a usage error
            err.print(f"error: {exc.format_message()} (see --help)", highlight=False, markup=False)
            sys.exit(exc.exit_code)
        if os.environ.get("CIVCAS_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        err.print(f"error: {type(exc).__name__}: {first} (set CIVCAS_DEBUG=1 for details)",
                  highlight=False, markup=False)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
