"""The follow-up page as the organiser uses it after the fair: drafts stay with their lead,
an owner change undoes cleanly, the layout survives a restart (issue 12, items 7 and 9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.followup import log_of
from roadshow_desk.domain.models import Intention
from roadshow_desk.ui.followup.page import FollowUpPage
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.settings import Settings
from roadshow_desk.ui.workflow import AppContext


@pytest.fixture
def leads(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    return [
        record_intention(
            db,
            IntentionDraft(
                enterprise_id=day.enterprise_ids[index],
                patent_id=day.patent_ids[index],
                kind=IntentionKind.LICENCE,
                event_id=day.event_id,
            ),
            station="A",
        ).id
        for index in range(3)
    ]


def open_page(qtbot, context: AppContext) -> FollowUpPage:  # type: ignore[no-untyped-def]
    page = FollowUpPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.activate()
    return page


@pytest.fixture
def page(qtbot, app_context, english, leads) -> FollowUpPage:  # type: ignore[no-untyped-def]
    return open_page(qtbot, app_context)


def click_lead(qtbot, page: FollowUpPage, intention_id: int) -> None:  # type: ignore[no-untyped-def]
    """Click the lead's row in the list, as a person does."""
    row = page.model.row_of(intention_id)
    assert row >= 0
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_id == intention_id


def type_into(qtbot, widget, text: str, *, enter: bool = False) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    focused = QApplication.focusWidget()
    assert focused is widget
    QTest.keyClicks(focused, text)
    if enter:
        QTest.keyClick(focused, Qt.Key.Key_Return)


def notes(db, intention_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return [entry.note for entry in log_of(session, intention_id)]


def stage_of(db, intention_id: int) -> FollowUpStage:  # type: ignore[no-untyped-def]
    with db.session() as session:
        intention = session.get(Intention, intention_id)
        assert intention is not None
        return FollowUpStage(intention.stage)


def test_a_note_typed_for_one_lead_is_never_filed_under_another(
    qtbot, page: FollowUpPage, db, leads
) -> None:  # type: ignore[no-untyped-def]
    first, second, _third = leads
    click_lead(qtbot, page, first)
    type_into(qtbot, page.edit_note, "called, meeting next week")
    click_lead(qtbot, page, second)
    assert page.edit_note.text() == ""  # the first lead's draft is not in the second's box
    type_into(qtbot, page.edit_note, "", enter=True)
    assert notes(db, second) == [] and notes(db, first) == []
    click_lead(qtbot, page, first)
    assert page.edit_note.text() == "called, meeting next week"  # kept for its own lead
    assert "not in the log yet" in page.label_message.text()
    type_into(qtbot, page.edit_note, "", enter=True)
    assert notes(db, first) == ["called, meeting next week"]
    assert notes(db, second) == []
    assert page.edit_note.text() == ""


def test_a_drop_reason_typed_for_one_lead_does_not_drop_another(
    qtbot, page: FollowUpPage, db, leads
) -> None:  # type: ignore[no-untyped-def]
    first, second, _third = leads
    click_lead(qtbot, page, first)
    type_into(qtbot, page.edit_reason, "no budget")
    click_lead(qtbot, page, second)
    assert page.edit_reason.text() == ""
    drop = page.findChild(QPushButton, "button_stage_dropped")
    qtbot.mouseClick(drop, Qt.MouseButton.LeftButton)
    assert stage_of(db, second) is FollowUpStage.NEW  # refused: no reason for this lead
    assert "why" in page.label_message.text()
    click_lead(qtbot, page, first)
    assert page.edit_reason.text() == "no budget"
    qtbot.mouseClick(page.findChild(QPushButton, "button_stage_dropped"), Qt.MouseButton.LeftButton)
    assert stage_of(db, first) is FollowUpStage.DROPPED
    assert notes(db, first) == ["no budget"]
    assert page.edit_reason.text() == ""


def open_window(qtbot, context: AppContext) -> tuple[MainWindow, FollowUpPage]:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.show_page("followup")
    page = window.current_page()
    assert isinstance(page, FollowUpPage)
    return window, page


@pytest.fixture
def restart(qtbot, app_context):  # type: ignore[no-untyped-def]
    """Make what the next start sees: the settings file read afresh, the same database."""
    made: list[AppContext] = []

    def make() -> AppContext:
        app_context.settings.sync()
        context = AppContext(
            app_context.database,
            Settings(QSettings(app_context.settings.file_name, QSettings.Format.IniFormat)),
            "test-station",
        )
        made.append(context)
        return context

    yield make
    for context in made:
        context.undo_stack.clear()


def test_a_note_not_yet_added_survives_closing_the_window(
    qtbot, app_context, english, db, leads, restart
) -> None:  # type: ignore[no-untyped-def]
    _first, second, _third = leads
    window, page = open_window(qtbot, app_context)
    click_lead(qtbot, page, second)
    type_into(qtbot, page.edit_note, "sent the contract draft")
    window.close()
    _window, again = open_window(qtbot, restart())
    click_lead(qtbot, again, second)
    assert again.edit_note.text() == "sent the contract draft"
    type_into(qtbot, again.edit_note, "", enter=True)
    assert notes(db, second) == ["sent the contract draft"]


def test_undo_and_redo_of_an_owner_change_take_its_log_line_back(
    qtbot, page: FollowUpPage, app_context, db, leads
) -> None:  # type: ignore[no-untyped-def]
    lead = leads[0]
    click_lead(qtbot, page, lead)
    type_into(qtbot, page.edit_owner, "Wang", enter=True)
    assert notes(db, lead) == ["Owner: Wang"]
    app_context.undo_stack.undo()
    with db.session() as session:
        assert session.get(Intention, lead).owner == ""
    assert notes(db, lead) == []
    assert page.list_log.count() == 0
    app_context.undo_stack.redo()
    assert notes(db, lead) == ["Owner: Wang"]
    with db.session() as session:
        assert session.get(Intention, lead).owner == "Wang"
    app_context.undo_stack.undo()
    app_context.undo_stack.redo()
    assert notes(db, lead) == ["Owner: Wang"]


def test_splitter_and_column_widths_survive_a_restart(
    qtbot, app_context, english, db, leads, restart
) -> None:  # type: ignore[no-untyped-def]
    window, page = open_window(qtbot, app_context)
    splitter = page.findChild(QSplitter)
    before = splitter.sizes()
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(handle, start + QPoint(-150, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(-150, 0))
    sizes = splitter.sizes()
    assert sizes[0] < before[0] - 100  # the user moved it
    page.table.horizontalHeader().resizeSection(2, 211)  # dragging the column's edge
    window.close()
    _window, again = open_window(qtbot, restart())
    assert again.findChild(QSplitter).sizes() == sizes
    assert again.table.horizontalHeader().sectionSize(2) == 211
