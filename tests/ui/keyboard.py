"""Keys as people and devices press them: to whichever widget has the focus at that moment.

Imported by the capture, console and two-screen tests (tests/ui is on sys.path).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class KeyClock:
    """A scanner detector's clock in tests: key presses 5 ms apart (a scanner's pace),
    whatever the load on the test machine; :meth:`pause` stands for a hesitation or a stall."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key (a person's, or a clicker's) to the focused widget."""
    qtbot.keyClick(focus(), key, modifier)


def scan(
    qtbot,  # type: ignore[no-untyped-def]
    code: str,
    *,
    after_each: Callable[[str], None] | None = None,
    stall_after: int | None = None,
    clock: KeyClock | None = None,
    stall_seconds: float = 0.9,
) -> None:
    """What a USB scanner does: the code's characters with no delay, then Enter, each to
    whichever widget has the focus at that moment. ``after_each(character)`` runs after every
    key (to check where things are); ``stall_after=n`` makes the GUI thread look busy for
    ``stall_seconds`` after the n-th character (``clock`` is the detector's clock)."""
    for index, character in enumerate(code, start=1):
        qtbot.keyClick(focus(), character)
        if after_each is not None:
            after_each(character)
        if stall_after == index and clock is not None:
            clock.pause(stall_seconds)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    if after_each is not None:
        after_each("\n")
