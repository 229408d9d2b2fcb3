"""What each page's empty state says, from what is set up (``domain.first_steps``).

A page calls :func:`show_next_step` whenever its data may have changed; the empty state is
shown with the next step and its button while a step the page needs is missing, and hidden
otherwise. The texts and buttons live here, one function per page, so each page only adds
its :class:`~roadshow_desk.ui.empty_state.EmptyState` and one call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from roadshow_desk.domain.first_steps import SetUp, set_up
from roadshow_desk.ui.empty_state import EmptyState, Step, window_step
from roadshow_desk.ui.workflow import AppContext

State = tuple[str, str, list[Step]]


def _demo(page: QWidget, context: AppContext) -> Step:
    from roadshow_desk.ui.first_run import DemoFairAction

    window = page.window()
    action = window.findChild(QAction, "action_open_demo") if window is not None else None
    if action is None:
        action = DemoFairAction(context, page)
    return Step(
        "button_open_demo",
        QCoreApplication.translate("NextStep", "Open the demo fair"),
        action.trigger,
    )


def _create_event(page: QWidget) -> Step:
    return Step(
        "button_create_event",
        QCoreApplication.translate("NextStep", "Create the event"),
        window_step(page, "action_new_event"),
    )


def _import(page: QWidget) -> Step:
    return Step(
        "button_import_patents",
        QCoreApplication.translate("NextStep", "Import a patent list…"),
        window_step(page, "action_import_patents"),
    )


def _library(page: QWidget) -> Step:
    return Step(
        "button_go_library",
        QCoreApplication.translate("NextStep", "Go to the library"),
        window_step(page, "action_page_library"),
    )


def _no_event(page: QWidget, why: str) -> State:
    return (QCoreApplication.translate("NextStep", "No event yet"), why, [_create_event(page)])


def _no_patents(page: QWidget, why: str) -> State:
    return (QCoreApplication.translate("NextStep", "No patents yet"), why, [_import(page)])


def _event_and_patents(
    page: QWidget, done: SetUp, why_event: str, why_patents: str
) -> State | None:
    """The state of a page that needs an event and patents while one is missing."""
    if not done.events:
        return _no_event(page, why_event)
    if not done.patents:
        return _no_patents(page, why_patents)
    return None


def library_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    if done.patents:
        return None
    if done.empty:
        return (
            QCoreApplication.translate("NextStep", "Welcome to Roadshow Desk"),
            QCoreApplication.translate(
                "NextStep",
                "Open the demo fair to look around a complete example, or start your own "
                "fair: create the event, then import the institutes' patent lists.",
            ),
            [_demo(page, context), _create_event(page), _import(page)],
        )
    return (
        QCoreApplication.translate("NextStep", "The patent library is empty"),
        QCoreApplication.translate(
            "NextStep",
            "Import the institutes' patent lists (Excel or CSV, as the national patent "
            "activation system exports them); then screen them and pick the shortlist.",
        ),
        [_import(page)],
    )


def shortlist_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    if not done.events:
        return _no_event(
            page,
            QCoreApplication.translate(
                "NextStep", "A shortlist belongs to an event: create the event first."
            ),
        )
    if done.shortlisted:
        return None
    if not done.patents:
        return _no_patents(
            page,
            QCoreApplication.translate(
                "NextStep", "Import a patent list first, then pick the patents for this event."
            ),
        )
    return (
        QCoreApplication.translate("NextStep", "The shortlist is empty"),
        QCoreApplication.translate(
            "NextStep",
            "Pick patents in the library: select them and choose Add to shortlist, or drag "
            "them here.",
        ),
        [_library(page)],
    )


def event_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    if done.events:
        return None
    steps = [_create_event(page)]
    if done.empty:
        steps.append(_demo(page, context))
    return (
        QCoreApplication.translate("NextStep", "No event yet"),
        QCoreApplication.translate(
            "NextStep",
            "Create the event: a name and its dates are enough to start. Enterprises, "
            "check-in and the roadshow sessions come after.",
        ),
        steps,
    )


def capture_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    missing = _event_and_patents(
        page,
        done,
        QCoreApplication.translate(
            "NextStep", "Intentions are recorded for an event: create the event first."
        ),
        QCoreApplication.translate(
            "NextStep", "Each intention names a patent: import the patent list first."
        ),
    )
    if missing is not None or done.enterprises:
        return missing
    return (
        QCoreApplication.translate("NextStep", "No enterprises yet"),
        QCoreApplication.translate(
            "NextStep",
            "Each intention names an enterprise: register the enterprises (or import "
            "their sign-up list) on the event page.",
        ),
        [
            Step(
                "button_register_enterprises",
                QCoreApplication.translate("NextStep", "Register enterprises"),
                window_step(page, "action_show_enterprises"),
            )
        ],
    )


def roadshow_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    missing = _event_and_patents(
        page,
        done,
        QCoreApplication.translate(
            "NextStep", "A roadshow presents an event's patents: create the event first."
        ),
        QCoreApplication.translate(
            "NextStep", "A roadshow presents patents: import the patent list first."
        ),
    )
    if missing is not None:
        return missing
    if not done.shortlisted:
        return (
            QCoreApplication.translate("NextStep", "The shortlist is empty"),
            QCoreApplication.translate(
                "NextStep",
                "A roadshow presents the event's shortlist: pick patents in the library first.",
            ),
            [_library(page)],
        )
    if not done.slots:
        return (
            QCoreApplication.translate("NextStep", "No roadshow session planned yet"),
            QCoreApplication.translate(
                "NextStep",
                "Plan a session on the event page: put shortlisted patents in its slots.",
            ),
            [
                Step(
                    "button_plan_sessions",
                    QCoreApplication.translate("NextStep", "Plan the sessions"),
                    window_step(page, "action_plan_sessions"),
                )
            ],
        )
    return None


def print_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    if done.events:
        return None
    return _no_event(
        page,
        QCoreApplication.translate(
            "NextStep",
            "Brochures, sign-up sheets, cards, badges and the agenda are printed for an "
            "event: create the event first.",
        ),
    )


def results_state(page: QWidget, context: AppContext, done: SetUp) -> State | None:
    if done.events:
        return None
    return _no_event(
        page,
        QCoreApplication.translate(
            "NextStep",
            "The figures are an event's: create the event, then record the enterprises' "
            "intentions at the fair.",
        ),
    )


STATES: dict[str, Callable[[QWidget, AppContext, SetUp], State | None]] = {
    "library": library_state,
    "shortlist": shortlist_state,
    "event": event_state,
    "capture": capture_state,
    "roadshow": roadshow_state,
    "print": print_state,
    "results": results_state,
}


def show_next_step(
    empty: EmptyState, page: QWidget, context: AppContext, event_id: int | None = None
) -> bool:
    """Show ``page``'s next step on ``empty`` when one is missing (else hide it); ``True``
    when shown. ``page.view_name`` picks the texts; ``event_id`` is the event it shows."""
    with context.database.session() as session:
        done = set_up(session, event_id if event_id is not None else context.current_event_id)
    state = STATES[getattr(page, "view_name", "")](page, context, done)
    if state is None:
        empty.hide()
        return False
    empty.show_state(*state)
    return True
