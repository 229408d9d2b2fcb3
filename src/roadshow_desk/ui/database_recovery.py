"""When the database cannot be opened at start-up: say why, and offer a way back.

:func:`open_checked` checks a location before opening it (``store.locations``): a file that
is not a database, a database of a newer version, or a configured file that has gone (moved,
renamed, a typo) is never opened, so nothing is created or changed by accident.

:class:`DatabaseRecovery` then asks, in one window-modal message box, what to open instead:
another file, the last database that opened, a new empty database where the missing one was
(only when the user asks), or the demo fair. Quit is one choice among them, never the only
one. The choice is checked the same way, and asked again with its own reason when it cannot
be used either.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QPushButton, QWidget

from roadshow_desk.i18n import fmt
from roadshow_desk.store.locations import LocationCheck, check_location
from roadshow_desk.ui.settings import Settings
from roadshow_desk.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from roadshow_desk.domain.progress import Progress
    from roadshow_desk.store.db import Database

LAST_GOOD_KEY = "database/last_good"
DEMO_FILE = "demo.sqlite3"


def open_checked(location: str, *, must_exist: bool) -> tuple[Database | None, LocationCheck, str]:
    """Open ``location`` when its check allows; else ``None`` and the reason (one sentence).

    With ``must_exist`` (a database chosen in Settings), a missing file is a reason, not a new
    database; otherwise (the default file, ``--db``) it is created as before.
    """
    from roadshow_desk.store.db import DatabaseError, open_database
    from roadshow_desk.store.server_login import with_saved_password

    check = check_location(location)
    if check.state == "problem" or (check.missing and must_exist):
        return None, check, check.problem
    try:
        return open_database(with_saved_password(check.url)), check, ""
    except DatabaseError as exc:
        return None, check, str(exc)


def demo_database_path() -> Path:
    """The demo fair's own file, beside the default database."""
    from roadshow_desk.store.db import default_database_path

    return default_database_path().with_name(DEMO_FILE)


def prepare_demo(path: Path, progress: Progress) -> Database:
    """Open the demo database at ``path``, filling it with the demo fair the first time."""
    from roadshow_desk.store.db import open_database
    from roadshow_desk.store.demo import fill_demo, has_no_patents

    database = open_database(str(path))
    try:
        if has_no_patents(database):
            fill_demo(database, progress=progress)
    except BaseException:
        database.dispose()
        raise
    return database


class DatabaseRecovery(QObject):
    """Asks what to open when the database cannot be; emits what was opened, or gives up."""

    opened = Signal(object)
    """A database was opened instead (the :class:`~roadshow_desk.store.db.Database`)."""
    gave_up = Signal()
    """The user chose to quit."""

    def __init__(
        self, window: QWidget, settings: Settings, failed: LocationCheck, reason: str
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.failed = failed
        self.box: QMessageBox | None = None
        self.task: Task | None = None
        self._buttons: dict[QAbstractButton, str] = {}
        self.reason = reason

    # ------------------------------------------------------------------ asking

    def ask(self, reason: str | None = None) -> QMessageBox:
        """Show the reason and the ways back (window-modal; the answer comes by signal)."""
        if reason is not None:
            self.reason = reason
        box = QMessageBox(self.window)
        box.setObjectName("database_recovery")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cannot open the database"))
        box.setText(self.reason)
        box.setInformativeText(self.tr("What should Roadshow Desk open instead?"))
        self._buttons = {}
        choose = self._add(box, self.tr("Choose another file…"), "choose")
        if self.failed.missing and self.failed.path is not None:
            self._add(box, self.tr("Create a new, empty database there"), "create")
        last = self.last_good()
        if last is not None:
            name = last.path.name if last.path is not None else last.url
            text = fmt(self.tr("Open the last one that worked (%1)"), name)
            self._add(box, text, "last")
        self._add(box, self.tr("Open the demo fair"), "demo")
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self._buttons[quit_button] = "quit"
        box.setDefaultButton(choose)
        box.setEscapeButton(quit_button)
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()
        return box

    def _add(self, box: QMessageBox, text: str, choice: str) -> QPushButton:
        button = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
        self._buttons[button] = choice
        return button

    def last_good(self) -> LocationCheck | None:
        """The last database that opened, when it is another one and still usable."""
        url = str(self.settings.value(LAST_GOOD_KEY)).strip()
        if not url or url == self.failed.url:
            return None
        check = check_location(url)
        return check if check.usable else None

    def _answered(self, button: QAbstractButton) -> None:
        choice = self._buttons.get(button, "quit")
        self.box = None
        if choice == "choose":
            self.choose_file()
        elif choice == "create":
            self.create_missing()
        elif choice == "last":
            last = self.last_good()
            if last is None:
                self.ask()
            else:
                self.open_location(last.url)
        elif choice == "demo":
            self.open_demo()
        else:
            self.gave_up.emit()

    # ------------------------------------------------------------------ the ways back

    def choose_file(self) -> None:
        failed = self.failed.path
        folder = failed.parent if failed is not None else demo_database_path().parent
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open a database"),
            str(folder),
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if not path:
            self.ask()
            return
        self.open_location(path)

    def create_missing(self) -> None:
        from roadshow_desk.store.db import DatabaseError
        from roadshow_desk.store.locations import create_database

        try:
            database = create_database(self.failed.location)
        except DatabaseError as exc:
            self.ask(str(exc))
            return
        self._opened(database, self.failed.location)

    def open_location(self, location: str) -> None:
        """Open an existing database chosen instead (remembered for the next start)."""
        database, check, reason = open_checked(location, must_exist=True)
        if database is None:
            self.ask(reason)
            return
        self._opened(database, str(check.path) if check.path is not None else check.url)

    def open_demo(self) -> None:
        path = demo_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        check = check_location(str(path))
        if check.state == "problem":
            self.ask(check.problem)
            return
        self.task = run_task(
            self.window,
            self.tr("Preparing the demo fair"),
            lambda progress: prepare_demo(path, progress),
        )
        self.task.succeeded.connect(self._demo_ready)
        self.task.failed.connect(lambda error: self.ask(str(error)))
        self.task.cancelled.connect(lambda: self.ask())

    def _demo_ready(self, database: Database) -> None:
        self.task = None
        self.opened.emit(database)  # the demo is for this session; Settings stay as they were

    def _opened(self, database: Database, location: str) -> None:
        """Remember the database the user chose instead (the next start opens it)."""
        self.settings.database_location = location
        self.settings.sync()
        self.opened.emit(database)
