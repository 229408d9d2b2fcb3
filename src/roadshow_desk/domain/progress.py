"""Progress and cancellation for long work, without Qt.

A long operation (import, brochure, merge, demo) takes a :class:`Progress` and calls
:meth:`Progress.step` as it goes; :meth:`Progress.check` raises :class:`Cancelled` once the
user asked to stop, and the operation then rolls its transaction back so the database is as
it was. The window runs such functions on a worker thread (``ui.tasks``) and passes a
Progress whose callback forwards to a progress dialog; the CLI and tests pass
:data:`NO_PROGRESS` or their own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the operation; nothing it did was kept."""


ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Counts done/total units of work and carries the cancel request."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.text = ""

    def start(self, total: int, text: str = "") -> None:
        self.total = max(0, total)
        self.done = 0
        self.text = text
        self._emit()
        self.check()

    def step(self, count: int = 1, text: str | None = None) -> None:
        """Record ``count`` more units done; raises :class:`Cancelled` when asked to stop."""
        self.done += count
        if text is not None:
            self.text = text
        self._emit()
        self.check()

    def set_text(self, text: str) -> None:
        self.text = text
        self._emit()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def _emit(self) -> None:
        if self._callback is not None:
            self._callback(self.done, self.total, self.text)


class _NoProgress(Progress):
    def cancel(self) -> None:  # a shared instance is never cancelled
        pass


NO_PROGRESS: Progress = _NoProgress()
