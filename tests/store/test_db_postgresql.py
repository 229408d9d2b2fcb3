"""The store on PostgreSQL: migrations build the same schema as on SQLite, upgrade from the
first revision, refuse a newer schema; URLs without a driver; passwords hidden."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, select, text

from roadshow_desk.domain.models import Base, Institution
from roadshow_desk.store import db as store
from roadshow_desk.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from roadshow_desk.store.postgres import display_url, engine_url

pytestmark = pytest.mark.postgresql


def _schema(engine: Engine) -> dict[str, Any]:
    """Tables, columns (name, nullability, primary key), indexes, unique constraints and
    foreign keys as reflected: what both engines must agree on."""
    inspector = inspect(engine)
    schema: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        pk = set(inspector.get_pk_constraint(table)["constrained_columns"])
        schema[table] = {
            "columns": sorted(
                (c["name"], bool(c["nullable"]), c["name"] in pk)
                for c in inspector.get_columns(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
                if i["name"]
                and not i["name"].startswith("sqlite_")
                and not i.get("duplicates_constraint")  # PostgreSQL: a unique constraint's
            ),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
            ),
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in inspector.get_foreign_keys(table)
            ),
        }
    return schema


def _assert_same(pg: dict[str, Any], sqlite: dict[str, Any]) -> None:
    assert sorted(pg) == sorted(sqlite)
    for table in pg:
        for key in pg[table]:
            assert pg[table][key] == sqlite[table][key], (table, key)


def _differences(engine: Engine) -> list[Any]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_build_the_same_schema_on_both_engines(pg_db_url: str, tmp_path: Path) -> None:
    """From empty, every migration on PostgreSQL gives the models' schema, and reflection
    finds the same tables, columns, indexes and keys as on SQLite."""
    pg_server_url = pg_db_url.rsplit("/", 1)[0]
    pg = create_engine(f"{pg_server_url}/{pg_db_url.rsplit('/', 1)[1]}")
    with pg.begin() as connection:  # the template's tables: start from an empty database
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    store.migrate(pg, pg_db_url)
    sqlite = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    store.migrate(sqlite, str(sqlite.url))
    try:
        assert _differences(pg) == [], "models and migrations disagree on PostgreSQL"
        assert _differences(sqlite) == []
        _assert_same(_schema(pg), _schema(sqlite))
        assert set(Base.metadata.tables) <= set(inspect(pg).get_table_names())
    finally:
        pg.dispose()
        sqlite.dispose()


def test_a_database_opened_on_both_engines_has_the_same_schema(
    pg_db_url: str, tmp_path: Path
) -> None:
    """Created from the models (a fresh database) rather than migrated: the same again,
    apart from the search index tables (derived data, made outside the migrations)."""
    pg = store.open_database(pg_db_url)
    sqlite = store.open_database(str(tmp_path / "fresh.sqlite3"))
    try:
        pg_schema, sqlite_schema = _schema(pg.engine), _schema(sqlite.engine)
        pg_schema = {k: v for k, v in pg_schema.items() if not k.startswith("patent_search")}
        sqlite_schema = {
            k: v for k, v in sqlite_schema.items() if not k.startswith("patent_search")
        }
        _assert_same(pg_schema, sqlite_schema)
    finally:
        pg.dispose()
        sqlite.dispose()


def test_upgrade_from_the_first_revision_keeps_data(pg_db_url: str) -> None:
    engine = create_engine(pg_db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    store.migrate(engine, pg_db_url, target=KNOWN_REVISIONS[0])
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
    database = store.open_database(pg_db_url)
    try:
        assert store.current_revision(database.engine) == HEAD_REVISION
        with database.session() as session:
            assert session.scalars(select(Institution.name)).all() == ["哈尔滨工业大学"]
        assert _differences(database.engine) == [] or all(
            "patent_search_" in repr(diff) for diff in _differences(database.engine)
        )
    finally:
        database.dispose()


def test_database_from_a_newer_version_is_refused(pg_db_url: str) -> None:
    store.open_database(pg_db_url).dispose()
    engine = create_engine(pg_db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(store.DatabaseTooNew, match="newer version"):
        store.open_database(pg_db_url)


def test_a_foreign_database_is_refused_untouched(pg_db_url: str) -> None:
    engine = create_engine(pg_db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE TABLE things (id int)"
        )
    engine.dispose()
    with pytest.raises(store.DatabaseError, match="not a Roadshow Desk database"):
        store.open_database(pg_db_url)
    engine = create_engine(pg_db_url)
    try:
        assert inspect(engine).get_table_names() == ["things"]
    finally:
        engine.dispose()


def test_a_plain_postgresql_url_uses_psycopg_and_hides_the_password() -> None:
    url = "postgresql://fair:s3cret@127.0.0.1:5432/fair2026"
    assert str(engine_url(url)).startswith("postgresql+psycopg://")
    assert "s3cret" not in display_url(url)
    assert display_url(url).endswith("@127.0.0.1:5432/fair2026")
    assert engine_url("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_a_wrong_password_is_one_sentence_without_the_password(pg_db_url: str) -> None:
    wrong = pg_db_url.replace("://roadshow_test:", "://roadshow_test:wrong-", 1)
    with pytest.raises(store.DatabaseError) as raised:
        store.open_database(wrong)
    assert "wrong-" not in str(raised.value)
    assert "password authentication failed" in str(raised.value)
