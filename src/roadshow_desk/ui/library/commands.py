"""Undoable changes to the library: each calls a domain function in a short session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from roadshow_desk.domain.patent_editing import PatentEdit, edit_patent, revert_patent_edit
from roadshow_desk.errors import InputError
from roadshow_desk.store.scoring import rescore
from roadshow_desk.ui.workflow import AppContext, DataKind


class EditPatentCommand(QUndoCommand):
    """Write fields of one patent as local edits; undo restores values and edit marks."""

    def __init__(
        self,
        context: AppContext,
        patent_id: int,
        changes: dict[str, Any],
        application_no: str,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("LibraryCommands", "Edit patent %1").replace(
                "%1", application_no
            )
        )
        self.context = context
        self.patent_id = patent_id
        self.changes = dict(changes)
        self.edit: PatentEdit | None = None

    def redo(self) -> None:
        try:
            with self.context.database.session() as session:
                self.edit = edit_patent(
                    session, self.patent_id, self.changes, station=self.context.station
                )
                if self.edit is not None:  # the rubric reads type, status, dates, claims...
                    rescore(session, patent_ids=[self.patent_id])
        except InputError as exc:
            self.edit = None
            self.context.status_message.emit(str(exc))
        if self.edit is None:  # nothing to undo: drop the command from the stack
            self.setObsolete(True)
            return
        self.context.data_changed.emit(DataKind.PATENT)

    def undo(self) -> None:
        if self.edit is None:
            return
        with self.context.database.session() as session:
            revert_patent_edit(session, self.edit)
            rescore(session, patent_ids=[self.patent_id])
        self.context.data_changed.emit(DataKind.PATENT)
