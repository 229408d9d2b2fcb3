"""Reviewing conflicts: fields the organiser edited that a re-import wants to change.

Lists the open conflicts of patents (application number and title) and of enterprises
(the firm's name). Each resolution (one field, a selection, or all) is one command on the
window's undo stack (:class:`ResolveConflictsCommand`); the dialog's Undo and Redo (Ctrl+Z,
Ctrl+Shift+Z) take back or redo the resolutions made here, and the list follows the stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.exchange.patent_review import ConflictRow, open_conflict_rows
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.importing.commands import ResolveConflictsCommand
from roadshow_desk.ui.workflow import AppContext


class ConflictReviewDialog(QDialog):
    """Keep mine / take the file's, per field or for all (``importing/conflict_dialog.ui``)."""

    # Widgets of the form
    layout_main: QVBoxLayout
    label_intro: QLabel
    table_conflicts: QTableWidget
    button_keep_mine: QPushButton
    button_take_file: QPushButton
    button_keep_all: QPushButton
    button_take_all: QPushButton
    button_undo: QPushButton
    button_redo: QPushButton
    button_box: QDialogButtonBox

    conflicts_resolved = Signal(list)
    """Some conflicts were resolved (the ids of the patents whose values changed)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("importing/conflict_dialog.ui", self)
        self.context = context
        self.database = context.database
        self.rows: list[ConflictRow] = []
        self.layout_main.setStretchFactor(self.table_conflicts, 1)
        header = self.table_conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.button_keep_mine.clicked.connect(
            lambda: self.resolve_selected(ConflictResolution.KEPT_LOCAL)
        )
        self.button_take_file.clicked.connect(
            lambda: self.resolve_selected(ConflictResolution.TOOK_FILE)
        )
        self.button_keep_all.clicked.connect(
            lambda: self.resolve_all(ConflictResolution.KEPT_LOCAL)
        )
        self.button_take_all.clicked.connect(lambda: self.resolve_all(ConflictResolution.TOOK_FILE))
        self.table_conflicts.itemSelectionChanged.connect(self._update_buttons)
        self.button_undo.clicked.connect(self.undo)
        self.button_redo.clicked.connect(self.redo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.redo)
        context.undo_stack.indexChanged.connect(self._stack_moved)
        self._following_stack = True
        self.finished.connect(self._stop_following_stack)
        self.reload()

    def reload(self) -> None:
        """Show the open conflicts as they are in the database."""
        self.rows = open_conflict_rows(self.database)
        table = self.table_conflicts
        table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (
                row.record_text,
                row.field_label,
                row.local_text,
                row.file_text,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, row.conflict_id)
                table.setItem(index, column, item)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 320))
        if not self.rows:
            self.label_intro.setText(self.tr("There are no conflicts to review."))
        self.button_keep_all.setEnabled(bool(self.rows))
        self.button_take_all.setEnabled(bool(self.rows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        self.button_keep_mine.setEnabled(selected)
        self.button_take_file.setEnabled(selected)
        for button, command, tip in (
            (self.button_undo, self._undoable(), self.tr("Undo: %1")),
            (self.button_redo, self._redoable(), self.tr("Redo: %1")),
        ):
            button.setEnabled(command is not None)
            button.setToolTip(fmt(tip, command.text()) if command is not None else "")

    def _undoable(self) -> QUndoCommand | None:
        """The stack's next command to undo, if it is a resolution (made here or before)."""
        stack = self.context.undo_stack
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        return command if isinstance(command, ResolveConflictsCommand) else None

    def _redoable(self) -> QUndoCommand | None:
        stack = self.context.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        return command if isinstance(command, ResolveConflictsCommand) else None

    def undo(self) -> None:
        """Take back the last resolution (only a resolution: other edits stay)."""
        if self._undoable() is not None:
            self.context.undo_stack.undo()

    def redo(self) -> None:
        if self._redoable() is not None:
            self.context.undo_stack.redo()

    def _stack_moved(self, _index: int) -> None:
        self.reload()

    def _stop_following_stack(self, _result: int = 0) -> None:
        """A closed dialog no longer reloads when the window's Undo moves the stack."""
        if self._following_stack:
            self._following_stack = False
            self.context.undo_stack.indexChanged.disconnect(self._stack_moved)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table_conflicts.selectedIndexes()})
        return [self.rows[row].conflict_id for row in rows if row < len(self.rows)]

    def resolve_selected(self, resolution: ConflictResolution) -> None:
        self._resolve(self.selected_ids(), resolution)

    def resolve_all(self, resolution: ConflictResolution) -> None:
        self._resolve([row.conflict_id for row in self.rows], resolution)

    def _resolve(self, ids: list[int], resolution: ConflictResolution) -> None:
        if not ids:
            return
        command = ResolveConflictsCommand(
            self.context, ids, resolution, self._command_text(ids, resolution)
        )
        command.push()  # resolves (redo); the stack signals a reload
        self.reload()
        self.conflicts_resolved.emit(command.changed_patent_ids())

    def _command_text(self, ids: list[int], resolution: ConflictResolution) -> str:
        """The Edit menu's name of the resolution ("Undo Take the file's title of …")."""
        keep = resolution == ConflictResolution.KEPT_LOCAL
        if len(ids) == len(self.rows) and len(ids) > 1:
            if keep:
                return self.tr("Keep mine for all conflicts")
            return self.tr("Take the file's values for all conflicts")
        if len(ids) > 1:
            text = (
                self.tr("Keep mine for %1 conflicts")
                if keep
                else self.tr("Take the file's values for %1 conflicts")
            )
            return fmt(text, str(len(ids)))
        row = next(row for row in self.rows if row.conflict_id == ids[0])
        text = self.tr("Keep my %1 of %2") if keep else self.tr("Take the file's %1 of %2")
        return fmt(text, row.field_label, row.record_text.split("  ")[0])
