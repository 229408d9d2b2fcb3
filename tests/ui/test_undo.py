"""The one undo base (ui/undo.py, #16 item 4): the first redo makes the change, a refusal is
one sentence and leaves the stack (and what it can redo) as it was, a failing undo drops
the step it cannot make, a bug is never left half-made on the stack."""

from __future__ import annotations

from typing import Any

import pytest

from roadshow_desk.errors import InputError
from roadshow_desk.ui.undo import Command


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
