"""The chosen roadshow session's start time, room and host (under the session list).

The start is typed as the venue's wall-clock time (``09:30`` on the event's first day, or
``2026-12-18 09:30``) and stored as UTC through the event's time zone, so the agenda, the
sign-up sheet and the console show the same time on a laptop set to any zone. Each field
is saved when the user leaves it or presses Enter, as one undoable command; a time that
cannot be read stays in the field with one sentence saying why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from roadshow_desk.domain.agenda import (
    AgendaError,
    get_session,
    set_session_start,
    update_session,
)
from roadshow_desk.domain.venue_time import from_venue, parse_wall_time, to_venue, zone_label
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class EditSessionCommand(Command):
    """A session's start (naive UTC or ``None``), room or host."""

    KINDS = (DataKind.AGENDA,)

    def __init__(
        self, context: AppContext, session_id: int, field: str, value: Any, old: Any
    ) -> None:
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "Edit session"))
        self.session_id = session_id
        self.field = field
        self.value = value
        self.old = old

    def _write(self, value: Any) -> None:
        with self.session() as session:
            if self.field == "starts_at":
                set_session_start(session, self.session_id, value)
            elif self.field == "room":
                update_session(session, self.session_id, room=str(value))
            else:
                update_session(session, self.session_id, host=str(value))

    def do(self) -> None:
        self._write(self.value)

    def revert(self, result: None) -> None:
        self._write(self.old)


class SessionDetails(QWidget):
    """Start time, room and host of one session (see the module notes)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self._zone = ""
        self._day: dt.date | None = None
        self._shown: dict[str, str] = {}
        self.edit_start = QLineEdit(self)
        self.edit_start.setObjectName("edit_session_start")
        self.edit_start.setPlaceholderText(self.tr("e.g. 09:30"))
        self.edit_room = QLineEdit(self)
        self.edit_room.setObjectName("edit_session_room")
        self.edit_host = QLineEdit(self)
        self.edit_host.setObjectName("edit_session_host")
        self.label_zone = QLabel(self)
        self.label_zone.setObjectName("label_session_zone")
        self.label_error = QLabel(self)
        self.label_error.setObjectName("label_session_error")
        self.label_error.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("&Starts at"), self.edit_start)
        layout.addRow("", self.label_zone)
        layout.addRow(self.tr("Roo&m"), self.edit_room)
        layout.addRow(self.tr("Hos&t"), self.edit_host)
        layout.addRow(self.label_error)
        self.edit_start.editingFinished.connect(self._commit_start)
        self.edit_room.editingFinished.connect(lambda: self._commit_text("room", self.edit_room))
        self.edit_host.editingFinished.connect(lambda: self._commit_text("host", self.edit_host))
        self.show_session(None)

    def show_session(self, session_id: int | None) -> None:
        """Show a session's details (``None``: nothing chosen, the fields are disabled)."""
        same = session_id is not None and session_id == self.session_id
        self.session_id = session_id
        start = room = host = ""
        self._zone, self._day = "", None
        if session_id is not None:
            try:
                with self.context.database.session() as session:
                    found = get_session(session, session_id)
                    self._zone = found.event.time_zone
                    self._day = found.event.starts_on
                    if found.starts_at is not None:
                        wall = to_venue(found.starts_at, self._zone)
                        self._day = wall.date()
                        start = f"{wall:%Y-%m-%d %H:%M}"
                    room, host = found.room, found.host
            except AgendaError:
                self.session_id = None
        self._shown = {"starts_at": start, "room": room, "host": host}
        for edit, text in (
            (self.edit_start, start),
            (self.edit_room, room),
            (self.edit_host, host),
        ):
            if edit.text() != text and not (same and edit.isModified()):
                edit.setText(text)
            edit.setEnabled(self.session_id is not None)
        self.label_zone.setText(
            fmt(self.tr("Venue time: %1"), zone_label(self._zone)) if self._zone else ""
        )
        self.label_error.clear()

    def _commit_start(self) -> None:
        if self.session_id is None:
            return
        text = self.edit_start.text()
        if text.strip() == self._shown["starts_at"]:
            self.edit_start.setModified(False)
            self.label_error.clear()
            return
        try:
            wall = parse_wall_time(text, self._day)
        except ValueError as error:
            self.label_error.setText(str(error))
            return
        with self.context.database.session() as session:
            old = get_session(session, self.session_id).starts_at
        value = from_venue(wall, self._zone) if wall is not None else None
        self.label_error.clear()
        self.edit_start.setModified(False)
        if value != old:
            EditSessionCommand(self.context, self.session_id, "starts_at", value, old).push()
        else:
            self.show_session(self.session_id)

    def _commit_text(self, field: str, edit: QLineEdit) -> None:
        if self.session_id is None:
            return
        value = " ".join(edit.text().split())
        old = self._shown.get(field, "")
        edit.setModified(False)
        if value != old:
            self._shown[field] = value
            EditSessionCommand(self.context, self.session_id, field, value, old).push()
