"""`eval` metrics and the markdown report: labelled rows in, figures and a curve out."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fixtures import RuleDetector
from threatline.evaluate import evaluate
from threatline.report import write_report
from threatline.watchlist import Watchlist

ROWS = [
    ("a", "I will kill Dana Reyes", "threat", "direct_threat"),
    ("b", "Reyes lives at 12 Alder Lane", "exposure", "doxxing"),
    ("c", "Maddox should resign", "none", "criticism"),
    ("d", "Maddox, this paperwork will kill me", "none", "hyperbole"),
    ("e", "Someone should burn Northgate", "incitement", "call_to_violence"),
    ("f", "Nice weather today", "none", "unrelated"),
]


def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": t, "label": lab, "category": c}) + "\n" for i, t, lab, c in ROWS)
    )
    return path


def test_metrics_per_category_and_false_positives_by_kind(tmp_path: Path, watchlist: Watchlist) -> None:
    result = evaluate(labelled(tmp_path), watchlist, RuleDetector())
    metrics = result.metrics
    assert metrics["per_category"]["threat"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert metrics["per_category"]["incitement"]["recall"] == 0.0
    assert metrics["threat_or_incitement_recall"] == 0.5
    assert metrics["none_false_positives_by_kind"]["hyperbole"] == {"flagged": 1, "rows": 1}
    assert metrics["none_false_positive_rate"] == round(1 / 3, 4)


def test_predictions_cover_every_row_in_order(tmp_path: Path, watchlist: Watchlist) -> None:
    out = tmp_path / "predictions.jsonl"
    with out.open("w") as handle:
        evaluate(labelled(tmp_path), watchlist, RuleDetector(), handle)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == [row[0] for row in ROWS]
    assert set(lines[0]) == {"id", "flagged", "category", "score", "targets"}
    assert lines[-1] == {"id": "f", "flagged": False, "category": "none", "score": 0.0, "targets": []}


def test_the_report_is_markdown_with_a_precision_recall_curve(tmp_path: Path, watchlist: Watchlist) -> None:
    result = evaluate(labelled(tmp_path), watchlist, RuleDetector())
    report = write_report(result, tmp_path / "report", "labelled.jsonl")
    text = report.read_text()
    assert "| threat | 0.500 | 1.000 | 0.667 | 1 |" in text
    assert "| hyperbole | 1 | 1 |" in text
    png = (tmp_path / "report" / "precision-recall.png").read_bytes()
    assert png.startswith(b"\x89PNG")


def test_the_curve_has_a_point_for_every_distinct_score() -> None:
    from threatline.evaluate import Evaluation
    from threatline.labels import Label
    from threatline.pipeline import RunStats, Verdict
    from threatline.report import pr_curve

    verdicts = [Verdict("a", "s", True, "threat", 0.99996, ()), Verdict("b", "s", True, "none", 0.4, ())]
    labels = {"a": Label("threat", "direct"), "b": Label("none", "criticism")}
    thresholds, precision, recall = pr_curve(Evaluation(verdicts, labels, RunStats()))
    assert thresholds == [0.99996, 0.4]
    assert precision == [1.0, 0.5]
    assert recall == [1.0, 1.0]
