"""Dates typed the way organisers type them: the event form and the follow-up's next action.

Every key goes to whatever has the focus, as a person's would.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Event, Intention
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.event.page import EventPage
from roadshow_desk.ui.followup.page import FollowUpPage


def focus(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget: ASCII as key presses, Chinese through the input method
    (as a pinyin IME commits it)."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(QApplication.focusWidget(), run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(QApplication.focusWidget(), event)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def event_page(qtbot, app_context, english, fair) -> EventPage:  # type: ignore[no-untyped-def]
    widget = EventPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activate()
    return widget


def test_a_new_event_takes_typed_dates_and_confirms(qtbot, event_page, app_context, db) -> None:  # type: ignore[no-untyped-def]
    form = event_page.setup
    messages: list[str] = []
    app_context.status_message.connect(messages.append)
    form.button_new_event.click()
    assert form.date_starts.text() == "" and form.date_starts.date() is None
    focus(qtbot, form.edit_name)
    type_keys(qtbot, "冬季专场")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date_starts
    type_keys(qtbot, "20261218")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.date_starts.text() == "2026-12-18"  # shown as a date, not "not set20261218"
    assert QApplication.focusWidget() is form.date_ends
    type_keys(qtbot, "12月19日")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.date_ends.date() == dt.date(2026, 12, 19)
    form.button_save_event.click()
    assert messages[-1] == "Event “冬季专场” created."
    assert form.label_message.text() == messages[-1]  # the form says so too, after the reload
    with db.session() as session:
        event = session.get(Event, app_context.current_event_id)
        assert event is not None and event.name == "冬季专场"
        assert (event.starts_on, event.ends_on) == (dt.date(2026, 12, 18), dt.date(2026, 12, 19))


def test_an_event_without_its_day_or_with_a_wrong_one_is_refused(qtbot, event_page, db) -> None:  # type: ignore[no-untyped-def]
    form = event_page.setup
    form.button_new_event.click()
    focus(qtbot, form.edit_name)
    type_keys(qtbot, "无日期的活动")
    form.button_save_event.click()
    assert "needs the day it starts" in form.label_message.text()
    assert QApplication.focusWidget() is form.date_starts
    type_keys(qtbot, "2026-13-40")
    press(qtbot, Qt.Key.Key_Return)
    assert "is not" in form.label_message.text() and "2026-13-40" in form.label_message.text()
    form.button_save_event.click()
    assert form.date_starts.text() == "2026-13-40"  # what was typed stays to be corrected
    with db.session() as session:
        assert [e.name for e in session.query(Event)] == ["长三角专利转化路演对接会"]


def test_a_saved_date_can_be_emptied_and_saved(qtbot, event_page, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    form = event_page.setup
    messages: list[str] = []
    app_context.status_message.connect(messages.append)
    focus(qtbot, form.date_ends)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Tab)
    assert form.date_ends.date() is None
    form.button_save_event.click()
    assert messages[-1] == "Event “长三角专利转化路演对接会” saved."
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None and event.ends_on == event.starts_on  # one day: ends as it starts


def test_the_calendar_opens_at_today_and_picks_a_day(qtbot, event_page) -> None:  # type: ignore[no-untyped-def]
    form = event_page.setup
    form.button_new_event.click()
    focus(qtbot, form.date_starts)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = form.date_starts.popup
    assert popup is not None and popup.isVisible()
    today = dt.date.today()
    calendar = popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    picked = calendar.selectedDate()
    assert (picked.year(), picked.month(), picked.day()) == (today.year, today.month, today.day)
    assert calendar.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_Return)
    assert form.date_starts.date() == today
    assert not popup.isVisible()


def test_arrow_keys_step_from_today_never_from_2000(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = DateEdit(today=lambda: dt.date(2026, 12, 7))
    qtbot.addWidget(edit)
    edit.show()
    focus(qtbot, edit)
    press(qtbot, Qt.Key.Key_Up)
    assert edit.text() == "2026-12-07"
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_PageUp)
    assert edit.text() == "2027-01-08"
    with qtbot.waitSignal(edit.date_edited) as edited:
        press(qtbot, Qt.Key.Key_Return)
    assert edited.args == [dt.date(2027, 1, 8)]


# --------------------------------------------------------------------------- follow-up


@pytest.fixture
def leads(db, fair):  # type: ignore[no-untyped-def]
    return [
        record_intention(
            db,
            IntentionDraft(
                enterprise_id=fair.enterprise_ids[index],
                patent_id=fair.patent_ids[index],
                kind=IntentionKind.TRANSFER,
                event_id=fair.event_id,
            ),
            station="A",
        ).id
        for index in range(2)
    ]


@pytest.fixture
def followup(qtbot, app_context, english, fair, leads) -> FollowUpPage:  # type: ignore[no-untyped-def]
    app_context.current_event_id = fair.event_id
    widget = FollowUpPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.activate()
    return widget


def next_action(db, intention_id: int) -> dt.date | None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        intention = session.get(Intention, intention_id)
        assert intention is not None
        return intention.next_action_on


def test_next_action_typed_into_an_empty_date_is_saved(qtbot, followup, leads, db) -> None:  # type: ignore[no-untyped-def]
    followup.select_lead(leads[0])
    assert followup.date_next.text() == ""
    focus(qtbot, followup.date_next)
    type_keys(qtbot, "20261215")
    press(qtbot, Qt.Key.Key_Return)
    assert followup.date_next.text() == "2026-12-15"
    assert next_action(db, leads[0]) == dt.date(2026, 12, 15)
    # Cleared: no date, not an earlier one.
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    assert next_action(db, leads[0]) is None


@pytest.mark.parametrize("utc_hour", [3, 20])  # the venue (UTC+8) on the laptop's day, or the next
def test_up_arrow_on_an_empty_next_action_starts_today_at_the_venue(  # type: ignore[no-untyped-def]
    qtbot, followup, leads, db, monkeypatch, utc_hour
) -> None:
    """From 16:00 UTC the venue in China is a day ahead of a laptop on UTC: "today" is the
    venue's day, the one overdue is counted by (it failed every evening, UTC, before)."""
    from roadshow_desk.domain import venue_time

    laptop_day = dt.date.today()
    now = dt.datetime.combine(laptop_day, dt.time(utc_hour))
    monkeypatch.setattr(venue_time, "_utcnow", lambda: now)
    venue_day = laptop_day + dt.timedelta(days=1 if utc_hour >= 16 else 0)
    followup.select_lead(leads[1])
    focus(qtbot, followup.date_next)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)
    assert next_action(db, leads[1]) == venue_day  # not 2001-01-01, not the laptop's day
    assert not followup.model.rows[followup.model.row_of(leads[1])].overdue


# --------------------------------------------------------------------------- patent dialog


def test_the_patent_dialog_types_and_clears_dates(qtbot, english, db, fair) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.patent_editing import patent_values
    from roadshow_desk.ui.library.edit_dialog import PatentDialog

    with db.session() as session:
        values = patent_values(session, fair.patent_ids[0])
    values["application_date"] = dt.date(2022, 1, 7)
    dialog = PatentDialog(values)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.date_application_date.text() == "2022-01-07"
    assert dialog.date_grant_date.text() == ""  # no date: empty, not 1899-12-31
    focus(qtbot, dialog.date_grant_date)
    type_keys(qtbot, "2024年3月1日")
    press(qtbot, Qt.Key.Key_Tab)
    focus(qtbot, dialog.date_application_date)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.changes() == {"grant_date": dt.date(2024, 3, 1), "application_date": None}
