"""The web app: public pages, the JSON API, and the analysts' review.  `create_app(store)` is the
one entry point (the CLI calls it).

Every page escapes what it shows (Jinja autoescape); restricted fields are never read into a
public response; every POST needs the session's CSRF token.  The public API reads no cookie at
all, so it stays cacheable and cheap.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from civcas import __version__
from civcas.publish import i18n
from civcas.publish.auth import COOKIE, MAX_AGE, LoginThrottle, Sessions, Visitor, csrf_ok
from civcas.store import Store

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# inline, so the package needs no image files beyond what its package-data already ships
FAVICON = ("data:image/svg+xml," + quote('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           '<rect width="16" height="16" rx="3" fill="#1f5aa6"/><rect x="3" y="9" width="4" height="4" fill="#fff"/>'
           '<rect x="9" y="4" width="4" height="9" fill="#f0c4c0"/></svg>'))
templates.env.globals.update(t=i18n.translator("en"), lang="en", dir="ltr", favicon=FAVICON)


def web_url(value: object) -> str:
    """A link target only if it is http(s): a stored `javascript:` URL must not become a link."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


templates.env.filters["web_url"] = web_url
MAX_LIMIT = 1000
# Everything the pages load is served from the package (Leaflet, Swagger UI, the map's GeoJSON);
# the favicon is a data: URL.  Swagger UI starts itself from an inline script and styles, so
# /docs alone allows them.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")


@dataclass
class Web:
    """What the route modules share: the store, the session signer, and the outbound HTTP client's
    transport (replaced by a mock in tests, so nothing reaches the network)."""

    store: Store
    sessions: Sessions
    transport: httpx.BaseTransport | None = None
    logins: LoginThrottle = field(default_factory=LoginThrottle)

    def visitor(self, request: Request) -> Visitor:
        cached = getattr(request.state, "visitor", None)
        if cached is None:
            cached, fresh = self.sessions.load(request, self.store)
            request.state.visitor, request.state.fresh_session = cached, fresh
        return cached

    def remember(self, request: Request, response: Response, visitor: Visitor | None = None) -> Response:
        """Issue the cookies a page needs: the session (when new or changed) and the language."""
        visitor = visitor or self.visitor(request)
        if visitor is not request.state.visitor or request.state.fresh_session:
            response.set_cookie(COOKIE, self.sessions.dump(visitor), max_age=MAX_AGE, httponly=True,
                                samesite="lax", secure=request.url.scheme == "https", path="/")
        lang = request.query_params.get("lang")
        if lang in i18n.LANGS:
            response.set_cookie(i18n.COOKIE, lang, max_age=365 * 86400, samesite="lax", path="/")
        return response

    def page(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        lang = i18n.choose(request)
        visitor = self.visitor(request)
        switch = request.url.include_query_params(lang="en" if lang == "ar" else "ar")  # keeps the filters
        response = templates.TemplateResponse(
            request, name, {"lang": lang, "dir": i18n.direction(lang), "t": i18n.translator(lang),
                            "other_lang_url": f"{switch.path}?{switch.query}",
                            "visitor": visitor, "csrf": visitor.csrf, **context},
            status_code=status_code)
        return self.remember(request, response)

    async def form(self, request: Request, role: str = "analyst") -> Any:
        """The POSTed form, after checking the CSRF token and the visitor's role."""
        visitor = self.visitor(request)
        form = await request.form()
        token = form.get("csrf_token") or request.headers.get("x-csrf-token")
        if not csrf_ok(visitor, token):
            raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
        if role != "viewer" and not visitor.can(role):
            raise HTTPException(403, f"this needs the {role} role; log in first")
        return form


def create_app(store: Store, *, secret: str | None = None,
               transport: httpx.BaseTransport | None = None) -> FastAPI:
    app = FastAPI(title="civcas", version=__version__, docs_url=None, redoc_url=None,
                  description="Civilian harm from military strikes: documents, claims, incidents, the "
                              "official and the independent tallies.  Lists page by keyset: follow `next`.")
    web = Web(store, Sessions(secret), transport)
    app.state.store = store
    app.state.web = web
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        # Article text is escaped on every page; the policy is the second wall should an escape
        # ever be missed: no inline script, nothing loaded from elsewhere, no framing.
        csp = DOCS_CSP if request.url.path == "/docs" else CSP
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """FastAPI's interactive API page, but with Swagger UI from the package, not a CDN."""
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="civcas API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url=FAVICON)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return web.page(request, "error.html", status_code=exc.status_code, message=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):  # noqa: ANN202
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": f"bad request: {problems}"}, status_code=422)

    from civcas.publish import analyst, api, pages

    app.include_router(api.router(web))
    app.include_router(analyst.router(web))  # before pages: /documents/new is not /documents/{id}
    app.include_router(pages.router(web))
    return app


def parse_day(value: str | None) -> dt.date | None:
    """A date from a form or query; a bad one is a 422 with the value named, not a 500."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(422, f"not a date (YYYY-MM-DD): {value!r}") from None
