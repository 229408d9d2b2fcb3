"""The library page: the patent table, the detail pane, and editing with undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.patent_editing import PatentEditError, patent_values
from roadshow_desk.i18n import fmt
from roadshow_desk.store.patent_table import count_patents
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.layout_state import keep_layout
from roadshow_desk.ui.library.commands import EditPatentCommand
from roadshow_desk.ui.library.detail import PatentDetailPane
from roadshow_desk.ui.library.edit_dialog import PatentDialog
from roadshow_desk.ui.library.model import COLUMN_INDEX, COLUMNS, PatentTableModel
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.record_table import record_table
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage

HEADER_STATE = "library_header"
SPLITTER_STATE = "library_splitter"


class LibraryPage(WorkflowPage):
    """Every patent in a sortable table; the selected one in full on the right.

    Extension points for other workflows (the screening adds its search, facets and score
    breakdown through them): ``model.set_filter(...)`` narrows the table (see
    :class:`~roadshow_desk.ui.library.model.PatentTableModel`), :meth:`add_toolbar_widget`,
    :meth:`add_side_panel`, :meth:`add_detail_section`, :meth:`allow_several_selected` with
    :meth:`selected_patent_ids`, and :attr:`patent_selected` tells who is shown.
    """

    view_name = "library"

    patent_selected = Signal(int)
    """The selected patent changed (its id; 0 when none is selected)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = PatentTableModel(context.database, self)
        self.model.ids_reloaded.connect(self._update_count)
        self._loaded = False

        self.table = record_table("table_patents", self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        char = self.fontMetrics().averageCharWidth()
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width * char + 16)
        header.setSortIndicator(COLUMN_INDEX["application_no"], Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_activated)
        self.model.modelReset.connect(self._after_reset)  # after the view's own reset

        self.detail = PatentDetailPane(context.database)
        self.detail.setObjectName("detail_patent")
        self.detail.edit_requested.connect(self.edit_patent)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter_library")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 440])

        self.count_label = QLabel()
        self.count_label.setObjectName("label_count")
        self.top_bar = QHBoxLayout()
        self.top_bar.setContentsMargins(8, 6, 8, 2)
        self.top_bar.addStretch(1)
        self.top_bar.addWidget(self.count_label)
        self._toolbar_widgets = 0
        self._detail_sections = 0
        self.side_splitter: QSplitter | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.splitter, 1)

        self.edit_action = QAction(QIcon("icons:edit.svg"), self.tr("Edit patent…"), self)
        self.edit_action.setObjectName("action_edit_patent")
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.setEnabled(False)
        self.edit_action.triggered.connect(self._edit_current)
        self.addAction(self.edit_action)
        self.table.addAction(self.edit_action)
        self.empty = EmptyState(self, "empty_library")  # no patent yet: the next step
        # patents, but none that the search or the ticked facets keep: say so, not a blank
        self.no_match = EmptyState(self.table.viewport(), "empty_no_match")

        context.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------------ WorkflowPage

    def title(self) -> str:
        return self.tr("Patent library")

    def icon(self) -> QIcon:
        return QIcon("icons:library.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.edit_action]

    def activate(self) -> None:
        if not self._loaded:
            self.load()

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        """First show: restore the saved layout, then query in the saved order."""
        header = self.table.horizontalHeader()
        keep_layout(self.context.settings, header, self.splitter, HEADER_STATE, SPLITTER_STATE)
        section = header.sortIndicatorSection()
        if not 0 <= section < len(COLUMNS):
            section = COLUMN_INDEX["application_no"]
        self.model.sort(section, header.sortIndicatorOrder())
        self.model.reload()
        self._loaded = True
        show_next_step(self.empty, self, self.context)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.select_patent(self.model.patent_id(0))

    def _update_count(self, total: int) -> None:
        count = self.locale().toString(total)
        self.count_label.setText(fmt(self.tr("Patents: %1"), count))
        everything = (
            count_patents(self.context.database) if total == 0 and self.model.filtered else 0
        )
        if everything:
            self.no_match.show_state(
                self.tr("No patent matches"),
                fmt(
                    self.tr(
                        "Try other words or fewer ticked filters, or press “Clear filters” "
                        "to see all %1 patents."
                    ),
                    self.locale().toString(everything),
                ),
            )
        else:
            self.no_match.hide()

    def _on_data_changed(self, kind: DataKind) -> None:
        if self._loaded and (kind == DataKind.PATENT or not self.empty.isHidden()):
            show_next_step(self.empty, self, self.context)
        # Intentions count in the score (enterprise interest): a capture reorders by score.
        if kind not in (DataKind.PATENT, DataKind.INTENTION) or not self._loaded:
            return
        current = self.current_patent_id()
        self.model.refresh()
        if current is not None and self.current_patent_id() != current:
            self.select_patent(current)
        self.detail.show_patent(self.current_patent_id())

    # ------------------------------------------------------------------ extension points

    def add_toolbar_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """Put ``widget`` in the bar above the table, after those added before it."""
        self.top_bar.insertWidget(self._toolbar_widgets, widget, stretch)
        self._toolbar_widgets += 1

    def add_side_panel(self, widget: QWidget) -> None:
        """Put ``widget`` left of the table, in a splitter of its own (one side panel)."""
        if self.side_splitter is not None:
            raise RuntimeError("the library page has a side panel already")
        inner = QSplitter(Qt.Orientation.Horizontal)
        inner.setObjectName("splitter_facets")
        inner.setChildrenCollapsible(False)
        inner.addWidget(widget)
        sizes = self.splitter.sizes()  # as restored or dragged: the swap must not move them
        self.splitter.replaceWidget(0, inner)  # the library's splitter keeps 2
        self.splitter.setStretchFactor(0, 3)  # the stretch was the table's: give it to inner
        self.splitter.setSizes(sizes)
        self.side_splitter = inner  # PySide leaves a replacing widget owned by Python: keep it
        inner.addWidget(self.table)
        self.table.show()
        inner.setStretchFactor(0, 0)  # the facets keep their width; the table takes the rest
        inner.setStretchFactor(1, 1)
        inner.setSizes([200, 760])

    def add_detail_section(self, widget: QWidget) -> None:
        """Put ``widget`` under the patent's text in the detail pane (above its buttons)."""
        layout = self.detail.layout()
        assert isinstance(layout, QVBoxLayout)
        self._detail_sections += 1
        layout.insertWidget(self._detail_sections, widget)

    def allow_several_selected(self) -> None:
        """Let the table select several rows (see :meth:`selected_patent_ids`)."""
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def selected_patent_ids(self) -> list[int]:
        """The selected patents, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.patent_id(row) for row in rows]

    # ------------------------------------------------------------------ selection

    def current_patent_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.patent_id(index.row())

    def select_patent(self, patent_id: int) -> bool:
        """Make ``patent_id`` the current row (scrolling to it); False when it is not listed."""
        row = self.model.row_of(patent_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _after_reset(self) -> None:
        """A new search, filter or order: keep the shown patent if it is still listed, else
        show the first one listed (or none), so the pane never shows one filtered out."""
        shown = self.detail.patent_id
        if shown is not None and self.select_patent(shown):
            return
        if self.model.rowCount():
            self.select_patent(self.model.patent_id(0))
            return
        self.edit_action.setEnabled(False)
        if shown is not None:
            self.detail.show_patent(None)
            self.patent_selected.emit(0)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        patent_id = self.model.patent_id(current.row()) if current.isValid() else None
        self.edit_action.setEnabled(patent_id is not None)
        if patent_id != self.detail.patent_id:
            self.detail.show_patent(patent_id)
        self.patent_selected.emit(patent_id or 0)

    # ------------------------------------------------------------------ editing

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_patent(self.model.patent_id(index.row()))

    def _edit_current(self) -> None:
        patent_id = self.current_patent_id()
        if patent_id is not None:
            self.edit_patent(patent_id)

    def edit_patent(self, patent_id: int) -> None:
        """Open the editor on a patent; the changes go on the undo stack as one command."""
        try:
            with self.context.database.session() as session:
                values = patent_values(session, patent_id)
        except PatentEditError as exc:
            QMessageBox.warning(self, self.tr("Edit patent"), str(exc))
            return
        dialog = PatentDialog(values, self)
        if dialog.exec() != PatentDialog.DialogCode.Accepted:
            return
        self.apply_changes(patent_id, values["application_no"], dialog.changes())

    def apply_changes(self, patent_id: int, application_no: str, changes: dict) -> None:
        """Push the edit of ``changes`` ({field: value}) on the undo stack (no-op if empty)."""
        if changes:
            command = EditPatentCommand(self.context, patent_id, changes, application_no)
            command.push()
