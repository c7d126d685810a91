"""Fixtures shared by every test: the invented watchlist, post factories, stores, a real PostgreSQL.

PostgreSQL tests run against a throwaway server that this file starts once per session
(initdb into a temporary folder, a free port on 127.0.0.1, stopped at the end). They are skipped,
with the reason in the summary, only when no PostgreSQL binaries exist; with
THREATLINE_REQUIRE_POSTGRES=1 (set by .ci/run) a missing server is a failure instead.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.fixtures import RuleDetector, make_post, write_watchlist
from threatline.posts import Post
from threatline.store import Store
from threatline.watchlist import Watchlist, load_watchlist

# Speed is measured in benchmarks/, never asserted in tests: no per-example deadline.
settings.register_profile("threatline", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("threatline")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: end to end through the `threatline` command")
    config.addinivalue_line("markers", "model: runs the real bundled detector model (the fine-tuned classifier)")
    config.addinivalue_line("markers", "postgres: runs against the real PostgreSQL server the tests start")


# -- watchlist and posts ------------------------------------------------------------------------


@pytest.fixture
def watchlist_path(tmp_path: Path) -> Path:
    return write_watchlist(tmp_path / "watchlist.toml")


@pytest.fixture
def watchlist(watchlist_path: Path) -> Watchlist:
    return load_watchlist(watchlist_path)


@pytest.fixture
def post() -> Callable[..., Post]:
    """make_post(text, id=None, **fields): a Post with a fresh id."""
    return make_post


@pytest.fixture
def rule_detector() -> RuleDetector:
    return RuleDetector()


# -- stores -------------------------------------------------------------------------------------


def _close(store: Store) -> None:
    store.sessions.kw["bind"].dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'threatline.db'}"


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    opened = Store.open(sqlite_url)
    yield opened
    _close(opened)


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    user: str = "threatline"
    host: str = "127.0.0.1"

    def conninfo(self, database: str = "postgres") -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={database}"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"


def _postgres_bindir() -> Path | None:
    def version(path: Path) -> int:
        return int(path.parent.name) if path.parent.name.isdigit() else 0

    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True):
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    on_path = shutil.which("pg_ctl")
    if on_path and (Path(on_path).parent / "initdb").is_file():
        return Path(on_path).parent
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _postgres_bindir()
    if bindir is None:
        reason = ("POSTGRESQL NOT TESTED: no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH; "
                  "install the postgresql package (apt-get install postgresql) to run these tests")
        if os.environ.get("THREATLINE_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    # PostgreSQL refuses to run as root: as root, run it as the `postgres` system user.
    as_user: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="threatline-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root needs a `postgres` system user to start PostgreSQL (the package creates it)")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]

    def pg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *args], capture_output=True, text=True, check=False)

    data = root / "data"
    done = pg(str(bindir / "initdb"), "-D", str(data), "-U", "threatline", "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync")
    if done.returncode != 0:
        pytest.fail(f"initdb failed:\n{done.stdout}\n{done.stderr}")
    server = None
    for _attempt in range(3):  # another process may take the free port between probing and binding
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        done = pg(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "60",
                  "-o", options, "start")
        if done.returncode == 0:
            server = PostgresServer(bindir, root, port)
            break
    if server is None:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        pytest.fail(f"PostgreSQL did not start:\n{done.stdout}\n{done.stderr}\n{log}")
    try:
        yield server
    finally:
        pg(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


_databases = count(1)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the session's server, as a SQLAlchemy URL."""
    import psycopg

    name = f"threatline_test_{next(_databases)}"
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using it runs twice: on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'threatline.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def any_store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    _close(opened)
