"""Training: labelled posts + their watchlist → a `TrainedModel`.

Labelled data is JSONL or CSV with `id`, `text` and `label` (threat, incitement, exposure, none).
Each row goes through the same matcher as a scan: rows that mention nothing on the watchlist
never reach the detector at scan time, so they are left out of training too (and counted).

A post is flagged when the probability of its not being `none` reaches `THRESHOLD`, the decision
boundary of the class-balanced model. A fifth of the training data is held out to report precision
and recall on unseen examples before the final model is fitted on all of it. The generated corpus
is easy for the model, so those figures are an upper bound: the evaluation sets say more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..labels import read_labels
from ..match import Candidate, Matcher, match
from ..normalize import normalize_post
from ..posts import ReadStats, read_posts
from ..watchlist import Watchlist
from .base import CATEGORIES
from .evidence import EvidenceExtractor
from .model import TrainedModel, inputs

THRESHOLD = 0.5
# Strong regularization: the corpus is generated from templates, and a loosely regularized model
# learns the templates instead of the language.
REGULARIZATION = 0.03


@dataclass
class Labelled:
    """Labelled posts that mention their watchlist, with the target each label is about (None
    when the row does not say)."""

    watchlist: Watchlist
    candidates: list[Candidate]
    labels: list[str]
    targets: list[str | None]
    kinds: list[str]
    unmatched: int
    stats: ReadStats


def load_labelled(path: Path, watchlist: Watchlist) -> Labelled:
    labels = read_labels(path)
    stats = ReadStats()
    posts = [normalize_post(post) for post in read_posts([path], stats) if post.id in labels]
    matched = match(posts, Matcher(watchlist))
    candidates = [candidate for candidate in matched if candidate is not None]
    kept = [labels[candidate.post.id] for candidate in candidates]
    unmatched = len(matched) - len(candidates)
    if not candidates:
        raise InputError(f"{path}: no labelled row mentions the watchlist {watchlist.source}; nothing to train on.")
    return Labelled(
        watchlist,
        candidates,
        [k.label for k in kept],
        [k.target for k in kept],
        [k.kind for k in kept],
        unmatched,
        stats,
    )


def train(sets: Sequence[Labelled], name: str, seed: int = 13, sources: Sequence[str] = ()) -> TrainedModel:
    """The evidence detector's logistic regression, over every set's posts."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([inputs(EvidenceExtractor(s.watchlist).analyze_all(s.candidates)) for s in sets]).astype(np.float64)
    labels = [label for s in sets for label in s.labels]
    y = np.array([CATEGORIES.index(label) for label in labels])

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    held, fit = order[: len(y) // 5], order[len(y) // 5 :]

    def fit_on(rows: np.ndarray) -> TrainedModel:
        mean = x[rows].mean(axis=0)
        scale = x[rows].std(axis=0) + 1e-6
        classifier = LogisticRegression(C=REGULARIZATION, max_iter=3000, class_weight="balanced")
        classifier.fit((x[rows] - mean) / scale, y[rows])
        return TrainedModel(
            name, classifier.coef_, classifier.intercept_, mean, scale, THRESHOLD
        )

    trial = fit_on(fit)
    flagged = trial.probabilities(x[held])[:, CATEGORIES.index("none")] <= 1 - THRESHOLD
    positive = y[held] != CATEGORIES.index("none")
    precision = float((flagged & positive).sum() / max(flagged.sum(), 1))
    recall = float((flagged & positive).sum() / max(positive.sum(), 1))
    model = fit_on(order)
    model.card = {
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_data": list(sources),
        "examples": dict(Counter(labels)),
        "left_out_unmatched": sum(s.unmatched for s in sets),
        "held_out_precision": round(precision, 4),
        "held_out_recall": round(recall, 4),
        "regularization": REGULARIZATION,
    }
    return model
