"""The import workflow in the main window: File ▸ Import patents… (Ctrl+I), a toolbar button,
files dropped on the window, File ▸ Recent imports, and File ▸ Review import conflicts….

The steps, each off the GUI thread where it may take long:

1. read the file (worker, progress dialog with Cancel);
2. the mapping dialog (window-modal, non-blocking): detected mapping, first rows, every
   problem (checked by a dry run on a worker);
3. the import (worker, progress dialog; Cancel rolls everything back), the rejects report
   written beside the file (or in the data folder when that is read-only);
4. the summary dialog, with a link to the rejects report and, when there are conflicts, the
   conflict review dialog.

Everything that touches the database is a plain function of ``roadshow_desk.exchange``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from roadshow_desk.exchange.columns import ColumnMapping
from roadshow_desk.exchange.enterprise_import import import_enterprises
from roadshow_desk.exchange.import_core import ImportResult
from roadshow_desk.exchange.patent_import import import_patents, read_patent_table
from roadshow_desk.exchange.rejects import default_rejects_path
from roadshow_desk.exchange.tables import Table
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.importing.conflict_dialog import ConflictReviewDialog
from roadshow_desk.ui.importing.mapping_dialog import ImportMappingDialog
from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import DataKind

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow

#: Files the window accepts for import (by name; the content decides the format).
IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


def importable(path: Path) -> bool:
    return path.suffix.lower() in IMPORT_SUFFIXES and path.is_file()


class ImportController(QObject):
    """Adds the import entry points to a main window and runs the workflow."""

    import_finished = Signal(object)
    """An import wrote (or, with nothing to change, checked) a file (its ImportResult)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.task: Task | None = None
        self.mapping_dialog: ImportMappingDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.conflict_dialog: ConflictReviewDialog | None = None
        self._queue: list[Path] = []
        self.import_finished.connect(self.context.import_finished)  # for the other workflows

    # ------------------------------------------------------------------ installing

    def install(self) -> None:
        """Add the action, toolbar button, recent-files menu and drop handler."""
        window = self.window
        self.import_action = QAction(QIcon("icons:import.svg"), self.tr("&Import patents…"), self)
        self.import_action.setObjectName("action_import_patents")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            self.tr("Import a patent list (.xlsx, .xls, .csv); a re-import updates it")
        )
        self.import_action.triggered.connect(self.choose_file)
        self.recent_menu = QMenu(self.tr("&Recent imports"), window)
        self.recent_menu.setObjectName("menu_recent_imports")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.conflicts_action = QAction(self.tr("Review import &conflicts…"), self)
        self.conflicts_action.setObjectName("action_review_conflicts")
        self.conflicts_action.triggered.connect(self.review_conflicts)
        self.enterprises_action = QAction(self.tr("Import &enterprises…"), self)
        self.enterprises_action.setObjectName("action_import_enterprises")
        self.enterprises_action.setToolTip(
            self.tr("Import an enterprise registration list; a re-import updates it")
        )
        self.enterprises_action.triggered.connect(self.choose_enterprise_file)
        window.add_file_action(self.import_action)
        window.add_file_action(self.enterprises_action)
        window.add_file_action(self.recent_menu.menuAction())
        window.add_file_action(self.conflicts_action)
        window.toolbar.insertAction(window.toolbar.actions()[0], self.import_action)
        window.add_drop_handler(self.handle_drop)
        self.fill_recent_menu()

    # ------------------------------------------------------------------ entry points

    def choose_file(self) -> None:
        path = self._pick_file(
            self.tr("Import patents"),
            self.tr("Patent lists (*.xlsx *.xls *.csv *.txt);;All files (*)"),
        )
        if path is not None:
            self.start(path)

    def choose_enterprise_file(self) -> None:
        path = self._pick_file(
            self.tr("Import enterprises"),
            self.tr("Registration lists (*.xlsx *.xls *.csv *.txt);;All files (*)"),
        )
        if path is None:
            return
        target = self.ask_sign_up_event(path)
        if target is not False:
            self.import_enterprise_file(path, event_id=target)

    def ask_sign_up_event(self, path: Path) -> int | bool | None:
        """The event a sign-up list signs its firms up for (None: registry only); False when
        the user cancelled. Without any event the list goes into the registry, unasked."""
        from roadshow_desk.domain.events import list_events
        from roadshow_desk.ui.importing.signup_dialog import SignUpTargetDialog

        with self.context.database.session() as session:
            events = [(event.id, event.name) for event in list_events(session)]
        if not events:
            return None
        current = self.context.current_event_id or events[0][0]
        dialog = SignUpTargetDialog(path.name, events, current, self.window)
        try:
            if dialog.exec() != SignUpTargetDialog.DialogCode.Accepted:
                return False
            return dialog.chosen_event_id()
        finally:
            dialog.deleteLater()

    def _pick_file(self, title: str, filters: str) -> Path | None:
        recent = self.context.settings.recent_files
        folder = str(Path(recent[0]).parent) if recent else ""
        path, _filter = QFileDialog.getOpenFileName(self.window, title, folder, filters)
        return Path(path) if path else None

    def handle_drop(self, paths: list[Path]) -> bool:
        """Import dropped patent lists (one after the other); other files are not ours."""
        files = [path for path in paths if importable(path)]
        if not files:
            return False
        self._queue.extend(files[1:])
        self.start(files[0])
        return True

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.context.settings.recent_files
        for number, name in enumerate(files, start=1):
            path = Path(name)
            action = menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setEnabled(path.is_file())
            action.triggered.connect(lambda _checked=False, p=path: self.start(p))
        if files:
            menu.addSeparator()
            clear = menu.addAction(self.tr("&Clear the list"))
            clear.triggered.connect(self.clear_recent)
        else:
            empty = menu.addAction(self.tr("No recent imports"))
            empty.setEnabled(False)
        menu.menuAction().setEnabled(True)

    def clear_recent(self) -> None:
        self.context.settings.set_value("files/recent", [])
        self.fill_recent_menu()

    # ------------------------------------------------------------------ the workflow

    def start(self, path: Path) -> Task | None:
        """Read ``path`` on a worker, then show the mapping dialog."""
        if self.task is not None or self.mapping_dialog is not None:
            self._queue.append(path)
            return None
        self.task = run_task(
            self.window,
            fmt(self.tr("Reading %1"), path.name),
            lambda progress: read_patent_table(path, progress=progress),
        )
        # Recent imports lists the files that could be read; a refused one stays out.
        self.task.succeeded.connect(lambda _table: self.context.settings.add_recent_file(str(path)))
        self.task.succeeded.connect(self.show_mapping)
        self.task.failed.connect(lambda error: self._failed(path, error))
        self.task.cancelled.connect(self._next)
        return self.task

    def show_mapping(self, table: Table) -> ImportMappingDialog:
        self.task = None
        dialog = ImportMappingDialog(self.context.database, table, self.window)
        dialog.accepted.connect(lambda: self.run_import(table, dialog.mapping()))
        dialog.rejected.connect(self._next)
        dialog.finished.connect(self._forget_mapping_dialog)
        self.mapping_dialog = dialog
        dialog.open()
        return dialog

    def _forget_mapping_dialog(self) -> None:
        if self.mapping_dialog is not None:
            self.mapping_dialog.deleteLater()
        self.mapping_dialog = None

    def run_import(self, table: Table, mapping: ColumnMapping) -> Task:
        """Import ``table`` with ``mapping`` on a worker (progress dialog with Cancel)."""
        return self._run(import_patents, table.path, DataKind.PATENT, table=table, mapping=mapping)

    def import_enterprise_file(self, path: Path, event_id: int | None = None) -> Task | None:
        """Import a registration list on a worker, the columns detected (as the CLI does),
        signing its firms up for ``event_id`` when given."""
        if self.task is not None or self.mapping_dialog is not None:
            return None  # one import at a time; the user can start it again afterwards
        return self._run(import_enterprises, path, DataKind.ENTERPRISE, event_id=event_id)

    def _run(self, importer: Any, path: Path, kind: DataKind, **options: Any) -> Task:
        """Run ``importer`` on ``path`` on a worker; the summary tells ``kind`` changed."""
        database = self.context.database
        station = self.context.station
        rejects = default_rejects_path(path)

        def work(progress: Any) -> ImportResult:
            result: ImportResult = importer(
                database, path, rejects_path=rejects, station=station, progress=progress, **options
            )
            return result

        self.task = run_task(self.window, fmt(self.tr("Importing %1"), path.name), work)
        self.task.succeeded.connect(lambda result: self.show_summary(result, kind))
        self.task.failed.connect(lambda error: self._failed(path, error))
        self.task.cancelled.connect(self._cancelled)
        return self.task

    def show_summary(
        self, result: ImportResult, kind: DataKind = DataKind.PATENT
    ) -> ImportSummaryDialog:
        self.task = None
        if result.batch_id is not None:
            self.context.data_changed.emit(kind)
        message = fmt(
            self.tr("Imported %1: %2 new, %3 updated."),
            result.file.name,
            str(result.inserted),
            str(result.updated),
        )
        if getattr(result, "event_id", None) is not None:  # a sign-up list
            message += " " + fmt(
                self.tr("%1 firms newly signed up for “%2”."),
                str(result.signed_up),  # type: ignore[attr-defined]
                result.event_name,  # type: ignore[attr-defined]
            )
        self.context.status_message.emit(message)
        self.import_finished.emit(result)
        dialog = ImportSummaryDialog(result, self.window, kind=kind)
        dialog.review_requested.connect(self.review_conflicts)
        dialog.finished.connect(self._next)
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    def review_conflicts(self) -> ConflictReviewDialog:
        # Each resolution is an undoable command that tells the pages what changed.
        dialog = ConflictReviewDialog(self.context, self.window)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _cancelled(self) -> None:
        self.task = None
        QMessageBox.information(
            self._parent_widget(),
            self.tr("Import cancelled"),
            self.tr("The import was cancelled; the library is as it was."),
        )
        self._next()

    def _failed(self, path: Path, error: BaseException) -> None:
        self.task = None
        recent = self.context.settings.recent_files
        if str(path) in recent:  # a file that is refused is no recent import
            self.context.settings.set_value("files/recent", [f for f in recent if f != str(path)])
        QMessageBox.warning(
            self._parent_widget(),
            fmt(self.tr("%1 was not imported"), path.name),
            str(error),
        )
        self._next()

    def _next(self) -> None:
        if self._queue and self.task is None and self.mapping_dialog is None:
            self.start(self._queue.pop(0))

    def _parent_widget(self) -> QWidget:
        return self.window


def install(window: MainWindow) -> ImportController:
    """Install the import workflow on ``window`` (listed in ``WINDOW_CONTROLLERS``)."""
    controller = ImportController(window)
    controller.install()
    window.import_controller = controller
    return controller
