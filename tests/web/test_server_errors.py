"""A bug answers 500 with the same security headers as every other response, and is audited.

Starlette answers an unhandled exception outside the app's middleware, so without the app's own
handler a 500 carried no Content-Security-Policy and left no trace in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.conftest import People, login
from threatline.review import audit
from threatline.store import Store
from threatline.web.security import CSP, HEADERS


def broken(*_args: object, **_kwargs: object) -> int:
    raise RuntimeError("a bug with a secret in its message: Dana Reyes")


@pytest.fixture
def buggy(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A client of an app whose findings listing fails; its 500s come back as responses, not raised."""
    monkeypatch.setattr(Store, "count_findings", broken)
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as client:
        yield client


def assert_hardened(answer: Any) -> None:
    for name, value in HEADERS.items():
        assert answer.headers[name] == value, name
    assert answer.headers["content-security-policy"] == CSP
    assert answer.headers["cache-control"] == "no-store"


def test_an_api_500_has_the_headers_and_is_audited(buggy: TestClient, store: Store, people: People) -> None:
    answer = buggy.get("/api/v1/findings?category=threat", headers=people.headers("analyst"))

    assert answer.status_code == 500
    assert answer.json()["error"].startswith("internal error:")
    assert "Dana Reyes" not in answer.text
    assert_hardened(answer)
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject, entry.details) == (
        "analyst", "server.error", "/api/v1/findings", {"method": "GET", "error": "RuntimeError"})


def test_a_page_500_has_the_headers_and_is_audited(buggy: TestClient, store: Store, people: People) -> None:
    assert login(buggy, "supervisor").status_code == 303
    answer = buggy.get("/queue")

    assert answer.status_code == 500
    assert "Something is wrong (500)" in answer.text and "<script" not in answer.text
    assert_hardened(answer)
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject) == ("supervisor", "server.error", "/queue")


def test_a_500_keeps_its_headers_when_the_audit_log_fails_too(
    buggy: TestClient, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "record", broken)
    answer = buggy.get("/api/v1/findings", headers=people.headers("analyst"))
    assert answer.status_code == 500
    assert_hardened(answer)
