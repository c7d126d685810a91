"""Priority from 1 (act now) to 4 (low), set by what makes a threat operational, with its reasons."""

from __future__ import annotations

import pytest

from threatline.detect.base import Detection, Evidence
from threatline.prioritize import prioritize

PEOPLE = frozenset({"reyes"})


def detection(category: str, *kinds: str, score: float = 0.9, targets: tuple[str, ...] = ("northgate",)) -> Detection:
    evidence = tuple(Evidence(i, i + 1, "x", kind, f"{kind} cue") for i, kind in enumerate(kinds))
    return Detection(category, score, targets, evidence)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kinds", "targets", "level"),
    [
        pytest.param(("intent", "time", "place"), ("northgate",), 1, id="intent + two specifics"),
        pytest.param(("call", "place", "means"), ("northgate",), 1, id="call to act + two specifics"),
        pytest.param(("intent", "means"), ("reyes",), 1, id="intent + one specific against a named person"),
        pytest.param(("intent", "means"), ("northgate",), 2, id="intent + one specific against a facility"),
        pytest.param(("violence", "time"), ("northgate",), 2, id="a specific without intent"),
        pytest.param(("intent", "violence"), ("reyes",), 2, id="intent against a named person"),
        pytest.param(("intent", "violence"), ("northgate",), 3, id="intent, no specifics, no person"),
        pytest.param(("violence",), ("reyes",), 3, id="violence alone"),
    ],
)
def test_threat_priority(kinds: tuple[str, ...], targets: tuple[str, ...], level: int) -> None:
    assert prioritize(detection("threat", *kinds, targets=targets), PEOPLE).level == level


def test_incitement_is_ranked_like_a_threat() -> None:
    assert prioritize(detection("incitement", "call", "time", "place"), PEOPLE).level == 1


@pytest.mark.parametrize(
    ("kinds", "level"),
    [
        pytest.param(("private", "call_to_act"), 1, id="private fact + call to act"),
        pytest.param(("private",), 2, id="private fact"),
        pytest.param(("personal_data", "call_to_act"), 2, id="personal data + call to act"),
        pytest.param(("personal_data",), 3, id="personal data alone"),
    ],
)
def test_exposure_priority(kinds: tuple[str, ...], level: int) -> None:
    assert prioritize(detection("exposure", *kinds, targets=("reyes",)), PEOPLE).level == level


def test_an_unsure_detector_lowers_priority_to_4_and_says_why() -> None:
    priority = prioritize(detection("threat", "intent", "time", "place", score=0.55), PEOPLE)

    assert priority.level == 4
    assert priority.reasons[-1] == "detector is unsure (score 0.55)"


def test_the_reasons_explain_the_priority() -> None:
    priority = prioritize(detection("threat", "intent", "time", "place", targets=("reyes",)), PEOPLE)

    assert priority.reasons == (
        "first-person intent to harm",
        "names a protected person",
        "specific time",
        "specific place",
    )


def test_a_threat_without_specifics_says_so() -> None:
    assert "no time, place or means given" in prioritize(detection("threat", "violence"), PEOPLE).reasons


def test_exposure_reasons_name_the_private_fact_and_the_call() -> None:
    reasons = prioritize(detection("exposure", "private", "call_to_act"), PEOPLE).reasons

    assert reasons == (
        "reveals a protected person's private information from the watchlist",
        "urges others to act on it",
    )
