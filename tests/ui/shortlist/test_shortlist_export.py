"""The shortlist page's two exports, through their toolbar/menu actions: the file is written
where the person chose, the rows are counted on the status bar, a refusal is one sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from roadshow_desk.errors import InputError


@pytest.fixture
def page(qtbot, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-7")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("shortlist")
    yield window.page("shortlist")
    context.undo_stack.clear()


@pytest.mark.parametrize(
    ("action", "proposed"),
    [("export_action", "shortlist.xlsx"), ("invitations_action", "invitations.xlsx")],
)
def test_an_export_writes_the_chosen_file_and_says_how_many_rows(  # type: ignore[no-untyped-def]
    page, monkeypatch, tmp_path, action, proposed
):
    target = tmp_path / proposed
    asked: list[str] = []

    def save_as(_parent: Any, _title: str, name: str, _filter: str) -> tuple[str, str]:
        asked.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    said: list[str] = []
    page.context.status_message.connect(said.append)
    getattr(page, action).trigger()
    assert asked == [proposed]
    rows = load_workbook(target).active.max_row - 1  # the header row
    assert rows > 0
    assert said == [f"{rows} rows written to {proposed}."]


def test_a_refused_export_says_why_and_writes_nothing(  # type: ignore[no-untyped-def]
    page, monkeypatch, tmp_path
):
    target = tmp_path / "shortlist.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))

    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise InputError("The file is open in another program.")

    monkeypatch.setattr("roadshow_desk.exchange.export.export", refuse)
    problems: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: problems.append(args[2]))
    page.export_action.trigger()
    assert problems == ["The file is open in another program."]
    assert not Path(target).exists()


def test_cancelling_the_file_dialog_writes_nothing(page, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    said: list[str] = []
    page.context.status_message.connect(said.append)
    page.export_action.trigger()
    assert said == []
