"""The evidence detector: a logistic regression over the linguistic evidence features alone.

`--detector evidence` runs it: no neural network, explainable by construction, and the baseline
the shipped classifier (`classify.py`) is measured against. Its weights are plain arrays in an
.npz file beside a JSON card, so loading a model never runs code.

Two guards keep its findings explainable: exposure needs exposure evidence (a private fact or
personal data), and threat or incitement needs a violent act, a weapon or veiled threat phrasing
that the speaker does not disown (negated, quoted or reported: "no one should hurt her").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from ..match import Candidate
from ..watchlist import Watchlist
from .base import CATEGORIES, FLAGGED, Category, Detection, Evidence
from .evidence import FEATURES, Analysis, EvidenceExtractor

BUNDLED = Path(__file__).parent / "model"
VIOLENCE_SIDE = {"violence", "veiled", "means"}
DISOWNED = FEATURES.index("violence_all_disowned")
MAX_SHOWN = 100
EXPOSURE_SIDE = {"private", "personal_data"}


@dataclass
class TrainedModel:
    """Weights over the evidence features, standardized; `threshold` applies to 1 - P(none)."""

    name: str
    weights: np.ndarray
    bias: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return f"{self.name}@{self.card.get('trained_at', 'unknown')}"

    def probabilities(self, inputs: np.ndarray) -> np.ndarray:
        logits = ((inputs - self.mean) / self.scale) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez(
            directory / f"{self.name}.npz",
            weights=self.weights,
            bias=self.bias,
            mean=self.mean,
            scale=self.scale,
        )
        card = {
            **self.card,
            "name": self.name,
            "threshold": self.threshold,
            "features": list(FEATURES),
            "classes": list(CATEGORIES),
        }
        (directory / f"{self.name}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, name: str) -> TrainedModel:
        card_path, weights_path = directory / f"{name}.json", directory / f"{name}.npz"
        if not card_path.exists() or not weights_path.exists():
            raise ModelError(f"no model {name!r} in {directory}; run `threatline train` to build one.")
        card = json.loads(card_path.read_text(encoding="utf-8"))
        if card.get("features") != list(FEATURES) or card.get("classes") != list(CATEGORIES):
            raise ModelError(f"the model in {directory} was trained with other features; run `threatline train` again.")
        arrays = np.load(weights_path)
        return cls(
            name,
            arrays["weights"],
            arrays["bias"],
            arrays["mean"],
            arrays["scale"],
            float(card["threshold"]),
            card,
        )


def inputs(analyses: Sequence[Analysis]) -> np.ndarray:
    return np.stack([a.features for a in analyses]) if analyses else np.zeros((0, len(FEATURES)))


class EvidenceDetector:
    def __init__(self, watchlist: Watchlist, model: TrainedModel) -> None:
        self.model = model
        self.extractor = EvidenceExtractor(watchlist)
        self.version = model.version

    def detect(self, batch: Sequence[Candidate]) -> list[Detection]:
        analyses = self.extractor.analyze_all(batch)
        allowed = [_allowed(a) for a in analyses]
        open_rows = [i for i, categories in enumerate(allowed) if categories]
        detections = [_unflaggable(c, a) for c, a in zip(batch, analyses, strict=True)]
        if open_rows:
            rows = self.model.probabilities(inputs([analyses[i] for i in open_rows]))
            for i, row in zip(open_rows, rows, strict=True):
                detections[i] = self._decide(batch[i], analyses[i], allowed[i], row)
        return detections

    def _decide(self, candidate: Candidate, analysis: Analysis, allowed: list[Category], row: np.ndarray) -> Detection:
        scores: dict[str, float] = {c: float(p) for c, p in zip(CATEGORIES, row, strict=True)}
        risk = sum(scores[c] for c in allowed)
        category: Category = "none"
        if risk >= self.model.threshold:
            category = max(allowed, key=lambda c: scores[c])
        return Detection(category, round(risk, 4), candidate.entry_ids, shown(analysis.evidence), scores)


def _allowed(analysis: Analysis) -> list[Category]:
    """The categories the evidence can explain."""
    kinds = {e.kind for e in analysis.evidence}
    if analysis.features[DISOWNED] and "veiled" not in kinds:
        kinds -= {"violence", "means"}
    return [c for c in FLAGGED if _explainable(c, kinds)]


def _unflaggable(candidate: Candidate, analysis: Analysis) -> Detection:
    return Detection("none", 0.0, candidate.entry_ids, shown(analysis.evidence))


def _explainable(category: str, kinds: set[str]) -> bool:
    return bool(kinds & (EXPOSURE_SIDE if category == "exposure" else VIOLENCE_SIDE))


def shown(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The spans to highlight: none nested inside a longer span of the same kind, and at most
    `MAX_SHOWN`, so a post that repeats a word ten thousand times stays readable."""
    kept: list[Evidence] = []
    reach: dict[str, int] = {}
    for item in sorted(evidence, key=lambda e: (e.start, -(e.end - e.start))):
        if item.end <= reach.get(item.kind, -1):
            continue
        reach[item.kind] = item.end
        kept.append(item)
        if len(kept) == MAX_SHOWN:
            break
    return tuple(kept)
