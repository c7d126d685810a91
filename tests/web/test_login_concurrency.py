"""The login backoff under real concurrency: many clients posting wrong passwords for one name at once
to a real uvicorn server on 127.0.0.1, over SQLite and PostgreSQL.

Before the backoff claimed each attempt atomically, 30 such clients got 29 passwords checked instead
of 3, the failure counter ended at 10, and one of them got a 500 (IntegrityError on
`login_failures.name`).
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import PASSWORD, csrf_of, serving
from threatline.config import Settings
from threatline.review import accounts, audit, login
from threatline.store import Store
from threatline.store.safeguards import LoginFailure
from threatline.web import create_app

CLIENTS = 30


def test_parallel_wrong_passwords_check_only_the_free_attempts(
    any_store: Store, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(any_store, "dana", "analyst", PASSWORD, "test-setup")
    # A long first wait, so that no attempt in the burst is let through by time passing on a slow machine.
    monkeypatch.setattr(login, "BACKOFF", login.Backoff(first_wait=600.0))
    checked = Counter[str]()
    lock = threading.Lock()
    real_authenticate = accounts.authenticate

    def counting(store: Store, name: str, password: str) -> Any:
        with lock:
            checked[name] += 1
        return real_authenticate(store, name, password)

    monkeypatch.setattr(accounts, "authenticate", counting)
    app = create_app(any_store, Settings(data_dir=tmp_path, database_url=database_url))
    statuses: list[int] = []
    problems: list[BaseException] = []
    start = threading.Barrier(CLIENTS)

    def attacker(base_url: str) -> None:
        try:
            with httpx.Client(base_url=base_url, timeout=60) as client:
                token = csrf_of(client.get("/login").text)
                start.wait()
                answer = client.post("/login", data={"name": "dana", "password": "not the password!",
                                                     "csrf_token": token})
            with lock:
                statuses.append(answer.status_code)
        except BaseException as exc:  # reported below, from the test's own thread
            problems.append(exc)

    with serving(app) as base_url:
        threads = [threading.Thread(target=attacker, args=(base_url,)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    free = login.BACKOFF.free_failures
    assert not problems, problems
    assert Counter(statuses) == {200: free, 429: CLIENTS - free}  # no 500
    assert checked["dana"] == free
    with any_store.sessions() as session:
        assert session.get_one(LoginFailure, "dana").count == free
    failed = [e for e in audit.entries(any_store, 200) if e.action == "login.failed"]
    assert Counter(e.details["reason"] for e in failed) == {"wrong name or password": free,
                                                           "backoff": CLIENTS - free}
    assert sorted(e.details["failures"] for e in failed if "failures" in e.details) == list(range(1, free + 1))
