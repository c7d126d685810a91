"""The score stage: turn a detection's evidence into a priority from 1 (act now) to 4 (low).

Priority answers "how soon must a human look at this?", so it rests on what makes a threat
operational in protective-intelligence practice, not on the model's confidence alone:

| priority | threat or incitement                                          | exposure                                  |
|----------|---------------------------------------------------------------|-------------------------------------------|
| 1        | intent or a call to act, plus two of time, place, means;      | a protected person's private fact         |
|          | or intent plus one of them against a named person             | together with a call to act on it         |
| 2        | any time, place or means; or intent against a named person    | a private fact; or personal data with a   |
|          |                                                               | call to act                               |
| 3        | a threat or call to violence with no specifics                | personal data near a protected name       |
| 4        | the detector is unsure (score under 0.6): worth a glance      | the same                                  |

Every finding carries the reasons that set its priority, so the analyst sees why it ranks where it does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .detect.base import Detection

UNSURE_BELOW = 0.6
SPECIFICS = ("time", "place", "means")


@dataclass(frozen=True)
class Priority:
    level: int
    reasons: tuple[str, ...]


def prioritize(detection: Detection, person_targets: frozenset[str] = frozenset()) -> Priority:
    """`person_targets` are the ids of targeted entries that are people (named individuals)."""
    kinds = {e.kind for e in detection.evidence}
    reasons: list[str] = []
    if detection.category == "exposure":
        level = _exposure_level(kinds, reasons)
    else:
        level = _violence_level(detection, kinds, person_targets, reasons)
    if detection.score < UNSURE_BELOW and level < 4:
        reasons.append(f"detector is unsure (score {detection.score:.2f})")
        level = 4
    return Priority(level, tuple(reasons))


def _exposure_level(kinds: set[str], reasons: list[str]) -> int:
    private = "private" in kinds
    personal = "personal_data" in kinds
    call = "call_to_act" in kinds
    if private:
        reasons.append("reveals a protected person's private information from the watchlist")
    if personal:
        reasons.append("personal data (address, phone, plate, family, routine) next to a protected name")
    if call:
        reasons.append("urges others to act on it")
    if private and call:
        return 1
    if private or (personal and call):
        return 2
    return 3


def _violence_level(detection: Detection, kinds: set[str], person_targets: frozenset[str], reasons: list[str]) -> int:
    specifics = [k for k in SPECIFICS if k in kinds]
    intent = bool(kinds & {"intent", "call"})
    named = bool(person_targets.intersection(detection.targets))
    if "intent" in kinds:
        reasons.append("first-person intent to harm")
    if "call" in kinds:
        reasons.append("calls on others to commit violence")
    if named:
        reasons.append("names a protected person")
    for kind in specifics:
        reasons.append(f"specific {kind}")
    if intent and (len(specifics) >= 2 or (specifics and named)):
        return 1
    if specifics or (intent and named):
        return 2
    reasons.append("no time, place or means given")
    return 3
