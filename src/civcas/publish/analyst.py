"""What logged-in analysts do: log in, review suggestions, change a grade or an assessment with a
reason, and add documents.  Every write needs the CSRF token and the analyst role, carries a
reason, and leaves an audit event; a POST answers with a redirect so a reload repeats nothing.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from civcas.publish import queries
from civcas.publish.auth import ROLES, AuthError, Visitor, authenticate, change_user, create_user, list_users
from civcas.publish.web import Web, parse_day

FETCH_MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
SUFFIX_BY_TYPE = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
                  "text/markdown": ".md", "application/json": ".json"}


class FetchError(ValueError):
    """A URL that could not become a document; the message is shown to the analyst."""


def _local_next(form: Any, default: str) -> str:
    """Where a form asks to go back to, if it is a path on this site (never an open redirect)."""
    nxt = str(form.get("next") or "")
    return nxt if nxt.startswith("/") and not nxt.startswith("//") else default


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _public_host(host: str) -> None:
    """Refuse URLs that resolve to this machine or a private network (no fetching the intranet)."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise FetchError(f"{host} resolves to a private address; civcas fetches only public URLs")


def fetch(url: str, transport: httpx.BaseTransport | None) -> tuple[bytes, str]:
    """The body and media type of `url`, at most FETCH_MAX_BYTES, within FETCH_TIMEOUT."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("only http and https URLs can be fetched")
    if transport is None:
        _public_host(parts.hostname)
    try:
        with httpx.Client(transport=transport, timeout=FETCH_TIMEOUT, follow_redirects=False,
                          headers={"User-Agent": "civcas (document fetch)"}) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code != 200:
                    raise FetchError(f"{url} answered HTTP {resp.status_code}")
                declared = int(resp.headers.get("content-length") or 0)
                if declared > FETCH_MAX_BYTES:
                    raise FetchError(f"{url} is too large ({declared} bytes; the limit is {FETCH_MAX_BYTES})")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > FETCH_MAX_BYTES:
                        raise FetchError(f"{url} is too large (over {FETCH_MAX_BYTES} bytes)")
                media = resp.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {type(exc).__name__}") from None
    return bytes(body), media


def ingest_bytes(web: Web, raw: bytes, suffix: str, origin: str, meta: dict[str, Any]) -> Any:
    """Read bytes with the ingest readers (by suffix) and store them with the default steps."""
    from civcas.ingest import Rejected, read_file, store_document
    from civcas.ingest.readers import MAX_BYTES
    from civcas.ingest.steps import default_steps

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"document{suffix}"
        path.write_bytes(raw)
        try:
            docs = read_file(path, max_bytes=MAX_BYTES)
        except Rejected as exc:
            raise FetchError(str(exc).replace(str(path), origin)) from None
    steps = default_steps(web.store)
    outcomes = []
    for doc in docs:
        doc.origin = origin
        for key in ("url", "title", "publisher", "published"):
            if meta.get(key):
                setattr(doc, key, meta[key])
        outcomes.append(store_document(web.store, doc, steps))
    return outcomes


def router(web: Web) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    store = web.store

    # ------------------------------------------------------------------ sessions
    @r.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, failed: bool = False) -> HTMLResponse:
        return web.page(request, "login.html", failed=failed)

    @r.post("/login")
    async def login(request: Request) -> RedirectResponse:
        form = await web.form(request, role="viewer")
        username = str(form.get("username", ""))
        address = request.client.host if request.client else "?"
        wait = web.logins.wait(address, username)
        if wait:
            raise HTTPException(429, f"too many failed logins; try again in {max(1, round(wait / 60))} "
                                     "minute(s)")
        user = authenticate(store, username, str(form.get("password", "")))
        if user is None:
            web.logins.failed(address, username)
            return _back("/login?failed=1")
        web.logins.succeeded(username)
        # a fresh token on login: a token seen before logging in is worth nothing after
        import secrets

        visitor = Visitor(user["username"], user["role"], secrets.token_urlsafe(24))
        return web.remember(request, _back("/review"), visitor)

    @r.post("/logout")
    async def logout(request: Request) -> RedirectResponse:
        await web.form(request, role="viewer")
        import secrets

        return web.remember(request, _back("/"), Visitor(None, "viewer", secrets.token_urlsafe(24)))

    # ------------------------------------------------------------------ review
    @r.get("/review", response_class=HTMLResponse)
    def review_page(request: Request) -> Any:
        if not web.visitor(request).can("analyst"):
            return web.remember(request, _back("/login"))
        with store.session() as s:
            links = queries.suggested_links(s)
            matches = queries.suggested_matches(s)
            counts = queries.review_counts(s)
        return web.page(request, "review.html", links=links, matches=matches, counts=counts)

    def judged(fn: Any, *args: Any) -> None:
        try:
            with store.session() as s:
                fn(s, *args)
        except queries.ReviewError as exc:
            raise HTTPException(400, str(exc)) from None

    @r.post("/review/links/{link_id}")
    async def review_link(request: Request, link_id: int) -> RedirectResponse:
        form = await web.form(request)
        judged(queries.set_link_status, link_id, str(form.get("status", "")), web.visitor(request).username,
               str(form.get("reason", "")))
        return _back(_local_next(form, "/review"))

    @r.post("/review/matches/{match_id}")
    async def review_match(request: Request, match_id: int) -> RedirectResponse:
        form = await web.form(request)
        judged(queries.set_match_status, match_id, str(form.get("status", "")), web.visitor(request).username,
               str(form.get("reason", "")))
        return _back(_local_next(form, "/review"))

    @r.post("/incidents/{code}/grade")
    async def change_grade(request: Request, code: str) -> RedirectResponse:
        form = await web.form(request)
        judged(queries.set_grade, code, str(form.get("grade", "")), web.visitor(request).username,
               str(form.get("reason", "")))
        return _back(f"/incidents/{quote(code)}")

    @r.post("/incidents/{code}/assessment")
    async def change_assessment(request: Request, code: str) -> RedirectResponse:
        from civcas.assess.workflow import WorkflowError, load
        from civcas.store.assessments import LedgerError, apply_transition

        form = await web.form(request)

        def num(name: str) -> int | None:
            v = str(form.get(name) or "").strip()
            if not v:
                return None
            if not v.isdigit():
                raise HTTPException(400, f"{name} must be a whole number")
            return int(v)

        fields = {"actor": web.visitor(request).username, "reason": str(form.get("reason") or "").strip(),
                  "effective": parse_day(str(form.get("effective") or "")) or dt.date.today(),
                  "deaths_conceded_min": num("deaths_conceded_min"),
                  "deaths_conceded_max": num("deaths_conceded_max"),
                  "duplicate_of": str(form.get("duplicate_of") or "").strip() or None,
                  "reason_code": str(form.get("reason_code") or "").strip() or None}
        try:
            with store.session() as s:
                apply_transition(s, load(), code, str(form.get("belligerent") or "").strip(),
                                 str(form.get("state") or ""), fields)
        except (WorkflowError, LedgerError) as exc:
            raise HTTPException(400, str(exc)) from None
        return _back(f"/incidents/{quote(code)}")

    # ------------------------------------------------------------------ users (admins)
    @r.get("/admin/users", response_class=HTMLResponse)
    def users_page(request: Request) -> Any:
        visitor = web.visitor(request)
        if not visitor.can("analyst"):
            return web.remember(request, _back("/login"))
        if not visitor.can("admin"):
            raise HTTPException(403, "this needs the admin role")
        return web.page(request, "users.html", users=list_users(store), roles=ROLES)

    @r.post("/admin/users")
    async def add_user(request: Request) -> RedirectResponse:
        form = await web.form(request, role="admin")
        try:
            create_user(store, str(form.get("username") or ""), str(form.get("password") or ""),
                        str(form.get("role") or "analyst"), actor=web.visitor(request).username or "?")
        except AuthError as exc:
            raise HTTPException(400, str(exc)) from None
        return _back("/admin/users")

    @r.post("/admin/users/{username:path}")
    async def change_account(request: Request, username: str) -> RedirectResponse:
        form = await web.form(request, role="admin")
        active = {"1": True, "0": False}.get(str(form.get("active") or ""))
        try:
            change_user(store, web.visitor(request).username or "?", username,
                        role=str(form.get("role") or "") or None, active=active,
                        reason=str(form.get("reason") or ""))
        except AuthError as exc:
            raise HTTPException(400, str(exc)) from None
        return _back("/admin/users")

    # ------------------------------------------------------------------ new documents
    @r.get("/documents/new", response_class=HTMLResponse)
    def new_document_page(request: Request) -> Any:
        if not web.visitor(request).can("analyst"):
            return web.remember(request, _back("/login"))
        return web.page(request, "add.html", error=None)

    @r.post("/documents/new", response_class=HTMLResponse)
    async def new_document(request: Request) -> Any:
        form = await web.form(request)
        user = web.visitor(request).username
        meta = {"title": str(form.get("title") or "").strip() or None,
                "publisher": str(form.get("publisher") or "").strip() or None,
                "published": parse_day(str(form.get("published") or ""))}
        text, url, upload = str(form.get("text") or ""), str(form.get("url") or "").strip(), form.get("file")
        try:
            if upload is not None and getattr(upload, "filename", None):
                raw = await upload.read(FETCH_MAX_BYTES + 1)
                if len(raw) > FETCH_MAX_BYTES:
                    raise FetchError(f"the file is over {FETCH_MAX_BYTES} bytes")
                suffix = Path(upload.filename).suffix.lower() or ".txt"
                outcomes = ingest_bytes(web, raw, suffix, f"upload:{user}:{Path(upload.filename).name}", meta)
            elif url:
                raw, media = fetch(url, web.transport)
                outcomes = ingest_bytes(web, raw, SUFFIX_BY_TYPE.get(media, ".txt"), url, {**meta, "url": url})
            elif text.strip():
                outcomes = ingest_bytes(web, text.encode("utf-8"), ".txt", f"paste:{user}", meta)
            else:
                raise FetchError("paste some text, choose a file, or give a URL")
        except FetchError as exc:
            return web.page(request, "add.html", status_code=400, error=str(exc))
        done = [o for o in outcomes if o.document_id]
        if not done:
            return web.page(request, "add.html", status_code=400,
                            error="; ".join(o.reason or o.status for o in outcomes) or "nothing stored")
        return _back(f"/documents/{done[0].document_id}")

    return r
