"""Telling a USB scanner from a person, before any widget or shortcut sees the keys.

A USB QR scanner is a keyboard: it types the code's characters a few milliseconds apart and
presses Enter. Our codes all start alike (``RSD1:`` or ``http(s)://``, see
:func:`~roadshow_desk.domain.payloads.begins_payload`), so :class:`ScanDetector` -- one
event filter on the application, which sees a key before the shortcuts and the focused
widget do -- holds back a key that could begin a code instead of letting it through:

* while the held characters are only the beginning of a start (``R``, ``RS``, ``htt``) and
  arrive fast (each gap under :attr:`~ScanDetector.gap_ms`), they stay held; a slow key, a
  character that cannot continue a start, any other key or :attr:`~ScanDetector.gap_ms` of
  quiet hand them back, in order, to the widget they were typed into (a person typed them);
* once they make a whole start (``RSD1:``), the burst is a scan: every character is held,
  however long one gap is (the GUI thread may be busy for a second), until Enter, which
  emits ``scanned(text)``. Nothing of a scan reaches a field, a number chooser or the
  show's keys. A scan that never gets its Enter is dropped after :attr:`~ScanDetector.
  stall_ms` (``incomplete(text)``);
* a pause inside the start itself lets the first keys through, and the rest with them:
  when Enter then ends characters typed into one field, fast but for one gap, that make a
  code, they are still a scan (taken out of a line edit again, then ``scanned(text)``).

The detector covers the widgets under its roots (:meth:`~ScanDetector.watch`): the capture
panel, and during a roadshow the presenter console and the audience display too, so a scan
is recognised wherever the focus is. Gaps are measured on the key events' own time stamps
(when the window system gives them), so a stall of the GUI thread does not stretch them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from roadshow_desk.domain.payloads import (
    InvalidPayload,
    begins_payload,
    could_begin_payload,
    parse_payload,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float


@dataclass
class _Typed:
    """The characters that went on to one widget since the last other key."""

    target: QWidget | None = None
    text: str = ""
    last: float = 0.0
    slow_gaps: int = 0


class ScanDetector(QObject):
    """Recognises scanner bursts typed anywhere under its roots (see the module notes)."""

    burst_started = Signal()
    """The first key of a possible burst was held back (nothing of it reached a widget)."""
    scanned = Signal(str)
    """A burst that starts like a code ended in Enter (its text, as typed)."""
    incomplete = Signal(str)
    """A burst that started like a code never got its Enter; it was dropped (its text)."""

    _replaying: ClassVar[int] = 0  # keys handed back pass every detector untouched

    def __init__(
        self,
        root: QWidget,
        accept: Callable[[str], bool] | None = None,
        *,
        gap_ms: float = 35.0,
        stall_ms: int = 10_000,
    ) -> None:
        super().__init__(root)
        self.roots: list[QWidget] = []
        self.accept = accept or (lambda _text: True)
        self.gap_ms = gap_ms
        self.stall_ms = stall_ms
        self.clock: Callable[[], float] | None = None
        """Seconds, for tests; ``None``: the events' time stamps (else a monotonic clock)."""
        self._held: list[_HeldKey] = []
        self._typed = _Typed()
        self._scanning = False
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._quiet)
        self.watch(root)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # ------------------------------------------------------------------ API

    def watch(self, root: QWidget) -> None:
        """Also recognise bursts typed into ``root`` or any widget under it."""
        if all(known is not root for known in self.roots):
            self.roots.append(root)

    @property
    def busy(self) -> bool:
        """Whether keys are being held (a possible or a certain scan is arriving)."""
        return bool(self._held)

    # ------------------------------------------------------------------ filtering

    def _covers(self, widget: QWidget) -> bool:
        alive = [root for root in self.roots if shiboken6.isValid(root)]
        self.roots = alive
        return any(root is widget or root.isAncestorOf(widget) for root in alive)

    @staticmethod
    def _first_receiver(watched: QObject) -> QWidget | None:
        """``watched`` when the key is delivered to it first (not propagating to a parent)."""
        if not isinstance(watched, QWidget):
            return None
        focus = QApplication.focusWidget()
        if watched is focus:
            return watched
        if watched.isWindow() and (focus is None or not watched.isAncestorOf(focus)):
            return watched  # a key sent to a window whose focus is elsewhere
        return None

    def _now(self, event: QKeyEvent) -> float:
        if self.clock is not None:
            return self.clock() * 1000.0
        stamp = event.timestamp()
        return float(stamp) if stamp else time.monotonic() * 1000.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if ScanDetector._replaying or not isinstance(event, QKeyEvent):
            return False
        target = self._first_receiver(watched)
        if target is None or not self._covers(target):
            return False
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # a scanner's Shift for a capital letter
        text = event.text()
        character = bool(text) and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS
        if kind == QEvent.Type.ShortcutOverride:
            # A key about to be held is nobody's shortcut.
            held = character and (self._scanning or could_begin_payload(self._text() + text))
            if held or (self._scanning and key in _ENTER):
                event.accept()
                return True
            return False
        if key in _ENTER:
            return self._enter()
        if not character:
            if self._held and not self._scanning:
                self._hand_back()  # Tab, an arrow...: the held keys were a person's
            if not self._scanning:
                self._typed = _Typed()
            return False  # during a scan: another device's key (a clicker) acts
        return self._character(target, event, text)

    def _text(self) -> str:
        return "".join(held.text for held in self._held)

    def _character(self, target: QWidget, event: QKeyEvent, text: str) -> bool:
        now = self._now(event)
        if self._scanning:
            self._hold(target, event, text, now)
            return True
        if self._held and now - self._last > self.gap_ms:
            self._hand_back()  # a slow key: what was held was typed by a person
        candidate = self._text() + text
        if not could_begin_payload(candidate):
            self._hand_back()
            self._went_on(target, text, now)
            return False
        if not self._held:
            self.burst_started.emit()
        self._hold(target, event, text, now)
        if begins_payload(candidate):
            self._scanning = True
            self._timer.start(self.stall_ms)
        else:
            self._timer.start(max(1, round(self.gap_ms)))
        return True

    def _hold(self, target: QWidget, event: QKeyEvent, text: str, now: float) -> None:
        self._held.append(_HeldKey(target, event.key(), event.modifiers(), text, now))
        self._last = now

    def _went_on(self, target: QWidget, text: str, now: float) -> None:
        """Count a character that reached its widget (for :meth:`_typed_scan`)."""
        typed = self._typed
        if typed.target is not target:
            typed = self._typed = _Typed(target)
        elif now - typed.last > self.gap_ms:
            typed.slow_gaps += 1
        typed.text += text
        typed.last = now

    def _typed_scan(self) -> bool:
        """Enter after characters that went on to a field (the first keys of a scan came
        too slowly to be held back, so the rest could not be recognised as a scan either):
        fast apart from one gap, and a code, they are a scan all the same -- taken out of
        the field again."""
        typed, self._typed = self._typed, _Typed()
        text = typed.text
        if typed.slow_gaps > 1 or not begins_payload(text) or not self.accept(text):
            return False
        target = typed.target
        if (
            isinstance(target, QLineEdit)
            and shiboken6.isValid(target)
            and target.text().endswith(text)
        ):
            target.setText(target.text()[: -len(text)])
        self.scanned.emit(text)
        return True

    def _enter(self) -> bool:
        if not self._held:
            return self._typed_scan()
        text = self._text()
        if self._scanning and self.accept(text):
            self._reset()
            self.scanned.emit(text)
            return True
        self._hand_back()
        return False  # the Enter follows what was handed back

    def _quiet(self) -> None:
        if self._scanning:
            text = self._text()
            self._reset()
            self.incomplete.emit(text)
        else:
            self._hand_back()

    def _reset(self) -> None:
        self._held = []
        self._scanning = False
        self._timer.stop()

    def _hand_back(self) -> None:
        """Give the held keys, in order, to the widgets they were typed into."""
        held = self._held
        self._reset()
        if not held:
            return
        ScanDetector._replaying += 1
        try:
            for item in held:
                target = item.target if shiboken6.isValid(item.target) else None
                target = target or QApplication.focusWidget()
                if target is None:
                    continue
                press = QKeyEvent(QEvent.Type.KeyPress, item.key, item.modifiers, item.text)
                QApplication.sendEvent(target, press)
                self._went_on(target, item.text, item.at)
        finally:
            ScanDetector._replaying -= 1


def looks_like_code(text: str) -> bool:
    """What the scanner detector accepts: anything that parses, or starts like our codes
    (then the panel says why it is not usable instead of typing it into a field)."""
    try:
        parse_payload(text)
    except InvalidPayload:
        stripped = text.strip().upper()
        return stripped.startswith(("RSD", "HTTP://", "HTTPS://"))
    return True
