"""The search follows every write, on both engines: an edit, a tombstone, a hard delete, an
import (small: indexed at once on PostgreSQL; large: queued, scanned until the indexer
catches up), and the PostgreSQL tokens written by Python (COPY) equal the trigger's (SQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from roadshow_desk.domain.models import Patent
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.store import search
from roadshow_desk.store.db import Database


def _hits(database: Database, query: str) -> list[int]:
    with database.session() as session:
        return search.search_ids(session, query, limit=0)


def _id(database: Database, application_no: str) -> int:
    with database.session() as session:
        found = session.scalar(select(Patent.id).where(Patent.application_no == application_no))
    assert found is not None
    return found


def _write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["申请号,专利名称,摘要"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _number(serial: int) -> str:
    from roadshow_desk.domain.identifiers import check_character

    digits = f"2021{1}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def test_an_edit_a_tombstone_and_a_delete_are_followed(db: Database) -> None:
    with db.session() as session:
        session.add(Patent(station="t", application_no=_number(1), title="一种锂电池隔膜"))
        session.add(Patent(station="t", application_no=_number(2), title="石墨烯传感器 H01M"))
    first, second = _id(db, _number(1)), _id(db, _number(2))
    assert _hits(db, "锂电池") == [first]
    with db.session() as session:  # the library's edit: the ORM object changed, committed
        patent = session.get(Patent, first)
        assert patent is not None
        patent.title = "一种钠离子电池隔膜"
    assert _hits(db, "锂电池") == []
    assert _hits(db, "钠离子") == [first]
    assert _hits(db, "电池") == [first]
    with db.session() as session:
        session.execute(
            update(Patent).where(Patent.id == second).values(deleted_at=dt.datetime(2026, 1, 1))
        )
    assert _hits(db, "传感器") == [] and _hits(db, "h01m") == []
    with db.session() as session:  # restored: found again
        session.execute(update(Patent).where(Patent.id == second).values(deleted_at=None))
    assert _hits(db, "传感器") == [second] and _hits(db, "h01m") == [second]
    with db.session() as session:
        session.execute(delete(Patent).where(Patent.id == second))
    assert _hits(db, "传感器") == []


@pytest.mark.parametrize("at_once", [True, False], ids=["small", "queued"])
def test_an_import_is_found_and_then_follows_edits(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_once: bool
) -> None:
    from roadshow_desk.store import pg_bulk

    if not at_once:  # every import counts as large: queued for the indexer
        monkeypatch.setattr(pg_bulk, "INDEX_AT_ONCE", 0)
    rows = [(_number(n), f"一种储能装置{n}", f"用于H01M{n % 7}的电解液") for n in range(1, 41)]
    source = _write_csv(tmp_path / "patents.csv", rows)
    assert import_patents(db, source, station="A").inserted == 40
    assert len(_hits(db, "储能")) == 40
    assert len(_hits(db, "h01m3")) == len([n for n in range(1, 41) if n % 7 == 3])
    assert _hits(db, _number(7)[2:14]) == [_id(db, _number(7))]
    with db.session() as session:  # edited before the index caught up
        patent = session.get(Patent, _id(db, _number(5)))
        assert patent is not None
        patent.title = "一种飞轮装置"
    with db.session() as session:
        search.index_pending(session)  # the search indexer's catch-up
    assert len(_hits(db, "储能")) == 39
    assert _hits(db, "飞轮") == [_id(db, _number(5))]
    with db.session() as session:
        assert search.count_hits(session, "电解液") == 40


@pytest.mark.postgresql
def test_postgresql_tokens_written_by_python_equal_the_triggers(
    pg_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roadshow_desk.store import pg_bulk
    from roadshow_desk.store.db import open_database

    monkeypatch.setattr(pg_bulk, "INDEX_AT_ONCE", 0)
    database = open_database(pg_db_url)
    try:
        rows = [
            (_number(1), "锂电池 Ｈ０１Ｍ\u3000ＡＢＣ", "abc-12 x\\y “引号” İstanbul ÉCOLE"),
            (_number(2), "电\u00a0池 a1b2c3", "ß 5G 芯片。封装"),
        ]
        import_patents(database, _write_csv(tmp_path / "p.csv", rows), station="A")
        with database.session() as session:
            search.index_pending(session)  # Python: cut and loaded with COPY
        with database.engine.begin() as connection:
            by_python = _tokens(connection)
            connection.execute(text("UPDATE patent SET title = title || ''"))  # no change
            connection.execute(text("UPDATE patent SET title = title || ' '"))  # the trigger
            by_trigger = _tokens(connection)
        assert by_python and by_python == by_trigger
    finally:
        database.dispose()


def _tokens(connection: Any) -> dict[int, tuple[list[str], str]]:
    rows = connection.execute(
        text("SELECT patent_id, tokens, body FROM patent_search_tokens ORDER BY patent_id")
    )
    return {row[0]: (sorted(row[1]), row[2]) for row in rows}
