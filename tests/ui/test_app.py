"""Start-up: language from --lang / settings / system, the Chinese font, database problems."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from roadshow_desk.store.db import open_database
from roadshow_desk.ui import app as app_module
from roadshow_desk.ui.screening.library import screening_of
from roadshow_desk.ui.settings import Settings

LANGUAGE_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from roadshow_desk.ui.app import create_application, install_language
from roadshow_desk.ui.settings import Settings
app = create_application()
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
settings.language = sys.argv[2]
language = install_language(app, sys.argv[3] or None, settings)
print(language, QCoreApplication.translate("MainWindow", "&File"), QLocale().name())
"""


def probe_language(tmp_path: Path, lang_env: str, setting: str = "", cli: str = "") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang_env, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", LANGUAGE_PROBE, str(tmp_path / "s.ini"), setting, cli],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_chinese_system_gets_a_chinese_ui(tmp_path: Path) -> None:
    assert probe_language(tmp_path, "zh_CN.UTF-8") == ["zh_CN", "文件(&F)", "zh_CN"]


def test_other_systems_get_english(tmp_path: Path) -> None:
    assert probe_language(tmp_path, "en_US.UTF-8") == ["en", "&File", "en_US"]
    assert probe_language(tmp_path, "de_DE.UTF-8")[:2] == ["en", "&File"]


def test_setting_and_command_line_choose_the_language(tmp_path: Path) -> None:
    assert probe_language(tmp_path, "en_US.UTF-8", setting="zh_CN")[:2] == ["zh_CN", "文件(&F)"]
    assert probe_language(tmp_path, "zh_CN.UTF-8", setting="en")[:2] == ["en", "&File"]
    assert probe_language(tmp_path, "zh_CN.UTF-8", setting="zh_CN", cli="en")[:2] == ["en", "&File"]


def test_cjk_font_is_registered_and_used(qapp) -> None:
    from roadshow_desk.documents.fonts import find_cjk_font

    found = find_cjk_font()
    if found is None:
        pytest.skip("no CJK TrueType font on this machine")
    font = app_module.install_cjk_font(qapp, "", "zh_CN")
    assert font.warning == ""
    assert font.family in QFontDatabase.families()
    assert qapp.font().families()[0] == font.family
    assert QFontDatabase.writingSystems(font.family).count(
        QFontDatabase.WritingSystem.SimplifiedChinese
    )
    english = app_module.install_cjk_font(qapp, "", "en")
    assert english.family in qapp.font().families()


def test_missing_font_is_said_clearly_once(qtbot, qapp, monkeypatch, app_context, english) -> None:
    from roadshow_desk.documents import fonts

    monkeypatch.setattr(fonts, "find_cjk_font", lambda preferred=None: None)
    font = app_module.install_cjk_font(qapp, "", "zh_CN")
    assert font.family == ""
    assert font.warning == fonts.install_hint()
    window = app_module.build_main_window(app_context.database, app_context.settings, font)
    qtbot.addWidget(window)
    window.show()
    assert window.font_warning_label.isVisible()
    assert window.font_warning_label.text() == font.warning
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    app_module.warn_missing_font_once(window, app_context.settings, font)
    app_module.warn_missing_font_once(window, app_context.settings, font)
    assert shown == [font.warning]


def test_database_too_new_is_a_message_not_a_crash(qtbot, monkeypatch, tmp_path, db) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "s.ini"))
    window = app_module.start(db.url, "en")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "database_recovery") is not None)
    box = window.findChild(QMessageBox, "database_recovery")
    assert box.text() == (
        "“test.sqlite3” was written by a newer version of Roadshow Desk; update the app to open it."
    )
    qtbot.waitUntil(box.isVisible)
    box.escapeButton().click()  # Quit, one of the ways (tests/ui/test_database_choice.py)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.is_ready


