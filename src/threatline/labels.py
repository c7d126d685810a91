"""Labels for evaluation and training, read beside the posts of the same JSONL or CSV file.

A labelled row is a post plus `label` (threat, incitement, exposure or none) and, optionally,
`category` (or `kind`): the kind of post (direct_threat, criticism, protest...), used to break metrics
down, and `target`: the watchlist id the label is about, for posts that name several entries.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .detect.base import CATEGORIES
from .errors import InputError


@dataclass(frozen=True)
class Label:
    label: str
    kind: str
    target: str | None = None


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        if path.suffix.lower() == ".csv":
            yield from csv.DictReader(handle)
            return
        for line in handle:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # the posts reader reports the line; labels just skip it
            if isinstance(row, dict):
                yield row


def read_labels(path: Path) -> dict[str, Label]:
    """id → Label for every row that has an id and a label; an unknown label is an error."""
    labels: dict[str, Label] = {}
    for number, row in enumerate(_rows(path), start=1):
        label = row.get("label")
        if row.get("id") is None or not isinstance(label, str) or not label.strip():
            continue
        label = label.strip()
        if label not in CATEGORIES:
            raise InputError(
                f"{path}: row {number} (id {row['id']!r}): unknown label {label!r}; "
                f"use one of {', '.join(CATEGORIES)}."
            )
        target = row.get("target")
        labels[str(row["id"]).strip()] = Label(
            label, str(row.get("category") or row.get("kind") or label), str(target) if target else None
        )
    return labels
