"""What the main window knows of a workflow: a page, its actions, and the shared context.

Each workflow package under ``ui/`` provides one :class:`WorkflowPage` subclass; the main
window lists them in ``main_window.WORKFLOW_PAGES`` (``"module:Class"`` strings, in
navigation order) and builds each with the :class:`AppContext`. Pages talk to each other only
through the context and the database, never by reaching into another page: the context's
signals (``data_changed`` with a :class:`DataKind`, ``event_changed``, ``import_finished``)
and its typed hooks (:attr:`AppContext.shortlist_sink`, ``capture_panel_factory``,
``new_event_checks``). The workflows do not import each other (an import-linter contract in
``pyproject.toml``); what several of them show lives in a module of ``ui/`` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from roadshow_desk.domain.shortlist import Addition
    from roadshow_desk.store.db import Database
    from roadshow_desk.ui.settings import Settings
    from roadshow_desk.ui.undo import UndoStack


class DataKind(StrEnum):
    """What changed, as :attr:`AppContext.data_changed` tells the pages.

    Emit the kind where the data changes (an undo command's redo and undo, a finished
    import, a merge); a page listens for the kinds it shows. ``tests/ui/test_data_kinds.py``
    checks that every kind some page listens for is emitted somewhere. The values are the
    kinds ``store.live.WATCHED`` names for other desks' changes.
    """

    PATENT = "patent"
    """Patents: their fields, scores, imports, deletions."""
    SHORTLIST = "shortlist"
    """An event's shortlist: entries, order, exclusions, presenter notes."""
    ENTERPRISE = "enterprise"
    """Enterprises and their sign-ups."""
    EVENT = "event"
    """An event's own fields (name, dates, venue), a new event, or one taken back."""
    AGENDA = "agenda"
    """Roadshow sessions and their slots."""
    CHECKIN = "checkin"
    """Check-ins at the door (registrations)."""
    INTENTION = "intention"
    """Intentions captured, edited or followed up."""
    BUNDLE_SETTINGS = "bundle_settings"
    """An event's bundle passphrase or stations."""


#: Drag-and-drop of patents between pages (the library's rows onto the shortlist): JSON ids.
PATENT_IDS_MIME = "application/x-roadshow-desk-patent-ids"


class ShortlistSink(Protocol):
    """Where a page puts patents on the current event's shortlist (the shortlist page
    registers itself as :attr:`AppContext.shortlist_sink`)."""

    def add_patents(self, patent_ids: list[int], position: int | None = None) -> Addition | None:
        """Put ``patent_ids`` on the shortlist (undoably), at ``position`` or the end; returns
        what was added and what was not, or None when the sink refused and said why."""


class AppContext(QObject):
    """Shared by every page: the database, settings, undo stack and app-wide signals."""

    data_changed = Signal(object)
    """Records of a kind changed: a :class:`DataKind`."""
    event_changed = Signal(int)
    """The current event (its id) changed."""
    patent_on_stage = Signal(int)
    """The roadshow put a patent (its id) on the audience screen."""
    status_message = Signal(str)
    """A short message for the status bar."""
    import_finished = Signal(object)
    """An import into the database finished (its ``ImportResult``), whoever ran it."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        station: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.station = station
        from roadshow_desk.ui.undo import UndoStack

        self.undo_stack: UndoStack = UndoStack(self)
        self.current_event_id: int | None = None
        self.patent_on_stage_id: int | None = None
        self.shortlist_sink: ShortlistSink | None = None
        """Takes patents for the shortlist; None while no shortlist page exists."""
        self.capture_panel_factory: Callable[[], QWidget] | None = None
        """Makes a quick intention capture for the roadshow console (the capture page)."""
        self.new_event_checks: list[Callable[[], bool]] = []
        """Asked before a new event is started, each True to go on (the bundles ask about
        this station's unexported work); see :meth:`may_start_new_event`."""
        self.event_changed.connect(self._remember_event)
        self.patent_on_stage.connect(self._remember_patent)
        from roadshow_desk.ui.live_view import LiveView

        self.live_view = LiveView(self)  # other desks' changes on a shared server

    def current_or_latest_event_id(self) -> int | None:
        """The event being worked on: the one chosen on the event page, else the latest."""
        if self.current_event_id is not None:
            return self.current_event_id
        from roadshow_desk.domain.events import latest_event

        with self.database.session() as session:
            event = latest_event(session)
            return event.id if event is not None else None

    def forget_event(self, event_id: int) -> None:
        """The event is gone (its creation undone): when it was the current one, the latest
        event becomes current and the pages follow (``event_changed``); with none left there
        is no current event (the pages learn it from the ``data_changed`` that follows)."""
        if self.current_event_id != event_id:
            return
        self.current_event_id = None
        latest = self.current_or_latest_event_id()
        if latest is not None:
            self.event_changed.emit(latest)

    def may_start_new_event(self) -> bool:
        """Whether every check of :attr:`new_event_checks` lets a new event start."""
        return all(check() for check in self.new_event_checks)

    def _remember_event(self, event_id: int) -> None:
        self.current_event_id = event_id

    def _remember_patent(self, patent_id: int) -> None:
        self.patent_on_stage_id = patent_id


class WorkflowPage(QWidget):
    """A page in the main window's navigation."""

    #: Stable identifier used by ``shot --view NAME`` and saved state.
    view_name = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        """The navigation label (translated)."""
        raise NotImplementedError

    def icon(self) -> QIcon:
        return QIcon()

    def actions_for_toolbar(self) -> list[QAction]:
        """Actions the main window shows in its toolbar while this page is current."""
        return []

    def activate(self) -> None:
        """Called each time the page becomes current (refresh what may have changed)."""

    # The pending-edits protocol (``ui.pending``): the window settles a page before it
    # leaves it and every page before it closes. A page that holds typed text overrides these.

    def pending_edits(self) -> list[str]:
        """What is typed on this page and not kept yet, one short phrase each."""
        return []

    def commit_pending(self) -> bool:
        """Keep what is typed (undoably); False when something cannot be kept (shown why)."""
        return True

    def discard_pending(self) -> None:
        """Drop what is typed and not kept (after the user agreed)."""
