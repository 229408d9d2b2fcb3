"""What the main window knows of a workflow: a page, its actions, and the shared context.

Each workflow package under ``ui/`` provides one :class:`WorkflowPage` subclass; the main
window lists them in ``main_window.WORKFLOW_PAGES`` (``"module:Class"`` strings, in
navigation order) and builds each with the :class:`AppContext`. Pages talk to each other only
through the context's signals and the database, never by reaching into another page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database
    from roadshow_desk.ui.settings import Settings


class AppContext(QObject):
    """Shared by every page: the database, settings, undo stack and app-wide signals."""

    data_changed = Signal(str)
    """Records of a kind changed (``"patent"``, ``"shortlist"``, ``"enterprise"``, ...)."""
    event_changed = Signal(int)
    """The current event (its id) changed."""
    patent_on_stage = Signal(int)
    """The roadshow put a patent (its id) on the audience screen."""
    status_message = Signal(str)
    """A short message for the status bar."""

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
        self.undo_stack = QUndoStack(self)
        self.current_event_id: int | None = None
        self.patent_on_stage_id: int | None = None
        self.event_changed.connect(self._remember_event)
        self.patent_on_stage.connect(self._remember_patent)
        from roadshow_desk.ui.live_view import LiveView

        self.live_view = LiveView(self)  # other desks' changes on a shared server

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
