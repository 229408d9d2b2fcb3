"""Exporting the intentions as the follow-up page shows them (issue 12.8): text as text in
.xlsx, CSV neutralised, the window's stage names, a named sheet, times that say their zone,
and the page's filters."""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.followup import move_to, set_owner
from roadshow_desk.domain.models import Intention
from roadshow_desk.exchange.fairday_export import STAGE_NAMES, export_intentions
from roadshow_desk.exchange.intention_import import import_intentions

PHONE = "+86 0574 8765 4321"
CAPTURED = dt.datetime(2026, 12, 3, 1, 32, 15)  # naive UTC: 09:32:15 in Shanghai


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's clock set to China Standard Time."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def leads(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    ids = [
        record_intention(
            db,
            IntentionDraft(
                enterprise_id=day.enterprise_ids[index],
                patent_id=day.patent_ids[index],
                kind=IntentionKind.LICENCE,
                notes="=1+1" if index == 0 else "",
                event_id=day.event_id,
            ),
            station="A",
            captured_at=CAPTURED + dt.timedelta(minutes=index),
        ).id
        for index in range(3)
    ]
    with db.session() as session:
        for intention_id in ids:  # as a sign-up sheet gave it
            session.get(Intention, intention_id).contact_phone = PHONE
        for stage in (FollowUpStage.CONTACTED, FollowUpStage.NEGOTIATING, FollowUpStage.AGREED):
            move_to(session, ids[0], stage)
        set_owner(session, ids[0], "小王")
        move_to(session, ids[2], FollowUpStage.DROPPED, reason="无预算")
    return ids


def test_xlsx_writes_text_as_text_with_the_windows_stage_names_and_zone(
    db, leads, tmp_path: Path, shanghai: None
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "intentions.xlsx"
    assert export_intentions(db, out) == 3
    book = load_workbook(out)
    assert book.sheetnames == ["对接意向"]
    sheet = book["对接意向"]
    header = [cell.value for cell in sheet[1]]
    assert "登记时间 (UTC+08:00)" in header
    rows = [dict(zip(header, (cell for cell in row), strict=True)) for row in sheet.iter_rows(2)]
    phone = rows[0]["联系电话"]
    assert (phone.value, phone.data_type) == (PHONE, "s")  # no apostrophe, and text
    note = rows[0]["备注"]
    assert (note.value, note.data_type) == ("=1+1", "s")  # text, never a formula
    assert rows[0]["跟进阶段"].value == "达成一致"
    assert rows[2]["跟进阶段"].value == "已终止"
    assert rows[0]["登记时间 (UTC+08:00)"].value == dt.datetime(2026, 12, 3, 9, 32, 15)
    # The zone in the header does not stop the file importing back to the same leads.
    result = import_intentions(db, out)
    assert (result.inserted, result.rejected) == (0, 0)


def test_csv_keeps_the_formula_neutralisation(db, leads, tmp_path: Path, shanghai: None) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "intentions.csv"
    export_intentions(db, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["联系电话"] == "'" + PHONE
    assert rows[0]["备注"] == "'=1+1"
    assert rows[0]["登记时间 (UTC+08:00)"] == "2026-12-03 09:32:15"


def test_the_page_filters_narrow_the_export(db, leads, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "open.csv"
    assert export_intentions(db, out, stages=[FollowUpStage.DROPPED]) == 1
    assert export_intentions(db, out, owner="小王") == 1
    assert export_intentions(db, out, owner="") == 2
    with out.open(encoding="utf-8-sig", newline="") as handle:
        stages = [row["跟进阶段"] for row in csv.DictReader(handle)]
    assert stages == ["新意向", "已终止"]


def test_export_stage_names_are_the_windows_chinese_names() -> None:
    from roadshow_desk import i18n
    from roadshow_desk.domain.followup import stage_label
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook("zh_CN")  # the window in Chinese
    try:
        window = {stage: stage_label(stage) for stage in FollowUpStage}
    finally:
        i18n.install_hook(None)
    assert window == {FollowUpStage(stage): name for stage, name in STAGE_NAMES.items()}
