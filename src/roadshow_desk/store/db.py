"""The database: engine from a URL, SQLite settings, sessions, migrations, backups.

The default database is one SQLite file in the user's data folder. ``--db URL`` or the
``ROADSHOW_DESK_DB`` environment variable point at another file (a plain path is accepted)
or a PostgreSQL server. :func:`open_database` brings the schema to the current revision
before anything else touches it: a fresh database is created from the models and stamped; an
older one is backed up and migrated with Alembic (imported only then, so start-up stays
fast); a database written by a newer version of the app is refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from roadshow_desk.domain import sync_clock
from roadshow_desk.domain.models import Base, utcnow
from roadshow_desk.i18n import fmt, translate
from roadshow_desk.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from roadshow_desk.store.search_index import register_functions

APP_NAME = "roadshow-desk"
ENV_DB = "ROADSHOW_DESK_DB"
ENV_DATA_DIR = "ROADSHOW_DESK_DATA_DIR"
BACKUPS_KEPT = 20


class DatabaseError(Exception):
    """A database that cannot be used; the message is one sentence for the user."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer version of Roadshow Desk."""


def data_dir() -> Path:
    """The user's data folder (``ROADSHOW_DESK_DATA_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "roadshow-desk.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$ROADSHOW_DESK_DB``, else the default file.

    A value without ``://`` is taken as a path to an SQLite file.
    """
    value = url or os.environ.get(ENV_DB) or str(default_database_path())
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        return f"sqlite:///{path}"
    return value


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or ``None`` for another backend or in-memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a recorded intention survives a power cut
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()
    register_functions(dbapi_connection)  # rs_normalize(), for the search's scan


def create_engine_for(url: str) -> Engine:
    """An engine with the settings Roadshow Desk relies on (WAL, foreign keys, durability)."""
    sync_clock.install()  # field clocks of edited records, for station bundles
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    from roadshow_desk.store.postgres import engine_url, ping_after_idle

    engine = create_engine(engine_url(url))
    ping_after_idle(engine)
    return engine


@dataclass
class Database:
    """An open, current database."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short session committed on success and rolled back on error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or ``None`` for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            tables = inspect(connection).get_table_names()
            if tables:
                raise DatabaseError(
                    translate(
                        "Database",
                        "The file is not a Roadshow Desk database (it has tables but no "
                        "schema version).",
                    )
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def copy_sqlite(source: sqlite3.Connection, target: Path, *, timeout: float = 5.0) -> None:
    """Copy the SQLite database open as ``source`` into the file ``target`` (consistent even
    while in use; ``timeout``: seconds to wait for a lock on ``target``); closes ``source``."""
    try:
        destination = sqlite3.connect(str(target), timeout=timeout)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def backup_database(url: str, reason: str) -> Path | None:
    """Copy an SQLite database to the backups folder (consistent even while in use).

    Returns the backup's path, or ``None`` when there is nothing to copy (another backend,
    in-memory, or no file yet). The newest :data:`BACKUPS_KEPT` backups are kept.
    """
    path = sqlite_path(url)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch if ch.isalnum() else "-" for ch in reason)[:40]
    target = folder / f"{path.stem}-{stamp}-{safe_reason}{path.suffix}"
    copy_sqlite(sqlite3.connect(str(path)), target)
    backups = sorted(folder.glob(f"{path.stem}-*{path.suffix}"))
    for old in backups[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


_CREATE_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def migrate(engine: Engine, url: str, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` (imports Alembic: only when needed).

    On SQLite, foreign keys are off while migrating: Alembic rebuilds a table to drop or
    change a column (copy, ``DROP TABLE``, rename), and a ``DROP TABLE`` with foreign keys on
    would delete or refuse the rows that refer to it. They are checked before committing.
    """
    from alembic import command

    from roadshow_desk.store.migrations import alembic_config

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # only takes effect outside a transaction
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), target)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"broken references after migrating: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def open_database(url: str | None = None, *, backup: bool = True) -> Database:
    """Open (creating or migrating as needed) the database at ``url``."""
    resolved = resolve_url(url)
    engine = create_engine_for(resolved)
    try:
        revision = current_revision(engine)
        if revision is None:
            Base.metadata.create_all(engine)
            with engine.begin() as connection:
                connection.execute(text(_CREATE_VERSION_TABLE))
                connection.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:rev)"),
                    {"rev": HEAD_REVISION},
                )
        elif revision != HEAD_REVISION:
            if revision not in KNOWN_REVISIONS:
                raise DatabaseTooNew(
                    translate(
                        "Database",
                        "This database was written by a newer version of Roadshow Desk; "
                        "update the app to open it.",
                    )
                )
            if backup:
                backup_database(resolved, f"before-migration-{revision}")
            migrate(engine, resolved)
        if engine.dialect.name == "postgresql":
            from roadshow_desk.store.search_pg import ensure_pg_search

            with engine.begin() as connection:
                ensure_pg_search(connection)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:  # unreadable file, wrong server, not a database
        engine.dispose()
        detail = str(getattr(exc, "orig", None) or exc)  # the driver's words, not SQLAlchemy's
        raise DatabaseError(
            fmt(translate("Database", "The database cannot be opened: %1"), detail)
        ) from exc
    return Database(resolved, engine, sessionmaker(engine, expire_on_commit=False))


def copy_database_file(source: Path, target: Path) -> None:
    """Copy a closed SQLite file with its WAL side files (for tests and 'save as')."""
    shutil.copy2(source, target)
    for suffix in ("-wal", "-shm"):
        side = Path(str(source) + suffix)
        if side.exists():
            shutil.copy2(side, Path(str(target) + suffix))
