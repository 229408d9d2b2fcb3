"""Station bundles in the main window.

* File ▸ Export station bundle… writes this station's bundle (worker, progress, Cancel);
* File ▸ Merge station bundles… (several files; ``.rsdb`` files dropped on the window too)
  runs a dry run on a worker, shows :class:`MergePreviewDialog`, and merges only when the
  user says so (worker, progress, Cancel leaves the database as it was); an encrypted bundle
  asks for the event's passphrase;
* File ▸ Stations and bundles… lists the stations and the receipts of merged bundles;
* File ▸ Bundle passphrase… sets the passphrase that encrypts this event's bundles;
* File ▸ Station region… sets the region this station's bundles carry (``--region``);
* the status bar shows how many of this station's records have not been exported, and
  closing the window with unexported work asks first (on a laptop that has exported or
  merged a bundle), and so does starting a new event (:meth:`BundleController.confirm_new_event`,
  one of ``AppContext.new_event_checks``).

Everything that touches the database is a plain function of ``roadshow_desk.exchange``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from roadshow_desk.domain.models import utcnow
from roadshow_desk.exchange.bundle_export import (
    ExportResult,
    event_passphrase,
    export_bundle,
    set_event_passphrase,
    unexported_count,
)
from roadshow_desk.exchange.bundle_format import SUFFIX, PassphraseNeeded, WrongPassphrase
from roadshow_desk.exchange.bundle_merge import MergeResult, merge_bundles
from roadshow_desk.exchange.bundle_receipts import takes_part_in_bundles
from roadshow_desk.exchange.bundle_regions import region_choices, set_station_region, station_region
from roadshow_desk.i18n import fmt
from roadshow_desk.store.postgres import DatabaseUnreachable, unreachable
from roadshow_desk.ui.bundles.preview import MergePreviewDialog
from roadshow_desk.ui.bundles.stations import StationsDialog
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import DataKind

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow

#: What a merge may change (the tables of ``domain.bundle_schema``), as the pages listen for.
MERGED_KINDS = (
    DataKind.ENTERPRISE,
    DataKind.INTENTION,
    DataKind.CHECKIN,
    DataKind.SHORTLIST,
    DataKind.AGENDA,
)


class BundleController(QObject):
    """Adds the bundle entry points, the sync status and the close guard to a window."""

    exported = Signal(object)
    """A bundle was written (its ExportResult)."""
    merged = Signal(object)
    """Bundles were merged (the MergeResult)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.task: Task | None = None
        self.preview_dialog: MergePreviewDialog | None = None
        self.stations_dialog: StationsDialog | None = None

    # ------------------------------------------------------------------ installing

    def install(self) -> None:
        from PySide6.QtGui import QAction

        window = self.window
        self.export_action = QAction(self.tr("Export station b&undle…"), self)
        self.export_action.setObjectName("action_export_bundle")
        self.export_action.setToolTip(
            self.tr("Write this station's records of the event to a file for another laptop")
        )
        self.export_action.triggered.connect(lambda: self.export())
        self.merge_action = QAction(self.tr("&Merge station bundles…"), self)
        self.merge_action.setObjectName("action_merge_bundles")
        self.merge_action.triggered.connect(self.choose_bundles)
        self.stations_action = QAction(self.tr("S&tations and bundles…"), self)
        self.stations_action.setObjectName("action_stations")
        self.stations_action.triggered.connect(self.show_stations)
        self.passphrase_action = QAction(self.tr("Bundle &passphrase…"), self)
        self.passphrase_action.setObjectName("action_bundle_passphrase")
        self.passphrase_action.triggered.connect(self.set_passphrase)
        self.region_action = QAction(self.tr("Station re&gion…"), self)
        self.region_action.setObjectName("action_station_region")
        self.region_action.setToolTip(
            self.tr("The region this station records for in a cross-regional event")
        )
        self.region_action.triggered.connect(self.set_region)
        for action in (
            self.export_action,
            self.merge_action,
            self.stations_action,
            self.passphrase_action,
            self.region_action,
        ):
            window.add_file_action(action)
        window.add_drop_handler(self.handle_drop)
        self.status_label = QLabel()
        self.status_label.setObjectName("label_unexported")
        window.statusBar().addPermanentWidget(self.status_label)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(400)
        self._refresh_timer.timeout.connect(self.refresh_status)
        self.context.data_changed.connect(lambda _kind: self._refresh_timer.start())
        self.context.undo_stack.indexChanged.connect(lambda _index: self._refresh_timer.start())
        self._periodic = QTimer(self)
        self._periodic.setInterval(15000)  # captures saved outside the undo stack
        self._periodic.timeout.connect(self.refresh_status)
        self._periodic.start()
        window.installEventFilter(self)
        self.refresh_status()

    # ------------------------------------------------------------------ sync status

    def unexported(self) -> int:
        return unexported_count(self.context.database, self.context.station)

    def refresh_status(self) -> int | None:
        """Show how many records this station has not exported (None: the database cannot
        be reached just now, e.g. a server restarting; the next refresh tries again)."""
        try:
            with unreachable(""):
                count = self.unexported()
        except DatabaseUnreachable:
            self.status_label.setText(self.tr("Not exported: unknown (no database connection)"))
            return None
        if count:
            self.status_label.setText(self.tr("Not exported: %n record(s)", "", count))
        else:
            self.status_label.setText(self.tr("All records exported"))
        return count

    def confirm_close(self) -> bool:
        """Ask before closing with unexported work (True: go on closing), on a laptop that
        exchanges bundles (it has exported or merged one; a lone laptop is not asked)."""
        return self._confirm_unexported(self.tr("&Close anyway"))

    def confirm_new_event(self) -> bool:
        """The same question before starting a new event (True: go on)."""
        return self._confirm_unexported(self.tr("&Start a new event anyway"))

    def _confirm_unexported(self, go_on: str) -> bool:
        count = self.unexported()
        if not count or not takes_part_in_bundles(self.context.database, self.context.station):
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unexported records"))
        box.setText(
            self.tr(
                "%n record(s) of this station have not been exported to a bundle yet.", "", count
            )
        )
        export = box.addButton(self.tr("&Export bundle…"), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(go_on, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is export:
            self.export()
            return False
        return clicked is close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and not self.confirm_close():
            event.ignore()
            return True
        return False

    # ------------------------------------------------------------------ export

    def default_bundle_name(self) -> str:
        stamp = utcnow().strftime("%Y%m%d-%H%M")
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in self.context.station)
        return f"{safe}-{stamp}{SUFFIX}"

    def export(self, path: Path | None = None) -> Task | None:
        if path is None:
            recent = self.context.settings.recent_files
            folder = Path(recent[0]).parent if recent else Path.home()
            chosen, _filter = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export station bundle"),
                str(folder / self.default_bundle_name()),
                self.tr("Station bundles (*.rsdb)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        database, station = self.context.database, self.context.station
        event_id = self.context.current_event_id

        def work(progress: Any) -> ExportResult:
            return export_bundle(
                database,
                path,
                station=station,
                event_id=event_id,
                passphrase=event_passphrase(database, event_id),
                progress=progress,
            )

        self.task = run_task(self.window, self.tr("Exporting the station bundle"), work)
        self.task.succeeded.connect(self._exported)
        self.task.failed.connect(self._failed)
        return self.task

    def _exported(self, result: ExportResult) -> None:
        self.refresh_status()
        self.context.status_message.emit(
            fmt(self.tr("%1 records written to %2."), str(result.records), result.path.name)
        )
        self.exported.emit(result)

    # ------------------------------------------------------------------ merge

    def choose_bundles(self) -> Task | None:
        files, _filter = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Merge station bundles"),
            "",
            self.tr("Station bundles (*.rsdb);;All files (*)"),
        )
        if not files:
            return None
        return self.preview([Path(name) for name in files])

    def handle_drop(self, paths: list[Path]) -> bool:
        bundles = [path for path in paths if path.suffix.lower() == SUFFIX]
        if not bundles:
            return False
        self.preview(bundles)
        return True

    def preview(self, paths: list[Path], passphrase: str | None = None) -> Task:
        """Dry-run the merge on a worker, then show the preview."""
        database, station = self.context.database, self.context.station

        def work(progress: Any) -> MergeResult:
            return merge_bundles(
                database,
                paths,
                dry_run=True,
                passphrase=passphrase,
                station=station,
                progress=progress,
            )

        self.task = run_task(self.window, self.tr("Reading the bundles"), work)
        self.task.succeeded.connect(lambda result: self.show_preview(result, paths, passphrase))
        self.task.failed.connect(lambda error: self._preview_failed(error, paths))
        return self.task

    def _preview_failed(self, error: BaseException, paths: list[Path]) -> None:
        if isinstance(error, (PassphraseNeeded, WrongPassphrase)):
            text, ok = QInputDialog.getText(
                self.window,
                self.tr("Bundle passphrase"),
                str(error) + "\n" + self.tr("The event's bundle passphrase:"),
                QLineEdit.EchoMode.Password,
            )
            if ok and text:
                self.preview(paths, text)
            return
        self._failed(error)

    def show_preview(
        self, result: MergeResult, paths: list[Path], passphrase: str | None
    ) -> MergePreviewDialog:
        dialog = MergePreviewDialog(result, self.window)
        dialog.accepted.connect(lambda: self.merge(paths, passphrase))
        dialog.finished.connect(dialog.deleteLater)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def merge(self, paths: list[Path], passphrase: str | None = None) -> Task:
        database, station = self.context.database, self.context.station

        def work(progress: Any) -> MergeResult:
            return merge_bundles(
                database, paths, passphrase=passphrase, station=station, progress=progress
            )

        self.task = run_task(self.window, self.tr("Merging station bundles"), work)
        self.task.succeeded.connect(self._merged)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(
            lambda: self.context.status_message.emit(
                self.tr("Merge cancelled; the database is as it was.")
            )
        )
        return self.task

    def _merged(self, result: MergeResult) -> None:
        totals = result.totals()
        new = sum(c.new for c in totals.values())
        updated = sum(c.updated for c in totals.values())
        conflicts = sum(c.conflicts for c in totals.values())
        duplicates = sum(c.possible_duplicates for c in totals.values())
        self.context.status_message.emit(
            fmt(
                self.tr(
                    "Merged: %1 new, %2 updated, %3 conflicts, %4 possible duplicates to review."
                ),
                str(new),
                str(updated),
                str(conflicts),
                str(duplicates),
            )
        )
        for kind in MERGED_KINDS:
            self.context.data_changed.emit(kind)
        self.refresh_status()
        if self.stations_dialog is not None:
            self.stations_dialog.reload()
        self.merged.emit(result)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Station bundles"), str(error))

    # ------------------------------------------------------------------ stations, passphrase

    def show_stations(self) -> StationsDialog:
        dialog = StationsDialog(self.context, self.window)
        dialog.finished.connect(self._forget_stations)
        self.stations_dialog = dialog
        dialog.open()
        return dialog

    def _forget_stations(self) -> None:
        self.stations_dialog = None

    def set_passphrase(self) -> None:
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Bundle passphrase"),
            self.tr(
                "Bundles of this event are encrypted with this passphrase (empty: plain "
                "bundles). Tell it to the other stations by another way than the stick."
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            set_event_passphrase(self.context.database, self.context.current_event_id, text)
        except Exception as exc:  # no event yet: one sentence
            self._failed(exc)
            return
        self.context.data_changed.emit(DataKind.BUNDLE_SETTINGS)  # the event form's passphrase line
        self.context.status_message.emit(
            self.tr("Bundles of this event will be encrypted.")
            if text
            else self.tr("Bundles of this event will be plain.")
        )

    def set_region(self) -> None:
        """Choose this station's region among the event's and its partners' (later bundles
        carry it, as ``bundle export --region`` does)."""
        database, station = self.context.database, self.context.station
        try:
            choices = region_choices(database, self.context.current_event_id)
        except Exception as exc:  # no event yet: one sentence
            self._failed(exc)
            return
        if not choices:
            QMessageBox.information(
                self.window,
                self.tr("Station region"),
                self.tr(
                    "This event names no region; enter its region and partner regions on the "
                    "event form first."
                ),
            )
            return
        none = self.tr("(no region)")
        current = station_region(database, station)
        items = [none, *choices]
        chosen, ok = QInputDialog.getItem(
            self.window,
            self.tr("Station region"),
            fmt(self.tr("This station (%1) records for:"), station),
            items,
            items.index(current) if current in items else 0,
            False,
        )
        if not ok:
            return
        region = "" if chosen == none else chosen
        set_station_region(database, station, region)
        # The Results page counts this station's intentions in its region.
        self.context.data_changed.emit(DataKind.BUNDLE_SETTINGS)
        self.context.status_message.emit(
            fmt(self.tr("This station's bundles will carry the region %1."), region)
            if region
            else self.tr("This station's bundles will carry no region.")
        )


def install(window: MainWindow) -> BundleController:
    controller = BundleController(window)
    controller.install()
    window.bundle_controller = controller
    window.context.new_event_checks.append(controller.confirm_new_event)
    return controller
