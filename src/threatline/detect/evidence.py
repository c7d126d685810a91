"""Linguistic evidence: who speaks, what act, aimed at whom, how specific, and what mitigates it.

`analyze` turns a candidate post into evidence spans (each with a reason, shown to the analyst)
and a fixed-length feature vector that the learned model weighs together with the sentence
embedding. Cues are counted twice: anywhere in the post, and in the same sentence as a mention
of the protected target, because "I'll kill it at the gym" next to an unrelated sentence about a
judge is not a threat to the judge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..match import Candidate, Mention
from ..normalize import collapse_spaced, fold
from ..watchlist import Watchlist
from .base import Evidence
from .exposure import ExposureFinder
from .lexicon import ALL_CUES, Cue

_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_KIND_TARGET = {"person": "a protected person", "facility": "a protected facility", "organization": "a protected organization"}
CUE_KINDS = tuple(c.kind for c in ALL_CUES)
EXPOSURE_KINDS = ("private", "personal_data", "call_to_act")
FEATURES: tuple[str, ...] = (
    *(f"{k}_any" for k in CUE_KINDS),
    *(f"{k}_near" for k in CUE_KINDS),
    *(f"{k}_any" for k in EXPOSURE_KINDS),
    *(f"{k}_near" for k in EXPOSURE_KINDS),
    "violence_at_target",
    "target_person",
    "target_facility",
    "target_organization",
    "second_person",
    "question",
    "quoted",
    "mentions",
)


@dataclass(frozen=True)
class Analysis:
    evidence: tuple[Evidence, ...]
    features: np.ndarray


class EvidenceExtractor:
    def __init__(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self.exposure = ExposureFinder(watchlist.entries)

    def analyze(self, candidate: Candidate) -> Analysis:
        text = candidate.post.text
        mentions = candidate.mentions
        cues = _cue_evidence(text)
        exposure = self.exposure.private_facts(text)
        if any(m.kind == "person" for m in mentions):
            exposure += self.exposure.personal_data(text)
        targets = [
            Evidence(m.start, m.end, m.text, "target", f"names {_KIND_TARGET[m.kind]} ({self.watchlist.get(m.entry_id).name})")
            for m in mentions
        ]
        evidence = tuple(sorted(targets + cues + exposure, key=lambda e: (e.start, -e.end)))
        return Analysis(evidence, _features(text, mentions, cues + exposure))

    def analyze_all(self, batch: Sequence[Candidate]) -> list[Analysis]:
        return [self.analyze(c) for c in batch]


def _cue_evidence(text: str) -> list[Evidence]:
    folded = fold(text)
    found = _scan(folded, text, None)
    collapsed = collapse_spaced(folded)
    if collapsed is not None:
        known = {(e.start, e.kind) for e in found}
        found += [e for e in _scan(collapsed[0], text, collapsed[1]) if (e.start, e.kind) not in known]
    return found


def _scan(view: str, text: str, offsets: list[int] | None) -> list[Evidence]:
    found = []
    cue: Cue
    for cue in ALL_CUES:
        for hit in cue.pattern.finditer(view):
            start, end = hit.start(), hit.end()
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            found.append(Evidence(start, end, text[start:end], cue.kind, cue.reason))
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)] or [(0, len(text))]


def _features(text: str, mentions: Sequence[Mention], evidence: Sequence[Evidence]) -> np.ndarray:
    spans = _sentences(text)
    target_sentences = {i for i, (s, e) in enumerate(spans) for m in mentions if s <= m.start < e}
    # A pronoun sentence right after the target's sentence usually still speaks of the target.
    target_sentences |= {i + 1 for i in target_sentences if i + 1 < len(spans)}

    def sentence_of(position: int) -> int:
        return next((i for i, (s, e) in enumerate(spans) if s <= position < e), len(spans) - 1)

    any_kind: dict[str, float] = {}
    near_kind: dict[str, float] = {}
    for item in evidence:
        any_kind[item.kind] = 1.0
        if sentence_of(item.start) in target_sentences:
            near_kind[item.kind] = 1.0
    violence = [e for e in evidence if e.kind == "violence"]
    at_target = any(
        (0 <= m.start - v.end <= 40) or (0 <= v.start - m.end <= 40) for v in violence for m in mentions
    )
    lowered = text.lower()
    values = [
        *(any_kind.get(k, 0.0) for k in CUE_KINDS),
        *(near_kind.get(k, 0.0) for k in CUE_KINDS),
        *(any_kind.get(k, 0.0) for k in EXPOSURE_KINDS),
        *(near_kind.get(k, 0.0) for k in EXPOSURE_KINDS),
        float(at_target),
        float(any(m.kind == "person" for m in mentions)),
        float(any(m.kind == "facility" for m in mentions)),
        float(any(m.kind == "organization" for m in mentions)),
        float(bool(re.search(r"\b(?:you|your|ur|u)\b", lowered))),
        float("?" in text),
        float(bool(re.search(r"[\"“”]|'[^']{6,}'", text))),
        min(len(mentions), 3) / 3,
    ]
    return np.asarray(values, dtype=np.float32)
