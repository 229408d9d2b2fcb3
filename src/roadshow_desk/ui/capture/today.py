"""Today's list: the intentions captured today, newest first, with a running count.

:class:`TodayModel` is the table model; :class:`TodayList` the widget beside the capture form
(the count, the table, and its keys: Enter or a double-click asks to edit a row, Delete or
Backspace to remove it; the panel does both).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roadshow_desk.domain.capture import IntentionRow, count_of_day, intentions_of_day
from roadshow_desk.domain.checkin import local_time
from roadshow_desk.domain.labels import label, stars
from roadshow_desk.i18n import fmt
from roadshow_desk.store.db import Database
from roadshow_desk.ui.record_table import record_table
from roadshow_desk.ui.rows_model import RowsModel, patent_text

Index = QModelIndex | QPersistentModelIndex


def _budget(row: IntentionRow) -> str:
    return label(row.budget_band) if row.budget_band else ""


class TodayModel(RowsModel):
    """Rows of :func:`~roadshow_desk.domain.capture.intentions_of_day`; ``UserRole`` is the id."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("TodayModel", "Time"), None),  # in the event's time zone
        (QT_TRANSLATE_NOOP("TodayModel", "Enterprise"), lambda row: row.enterprise_name),
        (QT_TRANSLATE_NOOP("TodayModel", "Patent"), patent_text),
        (QT_TRANSLATE_NOOP("TodayModel", "Intention"), lambda row: label(row.kind)),
        (QT_TRANSLATE_NOOP("TodayModel", "Rating"), lambda row: stars(row.prospect_rating)),
        (QT_TRANSLATE_NOOP("TodayModel", "Budget"), _budget),
        (QT_TRANSLATE_NOOP("TodayModel", "Station"), lambda row: row.captured_station),
    )
    event_id: int | None = None
    day: dt.date | None = None
    time_zone: str | None = None

    def read_rows(self, session: Session) -> list[IntentionRow]:
        from roadshow_desk.domain.models import Event

        event = session.get(Event, self.event_id) if self.event_id is not None else None
        self.time_zone = event.time_zone if event is not None else None
        return intentions_of_day(session, self.day, event_id=self.event_id)

    def role_data(self, row: Any, index: Index, role: int) -> Any:
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        return "\n".join(
            part
            for part in (
                row.application_no + " " + row.patent_title,
                row.contact_person,
                row.contact_phone,
                row.notes,
            )
            if part.strip()
        )

    def display(self, row: Any, index: Index) -> Any:
        if index.column() == 0:
            return local_time(row.captured_at, self.time_zone).strftime("%H:%M")
        return super().display(row, index)


class TodayList(QWidget):
    """The running count above today's table; asks the panel to edit or remove a row."""

    edit_requested = Signal(int)
    """Enter or a double-click on a row (the intention's id)."""
    remove_requested = Signal(int)
    """Delete or Backspace on a row (the intention's id)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.model = TodayModel(database, self)
        self.table = record_table("table_today", self.model)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("字") * 10)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._request_edit)
        self.table.installEventFilter(self)
        self.label_count = QLabel()
        self.label_count.setObjectName("label_count")
        self.label_count.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label_count)
        layout.addWidget(self.table, 1)

    def refresh(self, event_id: int | None, station: str) -> None:
        """Reload the list and the count (all desks, and ``station``'s) of ``event_id``."""
        self.model.event_id = event_id
        self.model.reload()
        with self.database.session() as session:
            total = count_of_day(session, event_id=event_id)
            here = count_of_day(session, event_id=event_id, station=station)
        self.label_count.setText(
            fmt(self.tr("Today: %1 intentions (%2 at this desk)"), str(total), str(here))
        )

    def current_intention_id(self) -> int | None:
        index = self.table.currentIndex()
        found = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        return int(found) if found is not None else None

    def _request_edit(self, index: Index) -> None:
        found = self.model.data(index, Qt.ItemDataRole.UserRole)
        if found is not None:
            self.edit_requested.emit(int(found))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            intention_id = self.current_intention_id()
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                if intention_id is not None:
                    self.remove_requested.emit(intention_id)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and intention_id is not None:
                self.edit_requested.emit(intention_id)
                return True
        return super().eventFilter(watched, event)
