"""Cutting a post's text into plain and highlighted pieces for the finding page.

Evidence spans may overlap; the text is cut at every span boundary and each piece carries the kinds
and reasons of every span covering it. The pieces are plain strings: the template escapes them,
so the markup around them is the only HTML on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MITIGATING = frozenset({"negation", "quote", "report", "hyperbole", "fiction", "lawful", "support"})


@dataclass(frozen=True)
class Piece:
    text: str
    kinds: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.kinds)

    @property
    def css(self) -> str:
        """`ev ev-KIND` for the first kind, and `ev-mitigating` when every span here mitigates."""
        if not self.kinds:
            return ""
        classes = ["ev", f"ev-{_safe(self.kinds[0])}"]
        if all(kind in MITIGATING for kind in self.kinds):
            classes.append("ev-mitigating")
        return " ".join(classes)


def _safe(kind: str) -> str:
    return "".join(c for c in kind if c.isalnum() or c == "_") or "other"


def valid_spans(text: str, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The spans whose offsets point into the text; anything else is listed but not highlighted."""
    spans = []
    for span in evidence:
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append(span)
    return spans


def pieces(text: str, evidence: list[dict[str, Any]]) -> list[Piece]:
    spans = valid_spans(text, evidence)
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    result: list[Piece] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s["start"] <= start and end <= s["end"]]
        result.append(Piece(
            text[start:end],
            tuple(dict.fromkeys(str(s.get("kind", "")) for s in covering)),
            tuple(dict.fromkeys(f"{s.get('kind', '')}: {s.get('reason', '')}" for s in covering)),
        ))
    return result
