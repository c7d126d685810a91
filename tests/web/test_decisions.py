"""The review workflow through the API and the pages: refusals answered 403 or 409 (and documented),
shown on the finding page; escalation requests; the channel of every decision in the history."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.actors import SUPERVISOR
from tests.web.conftest import Seeded, csrf_of
from threatline.review import audit
from threatline.review.decisions import decide
from threatline.store import Store

# (what happened before, as (role, decision) through the API; who tries what; the answer)
REFUSALS = [
    ([("supervisor", "escalate")], "analyst", "dismiss", 403),
    ([("supervisor", "escalate")], "analyst", "monitor", 403),
    ([("supervisor", "escalate")], "analyst", "resolve", 403),
    ([("supervisor", "escalate")], "analyst", "escalate", 409),
    ([("supervisor", "escalate")], "supervisor", "escalate", 409),
    ([], "analyst", "escalate", 403),
    ([], "analyst", "resolve", 409),
    ([], "admin", "reopen", 409),
    ([], "auditor", "monitor", 403),
    ([("analyst", "request_escalation")], "analyst", "dismiss", 403),
    ([("analyst", "request_escalation")], "supervisor", "request_escalation", 409),
    ([("analyst", "dismiss")], "analyst", "dismiss", 409),
    ([("analyst", "monitor"), ("analyst", "resolve")], "analyst", "reopen", 403),
]


@pytest.mark.parametrize(("before", "role", "decision", "status"), REFUSALS,
                         ids=[f"{r[1]}-{r[2]}-after-{'-'.join(d for _, d in r[0]) or 'nothing'}" for r in REFUSALS])
def test_the_api_refuses_what_the_workflow_forbids(api: Any, store: Store, seeded: Seeded,
                                                   before: list[tuple[str, str]], role: str, decision: str,
                                                   status: int) -> None:
    url = f"/api/v1/findings/{seeded.urgent}/decisions"
    for earlier_role, earlier in before:
        assert api("POST", url, earlier_role, json={"decision": earlier}).status_code == 200
    found = store.finding(seeded.urgent)

    answer = api("POST", url, role, json={"decision": decision, "note": "trying"})

    assert answer.status_code == status, answer.text
    assert answer.json()["error"].startswith("forbidden:" if status == 403 else "conflict:")
    after = store.finding(seeded.urgent)
    assert (after.status, after.version, len(after.decisions)) == (found.status, found.version, len(found.decisions))


def test_the_openapi_document_names_every_refusal(api: Any) -> None:
    spec = api("GET", "/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/findings/{finding_id}/decisions"]["post"]
    assert {"403", "404", "409", "422"} <= set(operation["responses"])
    assert "409" in operation["description"] and "403" in operation["description"]
    decision = spec["components"]["schemas"]["DecisionIn"]["properties"]["decision"]
    assert set(decision["enum"]) == {"monitor", "dismiss", "escalate", "resolve", "reopen", "request_escalation"}
    assert "escalation_request" in spec["components"]["schemas"]["FindingOut"]["properties"]
    listing = {p["name"] for p in spec["paths"]["/api/v1/findings"]["get"]["parameters"]}
    assert "escalation_requested" in listing


def test_the_finding_page_offers_only_the_allowed_moves_and_shows_a_refusal(logged_in: Any, store: Store,
                                                                             seeded: Seeded) -> None:
    decide(store, seeded.urgent, "escalate", SUPERVISOR)
    client = logged_in("analyst")
    page = client.get(f"/findings/{seeded.urgent}")
    assert 'id="decision-form"' not in page.text and 'id="request-escalation"' not in page.text
    assert "only a supervisor or admin moves it on" in page.text

    refused = client.post(f"/findings/{seeded.urgent}/decision",
                          data={"decision": "dismiss", "csrf_token": csrf_of(page.text)})

    assert refused.status_code == 403
    assert 'id="refused"' in refused.text and "a supervisor escalated it" in refused.text
    assert store.finding(seeded.urgent).status == "escalated"
    assert audit.entries(store, 1)[0].action == "decision.refused"


def test_an_analyst_requests_escalation_and_a_supervisor_answers_it(client: TestClient, api: Any, store: Store,
                                                                    seeded: Seeded, logged_in: Any) -> None:
    analyst = logged_in("analyst")
    page = analyst.get(f"/findings/{seeded.exposure}").text
    assert 'id="request-escalation"' in page and 'value="escalate"' not in page
    asked = analyst.post(f"/findings/{seeded.exposure}/decision", follow_redirects=False,
                         data={"decision": "request_escalation", "note": "the address is real",
                               "csrf_token": csrf_of(page)})
    assert asked.status_code == 303
    assert audit.entries(store, 1)[0].details == {"decision": "request_escalation", "note": True, "via": "web",
                                                  "from": "new", "to": "new"}

    waiting = api("GET", "/api/v1/findings?escalation_requested=true", "supervisor").json()
    assert [f["id"] for f in waiting["items"]] == [seeded.exposure]
    assert waiting["items"][0]["escalation_request"]["requested_by"] == "analyst"
    assert api("GET", "/api/v1/findings?escalation_requested=false", "supervisor").json()["total"] == 4

    client.cookies.clear()
    supervisor = logged_in("supervisor")
    queue = supervisor.get("/queue?requested=1").text
    assert queue.count("data-finding=") == 1 and "escalation requested" in queue
    finding_page = supervisor.get(f"/findings/{seeded.exposure}").text
    assert 'id="escalation-request"' in finding_page and "Escalation requested by analyst" in finding_page
    supervisor.post(f"/findings/{seeded.exposure}/decision",
                    data={"decision": "escalate", "csrf_token": csrf_of(finding_page)})
    answered = store.finding(seeded.exposure)
    assert (answered.status, answered.escalation_requested_at) == ("escalated", None)
    assert "data-finding=" not in supervisor.get("/queue?requested=1").text


def test_the_history_names_the_channel_of_every_decision(api: Any, store: Store, seeded: Seeded,
                                                         logged_in: Any) -> None:
    decide(store, seeded.unsure, "monitor", SUPERVISOR)  # SUPERVISOR acts at the command line
    assert api("POST", f"/api/v1/findings/{seeded.unsure}/decisions", "supervisor",
               json={"decision": "escalate"}).status_code == 200
    client = logged_in("admin")
    page = client.get(f"/findings/{seeded.unsure}").text
    client.post(f"/findings/{seeded.unsure}/decision", data={"decision": "resolve", "csrf_token": csrf_of(page)})

    history = client.get(f"/findings/{seeded.unsure}").text
    history = history[history.index('class="history"'):]
    for line in ('by sup <span class="channel">via cli</span>', 'by supervisor <span class="channel">via api</span>',
                 'by admin <span class="channel">via web</span>', "reviewing → escalated", "escalated → resolved"):
        assert line in history, line
    body = api("GET", f"/api/v1/findings/{seeded.unsure}").json()
    assert [(d["actor"], d["channel"]) for d in body["decisions"]] == [
        ("sup", "cli"), ("supervisor", "api"), ("admin", "web")]
