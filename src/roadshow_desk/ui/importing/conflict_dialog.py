"""Reviewing conflicts: fields the organiser edited that a re-import wants to change.

Lists the open conflicts of patents (application number and title) and of enterprises
(the firm's name).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from roadshow_desk.exchange.patent_review import (
    ConflictRow,
    open_conflict_rows,
    resolve_conflict_rows,
)
from roadshow_desk.ui.forms import load_ui


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
    button_box: QDialogButtonBox

    conflicts_resolved = Signal(list)
    """Some conflicts were resolved (the ids of the patents whose values changed)."""

    def __init__(self, database: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_ui("importing/conflict_dialog.ui", self)
        self.database = database
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
        touched = resolve_conflict_rows(self.database, ids, resolution)
        self.reload()
        self.conflicts_resolved.emit(touched)
