"""The shortlist page: the event's patents in the organiser's order, ready for the stage.

Patents arrive from the library (its "Add to shortlist" action, or dragged onto this
table); rows are reordered by dragging or with Ctrl+Up/Ctrl+Down, included or excluded
with a reason, tagged, annotated for the presenter, grouped by field; every change is an
undo command. The right pane edits the presenter's notes of the current patent and
suggests the enterprises to invite for it. Export writes the shortlist (the exporter) or the
invitation list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain import shortlist
from roadshow_desk.domain.models import Event, split_list
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.columns import fit_column
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.matches import MatchSuggestionsView
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.shortlist.commands import (
    AddPatentsCommand,
    RemovePatentsCommand,
    ReorderCommand,
    SetInclusionCommand,
    SetNotesCommand,
    SetTagsCommand,
)
from roadshow_desk.ui.shortlist.model import COLUMN, ShortlistModel
from roadshow_desk.ui.workflow import PATENT_IDS_MIME, AppContext, DataKind, WorkflowPage

SPLITTER_STATE = "shortlist_splitter"


class ShortlistTable(QTableView):
    """Accepts patents dragged from the library as well as its own rows."""

    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(PATENT_IDS_MIME):
            event.setDropAction(
                Qt.DropAction.MoveAction if event.source() is self else Qt.DropAction.CopyAction
            )
            event.accept()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        super().dragMoveEvent(event)
        if event.mimeData().hasFormat(PATENT_IDS_MIME):
            event.setDropAction(
                Qt.DropAction.MoveAction if event.source() is self else Qt.DropAction.CopyAction
            )
            event.accept()


class ShortlistPage(WorkflowPage):
    """One event's shortlist, edited with undo."""

    view_name = "shortlist"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.event_id: int | None = None
        self.model = ShortlistModel(context.database, self)
        self.model.edit_requested.connect(self._on_edit, Qt.ConnectionType.QueuedConnection)
        self.model.move_requested.connect(self._on_move, Qt.ConnectionType.QueuedConnection)
        self.model.add_requested.connect(self._on_add, Qt.ConnectionType.QueuedConnection)

        self.label_event = QLabel()
        self.label_event.setObjectName("label_event")
        self.label_event.setStyleSheet("font-weight: 600;")
        self.label_count = QLabel()
        self.label_count.setObjectName("label_count")

        self.table = ShortlistTable()
        self.table.setObjectName("table_shortlist")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        widths = {
            "position": 4,
            "application_no": 18,
            "title": 34,
            "technical_field": 12,
            "institution": 14,
            "score": 6,
            "included": 6,
            "exclusion_reason": 14,
            "tags": 12,
            "presenter_notes": 20,
        }
        for name, width in widths.items():
            header.resizeSection(COLUMN[name], width * char + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Included and score right after the number: an excluded row reads as excluded even
        # in a narrow window; the score shows all its digits, and its header.
        fit_column(self.table, COLUMN["score"], "100.0")
        fit_column(self.table, COLUMN["included"], checkable=True)
        for visual, name in enumerate(("included", "score", "exclusion_reason"), start=1):
            header.moveSection(header.visualIndex(COLUMN[name]), visual)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("edit_notes")
        self.notes.setPlaceholderText(
            self.tr("What the presenter should stress (never shown on the projector).")
        )
        self.button_save_notes = QPushButton(self.tr("Save notes"))
        self.button_save_notes.setObjectName("button_save_notes")
        self.button_save_notes.clicked.connect(self.save_notes)
        self.notes.installEventFilter(self)  # leaving the field keeps the notes
        self.matches = MatchSuggestionsView(context.database)
        self.matches.setObjectName("matches_patent")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 4, 8, 4)
        notes_title = QLabel(self.tr("Presenter's notes"))
        notes_title.setStyleSheet("font-weight: 600;")
        side_layout.addWidget(notes_title)
        side_layout.addWidget(self.notes, 1)
        side_layout.addWidget(self.button_save_notes, 0, Qt.AlignmentFlag.AlignRight)
        side_layout.addWidget(self.matches, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter_shortlist")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 360])

        self._build_actions()
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        top.addWidget(self.label_event)
        top.addStretch(1)
        top.addWidget(self.label_count)
        hint = QLabel(self.tr("Drag patents here from the library, or use its “Add to shortlist”."))
        hint.setObjectName("label_hint")
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)
        self._loaded = False
        self.empty = EmptyState(self.table.viewport(), "empty_shortlist")  # drops pass through
        context.data_changed.connect(self._on_data_changed)
        context.shortlist_sink = self  # the library's "Add to shortlist" (a ShortlistSink)
        context.event_changed.connect(lambda _event: self.reload(keep_event=False))

    # ------------------------------------------------------------------ actions

    def _action(self, name: str, text: str, icon: str, shortcut: str | None, slot) -> QAction:
        action = QAction(QIcon(f"icons:{icon}") if icon else QIcon(), text, self)
        action.setObjectName(f"action_{name}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.table.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.remove_action = self._action(
            "remove", self.tr("Remove from shortlist"), "remove.svg", "Delete", self.remove_selected
        )
        self.include_action = self._action(
            "include", self.tr("Include"), "", "Ctrl+K", self.include_selected
        )
        self.exclude_action = self._action(
            "exclude", self.tr("Exclude…"), "exclude.svg", "Ctrl+Shift+I", self.exclude_selected
        )
        self.tags_action = self._action("tags", self.tr("Tags…"), "", "Ctrl+T", self.edit_tags)
        self.up_action = self._action(
            "move_up", self.tr("Move up"), "", "Ctrl+Up", lambda: self.move_selected(-1)
        )
        self.down_action = self._action(
            "move_down",
            self.tr("Move down"),
            "",
            "Ctrl+Down",
            lambda: self.move_selected(1),
        )
        self.group_action = self._action(
            "group_by_field", self.tr("Group by field"), "group.svg", None, self.group_by_field
        )
        self.export_action = self._action(
            "export_shortlist", self.tr("Export shortlist…"), "export.svg", None, self.export
        )
        self.invitations_action = self._action(
            "export_invitations",
            self.tr("Invitation list…"),
            "",
            None,
            self.export_invitations,
        )

    # ------------------------------------------------------------------ WorkflowPage

    def title(self) -> str:
        return self.tr("Shortlist")

    def icon(self) -> QIcon:
        return QIcon("icons:shortlist.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.remove_action, self.exclude_action, self.group_action, self.export_action]

    def activate(self) -> None:
        if not self._loaded:
            state = self.context.settings.splitter_state(SPLITTER_STATE)
            if not state.isEmpty():
                self.splitter.restoreState(state)
            self.splitter.splitterMoved.connect(self._save_layout)
        self.reload(keep_event=self._loaded)
        self._loaded = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.save_notes()
        return super().eventFilter(watched, event)

    def pending_edits(self) -> list[str]:
        patent_id = self.current_patent_id()
        row = self.model.row_of(patent_id) if patent_id is not None else None
        if row is None or self.event_id is None:
            return []
        if self.notes.toPlainText().strip() == self.model.row_data(row).presenter_notes:
            return []
        return [
            fmt(self.tr("the presenter's notes of %1"), self.model.row_data(row).application_no)
        ]

    def commit_pending(self) -> bool:
        self.save_notes()
        return not self.pending_edits()

    def discard_pending(self) -> None:
        patent_id = self.current_patent_id()
        row = self.model.row_of(patent_id) if patent_id is not None else None
        self.notes.setPlainText(self.model.row_data(row).presenter_notes if row is not None else "")

    def _save_layout(self, *_args: object) -> None:
        self.context.settings.set_splitter_state(SPLITTER_STATE, self.splitter.saveState())

    # ------------------------------------------------------------------ loading

    def reload(self, *, keep_event: bool = True) -> None:
        """Re-read the shortlist (keeping the current patent and the selection)."""
        if not keep_event or self.event_id is None:
            self.event_id = self.context.current_or_latest_event_id()
        current = self.current_patent_id()
        selected = self.selected_patent_ids()
        self.model.load(self.event_id)
        name = ""
        if self.event_id is not None:
            with self.context.database.session() as session:
                event = session.get(Event, self.event_id)
                name = event.name if event is not None else ""
        self.label_event.setText(name or self.tr("No event yet: create one on the event page."))
        included = sum(
            1 for row in range(self.model.rowCount()) if self.model.row_data(row).included
        )
        self.label_count.setText(
            fmt(self.tr("%1 patents, %2 included"), str(self.model.rowCount()), str(included))
        )
        if current is None and self.model.rowCount():
            current = self.model.patent_id(0)
            selected = selected or [current]
        self.select_patents(selected, current)
        show_next_step(self.empty, self, self.context, self.event_id)

    def _on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.SHORTLIST, DataKind.PATENT, DataKind.EVENT) and self._loaded:
            self.reload()
        if kind in (DataKind.ENTERPRISE, DataKind.PATENT) and self._loaded:
            self._show_current()

    # ------------------------------------------------------------------ selection

    def current_patent_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.patent_id(index.row()) if index.isValid() else None

    def selected_patent_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.patent_id(row) for row in rows if row < self.model.rowCount()]

    def select_patents(self, patent_ids: list[int], current: int | None = None) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for patent_id in patent_ids:
            row = self.model.row_of(patent_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._show_current()

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and previous.row() < self.model.rowCount():
            self.save_notes(self.model.patent_id(previous.row()))
        self._show_current()

    def _show_current(self) -> None:
        patent_id = self.current_patent_id()
        row = self.model.row_of(patent_id) if patent_id is not None else None
        self.notes.setEnabled(row is not None)
        self.button_save_notes.setEnabled(row is not None)
        text = self.model.row_data(row).presenter_notes if row is not None else ""
        if self.notes.toPlainText() != text:
            self.notes.setPlainText(text)
        self.matches.show_patent(patent_id)

    # ------------------------------------------------------------------ changes

    def push(self, command) -> None:
        if not isinstance(command, SetNotesCommand):
            self.save_notes()  # typed notes first: the reload after the command shows them
        command.push()

    def add_patents(
        self, patent_ids: list[int], position: int | None = None
    ) -> shortlist.Addition | None:
        """Add patents (from the library) at ``position`` (default: the end); returns what
        was added and what was not, or None when nothing could be (no event: the person was
        told so)."""
        if self.event_id is None:
            self.event_id = self.context.current_or_latest_event_id()
        if self.event_id is None:
            QMessageBox.information(
                self, self.title(), self.tr("Create the event first (on the event page).")
            )
            return None
        command = AddPatentsCommand(self.context, self.event_id, patent_ids, position)
        self.push(command)
        return command.addition

    def _on_add(self, patent_ids: list[int], row: int) -> None:
        self.add_patents(patent_ids, row)

    def _on_move(self, patent_ids: list[int], row: int) -> None:
        if self.event_id is not None:
            self.push(ReorderCommand(self.context, self.event_id, patent_ids, row))

    def _on_edit(self, patent_id: int, field: str, value: object) -> None:
        if self.event_id is None:
            return
        if field == "included":
            if value:
                self.push(SetInclusionCommand(self.context, self.event_id, patent_id, True))
            else:
                self._exclude([patent_id])
        elif field == "exclusion_reason":
            self.push(
                SetInclusionCommand(self.context, self.event_id, patent_id, False, str(value))
            )
        elif field == "tags":
            self.push(
                SetTagsCommand(
                    self.context,
                    self.event_id,
                    patent_id,
                    split_list(str(value).replace(",", ";").replace("，", ";").replace("；", ";")),
                )
            )
        elif field == "presenter_notes":
            self.push(SetNotesCommand(self.context, self.event_id, patent_id, str(value)))

    def remove_selected(self) -> None:
        ids = self.selected_patent_ids()
        if ids and self.event_id is not None:
            self.push(RemovePatentsCommand(self.context, self.event_id, ids))

    def include_selected(self) -> None:
        if self.event_id is None:
            return
        ids = self.selected_patent_ids()
        self._macro(
            fmt(self.tr("Include %1 patents"), str(len(ids))),
            [SetInclusionCommand(self.context, self.event_id, pid, True) for pid in ids],
        )

    def exclude_selected(self) -> None:
        self._exclude(self.selected_patent_ids())

    def _exclude(self, patent_ids: list[int]) -> None:
        if not patent_ids or self.event_id is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Exclude"),
            self.tr("Why is it left out of the roadshow? (kept with the shortlist)"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        self._macro(
            fmt(self.tr("Exclude %1 patents"), str(len(patent_ids))),
            [
                SetInclusionCommand(self.context, self.event_id, pid, False, reason)
                for pid in patent_ids
            ],
        )

    def edit_tags(self) -> None:
        patent_id = self.current_patent_id()
        row = self.model.row_of(patent_id) if patent_id is not None else None
        if row is None or self.event_id is None or patent_id is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Tags"),
            self.tr("Tags, separated by semicolons:"),
            QLineEdit.EchoMode.Normal,
            self.model.row_data(row).tags,
        )
        if ok:
            self._on_edit(patent_id, "tags", text)

    def move_selected(self, step: int) -> None:
        ids = self.selected_patent_ids()
        if not ids or self.event_id is None:
            return
        rows = [self.model.row_of(pid) or 0 for pid in ids]
        target = min(rows) - 1 if step < 0 else max(rows) + 2
        if target < 0 or target > self.model.rowCount():
            return
        self.push(ReorderCommand(self.context, self.event_id, ids, target))

    def group_by_field(self) -> None:
        if self.event_id is not None:
            self.push(ReorderCommand(self.context, self.event_id, group_by_field=True))

    def save_notes(self, patent_id: int | None = None) -> None:
        """Save the notes editor into the entry it shows (an undoable edit when changed)."""
        if not isinstance(patent_id, int) or isinstance(patent_id, bool):  # clicked(checked)
            patent_id = self.current_patent_id()
        row = self.model.row_of(patent_id) if patent_id is not None else None
        if row is None or patent_id is None or self.event_id is None:
            return
        text = self.notes.toPlainText()
        if text.strip() != self.model.row_data(row).presenter_notes:
            self.push(SetNotesCommand(self.context, self.event_id, patent_id, text))

    def _macro(self, text: str, commands: list) -> None:
        if not commands:
            return
        self.save_notes()
        if len(commands) == 1:
            self.push(commands[0])
            return
        stack = self.context.undo_stack
        stack.beginMacro(text)
        try:
            for command in commands:
                command.push()
        finally:
            stack.endMacro()

    # ------------------------------------------------------------------ export

    def _export_to(self, title: str, name: str, write: Callable[[Path, int], int]) -> None:
        """Ask where (``name`` proposed), then ``write(path, event_id)``, which returns the
        rows written: said on the status bar, or the refusal in a message box."""
        if self.event_id is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, title, name, self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)")
        )
        if not path:
            return
        try:
            rows = write(Path(path), self.event_id)
        except InputError as exc:
            QMessageBox.warning(self, self.title(), str(exc))
            return
        self.context.status_message.emit(
            fmt(self.tr("%1 rows written to %2."), str(rows), Path(path).name)
        )

    def export(self) -> None:
        from roadshow_desk.exchange.export import export

        self._export_to(
            self.tr("Export shortlist"),
            self.tr("shortlist.xlsx"),
            lambda path, event_id: export(
                self.context.database, "shortlist", path, event_id=event_id
            ),
        )

    def export_invitations(self) -> None:
        from roadshow_desk.exchange.invitations import export_invitations

        self._export_to(
            self.tr("Export invitation list"),
            self.tr("invitations.xlsx"),
            lambda path, event_id: export_invitations(
                self.context.database, path, event_id=event_id
            ),
        )
