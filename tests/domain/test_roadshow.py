"""The roadshow run: deck order, jumps, blank screens, the slot clock, saved slot times."""

from __future__ import annotations

import datetime as dt

import pytest

from roadshow_desk.domain.roadshow import (
    Blank,
    InvalidThresholds,
    Phase,
    RoadshowRun,
    RunSlot,
    Thresholds,
    TimerLevel,
    format_clock,
)

T0 = dt.datetime(2024, 5, 18, 9, 0, 0)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, int, dt.datetime]] = []

    def slot_started(self, slot_id: int, at: dt.datetime) -> None:
        self.events.append(("start", slot_id, at))

    def slot_ended(self, slot_id: int, at: dt.datetime) -> None:
        self.events.append(("end", slot_id, at))


def make_run(count: int = 4, *, title_cards: bool = False, minutes: int = 8, **kwargs):
    clock = FakeClock()
    recorder = Recorder()
    slots = [
        RunSlot(slot_id=100 + i, patent_id=i + 1, planned_seconds=minutes * 60)
        for i in range(count)
    ]
    run = RoadshowRun(slots, clock=clock, recorder=recorder, title_cards=title_cards, **kwargs)
    return run, clock, recorder


def deck(run: RoadshowRun) -> list[tuple[str, int]]:
    seen = [(run.phase.value, run.index)]
    while run.next():
        seen.append((run.phase.value, run.index))
    return seen


def test_deck_without_title_cards_runs_slot_by_slot_then_end() -> None:
    run, _clock, _rec = make_run(3)
    run.start()
    assert deck(run) == [("slot", 0), ("slot", 1), ("slot", 2), ("end", 2)]
    assert run.next() is False  # the end is the end


def test_deck_with_title_cards_announces_every_slot() -> None:
    run, _clock, _rec = make_run(2, title_cards=True)
    run.start()
    assert deck(run) == [("title", 0), ("slot", 0), ("title", 1), ("slot", 1), ("end", 1)]


def test_previous_walks_the_deck_backwards() -> None:
    run, _clock, _rec = make_run(2, title_cards=True)
    run.start()
    deck(run)
    back = []
    while run.previous():
        back.append((run.phase.value, run.index))
    assert back == [("slot", 1), ("title", 1), ("slot", 0), ("title", 0)]


def test_jump_home_end_go_straight_to_slots_without_timing_the_ones_between() -> None:
    run, clock, rec = make_run(6)
    run.start()
    clock.advance(30)
    assert run.jump(5) is True
    assert (run.phase, run.index) == (Phase.SLOT, 4)
    started = [slot_id for kind, slot_id, _ in rec.events if kind == "start"]
    assert started == [100, 104]  # slots 2..4 never went on stage
    assert run.jump(7) is False and run.index == 4  # no slot 7: nothing moves
    assert run.jump(0) is False
    run.home()
    assert (run.phase, run.index) == (Phase.SLOT, 0)
    run.end()
    assert (run.phase, run.index) == (Phase.SLOT, 5)


def test_black_and_white_screens_toggle_and_the_next_key_only_unblanks() -> None:
    run, _clock, _rec = make_run(3)
    run.start()
    assert run.toggle_black() is Blank.BLACK
    assert run.toggle_white() is Blank.WHITE  # white replaces black
    assert run.toggle_white() is Blank.NONE
    run.toggle_black()
    assert run.next() is True  # the slide comes back...
    assert run.blank is Blank.NONE and run.index == 0  # ...without skipping one unseen
    run.toggle_black()
    assert run.previous() is True and run.index == 0 and run.blank is Blank.NONE
    run.toggle_white()
    run.jump(3)  # a jump is explicit: it unblanks and moves
    assert run.blank is Blank.NONE and run.index == 2


