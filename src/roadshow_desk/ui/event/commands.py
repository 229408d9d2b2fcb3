"""Undoable check-ins (:mod:`roadshow_desk.ui.undo`); each step calls a ``domain.checkin``
function in a short session.

The desk pushes :class:`CheckInCommand` with the check-in to make (by name, by badge, a
walk-in): its first redo checks the firm in (durable when Enter returns; a refusal leaves
the stack as it was), undo takes it back (and the sign-up and walk-in it made), redo does it
again at its first time. A check-in that changed nothing (the firm had already checked in)
is dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from roadshow_desk.domain.checkin import CheckInResult, redo_check_in, undo_check_in
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class CheckInCommand(Command):
    """A check-in (or walk-in registration); undo takes it back, redo does it again."""

    def __init__(
        self,
        context: AppContext,
        check_in: Callable[[Session], CheckInResult],
        notify: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(context, QCoreApplication.translate("EventCommands", "Check in"))
        self.check_in = check_in
        self.notify = notify

    def do(self) -> CheckInResult:
        with self.session() as session:
            result = self.check_in(session)
        text = (
            QCoreApplication.translate("EventCommands", "Register walk-in %1")
            if result.walk_in_registered
            else QCoreApplication.translate("EventCommands", "Check in %1")
        )
        self.setText(fmt(text, result.enterprise_name))
        return result

    def changed(self, result: CheckInResult) -> bool:
        return result.changed_anything

    def revert(self, result: CheckInResult) -> None:
        with self.session() as session:
            undo_check_in(session, result, station=self.context.station)
        self._tell(
            fmt(
                QCoreApplication.translate("EventCommands", "Check-in of %1 taken back."),
                result.enterprise_name,
            )
        )

    def reapply(self, result: CheckInResult) -> CheckInResult:
        with self.session() as session:
            redone = redo_check_in(session, result, station=self.context.station)
        self._tell(redone.message)
        return result  # undo takes back what the first check-in did

    def changed_kinds(self) -> Sequence[DataKind]:
        walk_in = self.result is not None and self.result.walk_in_registered
        return (DataKind.ENTERPRISE, DataKind.CHECKIN) if walk_in else (DataKind.CHECKIN,)

    def announce(self, message: str) -> None:
        self._tell(message)

    def _tell(self, message: str) -> None:
        self.context.status_message.emit(message)
        if self.notify is not None:
            self.notify(message)
