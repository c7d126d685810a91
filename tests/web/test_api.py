"""The /api/v1 JSON API: findings, decisions, cases, watchlists, counters, report, audit, users."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.fixtures import WATCHLIST_TOML
from tests.web.conftest import PASSWORD, XSS_TEXT, Seeded
from threatline.pipeline import RunStats
from threatline.review import audit
from threatline.store import Store


def test_findings_are_paginated_by_priority_then_time(api, seeded: Seeded) -> None:
    first = api("GET", "/api/v1/findings?limit=2").json()
    assert first["total"] == 5 and first["limit"] == 2 and first["offset"] == 0 and first["next_offset"] == 2
    assert [f["id"] for f in first["items"]] == [seeded.urgent, seeded.exposure]  # both P1, newest first
    second = api("GET", "/api/v1/findings?limit=2&offset=2").json()
    assert [f["id"] for f in second["items"]] == [seeded.xss, seeded.incitement]
    last = api("GET", "/api/v1/findings?limit=2&offset=4").json()
    assert [f["id"] for f in last["items"]] == [seeded.unsure] and last["next_offset"] is None
    item = first["items"][0]
    assert item["priority"] == 1 and item["evidence"][0] == {
        "start": 19, "end": 29, "text": "Dana Reyes", "kind": "target",
        "reason": "names a protected person (Dana Reyes)"}
    assert datetime.fromisoformat(item["detected_at"]).utcoffset() == timedelta(0)


def test_findings_filters(api, seeded: Seeded) -> None:
    def ids(query: str) -> set[int]:
        answer = api("GET", f"/api/v1/findings?{query}")
        assert answer.status_code == 200, answer.text
        return {f["id"] for f in answer.json()["items"]}

    assert ids("category=incitement") == {seeded.incitement}
    assert ids("target=maddox") == {seeded.xss, seeded.unsure}
    assert ids("category=threat&target=reyes") == {seeded.urgent}
    now = datetime.now(UTC)
    assert ids(f"since={(now + timedelta(days=1)).date()}") == set()
    assert ids(f"since={(now - timedelta(days=10)).date()}") == set(seeded.ids)
    recent = ids(f"since={(now - timedelta(hours=1)).date()}")
    assert seeded.urgent in recent and seeded.unsure not in recent
    old = ids(f"until={(now - timedelta(days=3)).date()}")
    assert seeded.unsure in old and seeded.urgent not in old
    api("POST", f"/api/v1/findings/{seeded.incitement}/decisions", json={"decision": "monitor"})
    assert ids("status=reviewing") == {seeded.incitement}
    assert ids("status=new") == set(seeded.ids) - {seeded.incitement}


def test_bad_input_gets_a_clear_4xx(api, seeded: Seeded) -> None:
    for query, field in [("limit=0", "limit"), ("limit=1000", "limit"), ("offset=-1", "offset"),
                         ("status=closed", "status"), ("category=spam", "category"), ("since=yesterday", "since"),
                         ("target=%22%25", "target"), ("limit=abc", "limit")]:
        answer = api("GET", f"/api/v1/findings?{query}")
        assert answer.status_code == 422, query
        body = answer.json()
        assert body["error"].startswith("invalid request: query." + field), body
        assert body["detail"][0]["location"] == f"query.{field}"
    assert api("GET", "/api/v1/findings/999").status_code == 404
    assert "no finding with id 999" in api("GET", "/api/v1/findings/999").json()["error"]
    assert api("GET", "/api/v1/findings/0").status_code == 422
    assert api("GET", "/api/v1/findings/abc").status_code == 422
    decide = f"/api/v1/findings/{seeded.urgent}/decisions"
    assert api("POST", decide, json={"decision": "delete"}).status_code == 422
    assert api("POST", decide, json={"decision": "dismiss", "extra": 1}).status_code == 422
    assert api("POST", decide, content=b"not json", headers={"Content-Type": "application/json"}).status_code == 422
    assert api("POST", decide, json={"decision": "dismiss", "note": "x" * 4001}).status_code == 422
    assert api("POST", "/api/v1/findings/999/decisions", json={"decision": "dismiss"}).status_code == 404


def test_reading_a_finding_is_audited_by_id_only(api, store: Store, seeded: Seeded) -> None:
    answer = api("GET", f"/api/v1/findings/{seeded.xss}")
    assert answer.json()["text"] == XSS_TEXT  # JSON carries the text as it is; escaping is the page's job
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject, entry.details) == ("analyst", "finding.view", str(seeded.xss),
                                                                         {"via": "api", "auth": "token"})
    api("GET", "/api/v1/findings?category=threat")
    listed = audit.entries(store, 1)[0]
    assert listed.action == "findings.list" and set(listed.details["finding_ids"]) == {seeded.urgent, seeded.xss,
                                                                                        seeded.unsure}


def test_a_decision_changes_the_status_and_is_audited_without_its_note(api, store: Store, seeded: Seeded) -> None:
    note = "Spoke to the protective detail; the address is real."
    answer = api("POST", f"/api/v1/findings/{seeded.urgent}/decisions", "supervisor",
                 json={"decision": "escalate", "note": note})
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "escalated"
    assert body["decisions"][-1] | {"decided_at": None} == {
        "decision": "escalate", "note": note, "actor": "supervisor", "channel": "api", "from_status": "new",
        "to_status": "escalated", "decided_at": None}
    entry = audit.entries(store, 1)[0]
    assert (entry.action, entry.subject, entry.details) == ("decision", str(seeded.urgent), {
        "decision": "escalate", "note": True, "via": "api", "from": "new", "to": "escalated"})
    assert note not in str([e.details for e in audit.entries(store, 100)])


def test_export_is_for_supervisors_and_audited(api, store: Store, seeded: Seeded) -> None:
    answer = api("GET", "/api/v1/findings/export?category=threat", "supervisor")
    assert answer.status_code == 200
    assert answer.json()["count"] == 3
    entry = audit.entries(store, 1)[0]
    assert entry.action == "export" and entry.details["count"] == 3
    assert entry.details["filter"] == {"category": "threat"}
    assert api("GET", "/api/v1/findings/export", "analyst").status_code == 403


def test_cases_group_by_target_and_by_accounts_with_more_than_one_finding(api, seeded: Seeded) -> None:
    body = api("GET", "/api/v1/cases").json()
    targets = {c["key"]: c for c in body["targets"]}
    assert set(targets) == {"reyes", "maddox", "northgate"}
    assert targets["reyes"]["findings"] == 2 and targets["reyes"]["top_priority"] == 1
    assert [(c["source"], c["author"], c["findings"]) for c in body["accounts"]] == [("bluesky", "angry_account", 2)]
    case = api("GET", "/api/v1/cases/accounts?source=bluesky&author=angry_account").json()
    assert [f["id"] for f in case["findings"]] == [seeded.xss, seeded.urgent]  # a timeline: oldest first
    timeline = api("GET", "/api/v1/cases/targets/maddox").json()
    assert [f["id"] for f in timeline["findings"]] == [seeded.unsure, seeded.xss]


def test_an_account_with_one_finding_is_never_a_case(api, seeded: Seeded) -> None:
    single = api("GET", "/api/v1/cases/accounts?source=testsource&author=single_poster")
    assert single.status_code == 404
    unknown = api("GET", "/api/v1/cases/accounts?source=testsource&author=nobody")
    assert unknown.json()["error"] == single.json()["error"].replace("single_poster", "nobody")
    # a dismissed finding does not count against the account either
    api("POST", f"/api/v1/findings/{seeded.xss}/decisions", json={"decision": "dismiss"})
    assert api("GET", "/api/v1/cases").json()["accounts"] == []
    assert api("GET", "/api/v1/cases/accounts?source=bluesky&author=angry_account").status_code == 404
    assert api("GET", "/api/v1/cases/targets/nobody").status_code == 404


def test_watchlists_listed_for_analysts_managed_by_admins(api, store: Store, people) -> None:
    assert [w["name"] for w in api("GET", "/api/v1/watchlists").json()] == ["main"]
    for_analyst = api("GET", "/api/v1/watchlists/main").json()
    assert for_analyst["toml"] is None  # the TOML holds private facts
    assert {i["id"] for i in for_analyst["items"]} == {"reyes", "maddox", "northgate", "ice"}
    assert "12 Alder Lane" not in str(for_analyst)
    assert api("GET", "/api/v1/watchlists/main", "admin").json()["toml"] == WATCHLIST_TOML

    new = '[[facility]]\nid = "hall"\nname = "Foxton City Hall"\n'
    assert api("PUT", "/api/v1/watchlists/city", json={"toml": new}).status_code == 403
    saved = api("PUT", "/api/v1/watchlists/city", "admin", json={"toml": new})
    assert saved.status_code == 200 and saved.json()["entries"] == 1 and saved.json()["updated_by"] == "admin"
    entry = audit.entries(store, 1)[0]
    assert (entry.action, entry.subject, entry.details["ids"]) == ("watchlist.save", "city", ["hall"])

    bad = api("PUT", "/api/v1/watchlists/city", "admin", json={"toml": '[[topic]]\nid = "x"\nname = "y"\n'})
    assert bad.status_code == 400 and "unknown table 'topic'" in bad.json()["error"]
    broken = api("PUT", "/api/v1/watchlists/city", "admin", json={"toml": "[[person]\n"})
    assert broken.status_code == 400 and "not valid TOML" in broken.json()["error"]
    assert api("PUT", "/api/v1/watchlists/bad%20name", "admin", json={"toml": new}).status_code == 422
    assert api("DELETE", "/api/v1/watchlists/city", "admin").status_code == 204
    assert api("DELETE", "/api/v1/watchlists/city", "admin").status_code == 404
    assert audit.entries(store, 1)[0].action == "watchlist.delete"


def test_the_finding_shows_stored_target_names(api, seeded: Seeded) -> None:
    assert api("GET", f"/api/v1/findings/{seeded.urgent}").json()["targets"] == ["reyes"]


def test_counters_and_transparency(api, store: Store, seeded: Seeded) -> None:
    run_id = store.start_run("test@1", "wl.toml")
    stats = RunStats(read=100, dropped=80, relevant=20)
    stats.flagged.update({"threat": 3, "exposure": 1})
    store.finish_run(run_id, stats)
    counters = api("GET", "/api/v1/counters").json()
    assert (counters["read"], counters["dropped"], counters["relevant_not_flagged"]) == (100, 80, 16)
    assert counters["flagged"] == {"threat": 3, "exposure": 1}
    assert counters["held_now"]["new"] == 5 and counters["recent_runs"][0]["id"] == run_id
    report = api("GET", "/api/v1/transparency?period=day", "auditor").json()
    today = report["periods"][0]
    assert today["period"] == datetime.now(UTC).date().isoformat()
    assert (today["read"], today["dropped_not_relevant"], today["relevant_not_flagged"]) == (100, 80, 16)
    assert report["held_now"]["total"] == 5
    assert api("GET", "/api/v1/transparency?period=year").status_code == 422


def test_audit_api(api, seeded: Seeded) -> None:
    api("GET", f"/api/v1/findings/{seeded.urgent}")
    page = api("GET", "/api/v1/audit?limit=3", "auditor").json()
    assert page["items"][0]["action"] == "audit.view" and page["items"][1]["action"] == "finding.view"
    assert page["total"] >= 3 and page["next_offset"] == 3
    check = api("GET", "/api/v1/audit/verify", "auditor").json()
    assert check["ok"] is True and check["broken_at"] is None and check["head"].startswith(f"{check['entries']}:")


def test_users_api(api, store: Store, people) -> None:
    made = api("POST", "/api/v1/users", "admin", json={"name": "erin", "role": "analyst", "password": PASSWORD})
    assert made.status_code == 201 and made.json()["role"] == "analyst"
    assert audit.entries(store, 1)[0].action == "user.add"
    again = api("POST", "/api/v1/users", "admin", json={"name": "erin", "role": "analyst", "password": PASSWORD})
    assert again.status_code == 400 and "already exists" in again.json()["error"]
    weak = api("POST", "/api/v1/users", "admin", json={"name": "finn", "role": "analyst", "password": "short"})
    assert weak.status_code == 422
    assert "password" not in str(api("GET", "/api/v1/users", "admin").json())
    assert api("POST", "/api/v1/users/erin/disable", "admin").json()["disabled"] is True
    assert api("POST", "/api/v1/users/admin/disable", "admin").status_code == 400
    assert api("POST", "/api/v1/users/ghost/disable", "admin").status_code == 404


def test_me(api, people) -> None:
    me = api("GET", "/api/v1/me", "supervisor").json()
    assert me["name"] == "supervisor" and "findings:escalate" in me["permissions"] and me["via"] == "token"


def test_openapi_document_and_docs(api, client: TestClient, people) -> None:
    assert client.get("/api/v1/openapi.json").status_code == 401
    spec = api("GET", "/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    listing = spec["paths"]["/api/v1/findings"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"limit", "offset", "status", "category", "target"}
    assert listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/FindingPage")
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert not any(path.startswith(("/queue", "/login")) for path in spec["paths"])
    docs = api("GET", "/api/v1/docs")
    assert docs.status_code == 200 and "GET" in docs.text and "/api/v1/findings" in docs.text
    assert "<script" not in docs.text


def test_security_headers_on_api_responses(api, client: TestClient, people) -> None:
    for answer in (api("GET", "/api/v1/findings"), client.get("/api/v1/findings"), client.get("/health")):
        assert "default-src 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["cache-control"] == "no-store"
