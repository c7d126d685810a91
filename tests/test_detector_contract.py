"""The Detector contract, held by every detector: the shipped ones and the rule detector the tests use.

One Detection per candidate, in order; a category; a score in [0, 1]; targets taken from the
candidate's mentions; evidence spans that point at the text they quote, each with a reason.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import BENIGN_MENTION, CLEAR_THREAT, CLEAR_THREAT_2, RuleDetector, make_post
from threatline.config import Settings
from threatline.detect.base import CATEGORIES, Detector
from threatline.detect.registry import load_detector
from threatline.match import Candidate, Matcher, match
from threatline.watchlist import Watchlist

TEXTS = [
    CLEAR_THREAT,
    CLEAR_THREAT_2,
    BENIGN_MENTION,
    "Dana Reyes lives at 12 Alder Lane, Foxton. Her number is 555-0133. Pay her a visit.",
    "Everyone to Northgate on Saturday at 9pm, bring bats and burn it to the ground.",
    "ICE agents were seen downtown; the council asked Maddox for answers.",
    "k i l l  R e y e s",
    "M@ddox should be voted out, his record on housing is a disgrace.",
    "Sheriff Reyes 🚓 — “quoted” text with ünïcödé and a very long tail " + "blah " * 200,
]


def shipped(name: str, watchlist: Watchlist, data_dir: Path) -> Detector:
    """The bundled model (or the one THREATLINE_MODEL names), never one trained into a user's data dir."""
    return load_detector(name, watchlist, Settings(data_dir=data_dir, model_path=os.environ.get("THREATLINE_MODEL")))


@pytest.fixture(params=["rules", pytest.param("model", marks=pytest.mark.model),
                        pytest.param("evidence", marks=pytest.mark.model)])
def detector(request: pytest.FixtureRequest, watchlist: Watchlist, tmp_path: Path) -> Detector:
    if request.param == "rules":
        return RuleDetector()
    return shipped(request.param, watchlist, tmp_path)


@pytest.fixture
def candidates(watchlist: Watchlist) -> list[Candidate]:
    found = match([make_post(text) for text in TEXTS], Matcher(watchlist))
    assert all(c is not None for c in found)
    return [c for c in found if c is not None]


def test_one_detection_per_candidate_within_the_contract(detector: Detector, candidates: list[Candidate]) -> None:
    detections = detector.detect(candidates)

    assert isinstance(detector.version, str) and detector.version
    assert len(detections) == len(candidates)
    for candidate, detection in zip(candidates, detections, strict=True):
        text = candidate.post.text
        assert detection.category in CATEGORIES
        assert isinstance(detection.score, int | float) and not isinstance(detection.score, bool)
        assert 0.0 <= detection.score <= 1.0
        assert detection.flagged == (detection.category != "none")
        mentioned = {m.entry_id for m in candidate.mentions}
        assert detection.targets and set(detection.targets) <= mentioned, "targets come from the mentions"
        for evidence in detection.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text
            assert evidence.kind and evidence.reason


def test_an_empty_batch_detects_nothing(detector: Detector) -> None:
    assert detector.detect([]) == []


def test_a_post_gets_the_same_verdict_whatever_batch_it_is_in(detector: Detector, candidates: list[Candidate]) -> None:
    """A verdict must not depend on the neighbours: the same category, targets and score (to 1e-4)
    alone, in the whole batch, and in random batches of the others."""

    def outcome(detection: Any) -> tuple[str, tuple[str, ...], float]:
        return detection.category, detection.targets, detection.score

    alone = [outcome(detector.detect([c])[0]) for c in candidates]
    rng = random.Random(5)
    for _ in range(4):
        order = rng.sample(range(len(candidates)), len(candidates))
        cut = rng.randint(1, len(order) - 1)
        batched: dict[int, tuple[str, tuple[str, ...], float]] = {}
        for part in (order[:cut], order[cut:]):
            for index, detection in zip(part, detector.detect([candidates[i] for i in part]), strict=True):
                batched[index] = outcome(detection)
        for index, (category, targets, score) in enumerate(alone):
            assert batched[index][:2] == (category, targets)
            assert batched[index][2] == pytest.approx(score, abs=1e-4)


@pytest.mark.model
def test_the_shipped_model_flags_a_plain_threat_and_not_a_plain_mention(watchlist: Watchlist, tmp_path: Path) -> None:
    detector = shipped("model", watchlist, tmp_path)
    found = match([make_post(t) for t in (CLEAR_THREAT, CLEAR_THREAT_2, BENIGN_MENTION)], Matcher(watchlist))

    threat, threat_2, benign = detector.detect([c for c in found if c is not None])

    assert threat.category in ("threat", "incitement") and threat.targets == ("reyes",)
    assert threat_2.category in ("threat", "incitement") and threat_2.targets == ("maddox",)
    assert any(e.kind == "target" for e in threat.evidence)
    assert benign.category == "none"
