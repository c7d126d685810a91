"""The store, on SQLite and on a real PostgreSQL server: every test here runs on both.

Findings keep text, source fields, category, score, targets, evidence, detector version,
timestamps and review status; runs keep their counters; a post scanned twice is stored once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from tests.actors import ANALYST
from tests.fixtures import RuleDetector, make_post
from threatline.config import Settings
from threatline.detect.base import Detection
from threatline.errors import StoreError
from threatline.pipeline import RunStats, Verdict, run
from threatline.posts import FIELD_LIMITS, Post
from threatline.review.decisions import decide
from threatline.store import DatabaseSink, FindingFilter, Store, finding_to_dict
from threatline.store.database import MIGRATIONS
from threatline.store.schema import Finding
from threatline.watchlist import Watchlist, parse_watchlist


class ListSink:
    def __init__(self) -> None:
        self.verdicts: list[Verdict] = []

    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
        self.verdicts.extend(verdicts)


def verdicts(watchlist: Watchlist, posts: list[Post], detector: RuleDetector | None = None) -> list[Verdict]:
    sink = ListSink()
    run(posts, watchlist, detector or RuleDetector(), sink)
    return sink.verdicts


def post_ids(rows: Sequence[object]) -> list[str]:
    return [row.post_id for row in rows]  # type: ignore[attr-defined]


# -- schema ---------------------------------------------------------------------------------------


def test_opening_migrates_the_schema_to_the_latest_revision(database_url: str) -> None:
    store = Store.open(database_url)
    Store.open(database_url)  # opening an up-to-date database again changes nothing

    engine = store.sessions.kw["bind"]
    assert {"runs", "findings", "decisions"} <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert revision == ScriptDirectory(str(MIGRATIONS)).get_current_head()
    engine.dispose()


def test_there_is_no_table_for_posts(any_store: Store) -> None:
    """Only findings keep text: no table is named for posts, and runs hold numbers only."""
    inspector = inspect(any_store.sessions.kw["bind"])

    assert not [t for t in inspector.get_table_names() if "post" in t]
    text_columns = {c["name"] for c in inspector.get_columns("runs") if c["type"].python_type is str}
    assert text_columns <= {"detector_version", "watchlist"}


# -- findings -------------------------------------------------------------------------------------


def test_only_flagged_posts_are_stored_with_every_field(any_store: Store, watchlist: Watchlist) -> None:
    posted = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
    run_id = any_store.start_run(RuleDetector.version, "watchlist.toml")
    duplicates = any_store.save(verdicts(watchlist, [
        make_post("I will kill Reyes on Friday.", id="t1", source="bluesky", author="@angry",
                  url="https://example.org/t1", created_at=posted, lang="en"),
        make_post("Sheriff Reyes opened the library.", id="b1", source="bluesky"),
        make_post("The lake was calm.", id="d1", source="bluesky"),
    ]), run_id)

    assert duplicates == 0
    [found] = any_store.findings()
    assert (found.source, found.post_id, found.text) == ("bluesky", "t1", "I will kill Reyes on Friday.")
    assert (found.author, found.url, found.lang) == ("@angry", "https://example.org/t1", "en")
    assert found.posted_at is not None and found.posted_at.replace(tzinfo=UTC) == posted
    assert (found.category, found.score, found.targets) == ("threat", 0.9, ["reyes"])
    assert found.evidence == [{"start": 7, "end": 11, "text": "kill", "kind": "violence", "reason": "says 'kill'"}]
    assert (found.priority, found.status, found.detector_version) == (3, "new", RuleDetector.version)
    assert "names a protected person" in found.priority_reasons
    assert found.run_id == run_id
    assert found.detected_at is not None and found.updated_at == found.detected_at
    assert found.decisions == []


def test_text_survives_the_round_trip_exactly(any_store: Store, watchlist: Watchlist) -> None:
    texts = [
        "Reyes 🔪 kill — “quoted” ünïcödé 中文 עברית",
        "kill Reyes\nsecond line\ttab 'single' \"double\" \\backslash %percent _underscore",
        "kill Reyes " + "é" * 49_990,
    ]
    any_store.save(verdicts(watchlist, [make_post(t) for t in texts]), None)

    assert sorted(f.text for f in any_store.findings()) == sorted(texts)


def test_the_readers_field_limits_are_the_columns_lengths() -> None:
    columns = Finding.__table__.c
    lengths = {"id": columns.post_id.type.length, "source": columns.source.type.length,
               "author": columns.author.type.length, "lang": columns.lang.type.length}
    assert lengths == FIELD_LIMITS


def test_fields_at_their_length_limits_are_stored(any_store: Store, watchlist: Watchlist) -> None:
    post = make_post("kill Reyes", **{key: key[0] * limit for key, limit in FIELD_LIMITS.items()})

    any_store.save(verdicts(watchlist, [post]), None)

    [found] = any_store.findings()
    assert (found.post_id, found.source, found.author, found.lang) == (post.id, post.source, post.author, post.lang)


def test_scanning_the_same_post_twice_stores_it_once(any_store: Store, watchlist: Watchlist) -> None:
    first = verdicts(watchlist, [make_post("kill Reyes", id="x1"), make_post("kill Maddox", id="x2")])
    any_store.save(first, None)

    class LaterModel(RuleDetector):
        version = "rules-test@2"

    again = verdicts(watchlist, [make_post("kill Reyes, edited", id="x1")], LaterModel())
    duplicates = any_store.save(again, None)

    assert duplicates == 1
    assert any_store.count_findings() == 2
    kept = next(f for f in any_store.findings() if f.post_id == "x1")
    assert (kept.text, kept.detector_version) == ("kill Reyes", RuleDetector.version), "the first finding stands"


def test_a_post_repeated_within_one_batch_is_stored_once(any_store: Store, watchlist: Watchlist) -> None:
    duplicates = any_store.save(verdicts(watchlist, [make_post("kill Reyes", id="same")] * 3), None)

    assert (duplicates, any_store.count_findings()) == (2, 1)


def test_the_same_post_id_from_two_sources_is_two_findings(any_store: Store, watchlist: Watchlist) -> None:
    any_store.save(verdicts(watchlist, [make_post("kill Reyes", id="42", source="bluesky"),
                                        make_post("kill Reyes", id="42", source="mastodon")]), None)

    assert sorted(f.source for f in any_store.findings()) == ["bluesky", "mastodon"]


def test_findings_are_listed_highest_priority_first_then_newest(any_store: Store, watchlist: Watchlist) -> None:
    class Levels(RuleDetector):
        def _one(self, candidate):  # type: ignore[no-untyped-def]
            detection = super()._one(candidate)
            return Detection(detection.category, 0.5 if "unsure" in candidate.post.text else 0.9,
                             detection.targets, detection.evidence)

    any_store.save(verdicts(watchlist, [make_post("unsure kill Reyes", id="p4")], Levels()), None)
    any_store.save(verdicts(watchlist, [make_post("kill Reyes", id="old")], Levels()), None)
    any_store.save(verdicts(watchlist, [make_post("kill Maddox", id="new")], Levels()), None)

    assert post_ids(any_store.findings()) == ["new", "old", "p4"]
    assert [f.priority for f in any_store.findings()] == [3, 3, 4]


def test_findings_can_be_filtered_paged_and_counted(any_store: Store, watchlist: Watchlist) -> None:
    any_store.save(verdicts(watchlist, [
        make_post("kill Reyes", id="t-reyes"),
        make_post("kill Maddox", id="t-maddox"),
        make_post("Northgate: burn it down", id="i-northgate"),
        make_post("Maddox lives at 4 Elm Street", id="e-maddox"),
    ]), None)
    decide(any_store, any_store.findings(FindingFilter(target="reyes"))[0].id, "dismiss", ANALYST)

    def ids(where: FindingFilter) -> set[str]:
        return set(post_ids(any_store.findings(where)))

    assert ids(FindingFilter(category="threat")) == {"t-reyes", "t-maddox"}
    assert ids(FindingFilter(target="maddox")) == {"t-maddox", "e-maddox"}
    assert ids(FindingFilter(status="dismissed")) == {"t-reyes"}
    assert ids(FindingFilter(status="new", category="threat")) == {"t-maddox"}
    assert any_store.count_findings(FindingFilter(status="new")) == 3
    assert any_store.count_findings() == 4
    page = post_ids(any_store.findings(limit=3)) + post_ids(any_store.findings(limit=3, offset=3))
    assert sorted(page) == sorted(post_ids(any_store.findings()))


def test_the_target_filter_matches_the_whole_id_only(any_store: Store) -> None:
    watchlist = parse_watchlist({"person": [{"id": "a_b", "name": "Anna Bell"}, {"id": "axb", "name": "Axel Berg"},
                                            {"id": "a", "name": "Ada Lind"}]})
    any_store.save(verdicts(watchlist, [make_post("kill Anna Bell", id="1"), make_post("kill Axel Berg", id="2"),
                                        make_post("kill Ada Lind", id="3")]), None)

    assert post_ids(any_store.findings(FindingFilter(target="a_b"))) == ["1"]
    assert post_ids(any_store.findings(FindingFilter(target="a"))) == ["3"]


def test_findings_can_be_filtered_by_detection_time(any_store: Store, watchlist: Watchlist) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    any_store.save(verdicts(watchlist, [make_post("kill Reyes", id="now")]), None)
    after = datetime.now(UTC) + timedelta(seconds=1)

    assert post_ids(any_store.findings(FindingFilter(since=before))) == ["now"]
    assert post_ids(any_store.findings(FindingFilter(until=before))) == []
    assert post_ids(any_store.findings(FindingFilter(since=after))) == []
    assert post_ids(any_store.findings(FindingFilter(until=after))) == ["now"]


# -- the public JSON shape ------------------------------------------------------------------------


def test_a_finding_as_json_has_every_field_and_utc_timestamps(any_store: Store, watchlist: Watchlist) -> None:
    any_store.save(verdicts(watchlist, [make_post("kill Reyes", id="j1", created_at=datetime(2026, 3, 1, tzinfo=UTC))]),
                   None)
    finding_id = any_store.findings()[0].id
    decide(any_store, finding_id, "monitor", ANALYST, "noted")

    data = finding_to_dict(any_store.finding(finding_id))

    assert set(data) >= {"id", "source", "post_id", "text", "author", "url", "posted_at", "category", "score",
                         "priority", "priority_reasons", "targets", "evidence", "detector_version", "detected_at",
                         "updated_at", "status", "escalation_request", "decisions"}
    assert (data["post_id"], data["status"], data["targets"]) == ("j1", "reviewing", ["reyes"])
    assert data["decisions"][0] | {"decided_at": None} == {
        "decision": "monitor", "note": "noted", "actor": "ana", "channel": "cli", "from_status": "new",
        "to_status": "reviewing", "decided_at": None}
    for stamp in (data["detected_at"], data["updated_at"], data["posted_at"], data["decisions"][0]["decided_at"]):
        assert datetime.fromisoformat(stamp).utcoffset() == timedelta(0), f"{stamp} is not marked as UTC"
    assert data["posted_at"] == "2026-03-01T00:00:00+00:00"


# -- runs and the sink ----------------------------------------------------------------------------


def test_a_run_keeps_its_counters(any_store: Store) -> None:
    run_id = any_store.start_run("model@1", "/path/to/watchlist.toml")
    stats = RunStats(read=10, skipped=Counter({"invalid JSON": 2}), dropped=5, relevant=3,
                     flagged=Counter({"threat": 1}), duplicates=1)

    any_store.finish_run(run_id, stats)

    [saved] = any_store.runs()
    assert (saved.id, saved.detector_version, saved.watchlist) == (run_id, "model@1", "/path/to/watchlist.toml")
    assert (saved.read, saved.skipped, saved.dropped, saved.relevant) == (10, {"invalid JSON": 2}, 5, 3)
    assert (saved.flagged, saved.duplicates) == ({"threat": 1}, 1)
    assert saved.finished_at is not None and saved.finished_at >= saved.started_at


def test_the_database_sink_stores_findings_and_run_counters(any_store: Store, watchlist: Watchlist) -> None:
    posts = [make_post("kill Reyes", id="s1"), make_post("Reyes smiled", id="s2"), make_post("calm", id="s3")]

    for _ in range(2):
        sink = DatabaseSink(any_store, RuleDetector.version, "watchlist.toml")
        stats = run(posts, watchlist, RuleDetector(), sink)
        sink.finish(stats)

    first, second = any_store.runs()
    assert (first.dropped, first.relevant, first.flagged, first.duplicates) == (1, 2, {"threat": 1}, 0)
    assert (second.flagged, second.duplicates) == ({"threat": 1}, 1)
    assert [(f.post_id, f.run_id) for f in any_store.findings()] == [("s1", first.id)]


# -- where the database is ------------------------------------------------------------------------


def test_the_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THREATLINE_DATABASE_URL", raising=False)
    monkeypatch.setenv("THREATLINE_DATA_DIR", str(tmp_path / "data"))

    assert Settings.from_env().resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'threatline.db'}"


def test_threatline_database_url_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", "postgresql+psycopg://db.example/threatline")

    assert Settings.from_env().resolved_database_url == "postgresql+psycopg://db.example/threatline"


# -- opening errors -------------------------------------------------------------------------------


def test_an_unparsable_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="THREATLINE_DATABASE_URL 'not a url' is not usable"):
        Store.open("not a url")


def test_an_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")


def test_a_sqlite_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")

    with pytest.raises(StoreError):
        Store.open(f"sqlite:///{tmp_path / 'a-file' / 'threatline.db'}")


def test_the_sqlite_folder_is_created(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'new' / 'deeper' / 'threatline.db'}")

    assert (tmp_path / "new" / "deeper" / "threatline.db").exists()
    store.sessions.kw["bind"].dispose()
