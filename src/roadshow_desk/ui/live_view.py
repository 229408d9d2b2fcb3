"""Live view across desks on a shared PostgreSQL server: a light poll of change marks.

Every second a worker thread reads :func:`roadshow_desk.store.live.change_marks` (one short
statement; never on the GUI thread, so a slow or lost server never freezes the window);
when a mark differs from the last one, ``context.data_changed`` is emitted with its kind, and
the pages refresh as they do after this desk's own writes (today's list and counts, check-in
counts, slots). On SQLite (one desk per file) it does nothing.

The timer belongs to :func:`~roadshow_desk.ui.gui_thread.keeper`, not to the view: a context
nobody holds any more is freed by Python's cycle collector on whatever thread runs it, and a
running timer freed off the GUI thread crashes the GUI thread's event loop at its next tick.
The timer only holds the view weakly and ends itself (on the GUI thread) once the view is gone.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer

from roadshow_desk.ui.gui_thread import deliver, keeper
from roadshow_desk.ui.workflow import DataKind

INTERVAL_MS = 1000


class LiveView(QObject):
    """Polls the server's change marks for an :class:`AppContext` (see the module)."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.context = context
        self._marks: dict[str, str] | None = None
        self._busy = threading.Lock()
        timer = QTimer(keeper())  # not a child: see the module notes
        timer.setInterval(INTERVAL_MS)
        view = weakref.ref(self)

        def tick() -> None:
            alive = view()
            if alive is None or not shiboken6.isValid(alive):
                timer.stop()
                timer.deleteLater()
            else:
                alive._poll()

        timer.timeout.connect(tick)
        self._timer = timer
        self.destroyed.connect(timer.deleteLater)  # on the GUI thread (queued from others)
        engine = getattr(context.database, "engine", None)
        if engine is not None and engine.dialect.name == "postgresql":
            self._timer.start()
            self._poll()  # the marks to compare with

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        if not self._busy.acquire(blocking=False):
            return  # the previous poll is still waiting for the server
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        from roadshow_desk.store.live import change_marks

        try:
            marks = change_marks(self.context.database)
        except Exception:  # the server is away: try again at the next tick
            marks = None
        finally:
            self._busy.release()
        if marks is not None:
            deliver(self, self._compare, marks)

    def _compare(self, marks: dict[str, str]) -> None:
        before, self._marks = self._marks, marks
        if before is None:
            return
        for kind, mark in marks.items():
            if before.get(kind) != mark:
                self.context.data_changed.emit(DataKind(kind))
