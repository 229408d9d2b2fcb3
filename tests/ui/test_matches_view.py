"""The match suggestions beside the selected patent, as a person moves through the library
with the arrow keys: the last row the keys stop on is the one suggested for, and a lost
server empties the list with a sentence until the next row."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from roadshow_desk.store import matching
from roadshow_desk.ui.screening.library import screening_of


@pytest.fixture
def window(qtbot: Any, demo_db: Any, ui_settings: Any, english: Any) -> Any:
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.show_page("library")
    page = window.page("library")
    qtbot.waitUntil(lambda: screening_of(page)._shown)
    yield window
    context.undo_stack.clear()


def _table(window: Any) -> Any:
    table = window.page("library").table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    return table


def test_arrow_keys_through_the_library_suggest_for_the_row_they_stop_on(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    asked: list[int] = []
    suggest = matching.enterprises_for_patent

    def counted(session, patent, limit):  # type: ignore[no-untyped-def]
        asked.append(patent)
        return suggest(session, patent, limit=limit)

    monkeypatch.setattr(matching, "enterprises_for_patent", counted)
    table = _table(window)
    view = screening_of(window.page("library")).pane.matches
    qtbot.waitUntil(lambda: view.empty.text() != "Looking for matches…", timeout=5000)
    asked.clear()
    for _ in range(6):  # a person holding Down: no delay between the rows
        qtbot.keyClick(table, Qt.Key.Key_Down)
    stopped_on = window.page("library").current_patent_id()
    assert table.currentIndex().row() == 6
    qtbot.waitUntil(lambda: view.empty.text() != "Looking for matches…", timeout=5000)
    assert asked == [stopped_on]  # one look-up, for the row the keys stopped on


def test_a_lost_connection_empties_the_suggestions_with_a_sentence(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    down = [True]
    suggest = matching.enterprises_for_patent

    def server_gone(session, patent, limit):  # type: ignore[no-untyped-def]
        if down[0]:
            raise OperationalError("SELECT", {}, Exception("connection refused"))
        return suggest(session, patent, limit=limit)

    monkeypatch.setattr(matching, "enterprises_for_patent", server_gone)
    table = _table(window)
    view = screening_of(window.page("library")).pane.matches
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "cannot be reached" in view.empty.text(), timeout=5000)
    assert view.empty.text() == "No suggestions: the database cannot be reached just now."
    assert view.model.rowCount() == 0 and not view.table.isVisible()
    down[0] = False  # the server is back: the next row shows suggestions again
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "cannot be reached" not in view.empty.text(), timeout=5000)
    qtbot.waitUntil(lambda: view.empty.text() != "Looking for matches…", timeout=5000)
