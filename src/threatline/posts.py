"""Posts and the readers that turn JSONL, CSV or stdin into them.

A reader never crashes on a bad line and never drops one silently: each problem becomes a
`Skipped` record with the file, line number and reason, and `ReadStats` counts them by reason so
the run's summary can say exactly what was left out.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from .errors import InputError

MAX_TEXT_BYTES = 100_000
OPTIONAL_FIELDS = ("author", "url", "created_at", "source", "lang")
# The longest value the store keeps in each field (store/schema.py): a longer one is a bad line,
# not a failed insert (PostgreSQL enforces these lengths; SQLite does not).
FIELD_LIMITS = {"id": 500, "source": 200, "author": 500, "lang": 20}
csv.field_size_limit(10 * MAX_TEXT_BYTES)


@dataclass(frozen=True)
class Post:
    id: str
    text: str
    source: str = "local"
    author: str | None = None
    url: str | None = None
    created_at: datetime | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Skipped:
    file: str
    line: int
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: skipped ({self.reason}): {self.detail}"


@dataclass
class ReadStats:
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


SkipHandler = Callable[[Skipped], None]


class _BadRecord(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def read_posts(
    paths: Iterable[str | Path],
    stats: ReadStats | None = None,
    on_skip: SkipHandler | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Post]:
    """Yield the valid posts of every file in turn; `-` reads standard input as JSONL."""
    stats = stats if stats is not None else ReadStats()
    for path in paths:
        yield from read_file(path, stats, on_skip, stdin)


def read_file(
    path: str | Path,
    stats: ReadStats,
    on_skip: SkipHandler | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Post]:
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _read_jsonl(_text(stream), "<stdin>", "stdin", stats, on_skip)
        return
    suffix = Path(name).suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".json", ".csv"):
        raise InputError(f"{name}: unknown format {suffix or '(no extension)'!r}; use .jsonl or .csv, or - for stdin.")
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        raise InputError(f"{name}: cannot open the posts file ({exc.strerror}).") from exc
    with handle:
        reader = _read_csv if suffix == ".csv" else _read_jsonl
        yield from reader(_text(handle), name, Path(name).name, stats, on_skip)


def _text(stream: IO[bytes]) -> io.TextIOWrapper:
    # surrogateescape keeps undecodable bytes as lone surrogates, so one bad line is reported
    # and skipped instead of failing the whole file; utf-8-sig drops a leading byte-order mark.
    return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _read_jsonl(
    lines: Iterable[str], name: str, source: str, stats: ReadStats, on_skip: SkipHandler | None
) -> Iterator[Post]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        stats.read += 1
        try:
            _check_utf8(line)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _BadRecord("invalid JSON", f"{exc.msg} at column {exc.colno}") from exc
            except (ValueError, RecursionError) as exc:  # a number of over 4,300 digits; nesting too deep
                raise _BadRecord("invalid JSON", str(exc).split(";")[0]) from exc
            if not isinstance(record, dict):
                raise _BadRecord("invalid JSON", "the line is not a JSON object")
            yield _post(record, source)
        except _BadRecord as bad:
            _skip(stats, on_skip, Skipped(name, number, bad.reason, bad.detail))


def _read_csv(
    lines: Iterable[str], name: str, source: str, stats: ReadStats, on_skip: SkipHandler | None
) -> Iterator[Post]:
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"{name}:1: the CSV header cannot be parsed ({exc}).") from exc
    header = [h.strip().lstrip("\ufeff") for h in header]
    if "text" not in header:
        raise InputError(f"{name}:1: the CSV header has no 'text' column (found: {', '.join(header)}).")
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            stats.read += 1
            _skip(stats, on_skip, Skipped(name, line, "invalid CSV", str(exc)))
            continue
        if not any(cell.strip() for cell in row):
            continue
        stats.read += 1
        try:
            if len(row) != len(header):
                raise _BadRecord("invalid CSV", f"expected {len(header)} fields, found {len(row)}")
            for cell in row:
                _check_utf8(cell)
            yield _post(dict(zip(header, row, strict=True)), source)
        except _BadRecord as bad:
            _skip(stats, on_skip, Skipped(name, line, bad.reason, bad.detail))


def _skip(stats: ReadStats, on_skip: SkipHandler | None, skipped: Skipped) -> None:
    stats.skipped[skipped.reason] += 1
    if on_skip is not None:
        on_skip(skipped)


def _check_utf8(value: str) -> None:
    for position, char in enumerate(value):
        if "\udc80" <= char <= "\udcff":
            raise _BadRecord("invalid UTF-8", f"undecodable byte 0x{ord(char) - 0xDC00:02x} at character {position}")


def _check_storable(key: str, value: str) -> None:
    """Reject what no database can store: a NUL character, a lone surrogate from a JSON escape, or
    a value longer than its column."""
    if len(value) > FIELD_LIMITS.get(key, len(value)):
        raise _BadRecord("invalid field", f"{key!r} is longer than {FIELD_LIMITS[key]} characters")
    if "\x00" in value:
        raise _BadRecord("invalid field", f"{key!r} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _BadRecord(
            "invalid UTF-8", f"{key!r} holds a lone surrogate \\u{ord(value[exc.start]):04x}, which is not text"
        ) from exc


def _post(record: dict[str, Any], default_source: str) -> Post:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("no text", "the 'text' field is missing or empty")
    _check_storable("text", text)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise _BadRecord("text too long", f"the text is over {MAX_TEXT_BYTES // 1000} kB")
    post_id = record.get("id")
    if isinstance(post_id, bool) or not isinstance(post_id, str | int) or not str(post_id).strip():
        raise _BadRecord("no id", "the 'id' field is missing or not a string or number")
    _check_storable("id", str(post_id))
    extra = {}
    for key in OPTIONAL_FIELDS:
        value = record.get(key)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            raise _BadRecord("invalid field", f"{key!r} must be a string")
        _check_storable(key, value)
        extra[key] = value
    created_at = None
    if "created_at" in extra:
        try:
            created_at = datetime.fromisoformat(extra.pop("created_at").replace("Z", "+00:00"))
        except ValueError as exc:
            raise _BadRecord("invalid field", "'created_at' is not an ISO 8601 date and time") from exc
    return Post(
        id=str(post_id).strip(),
        text=text,
        source=extra.pop("source", default_source),
        created_at=created_at,
        **extra,
    )
