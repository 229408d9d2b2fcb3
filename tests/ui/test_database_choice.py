"""A wrong database path cannot lock the user out: Settings checks it, start-up offers ways back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from sqlalchemy import text

from roadshow_desk.store.db import open_database
from roadshow_desk.store.locations import check_location
from roadshow_desk.ui import app as app_module
from roadshow_desk.ui.settings import Settings
from roadshow_desk.ui.settings_dialog import SettingsDialog


def not_a_database(path: Path) -> Path:
    path.write_text("会议纪要 — meeting notes, not a database\n" * 100, encoding="utf-8")
    return path


def newer_database(path: Path) -> Path:
    database = open_database(str(path))
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    return path


def good_database(path: Path) -> Path:
    open_database(str(path)).dispose()
    return path


# ---------------------------------------------------------------------- the Settings dialog


@pytest.fixture
def dialog(qtbot, app_context, english) -> SettingsDialog:
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_database_and_press_enter(qtbot, dialog: SettingsDialog, location: str) -> None:  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    dialog.edit_database.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit_database)
    qtbot.keyClicks(QApplication.focusWidget(), location)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (not_a_database, "“notes.sqlite3” is not a database file."),
        (
            newer_database,
            "“notes.sqlite3” was written by a newer version of Roadshow Desk; update the app "
            "to open it.",
        ),
    ],
)
def test_settings_refuses_a_file_it_cannot_open(
    qtbot, dialog, app_context, tmp_path, monkeypatch, make, sentence
) -> None:
    path = make(tmp_path / "notes.sqlite3")
    before = path.read_bytes()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    type_database_and_press_enter(qtbot, dialog, str(path))
    assert warnings == [sentence]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert QApplication.focusWidget() is dialog.edit_database
    assert app_context.settings.database_location == ""
    assert path.read_bytes() == before


def test_settings_creates_a_new_database_only_when_asked(
    qtbot, dialog, app_context, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "fiar.sqlite3"  # a typo for fair.sqlite3
    questions: list[str] = []
    answer = QMessageBox.StandardButton.No

    def ask(parent, title, text):  # type: ignore[no-untyped-def]
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    type_database_and_press_enter(qtbot, dialog, str(path))
    assert questions == [f"“{path}” does not exist. Create a new, empty database there?"]
    assert not path.exists()
    assert dialog.isVisible() and app_context.settings.database_location == ""

    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(questions) == 2
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert app_context.settings.database_location == str(path)
    assert check_location(str(path)).usable  # a real, current, empty database


def test_settings_takes_an_existing_database_without_questions(
    qtbot, dialog, app_context, tmp_path, monkeypatch
) -> None:
    path = good_database(tmp_path / "west.sqlite3")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail("warned"))
    type_database_and_press_enter(qtbot, dialog, str(path))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert app_context.settings.database_location == str(path)


# ---------------------------------------------------------------------- start-up


@pytest.fixture
def settings_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(path))
    monkeypatch.setenv("ROADSHOW_DESK_DATA_DIR", str(tmp_path / "data"))
    return path


def configure(settings_file: Path, **values: str) -> None:
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    for key, value in values.items():
        settings.set_value(key, value)
    settings.sync()


def saved(settings_file: Path, key: str) -> str:
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    return str(settings.value(key))


def recovery_box(qtbot, window) -> QMessageBox:  # type: ignore[no-untyped-def]
    def shown() -> list[QMessageBox]:
        return [
            box for box in window.findChildren(QMessageBox, "database_recovery") if box.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10000)
    return shown()[0]


def buttons(box: QMessageBox) -> list[str]:
    return [button.text() for button in box.buttons()]


def click(qtbot, box: QMessageBox, label: str) -> None:  # type: ignore[no-untyped-def]
    (button,) = [button for button in box.buttons() if button.text().startswith(label)]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start(qtbot, db: str | None = None):  # type: ignore[no-untyped-def]
    window = app_module.start(db, "en")
    qtbot.addWidget(window)
    return window


def close(window) -> None:  # type: ignore[no-untyped-def]
    window.close()
    if window.is_ready:
        window.context.database.dispose()


def test_a_non_database_at_start_offers_the_last_one_that_worked(
    qtbot, tmp_path, settings_file, english
) -> None:
    good = good_database(tmp_path / "good.sqlite3")
    configure(settings_file, **{"database/location": str(good)})
    window = start(qtbot)
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    close(window)

    notes = not_a_database(tmp_path / "notes.sqlite3")
    configure(settings_file, **{"database/location": str(notes)})
    window = start(qtbot)
    box = recovery_box(qtbot, window)
    assert box.text() == "“notes.sqlite3” is not a database file."
    assert buttons(box) == [
        "Choose another file…",
        "Open the last one that worked (good.sqlite3)",
        "Open the demo fair",
        "Quit",
    ]
    assert window.isVisible() and not window.is_ready
    with qtbot.waitSignal(window.ready, timeout=10000):
        click(qtbot, box, "Open the last one that worked")
    try:
        assert window.context.database.path == good
        assert saved(settings_file, "database/location") == str(good)  # the next start too
        assert "meeting notes" in notes.read_text(encoding="utf-8")
    finally:
        close(window)


def test_a_moved_database_is_not_silently_recreated(
    qtbot, tmp_path, settings_file, english
) -> None:
    gone = tmp_path / "fair.sqlite3"
    configure(settings_file, **{"database/location": str(gone)})
    window = start(qtbot)
    box = recovery_box(qtbot, window)
    assert box.text() == f"The database file “{gone}” does not exist (was it moved or renamed?)."
    assert "Create a new, empty database there" in buttons(box)
    assert not gone.exists()
    with qtbot.waitSignal(window.ready, timeout=10000):
        click(qtbot, box, "Create a new, empty database there")
    try:
        assert window.context.database.path == gone and check_location(str(gone)).usable
    finally:
        close(window)


def test_a_newer_database_offers_another_file_and_asks_again_if_that_fails_too(
    qtbot, tmp_path, settings_file, monkeypatch, english
) -> None:
    future = newer_database(tmp_path / "future.sqlite3")
    notes = not_a_database(tmp_path / "notes.sqlite3")
    good = good_database(tmp_path / "good.sqlite3")
    chosen = [str(notes), str(good)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (chosen.pop(0), ""))
    window = start(qtbot, str(future))
    box = recovery_box(qtbot, window)
    assert box.text() == (
        "“future.sqlite3” was written by a newer version of Roadshow Desk; update the app to "
        "open it."
    )
    click(qtbot, box, "Choose another file…")
    box = recovery_box(qtbot, window)
    assert box.text() == "“notes.sqlite3” is not a database file."
    with qtbot.waitSignal(window.ready, timeout=10000):
        click(qtbot, box, "Choose another file…")
    try:
        assert window.context.database.path == good
        assert saved(settings_file, "database/location") == str(good)
    finally:
        close(window)


def test_the_demo_fair_is_a_way_in(qtbot, tmp_path, settings_file, english) -> None:
    notes = not_a_database(tmp_path / "notes.sqlite3")
    configure(settings_file, **{"database/location": str(notes)})
    window = start(qtbot)
    box = recovery_box(qtbot, window)
    with qtbot.waitSignal(window.ready, timeout=30000):
        click(qtbot, box, "Open the demo fair")
    try:
        assert window.context.database.path == tmp_path / "data" / "demo.sqlite3"
        assert window.page("library").model.rowCount() > 0
        assert saved(settings_file, "database/location") == str(notes)  # only for now
    finally:
        close(window)


def test_quit_is_a_choice_not_the_only_way(qtbot, tmp_path, settings_file, english) -> None:
    configure(settings_file, **{"database/location": str(newer_database(tmp_path / "f.sqlite3"))})
    window = start(qtbot)
    box = recovery_box(qtbot, window)
    assert len(buttons(box)) >= 3
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.is_ready
