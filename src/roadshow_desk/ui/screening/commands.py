"""Undoable rubric saves (:mod:`roadshow_desk.ui.undo`), through ``store.rubric_changes``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain.rubric import RubricSpec
from roadshow_desk.i18n import fmt
from roadshow_desk.store.rubric_changes import (
    RubricChange,
    save_rubric_undoably,
    take_back_rubric_change,
)
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


class SaveRubricCommand(Command):
    """Save a rubric under its name (Apply/OK: also make it active and rescore every
    patent); undo puts the rubrics and the scores back as they were."""

    KINDS = (DataKind.PATENT,)

    def __init__(
        self,
        context: AppContext,
        name: str,
        spec: RubricSpec,
        *,
        activate: bool,
        today: dt.date | None = None,
    ) -> None:
        text = (
            QCoreApplication.translate("RubricCommands", "Apply rubric %1")
            if activate
            else QCoreApplication.translate("RubricCommands", "Save rubric %1")
        )
        super().__init__(context, fmt(text, " ".join(name.split())))
        self.name = name
        self.spec = spec
        self.activate = activate
        self.today = today

    def do(self) -> RubricChange:
        with self.session() as session:
            return save_rubric_undoably(
                session, self.name, self.spec, activate=self.activate, today=self.today
            )

    def revert(self, result: RubricChange) -> None:
        with self.session() as session:
            changed = take_back_rubric_change(session, result, today=self.today)
        if result.activated:
            self.announce(
                fmt(
                    QCoreApplication.translate(
                        "RubricDialog", "Scores recomputed: %1 patents changed."
                    ),
                    str(changed),
                )
            )
