"""Fixtures for the import workflow tests: a main window with the import controller."""

from __future__ import annotations

import pytest


@pytest.fixture
def import_window(qtbot, app_context, english, monkeypatch):  # type: ignore[no-untyped-def]
    """A main window with only the import controller installed."""
    from roadshow_desk.ui import main_window as main_window_module
    from roadshow_desk.ui.main_window import MainWindow

    monkeypatch.setattr(
        main_window_module,
        "WINDOW_CONTROLLERS",
        ["roadshow_desk.ui.importing.controller:install"],
        raising=True,
    )
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def messages(monkeypatch):  # type: ignore[no-untyped-def]
    """Message boxes recorded instead of shown: [(kind, title, text)]."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def record(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown
