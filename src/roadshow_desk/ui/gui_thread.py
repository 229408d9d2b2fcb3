"""Handing work from worker threads back to the GUI thread without touching a QObject the
GUI thread may be deleting meanwhile.

A worker must not emit a signal of, or post an event to, an object that the GUI thread can
delete at the same moment (a dialog closed while its check runs, a page closed while its
figures are computed): the object's C++ side may be freed in the middle of the call, and the
process crashes. :func:`deliver` posts the call to :func:`keeper`, one object that lives on
the GUI thread until the end; there the call is made only when its ``owner`` still exists.

:func:`keeper` is also the parent for timers that must not belong to an object Python owns:
Python frees such an object (say an :class:`~roadshow_desk.ui.workflow.AppContext` nobody
holds any more) when its reference cycles are collected, and the collection runs on whichever
thread happens to allocate at that moment, often a worker. A timer destroyed there cannot be
stopped ("Timers cannot be stopped from another thread") and its next tick crashes the GUI
thread's event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal


class _Keeper(QObject):
    _call = Signal(object)  # (owner, func, args), emitted from any thread

    def __init__(self) -> None:
        super().__init__()
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, call: tuple[QObject, Callable[..., Any], tuple[Any, ...]]) -> None:
        owner, func, args = call
        if shiboken6.isValid(owner):
            func(*args)


_keeper: _Keeper | None = None


def keeper() -> QObject:
    """The object that lives on the GUI thread until the end (made on the first call)."""
    global _keeper
    if _keeper is None or not shiboken6.isValid(_keeper):
        _keeper = _Keeper()
        app = QCoreApplication.instance()
        if app is not None:
            _keeper.moveToThread(app.thread())
    return _keeper


def deliver(owner: QObject, func: Callable[..., Any], *args: Any) -> None:
    """Call ``func(*args)`` on the GUI thread, unless ``owner`` has been deleted by then
    (from any thread; the call holds ``owner``'s Python object until it is made)."""
    keeper()._call.emit((owner, func, args))  # type: ignore[attr-defined]
