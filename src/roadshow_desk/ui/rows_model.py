"""A table model over a list of rows read in one query: the shared part of the small lists.

Subclasses set :attr:`COLUMNS` (each column's header, marked with
``QT_TRANSLATE_NOOP(<the class's name>, ...)``, and the function giving a row's text in it),
implement :meth:`read_rows` (the one query), and may answer other roles in :meth:`role_data`;
:meth:`reload` reads and shows the rows. Large tables (the library) use their own lazy model
instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from roadshow_desk.store.db import Database

Index = QModelIndex | QPersistentModelIndex
Column = tuple[object, Callable[[Any], Any] | None]
"""A column: its header (untranslated) and a row's text in it (None: :meth:`display` says)."""


def patent_text(row: Any) -> str:
    """A patent's cell: its application number and title (of a row that has both)."""
    return f"{row.application_no}  {row.patent_title}"


class RowsModel(QAbstractTableModel):
    """Flat rows, one per record, with translated column headers."""

    COLUMNS: Sequence[Column] = ()
    HEADER_CONTEXT = ""
    """The headers' translation context; empty: the class's name."""

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.rows: list[Any] = []

    def row_id(self, row: Any) -> int:
        """The record id of a row (what ``UserRole`` returns); its ``id`` unless overridden."""
        return int(row.id)

    def read_rows(self, session: Session) -> list[Any]:
        """The rows to show, read in ``session``."""
        raise NotImplementedError

    def display(self, row: Any, index: Index) -> Any:
        """The text of the cell at ``index`` (whose row is ``row``): its column's function's."""
        text = self.COLUMNS[index.column()][1]
        return None if text is None else text(row)

    def role_data(self, row: Any, index: Index, role: int) -> Any:
        """What the cell answers for a role other than display and ``UserRole``; none."""
        return None

    def reload(self) -> None:
        """Read the rows again (:meth:`read_rows`) and show them (:meth:`set_rows`)."""
        with self.database.session() as session:
            rows = self.read_rows(session)
        self.set_rows(rows)

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
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            context = self.HEADER_CONTEXT or type(self).__name__
            return QCoreApplication.translate(context, str(self.COLUMNS[section][0]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index)
        return self.role_data(row, index, role)
