"""What every detector returns, and the interface a detector implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..match import Candidate

Category = Literal["threat", "incitement", "exposure", "none"]
CATEGORIES: tuple[Category, ...] = ("threat", "incitement", "exposure", "none")
FLAGGED: tuple[Category, ...] = ("threat", "incitement", "exposure")


@dataclass(frozen=True)
class Evidence:
    """A span of the post's text and why it matters, shown to the analyst as a highlight."""

    start: int
    end: int
    text: str
    kind: str
    reason: str


@dataclass(frozen=True)
class Detection:
    category: Category
    score: float
    targets: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        return self.category != "none"


class Detector(Protocol):
    """Classifies candidates in batches, so a learned model can spread its work over the cores.

    `version` is recorded on every finding: a model change never silently rewrites history.
    """

    version: str

    def detect(self, batch: Sequence[Candidate]) -> list[Detection]: ...
