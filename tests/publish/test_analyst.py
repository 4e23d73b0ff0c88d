"""Analysts in-process: argon2 passwords, signed sessions, CSRF on every POST, and every
judgement audited with its reason."""
from __future__ import annotations

import re

import httpx
import pytest
from fastapi.testclient import TestClient

from civcas.publish.auth import AuthError, authenticate, create_user
from civcas.publish.web import create_app
from civcas.store import repositories as repo
from civcas.store.schema import ClaimLink, Document, Incident, StrikeMatch, User

from .conftest import ANALYST, SECRET_NOTE

PAGES = {"https://reports.example/ok.html": (200, "text/html",
                                              b"<html><head><title>Strike on Hajin</title></head><body><p>Local "
                                              b"sources said 11 civilians were killed in Hajin on 3 March 2017.</p>"
                                              b"</body></html>"),
         "https://reports.example/huge.txt": (200, "text/plain", b"x" * (6 * 1024 * 1024)),
         "https://reports.example/gone": (404, "text/plain", b"no")}


def handler(request: httpx.Request) -> httpx.Response:
    status, media, body = PAGES.get(str(request.url), (404, "text/plain", b""))
    return httpx.Response(status, headers={"content-type": media}, content=body)


@pytest.fixture
def app(populated):
    store, _ = populated
    return create_app(store, secret="test-secret", transport=httpx.MockTransport(handler))


