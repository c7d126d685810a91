"""Reading and writing findings, runs and decisions: the store's whole vocabulary.

Saving is idempotent on (source, post id): scanning a post again never duplicates its finding,
and the first finding stands, so a later model version does not silently rewrite history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, Text, cast, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ..errors import NotFoundError
from ..pipeline import RunStats, Verdict
from .database import open_database
from .schema import Finding, Run


@dataclass(frozen=True)
class FindingFilter:
    status: str | None = None
    category: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    escalation_requested: bool | None = None  # True: only findings waiting for a supervisor


class Store:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(open_database(url))

    @property
    def dialect(self) -> str:
        engine = self.sessions.kw["bind"]
        return str(engine.dialect.name)

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, detector_version: str, watchlist: str) -> int:
        with self.sessions.begin() as session:
            run = Run(started_at=_now(), detector_version=detector_version, watchlist=watchlist[:500])
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        with self.sessions.begin() as session:
            run = session.get_one(Run, run_id)
            run.finished_at = _now()
            run.read = stats.read
            run.skipped = dict(stats.skipped)
            run.dropped = stats.dropped
            run.relevant = stats.relevant
            run.flagged = dict(stats.flagged)
            run.duplicates = stats.duplicates

    def runs(self) -> list[Run]:
        with self.sessions() as session:
            return list(session.scalars(select(Run).order_by(Run.id)))

    # -- findings -----------------------------------------------------------------------------

    def save(self, verdicts: Sequence[Verdict], run_id: int | None) -> int:
        """Store the flagged verdicts; returns how many were already stored (duplicates)."""
        flagged = [v.finding for v in verdicts if v.finding is not None]
        if not flagged:
            return 0
        keys = {(f.post.source, f.post.id) for f in flagged}
        with self.sessions.begin() as session:
            existing = {
                (source, post_id)
                for source, post_id in session.execute(
                    select(Finding.source, Finding.post_id).where(
                        Finding.post_id.in_([post_id for _, post_id in keys])
                    )
                )
            }
            duplicates = 0
            for found in flagged:
                key = (found.post.source, found.post.id)
                if key in existing:
                    duplicates += 1
                    continue
                existing.add(key)
                session.add(_row(found, run_id))
        return duplicates

    def findings(
        self, where: FindingFilter | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Finding]:
        query = _filtered(select(Finding), where or FindingFilter())
        query = query.order_by(Finding.priority, Finding.detected_at.desc(), Finding.id.desc())
        query = query.offset(offset).limit(limit).options(selectinload(Finding.decisions))
        with self.sessions() as session:
            return list(session.scalars(query))

    def count_findings(self, where: FindingFilter | None = None) -> int:
        query = _filtered(select(func.count(Finding.id)), where or FindingFilter())
        with self.sessions() as session:
            return int(session.scalar(query) or 0)

    def finding(self, finding_id: int) -> Finding:
        with self.sessions() as session:
            found = session.get(Finding, finding_id, options=[selectinload(Finding.decisions)])
            if found is None:
                raise NotFoundError(f"no finding with id {finding_id}; `threatline findings list` shows them.")
            return found


def _filtered(query: Select[Any], where: FindingFilter) -> Select[Any]:
    if where.status:
        query = query.where(Finding.status == where.status)
    if where.category:
        query = query.where(Finding.category == where.category)
    if where.since:
        query = query.where(Finding.detected_at >= where.since)
    if where.until:
        query = query.where(Finding.detected_at < where.until)
    if where.escalation_requested is not None:
        requested = Finding.escalation_requested_at.is_not(None)
        query = query.where(requested if where.escalation_requested else ~requested)
    if where.target:
        # Targets are a short JSON list; a LIKE on the quoted id works on SQLite and PostgreSQL alike.
        # Ids may hold '_', a LIKE wildcard: escaped, so "a_b" does not also find "axb".
        target = where.target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(cast(Finding.targets, Text).like(f'%"{target}"%', escape="\\"))
    return query


def _row(found: Any, run_id: int | None) -> Finding:
    post, detection = found.post, found.detection
    return Finding(
        run_id=run_id,
        source=post.source,
        post_id=post.id,
        text=post.text,
        author=post.author,
        url=post.url,
        lang=post.lang,
        posted_at=post.created_at,
        category=detection.category,
        score=round(detection.score, 4),
        priority=found.priority.level,
        priority_reasons=list(found.priority.reasons),
        targets=list(detection.targets),
        evidence=[asdict(e) for e in detection.evidence],
        detector_version=found.detector_version,
        detected_at=found.detected_at,
        updated_at=found.detected_at,
        status="new",
        version=0,
    )


def _now() -> datetime:
    return datetime.now(UTC)


def finding_to_dict(found: Finding) -> dict[str, Any]:
    """The public JSON shape of a finding, shared by the CLI and the API."""
    return {
        "id": found.id,
        "source": found.source,
        "post_id": found.post_id,
        "text": found.text,
        "author": found.author,
        "url": found.url,
        "posted_at": _iso(found.posted_at),
        "category": found.category,
        "score": found.score,
        "priority": found.priority,
        "priority_reasons": found.priority_reasons,
        "targets": found.targets,
        "evidence": found.evidence,
        "detector_version": found.detector_version,
        "detected_at": _iso(found.detected_at),
        "updated_at": _iso(found.updated_at),
        "status": found.status,
        "escalation_request": (
            {"requested_by": found.escalation_requested_by, "requested_at": _iso(found.escalation_requested_at)}
            if found.escalation_requested_at else None
        ),
        "decisions": [
            {"decision": d.decision, "note": d.note, "actor": d.actor, "channel": d.channel,
             "from_status": d.from_status, "to_status": d.to_status, "decided_at": _iso(d.decided_at)}
            for d in found.decisions
        ],
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
