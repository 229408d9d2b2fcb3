"""Telling a USB scanner from a person: a fast burst of characters that ends in Enter.

A USB QR scanner is a keyboard: it types the code's characters a few milliseconds apart and
presses Enter. :class:`ScanDetector` watches the key presses of a widget and all its
descendants (an event filter on each, added as children appear), so a scan is recognised
wherever the focus is. Characters reach their widget as usual; when Enter ends a burst
(every gap under :attr:`gap_ms`, at least :attr:`min_length` characters) and
``accept(text)`` says the text is a code, the detector swallows that Enter and emits
``scanned(text)``; the owner then undoes what the burst typed (it restores the snapshot it
took when ``burst_started`` was emitted) and applies the code. A burst that is not a code
(a fast typist's word followed by Enter) is left alone: Enter does what it always does.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanDetector(QObject):
    """Recognises scanner bursts typed into ``root`` or any of its descendants."""

    burst_started = Signal()
    """The first character of a possible burst arrived (take a snapshot of the form now)."""
    scanned = Signal(str)
    """A burst ending in Enter was accepted as a code (its text, as typed)."""

    def __init__(
        self,
        root: QWidget,
        accept: Callable[[str], bool],
        *,
        gap_ms: float = 35.0,
        min_length: int = 8,
    ) -> None:
        super().__init__(root)
        self.root = root
        self.accept = accept
        self.gap_ms = gap_ms
        self.min_length = min_length
        self._buffer: list[str] = []
        self._last = 0.0
        self.clock: Callable[[], float] = time.monotonic
        self._watch(root)

    def _watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._watch(child)
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        inside = focus is not None and (focus is self.root or self.root.isAncestorOf(focus))
        if watched is not (focus if inside else self.root):
            return False  # the same key propagating to a parent: counted once
        now = self.clock() * 1000.0
        fast = bool(self._buffer) and now - self._last <= self.gap_ms
        if event.key() in _ENTER:
            text = "".join(self._buffer)
            self._buffer.clear()
            if fast and len(text) >= self.min_length and self.accept(text):
                self.scanned.emit(text)
                return True
            return False
        character = event.text()
        if (
            not character
            or not character.isprintable()
            or event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self._buffer.clear()
            return False
        if not fast:
            self._buffer.clear()
            self.burst_started.emit()
        self._buffer.append(character)
        self._last = now
        return False
