"""The print page names files by the whole event name and shows the whole name in its event
picker (issue 12.6): two 专场 events no longer overwrite each other's PDFs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from roadshow_desk.domain.models import Event
from roadshow_desk.ui.printing.page import PrintPage

NAMES = (
    "2026年浙江省高校专利转化对接会（生物医药专场）",
    "2026年浙江省高校专利转化对接会（新能源专场）",
)


@pytest.fixture
def page(qtbot: Any, app_context: Any, english: None) -> PrintPage:
    with app_context.database.session() as session:
        for day, name in enumerate(NAMES, start=1):
            session.add(Event(name=name, starts_on=dt.date(2026, 12, day)))
    widget = PrintPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1130, 740)  # the page's room in a 1280×800 window
    widget.show()
    qtbot.waitExposed(widget)
    widget.activate()
    return widget


def test_two_special_sessions_get_two_file_names(page: PrintPage, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    suggested: list[str] = []

    def save_dialog(_parent, _title, path, _filter):  # type: ignore[no-untyped-def]
        suggested.append(Path(path).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    for name in NAMES:
        page.combo_event.setCurrentIndex(page.combo_event.findText(name))
        assert page.ask_save_path() is None
    assert suggested == [f"{name} Patent brochure.pdf" for name in NAMES]


def test_the_event_picker_shows_the_whole_name(qtbot, page: PrintPage) -> None:  # type: ignore[no-untyped-def]
    combo = page.combo_event
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert combo.width() >= needed + 20, (combo.width(), needed)  # text and the arrow
        assert combo.view().width() >= needed
    # Names alone: the date is added only where two events share a name.
    assert {combo.itemText(index) for index in range(combo.count())} == set(NAMES)
