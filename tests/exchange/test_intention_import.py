"""Transcribed paper sheets: rows matched to firms and patents, bad rows to the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from fairday_data import application_no, credit_code, make_fair_day
from roadshow_desk.domain.capture import set_intention_deleted
from roadshow_desk.domain.enums import BudgetBand, IntentionKind, Timeline
from roadshow_desk.domain.models import Intention
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.intention_fields import parse_budget, parse_kind, parse_timeline
from roadshow_desk.exchange.intention_import import import_intentions
from roadshow_desk.exchange.normalize import CellProblem
from roadshow_desk.exchange.tables import read_table
from roadshow_desk.exchange.writers import write_table

HEADER = [
    "序号",
    "企业名称",
    "统一社会信用代码",
    "专利申请号",
    "专利名称",
    "意向类型",
    "产业化前景评价",
    "预算",
    "时间计划",
    "联系人",
    "联系电话",
    "登记时间",
]
N0 = application_no("202210016632")


def sheet_rows() -> list[list[object]]:
    return [
        # by credit code and application number (written without CN and dot)
        [
            1,
            "宁德储能",
            credit_code(1),
            "2022100166321",
            "",
            "许可",
            "",
            "50-100万",
            "半年内",
            "张工",
            "13812345678",
            dt.datetime(2026, 12, 3, 9, 32),
        ],
        # by name variant and exact title
        [
            2,
            "联想(北京)股份有限公司",
            "",
            "",
            "高精度数控机床主轴热误差补偿方法",
            "作价入股",
            "",
            "不便透露",
            "",
            "",
            "",
            "2026-12-03 10:05",
        ],
        # no demand with its rating (stars)
        [3, "华东精密机械有限公司", "", N0, "", "无需求", "★★", "", "", "", "", "2026/12/3"],
        # bad rows
        [4, "不存在的企业有限公司", "", N0, "", "转让", "", "", "", "", "", ""],
        [5, "宁德储能科技有限公司", "", "CN202210016632.2", "", "转让", "", "", "", "", "", ""],
        [6, "宁德储能科技有限公司", "", "", "不存在的专利", "转让", "", "", "", "", "", ""],
        [7, "宁德储能科技有限公司", "", N0, "", "无需求", "", "", "", "", "", ""],
        [8, "宁德储能科技有限公司", "", N0, "", "随便看看", "", "", "", "", "", ""],
        [9, "宁德储能科技有限公司", "", N0, "", "转让", "", "", "", "", "12345", ""],
    ]


def test_sheet_import_matches_and_rejects(db, tmp_path: Path) -> None:
    day = make_fair_day(db)
    source = write_table(tmp_path / "纸质登记表.xlsx", HEADER, sheet_rows())
    report = tmp_path / "rejects.xlsx"
    result = import_intentions(db, source, rejects_path=report)
    assert (result.inserted, result.updated, result.unchanged, result.rejected) == (3, 0, 0, 6)
    with db.session() as session:
        stored = {i.enterprise_id: i for i in session.scalars(select(Intention))}
        first = stored[day.enterprise_ids[0]]
        assert first.patent_id == day.patent_ids[0]
        assert first.kind is IntentionKind.LICENCE
        assert first.budget_band is BudgetBand.FROM_500K_TO_1M
        assert first.timeline is Timeline.WITHIN_6_MONTHS
        assert first.captured_station == "paper"
        assert first.event_id == day.event_id
        local = dt.datetime(2026, 12, 3, 1, 32)  # 09:32 at the venue (Asia/Shanghai) in UTC
        assert first.captured_at == local
        second = stored[day.enterprise_ids[2]]
        assert (second.patent_id, second.kind) == (day.patent_ids[1], IntentionKind.INVESTMENT)
        assert second.budget_band is BudgetBand.UNDISCLOSED
        third = stored[day.enterprise_ids[1]]
        assert (third.kind, third.prospect_rating) == (IntentionKind.NO_DEMAND, 2)
    rejected = read_table(report)
    reasons = {row[0]: row[-1] for row in rejected.rows}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9]
    assert "not in the enterprise registry" in reasons[4]
    assert "check character" in reasons[5]
    assert "No patent in the library is titled" in reasons[6]
    assert "rate the patent" in reasons[7]
    assert "not an intention kind" in reasons[8]
    assert "12345" in reasons[9]


def test_importing_the_same_sheet_again_adds_nothing(db, tmp_path: Path) -> None:
    make_fair_day(db)
    source = write_table(tmp_path / "sheet.xlsx", HEADER, sheet_rows()[:3])
    assert import_intentions(db, source).inserted == 3
    again = import_intentions(db, source)
    assert (again.inserted, again.unchanged, again.batch_id) == (0, 3, None)
    corrected = sheet_rows()[:3]
    corrected[0][9] = "张总"  # a corrected contact
    result = import_intentions(db, write_table(tmp_path / "fixed.xlsx", HEADER, corrected))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 2)
    with db.session() as session:
        assert session.query(Intention).count() == 3
        removed = session.scalar(select(Intention).where(Intention.contact_person == "张总"))
        assert removed is not None
        removed_id = removed.id
    set_intention_deleted(db, removed_id, True, station="A")
    result = import_intentions(db, source)  # the removed one stays removed
    assert (result.inserted, result.updated) == (0, 0)


def test_sheet_without_patent_column_is_refused(db, tmp_path: Path) -> None:
    make_fair_day(db)
    path = write_table(tmp_path / "x.xlsx", ["企业名称", "意向类型"], [["宁德储能", "转让"]])
    with pytest.raises(InputError, match="no column naming the patent"):
        import_intentions(db, path)


def test_event_option_and_missing_event(db, tmp_path: Path) -> None:
    path = write_table(tmp_path / "x.xlsx", HEADER, sheet_rows()[:1])
    with pytest.raises(InputError, match="no event yet"):
        import_intentions(db, path)
    day = make_fair_day(db)
    with pytest.raises(InputError, match="no event 99"):
        import_intentions(db, path, event_id="99")
    assert import_intentions(db, path, event_id=str(day.event_id)).inserted == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1", IntentionKind.TRANSFER),
        ("7", IntentionKind.NO_DEMAND),
        ("专利转让", IntentionKind.TRANSFER),
        ("普通许可", IntentionKind.LICENCE),
        ("开放许可", IntentionKind.OPEN_LICENCE),
        ("产学研合作", IntentionKind.RESEARCH_COOPERATION),
        ("技术改进需求", IntentionKind.IMPROVEMENT_NEED),
        ("无", IntentionKind.NO_DEMAND),
        ("licence", IntentionKind.LICENCE),
    ],
)
def test_kind_words(text: str, kind: IntentionKind) -> None:
    assert parse_kind(text) is kind


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("10万以下", BudgetBand.UNDER_100K),
        ("30万", BudgetBand.FROM_100K_TO_500K),
        ("100-500万", BudgetBand.FROM_1M_TO_5M),
        ("500万以上", BudgetBand.OVER_5M),
        ("保密", BudgetBand.UNDISCLOSED),
        ("200000", BudgetBand.FROM_100K_TO_500K),
    ],
)
def test_budget_words(text: str, band: BudgetBand) -> None:
    assert parse_budget(text) is band


def test_timeline_words_and_garbage() -> None:
    assert parse_timeline("3个月内") is Timeline.WITHIN_3_MONTHS
    assert parse_timeline("一年以上") is Timeline.LATER
    assert parse_timeline("一年内") is Timeline.WITHIN_1_YEAR
    with pytest.raises(CellProblem):
        parse_timeline("明天下午")
    with pytest.raises(CellProblem):
        parse_budget("很多钱")
