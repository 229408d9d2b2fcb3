"""Running a roadshow session: keys, the slot clock, the two windows and their screens.

The controller owns a :class:`~roadshow_desk.domain.roadshow.RoadshowRun` (the state), an
:class:`~.audience.AudienceDisplay` (given only public slides) and a
:class:`~.console.PresenterConsole`. Clicker keys go to :meth:`RoadshowController.handle_key`
from whichever window has the focus; on the console the keys a clicker or presenter uses
(:data:`SHOW_SHORTCUT_KEYS`) are the window's shortcuts, so they act wherever the focus is
except in a text field being typed into (a text field takes its printable keys first). The
show starts with the focus on the console itself, and goes back there after an intention is
saved in its capture panel. A scanner's burst is held back before any of this sees it (the
capture panel's :class:`~roadshow_desk.ui.scanner.ScanDetector` also watches the
console and the audience display). Esc asks first ("press Esc again"), so an Esc meant for
a field or a list never ends the show. The windows are placed by :mod:`.screens` when the show
starts and again whenever a screen is added or removed, or the primary screen changes: the
session runs on untouched. Slot start and end times are saved as they happen; a failure to
save is reported in the console and never stops the show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QWidget

from roadshow_desk.domain.models import utcnow
from roadshow_desk.domain.roadshow import Phase, RoadshowRun, Thresholds
from roadshow_desk.domain.roadshow_plan import SessionPlan, public_slide
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.roadshow.audience import AudienceDisplay
from roadshow_desk.ui.roadshow.console import PresenterConsole
from roadshow_desk.ui.roadshow.screens import (
    Placement,
    choose_screens,
    put_full_screen,
    put_windowed,
)
from roadshow_desk.ui.scanner import ScanDetector

if TYPE_CHECKING:
    import datetime as dt

    from roadshow_desk.store.db import Database
    from roadshow_desk.ui.settings import Settings
    from roadshow_desk.ui.workflow import AppContext

TICK_MS = 250
PREVIEW_DELAY_MS = 60  # the console's picture of the projector follows once the slide is up
MAX_TYPED_DIGITS = 3

NEXT_KEYS = {
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Right,
    Qt.Key.Key_Down,
    Qt.Key.Key_Space,
    Qt.Key.Key_N,
}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
WHITE_KEYS = {Qt.Key.Key_W, Qt.Key.Key_Comma}
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
#: Keys that act on the show from anywhere in the console but a text field being typed into
#: (a clicker's keys and the presenter's letters; digits, Enter, arrows and Space stay with
#: the number choosers, lists and combo boxes of the capture panel).
SHOW_SHORTCUT_KEYS = (
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_B,
    Qt.Key.Key_Period,
    Qt.Key.Key_W,
    Qt.Key.Key_Comma,
    Qt.Key.Key_S,
    Qt.Key.Key_F,
    Qt.Key.Key_C,
    Qt.Key.Key_N,
    Qt.Key.Key_P,
)
LEAVE_CONFIRM_MS = 5000


@dataclass(frozen=True)
class RoadshowOptions:
    """How a show looks and times (from the settings, or given by a test)."""

    theme: str = "dark"
    thresholds: Thresholds = field(default_factory=Thresholds)
    title_cards: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> RoadshowOptions:
        warning = int(settings.value("roadshow/warning_seconds"))
        final = int(settings.value("roadshow/final_seconds"))
        try:
            thresholds = Thresholds(warning_seconds=warning, final_seconds=final)
        except ValueError:
            thresholds = Thresholds()
        return cls(
            theme=str(settings.value("roadshow/theme")),
            thresholds=thresholds,
            title_cards=bool(settings.value("roadshow/title_cards")),
        )


class DatabaseRecorder:
    """Saves slot start and end times (a failure is reported, never raised)."""

    def __init__(self, database: Database, report: Callable[[str], None]) -> None:
        self.database = database
        self.report = report

    def _save(self, func: Callable[..., Any], slot_id: int, at: dt.datetime) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from roadshow_desk.errors import InputError

        try:
            with self.database.session() as session:
                func(session, slot_id, at)
        except (SQLAlchemyError, InputError, OSError):
            self.report(
                QCoreApplication.translate(
                    "RoadshowController", "The slot time could not be saved; the show goes on."
                )
            )

    def slot_started(self, slot_id: int, at: dt.datetime) -> None:
        from roadshow_desk.domain.agenda import start_slot

        self._save(start_slot, slot_id, at)

    def slot_ended(self, slot_id: int, at: dt.datetime) -> None:
        from roadshow_desk.domain.agenda import end_slot

        self._save(end_slot, slot_id, at)


ScreenSource = Callable[[], tuple[list[QScreen], QScreen | None]]


def application_screens() -> tuple[list[QScreen], QScreen | None]:
    return list(QGuiApplication.screens()), QGuiApplication.primaryScreen()


class RoadshowController(QObject):
    """One running roadshow session (see the module notes)."""

    finished = Signal()
    """The presenter left the show (Esc twice); the windows are closed."""
    changed = Signal()
    """The audience screen changed (another slide, black or white)."""

    def __init__(
        self,
        plan: SessionPlan,
        *,
        context: AppContext | None = None,
        options: RoadshowOptions | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
        screens: ScreenSource = application_screens,
        capture: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.context = context
        self.options = options or RoadshowOptions()
        self.clock = clock
        self.screen_source = screens
        recorder = DatabaseRecorder(context.database, self._report) if context is not None else None
        self.run = RoadshowRun(
            plan.run_slots(),
            clock=clock,
            recorder=recorder,
            thresholds=self.options.thresholds,
            title_cards=self.options.title_cards,
        )
        self.display = AudienceDisplay(theme_name=self.options.theme)
        self.display.key_handler = self.handle_key
        self.console = PresenterConsole(capture=capture)
        self.console.key_handler = self.handle_key
        self.console.set_plan(plan)
        self.shortcuts = [
            QShortcut(
                QKeySequence(key),
                self.console,
                lambda key=key: self.press(key),
                context=Qt.ShortcutContext.WindowShortcut,
            )
            for key in SHOW_SHORTCUT_KEYS
        ]
        self.scanner = self._scanner(capture)
        if capture is not None and hasattr(capture, "rest_focus"):
            capture.rest_focus = self.console  # after a save, the show keys act again
        self.leaving = False
        self.leave_timer = QTimer(self)
        self.leave_timer.setSingleShot(True)
        self.leave_timer.setInterval(LEAVE_CONFIRM_MS)
        self.leave_timer.timeout.connect(self._disarm_leaving)
        self.swapped = False
        self.windowed = False
        self.console_requested = False  # one screen: the console shown on demand
        self.placement: Placement[QScreen] | None = None
        self.typed = ""
        self._on_stage: int | None = None
        self._message = ""
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.console_timer = QTimer(self)
        self.console_timer.setSingleShot(True)
        self.console_timer.setInterval(0)
        self.console_timer.timeout.connect(self.refresh_console)
        self._screen_signals_connected = False

    # ------------------------------------------------------------------ life cycle

    def start(self, number: int = 1) -> None:
        """Start at slot ``number`` and put the windows on their screens."""
        self._warm_qr_codes()
        self.run.start(number)
        self._connect_screens()
        self.place_windows()
        self.console.setFocus()  # not the capture panel's field: the clicker's keys act
        self.refresh()
        self.refresh_console()
        self.timer.start()

    def stop(self) -> None:
        """Leave the show: the slot on stage ends now, the windows close."""
        if not self.run.running:
            return
        self.timer.stop()
        self.preview_timer.stop()
        self.console_timer.stop()
        self.leave_timer.stop()
        self.run.stop()
        self._disconnect_screens()
        self.display.close()
        self.console.close()
        self.finished.emit()

    def _scanner(self, capture: QWidget | None) -> ScanDetector:
        """The capture panel's scanner, watching the console and the display as well (a
        detector of its own that only swallows the scan when there is no panel)."""
        scanner = getattr(capture, "scanner", None)
        if not isinstance(scanner, ScanDetector):
            scanner = ScanDetector(self.console)
            scanner.scanned.connect(
                lambda _text: self._report(
                    QCoreApplication.translate(
                        "RoadshowController", "A scan was ignored: this console cannot record it."
                    )
                )
            )
        scanner.watch(self.console)
        scanner.watch(self.display)
        return scanner

    def _warm_qr_codes(self) -> None:
        payloads = [slot.qr_payload for slot in self.plan.slots] + [self.plan.event_qr_payload]
        self.display.prepare_qr_codes(payloads)

    # ------------------------------------------------------------------ screens

    def _connect_screens(self) -> None:
        app = QGuiApplication.instance()
        if app is None or self._screen_signals_connected:
            return
        app.screenAdded.connect(self._screens_changed)  # type: ignore[attr-defined]
        app.screenRemoved.connect(self._screens_changed)  # type: ignore[attr-defined]
        app.primaryScreenChanged.connect(self._screens_changed)  # type: ignore[attr-defined]
        self._screen_signals_connected = True

    def _disconnect_screens(self) -> None:
        app = QGuiApplication.instance()
        if app is None or not self._screen_signals_connected:
            return
        for signal in (app.screenAdded, app.screenRemoved, app.primaryScreenChanged):  # type: ignore[attr-defined]
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(self._screens_changed)
        self._screen_signals_connected = False

    def _screens_changed(self, _screen: object = None) -> None:
        # Let Qt finish moving windows off a removed screen first.
        QTimer.singleShot(0, self.place_windows)

    def place_windows(self) -> None:
        """Put the display and the console where they belong for the current screens."""
        if not self.run.running:
            return
        screens, primary = self.screen_source()
        if not screens:
            return
        placement = choose_screens(screens, primary, self.swapped)
        self.placement = placement
        if self.windowed:
            laptop = placement.console or placement.audience
            put_windowed(self.display, laptop)
            self._show_console(laptop)
        else:
            put_full_screen(self.display, placement.audience)
            if placement.console is not None:
                self._show_console(placement.console)
            elif self.console_requested:
                self._show_console(placement.audience)
            else:
                self.console.hide()
        alone = placement.single and not self.windowed and not self.console_requested
        target: QWidget = self.display if alone else self.console
        target.raise_()
        target.activateWindow()

    def _show_console(self, screen: QScreen) -> None:
        put_full_screen(self.console, screen)

    def swap_screens(self) -> bool:
        if self.placement is None or self.placement.single:
            self._report(
                QCoreApplication.translate(
                    "RoadshowController", "There is only one screen: nothing to swap."
                )
            )
            return False
        self.swapped = not self.swapped
        self.place_windows()
        return True

    def toggle_windowed(self) -> None:
        self.windowed = not self.windowed
        self.place_windows()

    def toggle_console(self) -> None:
        """One screen: show or hide the console over the audience display."""
        self.console_requested = not self.console_requested
        self.place_windows()

    # ------------------------------------------------------------------ keys

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a clicker or keyboard key; returns whether it was one of ours."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        return self.press(Qt.Key(event.key()))

    def press(self, key: Qt.Key) -> bool:
        """Act on one show key; returns whether it was one of ours."""
        if not self.run.running:
            return False
        if key != Qt.Key.Key_Escape and self.leaving:
            self._disarm_leaving()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            if len(self.typed) < MAX_TYPED_DIGITS:
                self.typed += chr(key)
            self._show_state()
            return True
        if self.typed:
            if key in ENTER_KEYS:
                self._jump_to_typed()
                return True
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
                self.typed = "" if key == Qt.Key.Key_Escape else self.typed[:-1]
                self._show_state()
                return True
        if key in NEXT_KEYS or key in ENTER_KEYS:
            self._moved(self.run.next())
        elif key in PREVIOUS_KEYS or key == Qt.Key.Key_Backspace:
            self._moved(self.run.previous())
        elif key == Qt.Key.Key_Home:
            self._moved(self.run.home())
        elif key == Qt.Key.Key_End:
            self._moved(self.run.end())
        elif key in BLACK_KEYS:
            self.run.toggle_black()
            self._moved(True)
        elif key in WHITE_KEYS:
            self.run.toggle_white()
            self._moved(True)
        elif key == Qt.Key.Key_S:
            self.swap_screens()
        elif key == Qt.Key.Key_F:
            self.toggle_windowed()
        elif key == Qt.Key.Key_C:
            self.toggle_console()
        elif key == Qt.Key.Key_Escape:
            self._leave()
        else:
            return False
        return True

    def _leave(self) -> None:
        """Esc: the first asks, the second (within a few seconds) leaves the show."""
        if self.leaving:
            self.stop()
            return
        self.leaving = True
        self.leave_timer.start()
        self._report(
            QCoreApplication.translate("RoadshowController", "Press Esc again to leave the show.")
        )

    def _disarm_leaving(self) -> None:
        self.leaving = False
        self.leave_timer.stop()
        self._message = ""
        self._show_state()

    def _jump_to_typed(self) -> None:
        number = int(self.typed)
        self.typed = ""
        if self.run.jump(number):
            self._moved(True)
        else:
            self._report(
                fmt(
                    QCoreApplication.translate(
                        "RoadshowController", "There is no slot %1; the session has %2."
                    ),
                    str(number),
                    str(self.run.count),
                )
            )
            self._show_state()

    def _moved(self, changed: bool) -> None:
        if changed:
            self._message = ""
            self.refresh()

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Show the run's position: the projector at once, then the console.

        The audience display gets its one slide now (nothing in between is ever shown);
        the console, the patent-on-stage signal (the capture panel follows it) and the
        preview follow from the event loop, so the projector is never kept waiting by
        the laptop's window.
        """
        self.display.show_slide(public_slide(self.plan, self.run.position))
        self.display.set_blank(self.run.blank)
        self.console_timer.start()
        self.changed.emit()

    def refresh_console(self) -> None:
        """Bring the console (and the patent on stage) up to the run's position."""
        self.console_timer.stop()
        self.console.show_position(self.run)
        self._show_state()
        self.tick()
        self.preview_timer.start()
        patent_id = self.run.on_stage_patent_id if self.run.phase is Phase.SLOT else None
        if patent_id is not None and patent_id != self._on_stage and self.context is not None:
            self.context.patent_on_stage.emit(patent_id)
        self._on_stage = patent_id

    def update_preview(self) -> None:
        """Show the console a picture of what the projector shows now."""
        if self.console.isVisible():
            self.console.set_preview(self.display.grab())

    def tick(self) -> None:
        self.console.show_time(self.run, self.clock())

    def _show_state(self) -> None:
        self.console.show_state(self.run.blank, self.typed)
        if self._message:
            text = self.console.state_label.text()
            self.console.state_label.setText(f"{text}   {self._message}".strip())

    def _report(self, message: str) -> None:
        self._message = message
        self._show_state()
        if self.context is not None:
            self.context.status_message.emit(message)
