"""The HTML pages, rendered on the server: escaping, the CSP, the queue, findings, decisions,
cases, watchlists, users, export, audit and transparency pages."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from tests.fixtures import WATCHLIST_TOML
from tests.web.conftest import PASSWORD, XSS_TEXT, Seeded, add_finding, csrf_of
from threatline.review import audit
from threatline.store import Store
from threatline.web.highlight import Piece, pieces
from threatline.web.security import CSP


class Markup(HTMLParser):
    """Collects what the browser would treat as markup: elements and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "object", "embed", "style", "base"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and value:
                self.links.append(value)
                if not value.startswith(("/", "?", "#")):
                    self.problems.append(f"<{tag} {name}={value!r}> leaves the site")


def assert_safe_page(answer) -> None:
    """No script, image or inline handler or style anywhere, no link off the site, and the strict
    policy in the header."""
    assert answer.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP and "img-src 'self'" in CSP
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"
    markup = Markup()
    markup.feed(answer.text)
    assert markup.problems == [], markup.problems


def test_every_page_is_escaped_and_under_the_policy(logged_in, seeded: Seeded) -> None:
    client = logged_in("admin")
    client.post(f"/findings/{seeded.xss}/decision",
                data={"decision": "monitor", "note": '<script>alert("note")</script>',
                      "csrf_token": csrf_of(client.get("/queue").text)})
    for path in ["/queue", f"/findings/{seeded.xss}", "/cases", "/cases/target/maddox",
                 "/cases/account?source=bluesky&author=angry_account", "/watchlists", "/watchlists/main", "/users",
                 "/audit", "/transparency", "/api/v1/docs", "/login", "/no-such-page"]:
        answer = client.get(path)
        assert answer.status_code == (404 if path == "/no-such-page" else 200), path
        assert_safe_page(answer)


def test_the_hostile_post_is_shown_as_text(logged_in, seeded: Seeded) -> None:
    page = logged_in("analyst").get(f"/findings/{seeded.xss}").text
    assert "&lt;script&gt;window.__xss" in page
    assert "&lt;img src=x onerror=" in page
    assert "<img src=x" not in page
    assert "a payload &lt;b&gt;in the reason&lt;/b&gt;" in page
    # the link is shown, escaped, inside <code>, and is never an <a href>
    assert '<code class="url" id="post-url">http://127.0.0.1:9/canary?x=&#34;&gt;&lt;script&gt;' in page
    assert 'href="http://127.0.0.1:9' not in page


def test_evidence_is_highlighted_in_place(logged_in, seeded: Seeded) -> None:
    page = logged_in("analyst").get(f"/findings/{seeded.urgent}").text
    post = page[page.index('id="post-text"') : page.index("</div>", page.index('id="post-text"'))]
    marks = re.findall(r'<mark class="([^"]+)" title="([^"]+)">([^<]+)</mark>', post)
    assert [(m[0], m[2]) for m in marks] == [
        ("ev ev-intent", "going to kill"), ("ev ev-target", "Dana Reyes"), ("ev ev-time", "tonight"),
        ("ev ev-place", "at her house"), ("ev ev-means", "gun")]
    assert html.unescape(re.sub(r"<[^>]+>", "", post.split(">", 1)[1])) == (
        "I am going to kill Dana Reyes tonight at her house. I have the gun ready.")
    assert "first-person intent to harm" in page and "names a protected person" in page  # reasons
    assert "Dana Reyes</strong> <span class=\"muted\">person · County Sheriff" in page  # the target


def test_overlapping_and_broken_spans() -> None:
    text = "abcdef"
    cut = pieces(text, [{"start": 1, "end": 4, "kind": "intent", "reason": "r1"},
                        {"start": 2, "end": 6, "kind": "negation", "reason": "r2"},
                        {"start": 3, "end": 99, "kind": "time", "reason": "bad offsets"}])
    assert [(p.text, p.kinds) for p in cut] == [("a", ()), ("b", ("intent",)), ("cd", ("intent", "negation")),
                                                ("ef", ("negation",))]
    assert "".join(p.text for p in cut) == text
    assert Piece("x", ("negation", "quote")).css == "ev ev-negation ev-mitigating"
    assert Piece("x", ('"><script>',)).css == "ev ev-script"


