"""Who is acting: a name, the role that decides what they may do, and the channel they came through.

Every decision and audit entry names the channel, so a reader of a finding's history can tell a
decision taken in the web app (`web`) or through the API (`api`) from one taken at the command line
(`cli`). The command line acts either as a named account it authenticated (the account's name and
role) or, by default, as the operating-system user running it, recorded as `cli:<login name>` with
the admin role: whoever can run Threatline against the database can change the database directly,
so a lesser role would restrict nothing, while the `cli:` name and channel keep such decisions
visible.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from typing import Literal

Channel = Literal["cli", "web", "api"]
CHANNELS: tuple[Channel, ...] = ("cli", "web", "api")
OS_USER_ROLE = "admin"


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    channel: Channel


def os_user() -> str:
    """The login name of the process's real user id, not $USER, which anyone can set."""
    try:
        import pwd
    except ImportError:  # Windows has no user ids; take the name the system reports
        return getpass.getuser()
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a user id with no passwd entry, as in some containers
        return f"uid{uid}"


def cli_operator() -> Actor:
    return Actor(f"cli:{os_user()}", OS_USER_ROLE, "cli")
