"""The database sink: where a scan's verdicts land."""

from __future__ import annotations

from collections.abc import Sequence

from ..pipeline import RunStats, Verdict
from .repository import Store


class DatabaseSink:
    """Keeps flagged findings and nothing else; the run's counters are written at `finish`."""

    def __init__(self, store: Store, detector_version: str, watchlist: str) -> None:
        self.store = store
        self.run_id = store.start_run(detector_version, watchlist)

    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
        stats.duplicates += self.store.save(verdicts, self.run_id)

    def finish(self, stats: RunStats) -> None:
        self.store.finish_run(self.run_id, stats)
