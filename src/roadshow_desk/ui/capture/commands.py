"""Undoable changes to recorded intentions; each calls a domain function in its own transaction.

Recording itself is never deferred to the undo stack: the panel saves first (the intention
is durable when Enter returns) and then pushes :class:`RecordIntentionCommand`, whose undo
removes the intention (a tombstone) and whose redo brings it back. Every write goes through
``store.intentions``, which rescores the patent (enterprise interest) in the same commit;
the pages showing scores listen for ``data_changed(DataKind.INTENTION)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roadshow_desk.store.intentions import set_intention_deleted, update_intention
from roadshow_desk.ui.workflow import AppContext, DataKind


class RecordIntentionCommand(QUndoCommand):
    """An intention already saved; undo removes it, redo restores it."""

    def __init__(self, context: AppContext, intention_id: int, label: str) -> None:
        super().__init__(
            QCoreApplication.translate("CaptureCommands", "Record intention of %1").replace(
                "%1", label
            )
        )
        self.context = context
        self.intention_id = intention_id
        self._first = True

    def redo(self) -> None:
        if self._first:  # saved by the panel before the push
            self._first = False
            return
        set_intention_deleted(
            self.context.database, self.intention_id, False, station=self.context.station
        )
        self.context.data_changed.emit(DataKind.INTENTION)

    def undo(self) -> None:
        set_intention_deleted(
            self.context.database, self.intention_id, True, station=self.context.station
        )
        self.context.data_changed.emit(DataKind.INTENTION)


class EditIntentionCommand(QUndoCommand):
    """Change fields of a recorded intention (validated); undo puts the old values back."""

    def __init__(self, context: AppContext, intention_id: int, changes: dict[str, Any]) -> None:
        super().__init__(QCoreApplication.translate("CaptureCommands", "Edit intention"))
        self.context = context
        self.intention_id = intention_id
        self.changes = dict(changes)
        self.previous: dict[str, Any] = {}

    def redo(self) -> None:
        self.previous = update_intention(
            self.context.database, self.intention_id, self.changes, station=self.context.station
        )
        self.context.data_changed.emit(DataKind.INTENTION)

    def undo(self) -> None:
        if self.previous:
            update_intention(
                self.context.database,
                self.intention_id,
                self.previous,
                station=self.context.station,
            )
        self.context.data_changed.emit(DataKind.INTENTION)


class RemoveIntentionCommand(QUndoCommand):
    """Remove a recorded intention (a tombstone); undo brings it back."""

    def __init__(self, context: AppContext, intention_id: int) -> None:
        super().__init__(QCoreApplication.translate("CaptureCommands", "Remove intention"))
        self.context = context
        self.intention_id = intention_id

    def redo(self) -> None:
        set_intention_deleted(
            self.context.database, self.intention_id, True, station=self.context.station
        )
        self.context.data_changed.emit(DataKind.INTENTION)

    def undo(self) -> None:
        set_intention_deleted(
            self.context.database, self.intention_id, False, station=self.context.station
        )
        self.context.data_changed.emit(DataKind.INTENTION)
