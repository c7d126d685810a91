"""The commands around the web app and the safeguards: serve, users, tokens, audit, purge, report,
watchlists. They register on `cli.main` (cli.py imports this module at its end), so `cli.py` keeps
the scanning commands and this module the running and governing ones.

Changes made here are audited under the actor `cli:<login name>` (see `threatline.review.actor`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table

from . import watchlist_store
from .cli import Group, err, main, open_store, out, settings
from .cli_identity import read_password
from .errors import InputError
from .review import accounts, audit, transparency
from .review.actor import cli_operator
from .review.retention import Policy, purge


def cli_actor() -> str:
    return cli_operator().name


def policy_from(dismissed_days: int | None, retain_days: int | None) -> Policy:
    current = settings()
    return Policy(current.retain_dismissed_days if dismissed_days is None else dismissed_days,
                  current.retain_days if retain_days is None else retain_days)


# -- serve ------------------------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--purge/--no-purge", default=True, show_default=True,
              help="Run the retention purge at start and then daily.")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True,
              help="Reverse proxies trusted for X-Forwarded-Proto (so cookies are Secure behind TLS).")
@click.option("--access-log/--no-access-log", default=False, show_default=True,
              help="Log every request line (paths can name accounts; off by default).")
def serve(host: str, port: int, purge: bool, forwarded_allow_ips: str, access_log: bool) -> None:
    """Run the analyst web app and the /api/v1 API over the CLI's database."""
    import uvicorn

    from .review.retention import DailyPurge
    from .web import create_app

    current = settings()
    store = open_store()
    if not accounts.users(store):
        err.print("[yellow]No user yet: add one with `threatline users add NAME --role admin`.[/yellow]")
    daily = DailyPurge(store, policy_from(None, None)) if purge else None
    if daily:
        daily.start()
    out.print(f"Threatline on http://{host}:{port}/ (API docs at /api/v1/docs)")
    try:
        uvicorn.run(create_app(store, current), host=host, port=port, proxy_headers=True,
                    forwarded_allow_ips=forwarded_allow_ips, access_log=access_log, server_header=False)
    finally:
        if daily:
            daily.stop()


# -- users and tokens -------------------------------------------------------------------------


