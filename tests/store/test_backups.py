"""Backups: listed with their time and what they preceded; restored after a backup of now."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from roadshow_desk.store.backups import (
    IMPORT,
    MERGE,
    MIGRATION,
    RESTORE,
    list_backups,
    restore_backup,
)
from roadshow_desk.store.db import (
    BACKUPS_KEPT,
    HEAD_REVISION,
    Database,
    DatabaseError,
    backup_database,
    current_revision,
    migrate,
    open_database,
)
from roadshow_desk.store.migrations import KNOWN_REVISIONS

# A backup is a copy of the SQLite file; a PostgreSQL server keeps its own (pg_dump), and the
# app takes none there.
pytestmark = pytest.mark.sqlite_only("backups are copies of the SQLite database file")


def add_institution(engine, name: str) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO institution (name, short_name, kind, region, contact_person, "
                "contact_phone, contact_email, uuid, updated_at, station) VALUES "
                "(:name, '', 'university', '', '', '', '', :name, '2026-01-01', 'A')"
            ),
            {"name": name},
        )


def institutions(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT name FROM institution ORDER BY name"))
        return list(rows.scalars())


def test_backups_are_listed_newest_first_with_what_they_preceded(db: Database) -> None:
    for reason in ("before-import", "before-migration-0001", "before-merge", "before-restore"):
        backup_database(db.url, reason)
    backup_database(db.url, "before-enterprise-import")
    found = list_backups(db.url)
    assert [backup.kind for backup in found] == [IMPORT, RESTORE, MERGE, MIGRATION, IMPORT]
    assert found[0].reason == "before-enterprise-import"
    assert all(backup.taken_at.tzinfo is UTC for backup in found)
    assert found[0].taken_at > found[-1].taken_at
    assert all(backup.path.parent == db.path.parent / "backups" for backup in found)
    assert all(backup.size > 0 for backup in found)


def test_restore_puts_the_backup_back_and_keeps_what_was_there(db: Database) -> None:
    add_institution(db.engine, "浙江大学")
    backup = backup_database(db.url, "before-import")
    assert backup is not None
    add_institution(db.engine, "宁波大学")
    before = restore_backup(db, backup)
    assert institutions(db) == ["浙江大学"]
    assert before is not None and list_backups(db.url)[0].path == before
    assert list_backups(db.url)[0].kind == RESTORE
    restored_before = open_database(str(before), backup=False)
    try:
        assert institutions(restored_before) == ["宁波大学", "浙江大学"]
    finally:
        restored_before.dispose()
    # The database is still writable through the same engine after the restore.
    add_institution(db.engine, "温州大学")
    assert institutions(db) == ["浙江大学", "温州大学"]


def test_the_oldest_backup_can_be_restored_although_a_new_one_rotates_it_away(
    db: Database,
) -> None:
    add_institution(db.engine, "最早")
    oldest = backup_database(db.url, "before-import")
    add_institution(db.engine, "后来")
    for _ in range(BACKUPS_KEPT - 1):
        backup_database(db.url, "before-import")
    assert list_backups(db.url)[-1].path == oldest
    restore_backup(db, oldest)  # type: ignore[arg-type]
    assert institutions(db) == ["最早"]
    assert len(list_backups(db.url)) == BACKUPS_KEPT


def test_a_backup_that_is_not_a_database_changes_nothing(db: Database, tmp_path: Path) -> None:
    add_institution(db.engine, "浙江大学")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database\n" * 100)
    with pytest.raises(DatabaseError, match="is not a database file"):
        restore_backup(db, bogus)
    assert institutions(db) == ["浙江大学"]
    assert list_backups(db.url) == []


def test_a_backup_taken_before_an_upgrade_is_restored_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, str(engine.url), target=KNOWN_REVISIONS[0])
    add_institution(engine, "哈尔滨工业大学")
    engine.dispose()
    database = open_database(str(path))  # upgrades, after a backup
    try:
        (migration,) = list_backups(database.url)
        assert migration.kind == MIGRATION
        add_institution(database.engine, "宁波大学")
        restore_backup(database, migration.path)
        assert institutions(database) == ["哈尔滨工业大学"]
        assert current_revision(database.engine) == HEAD_REVISION
    finally:
        database.dispose()
