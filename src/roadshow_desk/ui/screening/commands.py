"""Undoable rubric changes (:mod:`roadshow_desk.ui.undo`): saving a rubric under a name
(``store.rubric_changes``), and applying one, which rescores the whole library and so is a
:class:`~roadshow_desk.ui.undo.LongCommand`: its undo and redo run on a worker with progress
and Cancel (``store.rubrics.take_back_applied`` / ``apply_rubric``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.domain.rubric import RubricSpec
from roadshow_desk.i18n import fmt
from roadshow_desk.store import rubrics
from roadshow_desk.store.rubric_changes import (
    RubricChange,
    save_rubric_undoably,
    take_back_rubric_change,
)
from roadshow_desk.ui.undo import Command, LongCommand, Step
from roadshow_desk.ui.workflow import AppContext, DataKind


class SaveRubricCommand(Command):
    """Save a rubric under its name, without making it active (nothing is rescored); undo
    puts the rubrics back as they were."""

    KINDS = (DataKind.PATENT,)

    def __init__(self, context: AppContext, name: str, spec: RubricSpec) -> None:
        text = QCoreApplication.translate("RubricCommands", "Save rubric %1")
        super().__init__(context, fmt(text, " ".join(name.split())))
        self.name = name
        self.spec = spec

    def do(self) -> RubricChange:
        with self.session() as session:
            return save_rubric_undoably(session, self.name, self.spec)

    def revert(self, result: RubricChange) -> None:
        with self.session() as session:
            take_back_rubric_change(session, result)


class ApplyRubricCommand(LongCommand):
    """Save a rubric under its name, make it the active one and rescore every patent; undo
    puts the rubrics and the scores back as they were. Every step runs on a worker."""

    KINDS = (DataKind.PATENT,)

    def __init__(
        self, context: AppContext, name: str, spec: RubricSpec, *, today: dt.date | None = None
    ) -> None:
        text = QCoreApplication.translate("RubricCommands", "Apply rubric %1")
        super().__init__(context, fmt(text, " ".join(name.split())))
        self.name = name
        self.spec = spec
        self.today = today

    def do(self, progress: Progress = NO_PROGRESS) -> RubricChange:
        database = self.context.database
        applied = rubrics.apply_rubric(
            database, self.name, self.spec, today=self.today, progress=progress
        )
        return applied.change

    def revert(self, result: RubricChange, progress: Progress = NO_PROGRESS) -> int:
        database = self.context.database
        return rubrics.take_back_applied(database, result, today=self.today, progress=progress)

    def progress_title(self, step: Step) -> str:
        return QCoreApplication.translate("RubricDialog", "Recomputing the scores")

    def step_done(self, step: Step, outcome: RubricChange | int) -> None:
        changed = outcome.rescored if isinstance(outcome, RubricChange) else outcome
        text = QCoreApplication.translate("RubricDialog", "Scores recomputed: %1 patents changed.")
        self.announce(fmt(text, str(changed)))
