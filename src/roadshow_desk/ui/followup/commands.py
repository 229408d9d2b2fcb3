"""Undoable follow-up changes; each calls a ``domain.followup`` function in a short session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roadshow_desk.domain.enums import FollowUpStage
from roadshow_desk.domain.followup import (
    OwnerChange,
    add_note,
    change_owner,
    move_to,
    reapply_owner_change,
    restore_note,
    set_next_action,
    stage_label,
    take_back_owner_change,
    undo_last_move,
    withdraw_note,
)
from roadshow_desk.ui.workflow import AppContext


class MoveStageCommand(QUndoCommand):
    """Move a lead to the next stage (or drop it); undo takes the move back."""

    def __init__(
        self,
        context: AppContext,
        intention_id: int,
        stage: FollowUpStage,
        *,
        reason: str = "",
        note: str = "",
    ) -> None:
        super().__init__(
            QCoreApplication.translate("FollowUpCommands", "Move lead to “%1”").replace(
                "%1", stage_label(stage)
            )
        )
        self.context = context
        self.intention_id = intention_id
        self.stage = stage
        self.reason = reason
        self.note = note

    def redo(self) -> None:
        with self.context.database.session() as session:
            move_to(
                session,
                self.intention_id,
                self.stage,
                author=self.context.station,
                reason=self.reason,
                note=self.note,
                station=self.context.station,
            )
        self.context.data_changed.emit("intention")

    def undo(self) -> None:
        with self.context.database.session() as session:
            undo_last_move(session, self.intention_id, station=self.context.station)
        self.context.data_changed.emit("intention")


class SetOwnerCommand(QUndoCommand):
    """Give a lead to someone; undo gives it back and takes the log line away (no new one)."""

    def __init__(self, context: AppContext, intention_id: int, owner: str) -> None:
        super().__init__(QCoreApplication.translate("FollowUpCommands", "Set owner"))
        self.context = context
        self.intention_id = intention_id
        self.owner = owner
        self.change: OwnerChange | None = None

    def redo(self) -> None:
        with self.context.database.session() as session:
            if self.change is None:
                self.change = change_owner(
                    session, self.intention_id, self.owner, station=self.context.station
                )
            else:
                reapply_owner_change(
                    session, self.intention_id, self.change, station=self.context.station
                )
        self.context.data_changed.emit("intention")

    def undo(self) -> None:
        if self.change is None:
            return
        with self.context.database.session() as session:
            take_back_owner_change(
                session, self.intention_id, self.change, station=self.context.station
            )
        self.context.data_changed.emit("intention")


class SetNextActionCommand(QUndoCommand):
    def __init__(self, context: AppContext, intention_id: int, on: dt.date | None) -> None:
        super().__init__(QCoreApplication.translate("FollowUpCommands", "Set next action date"))
        self.context = context
        self.intention_id = intention_id
        self.on = on
        self.previous: dt.date | None = None

    def redo(self) -> None:
        with self.context.database.session() as session:
            self.previous = set_next_action(
                session, self.intention_id, self.on, station=self.context.station
            )
        self.context.data_changed.emit("intention")

    def undo(self) -> None:
        with self.context.database.session() as session:
            set_next_action(session, self.intention_id, self.previous, station=self.context.station)
        self.context.data_changed.emit("intention")


class AddNoteCommand(QUndoCommand):
    def __init__(self, context: AppContext, intention_id: int, note: str) -> None:
        super().__init__(QCoreApplication.translate("FollowUpCommands", "Add note"))
        self.context = context
        self.intention_id = intention_id
        self.note = note
        self.entry_id: int | None = None

    def redo(self) -> None:
        with self.context.database.session() as session:
            if self.entry_id is None:
                entry = add_note(
                    session,
                    self.intention_id,
                    self.note,
                    author=self.context.station,
                    station=self.context.station,
                )
                self.entry_id = entry.id
            else:
                restore_note(session, self.entry_id, station=self.context.station)
        self.context.data_changed.emit("intention")

    def undo(self) -> None:
        with self.context.database.session() as session:
            if self.entry_id is not None:
                withdraw_note(session, self.entry_id, station=self.context.station)
        self.context.data_changed.emit("intention")