@main.group(cls=Group)
def users() -> None:
    """Accounts for the web app and the API."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(accounts.ROLES),
              help="analyst reviews; supervisor also escalates and exports; admin manages users and watchlists; "
                   "auditor reads the audit log.")
def users_add(name: str, role: str) -> None:
    """Add a user; the password is read from standard input (first line)."""
    user = accounts.add_user(open_store(), name, role, read_password(confirm=True), cli_actor())
    out.print(f"User {user.name} added as {user.role}.", markup=False)


@users.command("list")
def users_list() -> None:
    """List the users and their roles."""
    table = Table(title="Users", title_justify="left")
    for column in ("name", "role", "created", "state"):
        table.add_column(column)
    for user in accounts.users(open_store()):
        state = "disabled" if user.disabled else "active"
        table.add_row(user.name, user.role, f"{user.created_at:%Y-%m-%d %H:%M}", state)
    out.print(table)


@users.command("disable")
@click.argument("name")
def users_disable(name: str) -> None:
    """Disable a user: no more logins, and their sessions and tokens stop working."""
    accounts.disable_user(open_store(), name, cli_actor())
    out.print(f"User {name} disabled.", markup=False)


@main.group(cls=Group)
def tokens() -> None:
    """API tokens (sent as `Authorization: Bearer TOKEN`)."""


@tokens.command("create")
@click.option("--user", "name", required=True, help="Whose token: it has that user's role.")
def tokens_create(name: str) -> None:
    """Create an API token; the last line printed is the token alone. It is shown only once."""
    token, secret = accounts.create_token(open_store(), name, cli_actor())
    click.echo(f"API token {token.id} for {name} (keep it secret; it is not shown again):", err=True)
    click.echo(secret)


@tokens.command("list")
def tokens_list() -> None:
    """List API tokens (ids and owners; the tokens themselves are not stored)."""
    table = Table(title="API tokens", title_justify="left")
    for column in ("id", "user", "created", "last used", "state"):
        table.add_column(column)
    for token, name in accounts.tokens(open_store()):
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
        table.add_row(str(token.id), name, f"{token.created_at:%Y-%m-%d %H:%M}", used,
                      "revoked" if token.revoked else "active")
    out.print(table)


@tokens.command("revoke")
@click.argument("token_id", type=int)
def tokens_revoke(token_id: int) -> None:
    """Revoke an API token by its id."""
    accounts.revoke_token(open_store(), token_id, cli_actor())
    out.print(f"Token {token_id} revoked.")


# -- audit ------------------------------------------------------------------------------------


@main.group("audit", cls=Group)
def audit_group() -> None:
    """The hash-chained audit log."""


@audit_group.command("verify")
@click.option("--head", help="An ID:HASH printed by an earlier verify: fail if the log no longer holds it.")
def audit_verify(head: str | None) -> None:
    """Check the chain; exit status 1 when any entry was edited, deleted or inserted."""
    check = audit.verify(open_store(), head)
    if check.ok:
        click.echo(f"Audit log intact: {check.entries} entries. Head {check.head}")
        return
    err.print(f"[red]Audit log broken at entry {check.broken_at}:[/red] {check.reason}.", highlight=False)
    click.echo(f"The last good entry is {check.head}.", err=True)
    sys.exit(1)


@audit_group.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--action", help="Only this action (login, finding.view, decision, export, ...).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def audit_list(limit: int, action: str | None, fmt: str) -> None:
    """Show the newest audit entries."""
    store = open_store()
    audit.record(store, cli_actor(), "audit.view", None, {"via": "cli", "limit": limit, "action": action})
    rows = audit.entries(store, limit, 0, action)
    if fmt == "json":
        for e in rows:
            click.echo(json.dumps({"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "subject": e.subject,
                                   "details": e.details, "prev_hash": e.prev_hash, "hash": e.hash},
                                  ensure_ascii=False))
        return
    table = Table(title="Audit log (newest first)", title_justify="left")
    for column in ("id", "at", "actor", "action", "subject", "details"):
        table.add_column(column, overflow="fold")
    for e in rows:
        table.add_row(str(e.id), e.at[:19], e.actor, e.action, e.subject or "",
                      json.dumps(e.details, ensure_ascii=False))
    out.print(table)


# -- retention --------------------------------------------------------------------------------


@main.command("purge")
@click.option("--dismissed-days", type=click.IntRange(min=0),
              help="Delete dismissed findings this many days after dismissal [THREATLINE_RETAIN_DISMISSED_DAYS, 30].")
@click.option("--days", "retain_days", type=click.IntRange(min=0),
              help="Delete other findings, except escalated, this many days after detection "
                   "[THREATLINE_RETAIN_DAYS, 365].")
def purge_command(dismissed_days: int | None, retain_days: int | None) -> None:
    """Delete the findings the retention policy says are due (the server also does this daily)."""
    policy = policy_from(dismissed_days, retain_days)
    result = purge(open_store(), policy, actor=cli_actor())
    out.print(f"Deleted {len(result.dismissed)} dismissed findings (older than {policy.dismissed_days} days after "
              f"dismissal) and {len(result.expired)} others (older than {policy.retain_days} days); "
              "escalated findings are kept.")


# -- report -----------------------------------------------------------------------------------


@main.group(cls=Group)
def report() -> None:
    """Reports built from the database."""


@report.command("transparency")
@click.option("--period", type=click.Choice(transparency.PERIODS), default="month", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def report_transparency(period: str, fmt: str) -> None:
    """What was read, dropped, flagged and decided per period and category, and what is held now.

    Numbers only: no post text, account, link or protected person.
    """
    built = transparency.build(open_store(), period, policy_from(None, None))
    if fmt == "json":
        click.echo(json.dumps(built.to_dict(), indent=2))
    else:
        click.echo(transparency.to_markdown(built))


# -- stored watchlists ------------------------------------------------------------------------


@main.group(cls=Group)
def watchlists() -> None:
    """Watchlists stored in the database (the web app's); `scan` still takes a file."""


@watchlists.command("list")
def watchlists_list() -> None:
    table = Table(title="Stored watchlists", title_justify="left")
    for column in ("name", "entries", "updated", "by"):
        table.add_column(column)
    for row in watchlist_store.all_watchlists(open_store()):
        table.add_row(row.name, str(row.entries), f"{row.updated_at:%Y-%m-%d %H:%M}", row.updated_by)
    out.print(table)


@watchlists.command("import")
@click.argument("name")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def watchlists_import(name: str, path: Path) -> None:
    """Store the TOML file PATH as the watchlist NAME (replacing one of that name)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the watchlist is not valid UTF-8.") from exc
    row = watchlist_store.save(open_store(), name, text, cli_actor())
    out.print(f"Watchlist {row.name} stored ({row.entries} entries).", markup=False)


@watchlists.command("export")
@click.argument("name")
@click.option("--out", "target", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output), e.g. for `threatline scan --watchlist`.")
def watchlists_export(name: str, target: Path | None) -> None:
    """Write a stored watchlist's TOML."""
    row = watchlist_store.get(open_store(), name)
    if target:
        target.write_text(row.toml, encoding="utf-8")
        out.print(f"Watchlist {name} written to {target}.", markup=False)
    else:
        click.echo(row.toml, nl=not row.toml.endswith("\n"))