def test_queue_orders_and_filters(logged_in, seeded: Seeded) -> None:
    client = logged_in("analyst")
    order = [int(i) for i in re.findall(r'data-finding="(\d+)"', client.get("/queue").text)]
    assert order == [seeded.urgent, seeded.exposure, seeded.xss, seeded.incitement, seeded.unsure]
    filtered = client.get("/queue?category=threat&target=maddox").text
    assert [int(i) for i in re.findall(r'data-finding="(\d+)"', filtered)] == [seeded.xss, seeded.unsure]
    assert '<option value="maddox" selected>Lyle Maddox</option>' in filtered
    assert "No findings match" in client.get("/queue?status=escalated").text
    bad = client.get("/queue?since=31/12/2024")
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text
    assert client.get("/queue?category=<b>").status_code == 422


def test_queue_pages(logged_in, store: Store, people) -> None:
    for n in range(55):
        add_finding(store, f"Reyes post number {n} going to kill", evidence=[("kill", "violence", "v")])
    client = logged_in("analyst")
    first = client.get("/queue").text
    assert len(re.findall(r"data-finding=", first)) == 50 and "Page 1 of 2" in first
    second = client.get("/queue?page=2").text
    assert len(re.findall(r"data-finding=", second)) == 5 and "← Newer" in second


def test_views_of_findings_are_audited(logged_in, store: Store, seeded: Seeded) -> None:
    client = logged_in("analyst")
    client.get("/queue?category=exposure")
    listed = audit.entries(store, 1)[0]
    assert (listed.action, listed.details["finding_ids"], listed.details["filter"]) == (
        "findings.list", [seeded.exposure], {"category": "exposure"})
    client.get(f"/findings/{seeded.exposure}")
    viewed = audit.entries(store, 1)[0]
    assert (viewed.actor, viewed.action, viewed.subject) == ("analyst", "finding.view", str(seeded.exposure))
    client.get("/cases/target/reyes")
    assert audit.entries(store, 1)[0].details["finding_ids"] == [seeded.exposure, seeded.urgent]


