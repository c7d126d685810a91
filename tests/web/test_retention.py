"""Retention: what the purge deletes and keeps, that the text is really gone, and the daily run."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, update

from tests.actors import SUPERVISOR
from tests.web.conftest import add_finding
from threatline.cli import main
from threatline.review import audit
from threatline.review.decisions import decide
from threatline.review.retention import DailyPurge, Policy, purge
from threatline.store import Store
from threatline.store.safeguards import ArchivedCount
from threatline.store.schema import Decision, Finding
from threatline.timeutil import now


def age(store: Store, finding_id: int, detected_days: float, decided_days: float | None = None) -> None:
    """Move a finding's detection (and its decisions) that many days into the past."""
    moment = now()
    with store.sessions.begin() as session:
        values = {"detected_at": moment - timedelta(days=detected_days)}
        if decided_days is not None:
            values["updated_at"] = moment - timedelta(days=decided_days)
            session.execute(update(Decision).where(Decision.finding_id == finding_id)
                            .values(decided_at=moment - timedelta(days=decided_days)))
        session.execute(update(Finding).where(Finding.id == finding_id).values(**values))


def make(store: Store, name: str, decision: str | None, detected_days: float, decided_days: float | None = None) -> int:
    finding_id = add_finding(store, f"RETENTION-MARKER-{name} Dana Reyes going to kill",
                             evidence=[("going to kill", "intent", "intent")])
    if decision:
        decide(store, finding_id, decision, SUPERVISOR, "a note")
    age(store, finding_id, detected_days, decided_days)
    return finding_id


def test_the_purge_follows_the_policy(any_store: Store) -> None:
    store = any_store
    ids = {
        "new_expired": make(store, "a", None, 400),
        "new_recent": make(store, "b", None, 10),
        "reviewing_expired": make(store, "c", "monitor", 366, 300),
        "dismissed_due": make(store, "d", "dismiss", 100, 31),
        "dismissed_recently": make(store, "e", "dismiss", 100, 5),
        "dismissed_but_expired": make(store, "f", "dismiss", 400, 1),
        "escalated_old": make(store, "g", "escalate", 900, 800),
        "waiting_for_escalation": make(store, "h", "request_escalation", 900, 800),
    }
    result = purge(store, Policy(dismissed_days=30, retain_days=365), actor="tester")
    assert sorted(result.dismissed) == sorted([ids["dismissed_due"], ids["dismissed_but_expired"]])
    assert sorted(result.expired) == sorted([ids["new_expired"], ids["reviewing_expired"]])
    kept = {f.id for f in store.findings()}
    assert kept == {ids["new_recent"], ids["dismissed_recently"], ids["escalated_old"], ids["waiting_for_escalation"]}
    with store.sessions() as session:
        orphans = session.scalar(select(func.count()).select_from(Decision).where(Decision.finding_id.not_in(kept)))
        archived: dict[tuple[str, str], int] = {}
        for row in session.scalars(select(ArchivedCount)):  # one row per day, category and name
            archived[(row.category, row.name)] = archived.get((row.category, row.name), 0) + row.count
    assert orphans == 0
    assert archived == {("threat", "purged:dismissed"): 2, ("threat", "purged:expired"): 2,
                        ("threat", "decision:dismiss"): 2, ("threat", "decision:monitor"): 1}
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action) == ("tester", "purge")
    assert entry.details["dismissed"] == 2 and entry.details["expired"] == 2
    assert sorted(entry.details["finding_ids"]) == sorted(result.dismissed + result.expired)
    again = purge(store, Policy(), actor="tester")
    assert again.total == 0 and audit.entries(store, 1)[0].details["dismissed"] == 0


def test_zero_days_purges_every_dismissed_finding(store: Store) -> None:
    dismissed = make(store, "z", "dismiss", 0.01, 0.001)
    kept = make(store, "y", "monitor", 0.01, 0.001)
    assert purge(store, Policy(dismissed_days=0)).dismissed == [dismissed]
    assert {f.id for f in store.findings()} == {kept}


def _database_files(store: Store, request: pytest.FixtureRequest) -> list[Path]:
    engine = store.sessions.kw["bind"]
    if engine.dialect.name == "sqlite":
        database = Path(engine.url.database)
        return [p for p in database.parent.glob(database.name + "*") if p.is_file()]
    server = request.getfixturevalue("postgres_server")
    return [p for p in (server.root / "data" / "base").rglob("*") if p.is_file()]


def _holds(files: list[Path], marker: bytes) -> list[str]:
    return [f.name for f in files if marker in f.read_bytes()]


def test_purged_text_is_gone_from_the_database_files(any_store: Store, request: pytest.FixtureRequest) -> None:
    """SQLite: secure_delete plus a truncated WAL. PostgreSQL: VACUUM FULL rewrites the tables.
    (PostgreSQL's own WAL segments are recycled by the server; see docs/safeguards.md.)"""
    store = any_store
    engine = store.sessions.kw["bind"]
    secret = "RETENTION-MARKER-gone-for-real"
    doomed = add_finding(store, f"{secret} Dana Reyes going to kill " + "padding " * 300, author="doomed_author")
    decide(store, doomed, "dismiss", SUPERVISOR, f"note about {secret}")
    age(store, doomed, 40, 40)
    keeper = add_finding(store, "RETENTION-MARKER-kept Dana Reyes going to kill")
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("CHECKPOINT")  # the rows reach the table files before the purge
    files = _database_files(store, request)
    assert _holds(files, secret.encode()), "the test cannot see the text before the purge"
    purge(store, Policy())
    files = _database_files(store, request)
    assert _holds(files, secret.encode()) == []
    assert _holds(files, b"doomed_author") == []
    assert _holds(files, b"RETENTION-MARKER-kept") != []
    assert [f.id for f in store.findings()] == [keeper]


def test_cli_purge(store: Store, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", sqlite_url)
    make(store, "c1", "dismiss", 20, 10)
    make(store, "c2", None, 20)
    runner = CliRunner()
    kept = runner.invoke(main, ["purge"])
    assert kept.exit_code == 0 and "Deleted 0 dismissed findings" in kept.output
    monkeypatch.setenv("THREATLINE_RETAIN_DAYS", "15")
    both = runner.invoke(main, ["purge", "--dismissed-days", "7"])
    assert both.exit_code == 0, both.output
    assert "Deleted 1 dismissed findings (older than 7 days after dismissal) and 1 others (older than 15 days)" in (
        " ".join(both.output.split()))
    assert store.findings() == []
    assert audit.entries(store, 1)[0].actor.startswith("cli:")
    monkeypatch.setenv("THREATLINE_RETAIN_DAYS", "soon")
    bad = runner.invoke(main, ["purge"])
    assert bad.exit_code == 2 and "THREATLINE_RETAIN_DAYS" in bad.output


def test_the_daily_purge_runs_at_start_and_stops(store: Store) -> None:
    due = make(store, "daily", "dismiss", 60, 60)
    daily = DailyPurge(store, Policy())
    daily.start()
    deadline = time.monotonic() + 10
    while not [e for e in audit.entries(store, 5) if e.action == "purge"]:
        assert time.monotonic() < deadline, "the daily purge did not run"
        time.sleep(0.01)
    daily.stop()
    daily.join(timeout=5)
    assert not daily.is_alive()
    assert due not in {f.id for f in store.findings()}
    assert audit.entries(store, 1)[0].actor == "system:daily-purge"
