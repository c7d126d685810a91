"""Classifier throughput: relevant posts per second through the shipped detector.

Every post here mentions the watchlist, so each one reaches the detector: evidence extraction,
the fine-tuned classifier for each target and window, and, for flagged posts, the occlusion probes
that find the words the model relied on. Prints the figure and where the time goes.

The posts come from the generated training corpus, with `--threatening` setting the share of
threats, incitement and doxxing among them. Flagged posts cost more (their explanation), so the
share matters: real traffic about a watchlist is mostly lawful (0.1 is already pessimistic), while
0.5 is a stress case.

    python benchmarks/classifier_throughput.py [--posts 3000] [--threatening 0.1] [--detector model]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from threatline.config import Settings
from threatline.detect.registry import CORPUS, load_detector
from threatline.match import Candidate, Matcher
from threatline.posts import Post
from threatline.watchlist import load_watchlist


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--detector", default="model")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--threatening", type=float, default=0.1, help="share of labelled threats")
    parser.add_argument("--json", type=Path, help="also write the figures here (docs/eval/speed-classifier.json)")
    args = parser.parse_args()

    watchlist = load_watchlist(CORPUS / "watchlist.toml")
    matcher = Matcher(watchlist)
    wanted = {"flag": round(args.posts * args.threatening), "none": args.posts - round(args.posts * args.threatening)}
    candidates: list[Candidate] = []
    with (CORPUS / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            kind = "none" if row["label"] == "none" else "flag"
            mentions = matcher.find(row["text"])
            if mentions and wanted[kind] > 0:
                wanted[kind] -= 1
                candidates.append(Candidate(Post(row["id"], row["text"]), tuple(mentions)))
    random.Random(7).shuffle(candidates)

    started = time.perf_counter()
    detector = load_detector(args.detector, watchlist, Settings.from_env())
    detector.detect(candidates[:8])  # loads the classifier
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    flagged = 0
    for first in range(0, len(candidates), args.batch):
        flagged += sum(d.flagged for d in detector.detect(candidates[first : first + args.batch]))
    seconds = time.perf_counter() - started

    extractor = getattr(detector, "extractor", None)
    evidence_seconds = 0.0
    if extractor is not None:
        started = time.perf_counter()
        extractor.analyze_all(candidates)
        evidence_seconds = time.perf_counter() - started
    characters = sum(len(c.post.text) for c in candidates) / len(candidates)
    print(f"detector: {detector.version} ({args.detector})")
    print(f"relevant posts: {len(candidates)} ({args.threatening:.0%} labelled threatening, "
          f"mean {characters:.0f} characters), flagged: {flagged}")
    print(f"model load: {load_seconds:.1f} s")
    print(f"classified in {seconds:.2f} s: {len(candidates) / seconds:.0f} relevant posts/s")
    print(f"of which linguistic evidence: {evidence_seconds:.2f} s ({len(candidates) / evidence_seconds:.0f} posts/s)")
    if args.json:
        figures = {"posts": len(candidates), "threatening": args.threatening, "flagged": flagged,
                   "characters": round(characters), "load_seconds": round(load_seconds, 3),
                   "posts_per_second": round(len(candidates) / seconds, 1), "detector": detector.version}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
