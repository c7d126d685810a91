"""What the classifier reads: a post seen from one protected target, and the windows around it.

A post is scored once per target it names, because "I'll burn it down" is a threat to the clinic
it names and nothing when "it" is the writer's old couch. Each mention of the scored target is
replaced by a placeholder of its kind (`[[person]]`, `[[place]]`, `[[group]]`), so the model learns
"violence aimed at the marked target" rather than names, and a watchlist's private facts are
wrapped in `{{ }}`, so a posted home address reads as one. Training and detection build their
inputs here and nowhere else, so the model always sees text shaped the way it was trained on.

A long post is also read in windows: the sentences around each mention of the target, so one
threatening sentence buried in a long rant is not diluted by the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..match import Candidate, Mention
from .base import Evidence
from .spelling import readable

PLACEHOLDER = {"person": "[[person]]", "facility": "[[place]]", "organization": "[[group]]"}
# Past this many characters a post is also read in windows around each mention.
LONG_POST = 400
MAX_WINDOWS = 8
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?\n]+|$)")


@dataclass(frozen=True)
class Cut:
    """A stretch of the post's characters to leave out of a view (occlusion)."""

    start: int
    end: int


def target_mentions(candidate: Candidate, target: str) -> list[Mention]:
    return [m for m in candidate.mentions if m.entry_id == target]


def render(text: str, mentions: Sequence[Mention], private: Sequence[Evidence], cut: Cut | None = None) -> str:
    """The text as the model reads it: the target's mentions replaced, private facts wrapped,
    `cut` left out, then the readable view (leetspeak and spaced letters undone)."""
    edits: list[tuple[int, int, str]] = [(m.start, m.end, PLACEHOLDER[m.kind]) for m in mentions]
    taken = [(m.start, m.end) for m in mentions]
    for fact in private:
        if not any(fact.start < end and start < fact.end for start, end in taken):
            edits.append((fact.start, fact.end, "{{ " + text[fact.start : fact.end] + " }}"))
            taken.append((fact.start, fact.end))
    if cut is not None:
        edits = [e for e in edits if e[1] <= cut.start or e[0] >= cut.end]
        edits.append((cut.start, cut.end, " "))
    out: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            continue
        out.append(text[position:start])
        out.append(replacement)
        position = end
    out.append(text[position:])
    return readable("".join(out)).text


def windows(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The whole post, and for a long one the sentences around each mention (the one before, the
    one that names the target, the one after), at most `MAX_WINDOWS` of them."""
    spans = [(0, len(text))]
    if len(text) <= LONG_POST:
        return spans
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)] or [(0, len(text))]
    starts = [start for start, _ in sentences]
    for mention in mentions:
        index = max(bisect_right(starts, mention.start) - 1, 0)
        first, last = max(index - 1, 0), min(index + 1, len(sentences) - 1)
        span = (sentences[first][0], sentences[last][1])
        if span not in spans:
            spans.append(span)
        if len(spans) > MAX_WINDOWS:
            break
    return spans


def views(candidate: Candidate, target: str, private: Sequence[Evidence]) -> list[tuple[tuple[int, int], str]]:
    """Every text the classifier scores for one target of one post, with the window of the post it
    reads (the whole post first); the target's score is the highest of them."""
    text = candidate.post.text
    mentions = target_mentions(candidate, target)
    return [(window, render(*clip(text, window, mentions, private))) for window in windows(text, mentions)]


def clip(
    text: str, window: tuple[int, int], mentions: Sequence[Mention], private: Sequence[Evidence]
) -> tuple[str, list[Mention], list[Evidence]]:
    """The window's text, with the mentions and private facts inside it, their offsets moved into it."""
    start, end = window
    inside = [replace(m, start=m.start - start, end=m.end - start) for m in mentions if start <= m.start < m.end <= end]
    facts = [replace(f, start=f.start - start, end=f.end - start) for f in private if start <= f.start < f.end <= end]
    return text[start:end], inside, facts
