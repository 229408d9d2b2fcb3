"""Undoable shortlist changes (:mod:`roadshow_desk.ui.undo`): each calls a domain function,
and its inverse, in a short session, then tells the other pages
(``data_changed(DataKind.SHORTLIST)``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain import shortlist
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class ShortlistCommand(Command):
    """A change of one event's shortlist (see :class:`roadshow_desk.ui.undo.Command`)."""

    KINDS = (DataKind.SHORTLIST,)

    def __init__(self, context: AppContext, event_id: int, text: str) -> None:
        super().__init__(context, text)
        self.event_id = event_id


class AddPatentsCommand(ShortlistCommand):
    def __init__(
        self,
        context: AppContext,
        event_id: int,
        patent_ids: Sequence[int],
        position: int | None = None,
    ) -> None:
        count = len(patent_ids)
        text = (
            QCoreApplication.translate("ShortlistCommands", "Add a patent to the shortlist")
            if count == 1
            else fmt(
                QCoreApplication.translate("ShortlistCommands", "Add %1 patents to the shortlist"),
                str(count),
            )
        )
        super().__init__(context, event_id, text)
        self.patent_ids = list(patent_ids)
        self.position = position
        self.addition: shortlist.Addition | None = None
        """What the last step added, and what it did not (None before it or when refused)."""

    def do(self) -> list[int]:
        self.addition = None
        with self.session() as session:
            addition = shortlist.add_patents_counted(
                session,
                self.event_id,
                self.patent_ids,
                position=self.position,
                station=self.context.station,
            )
        self.addition = addition
        return addition.added

    def revert(self, result: list[int]) -> None:
        with self.session() as session:
            shortlist.remove_patents(session, self.event_id, result, station=self.context.station)

    def changed(self, result: list[int]) -> bool:
        return bool(result)


class RemovePatentsCommand(ShortlistCommand):
    def __init__(self, context: AppContext, event_id: int, patent_ids: Sequence[int]) -> None:
        count = len(patent_ids)
        text = (
            QCoreApplication.translate("ShortlistCommands", "Remove a patent from the shortlist")
            if count == 1
            else fmt(
                QCoreApplication.translate(
                    "ShortlistCommands", "Remove %1 patents from the shortlist"
                ),
                str(count),
            )
        )
        super().__init__(context, event_id, text)
        self.patent_ids = list(patent_ids)

    def do(self) -> list[shortlist.EntrySnapshot]:
        with self.session() as session:
            return shortlist.remove_patents(
                session, self.event_id, self.patent_ids, station=self.context.station
            )

    def revert(self, result: list[shortlist.EntrySnapshot]) -> None:
        with self.session() as session:
            shortlist.restore_entries(session, self.event_id, result, station=self.context.station)

    def changed(self, result: list[shortlist.EntrySnapshot]) -> bool:
        return bool(result)


class ReorderCommand(ShortlistCommand):
    """Moves rows (drag and drop, move up/down) or groups the list by field."""

    def __init__(
        self,
        context: AppContext,
        event_id: int,
        patent_ids: Sequence[int] = (),
        to_row: int = 0,
        *,
        group_by_field: bool = False,
    ) -> None:
        text = (
            QCoreApplication.translate("ShortlistCommands", "Group the shortlist by field")
            if group_by_field
            else QCoreApplication.translate("ShortlistCommands", "Reorder the shortlist")
        )
        super().__init__(context, event_id, text)
        self.patent_ids = list(patent_ids)
        self.to_row = to_row
        self.group = group_by_field
        self.after: list[int] = []

    def do(self) -> list[int]:
        with self.session() as session:
            if self.group:
                previous = shortlist.group_by_field(
                    session, self.event_id, station=self.context.station
                )
            else:
                previous = shortlist.move_patents(
                    session,
                    self.event_id,
                    self.patent_ids,
                    self.to_row,
                    station=self.context.station,
                )
            self.after = shortlist.order(session, self.event_id)
            return previous

    def revert(self, result: list[int]) -> None:
        with self.session() as session:
            shortlist.set_order(session, self.event_id, result, station=self.context.station)

    def changed(self, result: list[int]) -> bool:
        return result != self.after


class SetInclusionCommand(ShortlistCommand):
    def __init__(
        self, context: AppContext, event_id: int, patent_id: int, included: bool, reason: str = ""
    ) -> None:
        text = (
            QCoreApplication.translate("ShortlistCommands", "Include a patent")
            if included
            else QCoreApplication.translate("ShortlistCommands", "Exclude a patent")
        )
        super().__init__(context, event_id, text)
        self.patent_id = patent_id
        self.included = included
        self.reason = reason

    def do(self) -> tuple[bool, str]:
        with self.session() as session:
            return shortlist.set_inclusion(
                session,
                self.event_id,
                self.patent_id,
                self.included,
                self.reason,
                station=self.context.station,
            )

    def revert(self, result: tuple[bool, str]) -> None:
        with self.session() as session:
            shortlist.set_inclusion(
                session, self.event_id, self.patent_id, *result, station=self.context.station
            )

    def changed(self, result: tuple[bool, str]) -> bool:
        return result != (self.included, "" if self.included else " ".join(self.reason.split()))


class SetTagsCommand(ShortlistCommand):
    def __init__(
        self, context: AppContext, event_id: int, patent_id: int, tags: Sequence[str]
    ) -> None:
        super().__init__(
            context, event_id, QCoreApplication.translate("ShortlistCommands", "Edit tags")
        )
        self.patent_id = patent_id
        self.tags = list(tags)

    def do(self) -> list[str]:
        with self.session() as session:
            return shortlist.set_tags(
                session, self.event_id, self.patent_id, self.tags, station=self.context.station
            )

    def revert(self, result: list[str]) -> None:
        with self.session() as session:
            shortlist.set_tags(
                session, self.event_id, self.patent_id, result, station=self.context.station
            )

    def changed(self, result: list[str]) -> bool:
        return result != shortlist.normalise_tags(self.tags)


class SetNotesCommand(ShortlistCommand):
    def __init__(self, context: AppContext, event_id: int, patent_id: int, notes: str) -> None:
        super().__init__(
            context,
            event_id,
            QCoreApplication.translate("ShortlistCommands", "Edit presenter's notes"),
        )
        self.patent_id = patent_id
        self.notes = notes

    def do(self) -> str:
        with self.session() as session:
            return shortlist.set_presenter_notes(
                session, self.event_id, self.patent_id, self.notes, station=self.context.station
            )

    def revert(self, result: str) -> None:
        with self.session() as session:
            shortlist.set_presenter_notes(
                session, self.event_id, self.patent_id, result, station=self.context.station
            )

    def changed(self, result: str) -> bool:
        return result != self.notes.strip()
