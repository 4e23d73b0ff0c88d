"""The public JSON API.  Every list takes the same filters as its page, pages by keyset
(`?after=ID&limit=N`, follow `next`), and has CSV and GeoJSON variants for downloads.

A download without `limit` streams every matching row; with `limit` it is one page and the next
page's URL is in the `Link` header.  Nothing here reads the session cookie or a restricted column.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from civcas.publish import exports, queries
from civcas.publish.queries import IncidentFilter
from civcas.publish.web import MAX_LIMIT, Web, parse_day
from civcas.store import repositories as repo

CLAIM_CSV = ("id", "document_id", "type", "quote", "asserted_by", "count_min", "count_max", "qualifier",
             "victims", "counted", "tally_kind", "as_of", "event_date", "place_text", "country", "belligerent",
             "lat", "lon", "geo_precision", "span_start", "span_end")
DOCUMENT_CSV = ("id", "title", "publisher", "published", "url", "language", "origin", "sha256", "claims")


class IncidentPage(BaseModel):
    """One page of incidents (public columns only) and the URL of the next page, if any."""

    items: list[dict[str, Any]]
    next: str | None


async def incident_filter(
        date_from: str | None = Query(None, description="YYYY-MM-DD, inclusive"),
        date_to: str | None = Query(None, description="YYYY-MM-DD, inclusive"),
        country: str | None = Query(None, description="a country, any case"),
        place: str | None = Query(None, description="part of a place name, English or Arabic"),
        belligerent: str | None = Query(None, description="part of the belligerent's name"),
        grade: str | None = Query(None, description="one grade, or several separated by commas"),
        strike_status: Literal["declared", "alleged", ""] | None = None,
        sort: Literal["id", "date", "killed", "code"] = "id", desc: bool = False) -> IncidentFilter:
    """The incidents' filter from the query string; shared by the page, the API and the downloads.
    Async on purpose: FastAPI would otherwise run it in a worker thread on every request."""
    return IncidentFilter(parse_day(date_from), parse_day(date_to), country, place, belligerent, grade,
                          strike_status or None, sort, desc)


def next_url(request: Request, items: list[dict[str, Any]], limit: int) -> str | None:
    if items and len(items) == limit:
        return str(request.url.include_query_params(after=items[-1]["id"]))
    return None


def paged(request: Request, items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    return {"items": items, "next": next_url(request, items, limit)}


def download(request: Request, kind: str, name: str, rows: Callable[[], Iterator[dict[str, Any]]],
             columns: tuple[str, ...], limit: int | None) -> StreamingResponse:
    """Stream `rows` as CSV or GeoJSON; the store session lives as long as the stream."""
    if kind not in ("csv", "geojson"):
        raise HTTPException(404, f"no {kind} variant; use .csv or .geojson")
    page: list[dict[str, Any]] = []

    def body() -> Iterator[str]:
        source = iter(page) if limit else rows()
        yield from (exports.csv_lines(source, columns) if kind == "csv" else exports.geojson_chunks(source))

    headers = {"Content-Disposition": f'attachment; filename="{name}.{kind}"'}
    if limit:
        page.extend(rows())
        nxt = next_url(request, page, limit)
        if nxt:
            headers["Link"] = f'<{nxt}>; rel="next"'
    media = "text/csv; charset=utf-8" if kind == "csv" else "application/geo+json"
    return StreamingResponse(body(), media_type=media, headers=headers)


def router(web: Web) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["public API"])
    store = web.store

    # ------------------------------------------------------------------ incidents
    @r.get("/incidents", summary="Incidents, filtered, one keyset page", response_model=IncidentPage)
    async def api_incidents(request: Request, f: IncidentFilter = Depends(incident_filter),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT), after: int = Query(0, ge=0)) -> Response:
        # the hot path: a plain connection, rows made JSON by the database, no response-model pass
        with store.engine.connect() as conn:
            rows, last = queries.list_incidents_json(conn, f, limit, after)
        nxt = str(request.url.include_query_params(after=last)) if len(rows) == limit and last else None
        body = '{"items":[' + ",".join(rows) + '],"next":' + json.dumps(nxt) + "}"
        return Response(body, media_type="application/json")

    @r.get("/incidents.{kind}", summary="Incidents as CSV or GeoJSON (all matching, or one page with limit)")
    def api_incidents_download(request: Request, kind: str, f: IncidentFilter = Depends(incident_filter),
                               limit: int | None = Query(None, ge=1, le=MAX_LIMIT * 10),
                               after: int = Query(0, ge=0)) -> StreamingResponse:
        def rows() -> Iterator[dict[str, Any]]:
            with store.session() as s:
                if limit:
                    yield from queries.list_incidents(s, f, limit, after)
                else:
                    yield from queries.iter_incidents(s, f)
        return download(request, kind, "incidents", rows, queries.PUBLIC_INCIDENT, limit)

    @r.get("/incidents/{code}", summary="One incident with its claims, matched strikes and assessments")
    def api_incident(code: str) -> dict[str, Any]:
        with store.session() as s:
            d = queries.incident_detail(s, code)
            if d is None:
                raise HTTPException(404, f"no incident {code}")
            d["assessments"] = repo.incident_assessments(s, d["id"])
            d["claims"] = queries.incident_claims(s, d["id"])
            d["strikes"] = queries.incident_strikes(s, d["id"])
            return d

    @r.get("/timeline", summary="Monthly civilian deaths (min, max) by grade, with the incidents' filters")
    def api_timeline(f: IncidentFilter = Depends(incident_filter)) -> dict[str, Any]:
        with store.session() as s:
            return {"items": queries.timeline(s, f), "next": None}

    # ------------------------------------------------------------------ documents and claims
    @r.get("/documents", summary="Documents, one keyset page")
    def api_documents(request: Request, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                      after: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.list_documents(s, limit=limit, after_id=after)
        for row in rows:
            row["published"] = row["published"].isoformat() if row["published"] else None
        return paged(request, rows, limit)

    @r.get("/documents.{kind}", summary="Documents as CSV")
    def api_documents_download(request: Request, kind: str, limit: int | None = Query(None, ge=1),
                               after: int = Query(0, ge=0)) -> StreamingResponse:
        def rows() -> Iterator[dict[str, Any]]:
            last = after
            with store.session() as s:
                while True:
                    batch = repo.list_documents(s, limit=limit or 1000, after_id=last)
                    yield from batch
                    if limit or len(batch) < 1000:
                        return
                    last = batch[-1]["id"]
        return download(request, kind, "documents", rows, DOCUMENT_CSV, limit)

    @r.get("/documents/{doc_id}", summary="One document's text and its claims")
    def api_document(doc_id: int) -> dict[str, Any]:
        with store.session() as s:
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise HTTPException(404, f"no document with id {doc_id}")
            return {**doc.to_dict(), "claims": repo.document_claims(s, doc_id)}

    @r.get("/claims", summary="Claims, one keyset page")
    def api_claims(request: Request, type: str | None = None, document_id: int | None = None,
                   limit: int = Query(100, ge=1, le=MAX_LIMIT), after: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.list_claims(s, type=type, document_id=document_id, limit=limit, after_id=after)
        for row in rows:
            row.pop("geocode", None)
        return paged(request, rows, limit)

    @r.get("/claims.{kind}", summary="Claims as CSV or GeoJSON")
    def api_claims_download(request: Request, kind: str, type: str | None = None, document_id: int | None = None,
                            limit: int | None = Query(None, ge=1), after: int = Query(0, ge=0)) -> StreamingResponse:
        def rows() -> Iterator[dict[str, Any]]:
            last = after
            with store.session() as s:
                while True:
                    batch = repo.list_claims(s, type=type, document_id=document_id, limit=limit or 1000,
                                             after_id=last)
                    for c in batch:
                        yield {**exports.flatten_claim(c), "id": c["id"]}
                    if limit or len(batch) < 1000:
                        return
                    last = batch[-1]["id"]
        return download(request, kind, "claims", rows, CLAIM_CSV, limit)

    # ------------------------------------------------------------------ the two ledgers
    @r.get("/tallies", summary="Every tally claim, oldest first: the official and the independent ledgers")
    def api_tallies(kind: str | None = Query(None, description="official_acknowledged, independent_estimate...")
                    ) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.tally_timeline(s)
        for row in rows:
            row.pop("geocode", None)
            row["href"] = f"/documents/{row['document_id']}#claim-{row['id']}"
        if kind:
            rows = [t for t in rows if t.get("tally_kind") == kind]
        return {"items": rows, "next": None}

    @r.get("/tallies.{kind}", summary="Tallies as CSV")
    def api_tallies_download(request: Request, kind: str) -> StreamingResponse:
        def rows() -> Iterator[dict[str, Any]]:
            with store.session() as s:
                data = repo.tally_timeline(s)
            for t in data:
                yield {**exports.flatten_claim(t), "id": t["id"]}
        return download(request, kind, "tallies", rows, CLAIM_CSV, None)

    @r.get("/reports/monthly/{month}", summary="The monthly report: official statement, monitor, and the gap")
    def api_monthly(month: str, belligerent: str = "CJTF-OIR") -> dict[str, Any]:
        from civcas.publish.pages import monthly_or_404

        return monthly_or_404(store, month, belligerent)

    return r
