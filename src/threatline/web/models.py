"""The API's request and response shapes; they are what the OpenAPI document describes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..review.accounts import MIN_PASSWORD
from ..review.workflow import DecisionName, Status
from ..timeutil import as_utc
from ..watchlist_store import MAX_TOML_BYTES

Utc = Annotated[datetime, AfterValidator(as_utc)]
Role = Literal["analyst", "supervisor", "admin", "auditor"]
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"
USER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Error(Model):
    error: str = Field(description="What is wrong and what to do about it.")
    detail: list[dict[str, Any]] | None = Field(default=None, description="Per-field problems, for 422.")


class EvidenceSpan(Model):
    start: int
    end: int
    text: str
    kind: str = Field(
        description="target, violence, intent, call, ...; a mitigating kind such as negation; or `model`: words the "
        "classifier relied on (removing them lowers its score), found by occlusion rather than by a word list."
    )
    reason: str


class DecisionOut(Model):
    decision: DecisionName
    note: str | None
    actor: str = Field(description="The account, or cli:<login name> for the operator at the command line.")
    channel: Literal["cli", "web", "api", "unknown"] = Field(
        description="Where the decision was taken; unknown for decisions recorded before channels were.")
    from_status: Status
    to_status: Status = Field(description="The finding's status after it: the same for request_escalation.")
    decided_at: Utc


class EscalationRequestOut(Model):
    requested_by: str
    requested_at: Utc


class FindingOut(Model):
    id: int
    source: str
    post_id: str
    text: str = Field(description="The post's text, untrusted: escape it before display.")
    author: str | None
    url: str | None = Field(description="Shown as text; never fetch it.")
    posted_at: Utc | None
    category: str
    score: float
    priority: int = Field(ge=1, le=4, description="1 is the most urgent.")
    priority_reasons: list[str]
    targets: list[str]
    evidence: list[EvidenceSpan]
    detector_version: str
    detected_at: Utc
    updated_at: Utc
    status: Status
    escalation_request: EscalationRequestOut | None = Field(
        description="A request for escalation waiting for a supervisor's escalate, dismiss or resolve; else null.")
    decisions: list[DecisionOut] = Field(description="The history, oldest first; the last one set the status.")


class FindingPage(Model):
    items: list[FindingOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page, or null on the last page.")


class FindingExport(Model):
    exported_at: Utc
    count: int
    items: list[FindingOut]


class DecisionIn(Model):
    decision: DecisionName
    note: str | None = Field(default=None, max_length=4000)


class CaseSummaryOut(Model):
    kind: Literal["target", "account"]
    key: str
    findings: int
    open: int
    top_priority: int
    first_at: Utc
    last_at: Utc
    source: str | None = None
    author: str | None = None


class CasesOut(Model):
    targets: list[CaseSummaryOut]
    accounts: list[CaseSummaryOut] = Field(description="Only accounts with more than one finding not dismissed.")


class CaseOut(Model):
    summary: CaseSummaryOut
    findings: list[FindingOut] = Field(description="Oldest first: the case's timeline.")


class WatchlistEntryOut(Model):
    kind: Literal["person", "facility", "organization"]
    id: str
    name: str
    aliases: list[str]
    role: str | None = None


class WatchlistSummary(Model):
    name: str
    entries: int
    updated_at: Utc
    updated_by: str


class WatchlistOut(WatchlistSummary):
    items: list[WatchlistEntryOut]
    toml: str | None = Field(description="The TOML source, for admins only (it may hold private facts).")


class WatchlistIn(Model):
    toml: str = Field(max_length=MAX_TOML_BYTES, description="The watchlist as TOML: [[person]], [[facility]], ...")


class RunOut(Model):
    id: int
    started_at: Utc
    finished_at: Utc | None
    detector_version: str
    read: int
    skipped: int
    dropped: int
    relevant: int
    flagged: dict[str, int]
    duplicates: int


class CountersOut(Model):
    runs: int
    read: int
    skipped: int
    dropped: int
    relevant: int
    relevant_not_flagged: int
    flagged: dict[str, int]
    duplicates: int
    held_now: dict[str, int] = Field(description="Findings held now, by status.")
    recent_runs: list[RunOut] = Field(description="The latest runs, newest first (counters only).")


class PeriodOut(Model):
    period: str
    runs: int
    read: int
    skipped: int
    dropped_not_relevant: int
    relevant_not_flagged: int
    flagged: dict[str, int]
    flagged_total: int
    decisions: dict[str, dict[str, int]]
    deleted_by_retention: dict[str, int]


class HeldOut(Model):
    total: int
    by_status: dict[str, dict[str, int]]


class RetentionOut(Model):
    dismissed_days: int
    retain_days: int


class TransparencyOut(Model):
    period: Literal["day", "week", "month"]
    generated_at: Utc
    periods: list[PeriodOut]
    held_now: HeldOut
    retention: RetentionOut


class AuditEntryOut(Model):
    id: int
    at: str
    actor: str
    action: str
    subject: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(Model):
    items: list[AuditEntryOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class AuditVerifyOut(Model):
    ok: bool
    entries: int
    head: str = Field(description="ID:HASH of the last good entry; keep it elsewhere to detect truncation.")
    broken_at: int | None
    reason: str | None


class UserOut(Model):
    name: str
    role: Role
    created_at: Utc
    disabled: bool


class UserIn(Model):
    name: str = Field(pattern=USER_PATTERN)
    role: Role
    password: str = Field(min_length=MIN_PASSWORD, max_length=1024)


class MeOut(Model):
    name: str
    role: Role
    permissions: list[str]
    via: Literal["session", "token"]


class Health(Model):
    status: Literal["ok"]
