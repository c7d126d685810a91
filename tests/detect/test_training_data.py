"""The training data: never the evaluation data, and every row usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from threatline.detect.trainsets import bundled

ROOT = Path(__file__).resolve().parents[2]
EVALUATION = [
    ROOT / "eval" / "generalize" / "dev.jsonl",
    ROOT.parent / "shared" / "data" / "contrast" / "contrast-dev.jsonl",
    ROOT.parent / "shared" / "data" / "hatecheck" / "threat-eval.jsonl",
]


def _texts(path: Path) -> set[str]:
    return {json.loads(line)["text"].strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line}


@pytest.mark.parametrize("evaluation", [p for p in EVALUATION if p.exists()], ids=lambda p: p.name)
def test_no_training_post_is_an_evaluation_post(evaluation: Path) -> None:
    training = set().union(*(_texts(spec.data) for spec in bundled()))

    assert not training & _texts(evaluation)


@pytest.mark.parametrize("spec", [s for s in bundled() if s.sample is None], ids=lambda s: s.name)
def test_every_hand_written_post_is_labelled_and_names_its_target(spec) -> None:  # type: ignore[no-untyped-def]
    labelled = spec.load()
    rows = [json.loads(line) for line in spec.data.read_text(encoding="utf-8").splitlines() if line]

    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["label"] for row in rows} == {"threat", "incitement", "exposure", "none"}
    # A few posts misspell the name on purpose, past what the matcher undoes; no more than that.
    assert labelled.unmatched <= len(rows) * 0.01
    ids = {entry.id for entry in labelled.watchlist.entries}
    assert all(row["target"] in ids for row in rows)
