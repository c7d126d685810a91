"""The `threatline` command end to end: scan, findings list/show, review, eval, and its errors.

Tests marked `model` run the real bundled detector (the fine-tuned classifier in ONNX Runtime); the
review and listing tests seed the database through the pipeline with the deterministic rule
detector, so they test the commands, not the model.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from click.testing import Result

from tests.actors import OPERATOR
from tests.e2e.conftest import Cli
from tests.fixtures import (
    BENIGN_MENTION,
    CLEAR_THREAT,
    CLEAR_THREAT_2,
    UNRELATED,
    RuleDetector,
    make_post,
    write_jsonl,
    write_watchlist,
)
from threatline.pipeline import run
from threatline.store import DatabaseSink
from threatline.watchlist import Watchlist

pytestmark = pytest.mark.e2e
T = TypeVar("T", bound=Callable[..., None])


def model(test: T) -> T:
    """Marks a test that runs the real detector."""
    return pytest.mark.model(test)  # type: ignore[no-any-return]


PREDICTION_KEYS = {"id", "flagged", "category", "score", "targets"}
LISTED_KEYS = {"id", "post_id", "text", "category", "score", "targets", "status"}


def summary(output: str) -> dict[str, str]:
    """The scan summary table as {row label: value}."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃|]", line) if c.strip()]
        if len(cells) == 2:
            rows[cells[0]] = cells[1]
    return rows


def text_column(table: str) -> list[str]:
    """The last column of a findings table, its folded lines in order."""
    return [line.split("│")[-2].strip() for line in table.splitlines() if line.startswith("│")]


def listed(cli: Cli, *options: str) -> list[dict[str, Any]]:
    result = cli("findings", "list", "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def one_line_error(result: Result, pattern: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    error = result.stderr
    assert error.startswith("Error: ") and error.count("\n") == 1, error
    assert "Traceback" not in error
    assert re.search(pattern, error), error


@pytest.fixture
def posts_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "posts.jsonl", [
        {"id": "t1", "text": CLEAR_THREAT, "author": "@t1", "url": "https://example.org/t1"},
        {"id": "b1", "text": BENIGN_MENTION},
        "{this is not json",
        {"id": "u1", "text": UNRELATED},
        {"id": "t2", "text": CLEAR_THREAT_2},
        {"id": "n1", "author": "@no_text"},
        {"id": "u2", "text": "Traffic was light on the bridge this morning."},
    ])


# -- scan (the real model) ------------------------------------------------------------------------


@model
def test_scan_stores_what_needs_review_and_summarizes_the_run(cli: Cli, watchlist_path: Path,
                                                              posts_file: Path) -> None:
    result = cli("scan", "--watchlist", str(watchlist_path), str(posts_file))

    assert result.exit_code == 0, result.output
    rows = summary(result.stdout)
    assert rows["posts read"] == "7"
    assert rows["skipped (bad lines)"] == "2 (invalid JSON: 1, no text: 1)"
    assert rows["dropped (no watchlist mention)"] == "2"
    assert rows["relevant, not flagged"] == "1"
    assert rows["flagged"].startswith("2 (")
    assert f"{posts_file}:3: skipped (invalid JSON)" in result.stderr
    assert f"{posts_file}:6: skipped (no text)" in result.stderr
    findings = listed(cli)
    assert sorted(f["post_id"] for f in findings) == ["t1", "t2"]
    assert all(f["category"] in ("threat", "incitement") for f in findings)
    [run_row] = cli.store().runs()
    assert (run_row.read, run_row.skipped, run_row.dropped, run_row.relevant) == (
        7, {"invalid JSON": 1, "no text": 1}, 2, 3)
    assert run_row.detector_version.startswith("threatline-classifier@")


@model
def test_scanning_the_same_posts_again_does_not_duplicate_findings(cli: Cli, watchlist_path: Path,
                                                                   posts_file: Path) -> None:
    cli("scan", "--watchlist", str(watchlist_path), str(posts_file))
    before = listed(cli)

    again = cli("scan", "--watchlist", str(watchlist_path), str(posts_file))

    assert again.exit_code == 0, again.output
    assert summary(again.stdout)["already stored (not duplicated)"] == str(len(before))
    assert listed(cli) == before


@model
def test_scan_reads_csv_files_too(cli: Cli, watchlist_path: Path, tmp_path: Path) -> None:
    posts = tmp_path / "posts.csv"
    posts.write_text(f'id,text,author\nc1,"{CLEAR_THREAT}",@c1\nc2,"{UNRELATED}",@c2\nc3,"broken,"quote"\n',
                     encoding="utf-8")

    result = cli("scan", "--watchlist", str(watchlist_path), str(posts))

    assert result.exit_code == 0, result.output
    rows = summary(result.stdout)
    assert (rows["posts read"], rows["skipped (bad lines)"], rows["dropped (no watchlist mention)"]) == (
        "3", "1 (invalid CSV: 1)", "1")
    assert f"{posts}:4: skipped (invalid CSV)" in result.stderr
    assert [(f["post_id"], f["source"]) for f in listed(cli)] == [("c1", "posts.csv")]


