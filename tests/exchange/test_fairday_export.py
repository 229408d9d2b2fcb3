"""Exports of intentions and enterprises: the feedback columns, and they import back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from fairday_data import credit_code, make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.checkin import check_in
from roadshow_desk.domain.enums import BudgetBand, IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention
from roadshow_desk.exchange.columns import header_key
from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.fairday_export import export_enterprises, export_intentions
from roadshow_desk.exchange.intention_import import import_intentions
from roadshow_desk.exchange.tables import read_table

FEEDBACK = [
    "企业名称",
    "统一社会信用代码",
    "企业类型",
    "专利申请号",
    "专利名称",
    "专利权人",
    "意向类型",
    "产业化前景评价",
    "预算",
    "登记时间",
    "登记台",
    "跟进阶段",
]


def test_intention_export_has_feedback_columns_and_reimports(db, tmp_path: Path) -> None:
    day = make_fair_day(db)
    at = dt.datetime(2026, 12, 3, 1, 32, 15)
    record_intention(
        db,
        IntentionDraft(
            enterprise_id=day.enterprise_ids[0],
            patent_id=day.patent_ids[0],
            kind=IntentionKind.NO_DEMAND,
            prospect_rating=4,
            budget_band=BudgetBand.FROM_1M_TO_5M,
            notes='=HYPERLINK("x")',
            event_id=day.event_id,
        ),
        station="desk B",
        captured_at=at,
    )
    out = tmp_path / "intentions.xlsx"
    assert export_intentions(db, out) == 1
    table = read_table(out)
    assert [header_key(name) for name in table.header[: len(FEEDBACK)]] == FEEDBACK
    assert table.header[9].startswith("登记时间 (UTC")  # the time column names its zone
    row = dict(zip(table.header, table.rows[0], strict=True))
    assert row["企业名称"] == "宁德储能科技有限公司"
    assert row["统一社会信用代码"] == credit_code(1)
    assert row["企业类型"] == "高新技术企业、专精特新中小企业"
    assert row["专利申请号"].startswith("CN202210016632.")
    assert row["专利权人"] == "东南理工大学"
    assert (row["意向类型"], row["产业化前景评价"], row["预算"]) == ("无需求", 4, "100-500万")
    assert row["登记台"] == "desk B" and row["跟进阶段"] == "新意向"
    # A note that looks like a formula is written as text, never run.
    assert row["备注"].lstrip("'") == '=HYPERLINK("x")'
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet is not None
    notes = sheet.cell(row=2, column=table.header.index("备注") + 1)
    assert notes.data_type == "s"
    # Importing the export back changes nothing.
    result = import_intentions(db, out)
    assert (result.inserted, result.updated, result.unchanged, result.rejected) == (0, 0, 1, 0)
    with db.session() as session:
        assert session.query(Intention).count() == 1


def test_enterprise_export_reimports_unchanged(db, tmp_path: Path) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        check_in(session, day.event_id, day.enterprise_ids[1], station="desk A")
    out = tmp_path / "enterprises.xlsx"
    assert export_enterprises(db, out) == 4
    table = read_table(out)
    rows = {row[0]: dict(zip(table.header, row, strict=True)) for row in table.rows}
    checked = rows["华东精密机械股份有限公司"]
    assert checked["已报名"] == "是" and checked["签到台"] == "desk A"
    assert rows["联想（北京）有限公司"]["已报名"] == "否"
    result = import_enterprises(db, out)
    assert (result.inserted, result.rejected, result.conflicts) == (0, 0, 0)
    with db.session() as session:
        assert session.query(Enterprise).count() == 4
        firm = session.scalar(select(Enterprise).where(Enterprise.id == day.enterprise_ids[0]))
        assert firm is not None and firm.tags == "high_tech; specialised_sme"
