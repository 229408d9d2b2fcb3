"""The table view of a list of records: whole rows selected, read-only, no row numbers.

The lists of the workflows (today's intentions, the leads, the registry, the library, the
match suggestions) start from it and add their own column sizes and signals.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

Selection = QAbstractItemView.SelectionMode


def record_table(
    name: str, model: QAbstractItemModel, selection: Selection = Selection.SingleSelection
) -> QTableView:
    """A table view named ``name`` showing ``model``: rows are selected whole (one at a time
    unless ``selection`` says otherwise), cells are not edited in place, the vertical header
    is hidden."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def read_only_flags(index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
    """The flags of a cell of a flat, read-only list: enabled and selectable, no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )
