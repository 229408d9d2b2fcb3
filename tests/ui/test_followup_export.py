"""Exporting the intentions from the window (issue 12.8): File ▸ Export intentions… and the
follow-up page's toolbar write the leads as the page lists them, filters applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.followup import move_to
from roadshow_desk.exchange.tables import read_table
from roadshow_desk.ui.followup.page import OPEN, FollowUpPage
from roadshow_desk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, app_context, english, db) -> MainWindow:  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    ids = [
        record_intention(
            db,
            IntentionDraft(
                enterprise_id=day.enterprise_ids[index],
                patent_id=day.patent_ids[index],
                kind=IntentionKind.TRANSFER,
                event_id=day.event_id,
            ),
            station="A",
        ).id
        for index in range(3)
    ]
    with db.session() as session:
        move_to(session, ids[1], FollowUpStage.DROPPED, reason="无预算")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_file_menu_exports_the_leads_as_filtered(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "跟进.xlsx"
    monkeypatch.setattr(FollowUpPage, "ask_export_path", lambda self: out)
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    assert window.show_page("followup")
    page = window.current_page()
    assert isinstance(page, FollowUpPage)
    page.combo_stage.setCurrentIndex(page.combo_stage.findData(OPEN))
    assert page.model.rowCount() == 2
    action = window.findChild(QAction, "action_file_export_intentions")
    assert action in window.file_menu.actions()
    window.show_page("library")
    action.trigger()
    assert window.current_page() is page  # the export shows what it exports
    table = read_table(out)
    shown = {page.model.index(row, 0).data() for row in range(page.model.rowCount())}
    assert {row[table.column("企业名称")] for row in table.rows} == shown
    assert {row[table.column("跟进阶段")] for row in table.rows} == {"新意向"}
    assert messages[-1] == "2 intentions written to 跟进.xlsx."


def test_the_page_toolbar_exports_too(qtbot, window: MainWindow, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.csv"
    monkeypatch.setattr(FollowUpPage, "ask_export_path", lambda self: out)
    window.show_page("followup")
    page = window.current_page()
    assert page.export_action in window.toolbar.actions()
    page.export_action.trigger()
    assert len(read_table(out).rows) == 3
