"""Two screens through Qt's offscreen platform: run by test_screens.py in a child pytest.

This file is not collected by the main test run (its name does not start with ``test_``):
the screens of the offscreen platform are fixed when the QApplication starts, so these
checks need a process started with
``QT_QPA_PLATFORM=offscreen:configfile=tests/ui/two-screens.json`` (laptop 1920×1080 primary,
projector 1024×768 to its right).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from offscreen_screens import set_screens
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

CONFIG = json.loads((Path(__file__).resolve().parents[1] / "two-screens.json").read_text())
LAPTOP = [screen for screen in CONFIG["screens"] if screen["name"] == "laptop"]

pytestmark = pytest.mark.skipif(
    "configfile=" not in os.environ.get("QT_QPA_PLATFORM", ""),
    reason="needs the two-screen offscreen platform (run through test_screens.py)",
)


def screen_of(widget) -> str:  # type: ignore[no-untyped-def]
    handle = widget.windowHandle()
    assert handle is not None
    return handle.screen().name()


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(20)


@pytest.fixture
def show(make_controller, plan, qtbot):  # type: ignore[no-untyped-def]
    assert sorted(s.name() for s in QGuiApplication.screens()) == ["laptop", "projector"]
    controller = make_controller(plan)
    controller.start()
    settle(qtbot)
    yield controller
    set_screens(CONFIG)  # leave both screens plugged for the next test
    settle(qtbot)


def test_the_display_lands_full_screen_on_the_projector_and_the_console_on_the_laptop(show) -> None:  # type: ignore[no-untyped-def]
    assert QGuiApplication.primaryScreen().name() == "laptop"
    assert screen_of(show.display) == "projector"
    assert show.display.isFullScreen()
    assert show.display.geometry() == QGuiApplication.screens()[1].geometry() or (
        show.display.geometry().topLeft().x() == 1920
    )
    assert show.display.size().width() == 1024 and show.display.size().height() == 768
    assert screen_of(show.console) == "laptop"
    assert show.console.isVisible()
    assert show.console.geometry().topLeft().x() == 0


def test_s_swaps_the_screens_and_back(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.display, Qt.Key.Key_S)
    settle(qtbot)
    assert screen_of(show.display) == "laptop" and show.display.width() == 1920
    assert screen_of(show.console) == "projector" and show.console.width() == 1024
    qtbot.keyClick(show.console, Qt.Key.Key_S)
    settle(qtbot)
    assert screen_of(show.display) == "projector" and show.display.width() == 1024
    assert screen_of(show.console) == "laptop"


def test_f_puts_the_display_in_a_window_for_screen_sharing_and_back(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.display, Qt.Key.Key_F)
    settle(qtbot)
    assert not show.display.isFullScreen()
    assert screen_of(show.display) == "laptop"
    assert show.display.width() * 9 == show.display.height() * 16  # a 16:9 window
    assert show.display.width() < 1920
    qtbot.keyClick(show.display, Qt.Key.Key_F)
    settle(qtbot)
    assert show.display.isFullScreen() and screen_of(show.display) == "projector"


def test_unplugging_and_plugging_the_projector_keeps_the_session_and_moves_the_display(
    show, qtbot, clock
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.display, Qt.Key.Key_PageDown)  # title card -> slot 1 on stage
    clock.advance(120)
    position, started = show.run.position, show.run.slots[0].started_at
    with qtbot.waitSignal(QGuiApplication.instance().screenRemoved, timeout=2000):
        set_screens(dict(CONFIG, screens=LAPTOP))
    settle(qtbot)
    assert [s.name() for s in QGuiApplication.screens()] == ["laptop"]
    assert show.run.running and show.run.position == position
    assert show.run.slots[0].started_at == started and show.timer.isActive()
    assert show.run.countdown().elapsed == 120  # the slot's clock ran on
    assert show.display.isFullScreen() and screen_of(show.display) == "laptop"
    assert show.display.width() == 1920
    assert not show.console.isVisible()  # one screen: the display takes it
    qtbot.keyClick(show.display, Qt.Key.Key_C)  # the console on a key
    settle(qtbot)
    assert show.console.isVisible() and screen_of(show.console) == "laptop"
    qtbot.keyClick(show.console, Qt.Key.Key_C)
    settle(qtbot)
    assert not show.console.isVisible()

    with qtbot.waitSignal(QGuiApplication.instance().screenAdded, timeout=2000):
        set_screens(CONFIG)
    settle(qtbot)
    assert screen_of(show.display) == "projector" and show.display.isFullScreen()
    assert show.display.width() == 1024
    assert show.console.isVisible() and screen_of(show.console) == "laptop"
    assert show.run.position == position and show.run.running
    qtbot.keyClick(show.display, Qt.Key.Key_PageDown)  # and the show goes on
    assert show.run.index == 1


def test_the_display_follows_the_primary_screen_not_the_list_order(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The projector is plugged in again with the list order reversed: still non-primary.
    set_screens(dict(CONFIG, screens=LAPTOP))
    settle(qtbot)
    set_screens(dict(CONFIG, screens=list(reversed(CONFIG["screens"]))))
    settle(qtbot)
    names = [s.name() for s in QGuiApplication.screens()]
    assert names == ["laptop", "projector"] or names == ["projector", "laptop"]
    primary = QGuiApplication.primaryScreen().name()
    other = "projector" if primary == "laptop" else "laptop"
    assert screen_of(show.display) == other
    assert screen_of(show.console) == primary


def test_text_on_the_projector_is_sized_for_its_1024x768(show) -> None:  # type: ignore[no-untyped-def]
    metrics = show.display.metrics
    assert (metrics.width, metrics.height) == (1024, 768)
    assert metrics.title_px >= 48 and metrics.body_px >= 28


# ---------------------------------------------------------------------- under real hands (#11)


@pytest.fixture
def staged(make_controller, plan, context, day, qtbot, qapp, request):  # type: ignore[no-untyped-def]
    """A show with the capture panel in its console (the page's set-up), on two screens,
    in English or in the language given as the fixture's parameter."""
    from keyboard import KeyClock

    from roadshow_desk.ui.capture.panel import CapturePanel
    from roadshow_desk.ui.roadshow.controller import RoadshowOptions
    from roadshow_desk.ui.translations import install_translators

    assert sorted(s.name() for s in QGuiApplication.screens()) == ["laptop", "projector"]
    install_translators(qapp, getattr(request, "param", "en"))
    context.current_event_id = day.event_id
    panel = CapturePanel(context)
    panel.scanner.clock = KeyClock()
    controller = make_controller(
        plan, options=RoadshowOptions(title_cards=False), context=context, capture=panel
    )
    controller.start()
    settle(qtbot)
    qtbot.waitUntil(lambda: panel.field_patent.chosen_id == plan.slots[0].patent_id)
    yield controller
    controller.stop()
    install_translators(qapp, "en")
    set_screens(CONFIG)
    settle(qtbot)


def where(show) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return screen_of(show.display), screen_of(show.console)


def codes(db, day):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from roadshow_desk.domain.models import Enterprise, Patent
    from roadshow_desk.domain.payloads import enterprise_payload, patent_payload

    with db.session() as session:
        firm = session.scalars(select(Enterprise).order_by(Enterprise.id)).first()
        patent = session.get(Patent, day.patent_ids[2])
        return (
            firm.id,
            enterprise_payload(firm.uuid),
            patent.id,
            patent_payload(patent.application_no),
        )


def test_clicker_keys_act_from_the_start_and_each_puts_the_windows_where_expected(
    staged, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from keyboard import focus, press

    from roadshow_desk.domain.roadshow import Blank

    show = staged
    assert where(show) == ("projector", "laptop") and focus() is show.console
    steps = [
        (Qt.Key.Key_B, ("projector", "laptop"), lambda: show.run.blank is Blank.BLACK),
        (Qt.Key.Key_Period, ("projector", "laptop"), lambda: show.run.blank is Blank.NONE),
        (Qt.Key.Key_W, ("projector", "laptop"), lambda: show.run.blank is Blank.WHITE),
        (Qt.Key.Key_PageDown, ("projector", "laptop"), lambda: show.run.blank is Blank.NONE),
        (Qt.Key.Key_PageDown, ("projector", "laptop"), lambda: show.run.index == 1),
        (Qt.Key.Key_S, ("laptop", "projector"), lambda: show.swapped),
        (Qt.Key.Key_S, ("projector", "laptop"), lambda: not show.swapped),
        (Qt.Key.Key_F, ("laptop", "laptop"), lambda: show.windowed),
        (Qt.Key.Key_F, ("projector", "laptop"), lambda: not show.windowed),
    ]
    for key, screens, check in steps:
        press(qtbot, key)
        settle(qtbot)
        assert where(show) == screens, key
        assert check(), key
    assert show.display.isFullScreen() and show.console.capture.field_enterprise.edit.text() == ""
    press(qtbot, Qt.Key.Key_Escape)  # asks; the windows stay
    settle(qtbot)
    assert show.run.running and where(show) == ("projector", "laptop")


def test_a_scan_at_the_console_never_moves_a_window_or_the_show(
    staged, qtbot, db, day, plan
) -> None:  # type: ignore[no-untyped-def]
    from keyboard import focus, press, scan

    show = staged
    panel = show.console.capture
    firm_id, badge, patent_id, code = codes(db, day)

    def unmoved(screens: tuple[str, str]):  # type: ignore[no-untyped-def]
        def check(character: str) -> None:
            settle(qtbot)
            assert where(show) == screens, character
            assert show.run.index == 0 and show.typed == "" and show.run.running, character

        return check

    scan(qtbot, badge, after_each=unmoved(("projector", "laptop")))
    assert panel.field_enterprise.chosen_id == firm_id and focus() is panel.chooser_kind
    scan(qtbot, code, after_each=unmoved(("projector", "laptop")))  # S, N, P, 1 inside
    assert panel.field_patent.chosen_id == patent_id != plan.slots[0].patent_id
    assert panel.chooser_kind.value is None
    press(qtbot, Qt.Key.Key_S)  # the presenter swaps on purpose, focus on the kind buttons
    settle(qtbot)
    assert where(show) == ("laptop", "projector")
    scan(qtbot, badge, after_each=unmoved(("laptop", "projector")))  # and scans go on
    assert panel.field_enterprise.chosen_id == firm_id


@pytest.mark.parametrize("staged", ["zh_CN", "en"], indirect=True)
def test_after_a_swap_the_console_fits_the_1024x768_projector(staged, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QSplitter

    show = staged
    qtbot.keyClick(show.display, Qt.Key.Key_S)
    settle(qtbot)
    assert screen_of(show.console) == "projector"
    assert (show.console.width(), show.console.height()) == (1024, 768)
    panel = show.console.capture
    form = panel.findChild(QSplitter).widget(0)
    for button in panel.chooser_kind.buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.mapTo(form, QPoint(button.width(), 0)).x() <= form.width(), button.text()
