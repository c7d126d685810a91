"""The transparency report: counts per period and category, decisions kept past retention, no text."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from tests.actors import ANALYST, SUPERVISOR
from tests.web.conftest import Seeded
from threatline.cli import main
from threatline.errors import InputError
from threatline.pipeline import RunStats
from threatline.review import transparency
from threatline.review.decisions import decide
from threatline.review.retention import Policy, purge
from threatline.review.workflow import DECISIONS
from threatline.store import Store
from threatline.store.schema import Decision, Finding, Run


def add_run(store: Store, started: datetime, read: int, dropped: int, relevant: int, flagged: dict[str, int],
            skipped: int = 0) -> None:
    run_id = store.start_run("test@1", "wl.toml")
    stats = RunStats(read=read, dropped=dropped, relevant=relevant)
    stats.flagged.update(flagged)
    stats.skipped.update({"invalid JSON": skipped})
    store.finish_run(run_id, stats)
    with store.sessions.begin() as session:
        session.execute(update(Run).where(Run.id == run_id).values(started_at=started))


@pytest.mark.parametrize(("moment", "period", "key"), [
    (datetime(2026, 3, 2, 23, 59, tzinfo=UTC), "day", "2026-03-02"),
    (datetime(2026, 3, 2, 23, 59, tzinfo=UTC), "week", "2026-W10"),
    (datetime(2026, 1, 1, 0, 0, tzinfo=UTC), "week", "2026-W01"),
    (datetime(2027, 1, 1, 0, 0, tzinfo=UTC), "week", "2026-W53"),
    (datetime(2026, 3, 2, tzinfo=UTC), "month", "2026-03"),
    (datetime(2026, 3, 2, 1, 0, tzinfo=UTC).astimezone(UTC).replace(tzinfo=None), "day", "2026-03-02"),
])
def test_periods(moment: datetime, period: str, key: str) -> None:
    assert transparency.period_of(moment, period) == key


def test_an_unknown_period_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="unknown period 'year'"):
        transparency.build(store, "year")


def test_counts_per_period_and_category(store: Store, seeded: Seeded) -> None:
    add_run(store, datetime(2026, 1, 5, tzinfo=UTC), 1000, 900, 100, {"threat": 4, "exposure": 1}, skipped=3)
    add_run(store, datetime(2026, 1, 20, tzinfo=UTC), 500, 450, 50, {"incitement": 2})
    add_run(store, datetime(2026, 2, 3, tzinfo=UTC), 10, 9, 1, {})
    decide(store, seeded.urgent, "escalate", SUPERVISOR)
    decide(store, seeded.unsure, "dismiss", ANALYST)
    decide(store, seeded.incitement, "monitor", ANALYST)
    with store.sessions.begin() as session:
        session.execute(update(Decision).values(decided_at=datetime(2026, 1, 21, tzinfo=UTC)))
    report = transparency.build(store, "month")
    none = dict.fromkeys(DECISIONS, 0)
    by_period = {p.period: p.to_dict() for p in report.periods}
    january, february = by_period["2026-01"], by_period["2026-02"]
    assert [p.period for p in report.periods] == sorted([p.period for p in report.periods], reverse=True)
    assert january == {
        "period": "2026-01", "runs": 2, "read": 1500, "skipped": 3, "dropped_not_relevant": 1350,
        "relevant_not_flagged": 143, "flagged": {"threat": 4, "incitement": 2, "exposure": 1}, "flagged_total": 7,
        "decisions": {"threat": none | {"dismiss": 1, "escalate": 1}, "incitement": none | {"monitor": 1},
                      "exposure": none},
        "deleted_by_retention": {"threat": 0, "incitement": 0, "exposure": 0},
    }
    assert february["read"] == 10 and february["flagged_total"] == 0
    held = report.to_dict()["held_now"]
    assert held["total"] == 5
    assert held["by_status"]["escalated"] == {"threat": 1, "incitement": 0, "exposure": 0}
    assert held["by_status"]["new"] == {"threat": 1, "incitement": 0, "exposure": 1}


def test_decisions_still_count_after_retention_deletes_them(store: Store, seeded: Seeded) -> None:
    decide(store, seeded.unsure, "dismiss", ANALYST)
    decide(store, seeded.exposure, "monitor", ANALYST)
    long_ago = datetime.now(UTC) - timedelta(days=400)
    with store.sessions.begin() as session:
        session.execute(update(Decision).values(decided_at=long_ago))
        session.execute(update(Finding).where(Finding.id.in_([seeded.unsure, seeded.exposure]))
                        .values(updated_at=long_ago, detected_at=long_ago))
    before = transparency.build(store, "day").to_dict()
    purged = purge(store, Policy())
    assert purged.total == 2
    after = transparency.build(store, "day").to_dict()
    day = long_ago.date().isoformat()

    def decisions(report: dict) -> dict:
        return next(p["decisions"] for p in report["periods"] if p["period"] == day)

    assert decisions(before) == decisions(after)
    assert decisions(after)["threat"]["dismiss"] == 1 and decisions(after)["exposure"]["monitor"] == 1
    today = next(p for p in after["periods"] if p["period"] == datetime.now(UTC).date().isoformat())
    assert today["deleted_by_retention"] == {"threat": 1, "incitement": 0, "exposure": 1}
    assert after["held_now"]["total"] == 3


def test_the_report_holds_no_post_text(store: Store, seeded: Seeded) -> None:
    decide(store, seeded.xss, "monitor", ANALYST, "note with Lyle Maddox's name")
    report = transparency.build(store, "week")
    for rendered in (json.dumps(report.to_dict()), transparency.to_markdown(report)):
        for secret in ("Maddox", "Reyes", "angry_account", "bluesky", "__xss", "kill", "note"):
            assert secret not in rendered


def test_cli_report(store: Store, seeded: Seeded, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREATLINE_DATABASE_URL", sqlite_url)
    add_run(store, datetime.now(UTC), 42, 40, 2, {"threat": 1})
    runner = CliRunner()
    markdown = runner.invoke(main, ["report", "transparency", "--period", "day"])
    assert markdown.exit_code == 0 and "# Threatline transparency report" in markdown.output
    today = datetime.now(UTC).date().isoformat()
    assert f"| {today} | 1 | 42 | 0 | 40 | 1 | 1 | 0 | 0 |" in markdown.output
    as_json = json.loads(runner.invoke(main, ["report", "transparency", "--format", "json"]).output)
    assert as_json["period"] == "month" and as_json["held_now"]["total"] == 5
    assert runner.invoke(main, ["report", "transparency", "--period", "year"]).exit_code == 2
