"""The analyst's pages: login, the review queue, findings, cases, watchlists, users, audit, report.

Every POST here goes through `csrf.protect` (a router dependency), and every page but the login
form names the permission it needs through `page_caller`. What an analyst sees of a post is
audited (`findings.list`, `finding.view`, `case.view`) by finding id, never by text.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from .. import watchlist_store
from ..errors import (
    InputError,
    LoginError,
    LoginThrottled,
    NotFoundError,
    ReviewError,
    ThreatlineError,
)
from ..review import accounts, audit, cases, transparency, workflow
from ..review.actor import Actor
from ..review.decisions import decide as record_decision
from ..review.login import attempt as attempt_login
from ..review.retention import Policy
from ..review.workflow import STATUSES
from ..store import FindingFilter, Store, finding_to_dict
from ..store.schema import Finding
from ..timeutil import as_utc, now
from . import csrf
from .auth import SESSION_COOKIE, Principal, end_session, start_session
from .deps import get_settings, get_store, page_caller
from .errors import review_status
from .highlight import pieces, valid_spans
from .rendering import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(csrf.protect)])
PAGE_SIZE = 50
CATEGORIES = ("threat", "incitement", "exposure")
TARGET_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$"

StoreDep = Annotated[Store, Depends(get_store)]


def client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith(("//", "/\\")) and "\n" not in target:
        return target
    return "/"


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# -- login ------------------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "message": None, "name": ""})


@router.post("/login")
def login(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    context = {"next": _safe_next(next), "name": name}
    try:
        user = attempt_login(store, name, password)
    except LoginThrottled as exc:
        audit.record(store, "anonymous", "login.failed", name[:200], {"ip": client(request), "reason": "backoff"})
        message = f"Too many failed attempts. Try again in {int(exc.wait) + 1} seconds."
        return render(request, "login.html", {**context, "message": message}, status=429)
    except LoginError as exc:
        audit.record(store, "anonymous", "login.failed", name[:200],
                     {"ip": client(request), "reason": "wrong name or password", "failures": exc.failures})
        # 200, not 401: a 401 must offer an HTTP authentication scheme, and this is a form.
        return render(request, "login.html", {**context, "message": "Wrong name or password."})
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        end_session(store, old)
    session_id, _ = start_session(store, user)
    audit.record(store, user.name, "login", user.name, {"ip": client(request), "role": user.role})
    response = _redirect(_safe_next(next))
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
    response.delete_cookie(csrf.LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller())]) -> Response:
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        end_session(store, session_id)
    audit.record(store, caller.name, "logout", caller.name)
    response = _redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(caller: Annotated[Principal, Depends(page_caller())]) -> Response:
    if caller.can("findings:read"):
        return _redirect("/queue")
    if caller.can("audit:read"):
        return _redirect("/audit")
    return _redirect("/transparency")


# -- queue and findings -----------------------------------------------------------------------


def _day(value: date | None, shift: int = 0) -> datetime | None:
    return datetime.combine(value + timedelta(days=shift), time(), tzinfo=as_utc(now()).tzinfo) if value else None


def finding_filter(status: str | None, category: str | None, target: str | None, since: date | None,
                   until: date | None, escalation_requested: bool | None = None) -> FindingFilter:
    return FindingFilter(status=status or None, category=category or None, target=target or None,
                         since=_day(since), until=_day(until, 1), escalation_requested=escalation_requested)


class QueueParams:
    def __init__(
        self,
        status: Annotated[str, Query(pattern=f"^({'|'.join(STATUSES)})?$")] = "",
        category: Annotated[str, Query(pattern=f"^({'|'.join(CATEGORIES)})?$")] = "",
        target: Annotated[str, Query(pattern=f"{TARGET_PATTERN}|^$")] = "",
        since: Annotated[str, Query(max_length=10)] = "",
        until: Annotated[str, Query(max_length=10)] = "",
        requested: Annotated[str, Query(pattern="^1?$", description="1: only findings waiting for escalation")] = "",
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> None:
        self.status, self.category, self.target, self.page = status, category, target, page
        self.since, self.until = _date(since, "since"), _date(until, "until")
        self.requested = requested == "1"
        self.raw = {"status": status, "category": category, "target": target, "since": since, "until": until,
                    "requested": requested}

    @property
    def where(self) -> FindingFilter:
        return finding_filter(self.status, self.category, self.target, self.since, self.until,
                              True if self.requested else None)

    def query(self, **changes: Any) -> str:
        values = {**self.raw, **changes}
        return urlencode({k: v for k, v in values.items() if v})


def _date(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} must be a date written YYYY-MM-DD.") from exc


@router.get("/queue")
def queue(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("findings:read"))],
    params: Annotated[QueueParams, Depends()],
) -> Response:
    where = params.where
    total = store.count_findings(where)
    rows = store.findings(where, limit=PAGE_SIZE, offset=(params.page - 1) * PAGE_SIZE)
    audit.record(store, caller.name, "findings.list", None,
                 {"via": "web", "filter": {k: v for k, v in params.raw.items() if v}, "page": params.page,
                  "finding_ids": [r.id for r in rows]})
    pages = max(1, -(-total // PAGE_SIZE))
    return render(request, "queue.html", {
        "rows": rows, "total": total, "params": params, "pages": pages,
        "statuses": STATUSES, "categories": CATEGORIES,
        "targets": sorted({c.key for c in cases.target_cases(store)} | ({params.target} - {""})),
        "names": _target_names(store),
        "prev_query": params.query(page=params.page - 1) if params.page > 1 else None,
        "next_query": params.query(page=params.page + 1) if params.page < pages else None,
    })


def _target_names(store: Store) -> dict[str, str]:
    try:
        return {target: entry.name for target, (_, entry) in watchlist_store.targets(store).items()}
    except ThreatlineError:
        return {}


def _has_account_case(store: Store, found: Finding) -> bool:
    if not found.author or found.status == "dismissed":
        return False
    return any(c.source == found.source and c.author == found.author for c in cases.account_cases(store))


@router.get("/findings/{finding_id}")
def finding_page(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("findings:read"))],
    finding_id: int,
    saved: str = "",
) -> Response:
    found = _finding(store, finding_id)
    audit.record(store, caller.name, "finding.view", found.id, {"via": "web"})
    return _render_finding(request, store, caller, found, saved=saved[:20])


def _render_finding(request: Request, store: Store, caller: Principal, found: Finding, saved: str = "",
                    refused: str | None = None, status: int = 200) -> Response:
    targets = watchlist_store.targets(store)
    return render(request, "finding.html", {
        "f": found,
        "pieces": pieces(found.text, found.evidence or []),
        "evidence": found.evidence or [],
        "unplaced": len(found.evidence or []) - len(valid_spans(found.text, found.evidence or [])),
        "targets": [(t, targets[t][1] if t in targets else None) for t in found.targets or []],
        "account_case": _has_account_case(store, found),
        "choices": workflow.choices(found.status, caller.role, found.escalation_requested_at is not None),
        "saved": saved,
        "refused": refused,
    }, status=status)


def _finding(store: Store, finding_id: int) -> Finding:
    if not 1 <= finding_id <= 2**62:
        raise NotFoundError(f"no finding with id {finding_id}.")
    return store.finding(finding_id)


@router.post("/findings/{finding_id}/decision")
def decide(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("findings:decide"))],
    finding_id: int,
    decision: Annotated[str, Form(pattern=f"^({'|'.join(workflow.DECISIONS)})$")],
    note: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    found = _finding(store, finding_id)
    try:
        record_decision(store, found.id, decision, Actor(caller.name, caller.role, "web"), note)
    except ReviewError as exc:
        # The page again, with the reason and the decisions still open to this role.
        return _render_finding(request, store, caller, store.finding(found.id), refused=str(exc),
                               status=review_status(exc))
    return _redirect(f"/findings/{found.id}?saved={decision}")


@router.post("/export")
def export(
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("findings:export"))],
    status: Annotated[str, Form(pattern=f"^({'|'.join(STATUSES)})?$")] = "",
    category: Annotated[str, Form(pattern=f"^({'|'.join(CATEGORIES)})?$")] = "",
    target: Annotated[str, Form(pattern=f"{TARGET_PATTERN}|^$")] = "",
    since: Annotated[str, Form(max_length=10)] = "",
    until: Annotated[str, Form(max_length=10)] = "",
    requested: Annotated[str, Form(pattern="^1?$")] = "",
) -> Response:
    where = finding_filter(status, category, target, _date(since, "since"), _date(until, "until"),
                           True if requested else None)
    rows = store.findings(where)
    audit.record(store, caller.name, "export", None, {
        "via": "web",
        "filter": {k: v for k, v in {"status": status, "category": category, "target": target, "since": since,
                                     "until": until, "requested": requested}.items() if v},
        "count": len(rows), "finding_ids": [r.id for r in rows],
    })
    body = json.dumps({"exported_at": now().isoformat(), "exported_by": caller.name, "count": len(rows),
                       "items": [finding_to_dict(r) for r in rows]}, ensure_ascii=False, indent=2)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="threatline-findings-{stamp}.json"'})


# -- cases ------------------------------------------------------------------------------------


@router.get("/cases")
def cases_page(
    request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller("cases:read"))]
) -> Response:
    return render(request, "cases.html", {
        "targets": cases.target_cases(store), "accounts": cases.account_cases(store), "names": _target_names(store),
    })


@router.get("/cases/target/{target}")
def target_case(
    request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller("cases:read"))], target: str
) -> Response:
    timeline = cases.target_timeline(store, target)
    audit.record(store, caller.name, "case.view", f"target:{target}",
                 {"via": "web", "finding_ids": [f.id for f in timeline]})
    names = _target_names(store)
    return render(request, "case.html", {
        "title": names.get(target, target), "subtitle": f"Target {target}: every finding about it, oldest first.",
        "timeline": timeline, "when": cases.when, "names": names,
    })


@router.get("/cases/account")
def account_case(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("cases:read"))],
    source: Annotated[str, Query(max_length=200)],
    author: Annotated[str, Query(max_length=500)],
) -> Response:
    timeline = cases.account_timeline(store, source, author)
    # By finding ids, not the account's name: the log outlives the findings and must not keep it.
    audit.record(store, caller.name, "case.view", "account", {"via": "web", "finding_ids": [f.id for f in timeline]})
    return render(request, "case.html", {
        "title": f"{author} on {source}",
        "subtitle": "A posting account with more than one finding that was not dismissed, oldest first.",
        "timeline": timeline, "when": cases.when, "names": _target_names(store),
    })


# -- watchlists -------------------------------------------------------------------------------


@router.get("/watchlists")
def watchlists_page(
    request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller("watchlists:read"))]
) -> Response:
    return render(request, "watchlists.html", {
        "rows": watchlist_store.all_watchlists(store), "manage": caller.can("watchlists:manage"),
        "message": None, "form": {"name": "", "toml": ""},
    })


@router.get("/watchlists/{name}")
def watchlist_page(
    request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller("watchlists:read"))],
    name: str,
) -> Response:
    row = watchlist_store.get(store, name)
    return render(request, "watchlist.html", {
        "row": row, "entries": watchlist_store.entries(row), "manage": caller.can("watchlists:manage"),
    })


@router.post("/watchlists")
async def save_watchlist(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("watchlists:manage"))],
    name: Annotated[str, Form(max_length=100)],
    toml: Annotated[str, Form(max_length=watchlist_store.MAX_TOML_BYTES)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    text = toml
    if file is not None and file.filename:
        raw = await file.read(watchlist_store.MAX_TOML_BYTES + 1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = "\ufffd"  # reported below as a TOML error
    try:
        watchlist_store.save(store, name, text, caller.name)
    except ThreatlineError as exc:
        return render(request, "watchlists.html", {
            "rows": watchlist_store.all_watchlists(store), "manage": True, "message": str(exc),
            "form": {"name": name, "toml": text},
        }, status=400)
    return _redirect(f"/watchlists/{name}")


@router.post("/watchlists/{name}/delete")
def delete_watchlist(
    store: StoreDep, caller: Annotated[Principal, Depends(page_caller("watchlists:manage"))], name: str
) -> Response:
    watchlist_store.delete(store, name, caller.name)
    return _redirect("/watchlists")


# -- users ------------------------------------------------------------------------------------


@router.get("/users")
def users_page(
    request: Request, store: StoreDep, caller: Annotated[Principal, Depends(page_caller("users:manage"))]
) -> Response:
    return render(request, "users.html", {"rows": accounts.users(store), "roles": accounts.ROLES, "message": None})


@router.post("/users")
def add_user(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("users:manage"))],
    name: Annotated[str, Form(max_length=100)],
    role: Annotated[str, Form(max_length=20)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    try:
        accounts.add_user(store, name, role, password, caller.name)
    except ThreatlineError as exc:
        return render(request, "users.html",
                      {"rows": accounts.users(store), "roles": accounts.ROLES, "message": str(exc)}, status=400)
    return _redirect("/users")


@router.post("/users/{name}/disable")
def disable_user(
    store: StoreDep, caller: Annotated[Principal, Depends(page_caller("users:manage"))], name: str
) -> Response:
    if name == caller.name:
        raise InputError("you cannot disable your own account; ask another admin.")
    accounts.disable_user(store, name, caller.name)
    return _redirect("/users")


# -- audit and transparency -------------------------------------------------------------------


@router.get("/audit")
def audit_page(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("audit:read"))],
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    action: Annotated[str, Query(max_length=50)] = "",
) -> Response:
    audit.record(store, caller.name, "audit.view", None, {"via": "web", "page": page, "action": action or None})
    total = audit.count(store, action or None)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(request, "audit.html", {
        "rows": audit.entries(store, PAGE_SIZE, (page - 1) * PAGE_SIZE, action or None),
        "total": total, "page": page, "pages": pages, "action": action, "check": audit.verify(store),
    })


@router.get("/transparency")
def transparency_page(
    request: Request,
    store: StoreDep,
    caller: Annotated[Principal, Depends(page_caller("report:read"))],
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
) -> Response:
    settings = get_settings(request)
    policy = Policy(settings.retain_dismissed_days, settings.retain_days)
    report = transparency.build(store, period, policy)
    return render(request, "transparency.html", {
        "report": report, "periods": transparency.PERIODS, "categories": transparency.CATEGORIES,
        "decisions": transparency.DECISIONS, "statuses": STATUSES,
    })
