"""Measure the claim linker on real reports: Airwars' Syria source texts and their incidents.

    .venv/bin/python bench/link_real.py [--limit N] [--tolled] [--json] [--shared PATH]

Gold: each source text in `data/airwars-syria/airwars-syria-source-texts.jsonl` lists the Airwars
incidents its analysts linked it to.  The run

1. opens a fresh temporary SQLite store;
2. stores every distinct linked incident as a monitor incident, the way `civcas import airwars`
   does (`import_incidents`, actor "import:airwars", codes kept, `origin` set);
3. ingests every text through the normal pipeline (`store_document` with `default_steps`:
   extraction, then geocoding), the published date taken from `publication_date` (or, when the
   row has none, sniffed from the text as the JSON reader does);
4. runs `link(store)` with the default thresholds;
5. scores where each document's incident claims ended against the document's gold incidents,
   and does the same for a naive baseline (nearest monitor incident within +-2 days and 50 km
   or the same governorate).

Per claim, one state: joined_right (confirmed link to one of its document's gold incidents),
joined_wrong (confirmed link to another monitor incident), joined_mixed (confirmed in a new CV
incident that also holds claims of documents sharing no gold incident with this one),
new (a CV incident of its own or with compatible claims only), suggested_right /
suggested_wrong (only suggestions; right when one of them is a gold incident), unlinked (no link:
nothing to link on).  A document takes the best state among its claims, in that order of
precedence: joined_right > joined_wrong > joined_mixed > suggested_right > suggested_wrong > new >
unlinked.  Pairwise: two claims are a true pair when their documents share a gold incident, a
predicted pair when they end (confirmed) in the same incident.

The data are not ours: they are read from ../shared and never copied.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import logging
import math
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]
DATA = Path("data") / "airwars-syria" / "airwars-syria-source-texts.jsonl"
ACTOR = "import:airwars"
CLAIM_STATES = ("joined_right", "joined_wrong", "joined_mixed", "suggested_right", "suggested_wrong",
                "new", "unlinked")
BASELINE_DAYS = 2
BASELINE_KM = 50.0


# --------------------------------------------------------------------------- input
def texts_path(shared: Path) -> Path:
    return Path(shared) / DATA


def load_rows(shared: Path, limit: int | None = None, tolled: bool = False) -> tuple[list[dict], list[dict]]:
    """(selected rows, all rows); `tolled` keeps texts linked to an incident with a death toll."""
    all_rows = []
    with texts_path(shared).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                row["_line"] = lineno
                all_rows.append(row)
    rows = [r for r in all_rows if not tolled or has_toll(r)]
    return (rows[:limit] if limit else rows), all_rows


def has_toll(row: dict) -> bool:
    return any((i.get("killed_min") or 0) > 0 or (i.get("killed_max") or 0) > 0
               for i in row.get("incidents") or [])


def _int(v: Any) -> int | None:
    if v is None or v == "":
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _float(v: Any) -> float | None:
    try:
        return None if v is None or v == "" else float(v)
    except (TypeError, ValueError):
        return None


def incident_records(rows: Iterable[dict], filename: str):
    """Every distinct incident the texts are linked to, as a monitor's IncidentRecord."""
    from civcas.ingest.airwars import split_code
    from civcas.records import IncidentRecord

    seen: dict[str, IncidentRecord] = {}
    for row in rows:
        for inc in row.get("incidents") or []:
            # "TS477 CS1967" (an incident shared by two belligerents): one code, the other kept as
            # a previous code, as `civcas import airwars` does.
            code, others = split_code((inc.get("code") or "").strip())
            if not code or code in seen:
                continue
            try:
                day = dt.date.fromisoformat((inc.get("date") or "")[:10])
            except ValueError:
                day = None
            lat, lon = _float(inc.get("latitude")), _float(inc.get("longitude"))
            if lat is None or lon is None:
                lat = lon = None
            seen[code] = IncidentRecord(
                code=code, previous_codes=others, date=day, date_precision="day" if day else None,
                place_text=inc.get("location_original") or None, place_text_ar=inc.get("location_ar") or None,
                country="Syria", lat=lat, lon=lon, geo_precision=2 if lat is not None else None,
                belligerent=inc.get("military_original") or None,
                civilians_killed_min=_int(inc.get("killed_min")), civilians_killed_max=_int(inc.get("killed_max")),
                injured_min=_int(inc.get("injured_min")), injured_max=_int(inc.get("injured_max")),
                url=inc.get("airwars_url") or None, origin=f"{filename}:{row['_line']}")
    return list(seen.values())


