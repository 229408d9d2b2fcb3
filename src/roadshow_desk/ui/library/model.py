"""A lazy table model over the patents: ids in SQL order, rows fetched a page at a time.

The model orders and filters in SQL (``ORDER BY <column>, id``; the statements are in
:mod:`roadshow_desk.store.patent_table`). It counts the matching
patents and reads the ids of the first batch (``LIMIT``), so the table shows at once; the
view asks for more through ``canFetchMore``/``fetchMore``, and the first time it needs rows
past the first batch the model reads the whole ordered id list in one query (100,000 ids
are a few hundred kilobytes). The displayed columns are read for a page of ids with one
``SELECT`` when the view first asks for a row of that page; a bounded cache keeps the pages
recently shown.

Filtering is a hook for the screening workflow: :meth:`PatentTableModel.set_filter` takes a
function that receives the ``SELECT patent.id ...`` statement and returns it with its own
``WHERE`` clauses (or joins) added.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from roadshow_desk.domain.labels import field_label, format_value
from roadshow_desk.store.db import Database
from roadshow_desk.store.patent_table import (
    COLUMN_INDEX,
    COLUMNS,
    IdFilter,
    count_patents,
    patent_ids,
    table_rows,
)
from roadshow_desk.ui.record_table import read_only_flags

__all__ = [
    "COLUMNS",
    "COLUMN_INDEX",
    "PATENT_ID_ROLE",
    "IdFilter",
    "PatentTableModel",
]

AnyIndex = QModelIndex | QPersistentModelIndex

PATENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The patent's id (int) for any cell of its row."""


class PatentTableModel(QAbstractTableModel):
    """Patents as rows; sorting and filtering in SQL; rows read a page at a time."""

    ids_reloaded = Signal(int)
    """The id list was queried again (the number of matching patents)."""

    def __init__(
        self,
        database: Database,
        parent: Any = None,
        *,
        batch_size: int = 1000,
        page_size: int = 200,
        cached_pages: int = 50,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.batch_size = max(1, batch_size)
        self.page_size = max(1, page_size)
        self.cached_pages = max(1, cached_pages)
        self._ids: list[int] = []
        """Ids in table order: the first batches, or all of them once needed."""
        self._total = 0
        self._exposed = 0
        self._pages: OrderedDict[int, dict[int, tuple[Any, ...]]] = OrderedDict()
        self._sort_column = 0
        self._descending = False
        self._filter: IdFilter | None = None
        self._loaded = False
        self.queries = 0
        """SELECTs run so far (ids and pages), for tests and diagnostics."""

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Query again in the current order and filter (the view resets)."""
        total = self._query_total()
        ids = self._query_ids(max(self.batch_size, self._exposed))
        self.beginResetModel()
        self._loaded = True
        self._total = total
        self._ids = ids
        self._exposed = min(len(ids), max(self.batch_size, self._exposed))
        self._pages.clear()
        self.endResetModel()
        self.ids_reloaded.emit(total)

    def refresh(self) -> None:
        """After edits: re-read the rows; reset only when the order or membership changed."""
        ids = self._query_ids(None if self._complete else len(self._ids))
        if ids != self._ids or self._query_total() != self._total:
            self.reload()
            return
        self._pages.clear()
        if self._exposed:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, len(COLUMNS) - 1))

    def set_filter(self, id_filter: IdFilter | None) -> None:
        """Show only the patents ``id_filter`` keeps (``None``: all)."""
        self._filter = id_filter
        self.reload()

    @property
    def _complete(self) -> bool:
        """Whether every matching id is loaded (not only the first batches)."""
        return len(self._ids) >= self._total

    def _query_ids(self, limit: int | None) -> list[int]:
        self.queries += 1
        return patent_ids(
            self.database, self._sort_column, self._descending, self._filter, limit=limit
        )

    def _query_total(self) -> int:
        self.queries += 1
        return count_patents(self.database, self._filter)

    def _load_all_ids(self) -> None:
        """Read the remaining ids (one query) the first time rows past the first batch are needed.

        The first batch is read with ``LIMIT`` so that the table shows at once; the full,
        ordered id list (100,000 ids are a few hundred kilobytes) comes on demand.
        """
        if self._complete:
            return
        ids = self._query_ids(None)
        self._total = len(ids)
        self._ids = ids

    def _page(self, number: int) -> dict[int, tuple[Any, ...]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._ids[number * self.page_size : (number + 1) * self.page_size]
        self.queries += 1
        page = table_rows(self.database, ids)
        self._pages[number] = page
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)
        return page

    def _values(self, row: int) -> tuple[Any, ...] | None:
        return self._page(row // self.page_size).get(self._ids[row])

    # ------------------------------------------------------------------ queries

    @property
    def filtered(self) -> bool:
        """Whether a filter (a search, ticked facets) narrows the table."""
        return self._filter is not None

    @property
    def total(self) -> int:
        """How many patents match (including rows not yet fetched into the view)."""
        return self._total

    def patent_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, patent_id: int) -> int | None:
        """The row of ``patent_id``, fetching rows into the view as needed; None if absent."""
        if patent_id not in self._ids:
            self._load_all_ids()
        try:
            row = self._ids.index(patent_id)
        except ValueError:
            return None
        if row >= self._exposed:
            self._expose(row + 1)
        return row

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._exposed

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._exposed < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        self._expose(self._exposed + self.batch_size)

    def _expose(self, count: int) -> None:
        if count > len(self._ids):
            self._load_all_ids()
        count = min(count, len(self._ids))
        if count <= self._exposed:
            return
        self.beginInsertRows(QModelIndex(), self._exposed, count - 1)
        self._exposed = count
        self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(COLUMNS[section].field)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._exposed:
            return None
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        if role == PATENT_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = COLUMNS[column].align_right
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        values = self._values(index.row())
        if values is None:  # deleted since the ids were read
            return None
        value = values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(COLUMNS[column].field, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[column].field in ("title", "institution") and value:
                return str(value)
            return None
        return value  # EditRole, UserRole: the typed value (str, date, float, enum)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in SQL (then by id); before the first load, only remember it."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded and (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column = column
        self._descending = descending
        if not self._loaded:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids = self._query_ids(max(self._exposed, self.batch_size))
        kept = {old_ids[index.row()] for index in self.persistentIndexList() if index.isValid()}
        if not kept <= set(self._ids):
            self._load_all_ids()  # the selected patents move out of the first batch
        self._pages.clear()
        self._exposed = min(len(self._ids), max(self._exposed, self.batch_size))
        self._remap_persistent(old_ids)
        self.layoutChanged.emit()

    def _remap_persistent(self, old_ids: Sequence[int]) -> None:
        """Keep selections and the current row on the same patents after a re-sort."""
        new_rows = {patent_id: row for row, patent_id in enumerate(self._ids)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for old in old_indexes:
            row = new_rows.get(old_ids[old.row()]) if old.row() < len(old_ids) else None
            if row is None or row >= self._exposed:
                new_indexes.append(QModelIndex())
            else:
                new_indexes.append(self.index(row, old.column()))
        self.changePersistentIndexList(old_indexes, new_indexes)
