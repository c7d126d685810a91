"""The `threatline` command: a thin layer of options and output over the library.

Every command turns a `ThreatlineError` into one line on stderr and exit status 2; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .cli_identity import account_option, acting
from .config import Settings
from .detect.registry import DETECTORS, MODEL_NAMES, load_detector
from .errors import ConfigError, ThreatlineError
from .pipeline import RunStats, run
from .posts import ReadStats, Skipped, read_posts
from .review import audit
from .review.actor import cli_operator
from .review.decisions import decide
from .review.workflow import DECISIONS, STATUSES
from .store import DatabaseSink, FindingFilter, Store, finding_to_dict
from .watchlist import load_watchlist

F = TypeVar("F", bound=Callable[..., Any])
# Piped output (a file, `less`, CI logs) gets a wide fixed width instead of rich's 80 columns.
out = Console() if sys.stdout.isatty() else Console(width=160)
err = Console(stderr=True)
SHOWN_SKIPS = 20


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ThreatlineError as exc:
            # One line whatever the terminal width; the message is text, never markup ("[[person]]").
            message = escape(" ".join(str(exc).split()))
            err.print(f"[red]Error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
            sys.exit(2)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="threatline")
def main() -> None:
    """Find credible threats, incitement and doxxing aimed at the people and places you protect."""


def settings() -> Settings:
    return Settings.from_env()


def open_store() -> Store:
    return Store.open(settings().resolved_database_url)


def detector_option(function: F) -> F:
    return click.option(
        "--detector",
        type=click.Choice(sorted(DETECTORS)),
        default="model",
        show_default=True,
        help="model: embeddings + linguistic evidence; evidence: linguistic evidence alone (no torch).",
    )(function)


class SkipReporter:
    """Prints the first skipped lines as they happen, so a bad file is noticed early."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, skipped: Skipped) -> None:
        self.count += 1
        if self.count <= SHOWN_SKIPS:
            err.print(f"[yellow]{escape(str(skipped))}[/yellow]", highlight=False, markup=True, soft_wrap=True)

    def close(self) -> None:
        if self.count > SHOWN_SKIPS:
            err.print(f"[yellow]... and {self.count - SHOWN_SKIPS} more skipped lines.[/yellow]")


def _count_lines(files: tuple[str, ...]) -> int | None:
    if "-" in files:
        return None
    total = 0
    for name in files:
        try:
            with open(name, "rb") as handle:
                while chunk := handle.read(1 << 20):
                    total += chunk.count(b"\n")
        except OSError:
            return None
    return total