def published_of(row: dict) -> tuple[dt.date | None, str]:
    """The row's publication_date; without one, the date the text itself carries (as the JSON reader
    sniffs a header), else None."""
    from civcas.extract.arabic import parse_arabic_date

    d = parse_arabic_date(row.get("publication_date") or None)
    if d is not None:
        return d, "row"
    text = row.get("text") or ""
    try:
        if row.get("language") == "ar":
            from civcas.extract.arabic import find_published_ar
            d = find_published_ar(text)
        else:
            from civcas.extract import find_published
            d = find_published(text)
    except Exception:  # noqa: BLE001 - a sniffer failing must not stop the benchmark
        d = None
    return d, ("text" if d is not None else "none")


def document_record(row: dict, published: dt.date | None, filename: str):
    from civcas.ingest.readers import Metadata, make_document

    # The document's bytes: the row without the gold (so the store never sees the answer).
    item = {k: v for k, v in row.items() if k not in ("incidents", "_line")}
    raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
    lang = row.get("language") if row.get("language") in ("ar", "en") else None
    meta = Metadata(url=row.get("original_url") or None, title=row.get("page_title") or None,
                    publisher=row.get("publisher") or None, published=published, language=lang)
    return make_document(raw, row.get("text") or "", meta, f"{filename}:{row['_line']}", "application/json")


class Timed:
    """Wrap an ingest step to add up the time it takes."""

    def __init__(self, step, clock: dict[str, float]):
        self.step, self.name, self.clock = step, getattr(step, "name", type(step).__name__), clock

    def __call__(self, doc, claims):
        t = time.perf_counter()
        try:
            return self.step(doc, claims)
        finally:
            self.clock[self.name] = self.clock.get(self.name, 0.0) + time.perf_counter() - t


@contextmanager
def stage(timings: dict[str, float], name: str):
    t = time.perf_counter()
    yield
    timings[name] = round(timings.get(name, 0.0) + time.perf_counter() - t, 3)


