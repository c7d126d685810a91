"""Recording review decisions: the one way a finding's status changes, for the CLI, web and API alike.

`decide` checks the decision against the workflow on the finding's *current* row and writes the
decision and the new status in one transaction, so the status always equals the `to_status` of
the last decision in the history, however many people decide at once:

- on PostgreSQL the finding's row is read with `SELECT ... FOR UPDATE`, so concurrent deciders
  wait for each other and each checks the status the previous one left;
- on every database the status is written with a compare-and-set on `findings.version`; SQLite
  takes no row locks, so a decider whose read went stale in the meantime finds the version moved
  on, rolls back and checks again against the fresh row.

Every decision is audited (`decision`), and so is every refusal (`decision.refused`), with the
channel it came through; neither entry holds the note's text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..errors import NotFoundError, ReviewError
from ..store import Store
from ..store.schema import Decision, Finding
from ..timeutil import now
from . import audit, workflow
from .actor import Actor


class _Stale(Exception):
    """Another decision changed the finding between our read and our write."""


def decide(store: Store, finding_id: int, decision: str, actor: Actor, note: str | None = None) -> Finding:
    """Record `decision` on the finding as `actor` and return the finding with its history.

    Raises NotFoundError, TransitionError (the status does not allow it) or NotAllowedError (the
    actor's role may not make it here).
    """
    note = (note or "").strip() or None
    try:
        moved = _record(store, finding_id, decision, actor, note)
    except ReviewError as exc:
        audit.record(store, actor.name, "decision.refused", finding_id,
                     {"decision": decision, "via": actor.channel, "reason": str(exc)})
        raise
    audit.record(store, actor.name, "decision", finding_id, {
        "decision": decision, "note": note is not None, "via": actor.channel,
        "from": moved.from_status, "to": moved.to_status,
    })
    return store.finding(finding_id)


def _record(store: Store, finding_id: int, decision: str, actor: Actor, note: str | None) -> Decision:
    while True:  # ends: each retry means another decision committed, and each check is against fresh data
        try:
            with store.sessions.begin() as session:
                return _record_once(session, finding_id, decision, actor, note)
        except _Stale:
            continue


def _record_once(session: Session, finding_id: int, decision: str, actor: Actor, note: str | None) -> Decision:
    found = session.scalars(select(Finding).where(Finding.id == finding_id).with_for_update()).first()
    if found is None:
        raise NotFoundError(f"no finding with id {finding_id}; `threatline findings list` shows them.")
    requested = found.escalation_requested_at is not None
    to_status = workflow.check(found.status, decision, actor.role, requested)
    moment = now()
    values: dict[str, Any] = {"status": to_status, "version": found.version + 1, "updated_at": moment}
    if decision == "request_escalation":
        values |= {"escalation_requested_by": actor.name, "escalation_requested_at": moment}
    elif requested and decision in workflow.ANSWERS_REQUEST:
        values |= {"escalation_requested_by": None, "escalation_requested_at": None}
    changed = session.connection().execute(
        update(Finding).where(Finding.id == finding_id, Finding.version == found.version).values(**values)
    ).rowcount
    if changed != 1:
        raise _Stale
    recorded = Decision(finding_id=finding_id, decision=decision, note=note, actor=actor.name, decided_at=moment,
                        category=found.category, channel=actor.channel, from_status=found.status,
                        to_status=to_status)
    session.add(recorded)
    return recorded
