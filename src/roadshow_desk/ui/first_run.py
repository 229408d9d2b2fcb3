"""The first start: fill the empty database with the demo fair, from the window.

:class:`DemoFairAction` is the window's ``action_open_demo`` ("Open the demo fair"): it runs
:func:`roadshow_desk.store.demo.fill_demo` (what ``roadshow-desk demo`` does) on a worker
with a progress dialog, then tells every page that records changed and makes the demo event
current. The demo only fills an empty database; on any other it says so in a sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from roadshow_desk.i18n import fmt
from roadshow_desk.ui.tasks import Task, run_task
from roadshow_desk.ui.workflow import AppContext, DataKind

#: What the demo writes: every kind of record the pages show.
DEMO_KINDS = (
    DataKind.PATENT,
    DataKind.ENTERPRISE,
    DataKind.EVENT,
    DataKind.SHORTLIST,
    DataKind.AGENDA,
    DataKind.CHECKIN,
    DataKind.INTENTION,
)


class DemoFairAction(QAction):
    """Open the demo fair: fill the (empty) database with a complete example fair."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(self.tr("Open the &demo fair"))
        self.setObjectName("action_open_demo")
        self.context = context
        self.page = parent
        self.task: Task | None = None
        self.triggered.connect(self.start)

    def start(self) -> Task | None:
        if self.task is not None:
            return None
        from roadshow_desk.store.demo import fill_demo

        database = self.context.database

        def work(progress: Any) -> Any:
            return fill_demo(database, progress=progress)

        self.task = run_task(self.page, self.tr("Writing the demo fair…"), work)
        self.task.succeeded.connect(self._filled)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._forget)
        return self.task

    def _forget(self) -> None:
        self.task = None

    def _filled(self, summary: Any) -> None:
        for kind in DEMO_KINDS:
            self.context.data_changed.emit(kind)
        self.context.event_changed.emit(summary.event_id)
        self.context.status_message.emit(
            fmt(
                self.tr("The demo fair “%1” is open: %2 patents, %3 enterprises."),
                summary.event_name,
                str(summary.patents),
                str(summary.enterprises),
            )
        )

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self.page, self.text().replace("&", ""), str(error))
