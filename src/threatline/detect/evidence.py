"""Linguistic evidence: who speaks, what act, aimed at whom, how specific, and what mitigates it.

`analyze` turns a candidate post into evidence spans (each with a reason, shown to the analyst)
and a fixed-length feature vector that the learned model weighs together with the sentence
embedding. Cues are counted twice: anywhere in the post, and in the same sentence as a mention
of the protected target, because "I'll kill it at the gym" next to an unrelated sentence about a
judge is not a threat to the judge.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..match import Candidate, Mention
from ..watchlist import Watchlist
from .base import Evidence
from .exposure import ExposureFinder
from .lexicon import ALL_CUES, Cue
from .spelling import readable

_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|(?<!\w)'[^']{6,}'(?!\w)")
# A violent word the speaker disowns: negated ("no one should hurt", "would never kill"), or
# reported as someone else's words ("threatening to kill", "saying you would rape"). The window is
# the few words before the violent word, within one clause; "not joking, I will kill" stays a threat.
_NEGATOR = re.compile(
    r"(?<!why )\b(?:never|not|no|nobody|no one|don't|won't|wouldn't|shouldn't|mustn't|cannot|can't)\b"
    r"(?! joking| kidding)(?:\s+(?!until\b|so\b|but\b|and\b|because\b|while\b|if\b|when\b|then\b)[\w']+){0,5}\s*$"
)
_NOT_FICTION = re.compile(r"\b(?:not|no|isn't|ain't|this ain't)\s+(?:a\s+|an\s+)?$")
_REPORTER = re.compile(
    r"\b(?:threat\w*|threaten(?:s|ed|ing)? to|(?:say|says|said|saying|post\w*|wr[io]te|writing|tweet\w*|chant\w*)"
    r"(?: that)?(?: you| they| he| she| we| i| people)?(?: would| will| want(?:ed)? to| should)?"
    r"|call(?:s|ed|ing)? for(?: the)?|wishing|talk(?:s|ed|ing)? about|jok(?:e|es|ed|ing) about"
    r"|accused of|charged with|arrested (?:for|after)|convicted of|condemn\w*|denounc\w*)[^,.;:!?]{0,25}$"
)
_KIND_TARGET = {
    "person": "a protected person",
    "facility": "a protected facility",
    "organization": "a protected organization",
}
CUE_KINDS = tuple(c.kind for c in ALL_CUES)
EXPOSURE_KINDS = ("private", "personal_data", "call_to_act")
FEATURES: tuple[str, ...] = (
    *(f"{k}_any" for k in CUE_KINDS),
    *(f"{k}_near" for k in CUE_KINDS),
    *(f"{k}_any" for k in EXPOSURE_KINDS),
    *(f"{k}_near" for k in EXPOSURE_KINDS),
    "violence_at_target",
    "intent_with_violence",
    "call_with_violence",
    "conditional_with_violence",
    "violence_negated",
    "violence_in_quotes",
    "violence_reported",
    "violence_in_fiction",
    "violence_all_disowned",
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
            Evidence(
                m.start,
                m.end,
                m.text,
                "target",
                f"names {_KIND_TARGET[m.kind]} ({self.watchlist.get(m.entry_id).name})",
            )
            for m in mentions
        ]
        evidence = tuple(sorted(targets + cues + exposure, key=lambda e: (e.start, -e.end)))
        return Analysis(evidence, _features(text, mentions, cues + exposure))

    def analyze_all(self, batch: Sequence[Candidate]) -> list[Analysis]:
        return [self.analyze(c) for c in batch]


def _cue_evidence(text: str) -> list[Evidence]:
    view = readable(text)
    found = []
    cue: Cue
    for cue in ALL_CUES:
        for hit in cue.pattern.finditer(view.text):
            start, end = view.span(hit.start(), hit.end())
            found.append(Evidence(start, end, text[start:end], cue.kind, cue.reason))
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)] or [(0, len(text))]


def _near_a_mention(spans: Sequence[Evidence], mentions: Sequence[Mention], within: int) -> bool:
    """Whether any span ends within `within` characters before a mention or starts as soon after one."""
    starts = sorted(m.start for m in mentions)
    ends = sorted(m.end for m in mentions)
    for span in spans:
        after = bisect_left(starts, span.end)
        if after < len(starts) and starts[after] - span.end <= within:
            return True
        before = bisect_right(ends, span.start) - 1
        if before >= 0 and span.start - ends[before] <= within:
            return True
    return False


def _disowned(
    lowered: str, evidence: Sequence[Evidence], sentence_of: Callable[[int], int]
) -> tuple[float, float, float, float, float]:
    """For the violent words and weapons: any negated, quoted, reported, or framed as fiction or a
    game in its own sentence; and whether every one of them is one of these."""
    violence = [e for e in evidence if e.kind in ("violence", "means")]
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(lowered)]
    fiction = {
        sentence_of(e.start)
        for e in evidence
        if e.kind == "fiction" and not _NOT_FICTION.search(lowered[max(0, e.start - 12) : e.start])
    }
    negated = [bool(_NEGATOR.search(lowered[max(0, v.start - 40) : v.start])) for v in violence]
    inside = [any(s < v.start and v.end <= e for s, e in quoted) for v in violence]
    reported = [bool(_REPORTER.search(lowered[max(0, v.start - 60) : v.start])) for v in violence]
    framed = [sentence_of(v.start) in fiction for v in violence]
    every = bool(violence) and all(map(any, zip(negated, inside, reported, framed, strict=True)))
    return float(any(negated)), float(any(inside)), float(any(reported)), float(any(framed)), float(every)


def _same_sentence(evidence: Sequence[Evidence], first: str, second: str, sentence_of: Callable[[int], int]) -> bool:
    one = {sentence_of(e.start) for e in evidence if e.kind == first}
    return bool(one) and any(sentence_of(e.start) in one for e in evidence if e.kind == second)


def _features(text: str, mentions: Sequence[Mention], evidence: Sequence[Evidence]) -> np.ndarray:
    spans = _sentences(text)
    starts = [s for s, _ in spans]

    def sentence_of(position: int) -> int:
        return max(bisect_right(starts, position) - 1, 0)

    target_sentences = {sentence_of(m.start) for m in mentions}
    # A pronoun sentence right after the target's sentence usually still speaks of the target.
    target_sentences |= {i + 1 for i in target_sentences if i + 1 < len(spans)}

    any_kind: dict[str, float] = {}
    near_kind: dict[str, float] = {}
    for item in evidence:
        any_kind[item.kind] = 1.0
        if sentence_of(item.start) in target_sentences:
            near_kind[item.kind] = 1.0
    violence = [e for e in evidence if e.kind == "violence"]
    at_target = _near_a_mention(violence, mentions, within=40)
    lowered = text.lower()
    values = [
        *(any_kind.get(k, 0.0) for k in CUE_KINDS),
        *(near_kind.get(k, 0.0) for k in CUE_KINDS),
        *(any_kind.get(k, 0.0) for k in EXPOSURE_KINDS),
        *(near_kind.get(k, 0.0) for k in EXPOSURE_KINDS),
        float(at_target),
        *(float(_same_sentence(evidence, kind, "violence", sentence_of)) for kind in ("intent", "call", "conditional")),
        *_disowned(lowered, evidence, sentence_of),
        float(any(m.kind == "person" for m in mentions)),
        float(any(m.kind == "facility" for m in mentions)),
        float(any(m.kind == "organization" for m in mentions)),
        float(bool(re.search(r"\b(?:you|your|ur|u)\b", lowered))),
        float("?" in text),
        float(bool(re.search(r"[\"“”]|'[^']{6,}'", text))),
        min(len(mentions), 3) / 3,
    ]
    return np.asarray(values, dtype=np.float32)
