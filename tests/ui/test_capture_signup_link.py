"""A sign-up link scanned at the capture panel: this event's is read as its patent, another
event's is refused with a sentence (issue 11, item 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fairday_data import make_fair_day
from roadshow_desk.domain.models import Event
from roadshow_desk.domain.payloads import signup_url
from roadshow_desk.ui.capture.panel import CapturePanel

TEMPLATE = "https://fair.example.cn/s?event={event}&patent={patent}"


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def panel(qtbot, app_context, english, fair) -> CapturePanel:  # type: ignore[no-untyped-def]
    app_context.current_event_id = fair.event_id
    widget = CapturePanel(app_context)
    qtbot.addWidget(widget)
    ticks = iter(range(0, 100_000_000, 5))  # a scanner's 5 ms between keys
    widget.scanner.clock = lambda: next(ticks) / 1000.0
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.new_capture()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.field_enterprise.edit)
    return widget


def scan(qtbot, code: str) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner: the characters fast, then Enter, each to whatever has the focus."""
    for character in code:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, character)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_sign_up_link_of_another_event_is_refused(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        this_event = session.get(Event, fair.event_id)
        assert this_event is not None
        own_uuid = this_event.uuid
    other_link = signup_url(TEMPLATE, "0123456789abcdef" * 2, "CN202210016632.1")
    scan(qtbot, other_link)
    assert panel.field_patent.chosen_id is None
    assert panel.label_message.text() == (
        "This sign-up link is for another event, not this one; scan a code printed for this event."
    )
    scan(qtbot, signup_url(TEMPLATE, own_uuid, "CN202210016632.1"))
    assert panel.field_patent.chosen_id == fair.patent_ids[0]
