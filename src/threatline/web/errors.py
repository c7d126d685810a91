"""How failures are answered: JSON `{"error": ...}` under /api/, a plain page elsewhere.

Domain errors map to 4xx codes with their own message (they are written for the user):
NotFoundError 404, InputError/WatchlistError/ConfigError 400, bad parameters 422, no or bad
credentials 401 (a page redirects to the login form instead), a role that may not 403, a failed
CSRF check 403, a review decision the finding's status does not allow (TransitionError) 409 and one
the role may not make there (NotAllowedError) 403.

Anything else is a bug: it is answered 500 with the same security headers as every other response
(the headers middleware never sees it, since Starlette answers it outside the middleware), and it
is audited as `server.error` with the method, path and exception type, never the query or body.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..errors import ConfigError, InputError, NotAllowedError, NotFoundError, ReviewError, WatchlistError
from ..review import audit
from . import security
from .auth import Forbidden, NotAuthenticated, Principal
from .csrf import CsrfError
from .rendering import render

log = logging.getLogger(__name__)
SERVER_ERROR = ("internal error: the server could not answer this request. It was logged; try again, "
                "or tell the operator.")
# Plain, with no template or database behind it: whatever broke the request must not break this page too.
SERVER_ERROR_PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error 500</title>'
                     '<link rel="stylesheet" href="/static/style.css"></head><body><main><section class="card narrow">'
                     f'<h1>Something is wrong (500)</h1><p class="alert alert-error">{SERVER_ERROR}</p>'
                     '<p><a href="/">Back to the start</a></p></section></main></body></html>')


def review_status(exc: ReviewError) -> int:
    return 403 if isinstance(exc, NotAllowedError) else 409


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _answer(request: Request, status: int, message: str, detail: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    if is_api(request):
        body: dict[str, Any] = {"error": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(NotAuthenticated)
    async def not_authenticated(request: Request, exc: NotAuthenticated) -> Response:
        if is_api(request):
            return _answer(request, 401, f"not authenticated: {exc}", headers={"WWW-Authenticate": "Bearer"})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return _answer(request, 403, f"forbidden: {exc.message}")

    @app.exception_handler(CsrfError)
    async def csrf_failed(request: Request, exc: CsrfError) -> Response:
        return _answer(request, 403, f"CSRF check failed: {exc}")

    @app.exception_handler(ReviewError)
    async def refused(request: Request, exc: ReviewError) -> Response:
        status = review_status(exc)
        return _answer(request, status, f"forbidden: {exc}" if status == 403 else f"conflict: {exc}")

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _answer(request, 404, str(exc))

    for bad_input in (InputError, WatchlistError, ConfigError):
        @app.exception_handler(bad_input)
        async def bad_request(request: Request, exc: Exception) -> Response:
            return _answer(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"location": ".".join(str(part) for part in error.get("loc", ())), "message": error.get("msg", "")}
            for error in exc.errors()
        ]
        summary = "; ".join(f"{p['location']}: {p['message']}" for p in problems[:3])
        return _answer(request, 422, f"invalid request: {summary}", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return _answer(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        await run_in_threadpool(_audit_server_error, request, exc)
        if is_api(request):
            response: Response = JSONResponse({"error": SERVER_ERROR}, status_code=500)
        else:
            response = HTMLResponse(SERVER_ERROR_PAGE, status_code=500)
        return security.apply(request, response)


def _audit_server_error(request: Request, exc: Exception) -> None:
    caller: Principal | None = getattr(request.state, "principal", None)
    try:
        audit.record(request.app.state.store, caller.name if caller else "anonymous", "server.error",
                     request.url.path[:500], {"method": request.method, "error": type(exc).__name__})
    except Exception:  # the database may be what failed; the 500 must still go out
        log.exception("could not audit a server error")
