"""The event page: the event chooser above four tabs -- setup, enterprises, check-in, sessions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from roadshow_desk.domain.events import list_events
from roadshow_desk.ui.empty_state import EmptyState, window_step
from roadshow_desk.ui.event.agenda import AgendaView
from roadshow_desk.ui.event.checkin import CheckInPanel
from roadshow_desk.ui.event.enterprises import RegistryView
from roadshow_desk.ui.event.setup import EventSetupForm
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.pending import settle
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage


class EventPage(WorkflowPage):
    """Set the event up, keep the enterprise registry, check firms in, plan the sessions."""

    view_name = "event"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.combo_event = QComboBox()
        self.combo_event.setObjectName("combo_event")
        self.combo_event.setMinimumContentsLength(20)
        self.combo_event.activated.connect(self._on_event_chosen)
        self.setup = EventSetupForm(context)
        self.setup.setObjectName("form_event")
        self.setup.event_saved.connect(self._on_saved)
        self.setup.new_event_requested.connect(self.new_event)
        self.registry = RegistryView(context)
        self.registry.setObjectName("view_registry")
        self.checkin = CheckInPanel(context)
        self.checkin.setObjectName("panel_checkin")
        self.agenda = AgendaView(context)
        self.agenda.setObjectName("view_agenda")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs_event")
        self.tabs.addTab(self.setup, QIcon("icons:event.svg"), self.tr("Event"))
        self.tabs.addTab(self.registry, self.tr("Enterprises"))
        self.tabs.addTab(self.checkin, QIcon("icons:checkin.svg"), self.tr("Check-in"))
        self.tabs.addTab(self.agenda, self.tr("Sessions"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Event")))
        top.addWidget(self.combo_event, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.checkin_action = QAction(QIcon("icons:checkin.svg"), self.tr("Check-in"), self)
        self.checkin_action.setObjectName("action_checkin")
        self.checkin_action.triggered.connect(self.show_checkin)
        context.event_changed.connect(self._on_event_changed)
        context.data_changed.connect(self._on_data_changed)
        self._loaded = False
        self.empty = EmptyState(self.tabs, "empty_event")  # no event yet: create it
        self._creating = False
        for name, text, tab in (
            ("action_new_event", self.tr("New event"), None),
            ("action_show_enterprises", self.tr("Enterprises"), self.registry),
            ("action_plan_sessions", self.tr("Sessions"), self.agenda),
        ):  # the steps other pages' empty states ask for
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, tab=tab: self.show_step(tab))

    def title(self) -> str:
        return self.tr("Event")

    def icon(self) -> QIcon:
        return QIcon("icons:event.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.checkin_action]

    def activate(self) -> None:
        self.reload()

    def pending_edits(self) -> list[str]:
        return self.setup.pending_edits()

    def commit_pending(self) -> bool:
        return self.setup.commit_pending()

    def discard_pending(self) -> None:
        self.setup.discard_pending()

    def new_event(self) -> None:
        """An empty form for a new event, once what is typed for this one is kept."""
        self.show_step(None)

    def show_step(self, tab: QWidget | None) -> None:
        """Come forward at ``tab``, or (``None``) with the form for a new event."""
        if tab is None and not settle(self, [self.setup]):
            return  # what is typed for this event could not be kept and was not dropped
        if tab is None and not self.context.may_start_new_event():
            return  # this station's work is not exported yet: the user chose to stay
        self._creating = tab is None
        window_step(self, "action_page_event")()
        self.empty.hide()
        self.tabs.setCurrentWidget(tab or self.setup)
        if tab is None:
            self.setup.show_event(None)
            self.setup.edit_name.setFocus()

    def show_checkin(self) -> None:
        self.tabs.setCurrentWidget(self.checkin)
        self.checkin.edit_search.setFocus()

    def reload(self) -> None:
        """Refill the event chooser and every tab for the current event."""
        current = self._fill_chooser()
        draft = self.setup.event_gone() and bool(self.setup.pending_edits())
        if draft:
            self.setup.keep_as_new_event()  # what is typed for an undone event is not dropped
        else:
            self.setup.show_event(current)
        self.registry.reload()
        self.checkin.refresh()
        self.agenda.reload()
        self._loaded = True
        self._creating = draft or (self._creating and current is None)
        if not self._creating:
            show_next_step(self.empty, self, self.context, current)

    def _fill_chooser(self) -> int | None:
        """List the events in the chooser, the current one chosen; returns its id (the
        latest event's when none is current)."""
        with self.context.database.session() as session:
            events = [(event.id, event.name) for event in list_events(session)]
        current = self.context.current_event_id
        if current not in [event_id for event_id, _name in events]:  # none yet, or gone
            current = events[0][0] if events else None
            self.context.current_event_id = current
        self.combo_event.clear()
        for event_id, name in events:
            self.combo_event.addItem(name, event_id)
        if current is not None:
            self.combo_event.setCurrentIndex(max(0, self.combo_event.findData(current)))
        return current

    def _on_data_changed(self, kind: DataKind) -> None:
        """An event's name changed (a save, its undo or redo, another desk): the chooser
        shows the names as stored; the event the form showed is gone (its creation undone):
        the page shows the event that is current now, or the first step without one."""
        if kind == DataKind.EVENT and self._loaded:
            self._fill_chooser()
            if self.setup.event_gone():
                self.reload()

    def _on_event_chosen(self, index: int) -> None:
        event_id = self.combo_event.itemData(index)
        if event_id is None or event_id == self.context.current_event_id:
            return
        if not settle(self, [self.setup]):  # stay with the edits
            self.combo_event.setCurrentIndex(
                max(0, self.combo_event.findData(self.context.current_event_id))
            )
            return
        self.context.event_changed.emit(int(event_id))

    def _on_event_changed(self, _event_id: int) -> None:
        if self._loaded:
            self.reload()

    def _on_saved(self, event_id: int) -> None:
        if event_id != self.context.current_event_id:
            self.context.event_changed.emit(event_id)
        else:
            self.reload()
