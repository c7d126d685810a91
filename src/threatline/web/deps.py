"""FastAPI dependencies: the store, the settings and the caller, with the role check built in.

`api_caller("findings:read")` and `page_caller("findings:read")` are how a route says who may use
it; there is no route without one except login, logout's form and health.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..config import Settings
from ..store import Store
from . import csrf
from .auth import NotAuthenticated, Principal, principal

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _api(request: Request) -> Principal:
    caller = principal(request, allow_token=True)
    if caller is None:
        raise NotAuthenticated("log in, or send Authorization: Bearer TOKEN (see `threatline tokens create`).")
    if caller.via == "session" and request.method in UNSAFE:
        sent = request.headers.get(csrf.HEADER, "")
        if not caller.csrf_token or not secrets.compare_digest(sent.encode(), caller.csrf_token.encode()):
            raise csrf.CsrfError("with a session cookie, send the session's CSRF token in X-CSRF-Token.")
    request.state.principal = caller
    return caller


def _page(request: Request) -> Principal:
    caller = principal(request, allow_token=False)
    if caller is None:
        raise NotAuthenticated("log in first.")
    request.state.principal = caller
    return caller


_bearer = HTTPBearer(auto_error=False, description="An API token from `threatline tokens create --user NAME`.")


def api_caller(permission: str | None = None) -> Callable[..., Principal]:
    def dependency(
        request: Request, _documented: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None
    ) -> Principal:
        caller = _api(request)
        if permission:
            caller.require(permission)
        return caller

    return dependency


def page_caller(permission: str | None = None) -> Callable[[Request], Principal]:
    def dependency(request: Request) -> Principal:
        caller = _page(request)
        if permission:
            caller.require(permission)
        return caller

    return dependency
