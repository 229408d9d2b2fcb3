"""Undoable changes to the library (:mod:`roadshow_desk.ui.undo`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain.patent_editing import PatentEdit, edit_patent, revert_patent_edit
from roadshow_desk.store.scoring import rescore
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class EditPatentCommand(Command):
    """Write fields of one patent as local edits; undo restores values and edit marks."""

    KINDS = (DataKind.PATENT,)

    def __init__(
        self,
        context: AppContext,
        patent_id: int,
        changes: dict[str, Any],
        application_no: str,
    ) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("LibraryCommands", "Edit patent %1").replace(
                "%1", application_no
            ),
        )
        self.patent_id = patent_id
        self.changes = dict(changes)

    def do(self) -> PatentEdit | None:
        with self.session() as session:
            edit = edit_patent(session, self.patent_id, self.changes, station=self.context.station)
            if edit is not None:  # the rubric reads type, status, dates, claims...
                rescore(session, patent_ids=[self.patent_id])
        return edit

    def changed(self, result: PatentEdit | None) -> bool:
        return result is not None

    def revert(self, result: PatentEdit) -> None:
        with self.session() as session:
            revert_patent_edit(session, result)
            rescore(session, patent_ids=[self.patent_id])