@model
def test_scan_reads_stdin_given_as_dash(cli: Cli, watchlist_path: Path) -> None:
    stdin = json.dumps({"id": "s1", "text": CLEAR_THREAT}) + "\nnot json\n"

    result = cli("scan", "--watchlist", str(watchlist_path), "-", input=stdin.encode())

    assert result.exit_code == 0, result.output
    assert summary(result.stdout)["posts read"] == "2"
    assert "<stdin>:2: skipped (invalid JSON)" in result.stderr
    assert [(f["post_id"], f["source"]) for f in listed(cli)] == [("s1", "stdin")]


@model
def test_the_installed_command_reads_a_real_pipe(cli: Cli, watchlist_path: Path) -> None:
    """The console script, in its own process, with posts piped to its standard input."""
    command = Path(sys.executable).with_name("threatline")
    argv = [str(command)] if command.exists() else [sys.executable, "-c", "from threatline.cli import main; main()"]
    stdin = "\n".join(json.dumps({"id": f"pipe{i}", "text": t}) for i, t in enumerate([CLEAR_THREAT, UNRELATED]))

    done = subprocess.run([*argv, "scan", "--watchlist", str(watchlist_path), "-"], input=stdin.encode(),
                          capture_output=True, env={**os.environ}, timeout=300)

    assert done.returncode == 0, done.stderr.decode()
    assert summary(done.stdout.decode())["posts read"] == "2"
    assert [f["post_id"] for f in listed(cli)] == ["pipe0"]


@model
@pytest.mark.postgres
def test_scan_into_postgresql(pg_cli: Cli, watchlist_path: Path, posts_file: Path) -> None:
    result = pg_cli("scan", "--watchlist", str(watchlist_path), str(posts_file))
    pg_cli("scan", "--watchlist", str(watchlist_path), str(posts_file))

    assert result.exit_code == 0, result.output
    assert pg_cli.store().dialect == "postgresql"
    assert sorted(f["post_id"] for f in listed(pg_cli)) == ["t1", "t2"]
    assert [r.duplicates for r in pg_cli.store().runs()] == [0, 2]