def test_deciding_through_the_form(logged_in, store: Store, seeded: Seeded) -> None:
    client = logged_in("analyst")
    token = csrf_of(client.get(f"/findings/{seeded.unsure}").text)
    answer = client.post(f"/findings/{seeded.unsure}/decision",
                         data={"decision": "dismiss", "note": "hyperbole", "csrf_token": token},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/findings/{seeded.unsure}?saved=dismiss"
    assert store.finding(seeded.unsure).status == "dismissed"
    page = client.get(answer.headers["location"]).text
    assert "Decision recorded: dismiss" in page and "hyperbole" in page
    escalate = client.post(f"/findings/{seeded.urgent}/decision", data={"decision": "escalate", "csrf_token": token})
    assert escalate.status_code == 403 and store.finding(seeded.urgent).status == "new"
    assert "Not recorded: the analyst role may not escalate" in escalate.text
    again = client.post(f"/findings/{seeded.unsure}/decision", data={"decision": "dismiss", "csrf_token": token})
    assert again.status_code == 409 and "cannot dismiss a finding that is dismissed" in again.text
    bad = client.post(f"/findings/{seeded.unsure}/decision", data={"decision": "delete", "csrf_token": token})
    assert bad.status_code == 422
    missing = client.post("/findings/999/decision", data={"decision": "dismiss", "csrf_token": token})
    assert missing.status_code == 404


def test_export_through_the_form(logged_in, store: Store, seeded: Seeded) -> None:
    client = logged_in("supervisor")
    queue = client.get("/queue?category=threat").text
    assert "Export these findings" in queue
    answer = client.post("/export", data={"category": "threat", "csrf_token": csrf_of(queue)})
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    body = json.loads(answer.text)
    assert body["count"] == 3 and body["exported_by"] == "supervisor"
    assert audit.entries(store, 1)[0].action == "export"
    analyst = logged_in("analyst")
    queue = analyst.get("/queue").text
    assert "Export these findings" not in queue
    assert analyst.post("/export", data={"csrf_token": csrf_of(queue)}).status_code == 403


def test_cases_pages(logged_in, seeded: Seeded) -> None:
    client = logged_in("analyst")
    page = client.get("/cases").text
    assert "angry_account" in page and "single_poster" not in page and "crowd_caller" not in page
    assert client.get("/cases/account?source=testsource&author=single_poster").status_code == 404
    timeline = client.get("/cases/target/reyes").text
    assert timeline.index(f"finding {seeded.exposure}") < timeline.index(f"finding {seeded.urgent}")
    finding = client.get(f"/findings/{seeded.incitement}").text
    assert "Other findings from this account" not in finding
    assert "Other findings from this account" in client.get(f"/findings/{seeded.urgent}").text


def test_admin_uploads_and_replaces_a_watchlist(logged_in, store: Store, people) -> None:
    client = logged_in("admin")
    token = csrf_of(client.get("/watchlists").text)
    upload = client.post("/watchlists", data={"name": "county", "csrf_token": token},
                         files={"file": ("county.toml", WATCHLIST_TOML.encode(), "text/plain")},
                         follow_redirects=False)
    assert upload.status_code == 303 and upload.headers["location"] == "/watchlists/county"
    assert "Northgate Processing Center" in client.get("/watchlists/county").text
    bad = client.post("/watchlists", data={"name": "county", "toml": "[[keyword]]\nid='x'\nname='y'",
                                           "csrf_token": token})
    assert bad.status_code == 400 and "unknown table" in bad.text
    binary = client.post("/watchlists", data={"name": "county", "csrf_token": token},
                         files={"file": ("x.toml", b"\xff\xfe\x00", "text/plain")})
    assert binary.status_code == 400
    assert [e.action for e in audit.entries(store, 20)].count("watchlist.save") == 1 + 1  # fixture's + upload
    analyst = logged_in("analyst")
    page = analyst.get("/watchlists/county").text
    assert "12 Alder Lane" not in page and "Upload or replace" not in analyst.get("/watchlists").text
    assert analyst.post("/watchlists", data={"name": "x", "toml": WATCHLIST_TOML,
                                             "csrf_token": csrf_of(page)}).status_code == 403


def test_admin_adds_and_disables_users(logged_in, store: Store, people) -> None:
    client = logged_in("admin")
    token = csrf_of(client.get("/users").text)
    assert client.post("/users", data={"name": "gina", "role": "analyst", "password": PASSWORD,
                                       "csrf_token": token}, follow_redirects=False).status_code == 303
    weak = client.post("/users", data={"name": "hank", "role": "analyst", "password": "short", "csrf_token": token})
    assert weak.status_code == 400 and "at least 12" in weak.text
    assert client.post("/users/gina/disable", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert "disabled" in client.get("/users").text
    assert client.post("/users/admin/disable", data={"csrf_token": token}).status_code == 400
    assert [e.action for e in audit.entries(store, 5)][:2] == ["user.disable", "user.add"]


def test_audit_page_shows_the_chain_state(logged_in, store: Store, people) -> None:
    client = logged_in("auditor")
    page = client.get("/audit").text
    assert 'id="chain-ok"' in page and "login" in page
    with store.sessions.begin() as session:
        session.execute(audit.AuditEntry.__table__.update().where(audit.AuditEntry.id == 2).values(actor="someone"))
    assert 'id="chain-broken"' in client.get("/audit").text
    assert "Chain broken at entry 2" in client.get("/audit").text


def test_transparency_page_holds_no_post_text(logged_in, seeded: Seeded) -> None:
    client = logged_in("auditor")
    page = client.get("/transparency?period=week").text
    assert "per week" in page and "Held now" in page
    for secret in ("Dana Reyes", "angry_account", "Alder Lane", "reyes", "bluesky", "__xss"):
        assert secret not in page
    assert client.get("/transparency?period=decade").status_code == 422


@pytest.mark.parametrize("path", ["/static/style.css", "/static/favicon.svg"])
def test_static_files_need_no_login_and_are_cacheable(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200 and "no-store" not in answer.headers.get("cache-control", "")
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_post_text_never_reaches_the_login_page_or_errors(client: TestClient, seeded: Seeded) -> None:
    assert XSS_TEXT[:20] not in client.get("/findings/2").text
