"""File ▸ Backups…: the database's backups with their local times and what each preceded,
where they are, and restoring one (after a backup of the database as it is now).

The listing and the restore are plain functions of ``store.backups``; the restore runs on a
worker. After it, the undo history is cleared (its commands describe the replaced state) and
every page is told that everything changed.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from roadshow_desk.i18n import fmt
from roadshow_desk.store.backups import Backup, backups_folder, kind_label, list_backups
from roadshow_desk.store.db import BACKUPS_KEPT
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import AppContext, DataKind

if TYPE_CHECKING:
    from roadshow_desk.ui.main_window import MainWindow

#: Every kind of record a restore may have changed (``AppContext.data_changed``).
RESTORED_KINDS = tuple(DataKind)


def local_time(backup: Backup) -> str:
    """When ``backup`` was taken, in this computer's time zone."""
    return backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class BackupsDialog(QDialog):
    """Lists the backups and restores one (``forms/backups_dialog.ui``)."""

    # Widgets of the form
    label_intro: QLabel
    table_backups: QTableWidget
    label_empty: QLabel
    button_restore: QPushButton
    button_open_folder: QPushButton
    button_box: QDialogButtonBox

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("backups_dialog.ui", self)
        self.context = context
        self.task: Task | None = None
        self.backups: list[Backup] = []
        self.folder = backups_folder(context.database.url)
        header = self.table_backups.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.button_box.rejected.connect(self.reject)
        self.button_restore.clicked.connect(self.restore_selected)
        self.button_open_folder.clicked.connect(self.open_folder)
        self.label_intro.linkActivated.connect(lambda _link: self.open_folder())
        self.table_backups.itemSelectionChanged.connect(self._update_buttons)
        self.table_backups.doubleClicked.connect(lambda _index: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        """List the backups again, newest first."""
        self.backups = list_backups(self.context.database.url)
        if self.folder is None:
            intro = self.tr(
                "This database is on a server; its backups are made by the server's "
                "administrator, not by Roadshow Desk."
            )
        else:
            link = QUrl.fromLocalFile(str(self.folder)).toString()
            intro = fmt(
                self.tr(
                    "Roadshow Desk backs up the database before every import, merge, restore "
                    'and upgrade, and keeps the newest %1 in <a href="%2">%3</a>.'
                ),
                str(BACKUPS_KEPT),
                html.escape(link),
                html.escape(str(self.folder)),
            )
        self.label_intro.setText(intro)
        table = self.table_backups
        table.setRowCount(len(self.backups))
        locale = QLocale()
        for row, backup in enumerate(self.backups):
            cells = (
                local_time(backup),
                kind_label(backup.kind),
                locale.formattedDataSize(backup.size),
                backup.path.name,
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        has_backups = bool(self.backups)
        table.setVisible(has_backups)
        self.label_empty.setVisible(not has_backups)
        self.button_open_folder.setEnabled(self.folder is not None and self.folder.is_dir())
        if has_backups:
            table.selectRow(0)
            table.setFocus()
        self._update_buttons()

    def selected_backup(self) -> Backup | None:
        rows = self.table_backups.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.button_restore.setEnabled(self.selected_backup() is not None and self.task is None)

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # ------------------------------------------------------------------ restoring

    def restore_selected(self) -> Task | None:
        """Ask, then restore the selected backup on a worker."""
        backup = self.selected_backup()
        if backup is None or self.task is not None:
            return None
        question = fmt(
            self.tr(
                "Restore the database as it was on %1 (%2)? The database as it is now is "
                "backed up first, and the undo history starts afresh."
            ),
            local_time(backup),
            kind_label(backup.kind),
        )
        answer = QMessageBox.question(self, self.tr("Restore a backup"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        from roadshow_desk.store.backups import restore_backup

        database = self.context.database
        self.task = run_task(
            self,
            self.tr("Restoring the backup"),
            lambda _progress: restore_backup(database, backup.path),
        )
        self.task.succeeded.connect(lambda before: self._restored(backup, before))
        self.task.failed.connect(self._failed)
        self._update_buttons()
        return self.task

    def _restored(self, backup: Backup, before: Path | None) -> None:
        self.task = None
        context = self.context
        context.undo_stack.clear()
        for kind in RESTORED_KINDS:
            context.data_changed.emit(kind)
        self.reload()
        message = fmt(self.tr("The database is as it was on %1."), local_time(backup))
        if before is not None:
            message += " " + fmt(
                self.tr("What it held just before is kept as the backup %1."), before.name
            )
        context.status_message.emit(message)
        QMessageBox.information(self, self.tr("Backup restored"), message)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._update_buttons()
        QMessageBox.warning(self, self.tr("The backup was not restored"), str(error))


def open_backups(window: MainWindow) -> BackupsDialog:
    """Show the backups of ``window``'s database (window-modal)."""
    dialog = BackupsDialog(window.context, window)
    window.backups_dialog = dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def install(window: MainWindow) -> QAction:
    """Add File ▸ Backups… (listed in ``main_window.WINDOW_CONTROLLERS``)."""
    from PySide6.QtCore import QCoreApplication

    action = QAction(QCoreApplication.translate("BackupsDialog", "&Backups…"), window)
    action.setObjectName("action_backups")
    action.setToolTip(
        QCoreApplication.translate(
            "BackupsDialog", "The backups made before imports, merges and upgrades; restore one"
        )
    )
    action.triggered.connect(lambda _checked=False: open_backups(window))
    window.add_file_action(action)
    window.backups_action = action
    return action
