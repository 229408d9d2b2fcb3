"""Screens: which screen each window takes, and the two-screen checks in a child process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from roadshow_desk.ui.roadshow.screens import choose_screens

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
TWO_SCREENS = REPO / "tests" / "ui" / "two-screens.json"


class FakeScreen:
    def __init__(self, name: str, x: int, y: int = 0) -> None:
        self._name = name
        self._geometry = QRect(x, y, 1920, 1080)

    def geometry(self) -> QRect:
        return self._geometry

    def name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return self._name


def test_the_display_goes_to_a_screen_other_than_the_primary_whatever_the_list_order() -> None:
    laptop, projector = FakeScreen("laptop", 0), FakeScreen("projector", 1920)
    for screens in ([laptop, projector], [projector, laptop]):
        placement = choose_screens(screens, laptop)
        assert placement.audience is projector and placement.console is laptop
    # A laptop whose primary screen is on the right of the projector.
    left, right = FakeScreen("left", -1024), FakeScreen("right", 0)
    assert choose_screens([right, left], right).audience is left


def test_swapped_and_single_screen_placements() -> None:
    laptop, projector = FakeScreen("laptop", 0), FakeScreen("projector", 1920)
    swapped = choose_screens([projector, laptop], laptop, swapped=True)
    assert swapped.audience is laptop and swapped.console is projector
    single = choose_screens([laptop], laptop)
    assert single.audience is laptop and single.console is None and single.single
    # A primary screen that is not in the list (being removed): the first by position.
    assert choose_screens([projector], laptop).audience is projector


def test_three_screens_take_the_first_other_screen_by_position() -> None:
    laptop = FakeScreen("laptop", 0)
    a, b = FakeScreen("a", 1920), FakeScreen("b", 3840)
    assert choose_screens([b, laptop, a], laptop).audience is a
    with pytest.raises(ValueError):
        choose_screens([], None)


@pytest.mark.slow
def test_two_screens_through_the_offscreen_platform() -> None:
    """Runs two_screens_checks.py under QT_QPA_PLATFORM=offscreen:configfile=two-screens.json."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={TWO_SCREENS}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(HERE / "two_screens_checks.py"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = re.search(r"(\d+) passed", output)
    assert summary is not None and int(summary.group(1)) == 10, output
    assert "skipped" not in output and "failed" not in output, output
