"""Watchlists kept in the database, so admins can manage them from the web app and the API.

A stored watchlist is its TOML text, validated by the same `parse_watchlist` the scanner uses, so
what is stored always scans. Every save and deletion is audited. `threatline watchlists export NAME`
writes one back to a file for `threatline scan --watchlist`.
"""

from __future__ import annotations

import re
import tomllib

from sqlalchemy import select

from .errors import InputError, NotFoundError, WatchlistError
from .review import audit
from .store import Store
from .store.safeguards import StoredWatchlist
from .timeutil import now
from .watchlist import Entry, Watchlist, parse_watchlist

MAX_TOML_BYTES = 1_000_000
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InputError(f"watchlist name {name!r} may use only letters, digits, '.', '_' and '-' (1-100).")
    return name


def parse(name: str, text: str) -> Watchlist:
    """Validate TOML text as a watchlist; errors name the watchlist, the entry and the problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TOML_BYTES:
        raise WatchlistError(f"{name}: the watchlist is over {MAX_TOML_BYTES // 1000} kB.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"{name}: not valid TOML: {exc}.") from exc
    return parse_watchlist(data, source=name)


def save(store: Store, name: str, text: str, actor: str) -> StoredWatchlist:
    """Create or replace the watchlist called `name`."""
    check_name(name)
    watchlist = parse(name, text)
    with store.sessions.begin() as session:
        row = session.scalars(select(StoredWatchlist).where(StoredWatchlist.name == name)).first()
        created = row is None
        if row is None:
            row = StoredWatchlist(name=name)
            session.add(row)
        row.toml, row.entries, row.updated_at, row.updated_by = text, len(watchlist), now(), actor
    audit.record(store, actor, "watchlist.save", name,
                 {"created": created, "entries": len(watchlist), "ids": [e.id for e in watchlist.entries]})
    return row


def all_watchlists(store: Store) -> list[StoredWatchlist]:
    with store.sessions() as session:
        return list(session.scalars(select(StoredWatchlist).order_by(StoredWatchlist.name)))


def get(store: Store, name: str) -> StoredWatchlist:
    with store.sessions() as session:
        row = session.scalars(select(StoredWatchlist).where(StoredWatchlist.name == name)).first()
    if row is None:
        raise NotFoundError(f"no stored watchlist named {name!r}.")
    return row


def delete(store: Store, name: str, actor: str) -> None:
    with store.sessions.begin() as session:
        row = session.scalars(select(StoredWatchlist).where(StoredWatchlist.name == name)).first()
        if row is None:
            raise NotFoundError(f"no stored watchlist named {name!r}.")
        session.delete(row)
    audit.record(store, actor, "watchlist.delete", name)


def entries(row: StoredWatchlist) -> tuple[Entry, ...]:
    return parse(row.name, row.toml).entries


def targets(store: Store) -> dict[str, tuple[str, Entry]]:
    """Every stored entry by id, with the name of its watchlist: how findings' target ids are shown."""
    found: dict[str, tuple[str, Entry]] = {}
    for row in all_watchlists(store):
        for entry in entries(row):
            found.setdefault(entry.id, (row.name, entry))
    return found
