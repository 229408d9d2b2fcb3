"""Undoable resolution of import conflicts; each step calls an ``exchange`` function."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand

from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.exchange.conflict_resolution import (
    ConflictResolutionUndo,
    resolve_with_undo,
    undo_resolution,
)
from roadshow_desk.ui.workflow import AppContext, DataKind


class ResolveConflictsCommand(QUndoCommand):
    """Keep mine / take the file's for some conflicts (one field, a selection or all).

    Undo opens the conflicts again and puts the records, their local edits, scores and
    search-index queue back exactly as they were; redo resolves them again. A command that
    finds none of its conflicts open makes itself obsolete (the stack drops it).
    """

    def __init__(
        self,
        context: AppContext,
        conflict_ids: Iterable[int],
        resolution: ConflictResolution,
        text: str,
    ) -> None:
        super().__init__(text)
        self.context = context
        self.conflict_ids = list(conflict_ids)
        self.resolution = resolution
        self.done: ConflictResolutionUndo | None = None

    def redo(self) -> None:
        self.done = resolve_with_undo(self.context.database, self.conflict_ids, self.resolution)
        if self.done is None:
            self.setObsolete(True)
            return
        self._changed()

    def undo(self) -> None:
        if self.done is None:
            return
        undo_resolution(self.context.database, self.done)
        self._changed()

    def changed_patent_ids(self) -> list[int]:
        """The patents whose values the last redo changed."""
        return list(self.done.changed_patent_ids) if self.done is not None else []

    def _changed(self) -> None:
        # Conflicts of patents and of enterprises: both lists may change.
        self.context.data_changed.emit(DataKind.PATENT)
        self.context.data_changed.emit(DataKind.ENTERPRISE)
