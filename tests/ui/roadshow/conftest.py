"""Fixtures of the roadshow UI tests: a session with private data, a fake clock, controllers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from roadshow_data import RoadshowDay, make_roadshow

T0 = dt.datetime(2024, 5, 18, 6, 0, 0)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def day(db) -> RoadshowDay:  # type: ignore[no-untyped-def]
    return make_roadshow(db)


@pytest.fixture
def plan(db, day):  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.roadshow_plan import load_plan

    with db.session() as session:
        return load_plan(session, day.session_id)


@pytest.fixture
def context(qapp, db, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from roadshow_desk.ui.settings import Settings
    from roadshow_desk.ui.workflow import AppContext

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    return AppContext(db, settings, "podium")


@pytest.fixture
def make_controller(qtbot, clock) -> Iterator[Callable[..., Any]]:  # type: ignore[no-untyped-def]
    """Build (and at the end stop) controllers with the fake clock."""
    from roadshow_desk.ui.roadshow.controller import RoadshowController

    made: list[RoadshowController] = []

    def build(plan, **kwargs: Any) -> RoadshowController:  # type: ignore[no-untyped-def]
        kwargs.setdefault("clock", clock)
        controller = RoadshowController(plan, **kwargs)
        qtbot.addWidget(controller.display)
        qtbot.addWidget(controller.console)
        made.append(controller)
        return controller

    yield build
    import shiboken6

    for controller in made:
        if shiboken6.isValid(controller.display) and shiboken6.isValid(controller.console):
            controller.stop()
        else:  # qtbot deleted the windows already: no timer may reach them
            for timer in (controller.timer, controller.preview_timer, controller.console_timer):
                timer.stop()
