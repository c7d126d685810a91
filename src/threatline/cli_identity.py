"""Who the command line acts as, for the commands that read findings or decide them.

- With THREATLINE_TOKEN set to an API token, as that token's account (and its role).
- With `--as NAME`, as that account, once its password is checked (read from the first line of
  standard input, or asked for at a terminal) under the same backoff as the web login.
- Otherwise as the operating-system user running the command, `cli:<login name>`, with the role
  that `threatline.review.actor` gives it.

There is no way to name someone else: decisions and audit entries carry the name that was checked
and the channel `cli`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .errors import InputError, LoginError
from .review import accounts
from .review.actor import Actor, cli_operator
from .review.login import attempt
from .store import Store

TOKEN_VARIABLE = "THREATLINE_TOKEN"
F = TypeVar("F", bound=Callable[..., Any])


def account_option(function: F) -> F:
    return click.option(
        "--as", "account", metavar="NAME",
        help=f"Act as this account (its password on standard input), not as the OS user; or set {TOKEN_VARIABLE}.",
    )(function)


def acting(store: Store, account: str | None) -> Actor:
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        user = accounts.user_for_token(store, token)
        if user is None:
            raise LoginError(f"{TOKEN_VARIABLE} is not a valid API token (revoked, or its account is disabled); "
                             "create one with `threatline tokens create --user NAME`.")
        if account and account != user.name:
            raise LoginError(f"{TOKEN_VARIABLE} belongs to {user.name!r}, not {account!r}; unset one of them.")
        return Actor(user.name, user.role, "cli")
    if account:
        user = attempt(store, account, read_password(confirm=False))
        return Actor(user.name, user.role, "cli")
    return cli_operator()


def read_password(confirm: bool) -> str:
    """A password from the terminal (asked for, hidden) or from the first line of standard input."""
    if sys.stdin.isatty():
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=confirm))
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise InputError("no password on standard input; pipe it in: printf '%s\\n' \"$PW\" | threatline ...")
    return password
