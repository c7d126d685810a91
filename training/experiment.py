"""Fine-tune the classifier on chosen training sets and score it on the evaluation sets.

    python training/experiment.py --out /tmp/run1 [--hold-out wc] [--hold-out-styles slang,emoji_heavy]
                                  [--epochs 3] [--generated 4000]

Trains on the hand-written corpus (every writer but the held-out ones, every style but the held-out
ones) plus an even sample of the generated corpus, exports the ONNX classifier to --out, then
evaluates it at threshold 0 on every evaluation set and on what was held out, and prints recall and
false-positive rate over a range of thresholds, so the shipped threshold is chosen by a stated rule
on data the model never saw. Scores are kept in --out/scores.json.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from threatline.detect.classifier import Classifier
from threatline.detect.classify import ClassifierDetector
from threatline.detect.finetune import FineTuning, export, fine_tune
from threatline.detect.trainsets import GENERATED_SAMPLE, TrainingSet, bundled, training_examples
from threatline.evaluate import evaluate
from threatline.watchlist import load_watchlist

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EVALS = {
    "contrast-dev": (SHARED / "contrast" / "contrast-dev.jsonl", SHARED / "contrast" / "watchlist-dev.toml"),
    "hatecheck": (SHARED / "hatecheck" / "threat-eval.jsonl", SHARED / "hatecheck" / "watchlist.toml"),
    "generalize-dev": (ROOT / "eval" / "generalize" / "dev.jsonl", ROOT / "eval" / "generalize" / "watchlist.toml"),
}
NAME = "threatline-classifier"


def writers() -> dict[str, tuple[Path, Path]]:
    return {s.name: (s.data, s.watchlist) for s in bundled() if s.sample is None}


def split_styles(sets: list[TrainingSet], styles: set[str], folder: Path) -> tuple[list[TrainingSet], dict]:
    """The training sets without the rows of `styles`, and those rows as evaluation sets."""
    folder.mkdir(parents=True, exist_ok=True)
    kept, held = [], {}
    for spec in sets:
        if spec.sample is not None:
            kept.append(spec)
            continue
        rows = [json.loads(line) for line in spec.data.read_text(encoding="utf-8").splitlines() if line.strip()]
        train_path, test_path = folder / f"{spec.name}-train.jsonl", folder / f"{spec.name}-styles.jsonl"
        train_path.write_text("".join(json.dumps(r) + "\n" for r in rows if r.get("style") not in styles))
        test_rows = [r for r in rows if r.get("style") in styles]
        test_path.write_text("".join(json.dumps(r) + "\n" for r in test_rows))
        kept.append(replace(spec, data=train_path))
        if test_rows:
            held[f"styles-{spec.name}"] = (test_path, spec.watchlist)
    return kept, held


def score(directory: Path, sets: dict[str, tuple[Path, Path]]) -> dict[str, list[tuple[str, str, float, str]]]:
    """Per set: (id, gold label, risk, predicted category at threshold 0) for each labelled row."""
    classifier = Classifier(directory, NAME)
    classifier.threshold = 0.0
    results = {}
    for name, (data, watchlist_path) in sets.items():
        if not data.exists():
            continue
        watchlist = load_watchlist(watchlist_path)
        evaluation = evaluate(data, watchlist, ClassifierDetector(watchlist, classifier))
        by_id = {v.post_id: v for v in evaluation.verdicts}
        rows = []
        for post_id, label in evaluation.labels.items():
            verdict = by_id.get(post_id)
            rows.append((post_id, label.label, verdict.score if verdict else 0.0,
                         verdict.category if verdict else "none"))
        results[name] = rows
    return results


def summary(rows: list[tuple[str, str, float, str]], threshold: float) -> str:
    violent = [r for r in rows if r[1] in ("threat", "incitement")]
    exposure = [r for r in rows if r[1] == "exposure"]
    none = [r for r in rows if r[1] == "none"]
    caught = sum(1 for r in violent if r[2] >= threshold and r[3] in ("threat", "incitement"))
    shown = sum(1 for r in exposure if r[2] >= threshold)
    fp = sum(1 for r in none if r[2] >= threshold)
    return (f"t={threshold:.2f} threat+inc recall {caught}/{len(violent)} "
            f"exposure {shown}/{len(exposure)} FP {fp}/{len(none)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--hold-out", action="append", default=[])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--generated", type=int, default=GENERATED_SAMPLE)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hold-out-styles", default="")
    parser.add_argument("--eval-only", action="store_true")
    args = parser.parse_args()
    sets = [replace(s, sample=args.generated) if s.sample else s for s in bundled() if s.name not in args.hold_out]
    styles = {s for s in args.hold_out_styles.split(",") if s}
    sets, held = split_styles(sets, styles, args.out / "split") if styles else (sets, {})
    if not args.eval_only:
        started = time.monotonic()
        train_on = training_examples([(s, s.load()) for s in sets], args.seed)
        print(f"{len(train_on)} examples", flush=True)
        network = fine_tune(train_on, FineTuning(args.epochs, 16, args.learning_rate, args.seed),
                            lambda line: print(line, flush=True))
        export(network, args.out, NAME, {"threshold": 0.5, "examples": len(train_on)})
        print(f"trained in {time.monotonic() - started:.0f} s", flush=True)
    evals = dict(EVALS)
    evals.update({f"writer-{w}": writers()[w] for w in args.hold_out})
    evals.update(held)
    results = score(args.out, evals)
    (args.out / "scores.json").write_text(json.dumps(results))
    for name, rows in results.items():
        print(name)
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            print("  " + summary(rows, threshold))


if __name__ == "__main__":
    main()
