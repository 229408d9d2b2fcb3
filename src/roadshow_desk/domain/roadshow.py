"""A roadshow run: where the session is, what the audience sees, and each slot's clock.

:class:`RoadshowRun` is a plain state machine (no Qt, no database) that the presenter
console drives with clicker keys and that tests drive with a fake clock:

* The session is a linear deck. With title cards it reads
  ``title 1, slot 1, title 2, slot 2, …, slot n, end``; without them
  ``slot 1, slot 2, …, slot n, end``. :meth:`~RoadshowRun.next` and
  :meth:`~RoadshowRun.previous` step through it; :meth:`~RoadshowRun.jump`,
  :meth:`~RoadshowRun.home` and :meth:`~RoadshowRun.end` go straight to a slot (the
  positions in between are never entered, so nothing flashes on the projector and no slot
  in between is timed).
* Black and white screens hide the slide without moving; the next navigation key brings
  the slide back *without* moving (as PowerPoint does), so a clicker press after a black
  screen never skips a patent unseen.
* Each slot has a countdown from its planned minutes. The clock of a slot runs while the
  slot is on stage (leaving and coming back accumulates, like a chess clock); the warning
  levels come from :class:`Thresholds` (e.g. warning at 2 minutes, final at 0), then the
  overtime counts up.
* The first time a slot goes on stage in a run and every time it leaves, the run tells its
  :class:`SlotRecorder`; the window's recorder saves ``Slot.actual_start`` /
  ``actual_end`` with :func:`roadshow_desk.domain.agenda.start_slot` / ``end_slot``.

The clock is injectable (``clock=lambda: fake_now``) and returns naive UTC datetimes, as the
database stores them.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from roadshow_desk.domain.models import utcnow
from roadshow_desk.i18n import translate

Clock = Callable[[], dt.datetime]


class Phase(enum.StrEnum):
    """What kind of position the run is at."""

    TITLE = "title"  # the title card announcing slot ``index``
    SLOT = "slot"  # slot ``index`` on stage, its clock running
    END = "end"  # after the last slot


class Blank(enum.StrEnum):
    NONE = "none"
    BLACK = "black"
    WHITE = "white"


class TimerLevel(enum.StrEnum):
    """How urgent the slot's countdown is."""

    NORMAL = "normal"
    WARNING = "warning"  # at or below the warning threshold (yellow)
    FINAL = "final"  # at or below the final threshold, time left (red)
    OVERTIME = "overtime"  # no time left: red, counting up


class InvalidThresholds(ValueError):
    """Warning thresholds that do not make sense; ``str()`` is one sentence."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When the countdown turns yellow (``warning_seconds`` left) and red (``final_seconds``)."""

    warning_seconds: int = 120
    final_seconds: int = 0

    def __post_init__(self) -> None:
        if self.final_seconds < 0 or self.warning_seconds < 0:
            raise InvalidThresholds(translate("Roadshow", "Warning times cannot be negative."))
        if self.final_seconds > self.warning_seconds:
            raise InvalidThresholds(
                translate(
                    "Roadshow",
                    "The red warning must come after the yellow one (fewer minutes left).",
                )
            )

    def level(self, remaining_seconds: float) -> TimerLevel:
        if remaining_seconds <= 0:
            return TimerLevel.OVERTIME
        if self.final_seconds > 0 and remaining_seconds <= self.final_seconds:
            return TimerLevel.FINAL
        if remaining_seconds <= self.warning_seconds:
            return TimerLevel.WARNING
        return TimerLevel.NORMAL


@dataclass(frozen=True, slots=True)
class Countdown:
    """A slot's clock at one moment (seconds; ``remaining`` is negative in overtime)."""

    planned: float
    elapsed: float
    remaining: float
    level: TimerLevel

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)


