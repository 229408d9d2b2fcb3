"""The roadshow page: pick a session of the current event, check it, and start the show.

The page lists the event's sessions and the chosen session's slots (with the actual times
of earlier runs), previews what the projector will show for the selected slot, and holds
the show's options (theme, warning thresholds, title cards; kept in the settings). Start
(F5) hands the session to a :class:`~.controller.RoadshowController`; when the presenter
leaves the show, the page offers to resume after the last slot presented.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.roadshow import Phase, Position, Thresholds
from roadshow_desk.domain.roadshow_plan import PlanError, SessionPlan, load_plan, public_slide
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.roadshow.audience import AudienceDisplay
from roadshow_desk.ui.roadshow.console import local_time
from roadshow_desk.ui.roadshow.controller import RoadshowController, RoadshowOptions
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage

PREVIEW_SIZE = (1024, 768)
PREVIEW_WIDTH = 400


def make_capture_panel(context: AppContext) -> QWidget | None:
    """The quick intention capture of the fair-day workflow, for the console (None when
    the window has no capture page: see ``AppContext.capture_panel_factory``)."""
    factory = context.capture_panel_factory
    return factory() if factory is not None else None


class RoadshowPage(WorkflowPage):
    """Choose a session and start the roadshow (see the module notes)."""

    view_name = "roadshow"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.controller: RoadshowController | None = None
        self._plan: SessionPlan | None = None

        self.event_label = QLabel(self)
        self.event_label.setObjectName("roadshow_event")
        self.session_combo = QComboBox(self)
        self.session_combo.setObjectName("roadshow_session")
        self.session_combo.currentIndexChanged.connect(self._load_selected_session)
        self.slot_tree = QTreeWidget(self)
        self.slot_tree.setObjectName("roadshow_slots")
        self.slot_tree.setRootIsDecorated(False)
        self.slot_tree.setHeaderLabels(
            [
                self.tr("#"),
                self.tr("Patent"),
                self.tr("Presenter"),
                self.tr("Minutes"),
                self.tr("Started"),
                self.tr("Ended"),
            ]
        )
        self.slot_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.slot_tree.currentItemChanged.connect(self._update_preview)
        self.message = QLabel(self)
        self.message.setObjectName("roadshow_message")
        self.message.setWordWrap(True)

        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("roadshow_theme")
        self.theme_combo.addItem(self.tr("Dark, high contrast"), "dark")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.warning_spin = self._minutes_spin("roadshow_warning_minutes")
        self.final_spin = self._minutes_spin("roadshow_final_minutes")
        self.title_cards = QCheckBox(self.tr("Session title card before each slot"), self)
        self.title_cards.setObjectName("roadshow_title_cards")
        self.start_spin = QSpinBox(self)
        self.start_spin.setObjectName("roadshow_start_at")
        self.start_spin.setMinimum(1)
        self.start_button = QPushButton(self.tr("Start roadshow (F5)"), self)
        self.start_button.setObjectName("roadshow_start")
        self.start_button.clicked.connect(self.start_show)
        self.preview = QLabel(self)
        self.preview.setObjectName("roadshow_preview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * PREVIEW_SIZE[1] // PREVIEW_SIZE[0])
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._preview_display: AudienceDisplay | None = None

        options = QGroupBox(self.tr("Show"), self)
        form = QFormLayout(options)
        form.addRow(self.tr("Projector theme"), self.theme_combo)
        form.addRow(self.tr("Yellow when minutes left"), self.warning_spin)
        form.addRow(self.tr("Red when minutes left"), self.final_spin)
        form.addRow("", self.title_cards)
        form.addRow(self.tr("Start at slot"), self.start_spin)
        form.addRow("", self.start_button)

        top = QHBoxLayout()
        top.addWidget(self.event_label, 1)
        top.addWidget(QLabel(self.tr("Session"), self))
        top.addWidget(self.session_combo, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("What the projector shows"), self))
        right.addWidget(self.preview)
        right.addWidget(options)
        right.addStretch(1)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.slot_tree, 1)
        left.addWidget(self.message)
        middle.addLayout(left, 1)
        middle.addLayout(right)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(middle, 1)

        self.start_action = QAction(self.tr("Start roadshow"), self)
        self.start_action.setObjectName("action_roadshow_start")
        self.start_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.start_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.start_action.triggered.connect(self.start_show)
        self.addAction(self.start_action)

        self._load_options()
        for signal in (
            self.theme_combo.currentIndexChanged,
            self.warning_spin.valueChanged,
            self.final_spin.valueChanged,
            self.title_cards.toggled,
        ):
            signal.connect(self._save_options)
        context.event_changed.connect(lambda _id: self._reload_if_shown())
        self.empty = EmptyState(self, "empty_roadshow")  # which step is missing
        context.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        return self.tr("Roadshow")

    def icon(self) -> QIcon:
        return QIcon("icons:roadshow.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.start_action]

    def activate(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ options

    def _minutes_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, 60)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" " + self.tr("min"))
        return spin

    def _load_options(self) -> None:
        options = RoadshowOptions.from_settings(self.context.settings)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(options.theme)))
        self.warning_spin.setValue(options.thresholds.warning_seconds / 60)
        self.final_spin.setValue(options.thresholds.final_seconds / 60)
        self.title_cards.setChecked(options.title_cards)

    def options(self) -> RoadshowOptions:
        """The options on the page (thresholds that make no sense raise ``ValueError``)."""
        return RoadshowOptions(
            theme=str(self.theme_combo.currentData()),
            thresholds=Thresholds(
                warning_seconds=round(self.warning_spin.value() * 60),
                final_seconds=round(self.final_spin.value() * 60),
            ),
            title_cards=self.title_cards.isChecked(),
        )

    def _save_options(self) -> None:
        settings = self.context.settings
        settings.set_value("roadshow/theme", str(self.theme_combo.currentData()))
        settings.set_value("roadshow/warning_seconds", round(self.warning_spin.value() * 60))
        settings.set_value("roadshow/final_seconds", round(self.final_spin.value() * 60))
        settings.set_value("roadshow/title_cards", self.title_cards.isChecked())
        self._preview_display = None
        self._update_preview()

    # ------------------------------------------------------------------ sessions

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.EVENT, DataKind.AGENDA, DataKind.PATENT, DataKind.SHORTLIST):
            self._reload_if_shown()

    def _reload_if_shown(self) -> None:
        """Reload now if the page is on screen; a hidden page reloads when it is shown
        (``activate``): drawing the projector preview of every change made on another page
        froze the window."""
        if self.isVisible():
            self.reload()

    def _event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def reload(self) -> None:
        """Read the current event's sessions again (keeps the chosen session)."""
        from roadshow_desk.domain.agenda import list_sessions
        from roadshow_desk.domain.events import get_event
        from roadshow_desk.errors import InputError

        chosen = self.session_combo.currentData()
        event_id = self._event_id()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        if event_id is None:
            self.event_label.setText(self.tr("No event yet: create one on the event page."))
        else:
            with self.context.database.session() as session:
                try:
                    event = get_event(session, event_id)
                except InputError:
                    event = None
                if event is not None:
                    self.event_label.setText(event.name)
                    for item in list_sessions(session, event_id):
                        self.session_combo.addItem(item.title, item.id)
        index = self.session_combo.findData(chosen)
        self.session_combo.setCurrentIndex(index if index >= 0 else 0)
        self.session_combo.blockSignals(False)
        self._load_selected_session()
        show_next_step(self.empty, self, self.context, event_id)

    def _load_selected_session(self) -> None:
        session_id = self.session_combo.currentData()
        self.slot_tree.clear()
        self._plan = None
        if session_id is None:
            self.message.setText(self.tr("This event has no roadshow session yet."))
            self._set_startable(False)
            self._update_preview()
            return
        actual: dict[int, tuple[dt.datetime | None, dt.datetime | None]] = {}
        with self.context.database.session() as session:
            try:
                self._plan = load_plan(session, int(session_id))
            except PlanError as error:
                self.message.setText(str(error))
                self._set_startable(False)
                self._update_preview()
                return
            from roadshow_desk.domain.agenda import list_slots

            for row in list_slots(session, int(session_id)):
                actual[row.id] = (row.actual_start, row.actual_end)
        for slot in self._plan.slots:
            start, end = actual.get(slot.slot_id, (None, None))
            item = QTreeWidgetItem(
                [
                    str(slot.number),
                    slot.heading,
                    slot.presenter,
                    str(slot.planned_minutes),
                    local_time(start, self._plan.time_zone).strftime("%H:%M") if start else "",
                    local_time(end, self._plan.time_zone).strftime("%H:%M") if end else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, slot.number)
            self.slot_tree.addTopLevelItem(item)
        total = sum(slot.planned_minutes for slot in self._plan.slots)
        self.message.setText(
            fmt(self.tr("%1 slots, %2 minutes planned."), str(len(self._plan.slots)), str(total))
        )
        self.start_spin.setMaximum(len(self._plan.slots))
        self._set_startable(self.controller is None)
        first = self.slot_tree.topLevelItem(0)
        if first is not None:
            self.slot_tree.setCurrentItem(first)
        self._update_preview()

    def _set_startable(self, enabled: bool) -> None:
        self.start_button.setEnabled(enabled)
        self.start_action.setEnabled(enabled)

    def _update_preview(self, *_args: object) -> None:
        item = self.slot_tree.currentItem()
        if self._plan is None or item is None:
            self.preview.clear()
            return
        number = int(item.data(0, Qt.ItemDataRole.UserRole))
        if self._preview_display is None:
            self._preview_display = AudienceDisplay(theme_name=str(self.theme_combo.currentData()))
            self._preview_display.resize(*PREVIEW_SIZE)
        slide = public_slide(self._plan, Position(Phase.SLOT, number - 1))
        self._preview_display.show_slide(slide)
        image = self._preview_display.grab()
        self.preview.setPixmap(
            QPixmap(image).scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        )

    # ------------------------------------------------------------------ the show

    def start_show(self) -> RoadshowController | None:
        """Start the chosen session at the chosen slot (``None`` when it cannot start)."""
        if self.controller is not None or self._plan is None:
            return None
        try:
            options = self.options()
        except ValueError as error:
            self.message.setText(str(error))
            return None
        controller = RoadshowController(
            self._plan,
            context=self.context,
            options=options,
            capture=make_capture_panel(self.context),
            parent=self,
        )
        controller.finished.connect(self._show_finished)
        self.controller = controller
        self._set_startable(False)
        controller.start(min(self.start_spin.value(), len(self._plan.slots)))
        return controller

    def _show_finished(self) -> None:
        controller = self.controller
        self.controller = None
        if controller is not None:
            run = controller.run
            following = run.index + (2 if run.phase is Phase.SLOT else 1)
            self.start_spin.setValue(min(max(1, following), run.count))
            controller.deleteLater()
        self._load_selected_session()
        window = self.window()
        window.raise_()
        window.activateWindow()
