"""Undoable changes to recorded intentions (:mod:`roadshow_desk.ui.undo`); each calls a
``store.intentions`` function in its own transaction.

The panel records an intention by pushing :class:`RecordIntentionCommand`: its first redo
saves it (durable when Enter returns; a refusal leaves the stack as it was and the form
keeps what was typed), undo removes it (a tombstone) and redo brings it back. Every write
goes through ``store.intentions``, which rescores the patent (enterprise interest) in the
same commit; the pages showing scores listen for ``data_changed("intention")``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain.capture import IntentionDraft, RecordedIntention
from roadshow_desk.store.intentions import (
    record_intention,
    set_intention_deleted,
    update_intention,
)
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class RecordIntentionCommand(Command):
    """Save a new intention (``uuid`` keeps a retry from doubling it); undo removes it,
    redo restores it."""

    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, draft: IntentionDraft, uuid: str, label: str) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("CaptureCommands", "Record intention of %1").replace(
                "%1", label
            ),
        )
        self.draft = draft
        self.uuid = uuid

    def do(self) -> RecordedIntention:
        return record_intention(
            self.context.database, self.draft, station=self.context.station, uuid=self.uuid
        )

    def revert(self, result: RecordedIntention) -> None:
        set_intention_deleted(self.context.database, result.id, True, station=self.context.station)

    def reapply(self, result: RecordedIntention) -> RecordedIntention:
        set_intention_deleted(self.context.database, result.id, False, station=self.context.station)
        return result


class EditIntentionCommand(Command):
    """Change fields of a recorded intention (validated); undo puts the old values back."""

    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int, changes: dict[str, Any]) -> None:
        super().__init__(context, QCoreApplication.translate("CaptureCommands", "Edit intention"))
        self.intention_id = intention_id
        self.changes = dict(changes)

    def do(self) -> dict[str, Any]:
        return update_intention(
            self.context.database, self.intention_id, self.changes, station=self.context.station
        )

    def revert(self, result: dict[str, Any]) -> None:
        if result:
            update_intention(
                self.context.database, self.intention_id, result, station=self.context.station
            )


class RemoveIntentionCommand(Command):
    """Remove a recorded intention (a tombstone); undo brings it back."""

    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int) -> None:
        super().__init__(context, QCoreApplication.translate("CaptureCommands", "Remove intention"))
        self.intention_id = intention_id

    def do(self) -> None:
        set_intention_deleted(
            self.context.database, self.intention_id, True, station=self.context.station
        )

    def revert(self, result: None) -> None:
        set_intention_deleted(
            self.context.database, self.intention_id, False, station=self.context.station
        )
