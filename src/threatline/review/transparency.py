"""The transparency report: what Threatline read, dropped, flagged and decided, and what it holds.

Numbers only, per period (day, ISO week or month, UTC) and category; no post text, author, link or
target. It comes from the runs' counters, the decisions (with those already deleted by retention,
kept as counts in `archived_counts`) and a count of the findings held now, so it can be published.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..errors import InputError
from ..store import Store
from ..store.safeguards import ArchivedCount
from ..store.schema import Decision, Finding, Run
from ..timeutil import as_utc, now
from .retention import Policy
from .workflow import DECISIONS, STATUSES

PERIODS = ("day", "week", "month")
CATEGORIES = ("threat", "incitement", "exposure")


def period_of(moment: datetime, period: str) -> str:
    moment = as_utc(moment)
    if period == "day":
        return moment.date().isoformat()
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{moment.year}-{moment.month:02d}"
    raise InputError(f"unknown period {period!r}; use one of: {', '.join(PERIODS)}.")


@dataclass
class PeriodCounts:
    period: str
    runs: int = 0
    read: int = 0
    skipped: int = 0
    dropped: int = 0
    relevant: int = 0
    flagged: Counter[str] = field(default_factory=Counter)
    decisions: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    deleted: Counter[str] = field(default_factory=Counter)

    @property
    def flagged_total(self) -> int:
        return sum(self.flagged.values())

    @property
    def not_flagged(self) -> int:
        return self.relevant - self.flagged_total

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "runs": self.runs,
            "read": self.read,
            "skipped": self.skipped,
            "dropped_not_relevant": self.dropped,
            "relevant_not_flagged": self.not_flagged,
            "flagged": {c: self.flagged.get(c, 0) for c in _categories(self.flagged)},
            "flagged_total": self.flagged_total,
            "decisions": {
                c: {d: self.decisions[c].get(d, 0) for d in DECISIONS} for c in _categories(self.decisions)
            },
            "deleted_by_retention": {c: self.deleted.get(c, 0) for c in _categories(self.deleted)},
        }


@dataclass
class Report:
    period: str
    generated_at: datetime
    periods: list[PeriodCounts]
    held: dict[str, Counter[str]]
    policy: Policy

    @property
    def held_total(self) -> int:
        return sum(sum(c.values()) for c in self.held.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "generated_at": self.generated_at.isoformat(),
            "periods": [p.to_dict() for p in self.periods],
            "held_now": {
                "total": self.held_total,
                "by_status": {s: {c: self.held[s].get(c, 0) for c in _categories(self.held[s])} for s in STATUSES},
            },
            "retention": {"dismissed_days": self.policy.dismissed_days, "retain_days": self.policy.retain_days},
        }


def _categories(counts: Any) -> list[str]:
    return list(CATEGORIES) + sorted(set(counts) - set(CATEGORIES))


def build(store: Store, period: str = "month", policy: Policy | None = None) -> Report:
    period_of(now(), period)  # rejects an unknown period before any query
    rows: dict[str, PeriodCounts] = {}

    def at(moment: datetime) -> PeriodCounts:
        key = period_of(moment, period)
        return rows.setdefault(key, PeriodCounts(key))

    with store.sessions() as session:
        for run in session.scalars(select(Run)):
            counts = at(run.started_at)
            counts.runs += 1
            counts.read += run.read
            counts.skipped += sum(int(n) for n in (run.skipped or {}).values())
            counts.dropped += run.dropped
            counts.relevant += run.relevant
            counts.flagged.update({c: int(n) for c, n in (run.flagged or {}).items()})
        for decided_at, category, decision, number in session.execute(
            select(Decision.decided_at, Decision.category, Decision.decision, func.count())
            .group_by(Decision.decided_at, Decision.category, Decision.decision)
        ):
            at(decided_at).decisions[category][decision] += number
        for archived in session.scalars(select(ArchivedCount)):
            counts = at(datetime.fromisoformat(archived.day))
            kind, _, value = archived.name.partition(":")
            if kind == "decision":
                counts.decisions[archived.category][value] += archived.count
            else:
                counts.deleted[archived.category] += archived.count
        held: dict[str, Counter[str]] = {status: Counter() for status in STATUSES}
        for status, category, number in session.execute(
            select(Finding.status, Finding.category, func.count()).group_by(Finding.status, Finding.category)
        ):
            held.setdefault(status, Counter())[category] += number
    ordered = [rows[key] for key in sorted(rows, reverse=True)]
    return Report(period, now(), ordered, held, policy or Policy())


def to_markdown(report: Report) -> str:
    """The report as Markdown, for `threatline report transparency --format markdown`."""
    lines = [
        "# Threatline transparency report",
        "",
        f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC, per {report.period}. Numbers only: "
        "no post text, author, link or protected person appears in this report.",
        "",
        "## Posts",
        "",
        "| period | runs | read | skipped | dropped (no watchlist mention) | relevant, not flagged | "
        + " | ".join(f"flagged {c}" for c in CATEGORIES) + " |",
        "|---" * (6 + len(CATEGORIES)) + "|",
    ]
    for p in report.periods:
        lines.append(f"| {p.period} | {p.runs} | {p.read} | {p.skipped} | {p.dropped} | {p.not_flagged} | "
                     + " | ".join(str(p.flagged.get(c, 0)) for c in CATEGORIES) + " |")
    lines += ["", "## Decisions and deletions", "",
              "| period | category | " + " | ".join(DECISIONS) + " | deleted by retention |",
              "|---" * (3 + len(DECISIONS)) + "|"]
    for p in report.periods:
        for category in CATEGORIES:
            decided = p.decisions.get(category, Counter())
            if sum(decided.values()) or p.deleted.get(category):
                lines.append(f"| {p.period} | {category} | " + " | ".join(str(decided.get(d, 0)) for d in DECISIONS)
                             + f" | {p.deleted.get(category, 0)} |")
    lines += ["", "## Held now", "", "| status | " + " | ".join(CATEGORIES) + " | total |",
              "|---" * (2 + len(CATEGORIES)) + "|"]
    for status in STATUSES:
        counts = report.held.get(status, Counter())
        lines.append(f"| {status} | " + " | ".join(str(counts.get(c, 0)) for c in CATEGORIES)
                     + f" | {sum(counts.values())} |")
    lines += ["", f"{report.held_total} findings held in all. Retention: dismissed findings are deleted "
              f"{report.policy.dismissed_days} days after dismissal, others {report.policy.retain_days} days "
              "after detection, escalated findings are kept.", ""]
    return "\n".join(lines)
