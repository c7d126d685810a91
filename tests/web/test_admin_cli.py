"""The CLI around the web app: users, tokens, stored watchlists, the audited review, and serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.actors import OPERATOR
from tests.fixtures import WATCHLIST_TOML
from tests.web.conftest import PASSWORD, People, Seeded
from threatline.cli import main
from threatline.review import accounts, audit
from threatline.store import Store
from threatline.web import create_app


@pytest.fixture
def runner(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("THREATLINE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("USER", "opsperson")  # set to show that it is not what the CLI records
    monkeypatch.delenv("THREATLINE_TOKEN", raising=False)
    return CliRunner()



def test_users_add_reads_the_password_from_stdin(runner: CliRunner, store: Store) -> None:
    added = runner.invoke(main, ["users", "add", "alice", "--role", "supervisor"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert accounts.authenticate(store, "alice", PASSWORD) is not None
    assert PASSWORD not in added.output
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject, entry.details) == (OPERATOR, "user.add", "alice",
                                                                         {"role": "supervisor"})
    listed = runner.invoke(main, ["users", "list"])
    assert "alice" in listed.output and "supervisor" in listed.output


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["users", "add", "bob", "--role", "analyst"], "short\n", "at least 12 characters"),
    (["users", "add", "bob", "--role", "analyst"], "", "no password on standard input"),
    (["users", "add", "bob smith", "--role", "analyst"], PASSWORD, "may use only"),
    (["users", "add", "bob", "--role", "root"], PASSWORD, "Invalid value for '--role'"),
    (["users", "disable", "nobody"], "", "no user named 'nobody'"),
    (["tokens", "create", "--user", "nobody"], "", "no user named 'nobody'"),
])
def test_user_errors_are_one_clear_line(runner: CliRunner, store: Store, args: list[str], stdin: str,
                                        message: str) -> None:
    result = runner.invoke(main, args, input=stdin)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_token_from_the_cli_works_against_the_api(runner: CliRunner, store: Store, settings) -> None:
    runner.invoke(main, ["users", "add", "carol", "--role", "analyst"], input=PASSWORD)
    created = runner.invoke(main, ["tokens", "create", "--user", "carol"])
    assert created.exit_code == 0
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("tl_") and " " not in token
    with TestClient(create_app(store, settings)) as client:
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["name"] == "carol"
        listed = runner.invoke(main, ["tokens", "list"])
        assert "carol" in listed.output and token not in listed.output
        assert runner.invoke(main, ["tokens", "revoke", "1"]).exit_code == 0
        assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert runner.invoke(main, ["users", "disable", "carol"]).exit_code == 0
    assert accounts.authenticate(store, "carol", PASSWORD) is None


def test_stored_watchlists_round_trip_for_scan(runner: CliRunner, store: Store, tmp_path: Path) -> None:
    source = tmp_path / "in.toml"
    source.write_text(WATCHLIST_TOML, encoding="utf-8")
    imported = runner.invoke(main, ["watchlists", "import", "county", str(source)])
    assert imported.exit_code == 0 and "4 entries" in imported.output
    exported = tmp_path / "out.toml"
    assert runner.invoke(main, ["watchlists", "export", "county", "--out", str(exported)]).exit_code == 0
    assert exported.read_text(encoding="utf-8") == WATCHLIST_TOML
    assert runner.invoke(main, ["watchlists", "export", "county"]).output == WATCHLIST_TOML
    assert "county" in runner.invoke(main, ["watchlists", "list"]).output
    bad = tmp_path / "bad.toml"
    bad.write_text("[[topic]]\nid = 'a'\nname = 'b'\n", encoding="utf-8")
    refused = runner.invoke(main, ["watchlists", "import", "county", str(bad)])
    assert refused.exit_code == 2 and "unknown table 'topic'" in refused.output
    assert runner.invoke(main, ["watchlists", "export", "nothing"]).exit_code == 2


def test_cli_review_acts_as_the_os_user_and_takes_no_actor(runner: CliRunner, store: Store, seeded: Seeded) -> None:
    result = runner.invoke(main, ["review", str(seeded.urgent), "--decision", "monitor", "--note", "n"],
                           env={"USER": "somebody-else", "LOGNAME": "somebody-else"})
    assert result.exit_code == 0, result.output
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject, entry.details) == (
        OPERATOR, "decision", str(seeded.urgent),
        {"decision": "monitor", "note": True, "via": "cli", "from": "new", "to": "reviewing"})
    assert [(d.actor, d.channel) for d in store.finding(seeded.urgent).decisions] == [(OPERATOR, "cli")]
    forged = runner.invoke(main, ["review", str(seeded.urgent), "--decision", "dismiss", "--actor", "dana"])
    assert forged.exit_code == 2 and "No such option '--actor'" in forged.output


def test_cli_review_as_an_account_checks_its_password_and_role(runner: CliRunner, store: Store, people: People,
                                                                seeded: Seeded) -> None:
    urgent = str(seeded.urgent)
    asked = runner.invoke(main, ["review", urgent, "--decision", "request_escalation", "--as", "analyst"],
                          input=PASSWORD + "\n")
    assert asked.exit_code == 0, asked.output
    assert "Escalation requested" in asked.output
    assert [(d.actor, d.channel) for d in store.finding(seeded.urgent).decisions] == [("analyst", "cli")]

    refused = runner.invoke(main, ["review", urgent, "--decision", "dismiss", "--as", "analyst"],
                            input=PASSWORD + "\n")
    assert refused.exit_code == 2 and "escalation was requested" in refused.output
    assert "Traceback" not in refused.output

    wrong = runner.invoke(main, ["review", urgent, "--decision", "monitor", "--as", "analyst"], input="guess\n")
    assert wrong.exit_code == 2 and "wrong name or password for 'analyst'" in wrong.output
    assert store.finding(seeded.urgent).status == "new"

    escalated = runner.invoke(main, ["review", urgent, "--decision", "escalate"],
                              env={"THREATLINE_TOKEN": people.tokens["supervisor"]})
    assert escalated.exit_code == 0, escalated.output
    found = store.finding(seeded.urgent)
    assert (found.status, found.decisions[-1].actor, found.decisions[-1].channel) == ("escalated", "supervisor", "cli")
    mismatch = runner.invoke(main, ["review", urgent, "--decision", "resolve", "--as", "admin"],
                             env={"THREATLINE_TOKEN": people.tokens["supervisor"]})
    assert mismatch.exit_code == 2 and "belongs to 'supervisor', not 'admin'" in mismatch.output
    bad = runner.invoke(main, ["findings", "list"], env={"THREATLINE_TOKEN": "tl_not-a-token"})
    assert bad.exit_code == 2 and "not a valid API token" in bad.output


def test_cli_reads_of_findings_are_audited(runner: CliRunner, store: Store, people: People, seeded: Seeded) -> None:
    listed = runner.invoke(main, ["findings", "list", "--category", "exposure"])
    assert listed.exit_code == 0, listed.output
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.details) == (
        OPERATOR, "findings.list", {"via": "cli", "filter": {"category": "exposure"}, "finding_ids": [seeded.exposure]})

    shown = runner.invoke(main, ["findings", "show", str(seeded.exposure), "--format", "json"],
                          env={"THREATLINE_TOKEN": people.tokens["analyst"]})
    assert shown.exit_code == 0, shown.output
    entry = audit.entries(store, 1)[0]
    assert (entry.actor, entry.action, entry.subject, entry.details) == (
        "analyst", "finding.view", str(seeded.exposure), {"via": "cli"})


def test_findings_show_names_who_decided_through_which_channel(runner: CliRunner, store: Store, people: People,
                                                               seeded: Seeded) -> None:
    runner.invoke(main, ["review", str(seeded.unsure), "--decision", "request_escalation", "--note", "look"],
                  env={"THREATLINE_TOKEN": people.tokens["analyst"]})
    requested = runner.invoke(main, ["findings", "list", "--escalation-requested"])
    assert str(seeded.unsure) in requested.output and "escalation requested" in requested.output
    runner.invoke(main, ["review", str(seeded.unsure), "--decision", "escalate"])
    shown = " ".join(runner.invoke(main, ["findings", "show", str(seeded.unsure)]).output.split())
    assert "request_escalation (new -> new) by analyst via cli: look" in shown
    assert f"escalate (new -> escalated) by {OPERATOR} via cli" in shown
    assert "Escalation requested by" not in shown  # answered by the escalation


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_runs_the_app_over_the_cli_database(sqlite_url: str, tmp_path: Path, store: Store) -> None:
    """`threatline serve` as a real process on 127.0.0.1: health, a login redirect, the first purge."""
    port = _free_port()
    env = {**os.environ, "THREATLINE_DATABASE_URL": sqlite_url, "THREATLINE_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-c", "from threatline.cli import main; main()", "serve", "--port",
                                str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.05)
        assert health.json() == {"status": "ok"}
        assert "server" not in health.headers
        queue = httpx.get(f"http://127.0.0.1:{port}/queue", follow_redirects=False)
        assert queue.status_code == 303 and queue.headers["location"].startswith("/login")
        while not [e for e in audit.entries(store, 5) if e.action == "purge"]:
            assert time.monotonic() < deadline, "the daily purge did not run at start"
            time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=10)
