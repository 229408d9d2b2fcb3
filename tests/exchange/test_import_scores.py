"""Imported patents come scored under the active rubric, and a re-import rescores what it
changed (inside the import's transaction, like the search index)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from patent_files import number, write_csv
from sqlalchemy import select

from roadshow_desk.domain.models import Patent
from roadshow_desk.domain.rubric import PatentFacts, score
from roadshow_desk.exchange.patent_import import import_patents
from roadshow_desk.store import scoring
from roadshow_desk.store.db import Database

HEADER = ["申请号", "专利名称", "申请人", "申请日", "法律状态", "专利类型", "权利要求数"]
A, B = number("202210016632"), number("201110123456")


def rows() -> list[list[str]]:
    return [
        [A, "一种固态锂电池电解质", "清华大学", "2022-01-07", "公开", "发明专利", "8"],
        [B, "高精度数控机床主轴", "浙江大学", "2011-03-01", "有效", "发明专利", "12"],
    ]


def scores(db: Database) -> dict[str, float]:
    """The stored scores, checked against the rubric's Python arithmetic."""
    with db.session() as session:
        spec = scoring.active_spec(session)
        stored: dict[str, float] = {}
        for patent in session.scalars(select(Patent)):
            facts = PatentFacts.of(patent, scoring.interest_count(session, patent.id))
            assert patent.score == score(spec, facts, dt.date.today()), patent.application_no
            stored[patent.application_no] = patent.score
    return stored


def test_imported_patents_are_scored_and_rescored_when_they_change(
    db: Database, tmp_path: Path
) -> None:
    import_patents(db, write_csv(tmp_path / "v1.csv", HEADER, rows()))
    first = scores(db)
    assert first[B] > first[A]
    changed = rows()
    changed[0][4] = "有效"  # A granted upstream: it earns the granted points
    import_patents(db, write_csv(tmp_path / "v2.csv", HEADER, changed))
    second = scores(db)
    assert second[A] > first[A]
    assert second[B] == first[B]
