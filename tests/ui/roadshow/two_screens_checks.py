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
