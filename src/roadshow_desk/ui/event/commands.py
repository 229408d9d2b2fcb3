"""Undoable check-ins; each step calls a ``domain.checkin`` function in a short session.

The desk checks a firm in first (the check-in is durable when Enter returns, and a refusal
never reaches the stack) and then pushes :class:`CheckInCommand` with what the check-in did;
undo takes it back (and the sign-up and walk-in it made), redo does it again at its first time.
A check-in that changed nothing (the firm had already checked in) is not pushed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roadshow_desk.domain.checkin import CheckInResult, redo_check_in, undo_check_in
from roadshow_desk.errors import InputError
from roadshow_desk.ui.workflow import AppContext, DataKind


class CheckInCommand(QUndoCommand):
    """A check-in (or walk-in registration) already done; undo takes it back."""

    def __init__(
        self,
        context: AppContext,
        result: CheckInResult,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        text = (
            QCoreApplication.translate("EventCommands", "Register walk-in %1")
            if result.walk_in_registered
            else QCoreApplication.translate("EventCommands", "Check in %1")
        )
        super().__init__(text.replace("%1", result.enterprise_name))
        self.context = context
        self.result = result
        self.notify = notify
        self._first = True

    def redo(self) -> None:
        if self._first:  # done by the panel before the push
            self._first = False
            return
        try:
            with self.context.database.session() as session:
                redone = redo_check_in(session, self.result)
        except InputError as error:
            self._tell(str(error))
            return
        self._changed()
        self._tell(redone.message)

    def undo(self) -> None:
        with self.context.database.session() as session:
            undo_check_in(session, self.result)
        self._changed()
        self._tell(
            QCoreApplication.translate("EventCommands", "Check-in of %1 taken back.").replace(
                "%1", self.result.enterprise_name
            )
        )

    def _changed(self) -> None:
        if self.result.walk_in_registered:
            self.context.data_changed.emit(DataKind.ENTERPRISE)
        self.context.data_changed.emit(DataKind.CHECKIN)

    def _tell(self, message: str) -> None:
        self.context.status_message.emit(message)
        if self.notify is not None:
            self.notify(message)