def test_countdown_levels_follow_the_thresholds_then_overtime_counts_up() -> None:
    run, clock, _rec = make_run(
        2, minutes=5, thresholds=Thresholds(warning_seconds=120, final_seconds=30)
    )
    run.start()
    countdown = run.countdown()
    assert (
        countdown is not None
        and countdown.remaining == 300
        and countdown.level is TimerLevel.NORMAL
    )
    clock.advance(179)
    assert run.countdown().level is TimerLevel.NORMAL  # 121 s left
    clock.advance(1)
    assert run.countdown().level is TimerLevel.WARNING  # 2:00 left: yellow
    clock.advance(90)
    assert run.countdown().level is TimerLevel.FINAL  # 0:30 left: red
    clock.advance(30)
    assert run.countdown().level is TimerLevel.OVERTIME
    clock.advance(75)
    countdown = run.countdown()
    assert countdown.overtime == 75
    assert format_clock(countdown.remaining) == "+1:15"


def test_default_thresholds_yellow_at_two_minutes_red_at_zero() -> None:
    thresholds = Thresholds()
    assert thresholds.level(121) is TimerLevel.NORMAL
    assert thresholds.level(120) is TimerLevel.WARNING
    assert thresholds.level(0.5) is TimerLevel.WARNING
    assert thresholds.level(0) is TimerLevel.OVERTIME


def test_thresholds_that_make_no_sense_are_refused_with_a_sentence() -> None:
    with pytest.raises(InvalidThresholds, match="red warning"):
        Thresholds(warning_seconds=60, final_seconds=120)
    with pytest.raises(InvalidThresholds, match="negative"):
        Thresholds(warning_seconds=-1)


def test_the_clock_runs_only_while_the_slot_is_on_stage() -> None:
    run, clock, _rec = make_run(3, title_cards=True)
    run.start()
    clock.advance(100)  # title card: slot 1 not started yet
    assert run.countdown().elapsed == 0
    run.next()
    clock.advance(60)
    run.next()  # title card of slot 2
    clock.advance(45)
    run.previous()  # back to slot 1 for a question
    clock.advance(20)
    assert run.countdown().elapsed == 80  # 60 + 20, the time away not counted


def test_format_clock() -> None:
    assert format_clock(480) == "8:00"
    assert format_clock(59.2) == "1:00"  # counting down rounds up
    assert format_clock(0) == "0:00"
    assert format_clock(-0.4) == "+0:00"
    assert format_clock(-61) == "+1:01"
    assert format_clock(3725) == "1:02:05"


def test_slot_times_are_reported_on_stage_and_off_stage() -> None:
    run, clock, rec = make_run(2)
    run.start()
    clock.advance(400)
    run.next()
    clock.advance(500)
    run.stop()
    assert rec.events == [
        ("start", 100, T0),
        ("end", 100, T0 + dt.timedelta(seconds=400)),
        ("start", 101, T0 + dt.timedelta(seconds=400)),
        ("end", 101, T0 + dt.timedelta(seconds=900)),
    ]
    assert run.running is False


def test_projected_end_and_schedule_delta() -> None:
    run, clock, _rec = make_run(3, minutes=10)
    run.start()
    assert run.projected_end() == T0 + dt.timedelta(minutes=30)
    clock.advance(12 * 60)  # slot 1 runs 2 minutes over
    assert run.schedule_delta() == 120
    run.next()
    assert run.projected_end() == clock.now + dt.timedelta(minutes=20)


def test_a_session_without_slots_cannot_run() -> None:
    with pytest.raises(ValueError, match="no slots"):
        RoadshowRun([])


def test_start_at_a_later_slot() -> None:
    run, _clock, rec = make_run(4)
    run.start(3)
    assert (run.phase, run.index) == (Phase.SLOT, 2)
    assert rec.events[0][:2] == ("start", 102)
    with pytest.raises(ValueError, match="no slot 9"):
        run.start(9)


def test_a_resumed_run_is_on_schedule_against_the_slots_it_presents() -> None:
    run, clock, _rec = make_run(4, minutes=10)
    run.start(3)
    clock.advance(60)
    assert run.schedule_delta() == 0
    clock.advance(10 * 60)  # slot 3 one minute over
    assert run.schedule_delta() == 60
