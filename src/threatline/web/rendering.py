"""Rendering pages: one Jinja environment with autoescaping always on, and the helpers pages share.

Every template gets `user` (the caller or None), `nav` (the pages the caller's role may open) and
`csrf_token` (to put in every form as a hidden `csrf_token` field).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..timeutil import as_utc
from . import csrf
from .auth import Principal

TEMPLATES = Path(__file__).parent / "templates"
PRIORITY_LABELS = {1: "P1 urgent", 2: "P2 high", 3: "P3 medium", 4: "P4 low"}
# What each decision's choice says on a finding page: (label, what it does).
DECISION_LABELS = {
    "monitor": ("Monitor", "Keep it under review."),
    "dismiss": ("Dismiss", "Not a threat. Deleted after the retention period."),
    "escalate": ("Escalate", "Hand to the protective team now."),
    "resolve": ("Resolve", "A real threat, dealt with: closes the finding."),
    "reopen": ("Reopen", "Back under review."),
    "request_escalation": ("Request escalation", "Ask a supervisor to escalate it."),
}
NAV = (
    ("/queue", "Queue", "findings:read"),
    ("/cases", "Cases", "cases:read"),
    ("/watchlists", "Watchlists", "watchlists:read"),
    ("/transparency", "Transparency", "report:read"),
    ("/audit", "Audit log", "audit:read"),
    ("/users", "Users", "users:manage"),
    ("/api/v1/docs", "API", None),
)


def _when(value: datetime | None) -> str:
    return as_utc(value).strftime("%Y-%m-%d %H:%M UTC") if value else "—"


env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
env.filters["when"] = _when
env.globals["PRIORITY_LABELS"] = PRIORITY_LABELS
env.globals["DECISION_LABELS"] = DECISION_LABELS


def nav(caller: Principal | None) -> list[tuple[str, str]]:
    if caller is None:
        return []
    return [(href, label) for href, label, permission in NAV if permission is None or caller.can(permission)]


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    caller: Principal | None = getattr(request.state, "principal", None)
    token = csrf.form_token(request)
    html = env.get_template(template).render(
        {"request": request, "user": caller, "nav": nav(caller), "csrf_token": token,
         "path": request.url.path, **context}
    )
    response = HTMLResponse(html, status_code=status)
    fresh = getattr(request.state, "new_login_csrf", None)
    if fresh:
        response.set_cookie(csrf.LOGIN_COOKIE, fresh, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")
    return response
