"""A table model over a list of rows read in one query: the shared part of the small lists.

Subclasses set :attr:`HEADERS` (marked with ``QT_TRANSLATE_NOOP(HEADER_CONTEXT, ...)``) and
:attr:`HEADER_CONTEXT`, implement :meth:`row_id` and ``data()``, and hand new rows to
:meth:`set_rows`. Large tables (the library) use their own lazy model instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Flat rows, one per record, with translated column headers."""

    HEADERS: Sequence[object] = ()
    HEADER_CONTEXT = ""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def row_id(self, row: Any) -> int:
        """The record id of a row (what ``UserRole`` returns)."""
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        """Show ``rows``; when they are the same records in the same order (a reload after an
        edit), in place, so the views keep their current cell, selection and open editor."""
        if rows and [self.row_id(row) for row in rows] == [self.row_id(row) for row in self.rows]:
            self.rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, max(0, self.columnCount() - 1))
            )
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, record_id: int) -> int:
        """The row showing ``record_id``, or -1."""
        return next((n for n, row in enumerate(self.rows) if self.row_id(row) == record_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.HEADER_CONTEXT, str(self.HEADERS[section]))
        return None
