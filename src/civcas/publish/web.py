"""The first web app: home with the two ledgers, documents with their claims marked, incidents,
and a JSON API with keyset pagination.  Every page escapes what it shows (Jinja autoescape);
restricted fields are never read into a public response."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from civcas import __version__
from civcas.publish.highlight import segments
from civcas.store import Store
from civcas.store import repositories as repo

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
MAX_LIMIT = 1000


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="civcas", version=__version__,
                  description="Civilian harm from military strikes: documents, claims, incidents.")
    app.state.store = store
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"message": exc.detail},
                                          status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):  # noqa: ANN202
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": f"bad request: {problems}"}, status_code=422)

    # ----------------------------------------------------------------------- pages
    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        with store.session() as s:
            counts = repo.counts(s)
            tallies = repo.tally_timeline(s)
        official = [t for t in tallies if t["tally_kind"] == "official_acknowledged"]
        independent = [t for t in tallies if t["tally_kind"] == "independent_estimate"]
        return page(request, "home.html", counts=counts, official=official, independent=independent,
                    others=[t for t in tallies if t not in official and t not in independent])

    @app.get("/documents", response_class=HTMLResponse)
    def documents_page(request: Request, after: int = 0) -> HTMLResponse:
        with store.session() as s:
            rows = repo.list_documents(s, limit=100, after_id=after)
        return page(request, "documents.html", documents=rows,
                    next_after=rows[-1]["id"] if len(rows) == 100 else None)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: int) -> HTMLResponse:
        with store.session() as s:
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise HTTPException(404, f"no document with id {doc_id}")
            claims = repo.document_claims(s, doc_id)
        spans = [(c["span"][0], c["span"][1], c["id"], c["type"]) for c in claims]
        return page(request, "document.html", doc=doc, claims=claims, segments=segments(doc.text, spans))

    @app.get("/incidents", response_class=HTMLResponse)
    def incidents_page(request: Request, after: int = 0) -> HTMLResponse:
        with store.session() as s:
            rows = repo.list_incidents(s, limit=100, after_id=after)
        return page(request, "incidents.html", incidents=rows,
                    next_after=rows[-1]["id"] if len(rows) == 100 else None)

    @app.get("/incidents/{code}", response_class=HTMLResponse)
    def incident_page(request: Request, code: str) -> HTMLResponse:
        with store.session() as s:
            row = repo.get_incident(s, code)
            if row is None:
                raise HTTPException(404, f"no incident {code}")
            incident = repo.incident_dict(row)
            assessments = repo.incident_assessments(s, row.id)
            audit = repo.audit_trail(s, "incident", code)
        return page(request, "incident.html", incident=incident, assessments=assessments, audit=audit)

    # ----------------------------------------------------------------------- JSON API
    def paged(request: Request, items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
        nxt = None
        if len(items) == limit and items:
            nxt = str(request.url.include_query_params(after=items[-1]["id"]))
        return {"items": items, "next": nxt}

    @app.get("/api/documents")
    def api_documents(request: Request, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                      after: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.list_documents(s, limit=limit, after_id=after)
        for r in rows:
            r["published"] = r["published"].isoformat() if r["published"] else None
        return paged(request, rows, limit)

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: int) -> dict[str, Any]:
        with store.session() as s:
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise HTTPException(404, f"no document with id {doc_id}")
            return {**doc.to_dict(), "claims": repo.document_claims(s, doc_id)}

    @app.get("/api/claims")
    def api_claims(request: Request, type: str | None = None, document_id: int | None = None,
                   limit: int = Query(100, ge=1, le=MAX_LIMIT), after: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.list_claims(s, type=type, document_id=document_id, limit=limit, after_id=after)
        return paged(request, rows, limit)

    @app.get("/api/incidents")
    def api_incidents(request: Request, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                      after: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.session() as s:
            rows = repo.list_incidents(s, limit=limit, after_id=after)
        return paged(request, rows, limit)

    @app.get("/api/incidents/{code}")
    def api_incident(code: str) -> dict[str, Any]:
        with store.session() as s:
            row = repo.get_incident(s, code)
            if row is None:
                raise HTTPException(404, f"no incident {code}")
            return {**repo.incident_dict(row), "assessments": repo.incident_assessments(s, row.id)}

    @app.get("/api/tallies")
    def api_tallies() -> dict[str, Any]:
        with store.session() as s:
            return {"items": repo.tally_timeline(s), "next": None}

    return app
