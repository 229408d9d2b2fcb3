"""The backups of an SQLite database: which there are, what each preceded, and restoring one.

:func:`~roadshow_desk.store.db.backup_database` writes them into ``backups/`` beside the
database file, named ``<stem>-<UTC time>-<reason><suffix>`` (``fair-20261207-020000-123456-
before-import.sqlite3``). :func:`list_backups` reads those names back (newest first) into
:class:`Backup` records: the instant (UTC, aware) and the kind of operation it preceded.
:func:`restore_backup` first backs up the database as it is now (kind ``restore``), then
copies the chosen backup into the live file through SQLite's backup API (one transaction:
other connections see the old or the new state, never a mixture) and brings its schema up
to date when the backup is older than the app.

The reasons writers use: ``before-import``, ``before-enterprise-import``,
``before-intention-import`` (kind ``import``), ``before-migration-<revision>``
(``migration``), ``before-merge`` (``merge``), ``before-restore`` (``restore``).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from roadshow_desk.i18n import translate
from roadshow_desk.store.db import (
    Database,
    DatabaseError,
    backup_database,
    copy_sqlite,
    open_database,
    sqlite_path,
)

IMPORT, MIGRATION, MERGE, RESTORE, OTHER = "import", "migration", "merge", "restore", "other"
RESTORE_REASON = "before-restore"


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    taken_at: datetime
    """When it was taken (UTC, aware); show it with ``taken_at.astimezone()``."""
    reason: str
    """As written in the name (``before-import``)."""
    kind: str
    """What it preceded: :data:`IMPORT`, :data:`MIGRATION`, :data:`MERGE`, :data:`RESTORE`
    or :data:`OTHER`."""
    size: int
    """Bytes."""


def kind_of(reason: str) -> str:
    """What operation a backup's reason names."""
    for kind in (MIGRATION, MERGE, RESTORE, IMPORT):
        if kind in reason:
            return kind
    return OTHER


def kind_label(kind: str) -> str:
    """What a backup preceded, for the user."""
    labels = {
        IMPORT: translate("Backups", "before an import"),
        MIGRATION: translate("Backups", "before an upgrade of the database"),
        MERGE: translate("Backups", "before a merge"),
        RESTORE: translate("Backups", "before a restore"),
    }
    return labels.get(kind, translate("Backups", "before a change"))


def backups_folder(url: str) -> Path | None:
    """Where the backups of the database at ``url`` go (``None``: not an SQLite file)."""
    path = sqlite_path(url)
    return None if path is None else path.parent / "backups"


def list_backups(url: str) -> list[Backup]:
    """The backups of the database at ``url``, newest first."""
    path = sqlite_path(url)
    folder = backups_folder(url)
    if path is None or folder is None or not folder.is_dir():
        return []
    pattern = re.compile(
        re.escape(path.stem) + r"-(\d{8}-\d{6}-\d{6})-(.*)" + re.escape(path.suffix) + r"$"
    )
    found = []
    for candidate in folder.iterdir():
        match = pattern.match(candidate.name)
        if match is None or not candidate.is_file():
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
        reason = match.group(2)
        found.append(Backup(candidate, taken, reason, kind_of(reason), candidate.stat().st_size))
    found.sort(key=lambda backup: backup.taken_at, reverse=True)
    return found


def restore_backup(database: Database, backup: Path) -> Path | None:
    """Put ``backup``'s content into ``database`` (after backing up what it holds now).

    Returns the backup of the state before the restore (``None`` when there was nothing to
    back up). Raises :class:`~roadshow_desk.store.db.DatabaseError` (nothing changed) when
    the backup cannot be used. The caller should clear its undo history and reload.
    """
    from roadshow_desk.store.locations import inspect_sqlite_file

    target = database.path
    if target is None:
        raise DatabaseError(
            translate("Backups", "Only a database file can be restored from a backup.")
        )
    problem, _too_new = inspect_sqlite_file(backup) if backup.is_file() else ("", False)
    if not backup.is_file():
        problem = translate("Backups", "The backup “%1” no longer exists.").replace(
            "%1", backup.name
        )
    if problem:
        raise DatabaseError(problem)
    # A private copy first: backing up the current state may rotate the chosen file away.
    staging = backup.with_name(f".restoring-{backup.name}")
    shutil.copy2(backup, staging)
    try:
        before = backup_database(database.url, RESTORE_REASON)
        database.engine.dispose()  # no pooled connection keeps a view of the old pages
        source = sqlite3.connect(f"file:{quote(str(staging))}?mode=ro", uri=True)
        copy_sqlite(source, target, timeout=30)
    finally:
        staging.unlink(missing_ok=True)
    open_database(database.url, backup=False).dispose()  # an older backup: migrate it
    database.engine.dispose()
    return before
