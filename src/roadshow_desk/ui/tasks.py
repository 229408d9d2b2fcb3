"""One way to run long work: a worker thread, a progress dialog with Cancel, a result signal.

``run_task(parent, title, func, *args)`` calls ``func(progress, *args)`` on a worker thread,
where ``progress`` is a :class:`roadshow_desk.domain.progress.Progress`. The returned
:class:`Task` emits ``succeeded(result)``, ``failed(exception)`` or ``cancelled()`` on the GUI
thread. Workers never touch widgets; the function must leave the database as it was when it
raises :class:`~roadshow_desk.domain.progress.Cancelled`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from roadshow_desk.domain.progress import Cancelled, Progress
from roadshow_desk.ui.gui_thread import deliver, keeper


class Task(QObject):
    """A running background job."""

    succeeded = Signal(object)
    """The function returned (its result)."""
    failed = Signal(object)
    """The function raised (the exception)."""
    cancelled = Signal()
    """The user cancelled; the function stopped and kept nothing."""
    progressed = Signal(int, int, str)
    """(done, total, text) — emitted from the worker, delivered on the GUI thread."""
    finished = Signal()
    """Emitted after whichever of the three outcomes above."""

    def __init__(self, func: Callable[..., Any], args: tuple[Any, ...], parent: QObject | None):
        super().__init__(parent)
        keeper()  # made on the GUI thread, before the worker hands anything over
        # The worker never touches this object: its parent (a dialog, a page) may delete it
        # meanwhile. Progress and the outcome go through gui_thread.deliver, which drops them
        # when the task is gone by the time they arrive.
        self.progress = Progress(
            lambda done, total, text: deliver(self, self._emit_progressed, done, total, text)
        )
        self._func = func
        self._args = args
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        """Start the worker (once: later calls do nothing)."""
        if not self.started:
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def cancel(self) -> None:
        self.progress.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker ends (for tests and shutdown)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._func(self.progress, *self._args)
        except Cancelled:
            deliver(self, self._emit_cancelled)
        except BaseException as exc:  # delivered to the GUI thread as a signal
            self.error = exc
            deliver(self, self._emit_failed)
        else:
            self.result = result
            deliver(self, self._emit_succeeded)

    def _emit_progressed(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)

    def _emit_succeeded(self) -> None:
        self.succeeded.emit(self.result)
        self.finished.emit()

    def _emit_failed(self) -> None:
        self.failed.emit(self.error)
        self.finished.emit()

    def _emit_cancelled(self) -> None:
        self.cancelled.emit()
        self.finished.emit()


def run_task(
    parent: QWidget | None,
    title: str,
    func: Callable[..., Any],
    *args: Any,
    show_dialog: bool = True,
) -> Task:
    """Start ``func(progress, *args)`` on a worker, with a modal progress dialog and Cancel."""
    task = Task(func, args, parent)
    if show_dialog:
        dialog = QProgressDialog(title, QCoreApplication.translate("Task", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def on_progress(done: int, total: int, text: str) -> None:
            if not shiboken6.isValid(dialog):  # gone with its window: the work goes on
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        task.progressed.connect(on_progress)
        dialog.canceled.connect(task.cancel)
        task.finished.connect(dialog.close)  # (both dropped when the dialog is gone already)
        task.finished.connect(dialog.deleteLater)
    task.start()
    return task
