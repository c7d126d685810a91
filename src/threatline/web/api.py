"""The JSON API under /api/v1: findings, decisions, cases, watchlists, counters, the transparency
report, the audit log and users. Every route but health needs a bearer token or a session, and
names the permission it needs; what is read of findings is audited just as on the pages.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import watchlist_store
from ..errors import InputError
from ..review import accounts, audit, cases, transparency, workflow
from ..review.actor import Actor
from ..review.decisions import decide as record_decision
from ..review.retention import Policy
from ..store import Store, finding_to_dict
from ..store.safeguards import StoredWatchlist, User
from ..store.schema import Finding
from ..timeutil import now
from . import models as m
from .auth import Principal
from .deps import api_caller, get_settings, get_store
from .pages import TARGET_PATTERN, finding_filter
from .rendering import render

router = APIRouter(prefix="/api/v1")
StoreDep = Annotated[Store, Depends(get_store)]
MAX_ID = 2**62


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Bad input", 401: "Not authenticated", 403: "Not allowed for this role",
            404: "Not found", 409: "The finding's status does not allow this decision", 422: "Invalid parameters"}
    return {code: {"model": m.Error, "description": text[code]} for code in sorted({400, 401, 403, 422, *codes})}


Anyone = Annotated[Principal, Depends(api_caller())]
FindingsReader = Annotated[Principal, Depends(api_caller("findings:read"))]
Decider = Annotated[Principal, Depends(api_caller("findings:decide"))]
Exporter = Annotated[Principal, Depends(api_caller("findings:export"))]
CasesReader = Annotated[Principal, Depends(api_caller("cases:read"))]
WatchlistsReader = Annotated[Principal, Depends(api_caller("watchlists:read"))]
WatchlistsManager = Annotated[Principal, Depends(api_caller("watchlists:manage"))]
ReportReader = Annotated[Principal, Depends(api_caller("report:read"))]
AuditReader = Annotated[Principal, Depends(api_caller("audit:read"))]
UsersManager = Annotated[Principal, Depends(api_caller("users:manage"))]


def finding_out(found: Finding) -> m.FindingOut:
    return m.FindingOut.model_validate(finding_to_dict(found))


StatusQ = Annotated[str | None, Query(pattern=f"^({'|'.join(workflow.STATUSES)})$",
                                      description="Only findings with this review status.")]
CategoryQ = Annotated[str | None, Query(pattern="^(threat|incitement|exposure)$")]
TargetQ = Annotated[str | None, Query(pattern=TARGET_PATTERN, description="A watchlist id.")]
SinceQ = Annotated[date | None, Query(description="Detected on or after this day (UTC).")]
UntilQ = Annotated[date | None, Query(description="Detected on or before this day (UTC).")]
RequestedQ = Annotated[bool | None, Query(description="true: only findings whose escalation was requested and "
                                                      "waits for a supervisor; false: only the others.")]
FindingId = Annotated[int, Path(ge=1, le=MAX_ID)]


# -- health and identity ----------------------------------------------------------------------


@router.get("/health", response_model=m.Health, summary="Is the server up? (no authentication)")
def health() -> m.Health:
    return m.Health(status="ok")


@router.get("/me", response_model=m.MeOut, responses=_errors(), summary="Who the token or session belongs to")
def me(who: Anyone) -> m.MeOut:
    return m.MeOut(name=who.name, role=who.role,  # type: ignore[arg-type]
                   permissions=sorted(accounts.PERMISSIONS[who.role]), via=who.via)


# -- findings ---------------------------------------------------------------------------------


class FindingQuery:
    """The filters shared by listing and exporting findings, and their record for the audit log."""

    def __init__(self, status: StatusQ = None, category: CategoryQ = None, target: TargetQ = None,
                 since: SinceQ = None, until: UntilQ = None, escalation_requested: RequestedQ = None) -> None:
        self.where = finding_filter(status, category, target, since, until, escalation_requested)
        values = {"status": status, "category": category, "target": target,
                  "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
                  "escalation_requested": escalation_requested}
        self.audited = {k: v for k, v in values.items() if v is not None}


FindingQueryDep = Annotated[FindingQuery, Depends()]


@router.get("/findings", response_model=m.FindingPage, responses=_errors(),
            summary="Findings, highest priority first, then newest; paginated")
def list_findings(
    who: FindingsReader,
    store: StoreDep,
    query: FindingQueryDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> m.FindingPage:
    total = store.count_findings(query.where)
    rows = store.findings(query.where, limit=limit, offset=offset)
    audit.record(store, who.name, "findings.list", None, {
        "via": "api", "auth": who.via, "filter": query.audited, "offset": offset,
        "finding_ids": [r.id for r in rows],
    })
    return m.FindingPage(items=[finding_out(r) for r in rows], total=total, limit=limit, offset=offset,
                         next_offset=offset + limit if offset + limit < total else None)


@router.get("/findings/export", response_model=m.FindingExport, responses=_errors(),
            summary="Every finding matching the filters, in one document (supervisors and admins)")
def export_findings(who: Exporter, store: StoreDep, query: FindingQueryDep) -> m.FindingExport:
    rows = store.findings(query.where)
    audit.record(store, who.name, "export", None, {
        "via": "api", "auth": who.via, "filter": query.audited, "count": len(rows),
        "finding_ids": [r.id for r in rows],
    })
    return m.FindingExport(exported_at=now(), count=len(rows), items=[finding_out(r) for r in rows])


@router.get("/findings/{finding_id}", response_model=m.FindingOut, responses=_errors(404),
            summary="One finding: the post, its evidence spans and reasons, targets and decisions")
def get_finding(who: FindingsReader, finding_id: FindingId, store: StoreDep) -> m.FindingOut:
    found = store.finding(finding_id)
    audit.record(store, who.name, "finding.view", found.id, {"via": "api", "auth": who.via})
    return finding_out(found)


@router.post(
    "/findings/{finding_id}/decisions", response_model=m.FindingOut, responses=_errors(404, 409),
    summary="Record a decision on a finding, as the review workflow allows",
    description="Analysts monitor, dismiss, resolve what they reviewed, reopen what was dismissed, and request "
                "escalation; supervisors and admins also escalate and move escalated or resolved findings on. "
                "A decision the finding's status does not allow is answered 409; one it allows but not for "
                "the caller's role (an analyst dismissing an escalated finding) 403.",
)
def decide(
    who: Decider,
    finding_id: FindingId, body: m.DecisionIn, store: StoreDep
) -> m.FindingOut:
    return finding_out(record_decision(store, finding_id, body.decision, Actor(who.name, who.role, "api"), body.note))


# -- cases ------------------------------------------------------------------------------------


def _summary(kind: str, case: cases.CaseSummary) -> m.CaseSummaryOut:
    return m.CaseSummaryOut(kind=kind, key=case.key, findings=case.findings, open=case.open,  # type: ignore[arg-type]
                            top_priority=case.top_priority, first_at=case.first_at, last_at=case.last_at,
                            source=case.source, author=case.author)


@router.get("/cases", response_model=m.CasesOut, responses=_errors(),
            summary="Cases: by target, and by posting account for accounts with more than one finding")
def list_cases(who: CasesReader, store: StoreDep) -> m.CasesOut:
    return m.CasesOut(targets=[_summary("target", c) for c in cases.target_cases(store)],
                      accounts=[_summary("account", c) for c in cases.account_cases(store)])


def _case(store: Store, who: Principal, kind: str, subject: str, timeline: list[Finding]) -> m.CaseOut:
    # An account case is logged by its finding ids, not its name: the log outlives the findings.
    audit.record(store, who.name, "case.view", subject if kind == "target" else "account",
                 {"via": "api", "auth": who.via, "finding_ids": [f.id for f in timeline]})
    times = [cases.when(f) for f in timeline]
    open_count = sum(1 for f in timeline if f.status in cases.OPEN)
    first = timeline[0]
    summary = cases.CaseSummary(key=subject.partition(":")[2], findings=len(timeline), open=open_count,
                                top_priority=min(f.priority for f in timeline), first_at=min(times),
                                last_at=max(times),
                                source=first.source if kind == "account" else None,
                                author=first.author if kind == "account" else None)
    return m.CaseOut(summary=_summary(kind, summary), findings=[finding_out(f) for f in timeline])


@router.get("/cases/targets/{target}", response_model=m.CaseOut, responses=_errors(404),
            summary="Every finding about one protected target, oldest first")
def target_case(
    who: CasesReader, target: Annotated[str, Path(pattern=TARGET_PATTERN)], store: StoreDep
) -> m.CaseOut:
    return _case(store, who, "target", f"target:{target}", cases.target_timeline(store, target))


@router.get("/cases/accounts", response_model=m.CaseOut, responses=_errors(404),
            summary="The findings of one posting account, if it has more than one not dismissed")
def account_case(
    who: CasesReader,
    store: StoreDep,
    source: Annotated[str, Query(min_length=1, max_length=200)],
    author: Annotated[str, Query(min_length=1, max_length=500)],
) -> m.CaseOut:
    timeline = cases.account_timeline(store, source, author)
    return _case(store, who, "account", f"account:{source}/{author}", timeline)


# -- watchlists -------------------------------------------------------------------------------

WatchlistName = Annotated[str, Path(pattern=m.NAME_PATTERN)]


def _watchlist_out(row: StoredWatchlist, who: Principal) -> m.WatchlistOut:
    items = [m.WatchlistEntryOut(kind=e.kind, id=e.id, name=e.name, aliases=list(e.aliases), role=e.role)
             for e in watchlist_store.entries(row)]
    return m.WatchlistOut(name=row.name, entries=row.entries, updated_at=row.updated_at, updated_by=row.updated_by,
                          items=items, toml=row.toml if who.can("watchlists:manage") else None)


@router.get("/watchlists", response_model=list[m.WatchlistSummary], responses=_errors(),
            summary="Stored watchlists")
def list_watchlists(who: WatchlistsReader, store: StoreDep) -> list[m.WatchlistSummary]:
    return [m.WatchlistSummary(name=r.name, entries=r.entries, updated_at=r.updated_at, updated_by=r.updated_by)
            for r in watchlist_store.all_watchlists(store)]


@router.get("/watchlists/{name}", response_model=m.WatchlistOut, responses=_errors(404),
            summary="One watchlist's entries (and its TOML, for admins)")
def get_watchlist(who: WatchlistsReader, name: WatchlistName, store: StoreDep) -> m.WatchlistOut:
    return _watchlist_out(watchlist_store.get(store, name), who)


@router.put("/watchlists/{name}", response_model=m.WatchlistOut, responses=_errors(400),
            summary="Upload or replace a watchlist (admins); it is validated like a scan's --watchlist")
def put_watchlist(
    who: WatchlistsManager,
    name: WatchlistName, body: m.WatchlistIn, store: StoreDep
) -> m.WatchlistOut:
    watchlist_store.save(store, name, body.toml, who.name)
    return _watchlist_out(watchlist_store.get(store, name), who)


@router.delete("/watchlists/{name}", status_code=204, responses=_errors(404), summary="Delete a watchlist (admins)")
def delete_watchlist(who: WatchlistsManager, name: WatchlistName, store: StoreDep) -> Response:
    watchlist_store.delete(store, name, who.name)
    return Response(status_code=204)


# -- counters and transparency ----------------------------------------------------------------


@router.get("/counters", response_model=m.CountersOut, responses=_errors(),
            summary="What the scans read, dropped and flagged, in numbers; and what is held now")
def counters(who: ReportReader, store: StoreDep) -> m.CountersOut:
    runs = store.runs()
    flagged: dict[str, int] = {}
    for run in runs:
        for category, number in (run.flagged or {}).items():
            flagged[category] = flagged.get(category, 0) + int(number)
    report = transparency.build(store, "month")
    relevant = sum(r.relevant for r in runs)
    return m.CountersOut(
        runs=len(runs), read=sum(r.read for r in runs),
        skipped=sum(sum(int(n) for n in (r.skipped or {}).values()) for r in runs),
        dropped=sum(r.dropped for r in runs), relevant=relevant,
        relevant_not_flagged=relevant - sum(flagged.values()), flagged=flagged,
        duplicates=sum(r.duplicates for r in runs),
        held_now={status: sum(c.values()) for status, c in report.held.items()},
        recent_runs=[
            m.RunOut(id=r.id, started_at=r.started_at, finished_at=r.finished_at, detector_version=r.detector_version,
                     read=r.read, skipped=sum(int(n) for n in (r.skipped or {}).values()), dropped=r.dropped,
                     relevant=r.relevant, flagged={k: int(v) for k, v in (r.flagged or {}).items()},
                     duplicates=r.duplicates)
            for r in reversed(runs[-20:])
        ],
    )


@router.get("/transparency", response_model=m.TransparencyOut, responses=_errors(),
            summary="The transparency report: numbers per period and category, no post text")
def transparency_report(
    who: ReportReader,
    request: Request,
    store: StoreDep,
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
) -> m.TransparencyOut:
    settings = get_settings(request)
    report = transparency.build(store, period, Policy(settings.retain_dismissed_days, settings.retain_days))
    return m.TransparencyOut.model_validate(report.to_dict())


# -- audit and users --------------------------------------------------------------------------


@router.get("/audit", response_model=m.AuditPage, responses=_errors(), summary="The audit log, newest first")
def audit_log(
    who: AuditReader,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    action: Annotated[str | None, Query(max_length=50)] = None,
) -> m.AuditPage:
    audit.record(store, who.name, "audit.view", None,
                 {"via": "api", "auth": who.via, "offset": offset, "action": action})
    total = audit.count(store, action)
    rows = audit.entries(store, limit, offset, action)
    return m.AuditPage(
        items=[m.AuditEntryOut(id=e.id, at=e.at, actor=e.actor, action=e.action, subject=e.subject,
                               details=e.details, prev_hash=e.prev_hash, hash=e.hash) for e in rows],
        total=total, limit=limit, offset=offset, next_offset=offset + limit if offset + limit < total else None,
    )


@router.get("/audit/verify", response_model=m.AuditVerifyOut, responses=_errors(),
            summary="Check the audit log's hash chain")
def audit_verify(who: AuditReader, store: StoreDep) -> m.AuditVerifyOut:
    check = audit.verify(store)
    return m.AuditVerifyOut(ok=check.ok, entries=check.entries, head=check.head, broken_at=check.broken_at,
                            reason=check.reason)


def _user_out(user: User) -> m.UserOut:
    return m.UserOut(name=user.name, role=user.role, created_at=user.created_at,  # type: ignore[arg-type]
                     disabled=user.disabled)


@router.get("/users", response_model=list[m.UserOut], responses=_errors(), summary="Accounts (admins)")
def list_users(who: UsersManager, store: StoreDep) -> list[m.UserOut]:
    return [_user_out(u) for u in accounts.users(store)]


@router.post("/users", response_model=m.UserOut, status_code=201, responses=_errors(400),
             summary="Add an account (admins)")
def add_user(who: UsersManager, body: m.UserIn, store: StoreDep) -> m.UserOut:
    return _user_out(accounts.add_user(store, body.name, body.role, body.password, who.name))


@router.post("/users/{name}/disable", response_model=m.UserOut, responses=_errors(400, 404),
             summary="Disable an account: it can no longer log in or use its tokens (admins)")
def disable_user(
    who: UsersManager, name: Annotated[str, Path(pattern=m.USER_PATTERN)], store: StoreDep
) -> m.UserOut:
    if name == who.name:
        raise InputError("you cannot disable your own account; ask another admin.")
    return _user_out(accounts.disable_user(store, name, who.name))


# -- the API's own description ----------------------------------------------------------------


@router.get("/openapi.json", include_in_schema=False)
def openapi(who: Anyone, request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", include_in_schema=False)
def docs(who: Anyone, request: Request) -> HTMLResponse:
    """The API reference, rendered on the server from the OpenAPI document: no script needed."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append({
                "id": op.get("operationId", f"{method}-{path}"), "method": method.upper(), "path": path,
                "summary": op.get("summary", ""), "description": op.get("description", ""),
                "parameters": [
                    {"name": p["name"], "location": p["in"], "required": p.get("required", False),
                     "type": _type(p.get("schema", {})), "description": p.get("description", "")}
                    for p in op.get("parameters", [])
                ],
                "body": _body(op),
                "responses": [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()],
            })
    return render(request, "api_docs.html", {"spec": spec, "operations": operations})


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    kind = str(schema.get("type", "any"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _body(op: dict[str, Any]) -> str | None:
    content = op.get("requestBody", {}).get("content", {})
    for media in content.values():
        return _type(media.get("schema", {}))
    return None

