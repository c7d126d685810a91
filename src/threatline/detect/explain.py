"""Spans the model itself relied on, found by occlusion: leave a stretch of words out, score again.

The words whose removal lowers the score most are what the model's decision rests on, so a
finding the word lists cannot explain ("hope he updated his will 🪦") still shows the analyst why.
It is faithful (it is the same model, re-asked) and cheap: at most `MAX_PROBES` extra scores per
flagged target, with words grouped into stretches in longer texts.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from ..match import Mention
from .base import Evidence
from .views import Cut, clip, render

MAX_PROBES = 12
MAX_SPANS = 3
_WORD = re.compile(r"\S+")

Risk = Callable[[Sequence[str]], list[float]]


def relied_on(
    text: str,
    window: tuple[int, int],
    mentions: Sequence[Mention],
    private: Sequence[Evidence],
    risk: float,
    score: Risk,
) -> list[Evidence]:
    """Spans of `text` inside `window` whose removal lowers the target's risk the most."""
    start = window[0]
    part, inside, facts = clip(text, window, mentions, private)
    starts = [m.start for m in inside]
    words = [(w.start(), w.end()) for w in _WORD.finditer(part) if not _overlaps(w.start(), w.end(), inside, starts)]
    if not words:
        return []
    size = math.ceil(len(words) / MAX_PROBES)
    stretches = [(words[i][0], words[min(i + size, len(words)) - 1][1]) for i in range(0, len(words), size)]
    lowered = score([render(part, inside, facts, Cut(s, e)) for s, e in stretches])
    drops = [risk - r for r in lowered]
    best = max(drops)
    keep = [i for i, drop in enumerate(drops) if drop >= max(0.05, best * 0.25)] or [drops.index(best)]
    keep = sorted(keep, key=lambda i: -drops[i])[:MAX_SPANS]
    spans: list[tuple[int, int, float]] = []
    for i in sorted(keep):
        s, e = stretches[i]
        if spans and s - spans[-1][1] <= 1:
            spans[-1] = (spans[-1][0], e, min(spans[-1][2], lowered[i]))
        else:
            spans.append((s, e, lowered[i]))
    return [
        Evidence(
            start + s,
            start + e,
            text[start + s : start + e],
            "model",
            f"the model relied on these words (without them its score falls from {risk:.2f} to {low:.2f})",
        )
        for s, e, low in spans
    ]


def _overlaps(start: int, end: int, mentions: Sequence[Mention], starts: list[int]) -> bool:
    """Whether [start, end) overlaps a mention; `mentions` are in text order and do not overlap, and
    `starts` are their starts."""
    index = bisect_right(starts, start) - 1
    return any(0 <= i < len(mentions) and mentions[i].start < end and start < mentions[i].end
               for i in (index, index + 1))
