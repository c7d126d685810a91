"""How failures are answered: JSON `{"error": ...}` under /api/, a plain page elsewhere.

Domain errors map to 4xx codes with their own message (they are written for the user):
NotFoundError 404, InputError/WatchlistError/ConfigError 400, bad parameters 422, no or bad
credentials 401 (a page redirects to the login form instead), a role that may not 403, a failed
CSRF check 403.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from ..errors import ConfigError, InputError, NotFoundError, WatchlistError
from .auth import Forbidden, NotAuthenticated
from .csrf import CsrfError
from .rendering import render


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
