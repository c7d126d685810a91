"""The hash-chained audit log: appends, verification, and tampering of every kind detected."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert, update

from threatline.cli import main
from threatline.review import audit
from threatline.review.audit import GENESIS, entry_hash
from threatline.store import Store
from threatline.store.safeguards import AuditEntry


def fill(store: Store, n: int = 5) -> None:
    for i in range(n):
        audit.record(store, f"user{i}", "finding.view", i + 1, {"via": "session", "n": i})


def test_entries_chain_from_the_genesis(store: Store) -> None:
    fill(store, 3)
    rows = list(reversed(audit.entries(store, 10)))
    assert [r.id for r in rows] == [1, 2, 3]
    assert rows[0].prev_hash == GENESIS
    assert rows[1].prev_hash == rows[0].hash and rows[2].prev_hash == rows[1].hash
    assert rows[2].hash == entry_hash(3, rows[2].at, "user2", "finding.view", "3", {"via": "session", "n": 2},
                                      rows[1].hash)
    check = audit.verify(store)
    assert check.ok and check.entries == 3 and check.head == f"3:{rows[2].hash}"


def test_an_empty_log_verifies(store: Store) -> None:
    check = audit.verify(store)
    assert check.ok and check.entries == 0 and check.head == f"0:{GENESIS}"


@pytest.mark.parametrize("column,value", [
    ("actor", "someone else"), ("action", "login"), ("subject", "99"), ("details", {"via": "token", "n": 2}),
    ("at", "2020-01-01T00:00:00.000000+00:00"),
])
def test_an_edited_entry_is_detected(store: Store, column: str, value: object) -> None:
    fill(store)
    with store.sessions.begin() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == 3).values({column: value}))
    check = audit.verify(store)
    assert not check.ok and check.broken_at == 3 and "edited" in (check.reason or "")
    assert check.head.startswith("2:")


def test_an_edit_that_also_rewrites_the_hash_breaks_the_next_link(store: Store) -> None:
    fill(store)
    with store.sessions() as session:
        row = session.get_one(AuditEntry, 3)
    forged = entry_hash(3, row.at, "someone else", row.action, row.subject, row.details, row.prev_hash)
    with store.sessions.begin() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == 3).values(actor="someone else", hash=forged))
    check = audit.verify(store)
    assert not check.ok and check.broken_at == 4 and "link" in (check.reason or "")


@pytest.mark.parametrize("deleted", [1, 3])
def test_a_deleted_entry_is_detected(store: Store, deleted: int) -> None:
    fill(store)
    with store.sessions.begin() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id == deleted))
    check = audit.verify(store)
    assert not check.ok and check.broken_at == deleted + 1 and "missing" in (check.reason or "")


def test_renumbering_after_a_deletion_is_detected(store: Store) -> None:
    fill(store)
    with store.sessions.begin() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id == 3))
        session.execute(update(AuditEntry).where(AuditEntry.id == 4).values(id=3))
        session.execute(update(AuditEntry).where(AuditEntry.id == 5).values(id=4))
    check = audit.verify(store)
    assert not check.ok and check.broken_at == 3


def test_an_inserted_entry_is_detected(store: Store) -> None:
    fill(store, 2)
    with store.sessions.begin() as session:
        session.execute(insert(AuditEntry).values(id=3, at="x", actor="x", action="x", subject=None, details={},
                                                  prev_hash="f" * 64, hash="0" * 64))
    audit_check = audit.verify(store)
    assert not audit_check.ok and audit_check.broken_at == 3


def test_truncating_the_newest_entries_is_caught_against_a_noted_head(store: Store) -> None:
    fill(store)
    head = audit.verify(store).head
    fill(store, 2)
    assert audit.verify(store, head).ok  # later entries are fine
    with store.sessions.begin() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id >= 5))
    assert audit.verify(store).ok  # a shorter chain is still a chain...
    check = audit.verify(store, head)  # ...but not one that holds the head noted before
    assert not check.ok and "newest entries were deleted" in (check.reason or "")


def test_concurrent_appends_keep_one_chain(store: Store) -> None:
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(15):
                audit.record(store, f"w{n}", "finding.view", i)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = audit.verify(store)
    assert check.ok and check.entries == 90


def test_cli_audit_verify_exit_status(store: Store, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", sqlite_url)
    fill(store)
    runner = CliRunner()
    ok = runner.invoke(main, ["audit", "verify"])
    assert ok.exit_code == 0 and "intact: 5 entries" in ok.output
    head = ok.output.strip().rsplit(" ", 1)[-1]
    assert runner.invoke(main, ["audit", "verify", "--head", head]).exit_code == 0
    assert runner.invoke(main, ["audit", "verify", "--head", "nonsense"]).exit_code == 2
    listed = runner.invoke(main, ["audit", "list", "--format", "json", "--limit", "2"])
    assert listed.exit_code == 0 and len(listed.output.splitlines()) == 2
    with store.sessions.begin() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == 2).values(subject="42"))
    broken = runner.invoke(main, ["audit", "verify"])
    assert broken.exit_code == 1
    assert "broken at entry 2" in broken.output


def test_the_log_holds_no_post_text_and_no_notes(api, store: Store, seeded) -> None:
    from tests.web.conftest import XSS_TEXT

    note = "the caller's neighbour confirmed the address"
    api("GET", "/api/v1/findings")
    api("GET", f"/api/v1/findings/{seeded.xss}")
    api("POST", f"/api/v1/findings/{seeded.xss}/decisions", json={"decision": "monitor", "note": note})
    api("GET", "/api/v1/cases/accounts?source=bluesky&author=angry_account")
    dumped = str([(e.actor, e.action, e.subject, e.details) for e in audit.entries(store, 500)])
    for secret in (note, XSS_TEXT[:30], "going to kill", "Alder Lane", "angry_account"):
        assert secret not in dumped
