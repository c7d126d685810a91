"""The watchlist: the people, facilities and organizations a user protects.

The file is TOML with `[[person]]`, `[[facility]]` and `[[organization]]` tables. Validation is
strict on purpose: a typo in a key would otherwise silently stop protecting someone, so unknown
keys, missing names and duplicate ids are errors that name the file, the entry and the problem.

The watchlist protects people and places, never topics: there is no keyword or hashtag table.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import WatchlistError

Kind = Literal["person", "facility", "organization"]
KINDS: tuple[Kind, ...] = ("person", "facility", "organization")

_KEYS: dict[Kind, dict[str, type]] = {
    "person": {"id": str, "name": str, "aliases": list, "role": str, "private": list},
    "facility": {"id": str, "name": str, "aliases": list, "address": str},
    "organization": {"id": str, "name": str, "aliases": list},
}
_REQUIRED = ("id", "name")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Entry:
    """One protected person, facility or organization."""

    kind: Kind
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    private: tuple[str, ...] = ()
    address: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, the strings the matcher looks for."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Watchlist:
    entries: tuple[Entry, ...] = field(default_factory=tuple)
    source: str = "<memory>"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    def get(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]  # type: ignore[attr-defined,no-any-return]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return len(self.entries)


def load_watchlist(path: str | Path) -> Watchlist:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WatchlistError(f"{path}: cannot read the watchlist ({exc.strerror}).") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise WatchlistError(f"{path}: the watchlist is not valid UTF-8 (byte {exc.start}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"{path}: not valid TOML: {exc}.") from exc
    return parse_watchlist(data, source=str(path))


def parse_watchlist(data: dict[str, Any], source: str = "<memory>") -> Watchlist:
    unknown = sorted(set(data) - set(KINDS))
    if unknown:
        raise WatchlistError(
            f"{source}: unknown table {unknown[0]!r}; use [[person]], [[facility]] or [[organization]]."
        )
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for kind in KINDS:
        tables = data.get(kind, [])
        if not isinstance(tables, list):
            raise WatchlistError(f"{source}: {kind!r} must be an array of tables, written [[{kind}]].")
        for index, table in enumerate(tables, start=1):
            entry = _parse_entry(kind, table, f"{source}: [[{kind}]] #{index}")
            if entry.id in seen:
                raise WatchlistError(
                    f"{source}: [[{kind}]] #{index}: duplicate id {entry.id!r} (already used by {seen[entry.id]})."
                )
            seen[entry.id] = f"[[{kind}]] #{index}"
            entries.append(entry)
    if not entries:
        raise WatchlistError(f"{source}: the watchlist has no entries; add at least one [[person]], "
                             "[[facility]] or [[organization]].")
    return Watchlist(tuple(entries), source=source)


def _parse_entry(kind: Kind, table: Any, where: str) -> Entry:
    if not isinstance(table, dict):
        raise WatchlistError(f"{where}: must be a table.")
    label = f"{where} ({table['id']!r})" if isinstance(table.get("id"), str) else where
    allowed = _KEYS[kind]
    for key in table:
        if key not in allowed:
            raise WatchlistError(f"{label}: unknown key {key!r}; allowed keys are {', '.join(allowed)}.")
    for key in _REQUIRED:
        if key not in table:
            raise WatchlistError(f"{label}: missing required key {key!r}.")
    for key, value in table.items():
        expected = allowed[key]
        if not isinstance(value, expected):
            raise WatchlistError(f"{label}: {key!r} must be a {expected.__name__}, not {type(value).__name__}.")
        if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
            raise WatchlistError(f"{label}: every item of {key!r} must be a non-empty string.")
        if isinstance(value, str) and not value.strip():
            raise WatchlistError(f"{label}: {key!r} must not be empty.")
    if not _ID.match(table["id"]):
        raise WatchlistError(f"{label}: id {table['id']!r} may use only letters, digits, '.', '_' and '-'.")
    return Entry(
        kind=kind,
        id=table["id"],
        name=table["name"].strip(),
        aliases=tuple(a.strip() for a in table.get("aliases", [])),
        role=table.get("role"),
        private=tuple(p.strip() for p in table.get("private", [])),
        address=table.get("address"),
    )
