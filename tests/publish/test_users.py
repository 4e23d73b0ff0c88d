"""Admins manage accounts; analysts cannot; nobody can leave the app without an active admin."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from civcas.publish.auth import AuthError, authenticate, change_user, create_user, list_users
from civcas.publish.web import create_app
from civcas.store import repositories as repo

from .conftest import ANALYST

ADMIN = ("root-admin", "a long admin passphrase")


def csrf_of(client: TestClient, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def login(app, who: tuple[str, str]) -> tuple[TestClient, str]:
    c = TestClient(app)
    r = c.post("/login", data={"username": who[0], "password": who[1], "csrf_token": csrf_of(c, "/login")},
               follow_redirects=False)
    assert r.status_code == 303
    return c, csrf_of(c, "/review")


@pytest.fixture
def app(populated):
    store, _ = populated
    create_user(store, *ADMIN, role="admin")
    return create_app(store, secret="test-secret")


def test_admin_adds_demotes_and_switches_off_a_user(app, populated):
    store, _ = populated
    c, token = login(app, ADMIN)
    page = c.get("/admin/users")
    assert page.status_code == 200 and ANALYST[0] in page.text and "password_hash" not in page.text
    r = c.post("/admin/users", data={"username": "amal", "password": "ten chars at least", "role": "analyst",
                                     "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    r = c.post("/admin/users/amal", data={"role": "admin", "active": "1", "reason": "leads the Mosul desk",
                                          "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    r = c.post(f"/admin/users/{ANALYST[0]}", data={"role": "analyst", "active": "0", "reason": "left the team",
                                                   "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    users = {u["username"]: u for u in list_users(store)}
    assert users["amal"]["role"] == "admin" and users[ANALYST[0]]["active"] is False
    assert authenticate(store, *ANALYST) is None              # switched off: cannot log in
    with store.session() as s:
        trail = repo.audit_trail(s, "user", ANALYST[0])
    assert trail[-1]["actor"] == ADMIN[0] and trail[-1]["reason"] == "left the team"
    assert trail[-1]["before"] == {"role": "analyst", "active": True}
    assert trail[-1]["after"] == {"role": "analyst", "active": False}


def test_analysts_and_the_public_cannot_manage_users(app):
    public = TestClient(app)
    assert public.get("/admin/users", follow_redirects=False).headers["location"] == "/login"
    c, token = login(app, ANALYST)
    assert c.get("/admin/users").status_code == 403
    r = c.post("/admin/users", data={"username": "mallory", "password": "ten chars at least", "role": "admin",
                                     "csrf_token": token})
    assert r.status_code == 403
    r = c.post(f"/admin/users/{ADMIN[0]}", data={"active": "0", "reason": "coup", "csrf_token": token})
    assert r.status_code == 403
    # and an admin's form without the session's token does nothing either
    admin, _ = login(app, ADMIN)
    r = admin.post("/admin/users", data={"username": "mallory", "password": "ten chars at least"})
    assert r.status_code == 403


def test_the_last_active_admin_stays_one(populated):
    store, _ = populated
    create_user(store, *ADMIN, role="admin")
    with pytest.raises(AuthError, match="only active admin"):
        change_user(store, ADMIN[0], ADMIN[0], active=False, reason="oops")
    with pytest.raises(AuthError, match="only active admin"):
        change_user(store, ADMIN[0], ADMIN[0], role="analyst", reason="oops")
    with pytest.raises(AuthError, match="reason"):
        change_user(store, ADMIN[0], ANALYST[0], role="admin", reason=" ")
    with pytest.raises(AuthError, match="no user"):
        change_user(store, ADMIN[0], "nobody", role="admin", reason="x")
    change_user(store, ADMIN[0], ANALYST[0], role="admin", reason="a second admin")
    change_user(store, ANALYST[0], ADMIN[0], active=False, reason="the first one retires")
    assert {u["username"]: u["active"] for u in list_users(store)} == {ANALYST[0]: True, ADMIN[0]: False}
