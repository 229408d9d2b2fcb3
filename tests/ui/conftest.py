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


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """Make sure the UI speaks English during the test, and afterwards."""
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")
