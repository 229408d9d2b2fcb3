"""The 路演场次 tab: a session's start time, room and host typed as a person does, stored as
UTC through the event's time zone, shown as planned slot times and printed on the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from fairday_data import make_fair_day
from roadshow_desk.domain.models import Event, RoadshowSession
from roadshow_desk.ui.event.page import EventPage


@pytest.fixture
def page(qtbot, app_context, english, db) -> EventPage:  # type: ignore[no-untyped-def]
    make_fair_day(db)
    widget = EventPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activate()
    return widget


def _type(qtbot, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget (Chinese as a pinyin IME commits it), then a key."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
    qtbot.keyClick(QApplication.focusWidget(), then)


def test_session_start_room_and_host_are_typed_stored_and_printed(  # type: ignore[no-untyped-def]
    qtbot, page, app_context, db, tmp_path
) -> None:
    agenda = page.agenda
    page.tabs.setCurrentWidget(agenda)
    agenda.edit_title.setText("上午场")
    assert agenda.build_session()
    details = agenda.session_details
    session_id = agenda.current_session_id()
    assert details.edit_start.isEnabled() and details.edit_start.text() == ""
    assert "Asia/Shanghai" in details.label_zone.text()
    details.edit_start.setFocus()
    _type(qtbot, "25:99")  # not a time: said, kept, nothing stored
    assert "not a time" in details.label_error.text()
    assert details.edit_start.text() == "25:99"
    details.edit_start.setFocus()
    details.edit_start.selectAll()
    _type(qtbot, "9:30")  # on the event's first day, at the venue
    assert QApplication.focusWidget() is details.edit_room
    _type(qtbot, "A厅")
    _type(qtbot, "张主持")
    with db.session() as session:
        stored = session.get(RoadshowSession, session_id)
        assert stored is not None
        # 09:30 in Beijing on 2026-12-03 is 01:30 UTC
        assert stored.starts_at == dt.datetime(2026, 12, 3, 1, 30)
        assert (stored.room, stored.host) == ("A厅", "张主持")
    assert details.edit_start.text() == "2026-12-03 09:30"
    model = agenda.model
    column = model.columnCount() - 1
    planned = [model.index(row, column).data() for row in range(model.rowCount())]
    minutes = [row["minutes"] for row in model.rows]
    clock = dt.datetime(2026, 12, 3, 9, 30)
    expected = []
    for value in minutes:
        expected.append(f"{clock:%H:%M}")
        clock += dt.timedelta(minutes=value)
    assert planned == expected
    # the agenda prints them
    from pdfcheck import page_texts

    from roadshow_desk.documents.render import PrintOptions, render_document

    out = tmp_path / "agenda.pdf"
    render_document("agenda", db, out, PrintOptions(language="en"))
    text = "".join(page_texts(out))
    assert all(time in text for time in expected)
    assert "A厅" in text and "张主持" in text
    # each field was one undoable command
    app_context.undo_stack.undo()
    app_context.undo_stack.undo()
    app_context.undo_stack.undo()
    with db.session() as session:
        stored = session.get(RoadshowSession, session_id)
        assert stored is not None
        assert (stored.starts_at, stored.room, stored.host) == (None, "", "")
    assert details.edit_start.text() == ""


def test_event_time_zone_moves_the_wall_clock_not_the_instant(  # type: ignore[no-untyped-def]
    qtbot, page, app_context, db
) -> None:
    agenda = page.agenda
    agenda.edit_title.setText("上午场")
    assert agenda.build_session()
    session_id = agenda.current_session_id()
    with db.session() as session:
        found = session.get(RoadshowSession, session_id)
        assert found is not None
        found.starts_at = dt.datetime(2026, 12, 3, 1, 30)
    form = page.setup
    assert form.combo_time_zone.currentText() == "Asia/Shanghai"
    assert form.combo_document_language.currentData() == "zh_CN"
    form.combo_time_zone.setCurrentText("Mars/Olympus")
    assert not form.save()
    assert "not a time zone" in form.label_message.text()
    form.combo_time_zone.setCurrentText("Asia/Tokyo")
    form.combo_document_language.setCurrentIndex(form.combo_document_language.findData("en"))
    assert form.save()
    with db.session() as session:
        event = session.get(Event, app_context.current_event_id)
        assert event is not None
        assert (event.time_zone, event.document_language) == ("Asia/Tokyo", "en")
        found = session.get(RoadshowSession, session_id)
        assert found is not None and found.starts_at == dt.datetime(2026, 12, 3, 1, 30)
    agenda.reload()
    assert agenda.session_details.edit_start.text() == "2026-12-03 10:30"
