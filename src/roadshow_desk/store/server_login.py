"""A desk's server login: the password kept apart from the settings file, the connection test,
and the one line the status bar shows about the database in use.

Where the password goes: the settings file (an INI file anyone with the laptop can read,
copied with profiles and backups) keeps the server URL *without* its password; the password
goes to ``server-passwords.json`` in the user's data folder, a file created with mode 0600
(only this user can read it), keyed by the password-less URL. Not the OS keyring: it is not
a dependency of the app (the ``keyring`` package is not installed, and on the Linux laptops
and frozen builds used at fairs there is often no keyring daemon running to unlock it), and a
fair desk must reconnect unattended after a restart. The file is written atomically (a
temporary file with mode 0600 from the start, then renamed), so the password is never
readable by others, not even for a moment. Nothing here logs or displays a password:
:func:`describe_location` and :func:`public_url` drop it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from roadshow_desk.i18n import fmt, translate
from roadshow_desk.store.db import (
    DatabaseError,
    current_revision,
    data_dir,
    resolve_url,
    sqlite_path,
)
from roadshow_desk.store.migrations import KNOWN_REVISIONS

PASSWORD_FILE = "server-passwords.json"
CONNECT_TIMEOUT_SECONDS = 5


def password_file() -> Path:
    return data_dir() / PASSWORD_FILE


def _server_url(location: str) -> URL | None:
    """The parsed URL when ``location`` names a database server (not an SQLite file)."""
    if "://" not in location:
        return None
    try:
        url = make_url(location.strip())
    except ArgumentError:
        return None
    return None if url.get_backend_name() == "sqlite" else url


def public_url(location: str) -> str:
    """``location`` without its password (a file path is returned unchanged)."""
    url = _server_url(location)
    if url is None or url.password is None:
        return location.strip()
    return url._replace(password=None).render_as_string(hide_password=False)


def _read_passwords() -> dict[str, str]:
    try:
        data = json.loads(password_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def remember_password(location: str) -> str:
    """Keep the password of ``location`` (if it has one) in the 0600 file; the URL to write to
    the settings file (without the password)."""
    url = _server_url(location)
    if url is None or url.password is None:
        return location.strip()
    public = public_url(location)
    passwords = _read_passwords()
    passwords[public] = str(url.password)
    folder = password_file().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".passwords-", dir=folder)  # mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(passwords, stream, ensure_ascii=False, indent=1)
        os.chmod(temporary, 0o600)
        os.replace(temporary, password_file())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return public


def with_saved_password(location: str) -> str:
    """``location`` with the remembered password put back (unchanged when it has one, names a
    file, or no password was remembered for it)."""
    url = _server_url(location)
    if url is None or url.password is not None:
        return location
    password = _read_passwords().get(public_url(location))
    if password is None:
        return location
    return url.set(password=password).render_as_string(hide_password=False)


def describe_location(location: str) -> str:
    """Engine and host (or file name) of a database, for the status bar; never a password."""
    try:
        resolved = resolve_url(location or None)
        url = make_url(resolved)
    except (ArgumentError, ValueError):
        return location
    path = sqlite_path(resolved)
    if path is not None:
        return f"SQLite · {path.name}"
    if url.get_backend_name() == "postgresql":
        host = url.host or "localhost"
        port = f":{url.port}" if url.port else ""
        return f"PostgreSQL · {host}{port}/{url.database or ''}"
    return url.get_backend_name()


def connection_problem(location: str) -> str:
    """Connect to the server at ``location`` and read its schema stamp, writing nothing; one
    sentence for the user when that fails ("" when the desk can use it)."""
    from roadshow_desk.store.postgres import engine_url

    url = _server_url(location)
    if url is None:
        return ""
    where = describe_location(location)
    try:
        engine = create_engine(
            engine_url(location), connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        )
    except (ArgumentError, ImportError, ValueError):
        message = translate("Database", "“%1” is neither a file nor a database URL.")
        return fmt(message, public_url(location))
    try:
        revision = current_revision(engine)
    except DatabaseError as exc:  # tables, but not Roadshow Desk's
        return str(exc)
    except Exception as exc:  # the driver's error: refused, unreachable, unknown database
        detail = str(getattr(exc, "orig", None) or exc)
        if "password" in detail or "authentication" in detail:
            message = translate(
                "Database", "The server %1 refused the user name or password; nothing was changed."
            )
        elif "does not exist" in detail:
            message = translate(
                "Database", "The server %1 has no such database or user; nothing was changed."
            )
        else:
            message = translate(
                "Database",
                "The server %1 cannot be reached (is it running, and is this desk on its "
                "network?); nothing was changed.",
            )
        return fmt(message, where)
    finally:
        engine.dispose()
    if revision is not None and revision not in KNOWN_REVISIONS:
        message = translate(
            "Database",
            "The database on %1 was written by a newer version of Roadshow Desk; update the "
            "app to use it.",
        )
        return fmt(message, where)
    return ""
