"""Database tables. Changes to them go through an Alembic migration in `migrations/versions`.

There is deliberately no table for posts: only findings keep text. A run keeps counters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is timezone-aware UTC in Python on every database.

    SQLite stores no offset and hands back naive values; PostgreSQL answers in the session's zone.
    Naive values going in are taken as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _utc(value)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime()}


class Run(Base):
    """One scan: what went in and what came out, as numbers only."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    detector_version: Mapped[str] = mapped_column(String(100))
    watchlist: Mapped[str] = mapped_column(String(500))
    read: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[dict[str, Any]] = mapped_column(default=dict)
    dropped: Mapped[int] = mapped_column(default=0)
    relevant: Mapped[int] = mapped_column(default=0)
    flagged: Mapped[dict[str, Any]] = mapped_column(default=dict)
    duplicates: Mapped[int] = mapped_column(default=0)


class Finding(Base):
    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("source", "post_id", name="uq_findings_source_post"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(200))
    post_id: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(20))
    posted_at: Mapped[datetime | None]
    category: Mapped[str] = mapped_column(String(20), index=True)
    score: Mapped[float] = mapped_column(Float)
    priority: Mapped[int] = mapped_column(Integer, index=True)
    priority_reasons: Mapped[list[Any]] = mapped_column(default=list)
    targets: Mapped[list[Any]] = mapped_column(default=list)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    detector_version: Mapped[str] = mapped_column(String(100))
    detected_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    # Bumped by every decision: the compare-and-set that keeps two deciders from both winning.
    version: Mapped[int] = mapped_column(Integer, default=0)
    escalation_requested_by: Mapped[str | None] = mapped_column(String(200))
    escalation_requested_at: Mapped[datetime | None] = mapped_column(index=True)

    decisions: Mapped[list[Decision]] = relationship(
        back_populates="finding", cascade="all, delete-orphan", order_by="(Decision.decided_at, Decision.id)"
    )


class Decision(Base):
    """A review decision and the move it made (`from_status` to `to_status`; the same status for a
    request for escalation). A finding's status is its latest decision's `to_status`; `channel` is
    cli, web or api (`unknown` for decisions recorded before channels were)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime]
    category: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))

    finding: Mapped[Finding] = relationship(back_populates="decisions")
