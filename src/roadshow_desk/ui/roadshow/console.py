"""The presenter console on the laptop: what is on stage, what comes next, and the clock.

Current and next patent, the presenter's notes (from the shortlist; shown here, never on
the projector), the slot's countdown coloured by the warning thresholds and counting up in
overtime, the wall clock, the session's progress and where it is against the plan, the
list of slots with their actual times, and the quick intention capture for the patent on
stage. Keys pressed here that no field takes (clicker keys) drive the show; Esc in the
capture form gives the keyboard back to the show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.roadshow import (
    Blank,
    Countdown,
    Phase,
    RoadshowRun,
    TimerLevel,
    format_clock,
)
from roadshow_desk.domain.roadshow_plan import SessionPlan, SlotPlan
from roadshow_desk.i18n import fmt

KeyHandler = Callable[[QKeyEvent], bool]

#: Countdown colours (background, text) by level: readable at a glance from the stage.
LEVEL_COLORS: dict[TimerLevel, tuple[str, str]] = {
    TimerLevel.NORMAL: ("#1f6f3a", "#ffffff"),
    TimerLevel.WARNING: ("#ffcc00", "#000000"),
    TimerLevel.FINAL: ("#d11f1f", "#ffffff"),
    TimerLevel.OVERTIME: ("#d11f1f", "#ffffff"),
}
IDLE_COLORS = ("#3b3b3b", "#ffffff")


def local_time(moment: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """A naive UTC moment (what the run's clock gives) at the venue (the event's zone)."""
    from roadshow_desk.domain.venue_time import to_venue

    return to_venue(moment, zone_name)


def _label(name: str, parent: QWidget, *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PresenterConsole(QWidget):
    """The laptop window of a running roadshow (see the module notes)."""

    def __init__(self, parent: QWidget | None = None, capture: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roadshow_console")
        self.setWindowTitle(
            QCoreApplication.translate("PresenterConsole", "Roadshow — presenter console")
        )
        self.key_handler: KeyHandler | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the show's keys rest here

        self.session_label = _label("console_session", self)
        self.progress_label = _label("console_progress", self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("console_progress_bar")
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(260)
        self.state_label = _label("console_state", self)
        self.clock_label = _label("console_wall_clock", self)

        self.now_heading = _label("console_now_heading", self)
        self.now_title = _label("console_now_title", self, wrap=True)
        self.now_meta = _label("console_now_meta", self, wrap=True)
        self.notes_heading = _label("console_notes_heading", self)
        self.notes_heading.setText(
            QCoreApplication.translate("PresenterConsole", "Presenter notes")
        )
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("console_notes")
        self.notes.setReadOnly(True)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_heading = _label("console_next_heading", self)
        self.next_title = _label("console_next_title", self, wrap=True)
        self.next_meta = _label("console_next_meta", self, wrap=True)

        self.countdown_label = _label("console_countdown", self)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.setAutoFillBackground(True)
        self.timer_caption = _label("console_timer_caption", self, wrap=True)
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.schedule_label = _label("console_schedule", self, wrap=True)
        self.schedule_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slot_list = QTreeWidget(self)
        self.slot_list.setObjectName("console_slots")
        self.slot_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slot_list.setRootIsDecorated(False)
        self.slot_list.setHeaderLabels(
            [
                "#",
                QCoreApplication.translate("PresenterConsole", "Patent"),
                QCoreApplication.translate("PresenterConsole", "Planned"),
                QCoreApplication.translate("PresenterConsole", "Actual"),
            ]
        )
        header = self.slot_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_heading = _label("console_preview_heading", self)
        self.preview_heading.setText(
            QCoreApplication.translate("PresenterConsole", "The audience sees")
        )
        self.preview = QLabel(self)
        self.preview.setObjectName("console_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(120)
        self.keys_label = _label("console_keys", self, wrap=True)
        self.keys_label.setText(
            QCoreApplication.translate(
                "PresenterConsole",
                "PgDn/→/Space next · PgUp/← previous · number+Enter go to slot · Home/End · "
                "B or . black · W white · S swap screens · F windowed · C console · "
                "Esc twice leave",
            )
        )
        self.capture = capture

        top = QHBoxLayout()
        top.addWidget(self.session_label, 1)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress)
        top.addSpacing(16)
        top.addWidget(self.state_label)
        top.addSpacing(16)
        top.addWidget(self.clock_label)

        left = QVBoxLayout()
        left.addWidget(self.now_heading)
        left.addWidget(self.now_title)
        left.addWidget(self.now_meta)
        left.addWidget(self.notes_heading)
        left.addWidget(self.notes, 1)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        left.addWidget(rule)
        left.addWidget(self.next_heading)
        left.addWidget(self.next_title)
        left.addWidget(self.next_meta)
        if capture is not None:
            left.addWidget(capture)

        right = QVBoxLayout()
        right.addWidget(self.countdown_label)
        right.addWidget(self.timer_caption)
        right.addWidget(self.schedule_label)
        right.addWidget(self.preview_heading)
        right.addWidget(self.preview)
        right.addWidget(self.slot_list, 1)

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addSpacing(12)
        middle.addLayout(right, 2)

        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(middle, 1)
        outer.addWidget(self.keys_label)
        self._plan: SessionPlan | None = None
        self._apply_sizes()

    # ------------------------------------------------------------------ content

    def set_plan(self, plan: SessionPlan) -> None:
        """Fill the slot list (titles and planned minutes) for a new run."""
        self._plan = plan
        self.session_label.setText(plan.session_title)
        self.slot_list.clear()
        for slot, planned in zip(plan.slots, plan.planned_starts(), strict=True):
            minutes = fmt(
                QCoreApplication.translate("PresenterConsole", "%1 min"), str(slot.planned_minutes)
            )
            if planned is not None:
                minutes = f"{local_time(planned, plan.time_zone):%H:%M}  {minutes}"
            item = QTreeWidgetItem([str(slot.number), slot.heading, minutes, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, slot.slot_id)
            self.slot_list.addTopLevelItem(item)
        self.progress.setRange(0, len(plan.slots))

    def set_preview(self, pixmap: QPixmap) -> None:
        """A small picture of what the projector shows (black and white screens included)."""
        width = max(160, self.preview.width())
        height = max(120, self.preview.height())
        self.preview.setPixmap(
            pixmap.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def show_position(self, run: RoadshowRun) -> None:
        """Current and next slot, progress and the list, after the run moved."""
        plan = self._plan
        if plan is None:
            return
        focus = run.focus_slot
        if run.phase is Phase.END:
            self.now_heading.setText(
                QCoreApplication.translate("PresenterConsole", "Session finished")
            )
            self.now_title.setText(plan.event_name)
            self.now_meta.setText("")
            self.notes.setPlainText("")
        else:
            slot = plan.slots[run.index]
            heading = (
                QCoreApplication.translate("PresenterConsole", "On stage")
                if run.phase is Phase.SLOT
                else QCoreApplication.translate("PresenterConsole", "Title card — up next")
            )
            self.now_heading.setText(f"{heading}  ·  {slot.number} / {len(plan.slots)}")
            self.now_title.setText(slot.heading)
            self.now_meta.setText(self._meta(slot))
            self.notes.setPlainText(
                slot.notes
                or QCoreApplication.translate("PresenterConsole", "No notes for this patent.")
            )
        following = run.next_slot
        if run.phase is Phase.TITLE:
            following = focus
        self.next_heading.setText(QCoreApplication.translate("PresenterConsole", "Next"))
        following_index = run.index if run.phase is Phase.TITLE else run.index + 1
        if following is None or run.phase is Phase.END:
            self.next_title.setText(
                QCoreApplication.translate("PresenterConsole", "End of the session")
            )
            self.next_meta.setText("")
        else:
            next_plan = plan.slots[following_index]
            self.next_title.setText(next_plan.heading)
            self.next_meta.setText(self._meta(next_plan))
        done = run.index + (1 if run.phase is not Phase.TITLE else 0)
        self.progress.setValue(len(plan.slots) if run.phase is Phase.END else done)
        self.progress_label.setText(
            fmt(
                QCoreApplication.translate("PresenterConsole", "Slot %1 of %2"),
                str(min(run.index + 1, len(plan.slots))),
                str(len(plan.slots)),
            )
        )
        now = run.clock()
        for row, run_slot in enumerate(run.slots):
            actual = ""
            if run_slot.started_at is not None:
                start = local_time(run_slot.started_at, plan.time_zone).strftime("%H:%M")
                actual = f"{start} · {format_clock(run_slot.elapsed(now))}"
            item = self.slot_list.topLevelItem(row)
            if item is None:
                continue
            item.setText(3, actual)
            current = row == run.index and run.phase is not Phase.END
            if item.font(0).bold() != current:
                for column in range(4):
                    font = item.font(column)
                    font.setBold(current)
                    item.setFont(column, font)
        current_item = self.slot_list.topLevelItem(run.index)
        if run.phase is not Phase.END and current_item is not None:
            self.slot_list.setCurrentItem(current_item)
        self.show_state(run.blank, "")

    @staticmethod
    def _meta(slot: SlotPlan) -> str:
        parts = []
        if slot.public is not None:
            parts += [slot.public.institution, slot.public.application_no]
        if slot.presenter and slot.public is not None:
            parts.append(
                fmt(
                    QCoreApplication.translate("PresenterConsole", "presented by %1"),
                    slot.presenter,
                )
            )
        return "  ·  ".join(part for part in parts if part)

    def show_state(self, blank: Blank, typed: str) -> None:
        """The projector's state (black/white) and a slot number being typed."""
        parts = []
        if blank is Blank.BLACK:
            parts.append(QCoreApplication.translate("PresenterConsole", "Projector: BLACK"))
        elif blank is Blank.WHITE:
            parts.append(QCoreApplication.translate("PresenterConsole", "Projector: WHITE"))
        if typed:
            parts.append(
                fmt(QCoreApplication.translate("PresenterConsole", "Go to slot: %1"), typed)
            )
        self.state_label.setText("   ".join(parts))

    def show_time(self, run: RoadshowRun, now: dt.datetime) -> None:
        """The countdown, the wall clock and the schedule at ``now`` (naive UTC)."""
        zone_name = self._plan.time_zone if self._plan is not None else None
        self.clock_label.setText(local_time(now, zone_name).strftime("%H:%M:%S"))
        countdown = run.countdown(now)
        self._show_countdown(countdown, running=run.phase is Phase.SLOT)
        if countdown is not None:
            planned = format_clock(countdown.planned)
            end = local_time(run.projected_end(now), zone_name).strftime("%H:%M")
            self.timer_caption.setText(
                fmt(
                    QCoreApplication.translate(
                        "PresenterConsole", "of %1 planned · session ends about %2"
                    ),
                    planned,
                    end,
                )
            )
        else:
            self.timer_caption.setText("")
        delta = run.schedule_delta(now)
        if abs(delta) < 60:
            self.schedule_label.setText(
                QCoreApplication.translate("PresenterConsole", "On schedule")
            )
        elif delta > 0:
            self.schedule_label.setText(
                fmt(
                    QCoreApplication.translate("PresenterConsole", "%1 behind schedule"),
                    format_clock(delta),
                )
            )
        else:
            self.schedule_label.setText(
                fmt(
                    QCoreApplication.translate("PresenterConsole", "%1 ahead of schedule"),
                    format_clock(-delta),
                )
            )

    def _show_countdown(self, countdown: Countdown | None, running: bool) -> None:
        if countdown is None:
            self.countdown_label.setText("—")
            colors = IDLE_COLORS
            self.countdown_label.setProperty("level", "")
        else:
            self.countdown_label.setText(format_clock(countdown.remaining))
            colors = LEVEL_COLORS[countdown.level] if running else IDLE_COLORS
            self.countdown_label.setProperty("level", countdown.level.value if running else "")
        palette = self.countdown_label.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colors[0]))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colors[1]))
        self.countdown_label.setPalette(palette)

    def countdown_level(self) -> str:
        """The level shown (``""`` when the clock is not running)."""
        return str(self.countdown_label.property("level") or "")

    # ------------------------------------------------------------------ look

    def _apply_sizes(self) -> None:
        height = max(480, self.height())
        base = QFont(self.font())
        normal = max(14, round(height / 56))

        def sized(pixels: int, bold: bool = False) -> QFont:
            font = QFont(base)
            font.setPixelSize(pixels)
            font.setBold(bold)
            return font

        headings = (self.session_label, self.now_heading, self.next_heading, self.notes_heading)
        for widget in (*headings, self.preview_heading):
            widget.setFont(sized(normal, bold=True))
        plain: tuple[QWidget, ...] = (
            self.progress_label,
            self.state_label,
            self.now_meta,
            self.next_meta,
            self.timer_caption,
            self.schedule_label,
            self.slot_list,
            self.keys_label,
        )
        for item in plain:
            item.setFont(sized(normal))
        self.notes.setFont(sized(round(normal * 1.3)))
        self.now_title.setFont(sized(round(normal * 1.8), bold=True))
        self.next_title.setFont(sized(round(normal * 1.3), bold=True))
        self.clock_label.setFont(sized(round(normal * 1.8), bold=True))
        self.countdown_label.setFont(sized(round(height * 0.11), bold=True))
        self.state_label.setStyleSheet("color: #d11f1f; font-weight: bold;")
        self.preview.setFixedHeight(round(height * 0.26))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._apply_sizes()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = QApplication.focusWidget()
        if (
            event.key() == Qt.Key.Key_Escape
            and self.capture is not None
            and focus is not None
            and (focus is self.capture or self.capture.isAncestorOf(focus))
        ):
            self.setFocus()  # Esc leaves the capture form; the show's keys act again
            event.accept()
            return
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)
