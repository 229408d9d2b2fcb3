"""Which screen the audience display and the console go to, and putting a window there.

Rules:
* The console belongs on the primary screen (the laptop's own, as the system says through
  ``QGuiApplication.primaryScreen()``); the audience display on another screen. The order of
  ``QGuiApplication.screens()`` means nothing (it changes with plugging and drivers), so the
  other screens are ordered by position and the first one is taken.
* ``swapped`` exchanges the two (for a laptop whose primary screen is the projector).
* With one screen (no projector, or a mirrored one) the audience display takes it; the
  console is shown on demand.
* A window goes full-screen on a screen only after its geometry is on that screen and its
  window handle is assigned to it; otherwise ``showFullScreen()`` lands on the primary
  screen on several platforms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget


class ScreenLike(Protocol):
    def geometry(self) -> QRect: ...

    def name(self) -> str: ...


S = TypeVar("S", bound=ScreenLike)


@dataclass(frozen=True)
class Placement(Generic[S]):
    audience: S
    console: S | None  # None: one screen only

    @property
    def single(self) -> bool:
        return self.console is None


def choose_screens(screens: Sequence[S], primary: S | None, swapped: bool = False) -> Placement[S]:
    """Where the audience display and the console go (see the module notes)."""
    if not screens:
        raise ValueError("no screens")
    ordered = sorted(screens, key=lambda s: (s.geometry().x(), s.geometry().y(), s.name()))
    laptop = primary if primary is not None and any(s is primary for s in ordered) else ordered[0]
    others = [s for s in ordered if s is not laptop]
    if not others:
        return Placement(audience=laptop, console=None)
    projector = others[0]
    if swapped:
        return Placement(audience=laptop, console=projector)
    return Placement(audience=projector, console=laptop)


def put_full_screen(widget: QWidget, screen: QScreen) -> None:
    """Show ``widget`` full-screen on ``screen`` (geometry and handle first, then full-screen)."""
    if (
        widget.isVisible()
        and widget.isFullScreen()
        and widget.screen() is screen
        and widget.geometry() == screen.geometry()
    ):
        return
    if widget.isFullScreen() or widget.isMaximized():
        widget.showNormal()
    widget.setGeometry(screen.geometry())
    handle = widget.windowHandle()
    if handle is None:
        widget.winId()  # creates the native window and its handle
        handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.setGeometry(screen.geometry())
    widget.showFullScreen()


def put_windowed(widget: QWidget, screen: QScreen) -> None:
    """Show ``widget`` as an ordinary 16:9 window in the middle of ``screen``."""
    if widget.isFullScreen() or widget.isMaximized():
        widget.showNormal()
    area = screen.availableGeometry()
    width = min(area.width() * 6 // 10, 1280)
    height = width * 9 // 16
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.setGeometry(rect)
    widget.show()
