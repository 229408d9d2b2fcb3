"""Ctrl+Z and Ctrl+Shift+Z of an applied rubric rescore the library on a worker (#16 item 2):
every score comes back exactly, the window keeps running meanwhile, a second Ctrl+Z during
the work does not undo a second step, Cancel and a failure leave the database and the stack
as they were."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton
from sqlalchemy import select

from roadshow_desk.domain.models import PatentScore, Rubric
from roadshow_desk.domain.rubric import Criterion
from roadshow_desk.store import rubrics, scoring
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.screening.rubric_dialog import RubricDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def context(qapp, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    yield context
    task = getattr(context.undo_stack, "task", None)
    if task is not None:
        task.cancel()
        task.wait(10)
    context.undo_stack.clear()


@pytest.fixture
def window(qtbot, context) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    main.show_page("library")
    main.activateWindow()
    qtbot.waitExposed(main)
    yield main


def scores(context: Any) -> dict[int, float | None]:
    """Every patent's score as stored."""
    with context.database.session() as session:
        return dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())


def active_weights(context: Any) -> Any:
    with context.database.session() as session:
        return session.scalar(select(Rubric.weights).where(Rubric.is_active.is_(True)))


def apply_through_dialog(qtbot, window: MainWindow, points: int) -> None:  # type: ignore[no-untyped-def]
    """Open the rubric dialog, type ``points`` more for an invention, click Apply, wait for
    the rescore, close the dialog and come back to the window."""
    dialog = RubricDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    spin = dialog.points[Criterion.INVENTION]
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), str(int(spin.value()) + points))
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    with qtbot.waitSignal(dialog.rescored, timeout=20_000):
        qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL)


def press_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL | SHIFT)


def wait_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not getattr(window.context.undo_stack, "busy", False), timeout=20_000)


def held_rescore(monkeypatch) -> tuple[threading.Event, list[bool]]:  # type: ignore[no-untyped-def]
    """Make each rescore wait for the returned event (5 s at most); the list gets, per
    call, whether it ran on the GUI thread."""
    real = scoring.rescore
    release = threading.Event()
    on_gui: list[bool] = []

    def rescore(*args: Any, **kwargs: Any) -> int:
        on_gui.append(threading.current_thread() is threading.main_thread())
        release.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "rescore", rescore)
    return release, on_gui


