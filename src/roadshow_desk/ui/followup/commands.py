"""Undoable follow-up changes (:mod:`roadshow_desk.ui.undo`); each calls a ``domain.followup``
function in a short session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

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
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class MoveStageCommand(Command):
    """Move a lead to the next stage (or drop it); undo takes the move back."""

    KINDS = (DataKind.INTENTION,)

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
            context,
            QCoreApplication.translate("FollowUpCommands", "Move lead to “%1”").replace(
                "%1", stage_label(stage)
            ),
        )
        self.intention_id = intention_id
        self.stage = stage
        self.reason = reason
        self.note = note

    def do(self) -> None:
        with self.session() as session:
            move_to(
                session,
                self.intention_id,
                self.stage,
                author=self.context.station,
                reason=self.reason,
                note=self.note,
                station=self.context.station,
            )

    def revert(self, result: None) -> None:
        with self.session() as session:
            undo_last_move(session, self.intention_id, station=self.context.station)


class SetOwnerCommand(Command):
    """Give a lead to someone; undo gives it back and takes the log line away (no new one)."""

    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int, owner: str) -> None:
        super().__init__(context, QCoreApplication.translate("FollowUpCommands", "Set owner"))
        self.intention_id = intention_id
        self.owner = owner

    def do(self) -> OwnerChange:
        with self.session() as session:
            return change_owner(
                session, self.intention_id, self.owner, station=self.context.station
            )

    def revert(self, result: OwnerChange) -> None:
        with self.session() as session:
            take_back_owner_change(session, self.intention_id, result, station=self.context.station)

    def reapply(self, result: OwnerChange) -> OwnerChange:
        with self.session() as session:
            reapply_owner_change(session, self.intention_id, result, station=self.context.station)
        return result


class SetNextActionCommand(Command):
    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int, on: dt.date | None) -> None:
        super().__init__(
            context, QCoreApplication.translate("FollowUpCommands", "Set next action date")
        )
        self.intention_id = intention_id
        self.on = on

    def do(self) -> dt.date | None:
        with self.session() as session:
            return set_next_action(
                session, self.intention_id, self.on, station=self.context.station
            )

    def revert(self, result: dt.date | None) -> None:
        with self.session() as session:
            set_next_action(session, self.intention_id, result, station=self.context.station)


class AddNoteCommand(Command):
    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int, note: str) -> None:
        super().__init__(context, QCoreApplication.translate("FollowUpCommands", "Add note"))
        self.intention_id = intention_id
        self.note = note

    def do(self) -> int:
        with self.session() as session:
            entry = add_note(
                session,
                self.intention_id,
                self.note,
                author=self.context.station,
                station=self.context.station,
            )
            return entry.id

    def reapply(self, result: int) -> int:
        with self.session() as session:
            restore_note(session, result, station=self.context.station)
        return result

    def revert(self, result: int) -> None:
        with self.session() as session:
            withdraw_note(session, result, station=self.context.station)
