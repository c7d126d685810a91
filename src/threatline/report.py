"""`threatline eval --report DIR`: a markdown report with a precision-recall curve.

The curve treats "flagged" as the positive class (threat, incitement or exposure) and sweeps the
detector's risk score, so it shows what moving the threshold would cost in recall or precision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .evaluate import Evaluation


def pr_curve(evaluation: Evaluation) -> tuple[list[float], list[float], list[float]]:
    pairs = [
        (v.score, evaluation.labels[v.post_id].label != "none")
        for v in evaluation.verdicts
        if v.post_id in evaluation.labels
    ]
    positives = sum(1 for _, positive in pairs if positive)
    thresholds = sorted({score for score, _ in pairs if score > 0}, reverse=True)
    precision, recall = [], []
    for threshold in thresholds:
        flagged = [positive for score, positive in pairs if score >= threshold]
        caught = sum(flagged)
        precision.append(caught / len(flagged))
        recall.append(caught / positives if positives else 0.0)
    return thresholds, precision, recall


def write_report(evaluation: Evaluation, directory: Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    directory.mkdir(parents=True, exist_ok=True)
    thresholds, precision, recall = pr_curve(evaluation)
    figure, axes = plt.subplots(figsize=(5, 4), dpi=120)
    axes.plot(recall, precision, marker=".", linewidth=1)
    axes.set_xlabel("recall (flagged)")
    axes.set_ylabel("precision")
    axes.set_xlim(0, 1.02)
    axes.set_ylim(0, 1.02)
    axes.set_title(title, fontsize=9)
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(directory / "precision-recall.png")
    plt.close(figure)
    report = directory / "report.md"
    report.write_text(markdown(evaluation, title), encoding="utf-8")
    return report


def markdown(evaluation: Evaluation, title: str) -> str:
    m: dict[str, Any] = evaluation.metrics
    lines = [f"# Evaluation: {title}", "", f"Rows evaluated: {m['rows']}.", ""]
    lines += ["| category | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for category, row in m["per_category"].items():
        lines.append(
            f"| {category} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |"
        )
    lines += [
        "",
        f"- Threat or incitement recall (either category): {_fmt(m['threat_or_incitement_recall'])}",
        f"- Recall of any flag on labelled positives: {_fmt(m['flagged_recall'])}",
        f"- Precision of flags: {_fmt(m['flagged_precision'])}",
        f"- False-positive rate on `none` rows: {_fmt(m['none_false_positive_rate'])}",
        "",
        "## False positives on lawful speech, by kind of post",
        "",
        "| kind | flagged | rows |",
        "|---|---|---|",
    ]
    lines += [f"| {kind} | {v['flagged']} | {v['rows']} |" for kind, v in m["none_false_positives_by_kind"].items()]
    lines += ["", "## Confusion (gold -> predicted)", "", "| pair | rows |", "|---|---|"]
    lines += [f"| {pair} | {n} |" for pair, n in m["confusion"].items()]
    lines += ["", "## Precision-recall curve", "", "![precision-recall](precision-recall.png)", ""]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
