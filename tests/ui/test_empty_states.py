"""First run and empty states: every page names the next step with the button that takes it,
and the first start offers the demo fair or a new event (issue 11, item 11)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QWidget
from sqlalchemy import func, select

from fairday_data import make_fair_day
from roadshow_desk.domain.models import Event, Patent
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.workflow import DataKind

TIMEOUT = 60_000


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def empty_state(window: MainWindow, view: str) -> EmptyState:
    page = window.page(view)
    assert page is not None
    found = [s for s in page.findChildren(EmptyState) if s.objectName() != "empty_no_match"]
    assert len(found) == 1, view
    return found[0]


def shown(window: MainWindow, view: str) -> tuple[str, list[str]]:
    """(title, button texts) of the page's empty state; ("", []) when it is hidden."""
    assert window.show_page(view)
    state = empty_state(window, view)
    if not state.isVisible():
        return "", []
    title = state.findChild(QLabel, "label_empty_title")
    assert title is not None and state.label_text.text()
    buttons = [b.text() for b in state.findChildren(QPushButton) if b.isVisible()]
    return title.text(), buttons


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_start_offers_the_demo_fair_and_enter_opens_it(qtbot, window, db) -> None:  # type: ignore[no-untyped-def]
    assert window.current_page().view_name == "library"
    assert shown(window, "library") == (
        "Welcome to Roadshow Desk",
        ["Open the demo fair", "Create the event", "Import a patent list…"],
    )
    qtbot.waitUntil(lambda: focused().objectName() == "button_open_demo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    library = window.page("library")
    qtbot.waitUntil(lambda: library.model.total == 60, timeout=TIMEOUT)
    assert not empty_state(window, "library").isVisible()
    assert count(db, Event) == 1
    for view in ("shortlist", "event", "capture", "roadshow"):
        assert shown(window, view) == ("", []), view


def test_every_page_of_an_empty_database_names_its_next_step(
    qtbot, window, db, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "shortlist": ("No event yet", ["Create the event"]),
        "event": ("No event yet", ["Create the event", "Open the demo fair"]),
        "capture": ("No event yet", ["Create the event"]),
        "roadshow": ("No event yet", ["Create the event"]),
        "print": ("No event yet", ["Create the event"]),  # not a "Preview" that is disabled
        "results": ("No event yet", ["Create the event"]),  # not "give the period's days"
    }
    for view, state in expected.items():
        assert shown(window, view) == state, view
    # The capture page's button takes the step: the event page, its name field ready.
    assert window.show_page("capture")
    qtbot.waitUntil(lambda: focused().objectName() == "button_create_event")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.current_page().view_name == "event"
    event_page = window.page("event")
    assert not empty_state(window, "event").isVisible()
    assert focused() is event_page.setup.edit_name
    qtbot.keyClicks(focused(), "Spring fair")
    event_page.setup.date_starts.setFocus()
    qtbot.keyClicks(event_page.setup.date_starts, "20261218")  # an event needs its day
    qtbot.mouseClick(event_page.setup.button_save_event, Qt.MouseButton.LeftButton)
    assert count(db, Event) == 1
    assert shown(window, "event") == ("", [])
    assert shown(window, "print") == ("", [])
    assert shown(window, "results") == ("", [])
    # Next missing step everywhere: the patent list, and its button opens the import.
    for view in ("shortlist", "capture", "roadshow"):
        assert shown(window, view) == ("No patents yet", ["Import a patent list…"]), view
    assert shown(window, "library") == ("The patent library is empty", ["Import a patent list…"])
    asked: list[Any] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: asked.append(args) or ("", "")
    )
    button = empty_state(window, "library").button("button_import_patents")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # File ▸ Import patents… was started (and cancelled)
    assert count(db, Patent) == 0


def test_shortlist_and_roadshow_name_the_step_that_is_missing(qtbot, app_context, english) -> None:  # type: ignore[no-untyped-def]
    day = make_fair_day(app_context.database)  # an event with a shortlist, no session
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    for view in ("library", "shortlist", "event", "capture"):
        assert shown(window, view) == ("", []), view
    assert shown(window, "roadshow") == ("No roadshow session planned yet", ["Plan the sessions"])
    state = empty_state(window, "roadshow")
    button = state.button("button_plan_sessions")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    event_page = window.page("event")
    assert window.current_page() is event_page
    assert event_page.tabs.currentWidget() is event_page.agenda
    # A new event's empty shortlist sends the organiser to the library.
    with app_context.database.session() as session:
        session.add(Event(name="秋季对接会"))
    app_context.data_changed.emit(DataKind.EVENT)
    with app_context.database.session() as session:
        other = session.scalar(select(Event.id).where(Event.id != day.event_id))
    app_context.event_changed.emit(other)
    assert shown(window, "shortlist") == ("The shortlist is empty", ["Go to the library"])
    qtbot.waitUntil(lambda: focused().objectName() == "button_go_library")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.current_page().view_name == "library"


def test_a_search_that_finds_nothing_says_so(qtbot, window, db) -> None:  # type: ignore[no-untyped-def]
    """A search with no hit left a blank table (and a pane asking to select a patent)."""
    make_fair_day(db)
    window.context.data_changed.emit(DataKind.PATENT)
    assert window.show_page("library")
    library = window.page("library")
    qtbot.waitUntil(lambda: library.model.total > 0, timeout=TIMEOUT)
    hint = library.findChild(EmptyState, "empty_no_match")
    assert hint is not None and not hint.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused().objectName() == "edit_search"
    qtbot.keyClicks(focused(), "zzqqxx")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: library.model.total == 0, timeout=TIMEOUT)
    qtbot.waitUntil(hint.isVisible)
    everything = count(db, Patent)
    assert f"all {everything} patents" in hint.label_text.text()
    assert focused().objectName() == "edit_search"  # typing goes on where it was
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: library.model.total == everything, timeout=TIMEOUT)
    assert not hint.isVisible()


def test_the_follow_up_page_says_where_leads_come_from(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """With no intention recorded, the follow-up page was a blank table and a pane asking to
    select a lead; it names the capture page, and its button goes there."""
    assert window.show_page("followup")
    state = window.page("followup").findChild(EmptyState, "empty_followup")
    assert state is not None
    qtbot.waitUntil(state.isVisible)
    assert state.label_title.text() == "No leads yet"
    button = state.button("button_go_capture")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_page().view_name == "capture"
