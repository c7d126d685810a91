"""Retention: findings are deleted when they are no longer needed, and the text goes with them.

| finding                  | deleted                                                              |
|--------------------------|----------------------------------------------------------------------|
| dismissed                | N days (default 30) after the dismissal, or at M days like the rest  |
| new, reviewing, resolved | M days (default 365) after it was detected                           |
| escalated                | never by the purge: it is evidence in an open matter                 |
| waiting for escalation   | not until a supervisor answers the request                           |

Only a supervisor escalates, and only a supervisor moves an escalated finding on (see
`workflow`), so no lower role can put an escalated finding in the purge's way by dismissing it.

A finding's decisions are deleted with it; their numbers move to `archived_counts` first, so the
transparency report keeps counting them. Deletion is real: SQLite runs with `secure_delete` (freed
pages are zeroed) and the purge checkpoints and truncates the write-ahead log; on PostgreSQL it runs
`VACUUM FULL` on the two tables, which rewrites them without the deleted rows. Backups and disk
snapshots are the operator's to rotate (see docs/safeguards.md).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_, select, text
from sqlalchemy.orm import Session

from ..errors import ConfigError
from ..store import Store
from ..store.safeguards import ArchivedCount
from ..store.schema import Decision, Finding
from ..timeutil import as_utc, now
from . import audit

DISMISSED_DAYS = 30
RETAIN_DAYS = 365
_CHUNK = 500
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Policy:
    dismissed_days: int = DISMISSED_DAYS
    retain_days: int = RETAIN_DAYS

    def __post_init__(self) -> None:
        if self.dismissed_days < 0 or self.retain_days < 0:
            raise ConfigError("retention periods must be zero or more days.")


@dataclass
class PurgeResult:
    dismissed: list[int] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.dismissed) + len(self.expired)


def purge(store: Store, policy: Policy, actor: str = "system", at: datetime | None = None) -> PurgeResult:
    """Delete what the policy says is due and audit it, even when nothing was due."""
    at = at or now()
    dismissed_before = at - timedelta(days=policy.dismissed_days)
    retain_before = at - timedelta(days=policy.retain_days)
    result = PurgeResult()
    with store.sessions.begin() as session:
        rows = session.execute(
            select(Finding.id, Finding.category, Finding.status).where(
                Finding.status != "escalated",
                Finding.escalation_requested_at.is_(None),
                or_(
                    Finding.detected_at < retain_before,
                    and_(Finding.status == "dismissed", Finding.updated_at < dismissed_before),
                ),
            )
        ).all()
        for finding_id, _category, status in rows:
            (result.dismissed if status == "dismissed" else result.expired).append(finding_id)
        ids = [row[0] for row in rows]
        _archive(session, ids, [(row[1], row[2]) for row in rows], at)
        for chunk in _chunks(ids):
            session.execute(delete(Decision).where(Decision.finding_id.in_(chunk)))
            session.execute(delete(Finding).where(Finding.id.in_(chunk)))
    if result.total:
        _reclaim(store)
    audit.record(store, actor, "purge", None, {
        "dismissed": len(result.dismissed), "expired": len(result.expired),
        "finding_ids": sorted(result.dismissed + result.expired),
        "dismissed_days": policy.dismissed_days, "retain_days": policy.retain_days,
    })
    return result


class DailyPurge(threading.Thread):
    """Runs `purge` now and then once a day until `stop()`; `threatline serve` starts one."""

    def __init__(self, store: Store, policy: Policy, every: timedelta = timedelta(days=1)) -> None:
        super().__init__(name="threatline-purge", daemon=True)
        self.store, self.policy, self.every = store, policy, every
        self._halt = threading.Event()

    def run(self) -> None:
        while True:
            try:
                result = purge(self.store, self.policy, actor="system:daily-purge")
                log.info("retention purge: %d dismissed and %d expired findings deleted",
                         len(result.dismissed), len(result.expired))
            except Exception:  # a failed purge must not stop the next one
                log.exception("retention purge failed")
            if self._halt.wait(self.every.total_seconds()):
                return

    def stop(self) -> None:
        self._halt.set()


def _archive(session: Session, ids: list[int], findings: list[tuple[str, str]], at: datetime) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    today = as_utc(at).date().isoformat()
    for category, status in findings:
        counts[(today, category, "purged:dismissed" if status == "dismissed" else "purged:expired")] += 1
    for chunk in _chunks(ids):
        for decided_at, category, decision in session.execute(
            select(Decision.decided_at, Decision.category, Decision.decision).where(Decision.finding_id.in_(chunk))
        ):
            counts[(as_utc(decided_at).date().isoformat(), category, f"decision:{decision}")] += 1
    for (day, category, name), number in counts.items():
        row = session.scalars(
            select(ArchivedCount).where(
                ArchivedCount.day == day, ArchivedCount.category == category, ArchivedCount.name == name
            )
        ).first()
        if row is None:
            session.add(ArchivedCount(day=day, category=category, name=name, count=number))
        else:
            row.count += number


def _reclaim(store: Store) -> None:
    """Make sure the deleted text is not left in the database files."""
    engine = store.sessions.kw["bind"]
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    elif engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM FULL findings"))
            connection.execute(text("VACUUM FULL decisions"))


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
