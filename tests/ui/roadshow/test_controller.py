"""Clicker keys, the slot clock on the console, saved slot times, the patent on stage."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from roadshow_desk.domain.models import Slot
from roadshow_desk.domain.roadshow import Blank, Phase, Thresholds
from roadshow_desk.domain.roadshow_plan import SlideKind
from roadshow_desk.ui.roadshow.controller import RoadshowOptions

NO_CARDS = RoadshowOptions(title_cards=False)


def shown_slides(controller) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """Record every slide the audience display is given from now on."""
    seen: list[tuple[str, int]] = []
    original = controller.display.show_slide

    def spy(slide):  # type: ignore[no-untyped-def]
        seen.append((slide.kind.value, slide.number))
        original(slide)

    controller.display.show_slide = spy
    return seen


@pytest.mark.parametrize(
    "key",
    [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space],
)
def test_clicker_next_keys_advance_one_slot(make_controller, plan, qtbot, key) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start()
    qtbot.keyClick(controller.display, key)
    assert (controller.run.phase, controller.run.index) == (Phase.SLOT, 1)
    assert controller.display.slide.number == 2


@pytest.mark.parametrize("key", [Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up])
def test_clicker_previous_keys_go_back_one_slot(make_controller, plan, qtbot, key) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start(3)
    qtbot.keyClick(controller.console, key)  # keys work from the console as well
    assert controller.run.index == 1 and controller.display.slide.number == 2


def test_title_cards_come_between_slots(make_controller, plan, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=RoadshowOptions(title_cards=True))
    controller.start()
    kinds = [controller.display.slide.kind]
    for _ in range(3):
        qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
        kinds.append(controller.display.slide.kind)
    assert kinds == [SlideKind.TITLE, SlideKind.PATENT, SlideKind.TITLE, SlideKind.PATENT]
    assert controller.display.stack.currentWidget() is controller.display.patent_page


def test_b_and_dot_black_the_screen_w_whites_it_the_next_key_brings_it_back(
    make_controller, plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start()
    display = controller.display
    qtbot.keyClick(display, Qt.Key.Key_B)
    assert display.blank is Blank.BLACK and display.stack.currentWidget() is display.blank_page
    qtbot.wait(1)  # the console follows from the event loop
    assert display.blank_page.palette().window().color().name() == "#000000"
    assert "BLACK" in controller.console.state_label.text()
    qtbot.keyClick(display, Qt.Key.Key_B)
    assert display.blank is Blank.NONE
    qtbot.keyClick(display, Qt.Key.Key_Period)
    assert display.blank is Blank.BLACK
    qtbot.keyClick(display, Qt.Key.Key_W)
    assert display.blank is Blank.WHITE
    assert display.blank_page.palette().window().color().name() == "#ffffff"
    qtbot.keyClick(display, Qt.Key.Key_PageDown)  # back to the same slide, nothing skipped
    assert display.blank is Blank.NONE and controller.run.index == 0
    assert display.stack.currentWidget() is display.patent_page


def test_a_number_and_enter_jump_without_showing_the_slots_between(
    make_controller, plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start()
    seen = shown_slides(controller)
    qtbot.keyClicks(controller.display, "5")
    assert seen == [] and "5" in controller.console.state_label.text()
    qtbot.keyClick(controller.display, Qt.Key.Key_Return)
    assert seen == [("patent", 5)]
    assert controller.run.index == 4
    started = [slot.slot_id for slot in controller.run.slots if slot.started_at is not None]
    assert started == [plan.slots[0].slot_id, plan.slots[4].slot_id]  # 2..4 never on stage
    qtbot.keyClicks(controller.display, "12")  # a two-digit number
    qtbot.keyClick(controller.display, Qt.Key.Key_Backspace)
    qtbot.keyClick(controller.display, Qt.Key.Key_Enter)
    assert controller.run.index == 0  # "1"
    qtbot.keyClicks(controller.display, "99")
    qtbot.keyClick(controller.display, Qt.Key.Key_Return)
    assert controller.run.index == 0 and "no slot 99" in controller.console.state_label.text()


def test_escape_clears_a_typed_number_first_then_asks_then_leaves(
    make_controller, plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start()
    qtbot.keyClicks(controller.display, "3")
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    assert controller.run.running and controller.typed == ""
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)  # asks first
    assert controller.run.running
    assert "Esc again" in controller.console.state_label.text()
    qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)  # any other key: the show goes on
    assert "Esc again" not in controller.console.state_label.text()
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    assert controller.run.running and controller.run.index == 1
    with qtbot.waitSignal(controller.finished, timeout=1000):
        qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    assert not controller.run.running
    assert not controller.display.isVisible() and not controller.console.isVisible()


def test_home_and_end(make_controller, plan, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start(3)
    qtbot.keyClick(controller.display, Qt.Key.Key_End)
    assert controller.run.index == len(plan.slots) - 1
    qtbot.keyClick(controller.display, Qt.Key.Key_Home)
    assert controller.run.index == 0


def test_keys_typed_into_a_console_field_stay_in_the_field(make_controller, plan, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    controller = make_controller(plan, options=NO_CARDS, capture=field)
    controller.start()
    controller.console.show()
    field.setFocus()
    qtbot.keyClicks(field, "Bob 12 .W")
    assert field.text() == "Bob 12 .W"
    assert controller.run.blank is Blank.NONE and controller.typed == ""
    qtbot.keyClick(field, Qt.Key.Key_PageDown)  # a clicker still moves the show
    assert controller.run.index == 1


def test_the_countdown_turns_yellow_red_then_counts_overtime(
    make_controller, plan, clock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    options = RoadshowOptions(
        thresholds=Thresholds(warning_seconds=120, final_seconds=30), title_cards=False
    )
    controller = make_controller(plan, options=options)
    controller.start()  # 8 minutes planned
    console = controller.console
    steps = [
        (0, "8:00", "normal"),
        (6 * 60, "2:00", "warning"),
        (91, "0:29", "final"),
        (59, "+0:30", "overtime"),
    ]
    for seconds, text, level in steps:
        clock.advance(seconds)
        controller.tick()
        assert console.countdown_label.text() == text
        assert console.countdown_level() == level
    assert console.countdown_label.palette().window().color().name() == "#d11f1f"
    assert console.schedule_label.text() == "On schedule"  # within a minute
    clock.advance(60)
    controller.tick()
    assert console.countdown_label.text() == "+1:30"
    assert console.schedule_label.text() == "1:30 behind schedule"


def test_the_countdown_waits_on_a_title_card(make_controller, plan, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=RoadshowOptions(title_cards=True))
    controller.start()
    clock.advance(300)
    controller.tick()
    assert controller.console.countdown_label.text() == "8:00"
    assert controller.console.countdown_level() == ""


def test_the_console_shows_current_and_next_patent_and_the_notes(
    make_controller, plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS)
    controller.start()
    console = controller.console
    assert console.now_title.text() == plan.slots[0].heading
    assert console.next_title.text() == plan.slots[1].heading
    assert console.notes.toPlainText() == plan.slots[0].notes != ""
    assert "1 of 7" in console.progress_label.text()
    qtbot.keyClick(controller.display, Qt.Key.Key_End)
    assert console.now_title.text() == plan.slots[0].heading  # the projector first...
    qtbot.wait(1)
    assert console.now_title.text() == plan.slots[-1].heading  # ...then the console
    assert console.next_title.text() == "End of the session"


def test_slot_times_are_saved_as_slots_go_on_and_off_stage(
    make_controller, plan, context, db, clock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS, context=context)
    on_stage: list[int] = []
    context.patent_on_stage.connect(on_stage.append)
    controller.start()
    clock.advance(8 * 60 + 5)
    qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    qtbot.wait(1)
    clock.advance(7 * 60)
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    qtbot.keyClick(controller.display, Qt.Key.Key_Escape)
    with db.session() as session:
        times = {slot.id: (slot.actual_start, slot.actual_end) for slot in session.query(Slot)}
    first, second = plan.slots[0].slot_id, plan.slots[1].slot_id
    t0 = dt.datetime(2024, 5, 18, 6, 0)
    assert times[first] == (t0, t0 + dt.timedelta(seconds=485))
    assert times[second] == (t0 + dt.timedelta(seconds=485), t0 + dt.timedelta(seconds=905))
    assert all(times[slot.slot_id] == (None, None) for slot in plan.slots[2:])
    assert on_stage == [plan.slots[0].patent_id, plan.slots[1].patent_id]
    assert context.patent_on_stage_id == plan.slots[1].patent_id


def test_a_failed_save_is_reported_and_the_show_goes_on(
    make_controller, plan, context, db, qtbot
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=NO_CARDS, context=context)
    controller.start()
    db.engine.dispose()
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE slot")
    messages: list[str] = []
    context.status_message.connect(messages.append)
    qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    assert controller.run.index == 1
    assert messages and "could not be saved" in messages[0]
