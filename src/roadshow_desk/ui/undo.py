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
(the stack's own redo of it is then skipped: the one place a "done already" flag lives).

Long work (rescoring the library) is made on a worker first and then handed over with
:meth:`~Command.push_done`; only its undo and redo run on the GUI thread.

Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) are the window's Edit actions on the same stack.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from roadshow_desk.errors import InputError
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
        self._pushing = False

    def push(self) -> bool:
        """Make the change and put it on the context's stack; False when it was refused or
        changed nothing (the stack, and what it can redo, untouched)."""
        self.redo()
        if self.isObsolete():
            return False
        self._pushing = True  # made: the stack's redo in push() must not make it twice
        self.context.undo_stack.push(self)
        return True

    def push_done(self, result: Any) -> None:
        """Put a change already made on a worker (:func:`~roadshow_desk.ui.tasks.run_task`,
        which did what :meth:`do` would and returned ``result``) on the stack, and tell the
        pages; undo and redo then work as for any command."""
        self.result = result
        self.exception = None
        self._done = True
        self._pushing = True
        self.context.undo_stack.push(self)
        self._emit()

    # ------------------------------------------------------------------ to write

    def do(self) -> Any:
        """Make the change (first redo); return what :meth:`revert` needs."""
        raise NotImplementedError

    def revert(self, result: Any) -> None:
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
        if self._pushing:
            self._pushing = False
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

    def _emit(self) -> None:
        for kind in self.changed_kinds():
            self.context.data_changed.emit(kind)
