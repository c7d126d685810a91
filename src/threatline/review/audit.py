"""The audit log: who did what and when, appended to a hash chain so edits and deletions show.

Every entry stores the hash of the entry before it (`prev_hash`; 64 zeros for the first) and its
own `hash`, the sha256 of the canonical JSON of its id, time, actor, action, subject, details and
`prev_hash`. Editing any field breaks that entry's hash; deleting or inserting an entry breaks the
next entry's link; ids run 1, 2, 3, ... without gaps. Deleting the *newest* entries leaves a valid
but shorter chain, which only a head noted earlier can reveal: `threatline audit verify` prints the
head (id and hash) to keep somewhere else, and `--head ID:HASH` checks the chain still holds it.

Entries never hold post text or analysts' notes: a finding view records the finding's id, a
decision records the decision and whether a note came with it.

Actions: login, login.failed, logout, findings.list, finding.view, case.view, decision,
decision.refused, export, watchlist.save, watchlist.delete, user.add, user.disable, token.create,
token.revoke, purge, audit.view, server.error. `details.via` names the channel: cli, web or api
(with `details.auth`, token or session, for the API).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from ..errors import InputError
from ..store import Store
from ..store.safeguards import AuditEntry

GENESIS = "0" * 64
_RETRIES = 20
_lock = threading.Lock()


def entry_hash(
    entry_id: int, at: str, actor: str, action: str, subject: str | None, details: dict[str, Any], prev_hash: str
) -> str:
    canonical = json.dumps(
        {"id": entry_id, "at": at, "actor": actor, "action": action, "subject": subject, "details": details,
         "prev_hash": prev_hash},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    store: Store, actor: str, action: str, subject: str | int | None = None, details: dict[str, Any] | None = None
) -> AuditEntry:
    """Append one entry to the chain. Safe to call from many threads and processes at once."""
    details = json.loads(json.dumps(details or {}))  # exactly what the JSON column will give back
    subject_text = None if subject is None else str(subject)
    with _lock:
        for attempt in range(_RETRIES):
            try:
                return _append(store, actor, action, subject_text, details)
            except (IntegrityError, OperationalError):
                # Another process appended first (same id or prev_hash) or held the write lock: re-read the head.
                if attempt == _RETRIES - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


def _append(store: Store, actor: str, action: str, subject: str | None, details: dict[str, Any]) -> AuditEntry:
    with store.sessions.begin() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        entry_id = last.id + 1 if last else 1
        prev_hash = last.hash if last else GENESIS
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        entry = AuditEntry(
            id=entry_id, at=at, actor=actor, action=action, subject=subject, details=details, prev_hash=prev_hash,
            hash=entry_hash(entry_id, at, actor, action, subject, details, prev_hash),
        )
        session.add(entry)
    return entry


def entries(store: Store, limit: int = 100, offset: int = 0, action: str | None = None) -> list[AuditEntry]:
    """Newest first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    with store.sessions() as session:
        return list(session.scalars(query))


def count(store: Store, action: str | None = None) -> int:
    query = select(func.count(AuditEntry.id))
    if action:
        query = query.where(AuditEntry.action == action)
    with store.sessions() as session:
        return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class Verification:
    entries: int
    head_id: int
    head_hash: str
    broken_at: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None

    @property
    def head(self) -> str:
        return f"{self.head_id}:{self.head_hash}"


def verify(store: Store, head: str | None = None) -> Verification:
    """Walk the chain from the first entry; report the first entry that does not check out.

    `head` is an earlier `ID:HASH` from `Verification.head`: the chain must still contain it.
    """
    expected_id, expected_prev = 1, GENESIS
    seen = 0
    head_id, head_hash = _parse_head(head) if head else (None, None)
    head_found = head_id is None
    for row in _walk(store):
        seen += 1
        if row.id != expected_id:
            missing = f"entry {expected_id}" if row.id > expected_id else "an entry"
            return Verification(seen, expected_id - 1, expected_prev, row.id,
                                f"{missing} is missing before entry {row.id}, or ids were changed")
        if row.prev_hash != expected_prev:
            return Verification(seen, expected_id - 1, expected_prev, row.id,
                                "its link to the previous entry does not match: an entry before it was "
                                "deleted, inserted or edited")
        recomputed = entry_hash(row.id, row.at, row.actor, row.action, row.subject, row.details, row.prev_hash)
        if row.hash != recomputed:
            return Verification(seen, expected_id - 1, expected_prev, row.id,
                                "its content does not match its hash: the entry was edited")
        if row.id == head_id:
            if row.hash != head_hash:
                return Verification(seen, row.id, row.hash, row.id,
                                    "it differs from the head noted earlier: the log was rewritten from here")
            head_found = True
        expected_id, expected_prev = row.id + 1, row.hash
    if not head_found:
        return Verification(seen, expected_id - 1, expected_prev, head_id,
                            f"the log ends at entry {expected_id - 1}, before the head noted earlier: "
                            "the newest entries were deleted")
    return Verification(seen, expected_id - 1, expected_prev)


def _walk(store: Store) -> Iterator[AuditEntry]:
    with store.sessions() as session:
        yield from session.scalars(select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=1000))


def _parse_head(head: str) -> tuple[int, str]:
    number, _, digest = head.partition(":")
    if not number.isdigit() or len(digest) != 64:
        raise InputError(f"--head {head!r} is not ID:HASH as printed by `threatline audit verify`.")
    return int(number), digest.lower()