def format_clock(seconds: float) -> str:
    """``m:ss`` (``h:mm:ss`` past an hour) of a duration; negative values get a ``+`` sign.

    The countdown shows the time left; in overtime it shows ``+m:ss`` counting up. Seconds
    are rounded up while counting down, so ``0:00`` appears only when time is up.
    """
    over = seconds < 0
    whole = math.floor(-seconds) if over else math.ceil(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"+{text}" if over else text


class SlotRecorder(Protocol):
    """Saves when a slot went on stage and when it left."""

    def slot_started(self, slot_id: int, at: dt.datetime) -> None: ...

    def slot_ended(self, slot_id: int, at: dt.datetime) -> None: ...


@dataclass(slots=True)
class RunSlot:
    """One slot of the run: its ids, planned time, and what the run measured."""

    slot_id: int
    patent_id: int | None
    planned_seconds: int
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    elapsed_before: float = 0.0  # seconds on stage in earlier visits
    visit_started_at: dt.datetime | None = field(default=None, repr=False)

    def elapsed(self, now: dt.datetime) -> float:
        running = 0.0
        if self.visit_started_at is not None:
            running = max(0.0, (now - self.visit_started_at).total_seconds())
        return self.elapsed_before + running


@dataclass(frozen=True, slots=True)
class Position:
    phase: Phase
    index: int


class RoadshowRun:
    """The state of one roadshow session being presented (see the module notes)."""

    def __init__(
        self,
        slots: Sequence[RunSlot],
        *,
        clock: Clock = utcnow,
        recorder: SlotRecorder | None = None,
        thresholds: Thresholds | None = None,
        title_cards: bool = True,
    ) -> None:
        if not slots:
            raise ValueError(translate("Roadshow", "The session has no slots to present."))
        self.slots: list[RunSlot] = list(slots)
        self.clock = clock
        self.recorder = recorder
        self.thresholds = thresholds or Thresholds()
        self.title_cards = title_cards
        self.position = Position(Phase.TITLE if title_cards else Phase.SLOT, 0)
        self.blank = Blank.NONE
        self.running = False
        self.started_at: dt.datetime | None = None
        self.first_index = 0  # where the run started (a resumed session starts later)

    # ------------------------------------------------------------------ state

    @property
    def phase(self) -> Phase:
        return self.position.phase

    @property
    def index(self) -> int:
        return self.position.index

    @property
    def count(self) -> int:
        return len(self.slots)

    @property
    def current_slot(self) -> RunSlot | None:
        """The slot on stage (``None`` on a title card or the end card)."""
        if self.phase is Phase.SLOT:
            return self.slots[self.index]
        return None

    @property
    def focus_slot(self) -> RunSlot | None:
        """The slot the audience sees or is told about: on stage, or announced by the card."""
        if self.phase is Phase.END:
            return None
        return self.slots[self.index]

    @property
    def next_slot(self) -> RunSlot | None:
        """The slot after the one on stage (after the announced one on a title card)."""
        if self.phase is Phase.END:
            return None
        following = self.index + 1
        return self.slots[following] if following < self.count else None

    @property
    def on_stage_patent_id(self) -> int | None:
        slot = self.current_slot
        return slot.patent_id if slot is not None else None

    def countdown(self, now: dt.datetime | None = None) -> Countdown | None:
        """The clock of the focus slot (not running on a title card); ``None`` at the end."""
        slot = self.focus_slot
        if slot is None:
            return None
        moment = now or self.clock()
        elapsed = slot.elapsed(moment)
        remaining = slot.planned_seconds - elapsed
        return Countdown(
            planned=float(slot.planned_seconds),
            elapsed=elapsed,
            remaining=remaining,
            level=self.thresholds.level(remaining),
        )

    def projected_end(self, now: dt.datetime | None = None) -> dt.datetime:
        """When the session will end if every slot still to come keeps to its plan."""
        moment = now or self.clock()
        seconds = 0.0
        for number, slot in enumerate(self.slots):
            if self.phase is Phase.END or number < self.index:
                continue
            if number == self.index:
                seconds += max(0.0, slot.planned_seconds - slot.elapsed(moment))
            else:
                seconds += slot.planned_seconds
        return moment + dt.timedelta(seconds=seconds)

    def schedule_delta(self, now: dt.datetime | None = None) -> float:
        """Seconds behind the plan (positive) or ahead (negative) since the run started.

        The plan is the planned time of the slots from where the run started to the end.
        """
        moment = now or self.clock()
        if self.started_at is None:
            return 0.0
        planned = sum(slot.planned_seconds for slot in self.slots[self.first_index :])
        planned_end = self.started_at + dt.timedelta(seconds=planned)
        return (self.projected_end(moment) - planned_end).total_seconds()

    # ------------------------------------------------------------------ moving

    def start(self, number: int = 1) -> None:
        """Begin at slot ``number`` (1-based): its title card, or the slot itself."""
        index = self._index_of(number)
        self.running = True
        if self.started_at is None:
            self.started_at = self.clock()
            self.first_index = index
        self.blank = Blank.NONE
        phase = Phase.TITLE if self.title_cards else Phase.SLOT
        self._move_to(Position(phase, index))

    def stop(self) -> None:
        """Leave the roadshow: the slot on stage ends now."""
        if not self.running:
            return
        self._leave(self.clock())
        self.running = False

    def next(self) -> bool:
        """One step forward in the deck; returns whether the audience screen changes."""
        if self._unblank():
            return True
        phase, index = self.position.phase, self.position.index
        if phase is Phase.TITLE:
            return self._move_to(Position(Phase.SLOT, index))
        if phase is Phase.SLOT:
            if index + 1 >= self.count:
                return self._move_to(Position(Phase.END, index))
            following = Phase.TITLE if self.title_cards else Phase.SLOT
            return self._move_to(Position(following, index + 1))
        return False

    def previous(self) -> bool:
        """One step back in the deck; returns whether the audience screen changes."""
        if self._unblank():
            return True
        phase, index = self.position.phase, self.position.index
        if phase is Phase.END:
            return self._move_to(Position(Phase.SLOT, self.count - 1))
        if phase is Phase.SLOT:
            if self.title_cards:
                return self._move_to(Position(Phase.TITLE, index))
            if index == 0:
                return False
            return self._move_to(Position(Phase.SLOT, index - 1))
        if index == 0:
            return False
        return self._move_to(Position(Phase.SLOT, index - 1))

    def jump(self, number: int) -> bool:
        """Go straight to slot ``number`` (1-based); ``False`` if there is no such slot."""
        if not 1 <= number <= self.count:
            return False
        self.blank = Blank.NONE
        self._move_to(Position(Phase.SLOT, number - 1))
        return True

    def home(self) -> bool:
        """Straight to the first slot."""
        return self.jump(1)

    def end(self) -> bool:
        """Straight to the last slot."""
        return self.jump(self.count)

    def toggle_black(self) -> Blank:
        self.blank = Blank.NONE if self.blank is Blank.BLACK else Blank.BLACK
        return self.blank

    def toggle_white(self) -> Blank:
        self.blank = Blank.NONE if self.blank is Blank.WHITE else Blank.WHITE
        return self.blank

    # ------------------------------------------------------------------ internals

    def _index_of(self, number: int) -> int:
        if not 1 <= number <= self.count:
            raise ValueError(
                translate("Roadshow", "There is no slot %1 in this session.").replace(
                    "%1", str(number)
                )
            )
        return number - 1

    def _unblank(self) -> bool:
        if self.blank is Blank.NONE:
            return False
        self.blank = Blank.NONE
        return True

    def _move_to(self, target: Position) -> bool:
        if target == self.position and (target.phase is not Phase.SLOT or self._on_stage()):
            return False
        now = self.clock()
        self._leave(now)
        self.position = target
        if target.phase is Phase.SLOT and self.running:
            slot = self.slots[target.index]
            slot.visit_started_at = now
            if slot.started_at is None:
                slot.started_at = now
                if self.recorder is not None:
                    self.recorder.slot_started(slot.slot_id, now)
        return True

    def _on_stage(self) -> bool:
        slot = self.current_slot
        return slot is not None and slot.visit_started_at is not None

    def _leave(self, now: dt.datetime) -> None:
        slot = self.current_slot
        if slot is None or slot.visit_started_at is None:
            return
        slot.elapsed_before = slot.elapsed(now)
        slot.visit_started_at = None
        slot.ended_at = now
        if self.recorder is not None:
            self.recorder.slot_ended(slot.slot_id, now)
