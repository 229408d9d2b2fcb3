"""Screening on the library page, installed by a window controller (``install``).

Adds to the library page, through its hooks and without replacing anything in it:

* a search box and a facet tree; the search runs once per pause in typing, the facets are
  counted in SQL (``store.facets``), and the table is narrowed through the model's filter
  hook (``model.set_filter``) — nothing reads the patent table into Python;
* the score breakdown and the enterprises to invite under the detail pane;
* several rows selectable, dragged onto the shortlist, or added with "Add to shortlist";
* the scoring rubric dialog (toolbar button and Edit menu).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDrag, QIcon, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.i18n import fmt
from roadshow_desk.store.facets import Facet, FacetSelection, count_facets, selection_conditions
from roadshow_desk.store.search import ids_condition, search_ids
from roadshow_desk.ui.id_mime import encode_ids
from roadshow_desk.ui.library.page import LibraryPage
from roadshow_desk.ui.matches import MatchSuggestionsView
from roadshow_desk.ui.screening.facet_panel import FacetPanel, SearchBox
from roadshow_desk.ui.workflow import PATENT_IDS_MIME, AppContext, DataKind

if TYPE_CHECKING:
    from roadshow_desk.domain.shortlist import Addition
    from roadshow_desk.ui.main_window import MainWindow


class PatentScreeningPane(QWidget):
    """The selected patent's score breakdown and the enterprises to invite for it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane_screening")
        self.context = context
        self.label_score = QLabel()
        self.label_score.setObjectName("label_score_breakdown")
        self.label_score.setWordWrap(True)
        self.label_score.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matches = MatchSuggestionsView(context.database)
        self.matches.setObjectName("matches_patent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label_score)
        layout.addWidget(self.matches, 1)
        self.patent_id: int | None = None

    def show_patent(self, patent_id: int | None) -> None:
        from roadshow_desk.domain.rubric import breakdown_text
        from roadshow_desk.store.scoring import breakdown

        self.patent_id = patent_id or None
        if self.patent_id is None:
            self.label_score.clear()
        else:
            with self.context.database.session() as session:
                lines = breakdown(session, self.patent_id)
            total = sum(line.points for line in lines)
            self.label_score.setText(
                fmt(self.tr("Score %1: %2"), f"{total:g}", breakdown_text(lines))
            )
        self.matches.show_patent(self.patent_id)


class LibraryScreening(QObject):
    """Search box + facets + filter for one library page."""

    applied = Signal(int)
    """The search and facets were applied (how many patents match)."""

    def __init__(self, page: LibraryPage, context: AppContext) -> None:
        super().__init__(page)
        self.page = page
        self.context = context
        self.selection = FacetSelection()
        self.search_box = SearchBox()
        self.facets = FacetPanel()
        self.facets.toggled.connect(self.toggle)
        self.search_box.query_changed.connect(self.set_query)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("button_clear_filters")
        self.clear_button.clicked.connect(self.clear)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(300)
        self._recount.timeout.connect(self.apply)
        self._shown = False
        self.pane: PatentScreeningPane | None = None
        self.drag: _DragFromTable | None = None
        self.add_action: QAction | None = None

    def on_data_changed(self, kind: DataKind) -> None:
        if kind in (DataKind.PATENT, DataKind.SHORTLIST, DataKind.INTENTION):
            self.schedule()
        pane = self.pane
        shown = (DataKind.PATENT, DataKind.INTENTION, DataKind.ENTERPRISE)
        if kind in shown and pane and pane.patent_id is not None:
            pane.show_patent(pane.patent_id)

    def on_event_changed(self, _event_id: int) -> None:
        self.schedule()

    def on_page_changed(self, name: str) -> None:
        if name == "library" and not self._shown:
            self.apply()

    def event_id(self) -> int | None:
        return self.context.current_or_latest_event_id()

    def set_query(self, query: str) -> None:
        self.selection = FacetSelection(query, self.selection.ticked, self.selection.event_id)
        self.apply()

    def toggle(self, facet: str, key: Any) -> None:
        self.selection = self.selection.toggled(Facet(facet), key)
        self.apply()

    def clear(self) -> None:
        blocked = self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(blocked)
        self.selection = FacetSelection(event_id=self.selection.event_id)
        self.apply()

    def schedule(self) -> None:
        """Recount soon (after data changed elsewhere)."""
        if self._shown:
            self._recount.start()

    def apply(self) -> None:
        """Run the search once, narrow the table, recount the facets."""
        self._recount.stop()
        self._shown = True
        event_id = self.event_id()
        if event_id != self.selection.event_id:
            self.selection = FacetSelection(self.selection.query, self.selection.ticked, event_id)
        selection = self.selection
        with self.context.database.session() as session:
            hit_ids = (
                search_ids(session, selection.query, limit=0) if selection.query.strip() else None
            )
            hits = ids_condition(session, hit_ids) if hit_ids is not None else None
            conditions = selection_conditions(session, selection, hits=hits)
            counts = count_facets(session, selection, hit_ids=hit_ids)
        if selection.is_empty:
            self.page.model.set_filter(None)
        else:
            self.page.model.set_filter(lambda statement: statement.where(*conditions))
        self.facets.set_counts(counts)
        self.clear_button.setEnabled(not selection.is_empty)
        self.applied.emit(counts.total)


class _DragFromTable(QObject):
    """Starts a drag of the selected patents' ids from the library table."""

    def __init__(self, table: QAbstractItemView, patent_ids: Callable[[], list[int]]) -> None:
        super().__init__(table)
        self.table = table
        self.patent_ids = patent_ids
        self._pressed: QPoint | None = None
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            index = self.table.indexAt(event.position().toPoint())
            on_selected = index.isValid() and self.table.selectionModel().isRowSelected(index.row())
            left = event.button() == Qt.MouseButton.LeftButton
            self._pressed = event.position().toPoint() if on_selected and left else None
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._pressed = None
        elif (
            event.type() == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and self._pressed is not None
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            moved = (event.position().toPoint() - self._pressed).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._pressed = None
                self.start_drag()
                return True
        return False

    def start_drag(self) -> None:
        ids = self.patent_ids()
        if not ids:
            return
        drag = QDrag(self.table)
        drag.setMimeData(encode_ids(PATENT_IDS_MIME, ids))
        drag.exec(Qt.DropAction.CopyAction)


def open_rubric_dialog(main_window: MainWindow) -> None:
    from roadshow_desk.ui.screening.rubric_dialog import RubricDialog

    library = main_window.page("library")
    patent_id = library.current_patent_id() if isinstance(library, LibraryPage) else None
    dialog = RubricDialog(main_window.context, patent_id, main_window)
    dialog.exec()
    dialog.deleteLater()


def add_to_shortlist(context: AppContext, patent_ids: list[int]) -> None:
    """Put ``patent_ids`` on the shortlist through the context's :class:`ShortlistSink`."""
    sink = context.shortlist_sink
    if sink is None or not patent_ids:
        return
    addition = sink.add_patents(patent_ids)
    if addition is not None:  # None: refused, and the sink said why
        context.status_message.emit(addition_message(addition))


def addition_message(addition: Addition) -> str:
    """The status bar's account of an "Add to shortlist": what was added, and what not."""
    count = len(addition.added)
    if count == 0:
        parts = [QApplication.translate("LibraryScreening", "Nothing added to the shortlist.")]
    elif count == 1:
        parts = [QApplication.translate("LibraryScreening", "1 patent put on the shortlist.")]
    else:
        text = QApplication.translate("LibraryScreening", "%1 patents put on the shortlist.")
        parts = [fmt(text, str(count))]
    if addition.already_listed:
        text = QApplication.translate("LibraryScreening", "%1 already on it.")
        parts.append(fmt(text, str(addition.already_listed)))
    if addition.unavailable:
        text = QApplication.translate("LibraryScreening", "%1 deleted, not added.")
        parts.append(fmt(text, str(addition.unavailable)))
    return " ".join(parts)


def screening_of(page: QObject) -> LibraryScreening:
    """The screening installed on the library ``page``."""
    screening = page.findChild(LibraryScreening, "library_screening")
    if screening is None:
        raise LookupError("no screening on this page")
    return screening


def install(main_window: MainWindow) -> None:
    """Window controller: add search, facets, breakdown, matches and shortlist actions to the
    library page (through its extension points), and the rubric dialog to the window."""
    context: AppContext = main_window.context
    rubric_action = QAction(
        QIcon("icons:rubric.svg"),
        QApplication.translate("LibraryScreening", "Scoring rubric…"),
        main_window,
    )
    rubric_action.setObjectName("action_rubric")
    rubric_action.triggered.connect(lambda: open_rubric_dialog(main_window))
    main_window.edit_menu.addSeparator()
    main_window.edit_menu.addAction(rubric_action)

    page = main_window.page("library")
    if not isinstance(page, LibraryPage):
        return
    screening = LibraryScreening(page, context)
    screening.setObjectName("library_screening")
    page.add_toolbar_widget(screening.search_box, 3)
    page.add_toolbar_widget(screening.clear_button)
    rubric_button = QPushButton(QIcon("icons:rubric.svg"), rubric_action.text())
    rubric_button.setObjectName("button_rubric")
    rubric_button.clicked.connect(rubric_action.trigger)
    page.add_toolbar_widget(rubric_button)
    screening.clear_button.setEnabled(False)
    page.add_side_panel(screening.facets)

    pane = PatentScreeningPane(context)
    page.add_detail_section(pane)
    screening.pane = pane
    page.patent_selected.connect(pane.show_patent)
    pane.show_patent(page.current_patent_id())

    page.allow_several_selected()
    screening.drag = _DragFromTable(page.table, page.selected_patent_ids)
    add_action = QAction(QApplication.translate("LibraryScreening", "Add to shortlist"), page)
    add_action.setObjectName("action_add_to_shortlist")
    add_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    add_action.triggered.connect(lambda: add_to_shortlist(context, page.selected_patent_ids()))
    page.table.addAction(add_action)
    page.addAction(add_action)
    screening.add_action = add_action

    context.data_changed.connect(screening.on_data_changed)
    context.event_changed.connect(screening.on_event_changed)
    main_window.page_changed.connect(screening.on_page_changed)
    if main_window.current_page() is page:
        QTimer.singleShot(0, screening, screening.apply)
        # Start-up: the library opens ready for a search. A widget put in a shown layout is
        # shown by a queued call: show it now, so it has the keyboard when ``ready`` fires.
        screening.search_box.show()
        screening.search_box.setFocus()
