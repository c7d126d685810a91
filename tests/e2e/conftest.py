"""End-to-end fixtures: the `threatline` command with its database and data folder in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from threatline.cli import main
from threatline.store import Store


@dataclass
class Cli:
    data_dir: Path
    database_url: str
    opened: list[Store] = field(default_factory=list)

    def __call__(self, *args: str, input: bytes | str | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input)

    def store(self) -> Store:
        """The database the commands use, opened for checking what they did."""
        store = Store.open(self.database_url)
        self.opened.append(store)
        return store


def _cli(data_dir: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    monkeypatch.setenv("THREATLINE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("THREATLINE_DATABASE_URL", database_url)
    monkeypatch.delenv("THREATLINE_TOKEN", raising=False)  # the CLI acts as the OS user
    cli = Cli(data_dir, database_url)
    yield cli
    for store in cli.opened:
        store.sessions.kw["bind"].dispose()


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    """Runs `threatline ...` in-process against a SQLite database in tmp_path."""
    data_dir = tmp_path / "data"
    yield from _cli(data_dir, f"sqlite:///{data_dir / 'threatline.db'}", monkeypatch)


@pytest.fixture
def pg_cli(tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    """The same, with THREATLINE_DATABASE_URL pointing at a fresh PostgreSQL database."""
    yield from _cli(tmp_path / "data", postgres_url, monkeypatch)
