"""The capture page: the capture panel full size, and the import of transcribed paper sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from roadshow_desk.exchange.intention_forms import ONLINE_PRESETS
from roadshow_desk.i18n import fmt, translate
from roadshow_desk.ui.capture.panel import CapturePanel
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage


class CapturePage(WorkflowPage):
    """Desk staff record intentions here (see :class:`CapturePanel`)."""

    view_name = "capture"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.panel = CapturePanel(context, self)
        self.panel.setObjectName("panel_capture")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

        self.new_action = QAction(QIcon("icons:new.svg"), self.tr("New capture (F2)"), self)
        self.new_action.setObjectName("action_new_capture")
        self.new_action.triggered.connect(self.panel.new_capture)
        self.import_action = QAction(
            QIcon("icons:import.svg"),
            self.tr("Import paper sheets or online-form exports…"),
            self,
        )
        self.import_action.setObjectName("action_import_sheets")
        self.import_action.triggered.connect(self.choose_sheet)
        self._task: Any = None
        self.empty = EmptyState(self, "empty_capture")
        context.data_changed.connect(self._on_data_changed)
        context.capture_panel_factory = lambda: CapturePanel(context)  # the roadshow console

    def title(self) -> str:
        return self.tr("Capture")

    def icon(self) -> QIcon:
        return QIcon("icons:capture.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.new_action, self.import_action]

    def activate(self) -> None:
        self.panel.refresh()
        self.panel.field_enterprise.edit.setFocus()
        show_next_step(self.empty, self, self.context)  # an event, patents, enterprises?

    def _on_data_changed(self, _kind: DataKind) -> None:
        if self.empty.isHidden() or show_next_step(self.empty, self, self.context):
            return
        if self.isVisible():  # the last missing step is done: ready to capture
            self.panel.field_enterprise.edit.setFocus()

    # ------------------------------------------------------------------ paper sheets

    def choose_sheet(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import transcribed paper sheets or online-form exports"),
            "",
            self.tr("Tables (*.xlsx *.xls *.csv *.ods)"),
        )
        if path:
            self.import_sheet(Path(path))

    def import_sheet(self, path: Path) -> Any:
        """Import a sheet on a worker; the result or the problem is shown in a message box."""
        from roadshow_desk.exchange.intention_import import import_intentions
        from roadshow_desk.ui.tasks import run_task

        rejects = path.with_name(path.stem + "-rejects.xlsx")

        def work(progress: Any) -> Any:
            return import_intentions(
                self.context.database,
                path,
                event_id=self.context.current_event_id,
                rejects_path=rejects,
                station=self.context.station,
                progress=progress,
            )

        self._task = run_task(self, fmt(self.tr("Importing %1"), path.name), work)
        self._task.succeeded.connect(self._imported)
        self._task.failed.connect(self._import_failed)
        return self._task

    def _imported(self, result: Any) -> None:
        self.context.data_changed.emit(DataKind.INTENTION)
        # an online form's new firms came in as walk-ins signed up for the event
        self.context.data_changed.emit(DataKind.ENTERPRISE)
        text = fmt(
            self.tr("%1 new, %2 updated, %3 unchanged, %4 rejected."),
            str(result.inserted),
            str(result.updated),
            str(result.unchanged),
            str(result.rejected),
        )
        online = {preset.name: preset.label for preset in ONLINE_PRESETS}
        if result.preset in online:  # 问卷星, 腾讯问卷, 金数据: say how the file was read
            text += "\n" + fmt(self.tr("Read as: %1"), translate("Presets", online[result.preset]))
        if result.rejects_path is not None:
            text += "\n" + fmt(
                self.tr("Rejected rows and their reasons: %1"), str(result.rejects_path)
            )
        self.context.status_message.emit(text.splitlines()[0])
        QMessageBox.information(self, self.tr("Paper sheets imported"), text)

    def _import_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Paper sheets not imported"), str(error))
