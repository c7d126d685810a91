"""Accounts, sessions, tokens, CSRF, the login backoff and what each role may do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text, update

from tests.web.conftest import PASSWORD, People, csrf_of, login
from threatline.errors import InputError
from threatline.review import accounts, audit
from threatline.review.login import BACKOFF, Backoff, login_wait
from threatline.store import Store
from threatline.store.safeguards import ApiToken, LoginFailure, User, WebSession
from threatline.timeutil import now
from threatline.web.auth import SESSION_COOKIE

FREE_FAILURES = BACKOFF.free_failures

PAGES = ["/", "/queue", "/findings/1", "/cases", "/cases/target/reyes", "/watchlists", "/watchlists/main",
         "/users", "/audit", "/transparency", "/api/v1/docs"]


def test_every_page_but_login_and_health_needs_a_login(client: TestClient, people: People) -> None:
    for path in PAGES:
        answer = client.get(path, follow_redirects=False)
        if path.startswith("/api/"):
            assert answer.status_code == 401, path
        else:
            assert answer.status_code == 303, path
            assert answer.headers["location"].startswith("/login?next="), path
    assert client.get("/login").status_code == 200
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_every_api_route_needs_a_token(app, client: TestClient, people: People) -> None:
    for route in app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/api/v1/") or path == "/api/v1/health":
            continue
        concrete = path.replace("{finding_id}", "1").replace("{name}", "main").replace("{target}", "reyes")
        for method in route.methods - {"HEAD"}:
            answer = client.request(method, concrete)
            assert answer.status_code == 401, (method, concrete)
            assert answer.headers["www-authenticate"] == "Bearer"
            assert "error" in answer.json()


def test_bad_revoked_and_disabled_tokens_are_refused(client: TestClient, store: Store, people: People) -> None:
    assert client.get("/api/v1/me", headers=people.headers("analyst")).json()["name"] == "analyst"
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer tl_wrong"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"Basic {people.tokens['analyst']}"}).status_code == 401
    token_id = accounts.tokens(store)[0][0].id
    accounts.revoke_token(store, token_id, "test")
    assert client.get("/api/v1/me", headers=people.headers("analyst")).status_code == 401
    accounts.disable_user(store, "supervisor", "test")
    assert client.get("/api/v1/me", headers=people.headers("supervisor")).status_code == 401


def test_secrets_are_stored_only_as_hashes(store: Store, people: People) -> None:
    with store.sessions() as session:
        hashes = list(session.scalars(select(User.password_hash)))
        token_hashes = list(session.scalars(select(ApiToken.token_hash)))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert PASSWORD not in "".join(hashes)
    assert not set(people.tokens.values()) & set(token_hashes)
    assert accounts.digest(people.tokens["admin"]) in token_hashes


def test_production_hashing_is_argon2id_at_full_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # back to the module's own hasher, not the tests' cheap one
    assert accounts._hasher.type.name == "ID"
    assert accounts._hasher.time_cost >= 3 and accounts._hasher.memory_cost >= 65536
    assert accounts._dummy_hash().startswith("$argon2id$v=19$m=65536,t=3")


def test_login_sets_a_hardened_session_cookie_and_a_fresh_id(client: TestClient, store: Store, people: People) -> None:
    first = login(client, "analyst")
    assert first.status_code == 303
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    old_id = client.cookies[SESSION_COOKIE]
    login(client, "analyst")
    assert client.cookies[SESSION_COOKIE] != old_id
    with store.sessions() as session:
        assert session.scalar(select(WebSession).where(WebSession.id_hash == accounts.digest(old_id))) is None
        assert old_id not in [s.id_hash for s in session.scalars(select(WebSession))]


def test_the_cookie_is_secure_behind_tls(app, people: People) -> None:
    with TestClient(app, base_url="https://threatline.example") as tls:
        page = tls.get("/login")
        answer = tls.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
                          follow_redirects=False)
    assert answer.status_code == 303
    assert "Secure" in answer.headers["set-cookie"]
    assert answer.headers["strict-transport-security"].startswith("max-age=")


def test_login_form_needs_its_csrf_token(client: TestClient, people: People) -> None:
    client.get("/login")
    missing = client.post("/login", data={"name": "analyst", "password": PASSWORD})
    assert missing.status_code == 403
    wrong = client.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": "forged"})
    assert wrong.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_a_post_from_another_site_is_refused_even_with_the_token(client: TestClient, people: People) -> None:
    token = csrf_of(client.get("/login").text)
    answer = client.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": token},
                         headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403


def test_every_logged_in_form_needs_the_session_token(logged_in, seeded) -> None:
    client = logged_in("admin")
    for path, data in [
        (f"/findings/{seeded.urgent}/decision", {"decision": "dismiss"}),
        ("/export", {}),
        ("/watchlists", {"name": "x", "toml": "[[person]]\nid='a'\nname='A'"}),
        ("/users", {"name": "eve", "role": "admin", "password": PASSWORD}),
        ("/users/analyst/disable", {}),
        ("/watchlists/main/delete", {}),
        ("/logout", {}),
    ]:
        assert client.post(path, data=data, follow_redirects=False).status_code == 403, path
        assert client.post(path, data={**data, "csrf_token": "nope"}, follow_redirects=False).status_code == 403, path


def test_logout_ends_the_session(logged_in, store: Store) -> None:
    client = logged_in("analyst")
    session_id = client.cookies[SESSION_COOKIE]
    token = csrf_of(client.get("/queue").text)
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    client.cookies.set(SESSION_COOKIE, session_id)  # replaying the old cookie does not work
    assert client.get("/queue", follow_redirects=False).status_code == 303
    assert [e.action for e in audit.entries(store, 10)][:2] == ["logout", "findings.list"]


def test_an_expired_session_is_refused(logged_in, store: Store) -> None:
    client = logged_in("analyst")
    with store.sessions.begin() as session:
        session.execute(update(WebSession).values(expires_at=now() - timedelta(seconds=1)))
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_failed_logins_back_off_and_are_audited(client: TestClient, store: Store, people: People) -> None:
    for attempt in range(FREE_FAILURES):
        failed = login(client, "analyst", "wrong password!")
        assert failed.status_code == 200 and "Wrong name or password." in failed.text, attempt
        assert SESSION_COOKIE not in client.cookies
    assert login_wait(store, "analyst") > 0
    blocked = login(client, "analyst")  # even the right password waits
    assert blocked.status_code == 429
    assert "Try again in" in blocked.text
    with store.sessions.begin() as session:
        session.execute(update(LoginFailure).values(last_failed_at=now() - timedelta(seconds=5)))
    assert login(client, "analyst").status_code == 303
    assert login_wait(store, "analyst") == 0
    actions = [e.action for e in audit.entries(store, 10)]
    assert actions[:2] == ["login", "login.failed"]
    assert actions.count("login.failed") == FREE_FAILURES + 1
    assert PASSWORD not in str([e.details for e in audit.entries(store, 10)])


def test_the_backoff_doubles_and_is_capped() -> None:
    backoff = Backoff(free_failures=3, first_wait=1.0, max_wait=300.0)
    waits = [backoff.wait_after(failures) for failures in range(1, 16)]
    assert waits[:2] == [0, 0]
    assert waits[2:6] == [1, 2, 4, 8]
    assert max(waits) == 300.0 and waits[-1] == 300.0


def test_unknown_names_fail_like_wrong_passwords(client: TestClient, people: People) -> None:
    answer = login(client, "nobody")
    assert answer.status_code == 200
    assert "Wrong name or password." in answer.text
    assert SESSION_COOKIE not in client.cookies


def test_disabled_users_cannot_log_in(client: TestClient, store: Store, people: People) -> None:
    accounts.disable_user(store, "analyst", "test")
    assert "Wrong name or password." in login(client, "analyst").text
    assert SESSION_COOKIE not in client.cookies


def test_open_redirects_are_refused(client: TestClient, people: People) -> None:
    token = csrf_of(client.get("/login").text)
    for target in ("//evil.example/x", "https://evil.example", "/\\evil.example"):
        answer = client.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": token,
                                             "next": target}, follow_redirects=False)
        assert answer.headers["location"] == "/", target
        token = csrf_of(client.get("/login").text)


def test_login_returns_to_the_page_asked_for(client: TestClient, people: People) -> None:
    asked = client.get("/cases", follow_redirects=False).headers["location"]
    page = client.get(asked)
    answer = client.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": csrf_of(page.text),
                                         "next": "/cases"}, follow_redirects=False)
    assert answer.headers["location"] == "/cases"


@pytest.mark.parametrize(("role", "allowed"), [
    ("analyst", {"/queue", "/cases", "/watchlists", "/transparency", "/findings/1", "/api/v1/docs"}),
    ("supervisor", {"/queue", "/cases", "/watchlists", "/transparency", "/findings/1", "/api/v1/docs"}),
    ("admin", {"/queue", "/cases", "/watchlists", "/transparency", "/findings/1", "/users", "/audit",
               "/api/v1/docs"}),
    ("auditor", {"/audit", "/transparency", "/api/v1/docs"}),
])
def test_pages_each_role_may_open(logged_in, seeded, role: str, allowed: set[str]) -> None:
    client = logged_in(role)
    for path in ["/queue", "/cases", "/watchlists", "/transparency", "/findings/1", "/users", "/audit",
                 "/api/v1/docs"]:
        status = client.get(path).status_code
        assert status == (200 if path in allowed else 403), (role, path, status)


@pytest.mark.parametrize(("role", "decision", "status"), [
    ("analyst", "dismiss", 200), ("analyst", "monitor", 200), ("analyst", "escalate", 403),
    ("supervisor", "escalate", 200), ("admin", "escalate", 200), ("auditor", "dismiss", 403),
])
def test_who_may_decide_what(api, seeded, role: str, decision: str, status: int) -> None:
    answer = api("POST", f"/api/v1/findings/{seeded.urgent}/decisions", role, json={"decision": decision})
    assert answer.status_code == status, answer.text
    if status == 403:
        assert "forbidden" in answer.json()["error"]


@pytest.mark.parametrize(("path", "allowed"), [
    ("/api/v1/findings", {"analyst", "supervisor", "admin"}),
    ("/api/v1/findings/export", {"supervisor", "admin"}),
    ("/api/v1/cases", {"analyst", "supervisor", "admin"}),
    ("/api/v1/watchlists", {"analyst", "supervisor", "admin"}),
    ("/api/v1/audit", {"admin", "auditor"}),
    ("/api/v1/audit/verify", {"admin", "auditor"}),
    ("/api/v1/users", {"admin"}),
    ("/api/v1/transparency", {"analyst", "supervisor", "admin", "auditor"}),
    ("/api/v1/counters", {"analyst", "supervisor", "admin", "auditor"}),
])
def test_api_roles(api, seeded, path: str, allowed: set[str]) -> None:
    for role in ("analyst", "supervisor", "admin", "auditor"):
        assert api("GET", path, role).status_code == (200 if role in allowed else 403), (role, path)


def test_the_auditor_reads_no_post_text(api, seeded) -> None:
    for path in ("/api/v1/findings", f"/api/v1/findings/{seeded.urgent}", "/api/v1/cases",
                 "/api/v1/cases/targets/reyes", "/api/v1/findings/export"):
        assert api("GET", path, "auditor").status_code == 403, path


def test_a_session_may_use_the_api_but_must_send_csrf_to_change_anything(logged_in, seeded) -> None:
    client = logged_in("analyst")
    assert client.get("/api/v1/findings").status_code == 200
    url = f"/api/v1/findings/{seeded.urgent}/decisions"
    assert client.post(url, json={"decision": "monitor"}).status_code == 403
    token = csrf_of(client.get("/queue").text)
    assert client.post(url, json={"decision": "monitor"}, headers={"X-CSRF-Token": token}).status_code == 200


def test_user_names_and_passwords_are_checked(store: Store) -> None:
    with pytest.raises(InputError, match="at least 12"):
        accounts.add_user(store, "bob", "analyst", "short", "test")
    with pytest.raises(InputError, match="may use only"):
        accounts.add_user(store, "bob smith", "analyst", PASSWORD, "test")
    with pytest.raises(InputError, match="unknown role"):
        accounts.add_user(store, "bob", "root", PASSWORD, "test")
    accounts.add_user(store, "bob", "analyst", PASSWORD, "test")
    with pytest.raises(InputError, match="already exists"):
        accounts.add_user(store, "bob", "admin", PASSWORD, "test")
    with store.sessions() as session:
        assert session.execute(text("select count(*) from users")).scalar() == 1
