"""The one undo base (ui/undo.py, #16 item 4): the first redo makes the change, a refusal is
one sentence and leaves the stack (and what it can redo) as it was, a failing undo drops
the step it cannot make, a bug is never left half-made on the stack."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.ui.undo import Command, LongCommand, Step


class Counter(Command):
    """Adds ``step`` to a list-held number; refuses as told."""

    KINDS = ("patent",)

    def __init__(self, context, box: list[int], step: int, refuse: str = "") -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, f"add {step}")
        self.box, self.step, self.refuse = box, step, refuse

    def do(self) -> int:
        if self.refuse == "do":
            raise InputError("That cannot be added.")
        if self.refuse == "bug":
            raise ZeroDivisionError
        self.box[0] += self.step
        return self.step

    def changed(self, result: Any) -> bool:
        return bool(result)

    def revert(self, result: int) -> None:
        if self.refuse == "undo":
            raise InputError("Someone removed it meanwhile.")
        self.box[0] -= result


def test_push_makes_the_change_and_undo_redo_follow(app_context) -> None:  # type: ignore[no-untyped-def]
    box, kinds = [0], []
    app_context.data_changed.connect(kinds.append)
    command = Counter(app_context, box, 2)
    assert command.push() and box == [2] and command.result == 2
    app_context.undo_stack.undo()
    assert box == [0]
    app_context.undo_stack.redo()
    assert box == [2] and kinds == ["patent"] * 3
    assert app_context.undo_stack.count() == 1


def test_a_refusal_or_nothing_done_keeps_the_stack_and_its_redo_steps(app_context) -> None:  # type: ignore[no-untyped-def]
    box, said = [0], []
    app_context.status_message.connect(said.append)
    stack = app_context.undo_stack
    Counter(app_context, box, 1).push()
    stack.undo()
    refused = Counter(app_context, box, 5, refuse="do")
    assert not refused.push()
    assert refused.error == "That cannot be added." and said == ["That cannot be added."]
    assert not Counter(app_context, box, 0).push()  # changed nothing
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 0, True)
    stack.redo()
    assert box == [1]


def test_an_undo_that_fails_says_so_and_drops_the_step(app_context) -> None:  # type: ignore[no-untyped-def]
    box, said = [0], []
    app_context.status_message.connect(said.append)
    stack = app_context.undo_stack
    Counter(app_context, box, 1).push()
    Counter(app_context, box, 2, refuse="undo").push()
    stack.undo()
    assert said == ["Someone removed it meanwhile."] and box == [3]
    assert (stack.count(), stack.index()) == (1, 1)  # the step it cannot make is gone
    stack.undo()
    assert box == [2]


def test_a_bug_is_raised_and_never_left_on_the_stack(app_context) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ZeroDivisionError):
        Counter(app_context, [0], 1, refuse="bug").push()
    assert app_context.undo_stack.count() == 0


class LongCounter(LongCommand):
    """A :class:`Counter` whose steps take long: each waits for ``gate`` and notes whether
    it ran on the GUI thread."""

    KINDS = ("patent",)

    def __init__(self, context, box: list[int], step: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, f"add {step} slowly")
        self.box, self.step = box, step
        self.gate = threading.Event()
        self.on_gui: list[bool] = []
        self.said: list[tuple[Step, Any]] = []

    def _wait(self, progress: Progress) -> None:
        self.on_gui.append(threading.current_thread() is threading.main_thread())
        progress.start(1)
        self.gate.wait(5)
        progress.step()

    def do(self, progress: Progress = NO_PROGRESS) -> int:
        self._wait(progress)
        self.box[0] += self.step
        return self.step

    def revert(self, result: int, progress: Progress = NO_PROGRESS) -> int:
        self._wait(progress)
        if self.box[0] < 0:
            raise ZeroDivisionError  # a bug (nothing was changed yet)
        self.box[0] -= result
        return self.box[0]

    def step_done(self, step: Step, outcome: Any) -> None:
        self.said.append((step, outcome))


def test_a_long_command_steps_on_a_worker_and_the_stack_waits_for_it(qtbot, app_context) -> None:  # type: ignore[no-untyped-def]
    stack, box, said = app_context.undo_stack, [0], []
    app_context.status_message.connect(said.append)
    busy: list[bool] = []
    stack.busy_changed.connect(busy.append)
    slow = LongCounter(app_context, box, 5)
    assert slow.push()
    assert stack.busy and stack.count() == 0  # on the stack once it is made
    slow.gate.set()
    qtbot.waitUntil(lambda: not stack.busy)
    assert (box, stack.count(), stack.index(), busy) == ([5], 1, 1, [True, False])

    slow.gate.clear()
    stack.undo()
    stack.undo()  # while the first undo works: nothing
    assert stack.busy and stack.index() == 1
    quick = Counter(app_context, box, 1)
    assert not quick.push()  # a change meanwhile is refused, nothing made
    assert quick.error == "Please wait until the step in progress ends." and box == [5]
    slow.gate.set()
    qtbot.waitUntil(lambda: not stack.busy)
    assert (box, stack.index()) == ([0], 0)
    stack.redo()
    qtbot.waitUntil(lambda: not stack.busy)
    assert (box, stack.index()) == ([5], 1)
    assert slow.on_gui == [False, False, False]
    assert slow.said == [(Step.DO, 5), (Step.UNDO, 0), (Step.REDO, 5)]


def test_a_change_handed_over_during_a_long_step_waits_for_it(qtbot, app_context) -> None:  # type: ignore[no-untyped-def]
    stack, box = app_context.undo_stack, [0]
    slow = LongCounter(app_context, box, 5)
    slow.gate.set()
    slow.push_done(slow.do())  # as a page's own worker would
    slow.gate.clear()
    stack.undo()
    later = Counter(app_context, box, 1)
    box[0] += 1  # made elsewhere (a page's worker), handed over while the undo works
    later.push_done(1)
    assert stack.count() == 1
    slow.gate.set()
    qtbot.waitUntil(lambda: not stack.busy)
    assert (box, stack.count(), stack.index()) == ([1], 1, 1)  # the redo of 5 gave way
    stack.undo()
    assert box == [0]


def test_a_long_step_that_fails_is_never_left_on_the_stack(qtbot, app_context) -> None:  # type: ignore[no-untyped-def]
    stack, box = app_context.undo_stack, [-10]
    slow = LongCounter(app_context, box, 5)
    slow.gate.set()
    slow.push_done(slow.do())
    with qtbot.capture_exceptions() as raised:
        stack.undo()
        qtbot.waitUntil(lambda: not stack.busy)
    assert [type(error) for _kind, error, _trace in raised] == [ZeroDivisionError]
    assert (box, stack.count(), stack.index()) == ([-5], 0, 0)  # as it was; the step gone


def test_a_long_step_ends_when_the_window_that_showed_its_progress_is_gone(  # type: ignore[no-untyped-def]
    qtbot, app_context
) -> None:
    """The progress shows over the active window; a dialog that was active and is deleted
    while the step works must not take the step along (the stack stayed busy for good)."""
    import shiboken6
    from PySide6.QtWidgets import QDialog

    stack, box = app_context.undo_stack, [0]
    dialog = QDialog()
    stack.dialog_parent = dialog
    slow = LongCounter(app_context, box, 5)
    assert slow.push() and stack.busy
    shiboken6.delete(dialog)  # closed and deleted while the worker runs
    slow.gate.set()
    qtbot.waitUntil(lambda: not stack.busy, timeout=5000)
    assert (box, stack.count()) == ([5], 1)
