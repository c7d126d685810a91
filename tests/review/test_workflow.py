"""The review workflow's rules, every status, decision and role: what each may do, and what is refused.

The expected table is written out here, apart from `workflow.TRANSITIONS`, so that a change to the
rules has to be made twice: once in the code and once, deliberately, in this specification.
"""

from __future__ import annotations

import itertools

import pytest

from threatline.errors import NotAllowedError, TransitionError
from threatline.review import workflow

ROLES = ("analyst", "supervisor", "admin", "auditor")
EVERYONE = frozenset({"analyst", "supervisor", "admin"})
SUPERVISORS = frozenset({"supervisor", "admin"})

# (status, decision) -> (status after, roles that may, roles that may while an escalation request waits)
SPEC = {
    ("new", "monitor"): ("reviewing", EVERYONE, EVERYONE),
    ("new", "dismiss"): ("dismissed", EVERYONE, SUPERVISORS),
    ("new", "escalate"): ("escalated", SUPERVISORS, SUPERVISORS),
    ("new", "request_escalation"): ("new", EVERYONE, frozenset()),
    ("reviewing", "dismiss"): ("dismissed", EVERYONE, SUPERVISORS),
    ("reviewing", "escalate"): ("escalated", SUPERVISORS, SUPERVISORS),
    ("reviewing", "resolve"): ("resolved", EVERYONE, SUPERVISORS),
    ("reviewing", "request_escalation"): ("reviewing", EVERYONE, frozenset()),
    ("escalated", "monitor"): ("reviewing", SUPERVISORS, SUPERVISORS),
    ("escalated", "dismiss"): ("dismissed", SUPERVISORS, SUPERVISORS),
    ("escalated", "resolve"): ("resolved", SUPERVISORS, SUPERVISORS),
    ("dismissed", "reopen"): ("reviewing", EVERYONE, EVERYONE),
    ("resolved", "reopen"): ("reviewing", SUPERVISORS, SUPERVISORS),
}
CASES = list(itertools.product(workflow.STATUSES, workflow.DECISIONS, ROLES, (False, True)))


def _id(case: tuple[str, str, str, bool]) -> str:
    status, decision, role, waiting = case
    return f"{role}-{decision}-{status}" + ("-waiting" if waiting else "")


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_every_move_for_every_role(case: tuple[str, str, str, bool]) -> None:
    status, decision, role, waiting = case
    spec = SPEC.get((status, decision))
    if spec is None:
        with pytest.raises(TransitionError, match=f"cannot .* a finding that is {status}"):
            workflow.check(status, decision, role, waiting)
        return
    to_status, allowed, allowed_while_waiting = spec
    if decision == "request_escalation" and waiting:
        with pytest.raises(TransitionError, match="already requested"):
            workflow.check(status, decision, role, waiting)
    elif role in (allowed_while_waiting if waiting else allowed):
        assert workflow.check(status, decision, role, waiting) == to_status
    else:
        with pytest.raises(NotAllowedError, match=f"the {role} role may not"):
            workflow.check(status, decision, role, waiting)


def test_the_code_has_exactly_the_specified_moves() -> None:
    assert {key: rule.to for key, rule in workflow.TRANSITIONS.items()} == {k: v[0] for k, v in SPEC.items()}


@pytest.mark.parametrize("decision", ["dismiss", "monitor", "resolve"])
def test_an_analyst_can_never_move_an_escalated_finding(decision: str) -> None:
    with pytest.raises(NotAllowedError, match="a supervisor escalated it"):
        workflow.check("escalated", decision, "analyst")


def test_an_unknown_decision_is_refused() -> None:
    with pytest.raises(TransitionError, match="unknown decision 'delete'"):
        workflow.check("new", "delete", "admin")


@pytest.mark.parametrize(("status", "role", "waiting", "expected"), [
    ("new", "analyst", False, ["monitor", "dismiss", "request_escalation"]),
    ("new", "analyst", True, ["monitor"]),
    ("new", "supervisor", True, ["monitor", "dismiss", "escalate"]),
    ("escalated", "analyst", False, []),
    ("escalated", "admin", False, ["monitor", "dismiss", "resolve"]),
    ("dismissed", "analyst", False, ["reopen"]),
    ("resolved", "analyst", False, []),
    ("new", "auditor", False, []),
])
def test_the_choices_a_page_offers_are_the_allowed_moves(status: str, role: str, waiting: bool,
                                                         expected: list[str]) -> None:
    assert workflow.choices(status, role, waiting) == expected
