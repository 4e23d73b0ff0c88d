"""The public pages.  Each list page links to the API and the downloads with the very filter it
shows, so what a reader sees and what they download are the same rows."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from civcas.publish import charts, queries
from civcas.publish.api import incident_filter
from civcas.publish.highlight import segments
from civcas.publish.queries import IncidentFilter
from civcas.publish.web import Web
from civcas.store import Store
from civcas.store import repositories as repo
from civcas.store.schema import Incident

PAGE = 100
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def monthly_or_404(store: Store, month: str, belligerent: str = "CJTF-OIR") -> dict[str, Any]:
    if not MONTH.match(month):
        raise HTTPException(404, f"not a month (YYYY-MM): {month!r}")
    from civcas.tally.report import monthly_report

    return monthly_report(store, month, belligerent)


def ledgers(tallies: list[dict[str, Any]]) -> tuple[list, list, list]:
    official = [t for t in tallies if t["tally_kind"] == "official_acknowledged"]
    independent = [t for t in tallies if t["tally_kind"] == "independent_estimate"]
    others = [t for t in tallies if t not in official and t not in independent]
    return official, independent, others


def router(web: Web) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    store = web.store

    @r.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        with store.session() as s:
            counts = repo.counts(s)
            tallies = repo.tally_timeline(s)
        official, independent, others = ledgers(tallies)
        chart = charts.tally_chart({"official": official, "independent": independent})
        return web.page(request, "home.html", counts=counts, official=official, independent=independent,
                        others=others, chart=chart)

    @r.get("/documents", response_class=HTMLResponse)
    def documents_page(request: Request, after: int = Query(0, ge=0)) -> HTMLResponse:
        with store.session() as s:
            rows = repo.list_documents(s, limit=PAGE, after_id=after)
        return web.page(request, "documents.html", documents=rows,
                        next_after=rows[-1]["id"] if len(rows) == PAGE else None)

    @r.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: int) -> HTMLResponse:
        with store.session() as s:
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise HTTPException(404, f"no document with id {doc_id}")
            claims = repo.document_claims(s, doc_id)
        spans = [(c["span"][0], c["span"][1], c["id"], c["type"]) for c in claims]
        return web.page(request, "document.html", doc=doc, claims=claims, segments=segments(doc.text, spans))

    @r.get("/incidents", response_class=HTMLResponse)
    def incidents_page(request: Request, f: IncidentFilter = Depends(incident_filter),
                       after: int = Query(0, ge=0)) -> HTMLResponse:
        with store.session() as s:
            rows = queries.list_incidents(s, f, PAGE, after)
            total = queries.count_incidents(s, f)
            months = queries.timeline(s, f)
            facets = queries.facets(s)
        qs = urlencode(f.params())
        next_qs = urlencode({**f.params(), "after": rows[-1]["id"]}) if len(rows) == PAGE else None
        # a column heading sorts by it; clicking the current sort again flips its direction
        sort_links = {k: urlencode({**{p: v for p, v in f.params().items() if p != "desc"}, "sort": k,
                                    **({"desc": "1"} if f.sort == k and not f.desc else {})})
                      for k in queries.SORTS}
        return web.page(request, "incidents.html", incidents=rows, f=f, qs=qs, next_qs=next_qs, total=total,
                        facets=facets, chart=charts.timeline_chart(months), sort_links=sort_links,
                        first_page=bool(after))

    @r.get("/incidents/{code}", response_class=HTMLResponse)
    def incident_page(request: Request, code: str) -> HTMLResponse:
        visitor = web.visitor(request)
        analyst = visitor.can("analyst")
        with store.session() as s:
            incident = queries.incident_detail(s, code, restricted=analyst)
            if incident is None:
                raise HTTPException(404, f"no incident {code}")
            assessments = repo.incident_assessments(s, incident["id"])
            claims = queries.incident_claims(s, incident["id"], include_rejected=analyst)
            strikes = queries.incident_strikes(s, incident["id"])
            audit = queries.incident_history(s, code)
        from civcas.assess.workflow import load

        workflow = load()
        return web.page(request, "incident.html", incident=incident, assessments=assessments, claims=claims,
                        strikes=strikes, audit=audit, analyst=analyst, grades=queries.GRADES,
                        states=sorted(workflow.states), reason_codes=workflow.reason_codes)

    @r.get("/reports/monthly", response_class=HTMLResponse)
    def reports_page(request: Request) -> HTMLResponse:
        with store.session() as s:
            first, last = s.execute(select(func.min(Incident.date), func.max(Incident.date))).one()
        months: list[str] = []
        if first and last:
            y, m = last.year, last.month
            while (y, m) >= (first.year, first.month) and len(months) < 240:
                months.append(f"{y:04d}-{m:02d}")
                y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        return web.page(request, "reports.html", months=months)

    @r.get("/reports/monthly/{month}", response_class=HTMLResponse)
    def monthly_page(request: Request, month: str, belligerent: str = "CJTF-OIR") -> HTMLResponse:
        report = monthly_or_404(store, month, belligerent)
        return web.page(request, "monthly.html", r=report)

    return r
