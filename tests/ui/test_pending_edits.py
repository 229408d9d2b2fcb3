"""Nothing typed is dropped without a word: page switches and closing keep or ask (#12.2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fairday_data import make_fair_day
from roadshow_desk.domain.models import Event, ShortlistEntry
from roadshow_desk.ui.main_window import MainWindow


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def window(qtbot, app_context, english, fair) -> MainWindow:  # type: ignore[no-untyped-def]
    app_context.current_event_id = fair.event_id
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def questions(monkeypatch):  # type: ignore[no-untyped-def]
    """The questions asked; each answered with the next of ``answers`` (default: none asked)."""
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def warning(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        assert answers, f"unexpected question: {text}"
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked, answers


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def type_chinese(text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(QApplication.focusWidget(), event)


def notes_of(db, event_id: int, patent_id: int) -> str:  # type: ignore[no-untyped-def]
    with db.session() as session:
        entry = (
            session.query(ShortlistEntry).filter_by(event_id=event_id, patent_id=patent_id).one()
        )
        return entry.presenter_notes


def test_shortlist_notes_survive_a_page_switch(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    window.show_page("shortlist")
    page = window.page("shortlist")
    page.select_patents([fair.patent_ids[1]], fair.patent_ids[1])
    focus(qtbot, page.notes)
    type_chinese("强调储能寿命")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().view_name == "event"
    assert notes_of(db, fair.event_id, fair.patent_ids[1]) == "强调储能寿命"
    window.context.undo_stack.undo()  # the notes edit is an undoable command
    assert notes_of(db, fair.event_id, fair.patent_ids[1]) == ""


def test_notes_typed_on_the_shortlist_survive_closing(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    window.show_page("shortlist")
    page = window.page("shortlist")
    page.select_patents([fair.patent_ids[2]], fair.patent_ids[2])
    page.notes.setFocus()  # typed without leaving the field, then the window is closed
    page.notes.setPlainText("先讲应用案例")
    assert page.pending_edits()
    assert window.close()
    assert notes_of(db, fair.event_id, fair.patent_ids[2]) == "先讲应用案例"
    assert questions[0] == []


def test_a_changed_venue_survives_a_page_switch(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    window.show_page("event")
    form = window.page("event").setup
    focus(qtbot, form.edit_venue)
    qtbot.keyClick(form.edit_venue, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_chinese("南京国际展览中心")
    window.navigation.setCurrentRow(0)  # a click on 专利库 in the navigation
    assert window.current_page().view_name == "library"
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None and event.venue == "南京国际展览中心"
    window.context.undo_stack.undo()
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None and event.venue == "苏州国际博览中心"


def test_unsaveable_edits_are_asked_about(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    asked, answers = questions
    window.show_page("event")
    form = window.page("event").setup
    form.edit_venue.setText("新场馆")
    form.edit_name.clear()  # an event needs a name: this cannot be saved as it is
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert "the details of the event “长三角专利转化路演对接会”" in asked[0]
    assert form.edit_venue.text() == "新场馆"  # nothing dropped
    assert "needs a name" in form.label_message.text()
    # Leaving the page asks too, and Cancel stays on it.
    answers.append(QMessageBox.StandardButton.Cancel)
    window.navigation.setCurrentRow(0)
    assert window.current_page().view_name == "event"
    assert window.navigation.currentRow() == window.pages.index(window.page("event"))
    answers.append(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert len(asked) == 3
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None and event.venue == "苏州国际博览中心"


def test_choosing_another_event_keeps_what_was_typed(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    window.show_page("event")
    page = window.page("event")
    page.setup.edit_region.setText("浙江省")
    page.setup.button_new_event.click()  # an empty form for a new event
    assert page.setup.edit_name.text() == ""
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None and event.region == "浙江省"


def test_a_next_action_date_typed_then_closing_is_kept(qtbot, window, fair, db, questions) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from roadshow_desk.domain.capture import IntentionDraft, record_intention
    from roadshow_desk.domain.enums import IntentionKind
    from roadshow_desk.domain.models import Intention

    lead = record_intention(
        db,
        IntentionDraft(
            enterprise_id=fair.enterprise_ids[0],
            patent_id=fair.patent_ids[0],
            kind=IntentionKind.LICENCE,
            event_id=fair.event_id,
        ),
        station="A",
    ).id
    window.show_page("followup")
    page = window.page("followup")
    page.reload()
    page.select_lead(lead)
    focus(qtbot, page.date_next)
    qtbot.keyClicks(page.date_next, "20261221")  # typed, and the window closed at once
    assert window.close()
    with db.session() as session:
        intention = session.get(Intention, lead)
        assert intention is not None and intention.next_action_on == dt.date(2026, 12, 21)
