"""The follow-up page: every lead of the event, filtered by stage, owner and overdue.

The list is filtered in SQL (``domain.followup.query_followups``). The pane on the right
shows the selected lead: a button for each stage it may move to (Drop needs a reason), its
owner and next-action date, and its dated log with a box to add a note. Every change is an
undoable command.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roadshow_desk.domain.checkin import local_time
from roadshow_desk.domain.enums import FollowUpStage
from roadshow_desk.domain.followup import (
    NEXT_STAGES,
    OPEN_STAGES,
    FollowUpRow,
    log_of,
    owners,
    query_followups,
    stage_label,
)
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import Intention
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt
from roadshow_desk.store.db import Database
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.empty_state import EmptyState, Step, window_step
from roadshow_desk.ui.followup.commands import (
    AddNoteCommand,
    MoveStageCommand,
    SetNextActionCommand,
    SetOwnerCommand,
)
from roadshow_desk.ui.followup.contract import ContractEditor
from roadshow_desk.ui.followup.drafts import LeadDrafts
from roadshow_desk.ui.layout_state import keep_layout
from roadshow_desk.ui.record_table import record_table
from roadshow_desk.ui.rows_model import RowsModel, patent_text
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage

Index = QModelIndex | QPersistentModelIndex
OPEN = "open"
NOBODY = "\x00nobody"
SPLITTER_STATE = "followup.splitter"
HEADER_STATE = "followup.header"


def _next_action(row: FollowUpRow) -> str:
    return row.next_action_on.isoformat() if row.next_action_on else ""


class FollowUpModel(RowsModel):
    """Rows of :func:`query_followups` with the page's filters; ``UserRole`` is the id."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("FollowUpModel", "Enterprise"), lambda row: row.enterprise_name),
        (QT_TRANSLATE_NOOP("FollowUpModel", "Patent"), patent_text),
        (QT_TRANSLATE_NOOP("FollowUpModel", "Intention"), lambda row: label(row.kind)),
        (QT_TRANSLATE_NOOP("FollowUpModel", "Stage"), lambda row: stage_label(row.stage)),
        (QT_TRANSLATE_NOOP("FollowUpModel", "Owner"), lambda row: row.owner),
        (QT_TRANSLATE_NOOP("FollowUpModel", "Next action"), _next_action),
    )

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(database, parent)
        self.filters: dict[str, Any] = {}

    def read_rows(self, session: Session) -> list[FollowUpRow]:
        return query_followups(session, **self.filters)

    def role_data(self, row: Any, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and index.column() == 5:
            return QBrush(QColor("#b00020"))
        return None


class FollowUpPage(WorkflowPage):
    """Leads of the current event and their follow-up."""

    view_name = "followup"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = FollowUpModel(context.database, self)
        self.current_id: int | None = None
        self.current_uuid = ""
        self.drafts = LeadDrafts(context.settings)
        self._layout_restored = False
        self._build()
        # no lead at all (not only none the filters keep): where leads come from
        self.empty = EmptyState(self.table.viewport(), "empty_followup")
        context.data_changed.connect(self._on_data_changed)
        context.event_changed.connect(lambda _event_id: self.reload())

    def _build(self) -> None:
        self.combo_stage = QComboBox()
        self.combo_stage.setObjectName("combo_stage")
        self.combo_stage.addItem(self.tr("All stages"), None)
        self.combo_stage.addItem(self.tr("Open leads"), OPEN)
        for stage in FollowUpStage:
            self.combo_stage.addItem(stage_label(stage), stage)
        self.combo_owner = QComboBox()
        self.combo_owner.setObjectName("combo_owner")
        self.check_overdue = QCheckBox(self.tr("Overdue only"))
        self.check_overdue.setObjectName("check_overdue")
        self.label_count = QLabel()
        self.label_count.setObjectName("label_count")
        for signal in (self.combo_stage.currentIndexChanged, self.combo_owner.currentIndexChanged):
            signal.connect(self.reload)
        self.check_overdue.toggled.connect(self.reload)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Stage")))
        filters.addWidget(self.combo_stage)
        filters.addWidget(QLabel(self.tr("Owner")))
        filters.addWidget(self.combo_owner)
        filters.addWidget(self.check_overdue)
        filters.addStretch(1)
        filters.addWidget(self.label_count)

        self.table = record_table("table_leads", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("字") * 12)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.label_lead = QLabel()
        self.label_lead.setObjectName("label_lead")
        self.label_lead.setWordWrap(True)
        self.label_lead.setTextFormat(Qt.TextFormat.PlainText)
        self.stage_buttons = QHBoxLayout()
        self.edit_reason = QLineEdit()
        self.edit_reason.setObjectName("edit_reason")
        self.edit_reason.setPlaceholderText(self.tr("Why the lead is dropped (needed to drop)"))
        self.edit_reason.textEdited.connect(lambda text: self._draft_edited("reason", text))
        self.edit_owner = QLineEdit()
        self.edit_owner.setObjectName("edit_owner")
        self.edit_owner.editingFinished.connect(self._owner_edited)
        self.date_next = DateEdit(today=self._venue_today)  # overdue counts by the venue's day
        self.date_next.setObjectName("date_next")
        self.date_next.date_edited.connect(self._date_edited)
        self.list_log = QListWidget()
        self.list_log.setObjectName("list_log")
        self.edit_note = QLineEdit()
        self.edit_note.setObjectName("edit_note")
        self.edit_note.setPlaceholderText(self.tr("A call, a visit, an e-mail… (Enter adds it)"))
        self.edit_note.returnPressed.connect(self._add_note)
        self.edit_note.textEdited.connect(lambda text: self._draft_edited("note", text))
        self.label_message = QLabel()
        self.label_message.setObjectName("label_message")
        self.label_message.setWordWrap(True)
        self.date_next.problem_found.connect(self.label_message.setText)

        form = QFormLayout()
        form.addRow(self.tr("Move to"), self.stage_buttons)
        form.addRow(self.tr("Reason"), self.edit_reason)
        form.addRow(self.tr("Owner"), self.edit_owner)
        form.addRow(self.tr("Next action"), self.date_next)
        self.pane = QWidget()
        pane_layout = QVBoxLayout(self.pane)
        pane_layout.addWidget(self.label_lead)
        pane_layout.addLayout(form)
        self.contract = ContractEditor(self.context)
        self.contract.problem_found.connect(self.label_message.setText)
        pane_layout.addWidget(self.contract)
        pane_layout.addWidget(QLabel(self.tr("Log")))
        pane_layout.addWidget(self.list_log, 1)
        pane_layout.addWidget(self.edit_note)
        pane_layout.addWidget(self.label_message)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("splitter_followup")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.refresh_action = QAction(QIcon("icons:followup.svg"), self.tr("Refresh"), self)
        self.refresh_action.setObjectName("action_refresh_leads")
        self.refresh_action.triggered.connect(self.reload)
        self.export_action = QAction(QIcon("icons:export.svg"), self.tr("Export intentions…"), self)
        self.export_action.setObjectName("action_export_intentions")
        self.export_action.setToolTip(
            self.tr("Write the leads listed here (as filtered) to an Excel or CSV file")
        )
        self.export_action.triggered.connect(self.export_intentions)
        self._show_lead(None)

    # ------------------------------------------------------------------ WorkflowPage

    def title(self) -> str:
        return self.tr("Follow-up")

    def icon(self) -> QIcon:
        return QIcon("icons:followup.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.refresh_action, self.export_action]

    def activate(self) -> None:
        if not self._layout_restored:
            self._restore_layout()
        self.reload()

    def _restore_layout(self) -> None:
        """The splitter and column widths as the user left them (saved as they change)."""
        header = self.table.horizontalHeader()
        keep_layout(self.context.settings, header, self.splitter, HEADER_STATE, SPLITTER_STATE)
        self._layout_restored = True

    # ------------------------------------------------------------------ list

    def _event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def _venue_today(self) -> dt.date:
        """Today at the event's venue: the day a next action starting "today" is not overdue
        on, whatever the laptop's clock zone."""
        from roadshow_desk.domain.followup import event_today

        with self.context.database.session() as session:
            return event_today(session, self._event_id())

    def _fill_owners(self) -> None:
        chosen = self.combo_owner.currentData()
        self.combo_owner.blockSignals(True)
        self.combo_owner.clear()
        self.combo_owner.addItem(self.tr("Everyone"), None)
        self.combo_owner.addItem(self.tr("Nobody yet"), NOBODY)
        with self.context.database.session() as session:
            for name in owners(session):
                self.combo_owner.addItem(name, name)
        self.combo_owner.setCurrentIndex(max(0, self.combo_owner.findData(chosen)))
        self.combo_owner.blockSignals(False)

    def reload(self) -> None:
        """Query again with the filters; the selected lead stays selected when still listed."""
        self._fill_owners()
        stage = self.combo_stage.currentData()
        owner = self.combo_owner.currentData()
        self.model.filters = {
            "event_id": self._event_id(),
            "stages": list(OPEN_STAGES) if stage == OPEN else [stage] if stage else None,
            "owner": "" if owner == NOBODY else owner,
            "overdue": self.check_overdue.isChecked(),
        }
        keep = self.current_id
        self.model.reload()
        self.label_count.setText(fmt(self.tr("Leads: %1"), str(len(self.model.rows))))
        unfiltered = not (stage or owner or self.check_overdue.isChecked())
        if unfiltered and not self.model.rows:
            self.empty.show_state(
                self.tr("No leads yet"),
                self.tr(
                    "Every intention recorded at the fair becomes a lead to follow up here: "
                    "record them on the capture page, or import the filled-in sign-up sheets "
                    "there."
                ),
                [
                    Step(
                        "button_go_capture",
                        self.tr("Go to intention capture"),
                        window_step(self, "action_page_capture"),
                    )
                ],
            )
        else:
            self.empty.hide()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self._show_lead(keep)
        else:
            self._show_lead(None)

    # ------------------------------------------------------------------ export

    def ask_export_path(self) -> Path | None:
        """Where to write the export (the save dialog; ``None`` when cancelled)."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export intentions"),
            self.tr("intentions.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        return Path(path) if path else None

    def export_intentions(self) -> int | None:
        """Write the leads as listed (the filters applied) to a file; the row count."""
        from roadshow_desk.exchange.fairday_export import export_intentions

        self.reload()
        filters = self.model.filters
        if filters.get("event_id") is None:
            QMessageBox.information(
                self, self.title(), self.tr("There is no event yet, so no intentions to export.")
            )
            return None
        path = self.ask_export_path()
        if path is None:
            return None
        try:
            rows = export_intentions(
                self.context.database,
                path,
                event_id=filters["event_id"],
                stages=filters.get("stages"),
                owner=filters.get("owner"),
                overdue=bool(filters.get("overdue")),
            )
        except InputError as error:
            QMessageBox.warning(self, self.title(), str(error))
            return None
        message = self.tr("%1 intentions written to %2.")
        self.context.status_message.emit(fmt(message, str(rows), path.name))
        return rows

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.INTENTION, DataKind.ENTERPRISE) and self.isVisible():
            self.reload()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        lead = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._show_lead(lead)

    def select_lead(self, intention_id: int) -> bool:
        row = self.model.row_of(intention_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    # ------------------------------------------------------------------ the lead

    def _show_lead(self, intention_id: int | None) -> None:
        if intention_id != self.current_id:
            self.label_message.clear()
        self.current_id = intention_id
        while self.stage_buttons.count():
            item = self.stage_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.list_log.clear()
        self.pane.setEnabled(intention_id is not None)
        if intention_id is None:
            self.current_uuid = ""
            self._show_drafts()
            self.label_lead.setText(self.tr("Choose a lead in the list."))
            self.edit_owner.clear()
            self.date_next.setDate(None)
            self.contract.show_lead(None, None)
            return
        with self.context.database.session() as session:
            intention = session.get(Intention, intention_id)
            if intention is None:
                self._show_lead(None)
                return
            stage = FollowUpStage(intention.stage)
            heading = (
                f"{intention.enterprise.name}\n{intention.patent.application_no}  "
                f"{intention.patent.title}\n{label(intention.kind)} · {stage_label(stage)}"
            )
            if intention.dropped_reason:
                heading += "\n" + fmt(self.tr("Dropped: %1"), intention.dropped_reason)
            self.current_uuid = intention.uuid
            owner = intention.owner
            next_on = intention.next_action_on
            zone = intention.event.time_zone if intention.event is not None else None
            log = [
                (
                    local_time(entry.at, zone),
                    entry.from_stage,
                    entry.to_stage,
                    entry.note,
                    entry.author,
                )
                for entry in log_of(session, intention_id)
            ]
        self.label_lead.setText(heading)
        self._show_drafts()
        for target in NEXT_STAGES[stage]:
            button = QPushButton(stage_label(target))
            button.setObjectName(f"button_stage_{target.value}")
            button.clicked.connect(lambda _checked=False, t=target: self.move_to(t))
            self.stage_buttons.addWidget(button)
        if not NEXT_STAGES[stage]:
            self.stage_buttons.addWidget(QLabel(self.tr("Closed")))
        self.edit_owner.setText(owner)
        self.date_next.setDate(next_on)
        self.contract.show_lead(intention_id, stage)
        for at, from_stage, to_stage, note, author in log:
            text = at.strftime("%Y-%m-%d %H:%M")
            if to_stage is not None:
                text += "  " + (
                    fmt(
                        self.tr("%1 → %2"),
                        stage_label(from_stage) if from_stage else "",
                        stage_label(to_stage),
                    )
                )
            if note:
                text += "  " + note.replace("\n", " / ")
            if author:
                text += f"  ({author})"
            self.list_log.addItem(text)

    def move_to(self, stage: FollowUpStage) -> bool:
        """Move the selected lead (Drop takes the reason box); False with a message if not."""
        if self.current_id is None:
            return False
        reason = self.edit_reason.text().strip()
        if stage is FollowUpStage.DROPPED and not reason:
            self.label_message.setText(self.tr("Write why the lead is dropped, then drop it."))
            self.edit_reason.setFocus()
            return False
        uuid = self.current_uuid
        command = MoveStageCommand(
            self.context,
            self.current_id,
            stage,
            reason=reason if stage is FollowUpStage.DROPPED else "",
        )
        command.push()
        if command.exception is not None:  # refused: the reason typed stays
            self.label_message.setText(command.error)
            return False
        self.drafts.forget(uuid, "reason")
        self.edit_reason.clear()
        self.label_message.clear()
        return True

    def _owner_edited(self) -> None:
        if self.current_id is None:
            return
        with self.context.database.session() as session:
            intention = session.get(Intention, self.current_id)
            current = intention.owner if intention is not None else ""
        owner = " ".join(self.edit_owner.text().split())
        if owner != current:
            SetOwnerCommand(self.context, self.current_id, owner).push()

    def _date_edited(self, on: dt.date | None) -> None:
        if self.current_id is None:
            return
        self.label_message.clear()
        with self.context.database.session() as session:
            intention = session.get(Intention, self.current_id)
            current = intention.next_action_on if intention is not None else None
        if on != current:
            SetNextActionCommand(self.context, self.current_id, on).push()

    def _add_note(self) -> None:
        note = self.edit_note.text().strip()
        if self.current_id is None or not note:
            return
        uuid = self.current_uuid
        AddNoteCommand(self.context, self.current_id, note).push()
        self.drafts.forget(uuid, "note")
        self.edit_note.clear()
        self.label_message.clear()

    # ------------------------------------------------------------------ drafts

    def _show_drafts(self) -> None:
        """Fill the note and reason boxes with the shown lead's own drafts (or nothing)."""
        uuid = self.current_uuid
        for field, box in (("note", self.edit_note), ("reason", self.edit_reason)):
            text = self.drafts.get(uuid, field) if uuid else ""
            if box.text() != text:
                box.setText(text)
        if uuid and self.drafts.get(uuid, "note") and not self.label_message.text():
            self.label_message.setText(
                self.tr("The note in the box is not in the log yet: press Enter to add it.")
            )

    def _draft_edited(self, field: str, text: str) -> None:
        if self.current_uuid:
            self.drafts.put(self.current_uuid, field, text)
