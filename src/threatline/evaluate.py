"""`threatline eval`: run labelled rows through the real pipeline and measure it.

Nothing is stored: the sink collects verdicts in memory. Metrics follow what an analyst cares
about: recall per category (was every threat caught?), precision (is the queue clean?), and the
false-positive rate on lawful speech, broken down by the kind of post (criticism, protest,
news...), because a tool that flags protest is worse than useless.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .detect.base import FLAGGED, Detector
from .labels import Label, read_labels
from .pipeline import RunStats, Verdict, run
from .posts import ReadStats, SkipHandler, read_posts
from .watchlist import Watchlist

VIOLENCE = ("threat", "incitement")


class PredictionsSink:
    """Keeps each verdict's id and numbers (never text), and optionally writes them as JSONL."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out
        self.verdicts: list[Verdict] = []

    def write(self, verdicts: Sequence[Verdict], stats: RunStats) -> None:
        for verdict in verdicts:
            self.verdicts.append(verdict)
            if self.out is not None:
                self.out.write(json.dumps(prediction(verdict)) + "\n")


def prediction(verdict: Verdict) -> dict[str, Any]:
    return {
        "id": verdict.post_id,
        "flagged": verdict.flagged,
        "category": verdict.category,
        "score": round(verdict.score, 4),
        "targets": list(verdict.targets),
    }


@dataclass
class Evaluation:
    verdicts: list[Verdict]
    labels: dict[str, Label]
    stats: RunStats
    metrics: dict[str, Any] = field(default_factory=dict)


def evaluate(
    path: Path,
    watchlist: Watchlist,
    detector: Detector,
    predictions: TextIO | None = None,
    on_skip: SkipHandler | None = None,
) -> Evaluation:
    reading = ReadStats()
    sink = PredictionsSink(predictions)
    stats = run(read_posts([path], reading, on_skip), watchlist, detector, sink)
    stats.add_reading(reading)
    labels = read_labels(path)
    evaluation = Evaluation(sink.verdicts, labels, stats)
    if labels:
        evaluation.metrics = metrics(sink.verdicts, labels)
    return evaluation


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def metrics(verdicts: Sequence[Verdict], labels: dict[str, Label]) -> dict[str, Any]:
    pairs = [(v, labels[v.post_id]) for v in verdicts if v.post_id in labels]
    per_category = {}
    for category in FLAGGED:
        tp = sum(1 for v, gold in pairs if v.category == category and gold.label == category)
        fp = sum(1 for v, gold in pairs if v.category == category and gold.label != category)
        fn = sum(1 for v, gold in pairs if v.category != category and gold.label == category)
        per_category[category] = {**_prf(tp, fp, fn), "support": tp + fn}
    violent = [(v, g) for v, g in pairs if g.label in VIOLENCE]
    caught_violent = sum(1 for v, _ in violent if v.category in VIOLENCE)
    positives = [(v, g) for v, g in pairs if g.label != "none"]
    flagged = [(v, g) for v, g in pairs if v.flagged]
    none_rows = [(v, g) for v, g in pairs if g.label == "none"]
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for v, gold in none_rows:
        by_kind[gold.kind][0] += int(v.flagged)
        by_kind[gold.kind][1] += 1
    confusion = Counter((gold.label, v.category) for v, gold in pairs)
    return {
        "rows": len(pairs),
        "per_category": per_category,
        "threat_or_incitement_recall": round(caught_violent / len(violent), 4) if violent else None,
        "flagged_recall": round(sum(1 for v, _ in positives if v.flagged) / len(positives), 4) if positives else None,
        "flagged_precision": round(sum(1 for _, g in flagged if g.label != "none") / len(flagged), 4)
        if flagged
        else None,
        "none_false_positive_rate": round(sum(f for f, _ in by_kind.values()) / len(none_rows), 4)
        if none_rows
        else None,
        "none_false_positives_by_kind": {k: {"flagged": f, "rows": n} for k, (f, n) in sorted(by_kind.items())},
        "confusion": {f"{gold}->{predicted}": n for (gold, predicted), n in sorted(confusion.items())},
    }
