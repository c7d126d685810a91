"""Security headers on every response: post text is untrusted, so the browser is told to run
nothing but our own static files and to load nothing from anywhere else.

The policy has no 'unsafe-inline' for scripts or styles: even if some text escaped the template's
autoescaping, an injected <script> or onerror= handler would not run, and an <img> pointing at an
outside address would not be fetched (img-src 'self'). Authenticated pages are `no-store`, so no
post text is left in the browser's disk cache.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
])
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # not no-referrer: that makes browsers send "Origin: null" on our own forms
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


async def add_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    return apply(request, await call_next(request))


def apply(request: Request, response: Response) -> Response:
    """Give `response` the headers; also used for the 500 answer, which bypasses the middleware."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    if request.url.scheme == "https":
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    return response
