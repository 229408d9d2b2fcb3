"""Importing a transcribed sheet rescores the patents it gives (or takes) interest."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from fairday_data import application_no, credit_code, make_fair_day
from roadshow_desk.domain.models import PatentScore
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.exchange.intention_import import import_intentions
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.store.scoring import rescore

HEADER = ["企业名称", "统一社会信用代码", "专利申请号", "意向类型", "产业化前景评价", "登记时间"]
N0 = application_no("202210016632")
PER_INTENTION = RubricSpec().weight(Criterion.ENTERPRISE_INTEREST)


def scores(db) -> dict[int, float]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())


def test_imported_interest_counts_in_the_score(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    with db.session() as session:
        rescore(session)
    start = scores(db)
    first = day.patent_ids[0]
    rows: list[list[object]] = [
        ["宁德储能", credit_code(1), N0, "许可", "", "2026-12-03 09:30"],
        ["华东精密机械有限公司", "", N0, "转让", "", "2026-12-03 09:40"],
    ]
    assert import_intentions(db, write_table(tmp_path / "a.xlsx", HEADER, rows)).inserted == 2
    assert scores(db) == {**start, first: start[first] + 2 * PER_INTENTION}

    raised = scores(db)
    more: list[list[object]] = [
        *rows,
        ["联想(北京)股份有限公司", "", N0, "无需求", "★★★", "2026-12-03 10:00"],
    ]
    result = import_intentions(db, write_table(tmp_path / "b.xlsx", HEADER, more))
    assert (result.inserted, result.unchanged) == (1, 2)
    assert scores(db) == raised  # "no demand" is no interest
    with db.session() as session:
        rescore(session)  # a full rescore finds nothing stale
    assert scores(db) == raised
