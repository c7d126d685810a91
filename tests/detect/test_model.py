"""The shipped detector: what it flags, what it leaves alone, and why (the bundled model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from threatline.config import Settings
from threatline.detect.base import Detector
from threatline.detect.model import TrainedModel
from threatline.detect.registry import load_detector
from threatline.detect.train import load_labelled, train
from threatline.match import Candidate, Matcher
from threatline.posts import Post
from threatline.watchlist import Entry, Watchlist

WATCHLIST = Watchlist(
    (
        Entry(
            "person",
            "vance",
            "Priya Vance",
            ("Judge Vance", "Vance"),
            role="Judge",
            private=("91 Hollyhock Drive, Tremont", "555-0119"),
        ),
        Entry("facility", "clinic", "Tremont Clinic", ("the clinic",), address="500 Fifth Street, Tremont"),
        Entry("organization", "cbp", "Customs and Border Protection", ("CBP", "border agents")),
    )
)
matcher = Matcher(WATCHLIST)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return load_detector("model", WATCHLIST, Settings(model_path=None, data_dir=Path("/nonexistent")))


def detect(detector: Detector, text: str):  # type: ignore[no-untyped-def]
    return detector.detect([Candidate(Post("1", text), tuple(matcher.find(text)))])[0]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm going to shoot Judge Vance outside the courthouse on Friday.", "threat"),
        ("Someone needs to put a bullet in Judge Vance.", "incitement"),
        ("Judge Vance lives at 91 hollyhock dr. Pay her a visit.", "exposure"),
    ],
)
def test_clear_threats_incitement_and_doxxing_are_flagged(detector: Detector, text: str, category: str) -> None:
    found = detect(detector, text)
    assert found.category == category
    assert 0.5 <= found.score <= 1.0
    assert found.targets == ("vance",)


@pytest.mark.parametrize(
    "text",
    [
        "Judge Vance is a coward and should resign.",
        "Rally outside the clinic Saturday at 10, bring signs and keep it peaceful.",
        "Police arrested a man who threatened to shoot Judge Vance.",
        "The clinic is at 500 Fifth Street, Tremont, open 8 to 6.",
        "CBP wait times are killing me lol",
        "I'm going to hug a border agent tomorrow, they saved my cousin.",
        "No one should ever hurt Judge Vance.",
    ],
)
def test_lawful_speech_is_left_alone(detector: Detector, text: str) -> None:
    assert detect(detector, text).category == "none"


def test_every_finding_carries_its_evidence_with_reasons(detector: Detector) -> None:
    text = "Tomorrow night I'm bringing my rifle to the clinic and Judge Vance will be dead."
    found = detect(detector, text)
    kinds = {e.kind for e in found.evidence}
    assert {"target", "violence", "time", "means"} <= kinds
    assert all(text[e.start : e.end] == e.text and e.reason for e in found.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Judge Vance better hope her will is up to date. See you Friday 🪦",
        "Bringing the AR and six mags to the clinic Monday. Plates on.",
        "Whoever takes care of Judge Vance for good gets $5k from me. You know what I mean.",
    ],
)
def test_a_finding_the_word_lists_cannot_explain_shows_the_words_the_model_relied_on(
    detector: Detector, text: str
) -> None:
    found = detect(detector, text)

    assert found.flagged
    relied = [e for e in found.evidence if e.kind == "model"]
    assert relied, "every finding highlights at least one span with a reason"
    assert all(text[e.start : e.end] == e.text and "relied on" in e.reason for e in relied)


def test_one_threatening_sentence_buried_in_a_long_post_is_found_with_its_target(detector: Detector) -> None:
    filler = (
        "The budget hearing ran long again and the parking situation downtown is still a mess. "
        "My neighbour thinks the new bus schedule is an improvement, I am not so sure. "
    )
    text = filler * 8 + "I am going to shoot Judge Vance on the courthouse steps on Friday. " + filler * 8

    found = detect(detector, text)

    assert len(text) > 2000
    assert found.category == "threat"
    assert found.targets == ("vance",)


@pytest.mark.parametrize(
    ("text", "threatened"),
    [
        ("The clinic nurses were so kind to my mother. Judge Vance, I will put a bullet in you.", "vance"),
        ("I'm going to burn down the clinic tonight. Judge Vance did a great job at the hearing.", "clinic"),
    ],
)
def test_each_target_is_scored_on_its_own_and_the_threatened_one_leads(
    detector: Detector, text: str, threatened: str
) -> None:
    """Targets are ordered by their own score. (Other entries named beside a threat may still cross the
    threshold: the model card lists this as a known failure.)"""
    found = detect(detector, text)

    assert found.flagged
    assert found.targets[0] == threatened


@pytest.mark.parametrize("text", ["", "🔪💀⚰️🔫", "Vance " + "x" * 100_000, "🔪 Vance 💀" * 2000])
def test_empty_emoji_only_and_huge_posts_are_scored_without_error(detector: Detector, text: str) -> None:
    found = detect(detector, text)

    assert found.category in ("threat", "incitement", "exposure", "none")
    assert 0.0 <= found.score <= 1.0


def test_a_model_trained_on_a_users_labelled_file_loads_and_detects(tmp_path: Path) -> None:
    rows = [
        ("threat", "I will kill Vance tomorrow"),
        ("threat", "Vance is dead meat, I'll shoot her"),
        ("none", "Vance gave a fine speech"),
        ("none", "Vote Vance out in November"),
        ("exposure", "Vance lives at 91 Hollyhock Drive, go see her"),
        ("incitement", "Someone should hang Vance"),
    ]
    data = tmp_path / "mine.csv"
    data.write_text("id,text,label\n" + "".join(f'{i},"{t}",{label}\n' for i, (label, t) in enumerate(rows * 5)))
    model = train([load_labelled(data, WATCHLIST)], "threatline-evidence")
    model.save(tmp_path / "model")
    loaded = TrainedModel.load(tmp_path / "model", "threatline-evidence")
    assert loaded.card["examples"] == {"threat": 10, "none": 10, "exposure": 5, "incitement": 5}
    evidence_only = load_detector("evidence", WATCHLIST, Settings(model_path=tmp_path / "model"))
    assert detect(evidence_only, "I will shoot Vance tomorrow").flagged
