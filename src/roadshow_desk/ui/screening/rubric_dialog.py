"""The scoring rubric dialog: points and thresholds, named rubrics, a live preview.

Every edit recomputes, a moment later, how the library's scores would spread over the
score bands and the breakdown of the patent selected in the library — in SQL and for one
patent, without writing (``store.rubrics.rubric_preview``). OK or Apply saves the rubric
under its name, makes it the active one and rescores every patent on a worker, with
progress and Cancel (``store.rubrics.apply_rubric``; a cancel keeps nothing). The window's
Ctrl+Z and Ctrl+Shift+Z take it back and make it again on a worker too
(``commands.ApplyRubricCommand``, a :class:`~roadshow_desk.ui.undo.LongCommand`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from roadshow_desk.domain.progress import Progress
from roadshow_desk.domain.rubric import (
    THRESHOLD_RANGES,
    WEIGHT_RANGE,
    Criterion,
    RubricSpec,
    Threshold,
    breakdown_text,
    criterion_label,
    threshold_label,
)
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt
from roadshow_desk.store import rubrics, scoring
from roadshow_desk.store.facets import NO_SCORE, band_label
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.screening.commands import ApplyRubricCommand, SaveRubricCommand
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import AppContext


class RubricDialog(QDialog):
    """Edit the active rubric (or another named one) and rescore the library."""

    rescored = Signal(int)
    """Scores were recomputed under the saved rubric (how many changed)."""

    PREVIEW_MS = 150

    combo_rubric: QComboBox
    button_save_as: QPushButton
    button_delete: QPushButton
    form_points: QFormLayout
    form_thresholds: QFormLayout
    label_distribution: QLabel
    label_patent: QLabel
    label_breakdown: QLabel
    buttons: QDialogButtonBox

    def __init__(
        self, context: AppContext, patent_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        load_ui("screening/rubric_dialog.ui", self)
        self.context = context
        self.patent_id = patent_id
        self.today = dt.date.today()
        self.points: dict[Criterion, QDoubleSpinBox] = {}
        self.thresholds: dict[Threshold, QSpinBox] = {}
        for criterion in Criterion:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"spin_points_{criterion.value}")
            spin.setRange(*WEIGHT_RANGE)
            spin.setDecimals(1)
            spin.setSingleStep(1.0)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._edited)
            self.points[criterion] = spin
            self.form_points.addRow(criterion_label(criterion), spin)
        for threshold in Threshold:
            box = QSpinBox()
            box.setObjectName(f"spin_threshold_{threshold.value}")
            box.setRange(*THRESHOLD_RANGES[threshold])
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.valueChanged.connect(self._edited)
            self.thresholds[threshold] = box
            self.form_thresholds.addRow(threshold_label(threshold), box)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PREVIEW_MS)
        self._timer.timeout.connect(self.update_preview)
        self._loading = False
        self.task: Task | None = None
        """The rescore of an Apply or OK while it runs."""
        self.combo_rubric.currentIndexChanged.connect(self._on_rubric_chosen)
        self.button_save_as.clicked.connect(self.save_as)
        self.button_delete.clicked.connect(self.delete_rubric)
        self.buttons.clicked.connect(self._on_button)
        self._fill_rubrics()

    # ------------------------------------------------------------------ the rubric

    def spec(self) -> RubricSpec:
        """The rubric as the dialog shows it now."""
        spec = RubricSpec({})
        for criterion, spin in self.points.items():
            spec = spec.with_weight(criterion, spin.value())
        for threshold, box in self.thresholds.items():
            spec = spec.with_threshold(threshold, box.value())
        return spec

    def set_spec(self, spec: RubricSpec) -> None:
        self._loading = True
        try:
            for criterion, spin in self.points.items():
                spin.setValue(spec.weight(criterion))
            for threshold, box in self.thresholds.items():
                box.setValue(spec.threshold(threshold))
        finally:
            self._loading = False
        self.update_preview()

    def _fill_rubrics(self, select_id: int | None = None) -> None:
        with self.context.database.session() as session:
            active = scoring.active_rubric(session)
            rubrics = [(r.id, r.name) for r in scoring.list_rubrics(session)]
        wanted = select_id if select_id is not None else active.id
        blocked = self.combo_rubric.blockSignals(True)
        self.combo_rubric.clear()
        for rubric_id, name in rubrics:
            self.combo_rubric.addItem(name, rubric_id)
        self.combo_rubric.setCurrentIndex(max(0, self.combo_rubric.findData(wanted)))
        self.combo_rubric.blockSignals(blocked)
        self._on_rubric_chosen()

    def current_rubric_id(self) -> int | None:
        data = self.combo_rubric.currentData()
        return int(data) if data is not None else None

    def _on_rubric_chosen(self, *_args: object) -> None:
        rubric_id = self.current_rubric_id()
        if rubric_id is None:
            return
        with self.context.database.session() as session:
            spec = rubrics.rubric_spec(session, rubric_id)
        self.button_delete.setEnabled(self.combo_rubric.count() > 1)
        self.set_spec(spec)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._timer.start()

    # ------------------------------------------------------------------ preview

    def update_preview(self) -> None:
        """Spread of the library's scores and the selected patent's breakdown, not saved."""
        self._timer.stop()
        spec = self.spec()
        with self.context.database.session() as session:
            preview = rubrics.rubric_preview(session, spec, self.patent_id, self.today)
        counts, title, lines = preview.band_counts, preview.title, preview.lines
        parts = [
            f"{band_label(key)}: {self.locale().toString(counts[key])}"
            for key in sorted(counts, key=lambda k: -k)
            if key != NO_SCORE
        ]
        self.label_distribution.setText(
            fmt(self.tr("Patents per score band: %1"), " · ".join(parts) or "—")
        )
        if title is None:
            self.label_patent.setText(self.tr("Select a patent in the library to see its score."))
            self.label_breakdown.clear()
            return
        total = sum(line.points for line in lines)
        self.label_patent.setText(fmt(self.tr("%1 — score %2"), title, f"{total:g}"))
        self.label_breakdown.setText(breakdown_text(lines))

    # ------------------------------------------------------------------ buttons

    def _on_button(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        standard = self.buttons.standardButton(button)
        if standard == QDialogButtonBox.StandardButton.RestoreDefaults:
            self.set_spec(RubricSpec())
        elif standard == QDialogButtonBox.StandardButton.Apply:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.AcceptRole:
            self.apply(close=True)
        elif role == QDialogButtonBox.ButtonRole.RejectRole:
            self.reject()

    def apply(self, *, close: bool = False) -> bool:
        """Save the shown rubric under its name, make it active and rescore every patent on
        a worker, with progress and Cancel; ``close`` closes the dialog once it is done.
        Returns whether the rescore started (``rescored`` says when it has ended)."""
        if self.task is not None:
            return False
        database, name, spec, today = (
            self.context.database,
            self.combo_rubric.currentText(),
            self.spec(),
            self.today,
        )

        def work(progress: Progress) -> rubrics.AppliedRubric:
            return rubrics.apply_rubric(database, name, spec, today=today, progress=progress)

        self.buttons.setEnabled(False)
        self.task = run_task(self, self.tr("Recomputing the scores"), work)
        self.task.succeeded.connect(lambda applied: self._applied(applied, name, spec, close))
        self.task.failed.connect(self._apply_failed)
        self.task.cancelled.connect(self._apply_cancelled)
        self.task.finished.connect(self._apply_ended)
        return True

    def _applied(
        self, applied: rubrics.AppliedRubric, name: str, spec: RubricSpec, close: bool
    ) -> None:
        # Made on the worker; Ctrl+Z in the window puts the rubric and the scores back (on a
        # worker too: ApplyRubricCommand is a LongCommand).
        command = ApplyRubricCommand(self.context, name, spec, today=self.today)
        command.push_done(applied.change)
        changed = applied.changed
        self._fill_rubrics(applied.rubric_id)
        self.context.status_message.emit(
            fmt(self.tr("Scores recomputed: %1 patents changed."), self.locale().toString(changed))
        )
        self.rescored.emit(changed)
        if close:
            self.accept()

    def _apply_failed(self, error: BaseException) -> None:
        if not isinstance(error, InputError):
            raise error
        QMessageBox.warning(self, self.windowTitle(), str(error))

    def _apply_cancelled(self) -> None:
        self.context.status_message.emit(
            self.tr("Rescoring cancelled: the rubric and the scores are as they were.")
        )

    def _apply_ended(self) -> None:
        self.task = None
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        """Closing while the scores are recomputed asks the worker to stop instead."""
        if self.task is not None:
            self.task.cancel()
            return
        super().reject()

    def save_as(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save rubric as"), self.tr("Name of the new rubric:")
        )
        if not ok:
            return
        command = SaveRubricCommand(self.context, name, self.spec())
        command.push()
        if command.exception is not None:
            QMessageBox.warning(self, self.windowTitle(), command.error)
            return
        self._fill_rubrics(command.result.rubric_id)

    def delete_rubric(self) -> None:
        rubric_id = self.current_rubric_id()
        if rubric_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            fmt(self.tr("Delete the rubric “%1”?"), self.combo_rubric.currentText()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.context.database.session() as session:
                scoring.delete_rubric(session, rubric_id)
        except InputError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self._fill_rubrics()
