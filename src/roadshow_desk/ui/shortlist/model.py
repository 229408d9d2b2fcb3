"""The shortlist as a table model: rows in the organiser's order, drags carry patent ids.

The model only adapts: it reads the event's shortlist (tens or hundreds of rows, one query)
and reports what the user asks for — an edit, a move, patents dropped from the library — as
signals; the page turns each into an undo command that calls the domain and reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPalette

from roadshow_desk.domain.labels import format_value
from roadshow_desk.domain.shortlist import shortlist_in_order
from roadshow_desk.store.db import Database
from roadshow_desk.ui.id_mime import decode_ids, dragged_rows, encode_ids
from roadshow_desk.ui.workflow import PATENT_IDS_MIME

AnyIndex = QModelIndex | QPersistentModelIndex

SHORTLIST_MIME = "application/x-roadshow-desk-shortlist-rows"
"""Rows dragged inside the shortlist: a JSON list of patent ids."""

PATENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Row:
    patent_id: int
    application_no: str
    title: str
    technical_field: str
    institution: str
    score: float | None
    included: bool
    exclusion_reason: str
    tags: str
    presenter_notes: str


COLUMNS = (
    "position",
    "application_no",
    "title",
    "technical_field",
    "institution",
    "score",
    "included",
    "exclusion_reason",
    "tags",
    "presenter_notes",
)
COLUMN = {name: index for index, name in enumerate(COLUMNS)}
EDITABLE = ("exclusion_reason", "tags", "presenter_notes")


class ShortlistModel(QAbstractTableModel):
    """The event's shortlist, one row per live entry, in order."""

    edit_requested = Signal(int, str, object)
    """The user edited a cell: (patent id, field name, new value)."""
    move_requested = Signal(list, int)
    """Rows were dragged: (patent ids, the row they were dropped on)."""
    add_requested = Signal(list, int)
    """Patents were dropped from elsewhere: (patent ids, the row they were dropped on)."""

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.event_id: int | None = None
        self._rows: list[Row] = []

    # ------------------------------------------------------------------ loading

    def load(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        rows: list[Row] = []
        if self.event_id is not None:
            with self.database.session() as session:
                rows = [
                    Row(
                        e.patent_id,
                        e.patent.application_no,
                        e.patent.title or "",
                        e.patent.technical_field or "",
                        e.patent.institution.name if e.patent.institution else "",
                        e.patent.score,
                        bool(e.included),
                        e.exclusion_reason or "",
                        e.tags or "",
                        e.presenter_notes or "",
                    )
                    for e in shortlist_in_order(session, self.event_id)
                ]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # ------------------------------------------------------------------ queries

    def patent_id(self, row: int) -> int:
        return self._rows[row].patent_id

    def row_data(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, patent_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if item.patent_id == patent_id:
                return row
        return None

    def patent_ids(self) -> list[int]:
        return [row.patent_id for row in self._rows]

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = {
                "position": self.tr("#"),
                "application_no": self.tr("Application number"),
                "title": self.tr("Title"),
                "technical_field": self.tr("Field"),
                "institution": self.tr("Institution"),
                "score": self.tr("Score"),
                "included": self.tr("Included"),
                "exclusion_reason": self.tr("Reason for exclusion"),
                "tags": self.tr("Tags"),
                "presenter_notes": self.tr("Presenter's notes"),
            }
            return titles[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        name = COLUMNS[index.column()]
        if name == "included":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if name in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        name = COLUMNS[index.column()]
        if role == PATENT_ID_ROLE:
            return row.patent_id
        if role == Qt.ItemDataRole.CheckStateRole:
            if name == "included":
                return Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = name in ("position", "score")
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.included:
            palette = QGuiApplication.palette()
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if name == "position":
                return str(index.row() + 1)
            if name == "included":
                return (
                    None
                    if role == Qt.ItemDataRole.DisplayRole
                    else (self.tr("Included") if row.included else self.tr("Excluded"))
                )
            if name == "score":
                return format_value("score", row.score)
            if name == "presenter_notes" and role == Qt.ItemDataRole.DisplayRole:
                return " ".join(row.presenter_notes.split())
            return getattr(row, name)
        if role == Qt.ItemDataRole.EditRole:
            if name == "position":
                return index.row() + 1
            if name == "included":
                return row.included
            return getattr(row, name)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Edits are requests: the page makes them undo commands (applied right after)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        name = COLUMNS[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and name == "included":
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked != row.included:
                self.edit_requested.emit(row.patent_id, "included", checked)
            return False
        if role == Qt.ItemDataRole.EditRole and name in EDITABLE:
            text = str(value or "")
            if text != getattr(row, name):
                self.edit_requested.emit(row.patent_id, name, text)
            return False
        return False

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SHORTLIST_MIME, PATENT_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = [self._rows[row].patent_id for row in dragged_rows(indexes) if row < len(self._rows)]
        return encode_ids(PATENT_IDS_MIME, ids, encode_ids(SHORTLIST_MIME, ids))

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return data.hasFormat(SHORTLIST_MIME) or data.hasFormat(PATENT_IDS_MIME)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Report the drop; returns False so the view never removes rows itself."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        moved = decode_ids(data, SHORTLIST_MIME)
        if moved:
            self.move_requested.emit(moved, target)
            return False
        added = decode_ids(data, PATENT_IDS_MIME)
        if added:
            self.add_requested.emit(added, target)
        return False
