"""Accounts, roles and API tokens: who may use Threatline and what each role may do.

| role        | may                                                                         |
|-------------|-----------------------------------------------------------------------------|
| analyst     | review the queue, open findings and cases, dismiss or monitor               |
| supervisor  | what an analyst may, and escalate and export                               |
| admin       | what a supervisor may, and manage users and watchlists, read the audit log  |
| auditor     | read the audit log (and the transparency report, which holds no post text)  |

Passwords are hashed with argon2id; API tokens and session ids are random and stored as sha256
hashes, so the database never holds a usable secret.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..errors import InputError, NotFoundError
from ..store import Store
from ..store.safeguards import ApiToken, User
from ..timeutil import as_utc
from ..timeutil import now as _now
from . import audit

ROLES = ("analyst", "supervisor", "admin", "auditor")
MIN_PASSWORD = 12
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")

_ANALYST = frozenset({"findings:read", "findings:decide", "cases:read", "watchlists:read", "report:read"})
_SUPERVISOR = _ANALYST | {"findings:escalate", "findings:export"}
PERMISSIONS: dict[str, frozenset[str]] = {
    "analyst": _ANALYST,
    "supervisor": _SUPERVISOR,
    "admin": _SUPERVISOR | {"users:manage", "watchlists:manage", "audit:read"},
    "auditor": frozenset({"audit:read", "report:read"}),
}

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the account does not exist, so a wrong name takes as long as a wrong
    password. Made on first use, not at import: hashing costs a tenth of a second every CLI start."""
    return _hasher.hash(secrets.token_urlsafe(16))


def can(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


def may_decide(role: str, decision: str) -> bool:
    return can(role, "findings:escalate") if decision == "escalate" else can(role, "findings:decide")


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InputError(f"user name {name!r} may use only letters, digits, '.', '_', '@' and '-' (1-100).")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password must be at least {MIN_PASSWORD} characters long.")
    if len(password) > 1024:
        raise InputError("the password must be at most 1024 characters long.")
    return password


def add_user(store: Store, name: str, role: str, password: str, actor: str) -> User:
    check_name(name)
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}.")
    check_password(password)
    user = User(name=name, role=role, password_hash=_hasher.hash(password), created_at=_now(), disabled=False)
    try:
        with store.sessions.begin() as session:
            session.add(user)
    except IntegrityError as exc:
        raise InputError(f"a user named {name!r} already exists.") from exc
    audit.record(store, actor, "user.add", name, {"role": role})
    return user


def users(store: Store) -> list[User]:
    with store.sessions() as session:
        return list(session.scalars(select(User).order_by(User.name)))


def user(store: Store, name: str) -> User:
    with store.sessions() as session:
        found = session.scalars(select(User).where(User.name == name)).first()
    if found is None:
        raise NotFoundError(f"no user named {name!r}; `threatline users list` shows them.")
    return found


def user_by_id(store: Store, user_id: int) -> User | None:
    with store.sessions() as session:
        return session.get(User, user_id)


def disable_user(store: Store, name: str, actor: str) -> User:
    """Disabled users cannot log in; their sessions and tokens stop working at once."""
    with store.sessions.begin() as session:
        found = session.scalars(select(User).where(User.name == name)).first()
        if found is None:
            raise NotFoundError(f"no user named {name!r}; `threatline users list` shows them.")
        found.disabled = True
    audit.record(store, actor, "user.disable", name)
    return found


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The active user with this name and password, or None; always costs one argon2 verification."""
    with store.sessions() as session:
        found = session.scalars(select(User).where(User.name == name)).first()
    try:
        _hasher.verify(found.password_hash if found else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if found is None or found.disabled:
        return None
    if _hasher.check_needs_rehash(found.password_hash):
        with store.sessions.begin() as session:
            session.get_one(User, found.id).password_hash = _hasher.hash(password)
    return found


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str, actor: str) -> tuple[ApiToken, str]:
    """A new API token for the user; the secret is returned once and only its hash is kept."""
    owner = user(store, name)
    if owner.disabled:
        raise InputError(f"user {name!r} is disabled.")
    secret = "tl_" + secrets.token_urlsafe(32)
    token = ApiToken(user_id=owner.id, token_hash=digest(secret), created_at=_now(), revoked=False)
    with store.sessions.begin() as session:
        session.add(token)
    audit.record(store, actor, "token.create", name, {"token_id": token.id})
    return token, secret


def tokens(store: Store) -> list[tuple[ApiToken, str]]:
    with store.sessions() as session:
        rows = session.execute(select(ApiToken, User.name).join(User).order_by(ApiToken.id))
        return [(token, name) for token, name in rows]


def revoke_token(store: Store, token_id: int, actor: str) -> ApiToken:
    with store.sessions.begin() as session:
        token = session.get(ApiToken, token_id)
        if token is None:
            raise NotFoundError(f"no API token with id {token_id}; `threatline tokens list` shows them.")
        token.revoked = True
    audit.record(store, actor, "token.revoke", token_id)
    return token


def user_for_token(store: Store, secret: str) -> User | None:
    with store.sessions.begin() as session:
        row = session.execute(
            select(ApiToken, User).join(User).where(ApiToken.token_hash == digest(secret))
        ).first()
        if row is None:
            return None
        token, owner = row
        if token.revoked or owner.disabled:
            return None
        now = _now()
        if token.last_used_at is None or now - as_utc(token.last_used_at) > timedelta(minutes=1):
            token.last_used_at = now  # at most once a minute, to spare the database a write per request
        return owner