@model
def test_the_default_database_is_in_the_data_dir(cli: Cli, watchlist_path: Path, posts_file: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THREATLINE_DATABASE_URL")

    result = cli("scan", "--watchlist", str(watchlist_path), str(posts_file))

    assert result.exit_code == 0, result.output
    assert (cli.data_dir / "threatline.db").is_file()


@model
def test_the_evidence_detector_can_be_chosen(cli: Cli, watchlist_path: Path, posts_file: Path) -> None:
    result = cli("scan", "--watchlist", str(watchlist_path), "--detector", "evidence", str(posts_file))

    assert result.exit_code == 0, result.output
    assert summary(result.stdout)["posts read"] == "7"
    assert {r.detector_version.split("@")[0] for r in cli.store().runs()} == {"threatline-evidence"}


@model
def test_demo_scans_the_bundled_sample_into_a_fresh_demo_database(cli: Cli) -> None:
    first = cli("demo")
    again = cli("demo")

    assert first.exit_code == 0, first.output
    assert again.exit_code == 0, again.output
    rows = summary(first.stdout)
    assert int(rows["posts read"]) > 0 and int(rows["flagged"].split()[0]) > 0
    assert summary(again.stdout) == rows, "each demo starts from an empty database"
    assert "already stored (not duplicated)" not in rows
    assert (cli.data_dir / "demo.db").is_file()
    assert not (cli.data_dir / "threatline.db").exists(), "the demo never touches the real database"


# -- eval (the real model) ------------------------------------------------------------------------


@model
def test_eval_writes_one_prediction_per_row_and_stores_nothing(cli: Cli, watchlist_path: Path,
                                                               posts_file: Path, tmp_path: Path) -> None:
    predictions = tmp_path / "out" / "predictions.jsonl"
    predictions.parent.mkdir()

    result = cli("eval", str(posts_file), "--watchlist", str(watchlist_path), "--predictions", str(predictions))

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["t1", "b1", "u1", "t2", "u2"]
    assert all(set(r) == PREDICTION_KEYS for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["t1"]["flagged"] and by_id["t1"]["category"] in ("threat", "incitement")
    assert by_id["t1"]["targets"] == ["reyes"] and 0 <= by_id["t1"]["score"] <= 1
    assert by_id["u1"] == {"id": "u1", "flagged": False, "category": "none", "score": 0.0, "targets": []}
    assert "No row carries a label" in result.stdout
    assert not (cli.data_dir / "threatline.db").exists(), "eval never opens the database"


@model
def test_eval_prints_metrics_when_rows_carry_labels(cli: Cli, watchlist_path: Path, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "labelled.jsonl", [
        {"id": "1", "text": CLEAR_THREAT, "label": "threat", "category": "direct_threat"},
        {"id": "2", "text": CLEAR_THREAT_2, "label": "threat", "category": "direct_threat"},
        {"id": "3", "text": BENIGN_MENTION, "label": "none", "category": "news"},
        {"id": "4", "text": UNRELATED, "label": "none", "category": "unrelated"},
    ])

    result = cli("eval", str(data), "--watchlist", str(watchlist_path))

    assert result.exit_code == 0, result.output
    assert "Per category" in result.stdout
    assert re.search(r"threat\s*│\s*[01]\.\d{3}\s*│\s*[01]\.\d{3}\s*│\s*[01]\.\d{3}\s*│\s*2", result.stdout)
    assert "false-positive rate on none rows" in result.stdout


# -- findings, show, review (database seeded with the rule detector) ------------------------------


@pytest.fixture
def seeded(cli: Cli, watchlist: Watchlist) -> Cli:
    """Three findings in the CLI's database: a threat and an incitement about people, one exposure."""
    store = cli.store()
    sink = DatabaseSink(store, RuleDetector.version, "watchlist.toml")
    posts = [
        make_post("I will kill Reyes.", id="f-threat", source="bluesky", author="@angry",
                  url="https://example.org/f-threat"),
        make_post("Northgate tonight: burn it down.", id="f-incite", source="bluesky"),
        make_post("Maddox lives at 4 Elm Street.", id="f-expose", source="mastodon"),
        make_post("Sheriff Reyes opened the library.", id="not-flagged"),
    ]
    sink.finish(run(posts, watchlist, RuleDetector(), sink))
    return cli


@pytest.mark.postgres
def test_findings_and_review_work_on_postgresql(pg_cli: Cli, watchlist: Watchlist) -> None:
    store = pg_cli.store()
    sink = DatabaseSink(store, RuleDetector.version, "watchlist.toml")
    sink.finish(run([make_post("I will kill Reyes.", id="pg1"), make_post("Reyes smiled.", id="pg2")],
                    watchlist, RuleDetector(), sink))
    [finding] = listed(pg_cli)

    reviewed = pg_cli("review", str(finding["id"]), "--decision", "dismiss", "--note", "a song lyric")

    assert reviewed.exit_code == 0, reviewed.output
    assert (finding["post_id"], finding["text"]) == ("pg1", "I will kill Reyes.")
    assert [f["status"] for f in listed(pg_cli)] == ["dismissed"]
    assert store.dialect == "postgresql"


def test_findings_list_as_json_has_one_finding_per_line(seeded: Cli) -> None:
    findings = listed(seeded)

    assert sorted(f["post_id"] for f in findings) == ["f-expose", "f-incite", "f-threat"]
    assert all(set(f) >= LISTED_KEYS for f in findings)
    threat = next(f for f in findings if f["post_id"] == "f-threat")
    assert (threat["text"], threat["category"], threat["targets"], threat["status"]) == (
        "I will kill Reyes.", "threat", ["reyes"], "new")
    assert (threat["author"], threat["url"], threat["source"]) == ("@angry", "https://example.org/f-threat", "bluesky")


def test_findings_list_as_a_table(seeded: Cli) -> None:
    result = seeded("findings", "list")

    assert result.exit_code == 0, result.output
    for finding in listed(seeded):
        assert re.search(rf"│ {finding['id']}\s+│ {finding['priority']}\s+│ {finding['category']}", result.stdout)
    assert "I will kill Reyes." in text_column(result.stdout)


def test_findings_list_filters(seeded: Cli) -> None:
    assert [f["post_id"] for f in listed(seeded, "--category", "exposure")] == ["f-expose"]
    assert [f["post_id"] for f in listed(seeded, "--target", "northgate")] == ["f-incite"]
    assert len(listed(seeded, "--limit", "2")) == 2


def test_an_empty_database_lists_no_findings(cli: Cli) -> None:
    assert cli("findings", "list").stdout.strip() == "No findings."
    assert cli("findings", "list", "--format", "json").stdout == ""


def test_findings_show_explains_a_finding(seeded: Cli) -> None:
    finding = next(f for f in listed(seeded) if f["post_id"] == "f-threat")

    result = seeded("findings", "show", str(finding["id"]))

    assert result.exit_code == 0, result.output
    for expected in (f"Finding {finding['id']}", "threat", "bluesky/f-threat by @angry", "I will kill Reyes.",
                     "Why this priority", "names a protected person", "[violence] 'kill'", RuleDetector.version):
        assert expected in result.stdout


def test_findings_show_as_json(seeded: Cli) -> None:
    finding = listed(seeded)[0]

    result = seeded("findings", "show", str(finding["id"]), "--format", "json")

    assert json.loads(result.stdout) == finding


def test_review_records_the_decision(seeded: Cli) -> None:
    finding_id = str(next(f for f in listed(seeded) if f["post_id"] == "f-threat")["id"])

    result = seeded("review", finding_id, "--decision", "escalate", "--note", "reported to the sheriff's office")

    assert result.exit_code == 0, result.output
    assert f"Finding {finding_id} is now escalated." in result.stdout
    [escalated] = listed(seeded, "--status", "escalated")
    assert escalated["id"] == int(finding_id)
    assert [(d["decision"], d["actor"], d["channel"], d["note"]) for d in escalated["decisions"]] == [
        ("escalate", OPERATOR, "cli", "reported to the sheriff's office")]
    shown = " ".join(seeded("findings", "show", finding_id).stdout.split())  # the console wraps long lines
    assert f"escalate (new -> escalated) by {OPERATOR} via cli: reported to the sheriff's office" in shown


@pytest.mark.parametrize(("decision", "status"), [("dismiss", "dismissed"), ("monitor", "reviewing")])
def test_every_decision_sets_its_status(seeded: Cli, decision: str, status: str) -> None:
    finding_id = str(listed(seeded)[0]["id"])

    seeded("review", finding_id, "--decision", decision)

    assert [f["id"] for f in listed(seeded, "--status", status)] == [int(finding_id)]


def test_post_text_and_notes_are_shown_as_written_never_as_markup(cli: Cli, watchlist: Watchlist) -> None:
    store = cli.store()
    sink = DatabaseSink(store, RuleDetector.version, "watchlist.toml")
    sink.finish(run([make_post("kill [red]Reyes[/] now [/]", id="m1")], watchlist, RuleDetector(), sink))
    finding_id = str(store.findings()[0].id)
    cli("review", finding_id, "--decision", "monitor", "--note", "[bold]see [/] thread")

    table = cli("findings", "list")
    shown = cli("findings", "show", finding_id)

    assert table.exit_code == 0 and "kill [red]Reyes[/] now [/]" in " ".join(text_column(table.stdout))
    assert shown.exit_code == 0 and "[bold]see [/] thread" in " ".join(shown.stdout.split())


# -- errors: one line, exit status 2, never a traceback -------------------------------------------


def test_a_bad_watchlist_is_a_one_line_error(cli: Cli, tmp_path: Path, posts_file: Path) -> None:
    bad = write_watchlist(tmp_path / "bad.toml", '[[person]]\nid = "x"\nname = "X"\nnick = "y"\n')

    result = cli("scan", "--watchlist", str(bad), str(posts_file))

    one_line_error(result, rf"{re.escape(str(bad))}: \[\[person\]\] #1 \('x'\): unknown key 'nick'")


def test_a_missing_watchlist_is_a_one_line_error(cli: Cli, tmp_path: Path, posts_file: Path) -> None:
    one_line_error(cli("scan", "--watchlist", str(tmp_path / "none.toml"), str(posts_file)),
                   r"none\.toml: cannot read the watchlist")


@model
def test_a_missing_posts_file_is_a_one_line_error(cli: Cli, watchlist_path: Path, tmp_path: Path) -> None:
    one_line_error(cli("scan", "--watchlist", str(watchlist_path), str(tmp_path / "missing.jsonl")),
                   r"missing\.jsonl: cannot open the posts file")


@model
def test_an_unwritable_predictions_file_is_a_one_line_error(cli: Cli, watchlist_path: Path, posts_file: Path,
                                                             tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "predictions.jsonl"

    one_line_error(cli("eval", str(posts_file), "--watchlist", str(watchlist_path), "--predictions", str(target)),
                   r"--predictions .*predictions\.jsonl: cannot write the file")


def test_an_unknown_finding_is_a_one_line_error(cli: Cli) -> None:
    one_line_error(cli("findings", "show", "12345"), r"no finding with id 12345")
    one_line_error(cli("review", "12345", "--decision", "dismiss"), r"no finding with id 12345")


def test_an_unusable_database_url_is_a_one_line_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", "nonsense://")

    one_line_error(cli("findings", "list"), r"THREATLINE_DATABASE_URL 'nonsense://' is not usable")


def test_an_unknown_decision_is_refused_by_the_command_line(seeded: Cli) -> None:
    result = seeded("review", str(listed(seeded)[0]["id"]), "--decision", "delete")

    assert result.exit_code == 2 and "Invalid value for '--decision'" in result.stderr
    assert {f["status"] for f in listed(seeded)} == {"new"}