def csrf_of(client: TestClient, path: str = "/login") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def logged_in(app) -> tuple[TestClient, str]:
    c = TestClient(app)
    r = c.post("/login", data={"username": ANALYST[0], "password": ANALYST[1], "csrf_token": csrf_of(c)},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    return c, csrf_of(c, "/review")


def test_passwords_are_argon2_and_users_checked(populated):
    store, _ = populated
    with store.session() as s:
        stored = s.query(User).filter_by(username="ana").one().password_hash
    assert stored.startswith("$argon2id$") and ANALYST[1] not in stored
    assert authenticate(store, *ANALYST) == {"username": "ana", "role": "analyst"}
    assert authenticate(store, "ana", "wrong password") is None
    assert authenticate(store, "nobody", "whatever pass") is None
    with pytest.raises(AuthError, match="exists"):
        create_user(store, "ana", "another long password")
    with pytest.raises(AuthError, match="at least"):
        create_user(store, "bob", "short")
    with pytest.raises(AuthError, match="role"):
        create_user(store, "bob", "long enough password", role="god")


def test_every_post_needs_the_csrf_token(app):
    c, token = logged_in(app)
    def walk(routes):
        for r in routes:
            sub = getattr(r, "original_router", None)
            yield from walk(sub.routes) if sub is not None else [r]
    posts = [r for r in walk(app.routes) if "POST" in (getattr(r, "methods", None) or set())]
    assert len(posts) >= 7
    for route in posts:
        path = route.path.replace("{link_id}", "1").replace("{match_id}", "1").replace("{code}", "CS0003")
        r = c.post(path, data={"reason": "x", "status": "confirmed"}, follow_redirects=False)
        assert r.status_code == 403 and "CSRF" in r.text, path
        r = c.post(path, data={"reason": "x", "csrf_token": token + "x"}, follow_redirects=False)
        assert r.status_code == 403, path


def test_viewers_cannot_judge(app, populated):
    _, ids = populated
    c = TestClient(app)
    token = csrf_of(c)
    r = c.post(f"/review/links/{ids['link']}", data={"status": "confirmed", "reason": "x", "csrf_token": token})
    assert r.status_code == 403
    assert c.get("/review", follow_redirects=False).headers["location"] == "/login"
    forged = TestClient(app)
    forged.cookies.set("civcas_session", "eyJ1IjoiYW5hIn0.forged.sig")
    assert forged.get("/review", follow_redirects=False).status_code == 303


def test_wrong_password_is_refused(app):
    c = TestClient(app)
    r = c.post("/login", data={"username": "ana", "password": "nope nope nope", "csrf_token": csrf_of(c)},
               follow_redirects=False)
    assert r.headers["location"] == "/login?failed=1"
    assert "Wrong username" in c.get("/login?failed=1").text


def test_repeated_wrong_passwords_are_throttled(app):
    c = TestClient(app)
    token = csrf_of(c)
    for _ in range(5):
        r = c.post("/login", data={"username": "ana", "password": "guess guess guess", "csrf_token": token},
                   follow_redirects=False)
        assert r.headers["location"] == "/login?failed=1"
    # the right password no longer helps a guesser who has used up his tries
    r = c.post("/login", data={"username": ANALYST[0], "password": ANALYST[1], "csrf_token": token},
               follow_redirects=False)
    assert r.status_code == 429 and "too many failed logins" in r.text


def test_login_throttle_forgets_old_failures_and_successes_reset_the_user():
    from civcas.publish.auth import LoginThrottle

    now = [0.0]
    t = LoginThrottle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        t.failed("10.0.0.1", "Ana")
    assert t.wait("10.0.0.1", "someone") == 60      # the address is blocked, whoever it claims to be
    assert t.wait("10.0.0.2", "ana") == 60          # and so is the username, from anywhere
    assert t.wait("10.0.0.2", "bob") == 0
    now[0] = 30.0
    assert t.wait("10.0.0.2", "ana") == 30
    now[0] = 60.0
    assert t.wait("10.0.0.1", "ana") == 0
    t.failed("10.0.0.3", "bob")
    t.failed("10.0.0.4", "bob")
    t.succeeded("BOB")
    t.failed("10.0.0.5", "bob")
    assert t.wait("10.0.0.6", "bob") == 0


def test_pages_carry_a_content_security_policy(app):
    c = TestClient(app)
    for path in ("/", "/incidents", "/login", "/api/incidents"):
        h = c.get(path).headers
        assert "script-src 'self';" in h["content-security-policy"], path
        assert "unsafe-inline" not in h["content-security-policy"], path
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" in c.get("/docs").headers["content-security-policy"]


def test_review_a_suggested_link_and_match(app, populated):
    store, ids = populated
    c, token = logged_in(app)
    assert "9 civilians were killed" in c.get("/review").text
    r = c.post(f"/review/links/{ids['link']}", data={"status": "confirmed", "reason": "same day and village",
                                                     "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    r = c.post(f"/review/matches/{ids['match']}", data={"status": "rejected", "reason": "wrong target",
                                                        "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    r = c.post(f"/review/links/{ids['link']}", data={"status": "confirmed", "reason": " ", "csrf_token": token})
    assert r.status_code == 400 and "reason" in r.text
    with store.session() as s:
        assert s.get(ClaimLink, ids["link"]).status == "confirmed"
        assert s.get(StrikeMatch, ids["match"]).status == "rejected"
        link = s.get(ClaimLink, ids["link"])
        code = repo.incident_dict(s.get(Incident, link.incident_id))["code"]
        trail = repo.audit_trail(s, "claim_link", f"{link.claim_id}:{code}")
        assert trail[-1]["actor"] == "ana" and trail[-1]["reason"] == "same day and village"
        assert trail[-1]["before"]["status"] == "suggested" and trail[-1]["after"]["status"] == "confirmed"
    assert "same day and village" in TestClient(app).get("/incidents/CS0003").text


def test_change_grade_and_assessment(app, populated):
    store, _ = populated
    c, token = logged_in(app)
    r = c.post("/incidents/CS0002/grade", data={"grade": "confirmed", "reason": "video geolocated",
                                                "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    r = c.post("/incidents/CS0002/assessment", data={"belligerent": "CJTF-OIR", "state": "credible",
                                                     "deaths_conceded_min": "4", "effective": "2017-08-01",
                                                     "reason": "statement of 1 Aug", "csrf_token": token},
               follow_redirects=False)
    assert r.status_code == 303, r.text
    r = c.post("/incidents/CS0002/assessment", data={"belligerent": "CJTF-OIR", "state": "duplicate",
                                                     "reason": "no", "csrf_token": token})
    assert r.status_code == 400 and "workflow does not allow" in r.text
    public = TestClient(app).get("/incidents/CS0002").text
    assert "video geolocated" in public and "credible" in public and "statement of 1 Aug" in public
    with store.session() as s:
        assert [e["action"] for e in repo.audit_trail(s, "assessment", "CS0002/CJTF-OIR")][-1] == "transition:credible"
        assert repo.audit_trail(s, "incident", "CS0002")[-1]["after"]["grade"] == "confirmed"


def test_analysts_see_notes_viewers_do_not(app):
    c, _ = logged_in(app)
    assert SECRET_NOTE in c.get("/incidents/CS0002").text
    assert SECRET_NOTE not in TestClient(app).get("/incidents/CS0002").text
    assert SECRET_NOTE not in c.get("/api/incidents/CS0002").text  # the API is public whoever asks


def test_add_documents_by_paste_upload_and_url(app, populated):
    store, _ = populated
    c, token = logged_in(app)
    r = c.post("/documents/new", data={"text": "Witnesses said 5 civilians were killed in Baghuz on 2 March 2019.",
                                       "title": "Pasted", "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/documents/")
    r = c.post("/documents/new", data={"csrf_token": token},
               files={"file": ("note.md", b"# Upload\n\nA report with no numbers.", "text/markdown")},
               follow_redirects=False)
    assert r.status_code == 303
    r = c.post("/documents/new", data={"url": "https://reports.example/ok.html", "csrf_token": token},
               follow_redirects=False)
    assert r.status_code == 303
    doc_page = c.get(r.headers["location"]).text
    assert "11 civilians were killed" in doc_page
    with store.session() as s:
        fetched = s.query(Document).filter_by(url="https://reports.example/ok.html").one()
        assert fetched.title == "Strike on Hajin"
    for url, message in [("https://reports.example/huge.txt", "too large"), ("https://reports.example/gone", "404"),
                         ("file:///etc/passwd", "only http"), ("http://127.0.0.1:1/", "only http")]:
        r = c.post("/documents/new", data={"url": url, "csrf_token": token})
        assert r.status_code == 400, url
        if "127.0.0.1" not in url:
            assert message in r.text, url


def test_fetch_refuses_private_addresses_without_a_transport():
    from civcas.publish.analyst import FetchError, fetch

    with pytest.raises(FetchError, match="private"):
        fetch("http://127.0.0.1:9/x", None)


def test_logout_forgets_the_user(app):
    c, token = logged_in(app)
    r = c.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert c.get("/review", follow_redirects=False).status_code == 303
