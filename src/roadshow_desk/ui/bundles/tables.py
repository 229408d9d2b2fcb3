"""The read-only tables of the bundle dialogs (the merge preview, the stations view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def short_time(value: object) -> str:
    """An ISO date-time to the minute, with a space for the ``T``; empty for none."""
    return "" if value is None else str(value)[:16].replace("T", " ")


def read_only_table(name: str, headers: Sequence[str]) -> QTableWidget:
    """An empty table named ``name`` with ``headers``, no row numbers, not editable."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Show ``rows`` (one text a column) in ``table``, replacing what it showed."""
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
