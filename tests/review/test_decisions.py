"""Recording decisions on SQLite and PostgreSQL: the workflow enforced in the library, the history it
leaves, escalation requests, many deciders at once, and the migration of decisions made before."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from tests.actors import ADMIN, ANALYST, AUDITOR, SUPERVISOR
from tests.web.conftest import add_finding
from threatline.errors import NotAllowedError, NotFoundError, ReviewError, TransitionError
from threatline.review import audit, workflow
from threatline.review.actor import Actor
from threatline.review.decisions import decide
from threatline.store import FindingFilter, Store
from threatline.store.database import MIGRATIONS


def assert_consistent(store: Store, finding_id: int) -> None:
    """The status is the last decision's, each decision starts where the one before ended, and each
    move is one the workflow allows."""
    found = store.finding(finding_id)
    status = "new"
    for decision in found.decisions:
        assert decision.from_status == status, [(d.decision, d.from_status, d.to_status) for d in found.decisions]
        assert workflow.TRANSITIONS[(decision.from_status, decision.decision)].to == decision.to_status
        status = decision.to_status
    assert found.status == status
    assert found.version == len(found.decisions)


def test_a_finding_walks_through_every_status_with_a_chained_history(any_store: Store) -> None:
    finding_id = add_finding(any_store, "I am going to kill Dana Reyes tonight.")
    for decision, actor, status in [
        ("monitor", ANALYST, "reviewing"), ("escalate", SUPERVISOR, "escalated"), ("resolve", ADMIN, "resolved"),
        ("reopen", SUPERVISOR, "reviewing"), ("dismiss", ANALYST, "dismissed"), ("reopen", ANALYST, "reviewing"),
        ("resolve", ANALYST, "resolved"),
    ]:
        assert decide(any_store, finding_id, decision, actor, f"why {decision}").status == status
    found = any_store.finding(finding_id)
    assert [(d.decision, d.actor, d.channel) for d in found.decisions][:2] == [
        ("monitor", "ana", "cli"), ("escalate", "sup", "cli")]
    assert_consistent(any_store, finding_id)
    last = audit.entries(any_store, 1)[0]
    assert (last.actor, last.action, last.details) == (
        "ana", "decision", {"decision": "resolve", "note": True, "via": "cli", "from": "reviewing", "to": "resolved"})


@pytest.mark.parametrize("decision", ["dismiss", "monitor", "resolve", "escalate", "reopen"])
def test_an_analyst_cannot_undo_an_escalation(any_store: Store, decision: str) -> None:
    finding_id = add_finding(any_store, "I am going to kill Dana Reyes tonight.")
    decide(any_store, finding_id, "escalate", SUPERVISOR)
    analyst_via_api = Actor("ana", "analyst", "api")

    with pytest.raises(ReviewError) as refused:
        decide(any_store, finding_id, decision, analyst_via_api, "nothing to see")

    assert isinstance(refused.value, NotAllowedError if decision in ("dismiss", "monitor", "resolve")
                      else TransitionError)
    found = any_store.finding(finding_id)
    assert (found.status, len(found.decisions), found.version) == ("escalated", 1, 1)
    entry = audit.entries(any_store, 1)[0]
    assert (entry.actor, entry.action, entry.details["decision"], entry.details["via"]) == (
        "ana", "decision.refused", decision, "api")


def test_an_auditor_decides_nothing(any_store: Store) -> None:
    finding_id = add_finding(any_store, "I am going to kill Dana Reyes tonight.")
    with pytest.raises(NotAllowedError, match="the auditor role may not monitor"):
        decide(any_store, finding_id, "monitor", AUDITOR)
    assert any_store.finding(finding_id).status == "new"


def test_a_missing_finding_is_not_found(any_store: Store) -> None:
    with pytest.raises(NotFoundError, match="no finding with id 999"):
        decide(any_store, 999, "dismiss", SUPERVISOR)


def test_a_request_for_escalation_waits_for_a_supervisor(any_store: Store) -> None:
    finding_id = add_finding(any_store, "Sheriff Reyes lives at 12 Alder Lane.")
    other = add_finding(any_store, "Reyes is finished.")

    requested = decide(any_store, finding_id, "request_escalation", ANALYST, "address is real")

    assert (requested.status, requested.escalation_requested_by) == ("new", "ana")
    assert requested.escalation_requested_at is not None
    assert [f.id for f in any_store.findings(FindingFilter(escalation_requested=True))] == [finding_id]
    assert [f.id for f in any_store.findings(FindingFilter(escalation_requested=False))] == [other]
    with pytest.raises(TransitionError, match="already requested"):
        decide(any_store, finding_id, "request_escalation", Actor("bo", "analyst", "web"))
    with pytest.raises(NotAllowedError, match="escalation was requested"):
        decide(any_store, finding_id, "dismiss", ANALYST)
    assert decide(any_store, finding_id, "monitor", ANALYST).escalation_requested_at is not None  # still waiting

    answered = decide(any_store, finding_id, "dismiss", SUPERVISOR, "a known prank address")

    assert (answered.status, answered.escalation_requested_at, answered.escalation_requested_by) == (
        "dismissed", None, None)
    assert any_store.findings(FindingFilter(escalation_requested=True)) == []
    assert [(d.decision, d.from_status, d.to_status) for d in answered.decisions] == [
        ("request_escalation", "new", "new"), ("monitor", "new", "reviewing"), ("dismiss", "reviewing", "dismissed")]
    assert_consistent(any_store, finding_id)


def test_escalating_answers_the_request(any_store: Store) -> None:
    finding_id = add_finding(any_store, "Sheriff Reyes lives at 12 Alder Lane.")
    decide(any_store, finding_id, "request_escalation", ANALYST)
    assert decide(any_store, finding_id, "escalate", ADMIN).escalation_requested_at is None


def test_many_deciders_at_once_leave_the_status_of_the_last_decision(any_store: Store) -> None:
    """Threads decide on the same findings at once, each picking what should be open from what it last
    saw; whatever wins, the history must stay a chain and the status must be its end."""
    findings = [add_finding(any_store, f"Going to kill Dana Reyes, take {n}.") for n in range(3)]
    plan = ["monitor", "dismiss", "reopen", "escalate", "resolve", "reopen", "request_escalation", "dismiss"]
    deciders = [Actor(f"sup{n}", "supervisor", "api") for n in range(4)] + [
        Actor(f"ana{n}", "analyst", "web") for n in range(4)]
    start = threading.Barrier(len(deciders))
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    failures: list[BaseException] = []

    def work(actor: Actor, offset: int) -> None:
        start.wait()
        for round_ in range(6):
            for finding_id in findings:
                decision = plan[(offset + round_) % len(plan)]
                try:
                    decide(any_store, finding_id, decision, actor)
                    outcome = "recorded"
                except ReviewError as exc:
                    outcome = type(exc).__name__
                except BaseException as exc:  # noqa: BLE001 - reported after the threads end
                    failures.append(exc)
                    return
                with lock:
                    outcomes[outcome] += 1

    threads = [threading.Thread(target=work, args=(actor, n)) for n, actor in enumerate(deciders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert outcomes["recorded"] >= len(findings)  # real contention happened, and real moves
    for finding_id in findings:
        assert_consistent(any_store, finding_id)


def test_the_migration_keeps_decisions_made_before_it(database_url: str) -> None:
    engine = create_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        now = datetime(2026, 5, 1, tzinfo=UTC)
        ids = {}
        for post, status in [("p1", "monitoring"), ("p2", "escalated"), ("p3", "new")]:
            ids[post] = connection.execute(text(
                "INSERT INTO findings (source, post_id, text, category, score, priority, priority_reasons, targets, "
                "evidence, detector_version, detected_at, updated_at, status) VALUES ('s', :post, 't', 'threat', "
                "0.9, 2, '[]', '[]', '[]', 'old@1', :now, :now, :status) RETURNING id"),
                {"post": post, "now": now, "status": status}).scalar_one()
        for day, post, decision in [(1, "p1", "dismiss"), (2, "p1", "monitor"), (3, "p2", "monitor"),
                                    (4, "p2", "escalate")]:
            connection.execute(text(
                "INSERT INTO decisions (finding_id, decision, actor, decided_at, category) "
                "VALUES (:finding, :decision, 'someone', :at, 'threat')"),
                {"finding": ids[post], "decision": decision, "at": now.replace(day=day)})
    engine.dispose()

    store = Store.open(database_url)  # migrates to the latest revision, as Threatline does on every open
    try:
        assert [(f.post_id, f.status) for f in sorted(store.findings(), key=lambda f: f.post_id)] == [
            ("p1", "reviewing"), ("p2", "escalated"), ("p3", "new")]
        assert [(d.decision, d.from_status, d.to_status, d.channel) for d in store.finding(ids["p1"]).decisions] == [
            ("dismiss", "new", "dismissed", "unknown"), ("monitor", "dismissed", "reviewing", "unknown")]
        for finding_id in ids.values():
            found = store.finding(finding_id)
            assert found.status == (found.decisions[-1].to_status if found.decisions else "new")
        # and the migrated findings go on under the workflow
        assert decide(store, ids["p2"], "resolve", SUPERVISOR).status == "resolved"
    finally:
        store.sessions.kw["bind"].dispose()
