"""Figures on held-out data from `training/experiment.py` runs, for the model card.

    python training/held_out_report.py RUN_DIR [RUN_DIR ...] --threshold 0.5 --out docs/eval/held-out.json

Each run directory holds `scores.json` from a model trained without some writers or some styles.
This collects, at the shipped threshold, the recall and false-positive rate on every held-out
writer (`writer-*` sets) and on every held-out style (`styles-*` sets, broken down by each row's
`style` in the hand-written files), so the card can say how the model does on writing it never saw.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from threatline.detect.trainsets import bundled

VIOLENT = ("threat", "incitement")


def styles() -> dict[str, str]:
    found = {}
    for spec in bundled():
        if spec.sample is None:
            for line in spec.data.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    found[str(row["id"])] = row.get("style", "")
    return found


def figures(rows: list[list], threshold: float) -> dict[str, float | int | None]:
    violent = [r for r in rows if r[1] in VIOLENT]
    exposure = [r for r in rows if r[1] == "exposure"]
    none = [r for r in rows if r[1] == "none"]
    caught = sum(1 for r in violent if r[2] >= threshold and r[3] in VIOLENT)
    return {
        "rows": len(rows),
        "threat_or_incitement": len(violent),
        "threat_or_incitement_recall": round(caught / len(violent), 4) if violent else None,
        "exposure": len(exposure),
        "exposure_recall": round(sum(1 for r in exposure if r[2] >= threshold) / len(exposure), 4)
        if exposure
        else None,
        "none": len(none),
        "false_positive_rate": round(sum(1 for r in none if r[2] >= threshold) / len(none), 4) if none else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--note", action="append", default=[], help="how a run was made, for the card (repeatable)")
    args = parser.parse_args()
    style_of = styles()
    writers: dict[str, dict] = {}
    by_style: dict[str, list[list]] = defaultdict(list)
    for run in args.runs:
        for name, rows in json.loads((run / "scores.json").read_text(encoding="utf-8")).items():
            if name.startswith("writer-"):
                writers[name.removeprefix("writer-")] = figures(rows, args.threshold)
            elif name.startswith("styles-"):
                for row in rows:
                    by_style[style_of.get(row[0], "")].append(row)
    report = {
        "threshold": args.threshold,
        "runs": [run.name for run in args.runs],
        "notes": args.note,
        "writers": writers,
        "styles": {style: figures(rows, args.threshold) for style, rows in sorted(by_style.items())},
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(writers)} held-out writers, {len(report['styles'])} held-out styles")


if __name__ == "__main__":
    main()
