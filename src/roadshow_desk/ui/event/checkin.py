"""The check-in panel: scan a badge or type part of a name, code or phone; walk-ins.

The first check-in wins (``domain.checkin``): checking a firm in again says when and where
it already checked in. A badge scanned anywhere in the panel checks its firm in at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.checkin import (
    CheckInError,
    attendance,
    check_in,
    check_in_by_scan,
    check_in_walk_in,
    find_for_check_in,
    local_time,
)
from roadshow_desk.domain.events import get_event, latest_event
from roadshow_desk.errors import InputError
from roadshow_desk.ui.capture.panel import looks_like_code
from roadshow_desk.ui.capture.scanner import ScanDetector
from roadshow_desk.ui.workflow import AppContext


class CheckInPanel(QWidget):
    """Find a firm and check it in; or register a walk-in with a name and a phone."""

    checked_in = Signal(int)
    """A firm checked in (its id) -- also when it had already checked in."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edit_search = QLineEdit()
        self.edit_search.setObjectName("edit_checkin_search")
        self.edit_search.setPlaceholderText(
            self.tr("Scan the badge, or type part of the name, credit code or phone")
        )
        self.edit_search.textEdited.connect(self.search)
        self.edit_search.returnPressed.connect(self.check_in_current)
        self.list_found = QListWidget()
        self.list_found.setObjectName("list_checkin_found")
        self.list_found.itemActivated.connect(lambda _item: self.check_in_current())
        self.button_check_in = QPushButton(self.tr("&Check in"))
        self.button_check_in.setObjectName("button_check_in")
        self.button_check_in.clicked.connect(self.check_in_current)
        self.edit_walk_in_name = QLineEdit()
        self.edit_walk_in_name.setObjectName("edit_walk_in_name")
        self.edit_walk_in_name.setPlaceholderText(self.tr("Walk-in: enterprise name"))
        self.edit_walk_in_phone = QLineEdit()
        self.edit_walk_in_phone.setObjectName("edit_walk_in_phone")
        self.edit_walk_in_phone.setPlaceholderText(self.tr("phone"))
        self.edit_walk_in_phone.returnPressed.connect(self.register_walk_in)
        self.button_walk_in = QPushButton(self.tr("Register &walk-in"))
        self.button_walk_in.setObjectName("button_walk_in")
        self.button_walk_in.clicked.connect(self.register_walk_in)
        self.label_message = QLabel()
        self.label_message.setObjectName("label_checkin_message")
        self.label_message.setWordWrap(True)
        font = self.label_message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.label_message.setFont(font)
        self.label_attendance = QLabel()
        self.label_attendance.setObjectName("label_attendance")

        walk_in = QHBoxLayout()
        walk_in.addWidget(self.edit_walk_in_name, 2)
        walk_in.addWidget(self.edit_walk_in_phone, 1)
        walk_in.addWidget(self.button_walk_in)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit_search)
        layout.addWidget(self.list_found, 1)
        layout.addWidget(self.button_check_in, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.label_message)
        layout.addLayout(walk_in)
        layout.addWidget(self.label_attendance)
        self.scanner = ScanDetector(self, looks_like_code)
        self.scanner.burst_started.connect(self._remember_search)
        self.scanner.scanned.connect(self.check_in_scanned)
        self._search_before = ""
        context.data_changed.connect(self._on_data_changed)
        self.refresh()

    def event_id(self) -> int | None:
        if self.context.current_event_id is not None:
            return self.context.current_event_id
        with self.context.database.session() as session:
            event = latest_event(session)
            return event.id if event is not None else None

    def refresh(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            self.label_attendance.setText(self.tr("No event yet: create one first."))
            return
        with self.context.database.session() as session:
            signed_up, checked = attendance(session, event_id)
        self.label_attendance.setText(
            self.tr("Checked in: %1 of %2 signed up")
            .replace("%1", str(checked))
            .replace("%2", str(signed_up))
        )

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("enterprise", "checkin", "event", "bundle"):
            self.refresh()

    def search(self, text: str) -> None:
        self.list_found.clear()
        event_id = self.event_id()
        if event_id is None or not text.strip():
            return
        with self.context.database.session() as session:
            found = find_for_check_in(session, event_id, text)
            zone_name = get_event(session, event_id).time_zone
        for candidate in found:
            state = (
                self.tr("checked in %1").replace(
                    "%1", local_time(candidate.checked_in_at, zone_name).strftime("%H:%M")
                )
                if candidate.checked_in_at
                else self.tr("signed up")
                if candidate.signed_up
                else self.tr("not signed up")
            )
            item = QListWidgetItem(f"{candidate.name}   {candidate.phone}   · {state}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.enterprise_id)
            self.list_found.addItem(item)
        if self.list_found.count():
            self.list_found.setCurrentRow(0)

    def _done(self, message: str, enterprise_id: int | None, first: bool) -> None:
        self.label_message.setStyleSheet("" if first else "color: #b36b00;")
        self.label_message.setText(message)
        self.context.status_message.emit(message)
        self.context.data_changed.emit("checkin")
        if enterprise_id is not None:
            self.checked_in.emit(enterprise_id)

    def _problem(self, message: str) -> None:
        self.label_message.setStyleSheet("color: #b00020;")
        self.label_message.setText(message)

    def check_in_current(self) -> bool:
        item = self.list_found.currentItem()
        event_id = self.event_id()
        if item is None or event_id is None:
            return False
        try:
            with self.context.database.session() as session:
                result = check_in(
                    session,
                    event_id,
                    int(item.data(Qt.ItemDataRole.UserRole)),
                    station=self.context.station,
                )
        except InputError as error:
            self._problem(str(error))
            return False
        self._done(result.message, result.enterprise_id, result.first)
        self.edit_search.clear()
        self.list_found.clear()
        return True

    def _remember_search(self) -> None:
        self._search_before = self.edit_search.text()

    def check_in_scanned(self, text: str) -> bool:
        """Check in the firm of a scanned badge (what the burst typed is taken back)."""
        self.edit_search.setText(self._search_before)
        self.search(self._search_before)
        event_id = self.event_id()
        if event_id is None:
            return False
        try:
            with self.context.database.session() as session:
                result = check_in_by_scan(session, event_id, text, station=self.context.station)
        except CheckInError as error:
            self._problem(str(error))
            return False
        self._done(result.message, result.enterprise_id, result.first)
        return True

    def register_walk_in(self) -> bool:
        event_id = self.event_id()
        if event_id is None:
            return False
        try:
            with self.context.database.session() as session:
                result = check_in_walk_in(
                    session,
                    event_id,
                    self.edit_walk_in_name.text(),
                    self.edit_walk_in_phone.text(),
                    station=self.context.station,
                )
        except InputError as error:
            self._problem(str(error))
            return False
        self.edit_walk_in_name.clear()
        self.edit_walk_in_phone.clear()
        self._done(
            self.tr("Walk-in registered: %1 (to reconcile later).").replace(
                "%1", result.enterprise_name
            ),
            result.enterprise_id,
            True,
        )
        self.context.data_changed.emit("enterprise")
        return True
