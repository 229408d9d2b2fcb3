"""Editing planned minutes in the slot table keeps the place, as a spreadsheet does (#12.5).

Keys go to whatever has the focus; a Qt warning ("commitData called with an editor that does
not belong to this view") fails the test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import list_slots
from roadshow_desk.ui.event.page import EventPage


@pytest.fixture
def agenda(qtbot, app_context, english, db):  # type: ignore[no-untyped-def]
    fair = make_fair_day(db)
    app_context.current_event_id = fair.event_id
    page = EventPage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    page.tabs.setCurrentWidget(page.agenda)
    page.agenda.edit_title.setText("上午场")
    assert page.agenda.build_session()
    yield page.agenda
    page.close()


def key(qtbot, which: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), which)


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Each character to whatever has the focus then (the first one opens the editor)."""
    for character in text:
        qtbot.keyClick(QApplication.focusWidget(), character)


def test_enter_moves_down_the_minutes_column(qtbot, agenda, db) -> None:  # type: ignore[no-untyped-def]
    table, model = agenda.table, agenda.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.MINUTES))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    for typed in ("12", "9", "7"):
        type_keys(qtbot, typed)  # typing opens the editor
        key(qtbot, Qt.Key.Key_Return)  # the delegate commits from the event loop
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # the place is kept
    assert table.currentIndex().row() == 3 and table.currentIndex().column() == model.MINUTES
    key(qtbot, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 2  # ↓/↑ from here, not from row 1
    with db.session() as session:
        slots = list_slots(session, agenda.current_session_id())
        assert [slot.planned_minutes for slot in slots] == [12, 9, 7, agenda.spin_minutes.value()]


def test_tab_goes_on_to_the_next_editable_cell(qtbot, agenda, db) -> None:  # type: ignore[no-untyped-def]
    table, model = agenda.table, agenda.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.PRESENTER))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    type_keys(qtbot, "Li")
    key(qtbot, Qt.Key.Key_Tab)  # on to this row's minutes, its editor open
    assert table.currentIndex().row() == 0 and table.currentIndex().column() == model.MINUTES
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "15")
    key(qtbot, Qt.Key.Key_Tab)  # on to the next row's presenter
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == model.PRESENTER
    key(qtbot, Qt.Key.Key_Escape)
    with db.session() as session:
        slots = list_slots(session, agenda.current_session_id())
        assert (slots[0].presenter, slots[0].planned_minutes) == ("Li", 15)