@contextmanager
def progress_bar(total: int | None) -> Iterator[Callable[[int], None]]:
    if not err.is_terminal:
        yield lambda _n: None
        return
    columns = [SpinnerColumn(), TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("scan", total=total)
        yield lambda n: bar.advance(task, n)


def print_summary(stats: RunStats) -> None:
    table = Table(title="Scan summary", show_header=False, title_justify="left")
    table.add_row("posts read", str(stats.read))
    skipped = ", ".join(f"{reason}: {n}" for reason, n in sorted(stats.skipped.items()))
    table.add_row("skipped (bad lines)", f"{sum(stats.skipped.values())}" + (f" ({skipped})" if skipped else ""))
    table.add_row("dropped (no watchlist mention)", str(stats.dropped))
    table.add_row("relevant, not flagged", str(stats.not_flagged))
    flagged = ", ".join(f"{c}: {n}" for c, n in sorted(stats.flagged.items()))
    table.add_row("flagged", f"{stats.flagged_total}" + (f" ({flagged})" if flagged else ""))
    if stats.duplicates:
        table.add_row("already stored (not duplicated)", str(stats.duplicates))
    out.print(table)


def scan_files(files: tuple[str, ...], watchlist_path: Path, detector_name: str, store: Store) -> RunStats:
    watchlist = load_watchlist(watchlist_path)
    detector = load_detector(detector_name, watchlist, settings())
    sink = DatabaseSink(store, detector.version, str(watchlist_path))
    reading = ReadStats()
    reporter = SkipReporter()
    with progress_bar(_count_lines(files)) as advance:
        stats = run(read_posts(files, reading, reporter), watchlist, detector, sink, on_progress=advance)
    reporter.close()
    stats.add_reading(reading)
    sink.finish(stats)
    return stats


@main.command()
@click.option("--watchlist", "watchlist_path", required=True, type=click.Path(path_type=Path),
              help="The watchlist TOML file.")
@detector_option
@click.argument("files", nargs=-1, required=True)
def scan(files: tuple[str, ...], watchlist_path: Path, detector: str) -> None:
    """Scan posts (JSONL or CSV files, or - for stdin) and store what needs review.

    Posts that mention nothing on the watchlist are counted and dropped; posts that mention it
    but are not flagged are counted too. Only flagged posts are stored, as findings.
    """
    stats = scan_files(files, watchlist_path, detector, open_store())
    print_summary(stats)
    if stats.flagged_total:
        out.print("Review them with [bold]threatline findings list[/bold].")


@main.group(cls=Group)
def findings() -> None:
    """List and show stored findings."""


def findings_table(rows: list[Any], title: str = "Findings") -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "pri", "category", "score", "targets", "status", "text"):
        table.add_column(column, overflow="fold", max_width=70 if column == "text" else None)
    for row in rows:
        status = row.status + (" (escalation requested)" if row.escalation_requested_at else "")
        table.add_row(str(row.id), str(row.priority), row.category, f"{row.score:.2f}", ", ".join(row.targets),
                      status, escape(row.text))  # a post's "[/]" is text, not markup
    return table


@findings.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--status", type=click.Choice(STATUSES), help="Only findings with this review status.")
@click.option("--category", type=click.Choice(["threat", "incitement", "exposure"]))
@click.option("--target", help="Only findings about this watchlist id.")
@click.option("--escalation-requested", "requested", is_flag=True,
              help="Only findings whose escalation was requested and waits for a supervisor.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many, highest priority first.")
@account_option
def findings_list(fmt: str, status: str | None, category: str | None, target: str | None, requested: bool,
                  limit: int | None, account: str | None) -> None:
    """List findings, highest priority (1) first, then newest. The listing is audited."""
    store = open_store()
    actor = acting(store, account)
    where = FindingFilter(status=status, category=category, target=target, escalation_requested=requested or None)
    rows = store.findings(where, limit=limit)
    audited = {"status": status, "category": category, "target": target, "escalation_requested": requested or None}
    audit.record(store, actor.name, "findings.list", None, {
        "via": "cli", "filter": {k: v for k, v in audited.items() if v}, "finding_ids": [r.id for r in rows],
    })
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(finding_to_dict(row), ensure_ascii=False))
    elif rows:
        out.print(findings_table(rows))
    else:
        out.print("No findings.")


@findings.command("show")
@click.argument("finding_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@account_option
def findings_show(finding_id: int, fmt: str, account: str | None) -> None:
    """Show one finding with its evidence, reasons and history. The view is audited."""
    store = open_store()
    actor = acting(store, account)
    data = finding_to_dict(store.finding(finding_id))
    audit.record(store, actor.name, "finding.view", finding_id, {"via": "cli"})
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]Finding {data['id']}[/bold]  {data['category']}  score {data['score']:.2f}  "
              f"priority {data['priority']}  status {data['status']}")
    out.print(f"post {data['source']}/{data['post_id']}" + (f" by {data['author']}" if data["author"] else "")
              + (f"  {data['url']}" if data["url"] else ""), markup=False)
    out.print(f"targets: {', '.join(data['targets'])}    detector: {data['detector_version']}", markup=False)
    out.print("\n" + data["text"] + "\n", markup=False, highlight=False)
    out.print("[bold]Why this priority[/bold]")
    for reason in data["priority_reasons"]:
        out.print(f"  - {reason}", markup=False)
    out.print("[bold]Evidence[/bold]")
    for item in data["evidence"]:
        out.print(f"  [{item['kind']}] {item['text']!r}: {item['reason']}", markup=False)
    if data["escalation_request"]:
        request = data["escalation_request"]
        out.print(f"Escalation requested by {request['requested_by']} at {request['requested_at']}: "
                  "waiting for a supervisor.", markup=False)
    if data["decisions"]:
        out.print("[bold]History[/bold]")
    for decision in data["decisions"]:
        out.print(f"  {decision['decided_at']}  {decision['decision']} ({decision['from_status']} -> "
                  f"{decision['to_status']}) by {decision['actor']} via {decision['channel']}"
                  + (f": {decision['note']}" if decision["note"] else ""), markup=False, highlight=False)


