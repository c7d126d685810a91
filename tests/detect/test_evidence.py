"""Linguistic evidence: the cues found, their spans, and violence the speaker disowns."""

import pytest

from threatline.detect.evidence import FEATURES, EvidenceExtractor
from threatline.match import Candidate, Matcher
from threatline.posts import Post
from threatline.watchlist import Entry, Watchlist

WATCHLIST = Watchlist(
    (
        Entry("person", "calloway", "Teresa Calloway", ("Judge Calloway", "Calloway"), role="Judge"),
        Entry("organization", "nurses", "Nurses", ("nurses", "nurse")),
    )
)
extractor = EvidenceExtractor(WATCHLIST)
matcher = Matcher(WATCHLIST)


def analyze(text: str):  # type: ignore[no-untyped-def]
    return extractor.analyze(Candidate(Post("1", text), tuple(matcher.find(text))))


def kinds(text: str) -> set[str]:
    return {e.kind for e in analyze(text).evidence}


def feature(text: str, name: str) -> float:
    return float(analyze(text).features[FEATURES.index(name)])


def test_a_specific_threat_shows_intent_act_target_time_place_and_means() -> None:
    found = kinds("Tomorrow night I'm bringing my rifle to Judge Calloway's house and I will shoot her.")
    assert {"target", "intent", "violence", "time", "place", "means"} <= found


def test_every_span_points_at_its_text() -> None:
    text = "Somebody should put Calloway in the ground, any volunteers?"
    for item in analyze(text).evidence:
        assert text[item.start : item.end] == item.text
        assert item.reason


def test_the_target_is_named_with_its_watchlist_name() -> None:
    targets = [e for e in analyze("calloway is a disgrace").evidence if e.kind == "target"]
    assert targets[0].reason == "names a protected person (Teresa Calloway)"


@pytest.mark.parametrize(
    ("text", "disowned_by"),
    [
        ("No nurse deserves to die for doing her job.", "violence_negated"),
        ('He was banned for writing "kill all nurses" and good riddance.', "violence_in_quotes"),
        ("A man was arrested for threatening to kill Judge Calloway.", "violence_reported"),
        ("In the game my character shot Calloway's avatar off the roof.", "violence_in_fiction"),
    ],
)
def test_violence_the_speaker_disowns_is_marked(text: str, disowned_by: str) -> None:
    assert feature(text, disowned_by) == 1.0
    assert feature(text, "violence_all_disowned") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "I'm not joking, I will kill Judge Calloway.",
        "I'm not leaving the courthouse until Calloway is dead.",
        "Why don't we just get rid of nurses once and for all?",
    ],
)
def test_a_negation_elsewhere_in_the_sentence_does_not_disown_the_threat(text: str) -> None:
    assert feature(text, "violence_all_disowned") == 0.0


def test_hyperbole_and_lawful_action_are_evidence_too() -> None:
    assert "hyperbole" in kinds("Judge Calloway's ruling is killing me lol")
    assert "lawful" in kinds("File a complaint and vote Calloway out in November.")
