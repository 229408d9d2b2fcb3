"""Fixtures for the window tests: private settings, an AppContext, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def ui_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A Settings facade over a private INI file (no state shared between tests)."""
    from roadshow_desk.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app_context(qapp, db, ui_settings):  # type: ignore[no-untyped-def]
    """An AppContext over the fresh test database."""
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(db, ui_settings, "test-station")
    yield context
    context.undo_stack.clear()
    context.live_view.stop()  # no more polls of a database the db fixture drops next


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """Make sure the UI speaks English during the test, and afterwards."""
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


_MODAL_STATICS = {
    "QMessageBox": ("warning", "question", "information", "critical", "about"),
    "QInputDialog": ("getText", "getInt", "getItem", "getDouble"),
    "QFileDialog": (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
    ),
}


@pytest.fixture(autouse=True)
def _no_unpatched_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog the test did not patch fails the test instead of blocking it forever.

    Offscreen, nobody can answer a ``QMessageBox.warning`` (say, the question a page asks on
    close about unsaved edits): without this the run would hang until CI's time runs out.
    A test that expects a dialog patches it itself (its monkeypatch comes after this one).
    """
    from PySide6 import QtWidgets

    for class_name, names in _MODAL_STATICS.items():
        cls = getattr(QtWidgets, class_name)
        for name in names:

            def refuse(*args: object, _name: str = f"{class_name}.{name}") -> object:
                raise AssertionError(f"{_name} opened during a test that did not patch it")

            monkeypatch.setattr(cls, name, refuse)


@pytest.fixture(autouse=True)
def _no_modifier_left_down() -> Iterator[None]:
    """Each test starts with no Shift, Ctrl or Alt held down.

    A key click whose release never reached a widget (its window closed on the press, say
    Ctrl+Shift+Z on a dialog that undo closes) leaves the application believing the
    modifier is still held, and the next test's clicks select ranges instead of rows (the
    conflict review failed after the undo tests)."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.instance() is None or not QApplication.keyboardModifiers():
        return
    widget = QWidget()
    widget.show()
    for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        QTest.keyRelease(widget, key)
    widget.close()
    widget.deleteLater()
    assert not QApplication.keyboardModifiers(), "a modifier could not be released"
