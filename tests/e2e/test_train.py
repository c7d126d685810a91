"""`threatline train` fine-tunes the classifier on a user's labelled posts, and scans then use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import Cli

pytest.importorskip("torch", reason="fine-tuning needs the `train` extra; .ci/run installs it")

ROWS = [
    ("threat", "I will shoot Maddox when he leaves the council chamber tonight"),
    ("threat", "Maddox is going to end up in a ditch, I promise you that"),
    ("incitement", "Somebody needs to put Maddox in the ground"),
    ("exposure", "Maddox lives at 9 Quill Street, go knock"),
    ("none", "Maddox gave a decent speech about the library budget"),
    ("none", "Vote Maddox out in November, his housing record is a disgrace"),
    ("none", "Maddox's bill is dead on arrival, kill it in committee"),
    ("none", "Great turnout at the Maddox town hall, thanks everyone"),
]


def test_a_classifier_fine_tuned_on_a_users_file_is_the_one_scans_use(cli: Cli, watchlist_path: Path,
                                                                       tmp_path: Path) -> None:
    """Trained into the data directory, where `scan` and `eval` look before the bundled model."""
    data = tmp_path / "mine.jsonl"
    data.write_text("".join(json.dumps({"id": f"r{i}", "text": t, "label": label}) + "\n"
                            for i, (label, t) in enumerate(ROWS * 3)))
    model_dir = cli.data_dir / "model"

    trained = cli("train", "--data", str(data), "--watchlist", str(watchlist_path), "--detector", "model",
                  "--epochs", "1")

    assert trained.exit_code == 0, trained.output
    assert "fine-tuned on 24 examples" in trained.output
    card = json.loads((model_dir / "threatline-classifier.json").read_text())
    assert card["training_data"] == ["mine.jsonl"] and card["classes"] == ["threat", "incitement", "exposure", "none"]
    assert (model_dir / "threatline-classifier.onnx").exists() and (model_dir / "tokenizer.json").exists()

    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "p1", "text": "Maddox will pay for this on Friday", "label": "threat"}) + "\n")
    evaluated = cli("eval", str(posts), "--watchlist", str(watchlist_path))

    assert evaluated.exit_code == 0, evaluated.output
    assert f"threatline-classifier@{card['trained_at']}" in evaluated.output


def test_train_without_pytorch_says_how_to_install_it(cli: Cli, watchlist_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    data = tmp_path / "mine.jsonl"
    data.write_text(json.dumps({"id": "1", "text": "Maddox is fine", "label": "none"}) + "\n")
    monkeypatch.setitem(sys.modules, "torch", None)

    result = cli("train", "--data", str(data), "--watchlist", str(watchlist_path), "--detector", "model")

    assert result.exit_code == 2
    assert "pip install torch==2.13.0 -e '.[train]'" in result.output
