"""Regenerate docs/model-card.md: evaluate the shipped detectors and write the card.

    python docs/make_model_card.py [--data ../shared/data]

Runs `threatline eval` logic on each evaluation set with each detector and writes the full reports
(markdown and precision-recall curve) under docs/eval/. The card adds figures measured elsewhere,
each kept as JSON under docs/eval/ by the script that measured it:

- `previous-detector.json`: the detector this one replaced (frozen MiniLM embedding + evidence
  features + logistic regression, behind a lexicon gate), measured on the same sets.
- `held-out.json`: `training/held_out_report.py` over `training/experiment.py` runs that left whole
  writers and whole styles out of training.
- `speed-scan.json`, `speed-classifier.json`: `benchmarks/scan_throughput.py --json` and
  `benchmarks/classifier_throughput.py --json`.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from threatline.config import Settings
from threatline.detect.model import BUNDLED
from threatline.detect.registry import MODEL_NAMES, load_detector
from threatline.detect.trainsets import bundled
from threatline.evaluate import evaluate
from threatline.report import write_report
from threatline.watchlist import load_watchlist

DOCS = Path(__file__).resolve().parent
EVAL = DOCS / "eval"
ROOT = DOCS.parent
SETS = {
    "contrast-dev": ("contrast/contrast-dev.jsonl", "contrast/watchlist-dev.toml"),
    "hatecheck-threats": ("hatecheck/threat-eval.jsonl", "hatecheck/watchlist.toml"),
}
OWN_SETS = {"generalize-dev": (ROOT / "eval/generalize/dev.jsonl", ROOT / "eval/generalize/watchlist.toml")}

FAILURE_MODES = """\
- **Matching comes first.** Only posts that mention the watchlist are classified. A misspelled name beyond
  one dropped or swapped letter, a nickname not listed as an alias, or a pronoun-only reference to a target
  named in an earlier post is not seen at all.
- **Threat versus incitement.** The boundary is blurry ("Death to all X", "someone should deal with her");
  both are flagged, but the category may differ from a human label.
- **Hard negatives still flagged.** Insults that mention weapons, violent idioms about bills and elections,
  hunting and sports talk full of violent words, and counter-speech that quotes a threat are the commonest
  false positives; the per-kind tables in `docs/eval/*/report.md` list them.
- **Group statements.** Positive intent phrased like a threat ("I'm going to hug the next X I meet") and
  negated calls ("no X deserves to die") are harder for the model than threats at a named person: on
  HateCheck it flags about a third of them, where the evidence baseline flags 7%.
- **Other entries beside a threat.** Each target is scored on its own, but an entry named in a friendly
  sentence next to a threat against another often crosses the threshold too; the threatened entry is listed
  first (targets are ordered by their own score).
- **Names that are words.** A protected name used as a common word ("killing frost", "frost heaves") is read
  as the person, and the sentence around it as aimed at them.
- **Long posts.** The whole post is read up to 256 tokens; beyond that only the sentences around each mention
  of a target are read, so a threat far from any mention that refers back to the target by pronoun is missed.
- **English only.** Posts in other languages are scored by an English model (see the multilingual issue).
- **Written data.** The hand-written corpus was written by several writers with different briefs, but all
  invented; real posts are messier. The held-out figures above measure writing the model never saw, and
  the evaluation sets were never used for training.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    settings = Settings.from_env()
    sets = {name: (args.data / posts, args.data / wl) for name, (posts, wl) in SETS.items()} | OWN_SETS
    rows = []
    for set_name, (posts, watchlist_file) in sets.items():
        watchlist = load_watchlist(watchlist_file)
        for detector_name in ("model", "evidence"):
            detector = load_detector(detector_name, watchlist, settings)
            result = evaluate(posts, watchlist, detector)
            write_report(result, EVAL / f"{set_name}-{detector_name}", f"{set_name} ({detector.version})")
            rows.append((set_name, detector_name, result.metrics))
    card = json.loads((BUNDLED / f"{MODEL_NAMES['model']}.json").read_text(encoding="utf-8"))
    (DOCS / "model-card.md").write_text(render(card, rows), encoding="utf-8")
    print(f"wrote {DOCS / 'model-card.md'}")


