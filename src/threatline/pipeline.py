"""The one place the stages are wired: normalize → match → detect → prioritize → sink.

`run` works on batches so the detector can spread its model calls over the cores, and the same function serves
the CLI's scan, eval and demo and any future queue worker; only the sink differs.

The privacy boundary is enforced here by construction: a sink receives a `Verdict` for every
post, but only a flagged post's verdict carries a `Finding`, the one object that holds text,
author and link. An unflagged post leaves this module as an id and a few numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Protocol

from .detect.base import Detection, Detector
from .match import Candidate, Matcher, match
from .normalize import normalize_post
from .posts import Post, ReadStats
from .prioritize import Priority, prioritize
from .watchlist import Watchlist

BATCH_SIZE = 512


@dataclass(frozen=True)
class Finding:
    post: Post
    detection: Detection
    priority: Priority
    detector_version: str
    detected_at: datetime


@dataclass(frozen=True)
class Verdict:
    """The outcome for one post. `finding` is set only when the post was flagged."""

    post_id: str
    source: str
    relevant: bool
    category: str
    score: float
    targets: tuple[str, ...]
    finding: Finding | None = None

    @property
    def flagged(self) -> bool:
        return self.finding is not None


@dataclass
class RunStats:
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    dropped: int = 0
    relevant: int = 0
    flagged: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0

    @property
    def processed(self) -> int:
        return self.dropped + self.relevant

    @property
    def flagged_total(self) -> int:
        return sum(self.flagged.values())

    @property
    def not_flagged(self) -> int:
        return self.relevant - self.flagged_total

    def add_reading(self, reading: ReadStats) -> None:
        self.read = reading.read
        self.skipped = Counter(reading.skipped)


class Sink(Protocol):
    """Where verdicts go: the database, a predictions file, or nowhere."""

    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None: ...


class NullSink:
    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
        return None


Progress = Callable[[int], None]


def run(
    posts: Iterable[Post],
    watchlist: Watchlist,
    detector: Detector,
    sink: Sink,
    *,
    matcher: Matcher | None = None,
    on_progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunStats:
    """Run every post through the stages; the caller folds reader counts in with `add_reading`."""
    matcher = matcher or Matcher(watchlist)
    people = frozenset(e.id for e in watchlist.entries if e.kind == "person")
    stats = RunStats()
    for batch in _batches(posts, batch_size):
        normalized = [normalize_post(p) for p in batch]
        candidates = match(normalized, matcher)
        relevant = [c for c in candidates if c is not None]
        detections = iter(detector.detect(relevant)) if relevant else iter(())
        now = datetime.now(UTC)
        verdicts = [
            _verdict(post, candidate, detections, detector.version, people, now, stats)
            for post, candidate in zip(normalized, candidates, strict=True)
        ]
        sink.write(verdicts, stats)
        if on_progress is not None:
            on_progress(len(batch))
    return stats


def _verdict(
    post: Post,
    candidate: Candidate | None,
    detections: Iterator[Detection],
    version: str,
    people: frozenset[str],
    now: datetime,
    stats: RunStats,
) -> Verdict:
    if candidate is None:
        stats.dropped += 1
        return Verdict(post.id, post.source, False, "none", 0.0, ())
    stats.relevant += 1
    detection = next(detections)
    finding = None
    if detection.flagged:
        stats.flagged[detection.category] += 1
        finding = Finding(post, detection, prioritize(detection, people), version, now)
    return Verdict(
        post.id, post.source, True, detection.category, detection.score, detection.targets, finding
    )


def _batches(posts: Iterable[Post], size: int) -> Iterator[list[Post]]:
    iterator = iter(posts)
    while batch := list(islice(iterator, size)):
        yield batch
