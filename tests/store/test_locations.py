"""Checking a database location before using it: nothing is written, each problem one sentence."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from roadshow_desk.store.db import DatabaseError, open_database
from roadshow_desk.store.locations import check_location


def test_a_roadshow_database_is_usable(tmp_path: Path) -> None:
    path = tmp_path / "fair.sqlite3"
    open_database(str(path)).dispose()
    check = check_location(str(path))
    assert check.usable and check.problem == "" and check.path == path.resolve()
    assert check_location(f"sqlite:///{path}").usable


def test_a_file_that_is_not_a_database_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("meeting notes, not a database\n" * 200)
    before = path.read_bytes()
    check = check_location(str(path))
    assert not check.usable
    assert check.problem == "“notes.sqlite3” is not a database file."
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    database = open_database(str(path))
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    before = path.read_bytes()
    check = check_location(str(path))
    assert check.too_new and not check.usable
    assert check.problem == (
        "“future.sqlite3” was written by a newer version of Roadshow Desk; update the app to "
        "open it."
    )
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    connection.close()
    assert check_location(str(path)).problem == (
        "“contacts.db” is a database, but not a Roadshow Desk one."
    )


def test_a_missing_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "fiar.sqlite3"  # a typo
    check = check_location(str(path))
    assert check.missing and not check.usable
    assert "does not exist" in check.problem
    assert not path.exists()
    folder = check_location(str(tmp_path / "no-such-folder" / "fair.sqlite3"))
    assert folder.missing and "no-such-folder" in folder.problem
    assert check_location(str(tmp_path)).problem.endswith("is a folder, not a database file.")


def test_opening_a_non_database_says_so_without_sqlalchemy_noise(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database\n" * 200)
    try:
        open_database(str(path))
    except DatabaseError as exc:
        message = str(exc)
    assert message == "The database cannot be opened: file is not a database"