def _load(name: str) -> dict[str, Any]:
    path = EVAL / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def training_table() -> list[str]:
    lines = ["| set | posts | threat | incitement | exposure | none | styles |", "|---|---|---|---|---|---|---|"]
    for spec in bundled():
        data = [json.loads(line) for line in spec.data.read_text(encoding="utf-8").splitlines() if line.strip()]
        labels = Counter(row["label"] for row in data)
        styles = len({row.get("style") for row in data if row.get("style")})
        name = spec.name if spec.sample is None else f"{spec.name} (even sample of {spec.sample:,} by kind)"
        lines.append(f"| {name} | {len(data):,} | {labels['threat']:,} | {labels['incitement']:,} | "
                     f"{labels['exposure']:,} | {labels['none']:,} | {styles or 'n/a'} |")
    return lines


def render(card: dict[str, Any], rows: list[tuple[str, str, dict[str, Any]]]) -> str:
    previous, held, scan, classifier = (_load(n) for n in (
        "previous-detector.json", "held-out.json", "speed-scan.json", "speed-classifier.json"))
    lines = [
        "# Model card: Threatline detector",
        "",
        f"Generated by `python docs/make_model_card.py` on {datetime.now(UTC):%Y-%m-%d}. Do not edit by hand.",
        "",
        "## What it is",
        "",
        f"`{card['name']}` (trained {card['trained_at']}, {card.get('epochs', '?')} epochs over "
        f"{card.get('examples', '?'):,} examples): all-MiniLM-L6-v2 fine-tuned end to end as a four-way classifier",
        "(threat, incitement, exposure, none), exported to ONNX with int8 weights and run by ONNX Runtime, without",
        "PyTorch. Each target a post names is scored on its own: the target's mentions are replaced by a placeholder",
        "of its kind and the watchlist's private facts are marked, so the model reads violence aimed at *the marked",
        "target*. A long post is also read in windows around each mention; a target's risk (1 - P(none)) is the",
        f"highest over its windows, and the post is flagged when it reaches {card['threshold']}. No word list can",
        "veto the model: the linguistic evidence (`detect/evidence.py`) explains findings, and occlusion adds the",
        "words the model relied on (removing them lowers its score), shown as `model` spans.",
        "",
        "`--detector evidence` is a logistic regression over the linguistic evidence features alone: the baseline.",
        "",
        "## Training data",
        "",
        "Written one by one by seven writers with different briefs (platforms, ages, dialects, anger, literacy,",
        "emoji habits; see `src/threatline/detect/corpus/handwritten/README.md`), each with their own invented",
        "watchlist, plus an even sample of the generated corpus (`training/generate_corpus.py`) and joined pairs",
        "of posts about two targets, one threatened and one not. No evaluation file was used for training.",
        "",
        *training_table(),
        "",
        "## Figures on the evaluation sets",
        "",
        "| evaluation set | detector | threat+incitement recall | exposure recall | flag precision "
        "| false-positive rate on `none` |",
        "|---|---|---|---|---|---|",
    ]
    for set_name, detector_name, m in rows:
        lines.append(_row(set_name, detector_name, m))
    for set_name, m in previous.get("sets", {}).items():
        if set_name in sets_measured(rows):
            lines.append(_row(set_name, "previous (frozen embedding + LR)", m))
    lines += [
        "",
        "Targets: contrast-dev threat+incitement recall >= 0.95, exposure >= 0.95, no false positive; HateCheck",
        "threats recall >= 0.95 at a false-positive rate <= 0.05; generalize-dev recall >= 0.90 at <= 0.03.",
        "",
        "- `contrast-dev`: hand-written invented posts with a watchlist (`../shared/data/contrast/`).",
        "- `hatecheck-threats`: HateCheck's threat cases and their non-hateful contrasts (Röttger et al.,",
        "  ACL-IJCNLP 2021, CC BY 4.0).",
        "- `generalize-dev`: 420 posts with their own watchlist, written for this evaluation by a writer who never",
        "  saw the training data or the code (`eval/generalize/`).",
        f"- previous: {previous.get('detector', 'n/a')}, measured on the same files at commit "
        f"{previous.get('commit', 'n/a')}.",
        "",
        "Full reports with precision-recall curves and false positives by kind of post: `docs/eval/`.",
        "",
    ]
    lines += held_out(held, previous)
    lines += speed(scan, classifier)
    lines += ["## Known failure modes", "", FAILURE_MODES]
    return "\n".join(lines)


