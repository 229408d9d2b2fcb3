"""Scores in their own table: ``Patent.score`` reads and writes them like a column, and an
older database (scores in the patent rows) upgrades with everything kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Boolean, Date, DateTime, Integer, MetaData, Numeric, create_engine, select

from roadshow_desk.domain.models import Intention, Patent, PatentScore, ShortlistEntry
from roadshow_desk.store import db as store
from roadshow_desk.store.db import Database
from roadshow_desk.store.migrations import KNOWN_REVISIONS, alembic_config

FIRST = KNOWN_REVISIONS[0]


def _stored(database: Database) -> dict[str, float]:
    with database.session() as session:
        rows = session.execute(
            select(Patent.application_no, PatentScore.score).join(
                PatentScore, PatentScore.patent_id == Patent.id
            )
        )
        return {number: value for number, value in rows}


def test_patent_score_reads_and_writes_like_a_column(db: Database) -> None:
    with db.session() as session:
        session.add_all([Patent(application_no="CN1", score=87.25), Patent(application_no="CN2")])
    assert _stored(db) == {"CN1": 87.25}
    with db.session() as session:
        first = session.scalars(select(Patent).where(Patent.application_no == "CN1")).one()
        second = session.scalars(select(Patent).where(Patent.application_no == "CN2")).one()
        assert (first.score, second.score) == (87.25, None)
        first.score, second.score = 40.0, 12.5
    assert _stored(db) == {"CN1": 40.0, "CN2": 12.5}
    with db.session() as session:
        ranked = session.scalars(
            select(Patent.application_no).where(Patent.score > 20).order_by(Patent.score.desc())
        ).all()
        assert ranked == ["CN1"]
        scores = select(Patent.score).select_from(Patent).order_by(Patent.score)
        assert session.scalars(scores).all() == [12.5, 40.0]
        first = session.scalars(select(Patent).where(Patent.application_no == "CN1")).one()
        first.score = None
    assert _stored(db) == {"CN2": 12.5}
    assert first.score is None  # read after the session closed: loaded with the row
    with db.session() as session:
        stamp = session.scalars(select(Patent.updated_at).where(Patent.application_no == "CN2"))
        before = stamp.one()
        patent = session.scalars(select(Patent).where(Patent.application_no == "CN2")).one()
        patent.score = 99.0
    with db.session() as session:
        after = session.scalars(select(Patent.updated_at).where(Patent.application_no == "CN2"))
        assert after.one() == before  # a score is derived data, not an edit of the patent
        session.delete(session.scalars(select(Patent).where(Patent.application_no == "CN2")).one())
    assert _stored(db) == {}


def _blank(column: Any) -> Any:
    """A value for a NOT NULL column without default (the old schema's raw inserts)."""
    if isinstance(column.type, Boolean):
        return False
    if isinstance(column.type, Integer | Numeric):
        return 0
    if isinstance(column.type, DateTime):
        return dt.datetime(2026, 1, 1)
    if isinstance(column.type, Date):
        return dt.date(2026, 1, 1)
    return ""


def _insert(connection: Any, table: Any, **values: Any) -> int:
    row = {
        column.name: _blank(column)
        for column in table.columns
        if not column.nullable and not column.primary_key
    }
    row.update(values)
    result = connection.execute(table.insert().values(row))
    return int(result.inserted_primary_key[0])


def _old_database(path: Path) -> dict[str, int]:
    """A database at the first revision: two patents (one scored), an intention on the scored
    one and a shortlist entry (children of the patent rows the upgrade rebuilds)."""
    engine = create_engine(f"sqlite:///{path}")
    store.migrate(engine, str(engine.url), target=FIRST)
    meta = MetaData()
    meta.reflect(engine)
    t = meta.tables
    with engine.begin() as connection:
        scored = _insert(
            connection,
            t["patent"],
            application_no="CN1",
            uuid="p1",
            score=87.25,
            legal_status="unknown",
        )
        unscored = _insert(
            connection, t["patent"], application_no="CN2", uuid="p2", legal_status="unknown"
        )
        firm = _insert(connection, t["enterprise"], name="宁德某某", uuid="e1")
        event = _insert(connection, t["event"], name="路演", uuid="v1")
        _insert(
            connection,
            t["intention"],
            enterprise_id=firm,
            patent_id=scored,
            event_id=event,
            kind="licence",
            uuid="i1",
        )
        _insert(connection, t["shortlist_entry"], event_id=event, patent_id=scored, uuid="s1")
    engine.dispose()
    return {"scored": scored, "unscored": unscored}


def test_upgrade_moves_scores_and_keeps_the_patents_children(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    ids = _old_database(path)
    database = store.open_database(str(path), backup=False)
    try:
        with database.session() as session:
            scores = dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())
            assert scores == {ids["scored"]: 87.25}
            scored, unscored = (
                session.get(Patent, ids["scored"]),
                session.get(Patent, ids["unscored"]),
            )
            assert scored is not None and scored.score == 87.25
            assert unscored is not None and unscored.score is None
            # Rebuilding the patent table must not cascade into the rows that refer to it.
            assert session.scalars(select(Intention.patent_id)).all() == [ids["scored"]]
            assert session.scalars(select(ShortlistEntry.patent_id)).all() == [ids["scored"]]
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.dispose()


def test_downgrade_puts_the_scores_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    ids = _old_database(path)
    store.open_database(str(path), backup=False).dispose()
    engine = create_engine(f"sqlite:///{path}")  # foreign keys off, as store.migrate does
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), FIRST)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, score FROM patent ORDER BY id").fetchall()
        children = connection.execute("SELECT count(*) FROM intention").fetchone()
    assert rows == [(ids["scored"], 87.25), (ids["unscored"], None)]
    assert children == (1,)
