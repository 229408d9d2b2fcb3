"""The check-in panel: scan a badge or type part of a name, code or phone; walk-ins.

The first check-in wins (``domain.checkin``): checking a firm in again says when and where
it already checked in. A badge scanned anywhere in the panel checks its firm in at once.
Enter in the search field checks in the one firm the text names; when several match it asks
which (the list takes the focus: ↑/↓ and Enter), when none does it offers a walk-in. Every
check-in and walk-in is a :class:`~roadshow_desk.ui.event.commands.CheckInCommand` on the
window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
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
from sqlalchemy.orm import Session

from roadshow_desk.domain.checkin import (
    CheckInResult,
    attendance,
    check_in,
    check_in_by_scan,
    check_in_walk_in,
    exact_match,
    find_for_check_in,
    local_time,
)
from roadshow_desk.domain.events import get_event
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.event.commands import CheckInCommand
from roadshow_desk.ui.scanner import ScanDetector, looks_like_code
from roadshow_desk.ui.workflow import AppContext, DataKind


def _nothing_to_undo_here(field: QLineEdit, event: QKeyEvent) -> bool:
    """Whether ``event`` is Undo (Redo) and ``field`` has nothing of its own to undo (redo)."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return not field.isUndoAvailable()
    return event.matches(QKeySequence.StandardKey.Redo) and not field.isRedoAvailable()


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
        self.edit_search.returnPressed.connect(self.check_in_typed)
        self.list_found = QListWidget()
        self.list_found.setObjectName("list_checkin_found")
        self.list_found.itemActivated.connect(lambda _item: self.check_in_current())
        self.list_found.currentRowChanged.connect(self._on_row_picked)
        self.list_found.itemClicked.connect(self._on_row_picked)  # row 0 clicked counts too
        self.button_check_in = QPushButton(self.tr("&Check in"))
        self.button_check_in.setObjectName("button_check_in")
        self.button_check_in.clicked.connect(self._check_in_clicked)
        self._picked = False
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
        for widget in (self.edit_search, self.list_found, self.edit_walk_in_name):
            widget.installEventFilter(self)
        self.edit_walk_in_phone.installEventFilter(self)
        context.data_changed.connect(self._on_data_changed)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ from the search field into the list, Esc from the list back; and Ctrl+Z in a
        field with nothing of its own to undo goes to the window's Undo (Redo likewise)."""
        if isinstance(event, QKeyEvent):
            if (
                event.type() == QEvent.Type.ShortcutOverride
                and isinstance(watched, QLineEdit)
                and _nothing_to_undo_here(watched, event)
            ):
                return True  # not accepted: the shortcut reaches the window's Undo/Redo
            if event.type() == QEvent.Type.KeyPress:
                if (
                    watched is self.edit_search
                    and event.key() == Qt.Key.Key_Down
                    and self.list_found.count()
                ):
                    self._picked = True
                    self.list_found.setFocus()
                    return True
                if watched is self.list_found and event.key() == Qt.Key.Key_Escape:
                    self.edit_search.setFocus()
                    return True
        return super().eventFilter(watched, event)

    def event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def refresh(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            self.label_attendance.setText(self.tr("No event yet: create one first."))
            return
        with self.context.database.session() as session:
            signed_up, checked = attendance(session, event_id)
        self.label_attendance.setText(
            fmt(self.tr("Checked in: %1 of %2 signed up"), str(checked), str(signed_up))
        )

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.ENTERPRISE, DataKind.CHECKIN, DataKind.EVENT):
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
                fmt(
                    self.tr("checked in %1"),
                    local_time(candidate.checked_in_at, zone_name).strftime("%H:%M"),
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
        self._picked = False

    def _on_row_picked(self, _row: object) -> None:
        self._picked = True

    def _done(self, result: CheckInResult, message: str | None = None) -> None:
        message = message or result.message
        self.label_message.setStyleSheet("" if result.first else "color: #b36b00;")
        self.label_message.setText(message)
        self.context.status_message.emit(message)
        self.checked_in.emit(result.enterprise_id)

    def _check_in(
        self, check_in: Callable[[Session, int, str], CheckInResult]
    ) -> CheckInResult | None:
        """Check in through the undo stack (a check-in that changed nothing is not kept):
        ``check_in(session, event_id, station)`` for the shown event at this station. None
        when no event is shown, or, with the sentence shown, when it was refused."""
        event_id = self.event_id()
        if event_id is None:
            return None
        station = self.context.station
        command = CheckInCommand(
            self.context, lambda session: check_in(session, event_id, station), self._say
        )
        command.push()
        if command.exception is not None:
            self._problem(command.error)
            return None
        return command.result

    def _say(self, message: str) -> None:
        self.label_message.setStyleSheet("")
        self.label_message.setText(message)

    def _problem(self, message: str) -> None:
        self.label_message.setStyleSheet("color: #b00020;")
        self.label_message.setText(message)

    def check_in_typed(self) -> bool:
        """Enter in the search field: check in the one firm the text names; ask which when
        several match; offer a walk-in when none does."""
        text = self.edit_search.text().strip()
        event_id = self.event_id()
        if not text or event_id is None:
            return False
        with self.context.database.session() as session:
            found = find_for_check_in(session, event_id, text)
        if len(found) == 1:
            return self._check_in_firm(found[0].enterprise_id)
        if not found:
            self._offer_walk_in(text)
            return False
        chosen = exact_match(found, text)
        if chosen is not None:
            return self._check_in_firm(chosen.enterprise_id)
        self.search(text)
        self.list_found.setCurrentRow(0)
        self._picked = True
        self.list_found.setFocus()
        self.label_message.setStyleSheet("color: #b36b00;")
        self.label_message.setText(
            fmt(
                self.tr("%1 firms match “%2”: which one? Choose with ↑ ↓ and press Enter."),
                str(len(found)),
                text,
            )
        )
        return False

    def _offer_walk_in(self, text: str) -> None:
        """Nothing matched: say so and get the walk-in fields ready (the text kept)."""
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) >= 7 and len(digits) >= len(text.replace(" ", "").replace("-", "")):
            self.edit_walk_in_phone.setText(text)
            self.edit_walk_in_name.setFocus()
        else:
            self.edit_walk_in_name.setText(text)
            self.edit_walk_in_phone.setFocus()
        self.label_message.setStyleSheet("color: #b36b00;")
        self.label_message.setText(
            fmt(
                self.tr(
                    "No firm matches “%1”. To register it as a walk-in, fill in the name and phone "
                    "below and press Enter."
                ),
                text,
            )
        )

    def _check_in_clicked(self) -> None:
        if self._picked and self.list_found.currentItem() is not None:
            self.check_in_current()
        else:
            self.check_in_typed()

    def check_in_current(self) -> bool:
        """Check in the firm chosen in the list."""
        item = self.list_found.currentItem()
        if item is None:
            return False
        return self._check_in_firm(int(item.data(Qt.ItemDataRole.UserRole)))

    def _check_in_firm(self, enterprise_id: int) -> bool:
        result = self._check_in(
            lambda session, event_id, station: check_in(
                session, event_id, enterprise_id, station=station
            )
        )
        if result is None:
            return False
        self._done(result)
        self._clear_search()
        return True

    def _clear_search(self) -> None:
        self.edit_search.setText("")  # setText, not clear(): no field undo to shadow Ctrl+Z
        self.list_found.clear()
        self.edit_search.setFocus()

    def _remember_search(self) -> None:
        self._search_before = self.edit_search.text()

    def check_in_scanned(self, text: str) -> bool:
        """Check in the firm of a scanned badge (what the burst typed is taken back)."""
        self.edit_search.setText(self._search_before)
        self.search(self._search_before)
        result = self._check_in(
            lambda session, event_id, station: check_in_by_scan(
                session, event_id, text, station=station
            )
        )
        if result is None:
            return False
        self._done(result)
        return True

    def register_walk_in(self) -> bool:
        name, phone = self.edit_walk_in_name.text(), self.edit_walk_in_phone.text()
        # Refused (AlreadyRegistered too): "已登记：…, checked in at 09:32".
        result = self._check_in(
            lambda session, event_id, station: check_in_walk_in(
                session, event_id, name, phone, station=station
            )
        )
        if result is None:
            return False
        self.edit_walk_in_name.setText("")
        self.edit_walk_in_phone.setText("")
        self._done(
            result,
            fmt(self.tr("Walk-in registered: %1 (to reconcile later)."), result.enterprise_name)
            if result.walk_in_registered
            else None,
        )
        self._clear_search()
        return True
