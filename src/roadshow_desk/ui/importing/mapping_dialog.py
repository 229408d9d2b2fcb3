"""The mapping dialog: the detected mapping, the first rows, and every row-level problem.

Loaded from ``forms/importing/mapping_dialog.ui``. Each field has a combo box of the file's
columns; changing one refreshes the preview at once and, a moment later, checks every row
in the background (a dry run of the import: counts and every rejected row with its reason)
before anything is written. The mapping can be saved as a named preset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.exchange.columns import ColumnMapping, save_user_preset
from roadshow_desk.exchange.import_core import ImportResult
from roadshow_desk.exchange.patent_fields import PATENT_SPEC, preset_label
from roadshow_desk.exchange.patent_import import import_patents, patent_mapping
from roadshow_desk.exchange.patent_review import preview_rows
from roadshow_desk.exchange.tables import Table
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.forms import load_ui
from roadshow_desk.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database

PREVIEW_ROWS = 30
CHECK_DELAY_MS = 300
_PROBLEM = QBrush(QColor("#FFE0E0"))


class ImportMappingDialog(QDialog):
    """Choose which column feeds which field, see the rows and the problems, then import."""

    # Widgets of the form
    layout_main: QVBoxLayout
    label_file: QLabel
    splitter_main: QSplitter
    table_mapping: QTableWidget
    edit_preset_name: QLineEdit
    button_save_preset: QPushButton
    tabs_preview: QTabWidget
    table_preview: QTableWidget
    table_problems: QTableWidget
    label_check: QLabel
    button_box: QDialogButtonBox

    checked = Signal(object)
    """Every row was checked with the current mapping (the dry run's ImportResult)."""

    def __init__(
        self,
        database: Database,
        table: Table,
        parent: QWidget | None = None,
        mapping: ColumnMapping | None = None,
    ) -> None:
        super().__init__(parent)
        load_ui("importing/mapping_dialog.ui", self)
        self.database = database
        self.table = table
        self.check_result: ImportResult | None = None
        self._task: Task | None = None
        self._generation = 0
        initial = mapping or patent_mapping(database, table)
        self._preset = initial.preset
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.button_box.accepted.connect(self.accept)
        self.button_save_preset.clicked.connect(self.save_preset)
        self.edit_preset_name.textChanged.connect(
            lambda text: self.button_save_preset.setEnabled(bool(text.strip()))
        )
        self.button_save_preset.setEnabled(False)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_all_rows)
        self._describe_file()
        self._build_mapping_rows(initial)
        self.splitter_main.setStretchFactor(1, 2)
        self.layout_main.setStretchFactor(self.splitter_main, 1)
        self._refresh()

    # ------------------------------------------------------------------ the mapping

    def _build_mapping_rows(self, mapping: ColumnMapping) -> None:
        table = self.table_mapping
        table.setRowCount(len(PATENT_SPEC.fields))
        self.combos: dict[str, QComboBox] = {}
        for row, field in enumerate(PATENT_SPEC.fields):
            label = QTableWidgetItem(PATENT_SPEC.label_of(field.name))
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if field.required:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            table.setItem(row, 0, label)
            combo = QComboBox()
            combo.setObjectName(f"combo_field_{field.name}")
            combo.addItem(self.tr("(not imported)"), -1)
            for column, name in enumerate(self.table.header):
                combo.addItem(name, column)
            current = mapping.columns.get(field.name)
            combo.setCurrentIndex(0 if current is None else current + 1)
            combo.currentIndexChanged.connect(self._refresh)
            table.setCellWidget(row, 1, combo)
            self.combos[field.name] = combo
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def mapping(self) -> ColumnMapping:
        """The mapping as the combo boxes show it."""
        columns = {}
        for name, combo in self.combos.items():
            column = combo.currentData()
            if column is not None and column >= 0:
                columns[name] = int(column)
        return ColumnMapping(columns, self._preset)

    def set_column(self, field: str, column_name: str | None) -> None:
        """Map ``field`` to the column called ``column_name`` (``None``: not imported)."""
        combo = self.combos[field]
        combo.setCurrentIndex(0 if column_name is None else combo.findText(column_name))

    def save_preset(self) -> None:
        name = self.edit_preset_name.text().strip()
        if not name:
            return
        with self.database.session() as session:
            save_user_preset(
                session, PATENT_SPEC.kind, name, self.mapping().names(self.table.header)
            )
        self._preset = name
        self.label_check.setText(fmt(self.tr("The mapping was saved as “%1”."), name))

    # ------------------------------------------------------------------ preview and check

    def _describe_file(self) -> None:
        table = self.table
        parts = [self.tr("%n rows", "", len(table.rows))]
        if table.sheet:
            parts.append(fmt(self.tr("sheet “%1”"), table.sheet))
        if table.encoding:
            parts.append(fmt(self.tr("encoding %1"), table.encoding.upper()))
        if self._preset:
            parts.append(fmt(self.tr("recognised as %1"), preset_label(self._preset)))
        self.label_file.setText(f"<b>{_escape(table.path.name)}</b> — " + ", ".join(parts))

    def _refresh(self) -> None:
        mapping = self.mapping()
        has_key = PATENT_SPEC.key in mapping.columns
        # Import is offered once every row is checked with this mapping.
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._fill_preview(mapping)
        self._stop_check()
        self.check_result = None
        self.table_problems.setRowCount(0)
        if has_key:
            self.label_check.setText(self.tr("Checking every row…"))
            self._check_timer.start()
        else:
            self.label_check.setText(
                self.tr("Choose the column that holds the application number.")
            )

    def _fill_preview(self, mapping: ColumnMapping) -> None:
        fields = list(mapping.columns)
        table = self.table_preview
        table.clear()
        table.setColumnCount(len(fields) + 1)
        table.setHorizontalHeaderLabels(
            [self.tr("Row")] + [PATENT_SPEC.label_of(name) for name in fields]
        )
        if PATENT_SPEC.key not in mapping.columns:
            table.setRowCount(0)
            return
        rows = preview_rows(self.table, mapping, PREVIEW_ROWS)
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            number = QTableWidgetItem(str(row.row_number))
            table.setItem(index, 0, number)
            for column, name in enumerate(fields, start=1):
                text = row.texts.get(name, "")
                item = QTableWidgetItem(text.replace("\n", " ⏎ ")[:200])
                item.setToolTip(text[:2000])
                if row.problem:
                    item.setBackground(_PROBLEM)
                    item.setToolTip(row.problem)
                table.setItem(index, column, item)
            if row.problem:
                number.setBackground(_PROBLEM)
                number.setToolTip(row.problem)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 260))

    def check_all_rows(self) -> Task | None:
        """Check every row with the current mapping on a worker (a dry run)."""
        mapping = self.mapping()
        if PATENT_SPEC.key not in mapping.columns:
            return None
        self._stop_check()
        self._generation += 1
        generation = self._generation
        database, table = self.database, self.table

        def work(progress: Any) -> ImportResult:
            return import_patents(
                database,
                table.path,
                table=table,
                mapping=mapping,
                dry_run=True,
                progress=progress,
            )

        task = run_task(self, self.tr("Checking rows"), work, show_dialog=False)
        task.succeeded.connect(lambda result: self._show_check(generation, result))
        task.failed.connect(lambda error: self._show_error(generation, error))
        self._task = task
        return task

    def _stop_check(self) -> None:
        self._check_timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task.wait(30)
            self._task = None

    def _show_check(self, generation: int, result: ImportResult) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.check_result = result
        counts = result.counts()
        text = fmt(
            self.tr("%1 new, %2 updated, %3 unchanged, %4 rejected, %5 conflicts to review."),
            f"{counts['inserted']:,}",
            f"{counts['updated']:,}",
            f"{counts['unchanged']:,}",
            f"{counts['rejected']:,}",
            f"{counts['conflicts']:,}",
        )
        if result.merged:  # rows of a patent already in the file: not new, merged into it
            text += " " + self.tr(
                "Rows that are later publications of a patent in the file, to be merged into "
                "it: %n.",
                "",
                result.merged,
            )
        self.label_check.setText(text)
        problems = self.table_problems
        problems.setRowCount(len(result.rejects))
        for index, reject in enumerate(result.rejects):
            problems.setItem(index, 0, QTableWidgetItem(str(reject.row_number)))
            item = QTableWidgetItem(reject.reason)
            item.setToolTip(reject.reason)
            problems.setItem(index, 1, item)
        problems.resizeColumnToContents(0)
        self.tabs_preview.setTabText(1, fmt(self.tr("Problems (%1)"), f"{len(result.rejects):,}"))
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.checked.emit(result)

    def _show_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.label_check.setText(str(error))

    def done(self, result: int) -> None:
        self._stop_check()
        super().done(result)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
