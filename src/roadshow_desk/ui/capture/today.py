"""Today's list: the intentions captured today, newest first (a table model over rows)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from roadshow_desk.domain.capture import IntentionRow, intentions_of_day
from roadshow_desk.domain.checkin import local_time
from roadshow_desk.domain.labels import label, stars
from roadshow_desk.store.db import Database
from roadshow_desk.ui.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


class TodayModel(RowsModel):
    """Rows of :func:`~roadshow_desk.domain.capture.intentions_of_day`; ``UserRole`` is the id."""

    HEADER_CONTEXT = "TodayModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("TodayModel", "Time"),
        QT_TRANSLATE_NOOP("TodayModel", "Enterprise"),
        QT_TRANSLATE_NOOP("TodayModel", "Patent"),
        QT_TRANSLATE_NOOP("TodayModel", "Intention"),
        QT_TRANSLATE_NOOP("TodayModel", "Rating"),
        QT_TRANSLATE_NOOP("TodayModel", "Budget"),
        QT_TRANSLATE_NOOP("TodayModel", "Station"),
    )

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.rows: list[IntentionRow] = []
        self.event_id: int | None = None
        self.day: dt.date | None = None
        self.time_zone: str | None = None

    def reload(self) -> None:
        from roadshow_desk.domain.models import Event

        with self.database.session() as session:
            rows = intentions_of_day(session, self.day, event_id=self.event_id)
            event = session.get(Event, self.event_id) if self.event_id is not None else None
            self.time_zone = event.time_zone if event is not None else None
        self.set_rows(rows)

    def row_id(self, row: Any) -> int:
        return row.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
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
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return local_time(row.captured_at, self.time_zone).strftime("%H:%M")
        if column == 1:
            return row.enterprise_name
        if column == 2:
            return f"{row.application_no}  {row.patent_title}"
        if column == 3:
            return label(row.kind)
        if column == 4:
            return stars(row.prospect_rating)
        if column == 5:
            return label(row.budget_band) if row.budget_band else ""
        return row.captured_station
