"""The detector Threatline ships: the fine-tuned classifier decides, the evidence explains.

Each target a post names is scored on its own (`views`): the whole post and, for a long post, the
sentences around each mention; the target's risk is the highest of them. The post is flagged
when some target's risk (1 - P(none)) reaches the classifier's threshold, with the category the
model gives that view. No word list can veto the model. Every finding shows the linguistic
evidence found in the post and the words the model relied on (`explain`), so a flag the word
lists cannot account for is still explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..match import Candidate
from ..watchlist import Watchlist
from .base import CATEGORIES, FLAGGED, Category, Detection, Evidence
from .classifier import Classifier
from .evidence import Analysis, EvidenceExtractor
from .explain import relied_on
from .model import shown
from .views import target_mentions, views

NONE = CATEGORIES.index("none")


@dataclass(frozen=True)
class _Scored:
    target: str
    risk: float
    probabilities: np.ndarray
    window: tuple[int, int]


class ClassifierDetector:
    def __init__(self, watchlist: Watchlist, classifier: Classifier) -> None:
        self.classifier = classifier
        self.extractor = EvidenceExtractor(watchlist)
        self.version = classifier.version

    def detect(self, batch: Sequence[Candidate]) -> list[Detection]:
        analyses = self.extractor.analyze_all(batch)
        jobs: list[tuple[int, str, tuple[int, int]]] = []
        texts: list[str] = []
        for row, (candidate, analysis) in enumerate(zip(batch, analyses, strict=True)):
            for target in candidate.entry_ids:
                for window, text in views(candidate, target, _private(analysis.evidence)):
                    jobs.append((row, target, window))
                    texts.append(text)
        probabilities = self.classifier.probabilities(texts)
        best: dict[tuple[int, str], _Scored] = {}
        for (row, target, window), p in zip(jobs, probabilities, strict=True):
            risk = 1.0 - float(p[NONE])
            if (row, target) not in best or risk > best[row, target].risk:
                best[row, target] = _Scored(target, risk, p, window)
        return [
            self._decide(candidate, analysis, [best[row, t] for t in candidate.entry_ids])
            for row, (candidate, analysis) in enumerate(zip(batch, analyses, strict=True))
        ]

    def _decide(self, candidate: Candidate, analysis: Analysis, scored: list[_Scored]) -> Detection:
        evidence = analysis.evidence
        if not scored:  # nothing on the watchlist is named: nothing to score it against
            return Detection("none", 0.0, (), shown(evidence))
        top = max(scored, key=lambda s: s.risk)
        scores: dict[str, float] = {c: round(float(p), 4) for c, p in zip(CATEGORIES, top.probabilities, strict=True)}
        if top.risk < self.classifier.threshold:
            return Detection("none", round(top.risk, 4), candidate.entry_ids, shown(evidence), scores)
        category: Category = max(FLAGGED, key=lambda c: float(top.probabilities[CATEGORIES.index(c)]))
        flagged = [s for s in scored if s.risk >= self.classifier.threshold]
        model_spans = [span for s in flagged[:2] for span in self._explain(candidate, evidence, s)]
        targets = tuple(s.target for s in sorted(flagged, key=lambda s: -s.risk))
        return Detection(category, round(top.risk, 4), targets, shown((*evidence, *model_spans)), scores)

    def _explain(self, candidate: Candidate, evidence: tuple[Evidence, ...], scored: _Scored) -> list[Evidence]:
        def risks(texts: Sequence[str]) -> list[float]:
            return [1.0 - float(p[NONE]) for p in self.classifier.probabilities(texts)]

        mentions = target_mentions(candidate, scored.target)
        return relied_on(candidate.post.text, scored.window, mentions, _private(evidence), scored.risk, risks)


def _private(evidence: Sequence[Evidence]) -> list[Evidence]:
    return [e for e in evidence if e.kind == "private"]
