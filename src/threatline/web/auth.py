"""Who is asking: browser sessions, API bearer tokens and role checks.

- A browser logs in with name and password and gets a random session id in an HttpOnly,
  SameSite=Lax cookie (Secure when the request came over TLS). The table keeps its sha256 only;
  logging out deletes it, and it expires after `SESSION_HOURS`.
- The API takes `Authorization: Bearer TOKEN` (see `threatline tokens create`). It also takes the
  session cookie, so a logged-in analyst can read the docs and JSON; with a cookie, an unsafe
  method needs the session's CSRF token in the `X-CSRF-Token` header.
- The login form checks passwords through `threatline.review.login`, under its backoff.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from fastapi import Request
from sqlalchemy import delete, select

from ..review import accounts
from ..store import Store
from ..store.safeguards import User, WebSession
from ..timeutil import as_utc, now

SESSION_COOKIE = "tl_session"
SESSION_HOURS = 8


class NotAuthenticated(Exception):
    """No valid session or token: the API answers 401, a page redirects to the login form."""


class Forbidden(Exception):
    """Authenticated, but the role does not allow this."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Principal:
    user: User
    via: Literal["session", "token"]
    csrf_token: str | None = None

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def role(self) -> str:
        return self.user.role

    def can(self, permission: str) -> bool:
        return accounts.can(self.user.role, permission)

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise Forbidden(f"the {self.user.role} role may not do this (needs {permission}).")


# -- sessions ---------------------------------------------------------------------------------


def start_session(store: Store, user: User) -> tuple[str, str]:
    """A new session for the user: returns (session id for the cookie, CSRF token)."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    moment = now()
    with store.sessions.begin() as session:
        session.execute(delete(WebSession).where(WebSession.expires_at < moment))
        session.add(WebSession(id_hash=accounts.digest(session_id), user_id=user.id, csrf_token=csrf,
                               created_at=moment, expires_at=moment + timedelta(hours=SESSION_HOURS)))
    return session_id, csrf


def end_session(store: Store, session_id: str) -> None:
    with store.sessions.begin() as session:
        session.execute(delete(WebSession).where(WebSession.id_hash == accounts.digest(session_id)))


def session_principal(store: Store, session_id: str) -> Principal | None:
    with store.sessions() as session:
        row = session.execute(
            select(WebSession, User).join(User).where(WebSession.id_hash == accounts.digest(session_id))
        ).first()
    if row is None:
        return None
    web_session, user = row
    if user.disabled or as_utc(web_session.expires_at) <= now():
        return None
    return Principal(user, "session", web_session.csrf_token)


def principal(request: Request, allow_token: bool) -> Principal | None:
    """The caller of this request, from a bearer token (API only) or the session cookie."""
    store: Store = request.app.state.store
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if header:
        if not allow_token or scheme.lower() != "bearer" or not credentials.strip():
            return None
        user = accounts.user_for_token(store, credentials.strip())
        return Principal(user, "token") if user else None
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        return session_principal(store, session_id)
    return None
