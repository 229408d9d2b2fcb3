"""Online-form exports in: 问卷星, 腾讯问卷 and 金数据 answers to the event's sign-up form
import with ``intentions import`` -- recognised by their headers, numbered questions and
"other" columns understood, multi-choice split, submission times kept (as venue time),
patents by number, slot or title, new firms as walk-ins, bad rows to the rejects, and a
later export of the same form adding only its new answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import build_from_shortlist
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.domain.signups import sign_up_states
from roadshow_desk.exchange.intention_fields import intention_mapping, read_intention_table
from roadshow_desk.exchange.intention_import import import_intentions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "questionnaires"


@pytest.fixture
def fair(db: Any) -> Any:
    day = make_fair_day(db)
    with db.session() as session:
        build_from_shortlist(session, day.event_id, "新能源专场")
    return day


def _rows(db: Any) -> list[tuple[str, bool, str, IntentionKind, int | None, dt.datetime, str]]:
    with db.session() as session:
        query = (
            select(Intention, Enterprise, Patent)
            .join(Enterprise, Intention.enterprise_id == Enterprise.id)
            .join(Patent, Intention.patent_id == Patent.id)
            .order_by(Intention.captured_at, Patent.application_no, Intention.kind)
        )
        return [
            (
                firm.name,
                firm.is_walk_in,
                patent.application_no,
                intention.kind,
                intention.prospect_rating,
                intention.captured_at,
                intention.captured_station,
            )
            for intention, firm, patent in session.execute(query)
        ]


P0, P1, P2, P3 = "CN202210016632.1", "CN202110123456.7", "CN202020654321.4", "CN201910555555.5"


def utc(text: str) -> dt.datetime:
    """A Ningbo wall-clock time (Asia/Shanghai, UTC+8) as the naive UTC stored."""
    return dt.datetime.fromisoformat(text) - dt.timedelta(hours=8)


def test_headers_are_recognised_without_their_question_numbers(db: Any, fair: Any) -> None:
    for name, preset in (
        ("wjx_1.xlsx", "wjx"),
        ("tencent_1.csv", "tencent"),
        ("jinshuju_1.xlsx", "jinshuju"),
    ):
        table = read_intention_table(FIXTURES / name)
        mapping = intention_mapping(db, table)
        assert mapping.preset == preset, name
        named = {field: table.header[column] for field, column in mapping.columns.items()}
        assert named["enterprise"] == "企业名称"
        assert named["credit_code"] == "统一社会信用代码"
        assert named["patent"] == "您感兴趣的专利"
        assert named["kind"] == "合作意向"
        assert "其他" not in " ".join(table.header)  # folded into its question
    assert (
        intention_mapping(db, read_intention_table(FIXTURES / "wjx_1.xlsx")).columns["captured_at"]
        == 1
    )  # 提交答卷时间


def test_wenjuanxing_export_and_a_later_one(db: Any, fair: Any, tmp_path: Path) -> None:
    result = import_intentions(db, FIXTURES / "wjx_1.xlsx", rejects_path=tmp_path / "r.xlsx")
    assert (result.inserted, result.rejected) == (4, 2)
    assert _rows(db) == [
        ("宁德储能科技有限公司", False, P0, IntentionKind.LICENCE, None,
         utc("2026-12-03 10:15:22"), "wjx"),
        ("宁德储能科技有限公司", False, P0, IntentionKind.TRANSFER, None,
         utc("2026-12-03 10:15:22"), "wjx"),
        # by credit code alone, slot 2 of the session
        ("华东精密机械股份有限公司", False, P1, IntentionKind.INVESTMENT, None,
         utc("2026-12-03 10:21:05"), "wjx"),
        # a firm not in the registry: a walk-in; its "other" answer 〖希望联合研发〗
        ("浙江新来的科技有限公司", True, P2, IntentionKind.RESEARCH_COOPERATION, None,
         utc("2026-12-03 10:30:40"), "wjx"),
    ]  # fmt: skip
    reasons = [reject.reason for reject in result.rejects]
    assert "no slot 9" in reasons[0]
    assert "rate" in reasons[1]
    report = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert report.max_row == 3  # the two bad answers with their reasons
    later = import_intentions(db, FIXTURES / "wjx_2.xlsx")
    assert (later.inserted, later.unchanged, later.rejected) == (3, 4, 2)
    rows = _rows(db)
    assert len(rows) == 7
    assert ("苏州微光电子有限责任公司", False, P3, IntentionKind.NO_DEMAND, 4,
            utc("2026-12-03 11:02:33"), "wjx") in rows  # fmt: skip
    # one answer naming slots 3 and 4: two intentions
    assert {r[2] for r in rows if r[5] == utc("2026-12-03 11:05:00")} == {P2, P3}
    again = import_intentions(db, FIXTURES / "wjx_2.xlsx")
    assert (again.inserted, again.updated) == (0, 0)
    with db.session() as session:
        walk_ins = session.scalars(select(Enterprise).where(Enterprise.is_walk_in)).all()
        assert [firm.name for firm in walk_ins] == ["浙江新来的科技有限公司"]  # made once
        # it answered the event's form: signed up (a badge, 已报名 at the desk), not arrived
        states = sign_up_states(session, fair.event_id)
        assert states.get(walk_ins[0].id) is False


def test_tencent_survey_export_with_other_column(db: Any, fair: Any) -> None:
    result = import_intentions(db, FIXTURES / "tencent_1.csv")
    assert (result.inserted, result.rejected) == (2, 3)
    assert [r[2:4] for r in _rows(db)] == [
        (P1, IntentionKind.LICENCE),
        (P1, IntentionKind.OPEN_LICENCE),
    ]
    reasons = [reject.reason for reject in result.rejects]
    assert "共建中试线" in reasons[0]  # the "other" answer, read from its own column
    assert "credit code" in reasons[1]
    assert "no enterprise" in reasons[2]
    later = import_intentions(db, FIXTURES / "tencent_2.csv")
    assert (later.inserted, later.unchanged) == (1, 2)
    assert _rows(db)[-1][:4] == (
        "联想（北京）有限公司",
        False,
        P2,
        IntentionKind.IMPROVEMENT_NEED,
    )


def test_jinshuju_export_told_apart_by_time_and_firm(db: Any, fair: Any) -> None:
    result = import_intentions(db, FIXTURES / "jinshuju_1.xlsx")
    assert (result.inserted, result.rejected) == (2, 2)
    rows = _rows(db)
    assert rows[0][:4] == ("苏州微光电子有限责任公司", False, P3, IntentionKind.TRANSFER)
    assert rows[1][:4] == ("上海首次来访有限公司", True, P1, IntentionKind.INVESTMENT)
    assert rows[1][5] == utc("2026-12-03 14:10:00")
    reasons = [reject.reason for reject in result.rejects]
    assert "CN202399999999.5" in reasons[0] and "not in the library" in reasons[0]
    assert "一种不存在的专利" in reasons[1]
    later = import_intentions(db, FIXTURES / "jinshuju_2.xlsx")
    # slots 1|2 × 转让|许可: four intentions; the first answers are not added again
    assert (later.inserted, later.unchanged) == (4, 2)
    assert len(_rows(db)) == 6


def test_two_forms_of_one_service_do_not_share_answer_numbers(
    db: Any, fair: Any, tmp_path: Path
) -> None:
    """The session's form and the event's form on 问卷星 both number their answers from 1."""
    first = import_intentions(db, FIXTURES / "wjx_1.xlsx")
    book = load_workbook(FIXTURES / "wjx_1.xlsx")
    sheet = book.worksheets[0]
    assert sheet.cell(2, 1).value == 1
    sheet.cell(2, 7, "苏州微光电子有限责任公司")  # answer 1 of the other form: another firm
    sheet.cell(2, 8, "")
    other = tmp_path / "wjx_other_form.xlsx"
    book.save(other)
    second = import_intentions(db, other)
    assert first.inserted == 4
    assert (second.inserted, second.unchanged, second.rejected) == (2, 2, 2)
    firms = {row[0] for row in _rows(db) if row[2] == P0}
    assert firms == {"宁德储能科技有限公司", "苏州微光电子有限责任公司"}
