"""The one way a change becomes undoable: a :class:`Command` on ``context.undo_stack``.

A page builds a command and calls :meth:`~Command.push`: its first redo *performs* the
change (nothing is written before), so what the user did and what Ctrl+Z takes back are the
same step. A subclass writes three small methods, each a call of a function
below ``ui/`` in one short transaction (:meth:`Command.session`):

* :meth:`~Command.do` makes the change and returns what undo needs (the previous values,
  the ids it created...); :meth:`~Command.changed` says whether it changed anything;
* :meth:`~Command.revert` takes it back from that result;
* :meth:`~Command.reapply` does it again after an undo (by default :meth:`~Command.do`
  once more) and returns the new result.

After each step the command emits its :attr:`~Command.KINDS` on ``data_changed`` so the
pages refresh. Errors keep the stack consistent:

* a first redo that raises :class:`~roadshow_desk.errors.InputError` wrote nothing (its
  transaction is rolled back): the sentence goes to the status bar and to
  :attr:`~Command.error` / :attr:`~Command.exception` (the page may show it beside the field),
  and the command makes itself obsolete, so the stack drops it; a first redo that changed
  nothing is dropped the same way (nothing to undo);
* an undo or a later redo that raises (another station removed the record meanwhile...) also
  shows its sentence and drops the command: the database stays as the failed step found it,
  and the stack no longer offers a step it cannot make;
* any other exception is a bug: the command is dropped all the same and the exception goes
  on (from :meth:`~Command.push` as raised; from the stack's undo and redo, PySide wraps it
  in a ``RuntimeError``). A page does not catch domain errors around a push: it reads
  :attr:`~Command.exception`.

The page reads :attr:`~Command.result` after the push (for its own message), or
:attr:`~Command.exception` when the change was refused.

:meth:`~Command.push` rather than ``undo_stack.push(command)``: both make the change in the
first redo, but ``QUndoStack.push`` throws away the steps the user could redo *before* it
drops a command that turned out obsolete, so a refused or empty change would cost them.
:meth:`~Command.push` makes the change first and hands only a real change to the stack
(the stack's own redo of it is then skipped: ``_step_made``, the one place a "done
already" flag lives).

Long commands
-------------
A change that takes seconds (rescoring 100,000 patents after a rubric change) must not
freeze the window, in either direction. A :class:`LongCommand` writes the same three
methods with a ``progress`` argument (a :class:`~roadshow_desk.domain.progress.Progress`);
they run on a worker thread through :func:`~roadshow_desk.ui.tasks.run_task`, with the
progress dialog and Cancel, so each must do its work in one transaction, touch no widget and
leave the database as it was when it raises
:class:`~roadshow_desk.domain.progress.Cancelled`. :meth:`LongCommand.step_done` then says
the outcome on the GUI thread. The first step is either :meth:`LongCommand.push` (``do`` on
a worker, the command on the stack once it succeeded) or a page's own worker handing its
result over with :meth:`~Command.push_done` (the rubric dialog's Apply:
``ui/screening/commands.py`` ``ApplyRubricCommand``).

The context's :class:`UndoStack` runs a long command's undo and redo: Ctrl+Z starts the
worker and the stack's index moves only when the worker *succeeded*, so the index always
matches the database:

* while the worker runs the stack is :attr:`~UndoStack.busy`: the window's Undo and Redo
  are disabled and another undo or redo does nothing (Ctrl+Z pressed twice undoes one
  step), :meth:`Command.push` refuses with one sentence, and a :meth:`~Command.push_done`
  waits until the step has ended;
* Cancel is safe: the worker's transaction is rolled back, the index stays, the status bar
  says that nothing was changed;
* a failure is a failed step as above: an ``InputError`` says its sentence and drops the
  command, anything else drops it and goes on to the error hook (one sentence on the status
  bar, the trace in ``errors.log``); the worker's transaction is rolled back either way.

Only the window's actions and :meth:`UndoStack.undo` / :meth:`UndoStack.redo` called from
Python know this; Qt's own ``QUndoStack.setIndex`` (a ``QUndoView``) would run a long
command's steps on the GUI thread (still correct, just frozen meanwhile).

Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) are the window's Edit actions on the same stack.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.orm import Session

from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt

if TYPE_CHECKING:
    from roadshow_desk.ui.tasks import Task
    from roadshow_desk.ui.workflow import AppContext, DataKind


class Command(QUndoCommand):
    """One undoable change through domain functions (see the module notes)."""

    KINDS: tuple[DataKind, ...] = ()
    """What ``data_changed`` announces after each step."""

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.result: Any = None
        """What the last :meth:`do` / :meth:`reapply` returned."""
        self.exception: InputError | None = None
        """The refusal of the last step, if it failed."""
        self._done = False
        self._step_made = False
        """The stack's next redo() or undo() only moves its index: the step is made."""

    def push(self) -> bool:
        """Make the change and put it on the context's stack; False when it was refused or
        changed nothing (the stack, and what it can redo, untouched)."""
        if self._refused_while_busy():
            return False
        self.redo()
        if self.isObsolete():
            return False
        self._step_made = True  # made: the stack's redo in push() must not make it twice
        self.context.undo_stack.push(self)
        return True

    def push_done(self, result: Any) -> None:
        """Put a change already made on a worker (:func:`~roadshow_desk.ui.tasks.run_task`,
        which did what :meth:`do` would and returned ``result``) on the stack, and tell the
        pages; undo and redo then work as for any command."""
        self.result = result
        self.exception = None
        self._done = True
        self._step_made = True
        self.context.undo_stack.push(self)
        self._emit()

    # ------------------------------------------------------------------ to write

    def do(self) -> Any:
        """Make the change (first redo); return what :meth:`revert` needs."""
        raise NotImplementedError

    def revert(self, result: Any) -> Any:
        """Take back the change that returned ``result``."""
        raise NotImplementedError

    def reapply(self, result: Any) -> Any:
        """Make the change again after :meth:`revert`; by default :meth:`do` again."""
        return self.do()

    def changed(self, result: Any) -> bool:
        """Whether the first :meth:`do` changed anything (else the stack drops the command)."""
        return True

    def changed_kinds(self) -> Sequence[DataKind]:
        """The ``data_changed`` kinds to emit after a step (by default :attr:`KINDS`)."""
        return self.KINDS

    # ------------------------------------------------------------------ helpers

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short transaction (committed on success, rolled back on an error)."""
        with self.context.database.session() as session:
            yield session

    @property
    def error(self) -> str:
        """The sentence of the last refusal ("" when the last step worked)."""
        return str(self.exception) if self.exception is not None else ""

    def announce(self, message: str) -> None:
        """Say something on the status bar."""
        self.context.status_message.emit(message)

    # ------------------------------------------------------------------ QUndoCommand

    def redo(self) -> None:
        if self._step_made:
            self._step_made = False
            return
        first = not self._done
        try:
            result = self.do() if first else self.reapply(self.result)
        except InputError as exc:
            self._refused(exc)
            return
        except Exception:
            self.setObsolete(True)  # a bug: never leave a half-made step on the stack
            raise
        self.exception = None
        self.result = result
        self._done = True
        if first and not self.changed(result):
            self.setObsolete(True)  # nothing happened: nothing to undo
            return
        self._emit()

    def undo(self) -> None:
        if self._step_made:
            self._step_made = False
            return
        try:
            self.revert(self.result)
        except InputError as exc:
            self._refused(exc)
            return
        except Exception:
            self.setObsolete(True)
            raise
        self.exception = None
        self._emit()

    def _refused(self, exc: InputError) -> None:
        self.exception = exc
        self.setObsolete(True)  # the stack drops a step it cannot make
        self.announce(str(exc))

    def _refused_while_busy(self) -> bool:
        stack = self.context.undo_stack
        if not (isinstance(stack, UndoStack) and stack.busy):
            return False
        self.exception = InputError(
            QCoreApplication.translate("Undo", "Please wait until the step in progress ends.")
        )
        self.announce(self.error)
        return True

    def _emit(self) -> None:
        for kind in self.changed_kinds():
            self.context.data_changed.emit(kind)


class Step(enum.Enum):
    """Which step of a :class:`LongCommand` a worker makes."""

    DO = "do"
    UNDO = "undo"
    REDO = "redo"


class LongCommand(Command):
    """A command whose steps take long: :meth:`do`, :meth:`revert` and :meth:`reapply` run
    on a worker with progress and Cancel (see the module notes, "Long commands")."""

    def do(self, progress: Progress = NO_PROGRESS) -> Any:
        """Make the change in one transaction, counting on ``progress``."""
        raise NotImplementedError

    def revert(self, result: Any, progress: Progress = NO_PROGRESS) -> Any:
        """Take it back in one transaction; what it returns goes to :meth:`step_done`."""
        raise NotImplementedError

    def reapply(self, result: Any, progress: Progress = NO_PROGRESS) -> Any:
        """Make it again after :meth:`revert` (by default :meth:`do`); the new result."""
        return self.do(progress)

    def progress_title(self, step: Step) -> str:
        """The progress dialog's title for ``step`` (by default the command's text)."""
        return self.text()

    def step_done(self, step: Step, outcome: Any) -> None:
        """On the GUI thread after a step made on a worker (``outcome``: what :meth:`do`,
        :meth:`revert` or :meth:`reapply` returned); by default nothing."""

    def push(self) -> bool:
        """Start :meth:`do` on a worker; the command reaches the stack when it succeeded and
        changed something. False when it cannot start now (another step is running)."""
        if self._refused_while_busy():
            return False
        stack = self.context.undo_stack
        assert isinstance(stack, UndoStack)
        stack.run(self, Step.DO)
        return True


class UndoStack(QUndoStack):
    """The context's undo stack: a :class:`LongCommand`'s steps run on a worker and the
    index moves once they succeeded (see the module notes)."""

    busy_changed = Signal(bool)
    """A long command's step started on a worker (True) or ended, however (False)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog_parent: QWidget | None = None
        """Where the progress dialog opens (the window sets itself; else the active one)."""
        self.task: Task | None = None
        """The worker of the long step in progress."""
        self._last_task: Task | None = None  # alive until its signals have all been sent
        self._waiting: list[QUndoCommand] = []

    @property
    def busy(self) -> bool:
        """Whether a long command's step is running on a worker."""
        return self.task is not None

    def undo(self) -> None:
        """Undo the last step (on a worker for a :class:`LongCommand`); nothing while busy."""
        if self.busy or self.index() == 0:
            return
        command = self.command(self.index() - 1)
        if isinstance(command, LongCommand) and not command.isObsolete():
            self.run(command, Step.UNDO)
        else:
            super().undo()

    def redo(self) -> None:
        """Redo the next step (on a worker for a :class:`LongCommand`); nothing while busy."""
        if self.busy or self.index() >= self.count():
            return
        command = self.command(self.index())
        if isinstance(command, LongCommand) and not command.isObsolete():
            self.run(command, Step.REDO)
        else:
            super().redo()

    def push(self, cmd: QUndoCommand) -> None:
        """Push ``cmd``; while busy (a change a page made on its own worker) once the step
        in progress has ended."""
        if self.busy:
            self._waiting.append(cmd)
            return
        super().push(cmd)

    # ------------------------------------------------------------------ the worker

    def run(self, command: LongCommand, step: Step) -> None:
        """Make ``step`` of ``command`` on a worker; the stack follows when it succeeds."""
        from roadshow_desk.ui.tasks import run_task

        if self.busy:
            return
        index = self.index()

        def work(progress: Progress) -> Any:
            if step is Step.DO:
                return command.do(progress)
            if step is Step.UNDO:
                return command.revert(command.result, progress)
            return command.reapply(command.result, progress)

        parent = self.dialog_parent
        if parent is None or not shiboken6.isValid(parent):  # that window has been closed
            parent = QApplication.activeWindow()
        task = run_task(parent, command.progress_title(step), work)
        # The step belongs to the stack, not to the window showing its progress: a dialog that
        # was active and closes meanwhile would take the task along, its outcome would never
        # arrive and the stack would stay busy for good.
        task.setParent(self)
        self.task = task
        task.succeeded.connect(lambda outcome: self._succeeded(command, step, index, outcome))
        task.failed.connect(lambda error: self._failed(command, step, index, error))
        task.cancelled.connect(lambda: self._cancelled(command, step))
        self.busy_changed.emit(True)

    def _ended(self) -> None:
        self._last_task, self.task = self.task, None

    def _after(self) -> None:
        self.busy_changed.emit(False)
        waiting, self._waiting = self._waiting, []
        for cmd in waiting:
            self.push(cmd)

    def _in_place(self, command: LongCommand, step: Step, index: int) -> bool:
        """Whether the stack still is as the step found it (nothing cleared it meanwhile)."""
        if self.index() != index:
            return False
        if step is Step.UNDO:
            return index > 0 and self.command(index - 1) is command
        if step is Step.REDO:
            return index < self.count() and self.command(index) is command
        return True

    def _succeeded(self, command: LongCommand, step: Step, index: int, outcome: Any) -> None:
        self._ended()
        try:
            if step is Step.DO:
                if command.changed(outcome):
                    command.push_done(outcome)
                    command.step_done(step, outcome)
                return
            if not self._in_place(command, step, index):
                command._emit()  # the database changed; the stack was cleared meanwhile
                return
            command.exception = None
            command._step_made = True  # made on the worker: the stack only moves its index
            if step is Step.UNDO:
                super().undo()
            else:
                command.result = outcome
                super().redo()
            command._emit()
            command.step_done(step, outcome)
        finally:
            self._after()

    def _failed(self, command: LongCommand, step: Step, index: int, error: BaseException) -> None:
        self._ended()
        try:
            if step is not Step.DO and self._in_place(command, step, index):
                command.setObsolete(True)  # the stack drops a step it cannot make
                command._step_made = True
                if step is Step.UNDO:
                    super().undo()
                else:
                    super().redo()
            if not isinstance(error, InputError):
                raise error  # a bug, or a lost database: the error hook says it
            command.exception = error
            command.announce(str(error))
        finally:
            self._after()

    def _cancelled(self, command: LongCommand, step: Step) -> None:
        self._ended()
        text = {
            Step.DO: QCoreApplication.translate("Undo", "“%1” cancelled: nothing was changed."),
            Step.UNDO: QCoreApplication.translate(
                "Undo", "Undo of “%1” cancelled: nothing was changed."
            ),
            Step.REDO: QCoreApplication.translate(
                "Undo", "Redo of “%1” cancelled: nothing was changed."
            ),
        }[step]
        command.announce(fmt(text, command.text()))
        self._after()
