"""ui/tasks.py: a worker hands its progress and outcome to the GUI thread, and hands nothing
to a task that its owner (a dialog closed, a page closed) deleted while the worker ran."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog

from roadshow_desk.domain.progress import Progress
from roadshow_desk.ui.tasks import run_task


@pytest.fixture
def thread_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Exceptions that escaped a worker thread (instead of the default report)."""
    errors: list[BaseException] = []

    def hook(args: threading.ExceptHookArgs) -> None:
        errors.append(args.exc_value if args.exc_value is not None else Exception(args.exc_type))

    monkeypatch.setattr(threading, "excepthook", hook)
    return errors


def test_progress_and_the_result_arrive_in_order_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QDialog()
    qtbot.addWidget(owner)
    seen: list[tuple[str, Any, str]] = []

    def work(progress: Progress) -> int:
        progress.start(2, "first")
        progress.step(1, "second")
        progress.step(1)
        return 42

    task = run_task(owner, "Counting", work, show_dialog=False)
    task.progressed.connect(
        lambda done, total, text: seen.append(("progress", (done, total, text), thread()))
    )
    task.succeeded.connect(lambda result: seen.append(("succeeded", result, thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == [
        ("progress", (0, 2, "first"), "MainThread"),
        ("progress", (1, 2, "second"), "MainThread"),
        ("progress", (2, 2, "second"), "MainThread"),
        ("succeeded", 42, "MainThread"),
    ]


@pytest.mark.parametrize("outcome", ["returns", "raises"])
def test_a_task_deleted_with_its_dialog_while_the_worker_runs_gets_nothing(  # type: ignore[no-untyped-def]
    qtbot, thread_errors, outcome: str
) -> None:
    """The dialog closes (and is deleted) while its check still runs on the worker; the
    worker's progress and result then go nowhere, without an error on either thread. It used
    to call into the deleted task from the worker (an error, or a crash when the deletion
    came in the middle of the call)."""
    owner = QDialog()
    gate = threading.Event()

    def work(progress: Progress) -> int:
        gate.wait(5)
        progress.step(1, "after the dialog closed")
        if outcome == "raises":
            raise ValueError("a row that cannot be read")
        return 7

    task = run_task(owner, "Checking rows", work, show_dialog=False)
    delivered: list[object] = []
    task.progressed.connect(lambda *args: delivered.append(args))
    task.finished.connect(lambda: delivered.append("finished"))
    shiboken6.delete(owner)  # the dialog and its task are gone; the worker still runs
    assert not shiboken6.isValid(task)
    gate.set()
    assert task.wait(5)
    qtbot.wait(100)  # whatever was handed over arrives now
    assert thread_errors == []
    assert delivered == []


def thread() -> str:
    return threading.current_thread().name
