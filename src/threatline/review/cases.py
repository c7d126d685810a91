"""Cases: findings grouped so an analyst sees a pattern, not a string of unrelated posts.

Two groupings, and only these two:

- by protected target (a watchlist id): everything aimed at one person or place, as a timeline;
- by posting account (source + author), only when that account has more than one finding that was
  not dismissed. One post never puts an account on a list, a dismissed post never counts against
  it, and accounts are never linked to each other or to anything outside Threatline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..errors import NotFoundError
from ..store import FindingFilter, Store
from ..store.schema import Finding
from ..timeutil import as_utc
from .workflow import OPEN


@dataclass(frozen=True)
class CaseSummary:
    key: str
    findings: int
    open: int
    top_priority: int
    first_at: datetime
    last_at: datetime
    source: str | None = None
    author: str | None = None


def when(found: Finding) -> datetime:
    """A finding's place on a timeline: when it was posted, or else when it was detected."""
    return as_utc(found.posted_at or found.detected_at)


def target_cases(store: Store) -> list[CaseSummary]:
    groups: dict[str, list[tuple[int, str, datetime]]] = {}
    with store.sessions() as session:
        rows = session.execute(
            select(Finding.targets, Finding.priority, Finding.status, Finding.posted_at, Finding.detected_at)
        )
        for targets, priority, status, posted_at, detected_at in rows:
            for target in targets or []:
                groups.setdefault(str(target), []).append((priority, status, as_utc(posted_at or detected_at)))
    cases = [
        CaseSummary(
            key=target,
            findings=len(items),
            open=sum(1 for _, status, _ in items if status in OPEN),
            top_priority=min(p for p, _, _ in items),
            first_at=min(t for _, _, t in items),
            last_at=max(t for _, _, t in items),
        )
        for target, items in groups.items()
    ]
    return sorted(cases, key=lambda c: (c.top_priority, -c.last_at.timestamp(), c.key))


def account_cases(store: Store) -> list[CaseSummary]:
    """Accounts with more than one finding that was not dismissed; nobody else."""
    groups: dict[tuple[str, str], list[tuple[int, datetime]]] = {}
    with store.sessions() as session:
        rows = session.execute(
            select(Finding.source, Finding.author, Finding.priority, Finding.posted_at, Finding.detected_at)
            .where(Finding.author.is_not(None), Finding.status != "dismissed")
        )
        for source, author, priority, posted_at, detected_at in rows:
            if author is not None:
                groups.setdefault((source, author), []).append((priority, as_utc(posted_at or detected_at)))
    cases = [
        CaseSummary(key=f"{source}/{author}", findings=len(items), open=len(items),
                    top_priority=min(p for p, _ in items), first_at=min(t for _, t in items),
                    last_at=max(t for _, t in items), source=source, author=author)
        for (source, author), items in groups.items()
        if len(items) > 1
    ]
    return sorted(cases, key=lambda c: (c.top_priority, -c.last_at.timestamp(), c.key))


def target_timeline(store: Store, target: str) -> list[Finding]:
    found = [f for f in store.findings(FindingFilter(target=target)) if target in (f.targets or [])]
    if not found:
        raise NotFoundError(f"no findings about target {target!r}.")
    return sorted(found, key=lambda f: (when(f), f.id))


def account_timeline(store: Store, source: str, author: str) -> list[Finding]:
    with store.sessions() as session:
        ids = list(session.scalars(
            select(Finding.id).where(Finding.source == source, Finding.author == author,
                                     Finding.status != "dismissed")
        ))
    if len(ids) < 2:
        # Deliberately the same answer whether the account has one finding or none.
        raise NotFoundError(f"no case for account {author!r} on {source!r}: accounts are grouped only "
                            "when they have more than one finding that was not dismissed.")
    found = [store.finding(i) for i in ids]
    return sorted(found, key=lambda f: (when(f), f.id))
