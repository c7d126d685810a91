"""The web app in a real Chromium (Debian's /usr/bin/chromium, driven by Playwright).

The app runs under uvicorn on 127.0.0.1 in a thread. The tests log in, filter the queue, open a
finding whose text carries <script> and <img onerror> payloads, and review it; they fail if any
script from the post runs, if the browser asks anything of another origin, or if the page breaks
its own Content-Security-Policy. Screenshots of the queue, the finding page and a case are saved
in test-artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from tests.web.conftest import PASSWORD, Seeded, serving

CHROMIUM = os.environ.get("THREATLINE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need playwright")
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set THREATLINE_CHROMIUM)",
                allow_module_level=True)


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watch:
    """Everything a page does that it should not: other origins, dialogs, errors, CSP reports."""

    def __init__(self, page: Any, origin: str) -> None:
        self.foreign: list[str] = []
        self.problems: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(origin) else self.foreign.append(r.url))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)

    def assert_clean(self) -> None:
        assert self.foreign == [], f"the page asked other origins for {self.foreign}"
        assert self.problems == [], self.problems


@pytest.fixture
def page(browser: Any, live_server: str, people: Any, seeded: Seeded) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=live_server)
    opened = context.new_page()
    watch = Watch(opened, live_server)
    yield opened, watch
    context.close()


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def test_analyst_logs_in_filters_the_queue_and_reviews_a_hostile_post(page: tuple[Any, Watch], seeded: Seeded) -> None:
    tab, watch = page
    expect = sync_api.expect
    tab.goto("/queue")
    expect(tab).to_have_url(re.compile(r"/login\?next="))
    tab.fill("#name", "analyst")
    tab.fill("#password", "not the password")
    tab.click("#login")
    expect(tab.get_by_role("alert")).to_have_text("Wrong name or password.")
    tab.fill("#name", "analyst")
    tab.fill("#password", PASSWORD)
    tab.click("#login")
    tab.wait_for_url("**/queue")

    rows = tab.locator("#queue tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.first.locator(".badge")).to_have_text("P1")
    shot(tab, "queue")

    tab.select_option("#f-category", "threat")
    tab.select_option("#f-target", "maddox")
    tab.click("#apply")
    tab.wait_for_url("**/queue?*category=threat*")
    expect(rows).to_have_count(2)
    assert [int(r.get_attribute("data-finding")) for r in rows.all()] == [seeded.xss, seeded.unsure]
    shot(tab, "queue-filtered")

    tab.locator(f'tr[data-finding="{seeded.xss}"] a.finding-link').click()
    tab.wait_for_url(f"**/findings/{seeded.xss}")
    post = tab.locator("#post-text")
    expect(post).to_contain_text('<script>window.__xss = "script";</script>')
    expect(post).to_contain_text("<img src=x onerror=")
    expect(post.locator("mark.ev")).to_have_count(3)
    expect(post.locator("mark.ev-target")).to_have_text("Lyle Maddox")
    assert post.locator("script, img").count() == 0
    assert tab.locator("main a[href^='http']").count() == 0  # the post's link is text, not a link
    expect(tab.locator("#post-url")).to_contain_text("127.0.0.1:9/canary")
    assert tab.evaluate("() => window.__xss") is None
    expect(tab.locator("input[value=escalate]")).to_have_count(0)  # analysts do not escalate: they ask
    expect(tab.locator("#request-escalation")).to_be_visible()
    shot(tab, "finding")

    tab.check("input[value=monitor]")
    tab.fill("#note", "Watch this account <b>closely</b>")
    tab.click("#decide")
    expect(tab.locator("#saved")).to_contain_text("The finding is now reviewing")
    expect(tab.locator(".history")).to_contain_text("Watch this account <b>closely</b>")
    expect(tab.locator(".history")).to_contain_text("by analyst via web")
    assert tab.evaluate("() => window.__xss") is None
    watch.assert_clean()


def test_supervisor_escalates_and_follows_the_case_timeline(page: tuple[Any, Watch], seeded: Seeded) -> None:
    tab, watch = page
    expect = sync_api.expect
    tab.goto("/login")
    tab.fill("#name", "supervisor")
    tab.fill("#password", PASSWORD)
    tab.click("#login")
    tab.wait_for_url("**/queue")
    tab.goto(f"/findings/{seeded.urgent}")
    expect(tab.locator("#post-text mark.ev")).to_have_count(5)
    tab.check("input[value=escalate]")
    tab.click("#decide")
    expect(tab.locator("#saved")).to_contain_text("escalated")
    tab.click("text=Other findings from this account")
    tab.wait_for_url("**/cases/account?*")
    expect(tab.locator("#timeline li")).to_have_count(2)
    shot(tab, "case-timeline")
    tab.goto("/transparency")
    expect(tab.locator("#held")).to_contain_text("escalated")
    assert "Dana Reyes" not in tab.content()
    watch.assert_clean()