@main.command()
@click.argument("finding_id", type=int)
@click.option("--decision", required=True, type=click.Choice(DECISIONS),
              help="What the review workflow allows: see docs/safeguards.md, Review.")
@click.option("--note", help="Why: kept with the decision.")
@account_option
def review(finding_id: int, decision: str, note: str | None, account: str | None) -> None:
    """Record a decision on a finding, as the OS user (cli:NAME) or as an account (--as)."""
    store = open_store()
    found = decide(store, finding_id, decision, acting(store, account), note)
    waiting = " Escalation requested: supervisors see it in the queue." if decision == "request_escalation" else ""
    out.print(f"Finding {found.id} is now [bold]{found.status}[/bold].{waiting}")


def print_metrics(metrics: dict[str, Any]) -> None:
    table = Table(title="Per category", title_justify="left")
    for column in ("category", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category, row in metrics["per_category"].items():
        table.add_row(category, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                      str(row["support"]))
    out.print(table)

    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    out.print(f"threat or incitement recall: {fmt(metrics['threat_or_incitement_recall'])}    "
              f"flagged recall: {fmt(metrics['flagged_recall'])}    "
              f"flagged precision: {fmt(metrics['flagged_precision'])}")
    out.print(f"false-positive rate on none rows: {fmt(metrics['none_false_positive_rate'])}")
    by_kind = Table(title="False positives on none rows, by kind of post", title_justify="left")
    by_kind.add_column("kind")
    by_kind.add_column("flagged", justify="right")
    by_kind.add_column("rows", justify="right")
    for kind, row in metrics["none_false_positives_by_kind"].items():
        by_kind.add_row(escape(kind), str(row["flagged"]), str(row["rows"]))
    out.print(by_kind)


@main.command("eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--watchlist", "watchlist_path", required=True, type=click.Path(path_type=Path))
@click.option("--predictions", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one JSON line per input row: id, flagged, category, score, targets.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write report.md and precision-recall.png into this folder.")
@detector_option
def eval_command(data: Path, watchlist_path: Path, predictions: Path | None, report_dir: Path | None,
                 detector: str) -> None:
    """Classify every row of DATA through the scan pipeline, without storing anything.

    When rows carry `label`, print precision, recall and F1 per category and the false-positive
    rate on `none` rows by the rows' `category`.
    """
    from .evaluate import evaluate

    watchlist = load_watchlist(watchlist_path)
    chosen = load_detector(detector, watchlist, settings())
    reporter = SkipReporter()
    try:
        output = open(predictions, "w", encoding="utf-8") if predictions else _no_file()  # noqa: SIM115
    except OSError as exc:
        raise ConfigError(f"--predictions {predictions}: cannot write the file ({exc.strerror}).") from exc
    with output as handle:
        evaluation = evaluate(data, watchlist, chosen, handle, reporter)
    reporter.close()
    out.print(f"{evaluation.stats.read} rows read, {sum(evaluation.stats.skipped.values())} skipped, "
              f"{evaluation.stats.relevant} mention the watchlist, {evaluation.stats.flagged_total} flagged "
              f"(detector {chosen.version}).")
    if predictions:
        out.print(f"Predictions written to {predictions}.")
    if not evaluation.metrics:
        out.print("No row carries a label, so there are no metrics.")
        return
    print_metrics(evaluation.metrics)
    if report_dir:
        from .report import write_report

        path = write_report(evaluation, report_dir, f"{data.name} ({chosen.version})")
        out.print(f"Report written to {path}.")


@contextmanager
def _no_file() -> Iterator[None]:
    yield None


@main.command()
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Labelled JSONL or CSV (id, text, label, optional target). Default: the bundled training sets.")
@click.option("--watchlist", "watchlist_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The watchlist the labelled posts refer to (required with --data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the model. Default: the data directory, where scans pick it up.")
@click.option("--detector", "names", type=click.Choice(sorted(DETECTORS)), multiple=True,
              help="Which model to train (repeatable). Default: all of them.")
@click.option("--epochs", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Passes over the data when fine-tuning the classifier.")
def train(data: Path | None, watchlist_path: Path | None, out_dir: Path | None, names: tuple[str, ...],
          epochs: int) -> None:
    """Train the detector's models from the bundled training sets or your own labelled posts.

    The classifier (`model`) is fine-tuned end to end, which needs PyTorch: install with
    `pip install torch==2.13.0 -e '.[train]'`. It takes minutes on a laptop CPU.
    """
    from .detect.finetune import THRESHOLD, FineTuning, export, fine_tune
    from .detect.train import train as fit_evidence
    from .detect.trainsets import TrainingSet, bundled, training_examples

    if data is None:
        sets = bundled()
    elif watchlist_path is None:
        raise click.UsageError("--watchlist is required with --data.")
    else:
        sets = [TrainingSet(data.stem, data, watchlist_path)]
    loaded = [(s, s.load()) for s in sets]
    target = out_dir or settings().data_dir / "model"
    sources = [s.data.name for s in sets]
    out.print(f"{sum(len(labelled.labels) for _, labelled in loaded)} labelled posts mention their watchlist "
              f"({sum(labelled.unmatched for _, labelled in loaded)} do not and are left out, "
              f"{sum(sum(labelled.stats.skipped.values()) for _, labelled in loaded)} bad lines).")
    for name in names or tuple(DETECTORS):
        if name == "evidence":
            with err.status("training evidence..."):
                model = fit_evidence([labelled for _, labelled in loaded], MODEL_NAMES[name], sources=sources)
            model.save(target)
            out.print(f"evidence: held-out precision {model.card['held_out_precision']:.3f}, "
                      f"recall {model.card['held_out_recall']:.3f}; saved to {target}.")
            continue
        examples = training_examples(loaded)
        network = fine_tune(examples, FineTuning(epochs=epochs), progress=err.print)
        path = export(network, target, MODEL_NAMES[name],
                      {"threshold": THRESHOLD, "examples": len(examples), "epochs": epochs, "training_data": sources})
        out.print(f"model: fine-tuned on {len(examples)} examples, threshold {THRESHOLD:.2f}; saved to {path}.")


SAMPLE = Path(__file__).parent / "sample"


@main.command()
@detector_option
def demo(detector: str) -> None:
    """Scan the bundled sample (an invented watchlist and posts) into a fresh demo database."""
    data_dir = settings().data_dir
    database = data_dir / "demo.db"
    for leftover in data_dir.glob("demo.db*"):
        leftover.unlink()
    store = Store.open(f"sqlite:///{database}")
    out.print(f"Scanning {SAMPLE / 'posts.jsonl'} against {SAMPLE / 'watchlist.toml'}...")
    stats = scan_files((str(SAMPLE / "posts.jsonl"),), SAMPLE / "watchlist.toml", detector, store)
    print_summary(stats)
    rows = store.findings()
    audit.record(store, cli_operator().name, "findings.list", None,
                 {"via": "cli", "filter": {}, "finding_ids": [r.id for r in rows]})
    out.print(findings_table(rows, title="Findings, highest priority first"))
    out.print(f"The demo database is {database}; explore it with "
              f"THREATLINE_DATABASE_URL=sqlite:///{database} threatline findings show ID.")


# The commands for the web app and the safeguards (serve, users, tokens, audit, purge, report,
# watchlists) live in admin_cli and register themselves on `main`.
from . import admin_cli  # noqa: E402, F401
