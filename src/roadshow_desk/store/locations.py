"""Is a database location usable? Checked before Settings accepts it and start-up opens it.

:func:`check_location` looks without writing anything: an SQLite file is opened read-only
and only its list of tables and its schema stamp are read, so a wrong file is never turned
into a database, a typo never creates one, and a file of a newer version is never touched.
The answer names the problem in one sentence for the user (``problem``), or says that the
location is a database this version opens (``usable``) or a file still to be created
(``missing``, also when its folder is missing). A missing file is created only when the
user asks for a new database (:func:`create_database`), or for the default file on the
first start. Server URLs (PostgreSQL) are only parsed here; connecting is left to opening.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from roadshow_desk.i18n import fmt, translate
from roadshow_desk.store.db import Database, default_database_path, open_database, resolve_url
from roadshow_desk.store.db import sqlite_path as url_sqlite_path
from roadshow_desk.store.migrations import KNOWN_REVISIONS

#: What a check found (``LocationCheck.state``).
USABLE = "usable"
MISSING = "missing"
PROBLEM = "problem"


@dataclass(frozen=True)
class LocationCheck:
    """What :func:`check_location` found about one database location."""

    location: str
    """As the user gave it (a path or a URL)."""
    url: str
    """The database URL it stands for (``""`` when it is not one)."""
    path: Path | None
    """The SQLite file, or ``None`` for a server URL."""
    state: str
    """:data:`USABLE`, :data:`MISSING` or :data:`PROBLEM`."""
    problem: str = ""
    """One sentence for the user when ``state`` is :data:`PROBLEM` or :data:`MISSING`."""
    too_new: bool = False
    """The file was written by a newer version of Roadshow Desk."""

    @property
    def usable(self) -> bool:
        return self.state == USABLE

    @property
    def missing(self) -> bool:
        return self.state == MISSING


def _name(path: Path) -> str:
    return path.name or str(path)


def check_location(location: str) -> LocationCheck:
    """Check ``location`` (a file path or URL; ``""`` is the default file) without writing."""
    value = location.strip() or str(default_database_path())
    try:
        url = resolve_url(value)
        path = url_sqlite_path(url)
    except (ArgumentError, ValueError):
        message = translate("Database", "“%1” is neither a file nor a database URL.")
        return LocationCheck(location, "", None, PROBLEM, fmt(message, value))
    if path is None:
        if make_url(url).get_backend_name() == "sqlite":  # in memory: nothing would be kept
            message = translate("Database", "“%1” does not name a database file.")
            return LocationCheck(location, url, None, PROBLEM, fmt(message, value))
        return LocationCheck(location, url, None, USABLE)
    if path.is_dir():
        message = translate("Database", "“%1” is a folder, not a database file.")
        return LocationCheck(location, url, path, PROBLEM, fmt(message, str(path)))
    if not path.exists():
        if not path.parent.is_dir():
            message = translate("Database", "The folder “%1” does not exist.")
            return LocationCheck(location, url, path, MISSING, fmt(message, str(path.parent)))
        message = translate(
            "Database", "The database file “%1” does not exist (was it moved or renamed?)."
        )
        return LocationCheck(location, url, path, MISSING, fmt(message, str(path)))
    problem, too_new = inspect_sqlite_file(path)
    return LocationCheck(location, url, path, PROBLEM if problem else USABLE, problem, too_new)


def inspect_sqlite_file(path: Path) -> tuple[str, bool]:
    """Why the existing file ``path`` is not a database this version opens ("" when it is),
    and whether it is one of a newer version. Reads, never writes."""
    name = _name(path)
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        message = translate("Database", "“%1” cannot be read (%2).")
        return fmt(message, name, str(exc)), False
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            message = translate("Database", "“%1” is not a database file.")
            return fmt(message, name), False
        message = translate("Database", "“%1” cannot be read (%2).")
        return fmt(message, name, str(exc)), False
    finally:
        connection.close()
    if tables and revision is None:
        message = translate("Database", "“%1” is a database, but not a Roadshow Desk one.")
        return fmt(message, name), False
    if revision is not None and revision not in KNOWN_REVISIONS:
        message = translate(
            "Database",
            "“%1” was written by a newer version of Roadshow Desk; update the app to open it.",
        )
        return fmt(message, name), True
    return "", False


def create_database(location: str) -> Database:
    """Create the new, empty database the user asked for at ``location`` (opened)."""
    return open_database(location)
