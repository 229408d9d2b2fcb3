"""The Results page: the figures of one event or of every event in a period, a bar chart of
each breakdown (matplotlib, drawn into an image, labels in the app's CJK font), and the intentions
behind a bar when it is clicked.

The figures are computed on a worker thread (``domain.results``), so the page never blocks
the window; a newer request makes an older answer stale (it is dropped). The page
recomputes when it is shown after intentions changed elsewhere (``data_changed``), or at
once when it is the page on screen. The chart is drawn on a worker too (``chart_view``).
Export report writes the PDF or the workbook, Write up as typical case the .docx and its
PDF, both on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.events import list_events
from roadshow_desk.domain.results import HEADLINE, Results, compute_results, scope_for
from roadshow_desk.domain.results_tables import (
    ResultTable,
    intentions_table,
    region_note,
    result_tables,
)
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.empty_state import EmptyState
from roadshow_desk.ui.gui_thread import deliver
from roadshow_desk.ui.next_step import show_next_step
from roadshow_desk.ui.results.chart_view import ChartView, Picture, render_chart
from roadshow_desk.ui.workflow import AppContext, DataKind, WorkflowPage

#: The breakdowns the chart can show (keys of ``result_tables``).
CHARTS = (
    "kind",
    "field",
    "institution",
    "type",
    "region",
    "enterprise_region",
    "session",
    "funnel",
)
PERIOD = -1


class _Answer(QObject):
    """What the page's workers hand over; they call ``send`` (from their thread), which
    drops the answer when the page (and this object with it) was closed meanwhile."""

    ready = Signal(int, object, object)  # generation, (results, tables) or None, error text
    drawn = Signal(int, object)  # chart generation, Picture
    written = Signal(str, str, str)  # heading, done text, error text ("" when written)

    def send(self, name: str, *args: Any) -> None:
        """Emit the signal ``name`` with ``args`` on the GUI thread (from any thread)."""
        deliver(self, self._emit, name, args)

    def _emit(self, name: str, args: tuple[Any, ...]) -> None:
        getattr(self, name).emit(*args)


class ResultsPage(WorkflowPage):
    view_name = "results"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.results: Results | None = None
        self.tables: dict[str, ResultTable] = {}
        self._generation = 0
        self._stale = True
        self._answer = _Answer(self)
        self._answer.ready.connect(self._show)
        self._answer.drawn.connect(self._drawn)
        self._answer.written.connect(self._written)
        self._writing = 0  # files being written on workers
        self._chart_generation = 0
        self._shown_chart = 0
        self._chart_pending = False  # asked for while the page was hidden

        self.scope = QComboBox()
        self.scope.setObjectName("results_scope")
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for edit in (self.date_from, self.date_to):  # two on a row in a narrow window
            edit.setMaximumWidth(max(160, edit.fontMetrics().horizontalAdvance("2026-12-31") * 2))
        self.chart_choice = QComboBox()
        self.chart_choice.setObjectName("results_chart")
        for combo in (self.scope, self.chart_choice):  # long names never widen the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Results of")))
        top.addWidget(self.scope, 1)
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.chart_choice, 1)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("from")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.contacts = QCheckBox(self.tr("Include contact persons and phones"))
        self.contacts.setObjectName("results_contacts")
        self.contacts.setToolTip(
            self.tr("In the exported report and the typical case; left out unless ticked.")
        )

        self.figures = QGridLayout()
        self.figure_values: dict[str, QLabel] = {}
        self.figure_names: dict[str, QLabel] = {}
        for number, (key, _text) in enumerate(HEADLINE):
            name = QLabel()
            name.setWordWrap(True)
            value = QLabel("–")
            value.setObjectName(f"figure_{key}")
            big = value.font()  # a dashboard's figures: read from across the room
            big.setPointSizeF(big.pointSizeF() * 1.6)
            big.setBold(True)
            value.setFont(big)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures.addWidget(name, (number // 4) * 2, number % 4)
            self.figures.addWidget(value, (number // 4) * 2 + 1, number % 4)
            self.figure_values[key] = value
            self.figure_names[key] = name

        self.canvas = ChartView()
        self.canvas.setObjectName("results_canvas")
        self.canvas.bar_clicked.connect(self.open_bar)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._draw_chart)
        self.canvas.resized.connect(self._resize_timer.start)
        self.list_title = QLabel(self.tr("Click a bar to list the intentions behind it."))
        self.list_title.setObjectName("results_list_title")
        self.listing = QTableWidget(0, 0)
        self.listing.setObjectName("results_list")
        self.listing.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.listing.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.listing.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self._listed_ids: tuple[int, ...] = ()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.list_title)
        lower_layout.addWidget(self.listing)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.canvas)
        splitter.addWidget(lower)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.contacts)  # its own row: never widens the window
        layout.addWidget(self.problem)
        layout.addLayout(self.figures)
        layout.addWidget(splitter, 1)

        self.export_action = QAction(self.tr("Export report…"), self)
        self.export_action.triggered.connect(self.export_report)
        self.case_action = QAction(self.tr("Write up as typical case…"), self)
        self.case_action.triggered.connect(self.write_case)
        self.scope.activated.connect(lambda _i: self._scope_changed())
        self.date_from.date_edited.connect(lambda _d: self._scope_changed())
        self.date_to.date_edited.connect(lambda _d: self._scope_changed())
        self.chart_choice.activated.connect(lambda _i: self._draw_chart())
        context.data_changed.connect(self._data_changed)
        context.event_changed.connect(self._event_changed)
        self.empty = EmptyState(self, "empty_results")  # no event: no figures to show
        self.retranslate()

    # ------------------------------------------------------------------ navigation

    def title(self) -> str:
        return self.tr("Results")

    def icon(self) -> QIcon:
        return QIcon("icons:results.svg")

    def actions_for_toolbar(self) -> list[QAction]:
        return [self.export_action, self.case_action]

    def activate(self) -> None:
        if self.scope.count() == 0 or self._stale:
            self._fill_events()
            self.refresh()
        elif self._chart_pending:
            self._draw_chart()

    def retranslate(self) -> None:
        from roadshow_desk.domain.results import headline_label

        for key, widget in self.figure_names.items():
            widget.setText(headline_label(key))
        current = self.chart_choice.currentIndex()
        self.chart_choice.clear()
        names = {
            "kind": self.tr("Intentions by kind"),
            "field": self.tr("Intentions by technical field"),
            "institution": self.tr("Intentions by institution"),
            "type": self.tr("Intentions by enterprise type"),
            "region": self.tr("Intentions by region"),
            "enterprise_region": self.tr("Intentions by enterprise region"),
            "session": self.tr("Intentions by roadshow session"),
            "funnel": self.tr("From shortlist to contract"),
        }
        notes = {"region": region_note()}
        for key in CHARTS:
            self.chart_choice.addItem(names[key], key)
            if key in notes:
                self.chart_choice.setItemData(
                    self.chart_choice.count() - 1, notes[key], Qt.ItemDataRole.ToolTipRole
                )
        self.chart_choice.setCurrentIndex(max(current, 0))

    def _fill_events(self) -> None:
        chosen = self.scope.currentData()
        with self.context.database.session() as session:
            events = [(event.id, event.name) for event in list_events(session)]
        self.scope.clear()
        for event_id, name in events:
            self.scope.addItem(name, event_id)
        self.scope.addItem(self.tr("All events in a period"), PERIOD)
        wanted = chosen if chosen is not None else self.context.current_event_id
        index = self.scope.findData(wanted) if wanted is not None else -1
        self.scope.setCurrentIndex(index if index >= 0 else 0)
        self._period_enabled()
        show_next_step(self.empty, self, self.context)

    def _period_enabled(self) -> None:
        period = self.scope.currentData() == PERIOD
        self.date_from.setEnabled(period)
        self.date_to.setEnabled(period)

    def _scope_changed(self) -> None:
        self._period_enabled()
        self.refresh()

    def _event_changed(self, event_id: int) -> None:
        self._stale = True
        if self.isVisible():
            self._fill_events()
            self.refresh()

    def _data_changed(self, kind: DataKind) -> None:
        self._stale = True
        if self.isVisible():
            if kind is DataKind.EVENT:  # an event created, renamed or taken back
                self._fill_events()
            self.refresh()

    # ------------------------------------------------------------------ computing

    def refresh(self) -> None:
        """Recompute the figures on a worker thread for the chosen event or period."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        chosen = self.scope.currentData()
        if chosen == PERIOD:
            args: tuple[Any, ...] = (None, self.date_from.date(), self.date_to.date())
            if args[1] is None and args[2] is None:
                self.problem.setText(self.tr("Give the first or the last day of the period."))
                return
        else:
            args = (chosen, None, None)
        database = self.context.database
        answer = self._answer

        def work() -> None:
            try:
                with database.session() as session:
                    results = compute_results(session, scope_for(session, *args))
                    tables = {t.key: t for t in result_tables(session, results)}
                answer.send("ready", generation, (results, tables), "")
            except InputError as exc:
                answer.send("ready", generation, None, str(exc))

        threading.Thread(target=work, daemon=True).start()

    def busy(self) -> bool:
        """Whether an answer or a chart is still awaited (for tests)."""
        return (
            self._shown_generation != self._generation
            or self._shown_chart != self._chart_generation
            or self._writing > 0
        )

    _shown_generation = 0

    def _show(self, generation: int, payload: Any, error: str) -> None:
        if generation != self._generation:
            return  # an older request's answer
        self._shown_generation = generation
        self.problem.setText(error)
        if payload is None:
            self.results, self.tables = None, {}
            for value in self.figure_values.values():
                value.setText("–")
            self._draw_chart()
            return
        self.results, self.tables = payload
        assert self.results is not None
        for key, value in self.figure_values.items():
            figure = self.results.headline[key]
            value.setText(f"{figure:,.2f}" if key == "contract_amount" else f"{figure:,}")
        self._draw_chart()

    # ------------------------------------------------------------------ chart and list

    def _draw_chart(self) -> None:
        """Draw the chosen chart on a worker thread (matplotlib's Agg); the picture replaces
        the one shown when it is ready, unless a newer one was asked for meanwhile."""
        self._resize_timer.stop()
        if not self.isVisible():  # drawn when the page is shown: no charting at start-up
            self._chart_pending = True
            return
        self._chart_pending = False
        self._chart_generation += 1
        generation = self._chart_generation
        key = self.chart_choice.currentData()
        table = self.tables.get(key) if key else None
        width, height = self.canvas.width(), self.canvas.height()
        ratio = self.canvas.devicePixelRatioF()
        answer = self._answer

        def work() -> None:
            try:
                picture = render_chart(table, width, height, ratio)
            except Exception:  # an undrawable chart leaves the page empty
                picture = render_chart(None, width, height, ratio)
            answer.send("drawn", generation, picture)

        threading.Thread(target=work, daemon=True).start()

    def _drawn(self, generation: int, picture: Picture) -> None:
        if generation != self._chart_generation:
            return  # an older chart
        self._shown_chart = generation
        self.canvas.set_picture(picture)

    def open_bar(self, row: int) -> None:
        """List the intentions behind bar ``row`` of the chart shown."""
        key = self.chart_choice.currentData()
        if self.results is None or key not in self.tables:
            return
        if key == "funnel":
            ids = self.results.funnel[row].intention_ids
        else:
            ids = self._buckets(key)[row].intention_ids
        with self.context.database.session() as session:
            table = intentions_table(session, ids)
        self.list_title.setText(
            fmt(
                self.tr("%1: %n intention(s)", "", len(table.rows)),
                str(self.tables[key].rows[row][0]),
            )
        )
        self._listed_ids = table.row_ids
        self.listing.clear()
        self.listing.setColumnCount(len(table.header))
        self.listing.setHorizontalHeaderLabels(table.header)
        self.listing.setRowCount(len(table.rows))
        for number, values in enumerate(table.rows):
            for column, value in enumerate(values):
                text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
                self.listing.setItem(number, column, QTableWidgetItem(text))
        self.listing.resizeColumnsToContents()

    def _buckets(self, key: str) -> list[Any]:
        assert self.results is not None
        return {
            "kind": self.results.by_kind,
            "field": self.results.by_field,
            "institution": self.results.by_institution,
            "type": self.results.by_enterprise_type,
            "region": self.results.by_region,
            "enterprise_region": self.results.by_enterprise_region,
            "session": self.results.by_session,
        }[key]

    # ------------------------------------------------------------------ export

    def export_report(self) -> None:
        heading = self.tr("Export report")
        path, _filter = QFileDialog.getSaveFileName(
            self, heading, "", self.tr("PDF report (*.pdf);;Workbook (*.xlsx)")
        )
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            out = out.with_suffix(".pdf")
        chosen = self.scope.currentData()
        period = chosen == PERIOD
        scope_args = (
            None if period else chosen,
            self.date_from.date() if period else None,
            self.date_to.date() if period else None,
        )
        contacts = self.contacts.isChecked()
        database = self.context.database

        def job() -> None:
            with database.session() as session:
                results = compute_results(session, scope_for(session, *scope_args))
                if out.suffix.lower() == ".xlsx":
                    from roadshow_desk.exchange.results_workbook import write_results_workbook

                    write_results_workbook(session, results, out, contacts=contacts)
                else:
                    from roadshow_desk.documents.report import write_report_pdf

                    write_report_pdf(session, results, out, contacts=contacts)

        self._in_background(heading, job, fmt(self.tr("Wrote %1."), str(out)))

    def _in_background(self, heading: str, job: Callable[[], None], done: str) -> None:
        """Run ``job`` (writing a file) on a worker thread; then ``done`` in the status bar,
        or its one-sentence problem in a message box."""
        self._writing += 1
        answer = self._answer
        cannot = self.tr("The file cannot be written: %1")

        def work() -> None:
            try:
                job()
                error = ""
            except InputError as exc:
                error = str(exc)
            except OSError as exc:
                error = fmt(cannot, exc.strerror or str(exc))
            answer.send("written", heading, done, error)

        threading.Thread(target=work, daemon=True).start()

    def _written(self, heading: str, done: str, error: str) -> None:
        self._writing -= 1
        if error:
            QMessageBox.warning(self, heading, error)
        else:
            self.context.status_message.emit(done)

    # ------------------------------------------------------------------ typical case

    def selected_intention(self) -> int | None:
        """The intention of the selected row of the list, if any."""
        rows = self.listing.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._listed_ids):
            return None
        return self._listed_ids[rows[0].row()]

    def write_case(self) -> None:
        """Write the selected signed intention up as a typical case: the .docx and its PDF
        beside it, through the function the ``case`` command uses."""
        from roadshow_desk.documents.typical_case import case_file_name, write_case
        from roadshow_desk.domain.typical_case import case_facts

        heading = self.tr("Write up as typical case")
        intention_id = self.selected_intention()
        if intention_id is None:
            QMessageBox.information(
                self, heading, self.tr("Select a signed intention in the list first.")
            )
            return
        try:
            with self.context.database.session() as session:
                name = case_file_name(case_facts(session, intention_id))
        except InputError as exc:  # not signed (any more): say so before asking for a file
            QMessageBox.warning(self, heading, str(exc))
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, heading, name, self.tr("Word document (*.docx)")
        )
        if not path:
            return
        docx = Path(path).with_suffix(".docx")
        contacts = self.contacts.isChecked()
        database = self.context.database

        def job() -> None:
            write_case(database, docx, intention_id, contacts=contacts)
            write_case(database, docx.with_suffix(".pdf"), intention_id, contacts=contacts)

        done = fmt(self.tr("Wrote %1 and %2."), str(docx), str(docx.with_suffix(".pdf")))
        self._in_background(heading, job, done)
