"""The Settings dialog: language, station name, database location, Chinese font."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.app import current_app_font
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.workflow import AppContext

if TYPE_CHECKING:
    from roadshow_desk.domain.progress import Progress
    from roadshow_desk.store.db import Database
    from roadshow_desk.ui.main_window import MainWindow

LANGUAGES = (("", None), ("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    """Edits the user's preferences; language, database and font apply after a restart."""

    # Widgets of forms/settings_dialog.ui
    combo_language: QComboBox
    edit_station: QLineEdit
    edit_database: QLineEdit
    button_database_browse: QPushButton
    edit_font: QLineEdit
    button_font_browse: QPushButton
    label_font_status: QLabel
    label_restart_note: QLabel
    button_box: QDialogButtonBox

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("settings_dialog.ui", self)
        self.context = context
        settings = context.settings
        for code, native in LANGUAGES:
            self.combo_language.addItem(native or self.tr("Follow the system"), code)
        self.combo_language.setCurrentIndex(max(0, self.combo_language.findData(settings.language)))
        self.edit_station.setText(settings.station_name)
        self.edit_database.setText(settings.database_location)
        self.edit_database.setPlaceholderText(self._default_database())
        self.edit_font.setText(settings.cjk_font_file)
        self.edit_font.setPlaceholderText(self.tr("Find a font on this computer"))
        self.button_database_browse.clicked.connect(self.choose_database)
        self.button_font_browse.clicked.connect(self.choose_font)
        self.edit_font.textChanged.connect(self.check_font)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.check_font()

    @staticmethod
    def _default_database() -> str:
        from roadshow_desk.store.db import default_database_path

        return str(default_database_path())

    def choose_database(self) -> None:
        start = self.edit_database.text().strip() or self._default_database()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            start,
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.edit_database.setText(path)

    def choose_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chinese font file"),
            self.edit_font.text().strip(),
            self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"),
        )
        if path:
            self.edit_font.setText(path)

    def font_problem(self) -> str:
        """Why the chosen font file cannot be used ("" when it can, or when none is chosen)."""
        from roadshow_desk.documents.fonts import FontNotFound, require_cjk_font

        chosen = self.edit_font.text().strip()
        if not chosen:
            return ""
        try:
            require_cjk_font(chosen)
        except FontNotFound as exc:
            return str(exc)
        return ""

    def check_font(self) -> None:
        """Show which font is in use and whether the chosen file is usable."""
        from roadshow_desk.documents.fonts import require_cjk_font

        font = current_app_font()
        if font is not None and font.family:
            in_use = fmt(self.tr("In use: %1 (%2)"), font.family, str(font.path))
        elif font is not None:
            in_use = font.warning
        else:
            in_use = ""
        problem = self.font_problem()
        if problem:
            text, colour = problem, "#b00020"
        elif self.edit_font.text().strip():
            chosen = require_cjk_font(self.edit_font.text().strip())
            text = fmt(self.tr("%1 can be used."), chosen.family_name)
            text, colour = f"{text} {in_use}".strip(), "#1b5e20"
        else:
            text, colour = in_use, ""
        self.label_font_status.setText(text)
        self.label_font_status.setStyleSheet(f"color: {colour};" if colour else "")

    def database_ok(self, location: str) -> bool | None:
        """Whether ``location`` can be the database: an existing Roadshow Desk database, a
        server URL, or a new file the user agrees to create now (a typo creates nothing)."""
        from roadshow_desk.store.db import DatabaseError
        from roadshow_desk.store.locations import check_location, create_database

        check = check_location(location)
        if check.missing:
            question = self.tr("“%1” does not exist. Create a new, empty database there?")
            answer = QMessageBox.question(
                self, self.tr("New database"), fmt(question, str(check.path))
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                create_database(location).dispose()
            except DatabaseError as exc:
                QMessageBox.warning(self, self.tr("Database"), str(exc))
                return False
            return self.offer_move(location)  # e.g. back from the server to a file
        if not check.usable:
            QMessageBox.warning(self, self.tr("Database"), check.problem)
            return False
        if check.path is None:  # a server: connect before anything is changed
            return self.server_ok(location)
        return True

    def server_ok(self, location: str) -> bool | None:
        """Whether the server at ``location`` answers with a database this desk can use; the
        reason in one sentence when it does not (the settings are left as they were)."""
        from roadshow_desk.store.server_login import connection_problem

        with busy():
            problem = connection_problem(location)
        if problem:
            QMessageBox.warning(self, self.tr("Database"), problem)
            return False
        return self.offer_move(location)

    def offer_move(self, location: str) -> bool | None:
        """When the chosen database (a server's, or a new file: the way back) is empty and
        the one in use is not, offer to copy the data there in one step
        (:func:`~roadshow_desk.store.transfer.copy_database`, on a worker thread with a
        progress dialog). ``True``: go on (nothing to copy, or the user declined: the choice
        stands); ``False``: it cannot be used (settings unchanged); ``None``: the copy is
        running and accepts the dialog when it succeeds (a failure or Cancel is one sentence
        and changes nothing)."""
        from roadshow_desk.store.db import DatabaseError, open_database
        from roadshow_desk.store.locations import check_location
        from roadshow_desk.store.transfer import holds_records

        local = self.context.database
        with local.engine.connect() as connection:
            if not holds_records(connection):
                return True
        try:
            with busy():
                server = open_database(location)
                with server.engine.connect() as connection:
                    empty = not holds_records(connection)
        except DatabaseError as exc:
            QMessageBox.warning(self, self.tr("Database"), str(exc))
            return False
        if not empty:
            server.dispose()
            return True
        if check_location(location).path is None:
            title = self.tr("Move to the server")
            question = self.tr(
                "The server's database is empty. Move this desk's data (every event, "
                "patent and intention) to it now?"
            )
        else:
            title = self.tr("Copy to the new file")
            question = self.tr(
                "The new database file is empty. Copy the data in use now (every event, "
                "patent and intention) into it?"
            )
        answer = QMessageBox.question(self, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            server.dispose()
            return True
        self.start_move(location, server)
        return None

    def start_move(self, location: str, server: Database) -> None:
        """Copy this desk's database into ``server`` off the GUI thread; save and close the
        dialog when it is done."""
        from roadshow_desk.store.transfer import copy_database
        from roadshow_desk.ui.tasks import run_task

        def work(progress: Progress) -> object:
            return copy_database(self.context.database, server, progress)

        def failed(error: object) -> None:
            from roadshow_desk.errors import InputError
            from roadshow_desk.store.db import DatabaseError

            if isinstance(error, InputError | DatabaseError):
                text = str(error)
            else:  # the server went away mid-copy: its transaction rolled back
                text = self.tr("The copy failed and was undone; nothing was changed.")
            QMessageBox.warning(self, self.tr("Database"), text)

        self.move_task = run_task(self, self.tr("Copying the data to the new database"), work)
        self.move_task.finished.connect(server.dispose)
        self.move_task.failed.connect(failed)
        self.move_task.succeeded.connect(lambda _result: self.save(location))

    def accept(self) -> None:
        problem = self.font_problem()
        if problem:
            QMessageBox.warning(self, self.tr("Chinese font"), problem)
            self.edit_font.setFocus()
            return
        station = self.edit_station.text().strip()
        if not station:
            QMessageBox.warning(
                self, self.tr("Station name"), self.tr("The station name cannot be empty.")
            )
            self.edit_station.setFocus()
            return
        settings = self.context.settings
        location = self.edit_database.text().strip()
        if location and location != settings.database_location:
            usable = self.database_ok(location)
            if usable is None:  # the data is being moved: save() follows when it is done
                return
            if not usable:
                self.edit_database.setFocus()
                return
        self.save(location)

    def save(self, location: str) -> None:
        """Keep every field (the server's password apart, see server_login) and close."""
        from roadshow_desk.store.server_login import remember_password

        settings = self.context.settings
        station = self.edit_station.text().strip()
        settings.language = str(self.combo_language.currentData() or "")
        settings.station_name = station
        settings.database_location = remember_password(location)  # never in clear there
        settings.cjk_font_file = self.edit_font.text()
        settings.sync()
        self.context.station = settings.station_name
        super().accept()


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the GUI waits for the server (a few seconds at most)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def shot_view(window: MainWindow, size: QSize) -> QWidget:
    """``shot --view settings``: the dialog as the user sees it."""
    from roadshow_desk.ui.shot import shot_dialog

    return shot_dialog(SettingsDialog(window.context, window))
