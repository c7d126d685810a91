"""Fixtures for the web app, the API and the safeguards: a seeded store, users of every role with
API tokens, an app over the store, and helpers to log in through the real login form.

Findings are saved through `Store.save` with hand-made verdicts, so no model is needed.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.fixtures import WATCHLIST_TOML
from threatline import watchlist_store
from threatline.config import Settings
from threatline.detect.base import Detection, Evidence
from threatline.pipeline import Finding, Verdict
from threatline.posts import Post
from threatline.prioritize import Priority
from threatline.review import accounts
from threatline.store import Store, schema
from threatline.web import create_app

PASSWORD = "correct horse battery staple"
ROLES = ("analyst", "supervisor", "admin", "auditor")
XSS_TEXT = (
    'Lyle Maddox will die. <script>window.__xss = "script";</script> '
    '<img src=x onerror="window.__xss = \'img\'"> see http://127.0.0.1:9/canary and "quotes" & ampersands'
)
_post_ids = count(1)


def span(text: str, phrase: str, kind: str, reason: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase, kind, reason)


def add_finding(
    store: Store,
    text: str,
    *,
    category: str = "threat",
    priority: int = 2,
    targets: Sequence[str] = ("reyes",),
    evidence: Sequence[tuple[str, str, str]] = (),
    reasons: Sequence[str] = ("specific time",),
    author: str | None = None,
    url: str | None = None,
    source: str = "testsource",
    score: float = 0.9,
    detected_at: datetime | None = None,
) -> int:
    """Save one flagged post as a finding and return its id. `evidence` is (phrase, kind, reason)."""
    post = Post(id=f"post-{next(_post_ids)}", text=text, source=source, author=author, url=url,
                created_at=(detected_at or datetime.now(UTC)) - timedelta(minutes=5))
    detection = Detection(category, score, tuple(targets),  # type: ignore[arg-type]
                          tuple(span(text, *e) for e in evidence))
    found = Finding(post, detection, Priority(priority, tuple(reasons)), "test-detector@1",
                    detected_at or datetime.now(UTC))
    store.save([Verdict(post.id, post.source, True, category, score, tuple(targets), found)], None)
    with store.sessions() as session:
        return int(session.scalars(select(schema.Finding.id).where(schema.Finding.post_id == post.id)).one())


@dataclass
class Seeded:
    urgent: int
    xss: int
    incitement: int
    exposure: int
    unsure: int
    ids: list[int]


def seed(store: Store) -> Seeded:
    """Five findings: two by one account (a case), the rest by accounts with one finding each."""
    now = datetime.now(UTC)
    urgent_text = "I am going to kill Dana Reyes tonight at her house. I have the gun ready."
    urgent = add_finding(
        store, urgent_text, priority=1, author="angry_account", source="bluesky", detected_at=now - timedelta(hours=1),
        evidence=[("Dana Reyes", "target", "names a protected person (Dana Reyes)"),
                  ("going to kill", "intent", "first-person intent to harm"),
                  ("tonight", "time", "a time"), ("at her house", "place", "a place"), ("gun", "means", "a weapon")],
        reasons=["first-person intent to harm", "names a protected person", "specific time", "specific place"],
        url="https://social.example/angry_account/post/1",
    )
    xss = add_finding(
        store, XSS_TEXT, priority=2, targets=("maddox",), author="angry_account", source="bluesky",
        detected_at=now - timedelta(hours=2),
        evidence=[("Lyle Maddox", "target", "names a protected person (Lyle Maddox)"),
                  ("will die", "violence", "death wished or foretold"),
                  ('<script>window.__xss = "script";</script>', "veiled", "a payload <b>in the reason</b>")],
        url='http://127.0.0.1:9/canary?x="><script>window.__xss="url"</script>',
    )
    incitement_text = "Everyone meet at Northgate on Friday and burn it down."
    incitement = add_finding(
        store, incitement_text, category="incitement", priority=2, targets=("northgate",), author="crowd_caller",
        detected_at=now - timedelta(days=1),
        evidence=[("Northgate", "target", "names a protected facility"), ("burn it down", "call", "calls for arson"),
                  ("on Friday", "time", "a time")],
        reasons=["calls on others to commit violence", "specific time"],
    )
    exposure_text = "Sheriff Reyes lives at 12 Alder Lane, Foxton. Pay her a visit."
    exposure = add_finding(
        store, exposure_text, category="exposure", priority=1, targets=("reyes",), author="doxxer",
        detected_at=now - timedelta(days=2),
        evidence=[("Sheriff Reyes", "target", "names a protected person"),
                  ("12 Alder Lane, Foxton", "private", "a private address from the watchlist"),
                  ("Pay her a visit", "call_to_act", "urges others to act")],
        reasons=["reveals a protected person's private information", "urges others to act on it"],
    )
    unsure_text = "Maddox is finished, politically speaking. Not that I'd hurt anyone."
    unsure = add_finding(
        store, unsure_text, priority=4, targets=("maddox",), author="single_poster", score=0.55,
        detected_at=now - timedelta(days=3),
        evidence=[("Maddox", "target", "names a protected person"), ("Not that I'd hurt anyone", "negation", "denies")],
        reasons=["detector is unsure (score 0.55)"],
    )
    return Seeded(urgent, xss, incitement, exposure, unsure, [urgent, xss, incitement, exposure, unsure])


@dataclass
class People:
    tokens: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its production cost takes ~0.3 s a hash here; the tests use the same code, cheaper.
    `test_production_hashing_is_argon2id_at_full_cost` checks the real settings."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", cheap)
    dummy = cheap.hash("dummy")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed(store)


@pytest.fixture
def people(store: Store) -> People:
    """One user per role, named after it, each with the password PASSWORD and an API token."""
    made = {}
    for role in ROLES:
        accounts.add_user(store, role, role, PASSWORD, "test-setup")
        made[role] = accounts.create_token(store, role, "test-setup")[1]
    watchlist_store.save(store, "main", WATCHLIST_TOML, "test-setup")
    return People(made)


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    return Settings(data_dir=tmp_path, database_url=sqlite_url)


@pytest.fixture
def app(store: Store, settings: Settings) -> FastAPI:
    return create_app(store, settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, people: People) -> Callable[..., Any]:
    """api(method, path, role="analyst", **kwargs): a request with that role's bearer token."""

    def call(method: str, path: str, role: str = "analyst", **kwargs: Any) -> Any:
        headers = {**people.headers(role), **kwargs.pop("headers", {})}
        return client.request(method, path, headers=headers, **kwargs)

    return call


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no form with a csrf_token"
    return found.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> Any:
    """Log in through the real form: GET /login for the token, POST it back."""
    page = client.get("/login")
    return client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(page.text),
                                       "next": "/"}, follow_redirects=False)


@pytest.fixture
def logged_in(client: TestClient, people: People) -> Callable[[str], TestClient]:
    def as_role(role: str) -> TestClient:
        answer = login(client, role)
        assert answer.status_code == 303, answer.text
        return client

    return as_role


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The app under a real uvicorn server on 127.0.0.1, in a thread; yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:  # wait for the socket to listen
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
