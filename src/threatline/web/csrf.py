"""CSRF protection for every form: a POST to a page must carry the right `csrf_token` field.

A logged-in browser's token is its session's (kept server-side with the session). Before login
the form is protected by a double-submit cookie: the login page sets a random `tl_login_csrf`
cookie and puts the same value in the form. As a second line, a POST whose Origin (or Referer)
names another site is refused whatever its token, and the session cookie is SameSite=Lax.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi import Request

from .auth import principal

LOGIN_COOKIE = "tl_login_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"


class CsrfError(Exception):
    """The form's token is missing or wrong, or it came from another site: answered with 403."""


def expected_token(request: Request) -> str | None:
    """The token this browser's forms must carry: its session's, or else its login cookie's."""
    caller = getattr(request.state, "principal", None) or principal(request, allow_token=False)
    if caller is not None and caller.csrf_token:
        return caller.csrf_token
    return request.cookies.get(LOGIN_COOKIE)


def form_token(request: Request) -> str:
    """The token to put in a form. For an anonymous browser without one, a new token is made and
    left in `request.state.new_login_csrf` for the response to set as the login cookie."""
    token = expected_token(request)
    if token:
        return token
    token = secrets.token_urlsafe(32)
    request.state.new_login_csrf = token
    return token


def same_origin(request: Request) -> bool:
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return source is None
    parts = urlsplit(source)
    return f"{parts.scheme}://{parts.netloc}" == f"{request.url.scheme}://{request.url.netloc}"


def check(request: Request, submitted: str | None) -> None:
    expected = expected_token(request)
    if not same_origin(request):
        raise CsrfError("the form was sent from another site.")
    if not expected or not submitted or not secrets.compare_digest(expected.encode(), submitted.encode()):
        raise CsrfError("the form has expired or did not come from this site; reload the page and try again.")


async def protect(request: Request) -> None:
    """Router dependency: every unsafe request to a page must pass `check`."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    form = await request.form()
    submitted = form.get(FIELD)
    check(request, submitted if isinstance(submitted, str) else None)
