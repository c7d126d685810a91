"""Shared test material: an invented watchlist, post factories, files of posts, a rule detector.

Every name, address and number here is invented (phone numbers use the fictional 555-01xx range).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from itertools import count
from pathlib import Path
from typing import Any

from threatline.detect.base import Detection, Evidence
from threatline.match import Candidate
from threatline.posts import Post

WATCHLIST_TOML = """\
# An invented watchlist for the tests.

[[person]]
id = "reyes"
name = "Dana Reyes"
role = "County Sheriff"
aliases = ["Sheriff Reyes", "Reyes"]
private = ["12 Alder Lane, Foxton", "555-0133", "Emma Reyes"]

[[person]]
id = "maddox"
name = "Lyle Maddox"
role = "City Councillor"
aliases = ["Councillor Maddox", "Maddox"]

[[facility]]
id = "northgate"
name = "Northgate Processing Center"
aliases = ["Northgate"]
address = "900 Quarry Road, Foxton"

[[organization]]
id = "ice"
name = "Immigration and Customs Enforcement"
aliases = ["ICE"]
"""

# Posts the real detector must get right whatever its version: the end-to-end tests rely on them.
CLEAR_THREAT = "I am going to kill Dana Reyes tonight at her house. I have the gun ready."
CLEAR_THREAT_2 = "Lyle Maddox will die this week. I'll shoot him in the parking lot after the meeting."
BENIGN_MENTION = "Sheriff Reyes spoke at the library about the new reading program for kids."
UNRELATED = "Made a great lasagna for dinner, the whole family loved it."

_ids = count(1)


def make_post(text: str, id: str | None = None, **fields: Any) -> Post:
    """A Post with a fresh id unless one is given."""
    return Post(id=id if id is not None else f"p{next(_ids)}", text=text, **fields)


def write_watchlist(path: Path, text: str = WATCHLIST_TOML) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_jsonl(path: Path, rows: Iterable[dict[str, Any] | str | bytes]) -> Path:
    """One line per row: dicts become JSON, str and bytes are written as they are (for bad lines)."""
    out = bytearray()
    for row in rows:
        if isinstance(row, dict):
            out += json.dumps(row, ensure_ascii=False).encode("utf-8")
        elif isinstance(row, str):
            out += row.encode("utf-8")
        else:
            out += row
        out += b"\n"
    path.write_bytes(bytes(out))
    return path


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


class RuleDetector:
    """A deterministic Detector for testing the wiring around a detector, not the model.

    The first rule whose phrase appears in the text (any case) decides the category, with one
    evidence span on the phrase; otherwise the post is "none". It records the size of every batch.
    """

    version = "rules-test@1"
    RULES: tuple[tuple[str, str, str], ...] = (
        ("kill", "threat", "violence"),
        ("burn it down", "incitement", "call"),
        ("lives at", "exposure", "personal_data"),
    )

    def __init__(self) -> None:
        self.batches: list[list[Candidate]] = []

    @property
    def seen(self) -> list[Candidate]:
        return [c for batch in self.batches for c in batch]

    def detect(self, batch: Sequence[Candidate]) -> list[Detection]:
        self.batches.append(list(batch))
        return [self._one(c) for c in batch]

    def _one(self, candidate: Candidate) -> Detection:
        text = candidate.post.text
        targets = candidate.entry_ids
        for phrase, category, kind in self.RULES:
            at = text.lower().find(phrase)
            if at >= 0:
                evidence = Evidence(at, at + len(phrase), text[at : at + len(phrase)], kind, f"says {phrase!r}")
                return Detection(category, 0.9, targets, (evidence,))  # type: ignore[arg-type]
        return Detection("none", 0.1, targets)
