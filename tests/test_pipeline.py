"""The wiring of the stages: normalize → match → detect → prioritize → sink, over batches.

A deterministic rule detector stands in for the model here: these tests are about what reaches
the detector and what leaves the pipeline, not about how well the model classifies.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from tests.fixtures import RuleDetector, make_post
from threatline.pipeline import NullSink, RunStats, Verdict, run
from threatline.posts import Post, ReadStats
from threatline.watchlist import Watchlist


class RecordingSink:
    def __init__(self) -> None:
        self.writes: list[list[Verdict]] = []

    @property
    def verdicts(self) -> list[Verdict]:
        return [v for write in self.writes for v in write]

    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
        self.writes.append(list(verdicts))


POSTS = [
    make_post("Lovely weather at the lake today.", id="dropped"),
    make_post("I will kill Reyes.", id="threat"),
    make_post("Sheriff Reyes opened the new library.", id="benign"),
    make_post("Everyone to Northgate, burn it down!", id="incitement"),
    make_post("Maddox lives at 4 Elm Street.", id="exposure"),
]


def test_every_post_gets_one_verdict_in_order(watchlist: Watchlist) -> None:
    sink = RecordingSink()

    run(POSTS, watchlist, RuleDetector(), sink)

    assert [(v.post_id, v.relevant, v.category, v.flagged) for v in sink.verdicts] == [
        ("dropped", False, "none", False),
        ("threat", True, "threat", True),
        ("benign", True, "none", False),
        ("incitement", True, "incitement", True),
        ("exposure", True, "exposure", True),
    ]


def test_the_run_counts_dropped_relevant_and_flagged_by_category(watchlist: Watchlist) -> None:
    stats = run(POSTS, watchlist, RuleDetector(), NullSink())

    assert (stats.dropped, stats.relevant, stats.not_flagged, stats.processed) == (1, 4, 1, 5)
    assert stats.flagged == Counter({"threat": 1, "incitement": 1, "exposure": 1})
    assert stats.flagged_total == 3


def test_only_posts_that_mention_the_watchlist_reach_the_detector(watchlist: Watchlist) -> None:
    detector = RuleDetector()

    run(POSTS, watchlist, detector, NullSink())

    assert [c.post.id for c in detector.seen] == ["threat", "benign", "incitement", "exposure"]
    targets = [[m.entry_id for m in c.mentions] for c in detector.seen]
    assert targets == [["reyes"], ["reyes"], ["northgate"], ["maddox"]]


def test_the_detector_and_the_finding_see_the_normalized_text(watchlist: Watchlist) -> None:
    detector, sink = RuleDetector(), RecordingSink()

    run([make_post("I will ｋｉｌｌ Ｍａｄｄｏｘ\u200b.\r\n", id="wide")], watchlist, detector, sink)

    assert detector.seen[0].post.text == "I will kill Maddox."
    finding = sink.verdicts[0].finding
    assert finding is not None and finding.post.text == "I will kill Maddox."


def test_a_flagged_verdict_carries_the_finding_with_its_priority_and_version(watchlist: Watchlist) -> None:
    sink = RecordingSink()
    before = datetime.now(UTC)

    run([make_post("I will kill Reyes.", id="t1", author="@someone", url="https://example.org/t1")],
        watchlist, RuleDetector(), sink)

    verdict = sink.verdicts[0]
    finding = verdict.finding
    assert finding is not None
    assert (finding.post.id, finding.post.author, finding.post.url) == ("t1", "@someone", "https://example.org/t1")
    assert finding.detection.category == "threat" and finding.detection.targets == ("reyes",)
    assert [(e.text, e.kind) for e in finding.detection.evidence] == [("kill", "violence")]
    assert finding.detector_version == RuleDetector.version
    assert finding.priority.level == 3
    assert "names a protected person" in finding.priority.reasons
    assert finding.detected_at >= before and finding.detected_at.tzinfo is not None
    assert (verdict.score, verdict.targets) == (0.9, ("reyes",))


def test_an_unflagged_verdict_holds_no_text_author_or_link(watchlist: Watchlist) -> None:
    """The privacy boundary by construction: only a Finding holds what a post said and who said it."""
    sink = RecordingSink()
    posts = [
        make_post("Sheriff Reyes cut the ribbon.", id="benign", author="@quiet_person", url="https://example.org/b"),
        make_post("The lake was calm.", id="dropped", author="@other_person", url="https://example.org/d"),
    ]

    run(posts, watchlist, RuleDetector(), sink)

    for verdict, post in zip(sink.verdicts, posts, strict=True):
        assert verdict.finding is None
        values = [str(v) for v in dataclasses.astuple(verdict)]
        for secret in (post.text, post.author, post.url):
            assert all(secret not in value for value in values)


def test_posts_are_processed_in_batches(watchlist: Watchlist) -> None:
    detector, sink = RuleDetector(), RecordingSink()
    progress: list[int] = []
    posts = [make_post(f"Reyes number {i}") for i in range(5)] + [make_post("no one"), make_post("nobody")]

    run(posts, watchlist, detector, sink, batch_size=2, on_progress=progress.append)

    assert [len(write) for write in sink.writes] == [2, 2, 2, 1]
    assert [len(batch) for batch in detector.batches] == [2, 2, 1], "a batch with no candidate skips the detector"
    assert progress == [2, 2, 2, 1]


def test_posts_are_streamed_not_loaded_all_at_once(watchlist: Watchlist) -> None:
    pulled: list[int] = []

    def posts() -> Iterator[Post]:
        for i in range(10):
            pulled.append(i)
            yield make_post(f"Reyes {i}")

    seen_when_writing: list[int] = []

    class Sink:
        def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
            seen_when_writing.append(len(pulled))

    run(posts(), watchlist, RuleDetector(), Sink(), batch_size=4)

    assert seen_when_writing == [4, 8, 10]


def test_the_sink_sees_the_counts_so_far(watchlist: Watchlist) -> None:
    dropped_when_writing: list[int] = []

    class Sink:
        def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
            dropped_when_writing.append(stats.dropped)

    run([make_post("a"), make_post("b"), make_post("c")], watchlist, RuleDetector(), Sink(), batch_size=2)

    assert dropped_when_writing == [2, 3]


def test_reader_counts_are_folded_into_the_run() -> None:
    stats = RunStats(dropped=3)
    reading = ReadStats(read=7)
    reading.skipped.update({"invalid JSON": 2})

    stats.add_reading(reading)

    assert (stats.read, dict(stats.skipped), stats.dropped) == (7, {"invalid JSON": 2}, 3)


def test_no_posts_is_an_empty_run(watchlist: Watchlist) -> None:
    detector = RuleDetector()

    stats = run([], watchlist, detector, NullSink())

    assert (stats.processed, stats.flagged_total, detector.batches) == (0, 0, [])
