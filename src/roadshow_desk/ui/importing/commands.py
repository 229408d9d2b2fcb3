"""Undoable resolution of import conflicts (:mod:`roadshow_desk.ui.undo`); each step calls
an ``exchange`` function in its own transaction."""

from __future__ import annotations

from collections.abc import Iterable

from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.exchange.conflict_resolution import (
    ConflictResolutionUndo,
    resolve_with_undo,
    undo_resolution,
)
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class ResolveConflictsCommand(Command):
    """Keep mine / take the file's for some conflicts (one field, a selection or all).

    Undo opens the conflicts again and puts the records, their local edits, scores and
    search-index queue back exactly as they were; redo resolves them again. A command that
    finds none of its conflicts open makes itself obsolete (the stack drops it).
    """

    KINDS = (DataKind.PATENT, DataKind.ENTERPRISE)  # conflicts of patents and of enterprises

    def __init__(
        self,
        context: AppContext,
        conflict_ids: Iterable[int],
        resolution: ConflictResolution,
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.conflict_ids = list(conflict_ids)
        self.resolution = resolution

    def do(self) -> ConflictResolutionUndo | None:
        return resolve_with_undo(self.context.database, self.conflict_ids, self.resolution)

    def changed(self, result: ConflictResolutionUndo | None) -> bool:
        return result is not None

    def reapply(self, result: ConflictResolutionUndo | None) -> ConflictResolutionUndo | None:
        done = self.do()
        if done is None:  # another window resolved them meanwhile: nothing left to redo
            self.setObsolete(True)
        return done

    def revert(self, result: ConflictResolutionUndo | None) -> None:
        if result is not None:
            undo_resolution(self.context.database, result)

    def changed_patent_ids(self) -> list[int]:
        """The patents whose values the last redo changed."""
        result: ConflictResolutionUndo | None = self.result
        return list(result.changed_patent_ids) if result is not None else []
