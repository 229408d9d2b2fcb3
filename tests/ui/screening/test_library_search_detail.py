"""The library's detail pane follows a new search (issue 12.6): it never keeps showing, or
offers to edit, a patent the search filtered out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from roadshow_desk.domain.models import Patent
from roadshow_desk.store.search import search_ids
from roadshow_desk.ui.screening.library import screening_of


@pytest.fixture
def window(qtbot, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page("library")
    qtbot.waitUntil(lambda: screening_of(window.page("library"))._shown)
    yield window
    context.undo_stack.clear()


def listed(page) -> set[int]:  # type: ignore[no-untyped-def]
    return {page.model.patent_id(row) for row in range(page.model.rowCount())}


def search(qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    box = screening_of(page).search_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is box
    with qtbot.waitSignal(screening_of(page).applied, timeout=5000):
        QTest.keySequence(box, QKeySequence.StandardKey.SelectAll)
        typed = QInputMethodEvent()  # Chinese comes from the input method, committed
        typed.setCommitString(text)
        QApplication.sendEvent(QApplication.focusWidget(), typed)


def test_a_search_that_filters_the_shown_patent_out_moves_the_pane(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    with window.context.database.session() as session:
        hits = set(search_ids(session, "电池", limit=0))
        other = session.scalar(select(Patent.id).where(Patent.id.not_in(hits)).limit(1))
    assert hits and other is not None
    assert page.select_patent(other)
    assert page.detail.patent_id == other
    search(qtbot, page, "电池")
    assert listed(page) == hits
    assert page.detail.patent_id in hits  # the first hit, not the patent filtered out
    assert page.current_patent_id() == page.detail.patent_id
    kept = page.detail.patent_id
    search(qtbot, page, "电")  # a wider search keeps the shown patent
    assert page.detail.patent_id == kept
    search(qtbot, page, "没有这样的专利标题")
    assert page.model.rowCount() == 0
    assert page.detail.patent_id is None
    assert not page.detail.edit_button.isEnabled() and not page.edit_action.isEnabled()
