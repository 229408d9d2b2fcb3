"""Roadshow sessions and their slots: build from the shortlist, drag to reorder, minutes.

Every change is an undoable command calling ``domain.agenda``. The slot table is a model
over the session's slots; dragging rows within it reorders them (the model's
:meth:`SlotModel.dropMimeData` turns a drop into one :class:`ReorderSlotsCommand`), and
the planned minutes and the presenter are edited in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roadshow_desk.domain.agenda import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    build_from_shortlist,
    list_sessions,
    list_slots,
    reorder_slots,
    session_clock,
    set_planned_minutes,
    set_session_deleted,
    set_slot_deleted,
    update_slot,
)
from roadshow_desk.domain.checkin import local_time
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.event.session_details import SessionDetails
from roadshow_desk.ui.id_mime import decode_ids, dragged_rows, encode_ids
from roadshow_desk.ui.rows_model import RowsModel
from roadshow_desk.ui.spreadsheet import SpreadsheetTableView
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-roadshow-desk-slot-ids"


# --------------------------------------------------------------------------- commands


class _AgendaCommand(Command):
    KINDS = (DataKind.AGENDA,)


class BuildSessionCommand(_AgendaCommand):
    """Build a session from the shortlist; undo removes it, redo brings it back."""

    def __init__(
        self, context: AppContext, event_id: int, title: str, planned_minutes: int
    ) -> None:
        super().__init__(
            context,
            fmt(QCoreApplication.translate("AgendaCommands", "Build session %1"), title),
        )
        self.event_id = event_id
        self.title = title
        self.planned_minutes = planned_minutes

    def do(self) -> int:
        with self.session() as session:
            built = build_from_shortlist(
                session,
                self.event_id,
                self.title,
                planned_minutes=self.planned_minutes,
                station=self.context.station,
            )
            return built.id

    def revert(self, result: int) -> None:
        with self.session() as session:
            set_session_deleted(session, result, True, station=self.context.station)

    def reapply(self, result: int) -> int:
        with self.session() as session:
            set_session_deleted(session, result, False, station=self.context.station)
        return result


class RemoveSessionCommand(_AgendaCommand):
    def __init__(self, context: AppContext, session_id: int) -> None:
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "Remove session"))
        self.session_id = session_id

    def do(self) -> None:
        with self.session() as session:
            set_session_deleted(session, self.session_id, True, station=self.context.station)

    def revert(self, result: None) -> None:
        with self.session() as session:
            set_session_deleted(session, self.session_id, False, station=self.context.station)


class ReorderSlotsCommand(_AgendaCommand):
    def __init__(
        self, context: AppContext, session_id: int, before: Sequence[int], after: Sequence[int]
    ) -> None:
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "Reorder slots"))
        self.session_id = session_id
        self.before = list(before)
        self.after = list(after)

    def do(self) -> None:
        with self.session() as session:
            reorder_slots(session, self.session_id, self.after)

    def revert(self, result: None) -> None:
        with self.session() as session:
            reorder_slots(session, self.session_id, self.before)


class EditSlotCommand(_AgendaCommand):
    """Planned minutes or presenter of a slot."""

    def __init__(self, context: AppContext, slot_id: int, field: str, value: Any, old: Any) -> None:
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "Edit slot"))
        self.slot_id = slot_id
        self.field = field
        self.value = value
        self.old = old

    def _write(self, value: Any) -> None:
        with self.session() as session:
            if self.field == "planned_minutes":
                set_planned_minutes(session, self.slot_id, int(value))
            else:
                update_slot(session, self.slot_id, presenter=str(value))

    def do(self) -> None:
        self._write(self.value)

    def revert(self, result: None) -> None:
        self._write(self.old)


class RemoveSlotCommand(_AgendaCommand):
    def __init__(self, context: AppContext, slot_id: int) -> None:
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "Remove slot"))
        self.slot_id = slot_id

    def do(self) -> None:
        with self.session() as session:
            set_slot_deleted(session, self.slot_id, True, station=self.context.station)

    def revert(self, result: None) -> None:
        with self.session() as session:
            set_slot_deleted(session, self.slot_id, False, station=self.context.station)


# --------------------------------------------------------------------------- slot model


class SlotModel(RowsModel):
    """The slots of one session in order; drag rows to reorder; minutes and presenter edit."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("SlotModel", "#"), lambda row: str(row["number"])),
        (QT_TRANSLATE_NOOP("SlotModel", "Patent"), lambda row: row["patent"]),
        (QT_TRANSLATE_NOOP("SlotModel", "Institution"), lambda row: row["institution"]),
        (QT_TRANSLATE_NOOP("SlotModel", "Presenter"), lambda row: row["presenter"]),
        (QT_TRANSLATE_NOOP("SlotModel", "Minutes"), lambda row: str(row["minutes"])),
        (QT_TRANSLATE_NOOP("SlotModel", "Ran"), lambda row: row["ran"]),
        (QT_TRANSLATE_NOOP("SlotModel", "Planned start"), lambda row: row["planned"]),
    )
    PRESENTER, MINUTES = 3, 4

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(context.database, parent)
        self.context = context
        self.session_id: int | None = None

    def read_rows(self, session: Session) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        if self.session_id is None:
            return rows
        zone_name, planned = session_clock(session, self.session_id)
        for number, slot in enumerate(list_slots(session, self.session_id), start=1):
            ran = ""
            if slot.actual_start is not None:
                ran = local_time(slot.actual_start, zone_name).strftime("%H:%M")
                if slot.actual_end is not None:
                    ran += "–" + local_time(slot.actual_end, zone_name).strftime("%H:%M")
            rows.append(
                {
                    "id": slot.id,
                    "number": number,
                    "patent": (
                        f"{slot.patent.application_no}  {slot.patent.title}" if slot.patent else ""
                    ),
                    "institution": slot.institution.name if slot.institution else "",
                    "presenter": slot.presenter,
                    "minutes": slot.planned_minutes,
                    "ran": ran,
                    "planned": f"{planned[slot.id]:%H:%M}" if slot.id in planned else "",
                }
            )
        return rows

    def slot_ids(self) -> list[int]:
        return [row["id"] for row in self.rows]

    def row_id(self, row: Any) -> int:
        return int(row["id"])

    def role_data(self, row: Any, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            if index.column() == self.MINUTES:
                return row["minutes"]
            if index.column() == self.PRESENTER:
                return row["presenter"]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (self.MINUTES, self.PRESENTER):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        field = "planned_minutes" if index.column() == self.MINUTES else "presenter"
        old = row["minutes"] if field == "planned_minutes" else row["presenter"]
        if field == "planned_minutes":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
            if not 1 <= value <= MAX_MINUTES:
                self.context.status_message.emit(
                    fmt(
                        QCoreApplication.translate(
                            "SlotModel", "A slot lasts from 1 to %1 minutes."
                        ),
                        str(MAX_MINUTES),
                    )
                )
                return False
        else:
            value = " ".join(str(value).split())
        if value == old:
            return False
        EditSlotCommand(self.context, row["id"], field, value, old).push()
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        return encode_ids(MIME, [self.rows[row]["id"] for row in dragged_rows(indexes)])

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Move the dragged slots before ``row`` (or the row dropped on) as one command.

        Returns False so the view removes nothing itself: the list reloads from the database.
        """
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        if self.session_id is None:
            return False
        moved = decode_ids(data, MIME)
        target = parent.row() if parent.isValid() else row
        if target < 0:
            target = len(self.rows)
        before = self.slot_ids()
        remaining = [slot_id for slot_id in before if slot_id not in moved]
        insert_at = len([slot_id for slot_id in before[:target] if slot_id not in moved])
        after = remaining[:insert_at] + moved + remaining[insert_at:]
        if after != before:
            ReorderSlotsCommand(self.context, self.session_id, before, after).push()
        return False


# --------------------------------------------------------------------------- the view


class AgendaView(QWidget):
    """The event's sessions on the left, the selected session's slots on the right."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list_sessions = QListWidget()
        self.list_sessions.setObjectName("list_sessions")
        self.list_sessions.currentItemChanged.connect(self._on_session)
        self.edit_title = QLineEdit()
        self.edit_title.setObjectName("edit_session_title")
        self.edit_title.setPlaceholderText(self.tr("Title of the new session"))
        self.spin_minutes = QSpinBox()
        self.spin_minutes.setObjectName("spin_minutes")
        self.spin_minutes.setRange(1, 240)
        self.spin_minutes.setValue(DEFAULT_MINUTES)
        self.spin_minutes.setSuffix(self.tr(" min"))
        self.button_build = QPushButton(self.tr("&Build from shortlist"))
        self.button_build.setObjectName("button_build_session")
        self.button_build.clicked.connect(self.build_session)
        self.button_remove_session = QPushButton(self.tr("Remove session"))
        self.button_remove_session.setObjectName("button_remove_session")
        self.button_remove_session.clicked.connect(self.remove_session)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list_sessions, 1)
        self.session_details = SessionDetails(context, left)
        left_layout.addWidget(self.session_details)
        build_row = QHBoxLayout()
        build_row.addWidget(self.edit_title, 1)
        build_row.addWidget(self.spin_minutes)
        left_layout.addLayout(build_row)
        left_layout.addWidget(self.button_build)
        left_layout.addWidget(self.button_remove_session)

        self.model = SlotModel(context, self)
        self.table = SpreadsheetTableView()  # Enter goes down the column, Tab on
        self.table.setObjectName("table_slots")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.button_remove_slot = QPushButton(self.tr("Remove slot"))
        self.button_remove_slot.setObjectName("button_remove_slot")
        self.button_remove_slot.clicked.connect(self.remove_slot)
        self.label_total = QLabel()
        self.label_total.setObjectName("label_total_minutes")
        self.label_message = QLabel()
        self.label_message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(
            QLabel(self.tr("Drag rows to reorder; double-click minutes or presenter to edit."))
        )
        right_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.label_total, 1)
        bottom.addWidget(self.button_remove_slot)
        right_layout.addLayout(bottom)
        right_layout.addWidget(self.label_message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        context.data_changed.connect(self._on_data_changed)

    def event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def reload(self) -> None:
        keep = self.current_session_id()
        self.list_sessions.blockSignals(True)
        self.list_sessions.clear()
        event_id = self.event_id()
        if event_id is not None:
            with self.context.database.session() as session:
                for found in list_sessions(session, event_id):
                    item = QListWidgetItem(found.title)
                    item.setData(Qt.ItemDataRole.UserRole, found.id)
                    self.list_sessions.addItem(item)
        self.list_sessions.blockSignals(False)
        rows = [
            self.list_sessions.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.list_sessions.count())
        ]
        if rows:
            self.list_sessions.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._on_session()

    def current_session_id(self) -> int | None:
        item = self.list_sessions.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_session(self, session_id: int) -> None:
        for row in range(self.list_sessions.count()):
            if self.list_sessions.item(row).data(Qt.ItemDataRole.UserRole) == session_id:
                self.list_sessions.setCurrentRow(row)

    def _on_session(self, *_args: object) -> None:
        self.model.session_id = self.current_session_id()
        self.model.reload()
        self.session_details.show_session(self.model.session_id)
        total = sum(row["minutes"] for row in self.model.rows)
        self.label_total.setText(
            fmt(self.tr("%1 slots, %2 minutes planned"), str(len(self.model.rows)), str(total))
        )

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.AGENDA, DataKind.EVENT, DataKind.SHORTLIST, DataKind.PATENT):
            self.reload()

    def build_session(self) -> bool:
        event_id = self.event_id()
        if event_id is None:
            self.label_message.setText(self.tr("Create the event first."))
            return False
        title = self.edit_title.text().strip() or fmt(
            self.tr("Session %1"), str(self.list_sessions.count() + 1)
        )
        build = BuildSessionCommand(self.context, event_id, title, self.spin_minutes.value())
        build.push()
        if build.exception is not None:
            self.label_message.setText(build.error)
            return False
        session_id = build.result
        self.edit_title.clear()
        self.label_message.clear()
        self.select_session(session_id)
        return True

    def remove_session(self) -> None:
        session_id = self.current_session_id()
        if session_id is not None:
            RemoveSessionCommand(self.context, session_id).push()

    def remove_slot(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            slot_id = self.model.data(index, Qt.ItemDataRole.UserRole)
            RemoveSlotCommand(self.context, int(slot_id)).push()
