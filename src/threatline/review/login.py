"""Checking a password under the failed-login backoff: the web login form and `threatline ... --as NAME`.

After `BACKOFF.free_failures` failed logins for a name, each further attempt must wait twice as
long as the last (1 s, 2 s, 4 s, ... up to `max_wait`), counted in the database, so restarting
the server or spreading attempts over addresses does not reset it. A successful login clears it.

An attempt claims its place in the count *before* its password is checked, with one atomic
compare-and-set (`UPDATE ... WHERE count = <the count it read>`, or an insert of the first
failure that a concurrent insert makes fail). Of 30 attempts sent at once for one name, at most
`free_failures` get to check a password; the rest see the claims of the others and are told to
wait, and the count ends exactly at the number of passwords checked and found wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from ..errors import LoginError, LoginThrottled
from ..store import Store
from ..store.safeguards import LoginFailure, User
from ..timeutil import as_utc, now
from . import accounts


@dataclass(frozen=True)
class Backoff:
    free_failures: int = 3
    first_wait: float = 1.0
    max_wait: float = 300.0

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after the last of `failures` failed attempts."""
        if failures < self.free_failures:
            return 0.0
        return min(self.first_wait * 2.0 ** (failures - self.free_failures), self.max_wait)


BACKOFF = Backoff()


def attempt(store: Store, name: str, password: str) -> User:
    """The active user with this name and password; raises LoginThrottled while the name must wait
    (no password is checked then) and LoginError when the name or password is wrong."""
    key = _key(name)
    failures, wait = _claim(store, key)
    if wait > 0:
        raise LoginThrottled(f"too many failed logins for {name!r}; try again in {int(wait) + 1} seconds.", wait)
    user = accounts.authenticate(store, name, password)
    if user is None:
        raise LoginError(f"wrong name or password for {name!r}.", failures)
    clear_failures(store, name)
    return user


def login_wait(store: Store, name: str, at: datetime | None = None) -> float:
    """Seconds before `name` may try to log in again (0 when it may now)."""
    with store.sessions() as session:
        row = session.get(LoginFailure, _key(name))
    return 0.0 if row is None else _wait(row, at or now())


def clear_failures(store: Store, name: str) -> None:
    with store.sessions.begin() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.name == _key(name)))


def _claim(store: Store, key: str) -> tuple[int, float]:
    """Count one attempt for `key` if it may go ahead: returns (failures counted with it, 0), or
    (failures so far, seconds to wait) without counting it."""
    while True:  # ends: a lost race means another attempt was counted, and the wait only grows
        moment = now()
        try:
            with store.sessions.begin() as session:
                row = session.get(LoginFailure, key)
                if row is None:
                    session.add(LoginFailure(name=key, count=1, last_failed_at=moment))
                    session.flush()
                    return 1, 0.0
                wait = _wait(row, moment)
                if wait > 0:
                    return row.count, wait
                claimed = session.connection().execute(
                    update(LoginFailure).where(LoginFailure.name == key, LoginFailure.count == row.count)
                    .values(count=row.count + 1, last_failed_at=moment)
                ).rowcount
                if claimed == 1:
                    return row.count + 1, 0.0
        except IntegrityError:
            continue  # another attempt inserted the first failure first: read it and check again


def _wait(row: LoginFailure, at: datetime) -> float:
    elapsed = (at - as_utc(row.last_failed_at)).total_seconds()
    return max(0.0, BACKOFF.wait_after(row.count) - elapsed)


def _key(name: str) -> str:
    return name.strip().lower()[:100]
