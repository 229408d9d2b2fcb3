"""File ▸ Backups…: local times, what each backup preceded, where they are, restoring one; and
the import summary naming the backup it made."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import text

from roadshow_desk.store.backups import list_backups
from roadshow_desk.store.db import backup_database, copy_database_file
from roadshow_desk.ui.backups import BackupsDialog
from roadshow_desk.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def shanghai(monkeypatch) -> Iterator[None]:
    """The laptop's clock in China (UTC+8), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def institutions(app_context) -> list[str]:  # type: ignore[no-untyped-def]
    with app_context.database.engine.connect() as connection:
        rows = connection.execute(text("SELECT name FROM institution ORDER BY name"))
        return list(rows.scalars())


def add_institution(app_context, name: str) -> None:  # type: ignore[no-untyped-def]
    with app_context.database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO institution (name, short_name, kind, region, contact_person, "
                "contact_phone, contact_email, uuid, updated_at, station) VALUES "
                "(:name, '', 'university', '', '', '', '', :name, '2026-01-01', 'A')"
            ),
            {"name": name},
        )


def open_backups(qtbot, window: MainWindow) -> BackupsDialog:  # type: ignore[no-untyped-def]
    action = window.backups_action
    assert action in window.file_menu.actions()
    assert action.text() == "&Backups…"
    action.trigger()  # File ▸ Backups…
    dialog = window.backups_dialog
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: BackupsDialog) -> list[list[str]]:
    table = dialog.table_backups
    return [
        [table.item(row, column).text() for column in (0, 1, 3)] for row in range(table.rowCount())
    ]


def test_backups_are_listed_in_local_time_with_what_they_preceded(
    qtbot, window, app_context, shanghai
) -> None:
    database_file = app_context.database.path
    folder = database_file.parent / "backups"
    folder.mkdir()
    names = [
        "test-20261206-235959-000001-before-migration-0001.sqlite3",  # 07:59:59 on the 7th
        "test-20261207-020000-000000-before-import.sqlite3",  # 10:00 in Ningbo
        "test-20261207-031500-000000-before-merge.sqlite3",
    ]
    for name in names:
        copy_database_file(database_file, folder / name)
    dialog = open_backups(qtbot, window)
    assert rows(dialog) == [
        ["2026-12-07 11:15:00", "before a merge", names[2]],
        ["2026-12-07 10:00:00", "before an import", names[1]],
        ["2026-12-07 07:59:59", "before an upgrade of the database", names[0]],
    ]
    assert str(folder) in dialog.label_intro.text()
    assert dialog.button_open_folder.isEnabled()
    assert not dialog.label_empty.isVisible()


def test_no_backups_yet_says_when_the_first_comes(qtbot, window) -> None:
    dialog = open_backups(qtbot, window)
    assert dialog.label_empty.isVisible() and not dialog.table_backups.isVisible()
    assert not dialog.button_restore.isEnabled()


def test_restoring_a_backup_after_backing_up_the_present(
    qtbot, window, app_context, monkeypatch
) -> None:
    add_institution(app_context, "浙江大学")
    backup_database(app_context.database.url, "before-import")
    add_institution(app_context, "宁波大学")
    backup_database(app_context.database.url, "before-merge")
    add_institution(app_context, "温州大学")
    app_context.undo_stack.push(QUndoCommand("an edit"))
    changed: list[str] = []
    app_context.data_changed.connect(changed.append)
    questions: list[str] = []
    informed: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: informed.append(text)
    )
    dialog = open_backups(qtbot, window)
    assert [row[1] for row in rows(dialog)] == ["before a merge", "before an import"]
    # The newest is selected; ↓ picks the one before the import, Restore… restores it.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table_backups)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.selected_backup() is dialog.backups[1]
    wanted = dialog.backups[1]
    qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
    assert len(questions) == 1 and "before an import" in questions[0]
    qtbot.waitUntil(lambda: bool(informed), timeout=20000)
    assert institutions(app_context) == ["浙江大学"]
    assert app_context.undo_stack.count() == 0
    assert {"patent", "enterprise", "intention", "shortlist"} <= set(changed)
    listed = list_backups(app_context.database.url)
    assert listed[0].kind == "restore"
    assert rows(dialog)[0][1] == "before a restore"
    assert listed[0].path.name in informed[0]
    assert informed[0].startswith("The database is as it was on ")
    assert wanted.path.exists()
    # What the restore replaced is in the new backup.
    assert "温州大学" in listed[0].path.read_bytes().decode("utf-8", "replace")


def test_the_import_summary_names_its_backup(qtbot, window, app_context, tmp_path) -> None:
    from roadshow_desk.ui.importing.controller import ImportController

    controller: ImportController = window.import_controller
    source = tmp_path / "patentics.csv"
    shutil.copy(FIXTURES / "patentics_ragged.csv", source)
    task = controller.start(source)
    assert task is not None
    with qtbot.waitSignal(task.succeeded, timeout=20000):
        pass
    mapping = controller.mapping_dialog
    assert mapping is not None
    qtbot.waitUntil(lambda: mapping.check_result is not None, timeout=20000)
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        mapping.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    result = finished.args[0]
    assert result.backup_path is not None and result.backup_path.exists()
    summary = controller.summary_dialog
    assert summary is not None and summary.label_backup.isVisible()
    assert summary.label_backup.text() == (
        f"Before the import, the database was backed up as {result.backup_path.name} "
        "(File ▸ Backups… lists and restores the backups)."
    )
    assert list_backups(app_context.database.url)[0].path == result.backup_path
