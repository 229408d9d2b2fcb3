"""Moving a desk's database to the server and back in one action (store.transfer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from roadshow_desk.domain.models import Base, Institution, Patent
from roadshow_desk.errors import InputError
from roadshow_desk.store.db import Database, copy_database_file, open_database
from roadshow_desk.store.search import search_ids
from roadshow_desk.store.transfer import copy_database


def counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table.name: int(connection.execute(select(func.count()).select_from(table)).scalar())
            for table in Base.metadata.sorted_tables
        }


def titles(database: Database, query: str) -> list[str]:
    with database.session() as session:
        ids = search_ids(session, query, limit=500)
        return sorted(session.scalars(select(Patent.title).where(Patent.id.in_(ids))).all())


@pytest.mark.postgresql
@pytest.mark.sqlite_only("the source is the local SQLite file; the target is the server")
def test_the_local_file_moves_to_the_server_and_back(
    demo_db_file: Path, pg_db_url: str, tmp_path: Path
) -> None:
    copy_database_file(demo_db_file, tmp_path / "local.sqlite3")
    local = open_database(str(tmp_path / "local.sqlite3"))
    server = open_database(pg_db_url)
    back = open_database(str(tmp_path / "back.sqlite3"))
    try:
        expected = counts(local)
        assert expected["patent"] > 0 and expected["intention"] > 0
        result = copy_database(local, server)
        assert result.total == sum(expected.values())
        assert counts(server) == expected
        for query in ("电池", "锂", "H01M"):
            assert titles(local, query), query
            assert titles(server, query) == titles(local, query)
        with server.session() as session:  # the next desk's insert gets a fresh id
            session.add(Institution(name="新加入的高校"))
        with server.session() as session:
            new_id = session.scalar(
                select(Institution.id).where(Institution.name == "新加入的高校")
            )
            assert new_id > max(session.scalars(select(Institution.id).where(
                Institution.name != "新加入的高校")).all())  # fmt: skip
        copy_database(server, back)
        assert counts(back)["intention"] == expected["intention"]
        assert counts(back)["institution"] == expected["institution"] + 1
    finally:
        for database in (local, server, back):
            database.dispose()


@pytest.mark.postgresql
@pytest.mark.sqlite_only("the source is the local SQLite file; the target is the server")
def test_the_move_to_the_server_copies_rather_than_inserting_row_by_row(
    demo_db_file: Path, pg_db_url: str, tmp_path: Path
) -> None:
    from sqlalchemy import event

    copy_database_file(demo_db_file, tmp_path / "local.sqlite3")
    local = open_database(str(tmp_path / "local.sqlite3"))
    server = open_database(pg_db_url)
    statements: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(server.engine, "before_cursor_execute", note)
    try:
        copy_database(local, server)
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
        assert inserts == []  # every table went in with COPY
        with server.engine.connect() as connection:
            queued = connection.exec_driver_sql("SELECT count(*) FROM patent_search_pending")
            assert queued.scalar() == counts(local)["patent"]  # for the search indexer
        for query in ("电池", "H01M"):  # exact meanwhile: the queued patents are scanned
            assert titles(server, query) == titles(local, query)
    finally:
        event.remove(server.engine, "before_cursor_execute", note)
        local.dispose()
        server.dispose()


def test_a_target_with_records_is_refused_and_untouched(
    demo_db: Database, demo_db_file: Path, tmp_path: Path
) -> None:
    copy_database_file(demo_db_file, tmp_path / "other.sqlite3")
    source = open_database(str(tmp_path / "other.sqlite3"))
    try:
        before = counts(demo_db)
        with pytest.raises(InputError, match="already holds records; nothing was copied"):
            copy_database(source, demo_db)
        assert counts(demo_db) == before
    finally:
        source.dispose()
