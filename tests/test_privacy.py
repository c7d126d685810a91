"""The privacy boundary, proven on the bytes: nothing of an unflagged post reaches the database files.

Every post carries a unique marker in its text, author and link. After a scan, every byte of the
database (SQLite's main file, -wal and -shm, read while the connection is still open and again
after it closes; PostgreSQL's whole data directory) is searched. The markers of flagged posts must
be there, which proves the search can see stored text; no marker of any other post may be.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import PostgresServer
from tests.fixtures import CLEAR_THREAT, CLEAR_THREAT_2, RuleDetector, make_post, write_jsonl
from threatline.cli import main
from threatline.pipeline import run
from threatline.posts import Post
from threatline.store import DatabaseSink, Store
from threatline.watchlist import Watchlist


def marker() -> str:
    return f"mk{secrets.token_hex(8)}"


def marked(text: str, kind: str) -> tuple[Post, str]:
    tag = marker()
    post = make_post(f"{text} {tag}", id=f"{kind}-{tag}", author=f"@{tag}", url=f"https://example.org/{tag}")
    return post, tag


def corpus() -> tuple[list[Post], dict[str, str]]:
    """Posts of each fate, and each post's marker → its fate."""
    fates: dict[str, str] = {}
    posts: list[Post] = []
    for i in range(60):
        for text, fate in (
            (f"I will kill Reyes, day {i}", "flagged"),
            (f"Sheriff Reyes opened library number {i}", "relevant"),
            (f"Lovely weather at the lake, day {i}", "dropped"),
            (f"Quiet morning, cup number {i}", "dropped"),
        ):
            post, tag = marked(text, fate)
            posts.append(post)
            fates[tag] = fate
    return posts, fates


def files_bytes(paths: list[Path]) -> bytes:
    return b"\0".join(path.read_bytes() for path in paths if path.is_file())


def assert_only_flagged_markers(data: bytes, fates: dict[str, str]) -> None:
    flagged = [tag for tag, fate in fates.items() if fate == "flagged"]
    others = [tag for tag, fate in fates.items() if fate != "flagged"]
    assert flagged and others
    missing = [tag for tag in flagged if tag.encode() not in data]
    assert not missing, f"flagged markers not found, so the search cannot see stored text: {missing[:3]}"
    leaked = [(tag, fates[tag]) for tag in others if tag.encode() in data]
    assert not leaked, f"markers of unflagged posts found in the database files: {leaked[:5]}"


def test_no_byte_of_an_unflagged_post_reaches_the_sqlite_files(tmp_path: Path, watchlist: Watchlist) -> None:
    database = tmp_path / "threatline.db"
    store = Store.open(f"sqlite:///{database}")
    posts, fates = corpus()
    sink = DatabaseSink(store, RuleDetector.version, "watchlist.toml")

    stats = run(posts, watchlist, RuleDetector(), sink, batch_size=50)
    sink.finish(stats)

    assert (stats.flagged_total, stats.not_flagged, stats.dropped) == (60, 60, 120)
    wal = Path(f"{database}-wal")
    assert wal.is_file() and wal.stat().st_size > 0, "read while the WAL still holds the writes"
    files = [database, wal, Path(f"{database}-shm")]
    assert_only_flagged_markers(files_bytes(files), fates)

    store.sessions.kw["bind"].dispose()  # checkpoints the WAL into the main file
    assert_only_flagged_markers(files_bytes([*files, *tmp_path.iterdir()]), fates)


@pytest.mark.postgres
def test_no_byte_of_an_unflagged_post_reaches_the_postgresql_files(
    postgres_url: str, postgres_server: PostgresServer, watchlist: Watchlist
) -> None:
    store = Store.open(postgres_url)
    posts, fates = corpus()
    sink = DatabaseSink(store, RuleDetector.version, "watchlist.toml")
    sink.finish(run(posts, watchlist, RuleDetector(), sink))
    with store.sessions() as session:
        session.connection().exec_driver_sql("CHECKPOINT")  # heap pages to disk, beside the WAL
    store.sessions.kw["bind"].dispose()

    data_dir = postgres_server.root / "data"
    assert_only_flagged_markers(files_bytes(sorted(p for p in data_dir.rglob("*") if p.is_file())), fates)


@pytest.mark.e2e
@pytest.mark.model
def test_a_scan_through_the_cli_keeps_nothing_of_unflagged_posts(
    tmp_path: Path, watchlist_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real command and the real model: bad lines and unflagged posts leave no trace either."""
    rows: list[dict[str, str] | str] = []
    tags: dict[str, str] = {}
    texts = [CLEAR_THREAT, CLEAR_THREAT_2, "Sheriff Reyes opened the new library today.",
             "Lovely weather at the lake.", "Maddox voted for the budget."]
    for index, text in enumerate(texts * 4):
        tag = marker()
        tags[tag] = f"post-{index}"
        rows.append({"id": tags[tag], "text": f"{text} {tag}", "author": f"@{tag}", "url": f"https://example.org/{tag}"})
    bad = marker()
    rows.append(f'{{"id": "bad", "text": "kill Reyes {bad}"')  # invalid JSON: skipped, never stored
    posts = write_jsonl(tmp_path / "posts.jsonl", rows)
    database = tmp_path / "data" / "threatline.db"
    monkeypatch.setenv("THREATLINE_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("THREATLINE_DATA_DIR", str(tmp_path / "data"))

    result = CliRunner().invoke(main, ["scan", "--watchlist", str(watchlist_path), str(posts)])

    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(main, ["findings", "list", "--format", "json"])
    stored_ids = {json.loads(line)["post_id"] for line in listed.output.splitlines()}
    fates = {tag: "flagged" if post_id in stored_ids else "not flagged" for tag, post_id in tags.items()}
    fates[bad] = "skipped"
    assert_only_flagged_markers(files_bytes(sorted((tmp_path / "data").iterdir())), fates)