def test_start_opens_the_window_on_the_chosen_database(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "s.ini"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    open_database(str(tmp_path / "chosen.sqlite3")).dispose()  # chosen: it exists
    settings.database_location = str(tmp_path / "chosen.sqlite3")
    settings.station_name = "东区签到台"
    settings.sync()
    window = app_module.start(None, "en")
    qtbot.addWidget(window)
    assert window.isVisible()  # shown at once, before the database is open
    assert window.statusBar().currentMessage() == "Opening the database…"
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    try:
        assert window.statusBar().currentMessage() == ""
        assert window.current_page().view_name == "library"
        assert window.context.database.path == tmp_path / "chosen.sqlite3"
        assert window.context.station == "东区签到台"
        assert window.isVisible()
    finally:
        window.close()
        window.context.database.dispose()


def test_start_builds_the_open_page_first_then_the_others_in_order(
    qtbot, monkeypatch, tmp_path
) -> None:
    from roadshow_desk.ui.main_window import WORKFLOW_PAGES, load_object

    names = [load_object(spec).view_name for spec in WORKFLOW_PAGES]
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "s.ini"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    open_database(str(tmp_path / "pages.sqlite3")).dispose()
    settings.database_location = str(tmp_path / "pages.sqlite3")
    settings.current_page = names[-1]
    settings.sync()
    window = app_module.start(None, "en")
    qtbot.addWidget(window)
    built_first: list[list[str]] = []
    window.page_changed.connect(
        lambda name: built_first.append([p.view_name for p in window.pages])
    )
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    try:
        assert built_first[0] == [names[-1]]  # only the open page existed when it was shown
        assert [page.view_name for page in window.pages] == names
        shown = [
            window.navigation.item(row).data(0x0100) for row in range(window.navigation.count())
        ]
        assert shown == names
        assert window.current_page().view_name == names[-1]
        assert window.navigation.currentRow() == len(names) - 1
    finally:
        window.close()
        window.context.database.dispose()


def _start_and_wait(qtbot, monkeypatch, tmp_path, page: str | None = None):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(tmp_path / "s.ini"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    from roadshow_desk.store.demo import fill_demo

    database = open_database(str(tmp_path / "focus.sqlite3"))
    fill_demo(database)  # an event, patents and enterprises: no next-step notice on capture
    database.dispose()
    settings.database_location = str(tmp_path / "focus.sqlite3")
    if page is not None:
        settings.current_page = page
    settings.sync()
    window = app_module.start(None, "en")
    qtbot.addWidget(window)
    at_ready: list[object] = []  # who has the keyboard the moment the window is ready
    window.ready.connect(lambda: at_ready.append(QApplication.focusWidget()))
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    window.focus_at_ready = at_ready[0]
    qtbot.wait(50)  # the events queued by the last pages and controllers
    return window


def test_at_start_the_library_search_box_has_the_keyboard(qtbot, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    window = _start_and_wait(qtbot, monkeypatch, tmp_path)
    try:
        assert window.current_page().view_name == "library"
        search_box = screening_of(window.page("library")).search_box
        assert window.focus_at_ready is search_box  # a key typed at once goes there
        focus = QApplication.focusWidget()
        assert focus is search_box
        assert focus.isVisible()
        qtbot.keyClicks(QApplication.focusWidget(), "H01M")  # typing at once searches
        assert screening_of(window.page("library")).search_box.text() == "H01M"
        capture = window.page("capture").panel
        assert capture.field_enterprise.edit.text() == ""  # the hidden form got nothing
    finally:
        window.close()
        window.context.database.dispose()


def test_capture_field_gets_the_keyboard_when_its_page_is_shown(
    qtbot, monkeypatch, tmp_path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = _start_and_wait(qtbot, monkeypatch, tmp_path, page="capture")
    try:
        capture = window.page("capture").panel
        assert QApplication.focusWidget() is capture.field_enterprise.edit
        window.show_page("library")
        qtbot.wait(10)
        assert QApplication.focusWidget() is not capture.field_enterprise.edit
        qtbot.keyClick(window, "5", Qt.KeyboardModifier.ControlModifier)  # to Capture
        qtbot.wait(10)
        assert window.current_page().view_name == "capture"
        assert QApplication.focusWidget() is capture.field_enterprise.edit
        qtbot.keyClicks(QApplication.focusWidget(), "Huawei")
        assert capture.field_enterprise.edit.text() == "Huawei"
    finally:
        window.close()
        window.context.database.dispose()


def test_the_pinyin_warm_up_waits_until_the_window_is_ready(qtbot, monkeypatch, tmp_path) -> None:
    """Loading the pinyin tables holds the interpreter for about a second: not while the
    pages are built (it delayed the ready window), but right after."""
    from roadshow_desk.ui.capture import warmup

    monkeypatch.setattr(warmup, "_started", {})  # this database's warm-up is not done yet
    from roadshow_desk.ui.main_window import MainWindow

    started_at_ready: list[bool] = []

    def record(window: MainWindow) -> None:
        task = window.page("capture").panel.warmup
        started_at_ready.append(task.started)

    original_finish = MainWindow._finish_pages

    def finish_and_record(self: MainWindow) -> None:
        self.ready.connect(lambda: record(self))
        original_finish(self)

    monkeypatch.setattr(MainWindow, "_finish_pages", finish_and_record)
    window = _start_and_wait(qtbot, monkeypatch, tmp_path)
    try:
        assert started_at_ready == [False]
        task = window.page("capture").panel.warmup
        qtbot.waitUntil(lambda: task.started)
        assert task.wait(30) and task.error is None
    finally:
        window.close()
        window.context.database.dispose()
