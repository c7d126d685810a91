"""Opening the database: the URL, the engine, and migrating the schema to the latest version.

SQLite is the default so a laptop needs no server; any SQLAlchemy URL in THREATLINE_DATABASE_URL
(PostgreSQL in production) works the same. The schema is migrated on open, so upgrading
Threatline never needs a separate step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def create(url: str) -> Engine:
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            folder = Path(url.removeprefix("sqlite:///")).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder {folder} for the database ({exc.strerror}).") from exc
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"THREATLINE_DATABASE_URL {url!r} is not usable: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    # secure_delete overwrites deleted rows, so a purged finding's text is gone from the file;
    # foreign_keys makes ON DELETE CASCADE work.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {engine.url!r}: {exc.orig}") from exc


def open_database(url: str) -> sessionmaker[Session]:
    """Create the engine, bring the schema up to date, and return a session factory."""
    engine = create(url)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)