def sets_measured(rows: list[tuple[str, str, dict[str, Any]]]) -> set[str]:
    return {set_name for set_name, _, _ in rows}


def held_out(held: dict[str, Any], previous: dict[str, Any]) -> list[str]:
    if not held:
        return []
    lines = [
        "## Writing the model never saw",
        "",
        "Models trained without whole writers, or without whole styles (every writer's posts of those styles),",
        f"scored on what was left out at threshold {held['threshold']} (runs: {', '.join(held['runs'])}).",
        *(f"- {note}" for note in held.get("notes", [])),
        "",
        "| held-out writer | threat+incitement recall (posts) | exposure recall (posts) | false-positive rate "
        "(lawful posts) | previous detector (recall / FPR) |",
        "|---|---|---|---|---|",
    ]
    for writer, f in sorted(held["writers"].items()):
        old = previous.get("sets", {}).get(f"writer-{writer}", {})
        lines.append(f"| {writer} ({f['rows']} posts) | {_n(f, 'threat_or_incitement')} | "
                     f"{_n(f, 'exposure')} | {_n(f, 'none', 'false_positive_rate')} | "
                     f"{_f(old.get('threat_or_incitement_recall'))} / {_f(old.get('none_false_positive_rate'))} |")
    if held.get("styles"):
        lines += [
            "",
            "Leave-styles-out: each style below was held out of training (in folds of about a quarter of the",
            "styles) and scored on the model trained without it.",
            "",
            "| held-out style | posts | threat+incitement recall (posts) | exposure recall (posts) "
            "| false-positive rate (lawful posts) |",
            "|---|---|---|---|---|",
        ]
        for style, f in held["styles"].items():
            lines.append(f"| {style} | {f['rows']} | {_n(f, 'threat_or_incitement')} | "
                         f"{_n(f, 'exposure')} | {_n(f, 'none', 'false_positive_rate')} |")
    return [*lines, ""]


def speed(scan: dict[str, Any], classifier: dict[str, Any]) -> list[str]:
    lines = ["## Speed", "", "Measured on this project's 2-core machine by the scripts in `benchmarks/`.", ""]
    if scan:
        lines.append(f"- `threatline scan` of {scan['posts']:,} posts, {scan['relevant']:,} mentioning the watchlist: "
                     f"{scan['total_seconds']:.1f} s from loading the watchlist to the last finding stored, the "
                     f"classifier's load included (the Python interpreter's own start, about 0.6 s, is not), "
                     f"peak memory {scan['peak_rss_mib']:,.0f} MiB.")
    if classifier:
        lines.append(f"- The classifier alone: {classifier['posts_per_second']:,.0f} relevant posts/s "
                     f"({classifier['threatening']:.0%} of them threatening, mean {classifier['characters']:.0f} "
                     f"characters), model load {classifier['load_seconds']:.2f} s.")
    return [*lines, ""]


def _row(set_name: str, detector_name: str, m: dict[str, Any]) -> str:
    exposure = m.get("per_category", {}).get("exposure", {})
    exposure_recall = exposure.get("recall") if exposure.get("support") else m.get("exposure_recall")
    return (f"| {set_name} | {detector_name} | {_f(m.get('threat_or_incitement_recall'))} | {_f(exposure_recall)} | "
            f"{_f(m.get('flagged_precision'))} | {_f(m.get('none_false_positive_rate'))} |")


def _n(figures: dict[str, Any], rows: str, rate: str = "") -> str:
    """A rate with the number of posts it is over: "0.812 (48)"."""
    return f"{_f(figures[rate or rows + '_recall'])} ({figures[rows]})"


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
