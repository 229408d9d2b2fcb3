"""``shot --view audience`` and ``--view presenter``: the roadshow windows as a PNG.

Both show the first roadshow session of the most recent event (``roadshow-desk demo``
makes one). The audience view shows its first patent; the presenter view its second slot
6½ minutes into 8, so the countdown shows its warning colour. A shot never writes to the
database (no slot times are saved) and never opens a window on a real screen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from roadshow_desk.domain.models import utcnow
from roadshow_desk.domain.roadshow_plan import PlanError, SessionPlan, load_plan, public_slide
from roadshow_desk.ui.roadshow.audience import AudienceDisplay
from roadshow_desk.ui.roadshow.controller import RoadshowController, RoadshowOptions


def _first_plan(window: QMainWindow) -> SessionPlan:
    from roadshow_desk.domain.agenda import list_sessions
    from roadshow_desk.domain.events import latest_event
    from roadshow_desk.ui.shot import ShotError

    context = window.context  # type: ignore[attr-defined]
    with context.database.session() as session:
        event = latest_event(session)
        sessions = list_sessions(session, event.id) if event is not None else []
        for candidate in sessions:
            try:
                return load_plan(session, candidate.id)
            except PlanError:
                continue
    raise ShotError(
        QCoreApplication.translate(
            "RoadshowShot",
            "The database has no roadshow session with slots; run “roadshow-desk demo” first.",
        )
    )


def _settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        if app is not None:
            app.processEvents()


def shot_audience(window: QMainWindow, size: QSize) -> QWidget:
    plan = _first_plan(window)
    options = RoadshowOptions.from_settings(window.context.settings)  # type: ignore[attr-defined]
    display = AudienceDisplay(theme_name=options.theme)
    display.resize(size)
    run = RoadshowController(
        plan, options=RoadshowOptions(theme=options.theme, title_cards=False)
    ).run
    display.show_slide(public_slide(plan, run.position))
    display.show()
    display.resize(size)
    _settle()
    return display


def shot_presenter(window: QMainWindow, size: QSize) -> QWidget:
    plan = _first_plan(window)
    moment = [utcnow()]
    options = RoadshowOptions.from_settings(window.context.settings)  # type: ignore[attr-defined]
    from roadshow_desk.ui.roadshow.page import make_capture_panel

    controller = RoadshowController(
        plan,
        options=RoadshowOptions(options.theme, options.thresholds, title_cards=False),
        clock=lambda: moment[0],
        capture=make_capture_panel(window.context),  # type: ignore[attr-defined]
    )
    run = controller.run
    run.start(min(2, run.count))
    moment[0] += dt.timedelta(minutes=6, seconds=30)
    controller.refresh()
    controller.refresh_console()
    console = controller.console
    console.resize(size)
    console.show()
    console.resize(size)
    controller.display.resize(1024, 768)
    controller.tick()
    _settle()
    controller.update_preview()
    _settle()
    controller.display.deleteLater()
    return console