def test_ctrl_z_puts_every_score_back_and_ctrl_shift_z_reapplies(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    stack = context.undo_stack
    before, rubric_before = scores(context), active_weights(context)
    apply_through_dialog(qtbot, window, 7)
    applied, rubric_applied = scores(context), active_weights(context)
    assert applied != before and rubric_applied != rubric_before
    assert window.undo_action.text() == "&Undo Apply rubric Standard"

    press_undo(qtbot, window)
    assert stack.busy and not window.undo_action.isEnabled()  # the work runs on a worker
    wait_idle(qtbot, window)
    assert scores(context) == before  # every patent's score, exactly
    assert active_weights(context) == rubric_before
    assert (stack.index(), stack.count()) == (0, 1)
    changed = sum(1 for key in before if before[key] != applied[key])
    assert window.statusBar().currentMessage() == f"Scores recomputed: {changed} patents changed."
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()

    press_redo(qtbot, window)
    assert stack.busy and not window.redo_action.isEnabled()
    wait_idle(qtbot, window)
    assert scores(context) == applied
    assert active_weights(context) == rubric_applied
    assert (stack.index(), stack.count()) == (1, 1)
    assert window.undo_action.isEnabled()


def test_ctrl_z_twice_during_the_work_undoes_one_step(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    stack = context.undo_stack
    original = scores(context)
    apply_through_dialog(qtbot, window, 7)
    first = scores(context)
    apply_through_dialog(qtbot, window, 7)
    second = scores(context)
    assert len({tuple(original.values()), tuple(first.values()), tuple(second.values())}) == 3
    release, on_gui = held_rescore(monkeypatch)  # the library's one slice of patents

    press_undo(qtbot, window)
    press_undo(qtbot, window)  # while the first undo still works
    qtbot.wait(50)
    assert stack.index() == 2  # nothing moves before the work is done
    release.set()
    wait_idle(qtbot, window)
    qtbot.wait(100)  # a second undo would have started by now
    wait_idle(qtbot, window)
    assert on_gui == [False]  # one undo (one rescore), on a worker
    assert (stack.index(), stack.count()) == (1, 2)
    assert scores(context) == first

    press_undo(qtbot, window)
    wait_idle(qtbot, window)
    assert (stack.index(), scores(context)) == (0, original)
    press_redo(qtbot, window)
    press_redo(qtbot, window)
    wait_idle(qtbot, window)
    qtbot.wait(100)
    wait_idle(qtbot, window)
    assert (stack.index(), scores(context)) == (1, first)
    press_redo(qtbot, window)
    wait_idle(qtbot, window)
    assert (stack.index(), scores(context)) == (2, second)


def test_the_window_keeps_running_while_the_undo_rescores(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The undo's rescore waits for a timer of the window to tick five times: on the GUI
    thread it would wait in vain (and the scores would still be back)."""
    context = window.context
    before = scores(context)
    apply_through_dialog(qtbot, window, 7)
    real = scoring.rescore
    ticked = threading.Event()
    ticks: list[int] = []
    calls: list[tuple[bool, bool]] = []

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 5:
            ticked.set()

    def rescore(*args: Any, **kwargs: Any) -> int:
        on_gui = threading.current_thread() is threading.main_thread()
        calls.append((on_gui, ticked.wait(5)))
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "rescore", rescore)
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    press_undo(qtbot, window)
    wait_idle(qtbot, window)
    timer.stop()
    assert calls and calls[0] == (False, True)
    assert not any(on_gui for on_gui, _ in calls)
    assert scores(context) == before


def test_cancel_during_the_undo_keeps_the_applied_rubric(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    stack = context.undo_stack
    before = scores(context)
    apply_through_dialog(qtbot, window, 7)
    applied, rubric_applied = scores(context), active_weights(context)
    real = scoring.rescore
    clicked = threading.Event()
    slices: list[int] = []

    def rescore(*args: Any, **kwargs: Any) -> int:
        slices.append(len(kwargs["patent_ids"]))
        clicked.wait(0.25)  # a large library: each slice takes a while
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "rescore", rescore)
    monkeypatch.setattr(rubrics, "RESCORE_STEP", 5)
    press_undo(qtbot, window)
    progress = window.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    clicked.set()
    wait_idle(qtbot, window)
    assert 1 <= len(slices) < len(before) / 5  # it stopped part of the way through
    assert scores(context) == applied
    assert active_weights(context) == rubric_applied
    assert (stack.index(), stack.count()) == (1, 1)
    assert window.statusBar().currentMessage() == (
        "Undo of “Apply rubric Standard” cancelled: nothing was changed."
    )
    monkeypatch.setattr(scoring, "rescore", real)
    window.activateWindow()  # the progress dialog has closed (offscreen: no window manager)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press_undo(qtbot, window)  # and it can still be undone
    wait_idle(qtbot, window)
    assert (stack.index(), scores(context)) == (0, before)


def test_a_failed_undo_keeps_the_scores_and_says_one_sentence(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    stack = context.undo_stack
    apply_through_dialog(qtbot, window, 7)
    applied, rubric_applied = scores(context), active_weights(context)
    real = scoring.rescore
    slices: list[int] = []

    def rescore(*args: Any, **kwargs: Any) -> int:
        slices.append(1)
        if len(slices) == 3:  # two slices already rescored in the transaction
            raise scoring.RubricError("That rubric no longer exists.")
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "rescore", rescore)
    monkeypatch.setattr(rubrics, "RESCORE_STEP", 5)
    press_undo(qtbot, window)
    wait_idle(qtbot, window)
    assert len(slices) == 3
    assert scores(context) == applied  # the two slices were rolled back
    assert active_weights(context) == rubric_applied
    assert window.statusBar().currentMessage() == "That rubric no longer exists."
    assert (stack.index(), stack.count()) == (0, 0)  # the step it cannot make is gone
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
