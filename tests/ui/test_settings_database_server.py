"""Settings ▸ Database with a server URL, as a desk fills it in: the connection is tested
first (one sentence on failure, nothing changed), the password never reaches the settings
file in clear, start-up finds it again, and the status bar names the database in use."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy.engine import make_url

from pg_server import free_port
from roadshow_desk.store.server_login import password_file
from roadshow_desk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, app_context, english) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    return said


def counts(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from roadshow_desk.domain.models import Base

    with database.engine.connect() as connection:
        return {
            table.name: int(connection.execute(select(func.count()).select_from(table)).scalar())
            for table in Base.metadata.sorted_tables
        }


def type_database(qtbot, dialog: SettingsDialog, location: str) -> None:  # type: ignore[no-untyped-def]
    """Click into the database field, type the location, press Enter (the OK button)."""
    qtbot.mouseClick(dialog.edit_database, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit_database)
    qtbot.keyClicks(QApplication.focusWidget(), location)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def settings_text(app_context) -> str:  # type: ignore[no-untyped-def]
    app_context.settings.sync()
    path = Path(app_context.settings.file_name)
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.postgresql
def test_a_server_url_is_tested_and_kept_without_its_password(
    qtbot, dialog, app_context, warnings, pg_db_url, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.app import database_url
    from roadshow_desk.ui.database_recovery import open_checked

    url = make_url(pg_db_url).set(drivername="postgresql")  # as `server init` prints it
    typed = url.render_as_string(hide_password=False)
    password = str(url.password)
    type_database(qtbot, dialog, typed)
    assert warnings == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = app_context.settings.database_location
    assert make_url(saved).password is None
    assert make_url(saved).host == url.host and make_url(saved).database == url.database
    assert password not in settings_text(app_context)
    assert stat.S_IMODE(password_file().stat().st_mode) == 0o600
    # start-up (the same path as app.finish_start) puts the password back and opens it
    database, _check, reason = open_checked(
        database_url(None, app_context.settings), must_exist=True
    )
    assert reason == "" and database is not None
    try:
        assert database.engine.dialect.name == "postgresql"
    finally:
        database.dispose()


@pytest.mark.postgresql
def test_a_wrong_password_is_one_sentence_and_changes_nothing(
    qtbot, dialog, app_context, warnings, pg_db_url
) -> None:  # type: ignore[no-untyped-def]
    before = settings_text(app_context)
    url = make_url(pg_db_url).set(drivername="postgresql", password="not-the-password")
    type_database(qtbot, dialog, url.render_as_string(hide_password=False))
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert len(warnings) == 1
    assert "refused the user name or password; nothing was changed" in warnings[0]
    assert f"{url.host}:{url.port}/{url.database}" in warnings[0]
    assert "not-the-password" not in warnings[0]
    assert app_context.settings.database_location == ""
    assert settings_text(app_context) == before
    assert not password_file().exists() or "not-the-password" not in password_file().read_text()


def test_an_unreachable_server_is_one_sentence_and_changes_nothing(
    qtbot, dialog, app_context, warnings
) -> None:  # type: ignore[no-untyped-def]
    port = free_port()  # nothing listens there
    type_database(qtbot, dialog, f"postgresql://desk:secret@127.0.0.1:{port}/fair")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(warnings) == 1
    assert warnings[0] == (
        f"The server PostgreSQL · 127.0.0.1:{port}/fair cannot be reached (is it running, "
        "and is this desk on its network?); nothing was changed."
    )
    assert app_context.settings.database_location == ""
    assert "secret" not in settings_text(app_context)


def test_the_status_bar_names_the_local_file(qtbot, app_context, english) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    name = Path(str(app_context.database.path)).name
    assert window.database_label.text() == f"Database: SQLite · {name}"


@pytest.mark.postgresql
@pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)
def test_the_status_bar_names_the_server_never_the_password(qtbot, app_context, english) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow

    url = make_url(app_context.database.url)
    assert url.password
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    shown = window.database_label.text()
    assert shown == f"Database: PostgreSQL · 127.0.0.1:{url.port}/{url.database}"
    assert str(url.password) not in shown + window.database_label.toolTip()
    # nothing queued on a fresh server: the indexer ends at once, without a word
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not window.search_indexer.running)
    assert window.search_indexer.error is None
    assert window.search_indexer.label.text() == ""
    window.close()


@pytest.mark.postgresql
def test_switching_to_an_empty_server_moves_this_desks_data_in_one_step(
    qtbot, qapp, ui_settings, english, warnings, monkeypatch, demo_db_file, pg_db_url, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import copy_database_file, open_database
    from roadshow_desk.store.transfer import holds_records
    from roadshow_desk.ui.workflow import AppContext

    copy_database_file(demo_db_file, tmp_path / "local.sqlite3")
    local = open_database(str(tmp_path / "local.sqlite3"))
    asked: list[str] = []

    def answer(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    context = AppContext(local, ui_settings, "desk-A")
    try:
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        type_database(qtbot, dialog, pg_db_url)
        assert warnings == []
        assert len(asked) == 1 and "The server's database is empty" in asked[0]
        assert ui_settings.database_location == ""  # kept only once the copy is done
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30000)
        assert warnings == []
        assert make_url(ui_settings.database_location).password is None
        server = open_database(pg_db_url)
        try:
            assert counts(server) == counts(local)
            with server.engine.connect() as connection:
                assert holds_records(connection)
        finally:
            server.dispose()
    finally:
        context.undo_stack.clear()
        local.dispose()


@pytest.mark.postgresql
def test_start_up_opens_the_server_chosen_in_settings_and_keeps_no_password(
    qtbot, monkeypatch, tmp_path, pg_db_url
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from roadshow_desk.store.server_login import remember_password
    from roadshow_desk.ui import app as app_module
    from roadshow_desk.ui.settings import Settings

    ini = tmp_path / "s.ini"
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(ini))
    monkeypatch.delenv("ROADSHOW_DESK_DB", raising=False)
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.database_location = remember_password(pg_db_url)  # what Settings ▸ Database keeps
    settings.sync()
    password = str(make_url(pg_db_url).password)
    window = app_module.start(None, "en")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    try:
        assert window.context.database.engine.dialect.name == "postgresql"
        url = make_url(pg_db_url)
        assert window.database_label.text() == (
            f"Database: PostgreSQL · 127.0.0.1:{url.port}/{url.database}"
        )
        window.settings.sync()
        assert password not in ini.read_text(encoding="utf-8")
        assert str(url.database) in ini.read_text(encoding="utf-8")  # last_good, no password
    finally:
        window.close()
        window.context.database.dispose()


@pytest.mark.postgresql
def test_a_server_given_with_db_is_remembered_without_its_password_and_opens_again(
    qtbot, monkeypatch, tmp_path, pg_db_url
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from roadshow_desk.store.server_login import password_file
    from roadshow_desk.ui import app as app_module
    from roadshow_desk.ui.database_recovery import LAST_GOOD_KEY, open_checked
    from roadshow_desk.ui.settings import Settings

    ini = tmp_path / "s.ini"
    monkeypatch.setenv("ROADSHOW_DESK_SETTINGS", str(ini))
    monkeypatch.delenv("ROADSHOW_DESK_DB", raising=False)
    password = str(make_url(pg_db_url).password)
    window = app_module.start(pg_db_url, "en")  # roadshow-desk --db postgresql://user:pw@…
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    try:
        window.settings.sync()
        assert password not in ini.read_text(encoding="utf-8")
        last_good = str(
            Settings(QSettings(str(ini), QSettings.Format.IniFormat)).value(LAST_GOOD_KEY)
        )
        assert make_url(last_good).password is None
        assert password in password_file().read_text(encoding="utf-8")
        # Next start's "open the last one that worked" logs in with the kept password.
        database, _check, reason = open_checked(last_good, must_exist=True)
        assert reason == ""
        assert database is not None
        database.dispose()
    finally:
        window.close()
        window.context.database.dispose()


@pytest.mark.postgresql
def test_back_from_the_server_to_a_new_file_copies_the_data_in_one_step(
    qtbot, ui_settings, english, warnings, monkeypatch, pg_demo_url, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.store.db import open_database
    from roadshow_desk.ui.workflow import AppContext

    server = open_database(pg_demo_url)
    asked: list[str] = []

    def answer(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    context = AppContext(server, ui_settings, "desk-A")
    target = tmp_path / "after-the-fair.sqlite3"
    try:
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        type_database(qtbot, dialog, str(target))
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30000)
        assert warnings == []
        assert len(asked) == 2 and "The new database file is empty" in asked[1]
        assert ui_settings.database_location == str(target)
        local = open_database(str(target))
        try:
            assert counts(local) == counts(server)
            assert counts(local)["intention"] > 0
        finally:
            local.dispose()
    finally:
        context.undo_stack.clear()
        server.dispose()
