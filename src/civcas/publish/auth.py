"""Who may judge: argon2-hashed passwords, a signed session cookie, and a CSRF token per session.

The public needs no account (role "viewer").  The session cookie holds only the username, the
role and the CSRF token, signed so it cannot be forged; the role is re-read from the store on
every request, so deactivating a user or lowering a role takes effect at once.
"""
from __future__ import annotations

import datetime as dt
import hmac
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request

from civcas.store import Store
from civcas.store.schema import User

ROLES = ("viewer", "analyst", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}
COOKIE = "civcas_session"
MAX_AGE = 12 * 3600
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# verifying against this when the user does not exist keeps the timing the same either way
_DUMMY = _hasher.hash("not a password of anyone")


class AuthError(ValueError):
    """A user that cannot be created, or a request that may not do what it asks."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def create_user(store: Store, username: str, password: str, role: str = "analyst", *,
                actor: str = "cli") -> int:
    """Add a user (the CLI's `civcas users add`, an admin's users page); refuses a weak password
    or an unknown role.  The creation is audited; the password hash is not."""
    username = (username or "").strip()
    if not username or len(username) > 100:
        raise AuthError("a username of 1 to 100 characters is required")
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    if len(password or "") < MIN_PASSWORD:
        raise AuthError(f"the password must have at least {MIN_PASSWORD} characters")
    from civcas.publish.queries import get_user

    with store.session() as s:
        if get_user(s, username) is not None:
            raise AuthError(f"user {username!r} exists already")
        row = User(username=username, password_hash=hash_password(password), role=role, active=True,
                   created_at=dt.datetime.now(dt.timezone.utc))
        s.add(row)
        s.flush()
        from civcas.store.repositories import audit

        audit(s, actor, "user", username, "create", None, {"role": role, "active": True}, "new account")
        return row.id


def list_users(store: Store) -> list[dict[str, Any]]:
    """Accounts for an admin: name, role, whether active, when created (never the hash)."""
    from sqlalchemy import select

    with store.session() as s:
        return [{"username": u.username, "role": u.role, "active": bool(u.active),
                 "created_at": u.created_at} for u in s.scalars(select(User).order_by(User.username))]


def change_user(store: Store, actor: str, username: str, *, role: str | None = None,
                active: bool | None = None, reason: str = "") -> dict[str, Any]:
    """Change a user's role or switch the account off or on, with a reason, audited.

    Accounts are deactivated, never deleted: the audit log names their judgements.  A change
    that would leave no active admin is refused, so nobody can lock the admins out."""
    from sqlalchemy import func, select

    from civcas.publish.queries import get_user
    from civcas.store.repositories import audit

    reason = (reason or "").strip()
    if not reason:
        raise AuthError("say why (a reason is required)")
    if role is not None and role not in ROLES:
        raise AuthError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    with store.session() as s:
        row = get_user(s, (username or "").strip())
        if row is None:
            raise AuthError(f"no user {username!r}")
        before = {"role": row.role, "active": bool(row.active)}
        after = {"role": role if role is not None else row.role,
                 "active": active if active is not None else bool(row.active)}
        if after == before:
            raise AuthError(f"user {row.username!r} is already {after['role']} and "
                            f"{'active' if after['active'] else 'inactive'}")
        if before["role"] == "admin" and before["active"] and (after["role"] != "admin" or not after["active"]):
            admins = s.scalar(select(func.count(User.id)).where(User.role == "admin", User.active.is_(True)))
            if (admins or 0) <= 1:
                raise AuthError(f"{row.username!r} is the only active admin; make another admin first")
        row.role, row.active = after["role"], after["active"]
        audit(s, actor, "user", row.username, "change", before, after, reason)
        return {"username": row.username, **after}


def authenticate(store: Store, username: str, password: str) -> dict[str, Any] | None:
    from civcas.publish.queries import get_user

    with store.session() as s:
        row = get_user(s, (username or "").strip())
        if row is None or not row.active:
            verify_password(_DUMMY, password or "")
            return None
        if not verify_password(row.password_hash, password or ""):
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        return {"username": row.username, "role": row.role}


@dataclass
class Visitor:
    """Who is asking: an anonymous viewer or a logged-in user, and the session's CSRF token."""

    username: str | None
    role: str
    csrf: str

    def can(self, role: str) -> bool:
        return RANK.get(self.role, 0) >= RANK[role]


class Sessions:
    """Signs and reads the session cookie."""

    def __init__(self, secret: str | None = None):
        secret = secret or os.environ.get("CIVCAS_SECRET_KEY") or secrets.token_urlsafe(32)
        self._signer = URLSafeTimedSerializer(secret, salt="civcas-session")

    def load(self, request: Request, store: Store) -> tuple[Visitor, bool]:
        """The visitor, and whether the cookie must be (re)issued."""
        raw = request.cookies.get(COOKIE)
        data: dict[str, Any] = {}
        if raw:
            try:
                data = self._signer.loads(raw, max_age=MAX_AGE)
            except BadSignature:
                data = {}
        csrf = data.get("csrf") or secrets.token_urlsafe(24)
        username, role = data.get("u"), "viewer"
        if username:
            from civcas.publish.queries import get_user

            with store.session() as s:
                row = get_user(s, username)
                if row is None or not row.active:
                    username = None
                else:
                    role = row.role
        return Visitor(username, role, csrf), not raw or data.get("csrf") != csrf or (data.get("u") != username)

    def dump(self, visitor: Visitor) -> str:
        return self._signer.dumps({"u": visitor.username, "csrf": visitor.csrf})


class LoginThrottle:
    """Slows password guessing: after `limit` failed logins within `window` seconds from one
    client address, or for one username, further attempts are refused until the oldest failure
    ages out.  A success clears the username's count.  Kept in memory: it protects the one
    process that serves the app, and forgets on restart, which costs a guesser nothing he could
    not get by waiting."""

    def __init__(self, limit: int = 5, window: float = 15 * 60, clock=time.monotonic):  # noqa: ANN001
        self.limit, self.window, self._clock = limit, window, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        q = self._failures.get(key)
        if q is None:
            return deque()
        while q and now - q[0] >= self.window:
            q.popleft()
        if not q:
            del self._failures[key]
        return q

    def wait(self, address: str, username: str) -> float:
        """Seconds until this address and username may try again (0: now)."""
        now = self._clock()
        with self._lock:
            waits = [self.window - (now - q[0]) for key in self._keys(address, username)
                     if len(q := self._recent(key, now)) >= self.limit]
        return max(waits, default=0.0)

    def failed(self, address: str, username: str) -> None:
        now = self._clock()
        with self._lock:
            for key in self._keys(address, username):
                self._recent(key, now)
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("user", username.strip().lower()), None)

    @staticmethod
    def _keys(address: str, username: str) -> list[tuple[str, str]]:
        return [("address", address or "?"), ("user", (username or "").strip().lower())]


def csrf_ok(visitor: Visitor, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(visitor.csrf.encode(), str(token).encode())
