"""The training sets `threatline train` uses by default, shipped in `corpus/`.

- `handwritten/<writer>.jsonl` with `<writer>-watchlist.toml`: posts written one by one by several
  writers with different briefs (see `handwritten/README.md`), the core of the training data.
- joined pairs of hand-written posts about two different targets, one threatened and one not, so
  the model learns whom a threat is aimed at.
- `corpus.jsonl` with `watchlist.toml`: the generated corpus (`training/generate_corpus.py`). It is
  built from templates, so only a sample of it is used, the same number of posts of every kind
  (threats against groups as many as kind words about them), enough to cover protected groups and
  obfuscated spellings without teaching the model its templates.

No evaluation file is ever a training set.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..watchlist import load_watchlist
from .finetune import Example, examples, pairs
from .train import Labelled, load_labelled

CORPUS = Path(__file__).parent / "corpus"
GENERATED_SAMPLE = 4000
# Joined posts about two targets (`finetune.pairs`), per hand-written post.
PAIRED_SHARE = 0.08


@dataclass(frozen=True)
class TrainingSet:
    name: str
    data: Path
    watchlist: Path
    sample: int | None = None

    def load(self) -> Labelled:
        return load_labelled(self.data, load_watchlist(self.watchlist))


def bundled() -> list[TrainingSet]:
    folder = CORPUS / "handwritten"
    writers = [
        TrainingSet(path.stem, path, folder / f"{path.stem}-watchlist.toml") for path in sorted(folder.glob("*.jsonl"))
    ]
    return [*writers, TrainingSet("generated", CORPUS / "corpus.jsonl", CORPUS / "watchlist.toml", GENERATED_SAMPLE)]


def training_examples(sets: list[tuple[TrainingSet, Labelled]], seed: int = 13) -> list[Example]:
    out: list[Example] = []
    rng = random.Random(seed)
    for spec, labelled in sets:
        found = examples(labelled, spec.name)
        out += found if spec.sample is None else _even_sample(found, spec.sample, rng)
        if spec.sample is None:
            out += pairs(labelled, spec.name, round(len(found) * PAIRED_SHARE), rng)
    return out


def _even_sample(found: list[Example], size: int, rng: random.Random) -> list[Example]:
    """About `size` examples, as many of each kind as it has up to an equal share."""
    by_kind: dict[str, list[Example]] = defaultdict(list)
    for example in found:
        by_kind[example.kind].append(example)
    share = math.ceil(size / max(len(by_kind), 1))
    return [e for kind in sorted(by_kind) for e in rng.sample(by_kind[kind], min(share, len(by_kind[kind])))]
