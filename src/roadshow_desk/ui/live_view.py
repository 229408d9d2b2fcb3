"""Live view across desks on a shared PostgreSQL server: a light poll of change marks.

Every second a worker thread reads :func:`roadshow_desk.store.live.change_marks` (one short
statement; never on the GUI thread, so a slow or lost server never freezes the window);
when a mark differs from the last one, ``context.data_changed`` is emitted with its kind, and
the pages refresh as they do after this desk's own writes (today's list and counts, check-in
counts, slots). On SQLite (one desk per file) it does nothing.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from roadshow_desk.ui.workflow import DataKind

INTERVAL_MS = 1000


class LiveView(QObject):
    """Polls the server's change marks for an :class:`AppContext` (see the module)."""

    _polled = Signal(object)

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.context = context
        self._marks: dict[str, str] | None = None
        self._busy = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        self._polled.connect(self._compare)
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
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._polled.emit(marks)

    def _compare(self, marks: dict[str, str]) -> None:
        before, self._marks = self._marks, marks
        if before is None:
            return
        for kind, mark in marks.items():
            if before.get(kind) != mark:
                self.context.data_changed.emit(DataKind(kind))
