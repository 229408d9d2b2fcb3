"""Match suggestions in a detail pane: the patents that fit an enterprise, or the reverse.

:class:`MatchSuggestionsView` is the widget other panes embed (the enterprise pane of the
event workflow, the shortlist's patent pane, the library's screening pane); it lives beside
the workflows because several of them show it::

    view = MatchSuggestionsView(context.database)
    view.show_enterprise(enterprise_id)      # or view.show_patent(patent_id)
    view.suggestion_activated.connect(...)   # the id of the patent (or enterprise) picked

Suggestions are computed by :mod:`roadshow_desk.store.matching` a moment after the shown
record changes (quick changes are coalesced), never from a keystroke.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.matching import Match
from roadshow_desk.store.db import Database
from roadshow_desk.ui.record_table import read_only_flags, record_table

AnyIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The suggested record's id (patent or enterprise)."""


class MatchModel(QAbstractTableModel):
    """Suggestions as rows: the record's name, the points, the reasons."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, float, str]] = []
        self._kind = "patent"

    def set_rows(self, kind: str, rows: list[tuple[int, str, float, str]]) -> None:
        """``kind``: what the rows are ("patent" or "enterprise"); rows (id, name, points,
        reasons)."""
        self.beginResetModel()
        self._kind = kind
        self._rows = list(rows)
        self.endResetModel()

    def record_id(self, row: int) -> int:
        return self._rows[row][0]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        names = [
            self.tr("Patent") if self._kind == "patent" else self.tr("Enterprise"),
            self.tr("Fit"),
            self.tr("Why"),
        ]
        return names[section] if 0 <= section < 3 else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record_id, name, points, reasons = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return record_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return name
            if column == 1:
                return f"{points:g}"
            if column == 2:
                return reasons
        if role == Qt.ItemDataRole.EditRole:
            return (name, points, reasons)[column] if 0 <= column < 3 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MatchSuggestionsView(QWidget):
    """Suggestions for one enterprise (patents that fit) or one patent (firms to invite)."""

    suggestion_activated = Signal(int)
    """A suggestion was double-clicked or Enter pressed (the patent's or enterprise's id)."""

    LIMIT = 15

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._subject: tuple[str, int] | None = None
        self.title = QLabel()
        self.title.setObjectName("label_matches_title")
        self.title.setStyleSheet("font-weight: 600;")
        self.model = MatchModel(self)
        self.table = record_table("table_matches", self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.resizeSection(0, 16 * self.fontMetrics().averageCharWidth() + 40)
        self.table.activated.connect(self._on_activated)
        self.empty = QLabel()
        self.empty.setObjectName("label_matches_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.show_patent(None)

    # ------------------------------------------------------------------ what is shown

    def show_enterprise(self, enterprise_id: int | None) -> None:
        """Suggest patents for this enterprise (``None`` clears)."""
        self.title.setText(self.tr("Patents that fit this enterprise"))
        self._show(("enterprise", enterprise_id) if enterprise_id else None)

    def show_patent(self, patent_id: int | None) -> None:
        """Suggest enterprises to invite for this patent (``None`` clears)."""
        self.title.setText(self.tr("Enterprises to invite"))
        self._show(("patent", patent_id) if patent_id else None)

    def _show(self, subject: tuple[str, int] | None) -> None:
        self._subject = subject
        if subject is None:
            self._timer.stop()
            self.model.set_rows("patent", [])
            self._set_empty(self.tr("Nothing selected."))
            return
        self._set_empty(self.tr("Looking for matches…"))
        self._timer.start()

    def refresh(self) -> None:
        """Compute the suggestions for what is shown now (also after data changed)."""
        from roadshow_desk.store.postgres import DatabaseUnreachable, unreachable

        if self._subject is None:
            return
        kind, record_id = self._subject
        try:
            with unreachable(""):
                rows = self._suggestions(kind, record_id)
        except DatabaseUnreachable:  # a server restarting: the next selection tries again
            self.model.set_rows("patent" if kind == "enterprise" else "enterprise", [])
            self._set_empty(self.tr("No suggestions: the database cannot be reached just now."))
            return
        if rows:
            self._set_empty("")
        elif kind == "enterprise":
            self._set_empty(
                self.tr(
                    "No patent fits yet: give the enterprise keywords, an industry or IPC "
                    "classes of interest."
                )
            )
        else:
            self._set_empty(self.tr("No registered enterprise states an interest that fits."))

    def _suggestions(self, kind: str, record_id: int) -> list[Any]:
        from roadshow_desk.store.matching import (
            enterprise_names,
            enterprises_for_patent,
            patent_titles,
            patents_for_enterprise,
        )

        with self.database.session() as session:
            if kind == "enterprise":
                found = patents_for_enterprise(session, record_id, limit=self.LIMIT)
                names = patent_titles(session, [m.patent_id for m in found])
                rows = [_row(m.patent_id, names, m) for m in found]
                self.model.set_rows("patent", rows)
            else:
                found = enterprises_for_patent(session, record_id, limit=self.LIMIT)
                names = enterprise_names(session, [m.enterprise_id for m in found])
                rows = [_row(m.enterprise_id, names, m) for m in found]
                self.model.set_rows("enterprise", rows)
        return rows

    def _set_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(not text)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.suggestion_activated.emit(self.model.record_id(index.row()))


def _row(record_id: int, names: dict[int, str], found: Match) -> tuple[int, str, float, str]:
    return (record_id, names.get(record_id, ""), found.points, found.explanation())