# --------------------------------------------------------------------------- scoring
def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def pairwise(claims: list[int], gold_of: dict[int, frozenset], cluster_of: dict[int, Any]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 over claims; gold pairs share a gold incident, predicted pairs a
    cluster (None: a singleton)."""
    truth: set[tuple[int, int]] = set()
    by_code: dict[str, list[int]] = defaultdict(list)
    for c in claims:
        for code in gold_of[c]:
            by_code[code].append(c)
    for members in by_code.values():
        truth.update(itertools.combinations(sorted(members), 2))
    predicted: set[tuple[int, int]] = set()
    by_cluster: dict[Any, list[int]] = defaultdict(list)
    for c in claims:
        if cluster_of.get(c) is not None:
            by_cluster[cluster_of[c]].append(c)
    for members in by_cluster.values():
        predicted.update(itertools.combinations(sorted(members), 2))
    tp = len(truth & predicted)
    p = tp / len(predicted) if predicted else None
    r = tp / len(truth) if truth else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"true_pairs": len(truth), "predicted_pairs": len(predicted), "tp": tp,
            "precision": p, "recall": r, "f1": f1}


def summarise(docs: list[int], claims_of: dict[int, list[int]], state_of: dict[int, str],
              gold_of: dict[int, frozenset], cluster_of: dict[int, Any]) -> dict[str, Any]:
    """Document shares, claim counts, precision of confirmed joins and pairwise scores for a subset."""
    doc_states = Counter()
    for d in docs:
        states = {state_of[c] for c in claims_of[d]}
        doc_states[next(s for s in CLAIM_STATES if s in states)] += 1
    claims = [c for d in docs for c in claims_of[d]]
    claim_states = Counter(state_of[c] for c in claims)
    n = len(docs)
    joined = claim_states["joined_right"] + claim_states["joined_wrong"]
    doc_joined = doc_states["joined_right"] + doc_states["joined_wrong"]
    suggested = claim_states["suggested_right"] + claim_states["suggested_wrong"]
    return {
        "documents": n, "claims": len(claims),
        "documents_by_state": {s: doc_states[s] for s in CLAIM_STATES},
        "document_shares": {s: (doc_states[s] / n if n else None) for s in CLAIM_STATES},
        "claims_by_state": {s: claim_states[s] for s in CLAIM_STATES},
        # Of the claims confirmed into a monitor incident, the share that went to a gold one.
        "join_precision_claims": claim_states["joined_right"] / joined if joined else None,
        "join_precision_documents": doc_states["joined_right"] / doc_joined if doc_joined else None,
        "suggestion_precision_claims": claim_states["suggested_right"] / suggested if suggested else None,
        "pairwise": pairwise(claims, gold_of, cluster_of),
    }


def subsets(docs: list[int], lang_of: dict[int, str]) -> dict[str, list[int]]:
    return {"all": docs, "en": [d for d in docs if lang_of[d] == "en"],
            "ar": [d for d in docs if lang_of[d] == "ar"]}


# --------------------------------------------------------------------------- the run
def run(shared: Path, limit: int | None = None, tolled: bool = False, db_dir: Path | None = None,
        examples: int = 8, train: bool | None = None) -> dict[str, Any]:
    """The whole evaluation; returns a JSON-able dict (see `print_table`)."""
    from civcas.ingest import store_document
    from civcas.ingest.steps import default_steps
    from civcas.link import link
    from civcas.store import Store
    from civcas.store import repositories as repo

    timings: dict[str, float] = {}
    with stage(timings, "load texts"):
        rows, all_rows = load_rows(shared, limit, tolled)
        filename = texts_path(shared).name
        # Every incident any text is linked to is the monitor's ledger (distractors included).
        incidents = incident_records(all_rows, filename)

    tmp = tempfile.TemporaryDirectory(dir=db_dir, prefix="civcas-link-real-")
    store = Store.open(str(Path(tmp.name) / "civcas.db"))
    try:
        with stage(timings, "store monitor incidents"):
            with store.session() as s:
                counts = repo.import_incidents(s, incidents, ACTOR, f"imported from {filename}")

        step_clock: dict[str, float] = {}
        with stage(timings, "ingest (total)"):
            steps = [Timed(st, step_clock) for st in default_steps(store)]
            doc_row: dict[int, dict] = {}
            published_from = Counter()
            rejected = []
            for row in rows:
                published, how = published_of(row)
                published_from[how] += 1
                try:
                    doc = document_record(row, published, filename)
                except Exception as exc:  # noqa: BLE001 - a rejected text is reported, not fatal
                    rejected.append(f"{row.get('source_id')}: {exc}")
                    continue
                out = store_document(store, doc, steps)
                if out.document_id is None:
                    rejected.append(f"{row.get('source_id')}: {out.reason}")
                    continue
                if out.document_id in doc_row:     # same bytes twice: one document, gold merged
                    doc_row[out.document_id]["incidents"] += row.get("incidents") or []
                else:
                    doc_row[out.document_id] = dict(row, incidents=list(row.get("incidents") or []))
        for name, secs in step_clock.items():
            timings[f"  ingest step: {name}"] = round(secs, 3)

        with stage(timings, "link"):
            report = link(store, train=train)

        with stage(timings, "measure (civcas)"):
            state = read_state(store)
            m = measure_linker(state, doc_row, examples)

        with stage(timings, "baseline"):
            b = measure_baseline(state, doc_row, incidents, store, examples)
    finally:
        store.close()
        tmp.cleanup()

    langs = Counter(r.get("language") for r in rows)
    return {
        "texts": len(rows), "texts_by_language": dict(langs), "tolled_only": tolled,
        "published_date_from": dict(published_from), "documents": len(doc_row), "rejected": rejected,
        "monitor_incidents": len(incidents), "monitor_incidents_stored": counts["created"],
        "monitor_incidents_rejected": counts["rejected"],
        "incident_claims": len(state["claims"]),
        "texts_without_incident_claim": m.pop("without_claim"),
        "link_report": report.to_dict(),
        "civcas": m, "baseline": b, "timings": timings,
        "verdict": verdict(m, b),
    }


def read_state(store) -> dict[str, Any]:
    """Claims (with their document), incidents and the linker's links, read back from the store."""
    from sqlalchemy import select

    from civcas.store import links as store_links
    from civcas.store.schema import Claim, ClaimLink, Incident

    with store.session() as s:
        claims = {c["id"]: c for c in store_links.incident_claims(s)}
        doc_of = dict(s.execute(select(Claim.id, Claim.document_id).where(Claim.type == "incident")).all())
        incidents = {r.id: {"code": r.code, "origin": r.origin, "date": r.date, "place": r.place_text,
                            "codes": frozenset([r.code, *(r.previous_codes or [])])}
                     for r in s.scalars(select(Incident))}
        links = [(ln.claim_id, ln.incident_id, ln.status, ln.method, ln.score)
                 for ln in s.scalars(select(ClaimLink).order_by(ClaimLink.id))]
    for cid, c in claims.items():
        c["document_id"] = doc_of[cid]
    return {"claims": claims, "incidents": incidents, "links": links}


def _gold(row: dict) -> frozenset:
    """Every code of the row's gold incidents ("TS477 CS1967" gives both)."""
    return frozenset(t for i in row.get("incidents") or [] for t in (i.get("code") or "").split())


def _claim_brief(c: dict) -> str:
    bits = [str(c.get("event_date") or "no date"), c.get("place_text") or "no place"]
    if c.get("count_min") is not None:
        bits.append(f"{c['count_min']}-{c['count_max']} {c.get('counted') or ''}".strip())
    return ", ".join(bits)


def _common(state: dict[str, Any], doc_row: dict[int, dict]):
    claims = state["claims"]
    claims_of: dict[int, list[int]] = defaultdict(list)
    for cid, c in claims.items():
        claims_of[c["document_id"]].append(cid)
    gold_doc = {d: _gold(r) for d, r in doc_row.items()}
    gold_of = {cid: gold_doc.get(c["document_id"], frozenset()) for cid, c in claims.items()}
    docs = sorted(d for d in doc_row if claims_of.get(d))
    lang_of = {d: doc_row[d].get("language") for d in doc_row}
    return claims_of, gold_doc, gold_of, docs, lang_of


def measure_linker(state: dict[str, Any], doc_row: dict[int, dict], examples: int) -> dict[str, Any]:
    claims, incidents = state["claims"], state["incidents"]
    claims_of, gold_doc, gold_of, docs, lang_of = _common(state, doc_row)
    confirmed: dict[int, list[int]] = defaultdict(list)
    suggested: dict[int, list[int]] = defaultdict(list)
    for cid, inc, status, _method, _score in state["links"]:
        if cid not in claims:
            continue
        if status == "confirmed":
            confirmed[cid].append(inc)
        elif status == "suggested":
            suggested[cid].append(inc)
    multi = sorted(cid for cid, incs in confirmed.items() if len(incs) > 1)
    both = sorted(cid for cid in confirmed if cid in suggested)

    members: dict[int, list[int]] = defaultdict(list)
    for cid, incs in confirmed.items():
        members[incs[0]].append(cid)

    state_of: dict[int, str] = {}
    cluster_of: dict[int, Any] = {}
    errors: dict[str, list[dict]] = defaultdict(list)
    for cid, c in claims.items():
        gold = gold_of[cid]
        if cid in confirmed:
            inc = confirmed[cid][0]
            cluster_of[cid] = inc
            info = incidents[inc]
            if info["origin"]:
                st = "joined_right" if info["codes"] & gold else "joined_wrong"
            else:
                mixed = any(not (gold & gold_of[o]) for o in members[inc] if o != cid)
                st = "joined_mixed" if mixed else "new"
            if st in ("joined_wrong", "joined_mixed"):
                others = sorted({code for o in members[inc] for code in gold_of[o]} - gold)
                errors[st].append({"document_id": c["document_id"],
                                   "source_id": doc_row[c["document_id"]].get("source_id"),
                                   "language": lang_of[c["document_id"]], "claim_id": cid,
                                   "gold": sorted(gold), "joined": info["code"],
                                   "joined_incident": f"{info['date']}, {info['place']}",
                                   "others_gold": others[:5], "claim": _claim_brief(c)})
        elif cid in suggested:
            codes = frozenset().union(*(incidents[i]["codes"] for i in suggested[cid]))
            st = "suggested_right" if codes & gold else "suggested_wrong"
        else:
            st = "unlinked"
        state_of[cid] = st

    out = {"multi_confirmed_claims": len(multi), "confirmed_and_suggested_claims": len(both),
           "without_claim": by_language([d for d in doc_row if not claims_of.get(d)], lang_of),
           "new_incidents": sum(1 for i in incidents.values() if not i["origin"])}
    for name, sub in subsets(docs, lang_of).items():
        out[name] = summarise(sub, claims_of, state_of, gold_of, cluster_of)
    out["claim_states"] = {str(k): v for k, v in state_of.items()}
    out["errors"] = {k: v[:examples] for k, v in errors.items()}
    # Right joins, so a reader sees what works as well.
    out["examples_right"] = [{"document_id": claims[c]["document_id"], "gold": sorted(gold_of[c]),
                              "claim": _claim_brief(claims[c])}
                             for c, s in state_of.items() if s == "joined_right"][:examples]
    return out


def by_language(docs: list[int], lang_of: dict[int, str]) -> dict[str, int]:
    c = Counter(lang_of[d] for d in docs)
    return {"all": len(docs), "en": c["en"], "ar": c["ar"]}


def measure_baseline(state: dict[str, Any], doc_row: dict[int, dict], incidents: list, store,
                     examples: int) -> dict[str, Any]:
    """Nearest monitor incident by date (+-2 days) among those within 50 km of the claim's geocode or
    in its governorate; else none.  Monitor incidents get a governorate by geocoding their place."""
    from civcas.link.features import text_key
    from civcas.places.cli import load_gazetteer

    claims = state["claims"]
    claims_of, gold_doc, gold_of, docs, lang_of = _common(state, doc_row)
    gaz = load_gazetteer(store.engine)
    by_day: dict[dt.date, list[dict]] = defaultdict(list)
    for inc in incidents:
        if inc.date is None:
            continue
        admin1 = None
        if inc.place_text:
            try:
                g = gaz.geocode(f"{inc.place_text}, Syria")
                admin1 = text_key(g.admin1) if g.lat is not None else None
            except Exception:  # noqa: BLE001
                admin1 = None
        by_day[inc.date].append({"code": inc.code, "codes": {inc.code, *inc.previous_codes}, "lat": inc.lat, "lon": inc.lon, "admin1": admin1,
                                 "date": inc.date, "place": inc.place_text})
    state_of: dict[int, str] = {}
    cluster_of: dict[int, Any] = {}
    errors: list[dict] = []
    for cid, c in claims.items():
        best = None
        day = c.get("event_date")
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        if day is not None:
            a1 = text_key(c.get("admin1"))
            for delta in range(-BASELINE_DAYS, BASELINE_DAYS + 1):
                for inc in by_day.get(day + dt.timedelta(days=delta), []):
                    dist = None
                    if c.get("lat") is not None and inc["lat"] is not None:
                        dist = km(c["lat"], c["lon"], inc["lat"], inc["lon"])
                    near = dist is not None and dist <= BASELINE_KM
                    same_gov = a1 is not None and inc["admin1"] is not None and a1 == inc["admin1"]
                    if near or same_gov:
                        key = (abs(delta), dist if dist is not None else BASELINE_KM)
                        if best is None or key < best[0]:
                            best = (key, inc)
        if best is None:
            state_of[cid] = "new"
            continue
        inc = best[1]
        cluster_of[cid] = inc["code"]
        right = bool(inc["codes"] & gold_of[cid])
        state_of[cid] = "joined_right" if right else "joined_wrong"
        if not right:
            errors.append({"document_id": c["document_id"], "source_id": doc_row[c["document_id"]].get("source_id"),
                           "gold": sorted(gold_of[cid]), "joined": inc["code"],
                           "joined_incident": f"{inc['date']}, {inc['place']}", "claim": _claim_brief(c)})
    out: dict[str, Any] = {}
    for name, sub in subsets(docs, lang_of).items():
        out[name] = summarise(sub, claims_of, state_of, gold_of, cluster_of)
    out["errors"] = {"joined_wrong": errors[:examples]}
    return out


def verdict(m: dict[str, Any], b: dict[str, Any]) -> str:
    """Which does better, per subset, on pairwise F1 and the share of documents joined right."""
    lines = []
    for sub in ("all", "en", "ar"):
        a, z = m[sub], b[sub]
        if not a["documents"]:
            lines.append(f"{sub}: no documents with an incident claim")
            continue
        fa, fz = a["pairwise"]["f1"] or 0.0, z["pairwise"]["f1"] or 0.0
        ra, rz = a["document_shares"]["joined_right"], z["document_shares"]["joined_right"]
        if (round(fa, 3), round(ra, 3)) == (round(fz, 3), round(rz, 3)):
            better = "neither is better"
        elif fa >= fz and ra >= rz:
            better = "civcas is better"
        elif fa <= fz and ra <= rz:
            better = "the baseline is better"
        else:
            better = "mixed: " + ("civcas" if fa > fz else "the baseline") + " on F1, " + \
                     ("civcas" if ra > rz else "the baseline") + " on documents joined right"
        lines.append(f"{sub}: {better} (pairwise F1 {_n(a['pairwise']['f1'])} vs {_n(z['pairwise']['f1'])}, "
                     f"documents joined right {ra:.3f} vs {rz:.3f}, join precision "
                     f"{_n(a['join_precision_claims'])} vs {_n(z['join_precision_claims'])})")
    return "; ".join(lines)


# --------------------------------------------------------------------------- output
def _n(x: Any) -> str:
    return "n/a" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def print_table(res: dict[str, Any], out=sys.stdout) -> None:
    w = out.write
    w(f"texts {res['texts']} {res['texts_by_language']}; documents stored {res['documents']}; "
      f"rejected {len(res['rejected'])}\n")
    w(f"published date from: {res['published_date_from']}\n")
    w(f"monitor incidents {res['monitor_incidents']} (stored {res['monitor_incidents_stored']}, "
      f"rejected {len(res['monitor_incidents_rejected'])}); incident claims {res['incident_claims']}\n")
    wc = res["texts_without_incident_claim"]
    w(f"texts with no incident claim: {wc['all']} of {res['documents']} (en {wc['en']}, ar {wc['ar']})\n")
    lr = res["link_report"]
    w("link report: " + ", ".join(f"{k} {lr[k]}" for k in ("claims_considered", "linked", "in_new_incidents",
                                                            "suggested", "new_incidents", "merges",
                                                            "skipped_blank", "parameters")) + "\n\n")
    head = f"{'measure':<34}" + "".join(f"{t + ' ' + s:>16}" for t in ("civcas", "baseline") for s in ("all", "en", "ar"))
    w(head + "\n" + "-" * len(head) + "\n")

    def line(label, get):
        vals = [get(res[t][s]) for t in ("civcas", "baseline") for s in ("all", "en", "ar")]
        w(f"{label:<34}" + "".join(f"{_n(v):>16}" for v in vals) + "\n")

    line("documents with an incident claim", lambda r: r["documents"])
    line("incident claims", lambda r: r["claims"])
    for s in CLAIM_STATES:
        line(f"docs {s} (share)", lambda r, s=s: r["document_shares"][s])
    line("join precision (claims)", lambda r: r["join_precision_claims"])
    line("join precision (documents)", lambda r: r["join_precision_documents"])
    line("suggestion precision (claims)", lambda r: r["suggestion_precision_claims"])
    line("pairwise precision", lambda r: r["pairwise"]["precision"])
    line("pairwise recall", lambda r: r["pairwise"]["recall"])
    line("pairwise F1", lambda r: r["pairwise"]["f1"])
    line("true / predicted pairs", lambda r: f"{r['pairwise']['true_pairs']}/{r['pairwise']['predicted_pairs']}")
    w("\nverdict: " + res["verdict"].replace("; ", "\n         ") + "\n")
    w("\nerrors (civcas):\n")
    for kind, items in res["civcas"]["errors"].items():
        for e in items:
            w(f"  {kind}: doc {e['document_id']} ({e['source_id']}, {e['language']}) gold {e['gold']} -> "
              f"{e['joined']} [{e['joined_incident']}] others' gold {e['others_gold']}; claim: {e['claim']}\n")
    w("errors (baseline):\n")
    for e in res["baseline"]["errors"]["joined_wrong"]:
        w(f"  joined_wrong: doc {e['document_id']} gold {e['gold']} -> {e['joined']} [{e['joined_incident']}];"
          f" claim: {e['claim']}\n")
    w("\ntimings (s):\n")
    for k, v in res["timings"].items():
        w(f"  {k:<34}{v:>10.2f}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--limit", type=int, default=None, help="the first N texts only")
    ap.add_argument("--tolled", action="store_true", help="only texts linked to an incident with a death toll")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--json", action="store_true", help="machine output")
    ap.add_argument("--train", choices=("auto", "on", "off"), default="auto",
                    help="link()'s train argument: auto (the default: train at 300+ records), on, off (fixed "
                         "parameters)")
    args = ap.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)
    if not texts_path(args.shared).is_file():
        print(f"no source texts at {texts_path(args.shared)}", file=sys.stderr)
        return 2
    train = {"auto": None, "on": True, "off": False}[args.train]
    res = run(args.shared, limit=args.limit, tolled=args.tolled, examples=args.examples, train=train)
    if args.json:
        res["civcas"].pop("claim_states", None)
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        print_table(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
