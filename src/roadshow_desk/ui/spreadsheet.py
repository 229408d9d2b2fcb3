"""A table edited from the keyboard as a spreadsheet is: the place is never lost.

* Enter commits and moves to the next row's same column (the editor closed, the table
  focused), so typing ``12`` Enter ``9`` Enter fills a column downwards.
* Tab and Shift+Tab commit and open the next (previous) editable cell, row after row.
* Esc drops the edit and stays.

For this to hold, the model must not reset while an editor commits: a model that reloads
after each change should update its rows in place when the same records come back
(:meth:`roadshow_desk.ui.rows_model.RowsModel.set_rows` does).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QTableView, QWidget

Hint = QAbstractItemDelegate.EndEditHint


class SpreadsheetTableView(QTableView):
    """See the module notes."""

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        current = QPersistentModelIndex(self.currentIndex())
        if hint == Hint.SubmitModelCache:  # Enter: down the same column
            super().closeEditor(editor, Hint.NoHint)
            if current.isValid():
                below = self.model().index(current.row() + 1, current.column())
                if below.isValid():
                    self.setCurrentIndex(below)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            target = self._editable_after(current, 1 if hint == Hint.EditNextItem else -1)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            if target.isValid():
                self.setCurrentIndex(target)
                self.edit(target)
            return
        super().closeEditor(editor, hint)

    def _editable_after(self, start: QPersistentModelIndex, step: int) -> QModelIndex:
        """The next editable cell after ``start`` (row after row), or an invalid index."""
        model = self.model()
        if model is None or not start.isValid():
            return QModelIndex()
        columns = model.columnCount()
        position = start.row() * columns + start.column() + step
        while 0 <= position < model.rowCount() * columns:
            index = model.index(position // columns, position % columns)
            if (
                not self.isColumnHidden(index.column())
                and index.flags() & Qt.ItemFlag.ItemIsEditable
            ):
                return index
            position += step
        return QModelIndex()
