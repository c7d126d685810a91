"""The findings' state machine, in one place: every status, every decision, and who may make it.
The status each decision (a column) leads to from each status (a row):

    status              monitor     dismiss     escalate    resolve     reopen      request_escalation
    new                 reviewing   dismissed   escalated*  -           -           new, waiting
    reviewing           -           dismissed   escalated*  resolved    -           reviewing, waiting
    escalated           reviewing*  dismissed*  -           resolved*   -           -
    dismissed           -           -           -           -           reviewing   -
    resolved            -           -           -           -           reviewing*  -

    * supervisors and admins only; analysts make the rest; auditors decide nothing.

`TRANSITIONS` below is that table. Each move names the permission it needs (`findings:decide`,
held by analysts and up, or `findings:escalate`, held by supervisors and admins), so the rules
follow the roles in `accounts.PERMISSIONS`:

- Only a supervisor (or admin) escalates, and only a supervisor moves an escalated finding on:
  de-escalating it to reviewing, dismissing it, or resolving it. An analyst can never undo an
  escalation, so an escalation cannot be erased by a lower role through the 30-day purge of
  dismissed findings.
- `request_escalation` asks a supervisor to look; it leaves the status as it is and marks the
  finding as waiting. While a request waits, closing the finding (dismiss, resolve) also needs a
  supervisor, and a supervisor's escalate, dismiss or resolve answers the request.
- `reopen` brings a closed finding back to reviewing: an analyst may reopen what was dismissed,
  only a supervisor what was resolved (it had been dealt with as a real threat).
- A decision that would leave the finding where it is (monitor on a finding already reviewing)
  is refused: history records changes, not repetitions.

`check` answers with the new status or raises `TransitionError` (the finding's status does not
allow the decision: HTTP 409) or `NotAllowedError` (it does, but not for this role: HTTP 403).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from ..errors import NotAllowedError, TransitionError
from . import accounts

Status = Literal["new", "reviewing", "dismissed", "escalated", "resolved"]
DecisionName = Literal["monitor", "dismiss", "escalate", "resolve", "reopen", "request_escalation"]
STATUSES: tuple[str, ...] = get_args(Status)
DECISIONS: tuple[str, ...] = get_args(DecisionName)
OPEN = ("new", "reviewing", "escalated")
DECIDE, ESCALATE = "findings:decide", "findings:escalate"


@dataclass(frozen=True)
class Rule:
    to: str
    needs: str
    closes: bool = False  # closing a finding with a waiting escalation request needs a supervisor


TRANSITIONS: dict[tuple[str, str], Rule] = {
    ("new", "monitor"): Rule("reviewing", DECIDE),
    ("new", "dismiss"): Rule("dismissed", DECIDE, closes=True),
    ("new", "escalate"): Rule("escalated", ESCALATE),
    ("new", "request_escalation"): Rule("new", DECIDE),
    ("reviewing", "dismiss"): Rule("dismissed", DECIDE, closes=True),
    ("reviewing", "escalate"): Rule("escalated", ESCALATE),
    ("reviewing", "resolve"): Rule("resolved", DECIDE, closes=True),
    ("reviewing", "request_escalation"): Rule("reviewing", DECIDE),
    ("escalated", "monitor"): Rule("reviewing", ESCALATE),
    ("escalated", "dismiss"): Rule("dismissed", ESCALATE),
    ("escalated", "resolve"): Rule("resolved", ESCALATE),
    ("dismissed", "reopen"): Rule("reviewing", DECIDE),
    ("resolved", "reopen"): Rule("reviewing", ESCALATE),
}
# A supervisor's escalate, dismiss or resolve answers a waiting request for escalation.
ANSWERS_REQUEST = frozenset({"escalate", "dismiss", "resolve"})

_WHY_NOT = {
    "monitor": "only a new finding (or, for a supervisor, an escalated one) can be put under review",
    "dismiss": "only a new, reviewing or escalated finding can be dismissed",
    "escalate": "only a new or reviewing finding can be escalated",
    "resolve": "only a reviewing or escalated finding can be resolved; monitor a new one first",
    "reopen": "only a dismissed or resolved finding can be reopened",
    "request_escalation": "escalation can be requested only for a new or reviewing finding",
}


def check(status: str, decision: str, role: str, escalation_requested: bool = False) -> str:
    """The status after `decision` by `role` on a finding in `status`, or the reason it may not be made."""
    if decision not in DECISIONS:
        raise TransitionError(f"unknown decision {decision!r}; use one of: {', '.join(DECISIONS)}.")
    rule = TRANSITIONS.get((status, decision))
    if rule is None:
        raise TransitionError(f"cannot {_verb(decision)} a finding that is {status}: {_WHY_NOT[decision]}.")
    if decision == "request_escalation" and escalation_requested:
        raise TransitionError("escalation was already requested for this finding; a supervisor will answer it.")
    needs = ESCALATE if rule.closes and escalation_requested else rule.needs
    if not accounts.can(role, needs):
        raise NotAllowedError(_refusal(status, decision, role, escalation_requested and rule.closes))
    return rule.to


def choices(status: str, role: str, escalation_requested: bool = False) -> list[str]:
    """The decisions `role` may make on a finding in `status`, in the order of `DECISIONS`."""
    allowed = []
    for decision in DECISIONS:
        try:
            check(status, decision, role, escalation_requested)
        except (TransitionError, NotAllowedError):
            continue
        allowed.append(decision)
    return allowed


def _verb(decision: str) -> str:
    return "request escalation of" if decision == "request_escalation" else decision


def _refusal(status: str, decision: str, role: str, waiting: bool) -> str:
    if waiting:
        return (f"the {role} role may not {_verb(decision)} this finding: escalation was requested, so a "
                "supervisor or admin decides it.")
    if status == "escalated":
        return (f"the {role} role may not {_verb(decision)} a finding that is escalated: a supervisor escalated "
                "it, and only a supervisor or admin moves it on.")
    if status == "resolved":
        return f"the {role} role may not reopen a resolved finding; a supervisor or admin can."
    return f"the {role} role may not {_verb(decision)} a finding; a supervisor or admin can, or request escalation."
