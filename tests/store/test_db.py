"""The store: creating, stamping, migrating, refusing and backing up databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from roadshow_desk.domain.enums import PatentType
from roadshow_desk.domain.models import Base, Institution, Patent
from roadshow_desk.store import db as store
from roadshow_desk.store.migrations import HEAD_REVISION, KNOWN_REVISIONS, alembic_config


def test_fresh_database_is_created_and_stamped(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    database = store.open_database(str(path))
    try:
        assert path.exists()
        assert store.current_revision(database.engine) == HEAD_REVISION
        tables = set(inspect(database.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        database.dispose()


@pytest.mark.sqlite_only("SQLite settings and file backups (PostgreSQL: test_db_postgresql.py)")
def test_sqlite_settings_wal_foreign_keys_durable(db: store.Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_records_round_trip_with_sync_columns(db: store.Database) -> None:
    with db.session() as session:
        institution = Institution(name="浙江大学")
        session.add(institution)
        session.add(
            Patent(
                application_no="CN202210016632.1",
                title="一种测试专利",
                patent_type=PatentType.INVENTION,
                institution=institution,
            )
        )
    with db.session() as session:
        patent = session.scalars(select(Patent)).one()
        assert patent.institution is not None and patent.institution.name == "浙江大学"
        assert len(patent.uuid) == 32 and patent.updated_at is not None
        assert patent.patent_type is PatentType.INVENTION
        assert patent.deleted_at is None


@pytest.mark.sqlite_only(
    "SQLite needs PRAGMA foreign_keys (and takes 1 for a boolean); PostgreSQL always enforces them"
)
def test_foreign_keys_are_enforced(db: store.Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO shortlist_entry (event_id, patent_id, position, included, "
                "exclusion_reason, tags, presenter_notes, uuid, updated_at, station) "
                "VALUES (999, 999, 0, 1, '', '', '', 'x', '2026-01-01', '')"
            )
        )


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    store.open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(store.DatabaseTooNew, match="newer version"):
        store.open_database(str(path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not SQLite\n" * 100)
    with pytest.raises(store.DatabaseError):
        store.open_database(str(path))
    assert path.read_bytes().startswith(b"this is a text file")


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE things (id INTEGER)")
    with pytest.raises(store.DatabaseError, match="not a Roadshow Desk database"):
        store.open_database(str(path))
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert names == {"things"}


def test_resolve_url_accepts_paths_env_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert store.resolve_url("postgresql://u@h/db") == "postgresql://u@h/db"
    monkeypatch.setenv("ROADSHOW_DESK_DB", str(tmp_path / "env.db"))
    assert store.resolve_url(None).endswith("env.db")
    monkeypatch.delenv("ROADSHOW_DESK_DB")
    assert store.resolve_url(None).startswith("sqlite:///")
    assert store.resolve_url(None).endswith("roadshow-desk.sqlite3")


@pytest.mark.sqlite_only("SQLite settings and file backups (PostgreSQL: test_db_postgresql.py)")
def test_backup_copies_a_consistent_database(db: store.Database) -> None:
    with db.session() as session:
        session.add(Institution(name="西安交通大学"))
    backup = store.backup_database(db.url, "before-import")
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT name FROM institution").fetchall() == [("西安交通大学",)]


def test_revision_constants_match_the_migration_files() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    """Running every migration from empty gives the schema the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    store.migrate(engine, str(engine.url))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], "models and migrations disagree: run tools/regen_migration.py"


def test_upgrade_from_every_earlier_revision_keeps_data(tmp_path: Path) -> None:
    """A database stamped at any earlier revision upgrades to head on open, backed up first."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    # The oldest schema: migrate to the first revision, then add a record.
    store.migrate(engine, str(engine.url), target=KNOWN_REVISIONS[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO institution (name, short_name, kind, region, contact_person, "
                "contact_phone, contact_email, uuid, updated_at, station) VALUES "
                "('哈尔滨工业大学', '', 'university', '', '', '', '', 'u1', '2026-01-01', 'A')"
            )
        )
    engine.dispose()
    assert len(KNOWN_REVISIONS) > 1, "there is an upgrade path to test"
    database = store.open_database(str(path))
    backups = list((path.parent / "backups").glob("old-*"))
    assert backups, "a backup is taken before migrating"
    with sqlite3.connect(backups[0]) as connection:
        stamp = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert stamp == (KNOWN_REVISIONS[0],), "the backup is the database as it was"
    with database.session() as session:
        assert session.scalars(select(Institution.name)).all() == ["哈尔滨工业大学"]
    assert store.current_revision(database.engine) == HEAD_REVISION
    database.dispose()
