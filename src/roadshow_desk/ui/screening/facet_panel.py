"""The search box and the facet tree shown beside the library table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from roadshow_desk.store.facets import Facet, FacetCounts, facet_title

FACET_ROLE = Qt.ItemDataRole.UserRole + 1
"""The facet (its value) of a tree item."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The facet value's key (field text, institution id, year, ...) of a tree item."""


class SearchBox(QLineEdit):
    """A search field that reports its text once typing pauses (not on every key)."""

    query_changed = Signal(str)
    """The query to search (after a short pause, or at once on Enter)."""

    PAUSE_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_search")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("Search titles, abstracts, applicants, inventors, IPC, numbers…")
        )
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._clears(event):
            event.accept()  # Esc is ours while there is text to clear, not a shortcut's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clears(event):
            self.clear()
            self._emit()  # the filter goes at once, as the text did
            event.accept()
            return
        super().keyPressEvent(event)

    def _clears(self, event: QEvent) -> bool:
        """Whether ``event`` is an Esc that clears the search (an empty box lets it pass)."""
        return (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and bool(self.text())
        )

    def _emit(self) -> None:
        self._timer.stop()
        query = self.text()
        if query.split() != self._last.split():
            self._last = query
            self.query_changed.emit(query)


class FacetPanel(QTreeWidget):
    """Every facet with its values and counts; ticking a value narrows the library."""

    toggled = Signal(str, object)
    """A value was ticked or unticked: (facet value, key)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tree_facets")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._collapsed: set[str] = {Facet.YEAR.value, Facet.INSTITUTION.value}
        self._pressed = QPersistentModelIndex()
        """Where the left button went down (a click toggles only where it also came up)."""
        self.itemChanged.connect(self._on_item_changed)
        self.itemCollapsed.connect(lambda item: self._remember(item, False))
        self.itemExpanded.connect(lambda item: self._remember(item, True))

    def set_counts(self, counts: FacetCounts) -> None:
        """Show ``counts`` (keeps which facets are expanded and the scroll position)."""
        blocked = self.blockSignals(True)
        scroll = self.verticalScrollBar().value()
        current = self.currentItem()
        was_current = (current.data(0, FACET_ROLE), current.data(0, KEY_ROLE)) if current else None
        self.clear()
        current = None  # the old items are gone
        bold = QFont(self.font())
        bold.setBold(True)
        for facet, values in counts.facets.items():
            top = QTreeWidgetItem([facet_title(facet), ""])
            top.setFont(0, bold)
            top.setData(0, FACET_ROLE, facet.value)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(top)
            for value in values:
                child = QTreeWidgetItem([value.label, self.locale().toString(value.count)])
                child.setData(0, FACET_ROLE, facet.value)
                child.setData(0, KEY_ROLE, value.key)
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemNeverHasChildren
                )
                child.setCheckState(
                    0, Qt.CheckState.Checked if value.ticked else Qt.CheckState.Unchecked
                )
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                if not value.count and not value.ticked:
                    child.setDisabled(True)
                top.addChild(child)
                if was_current == (facet.value, value.key):
                    current = child
            if was_current == (facet.value, None):
                current = top
            top.setExpanded(facet.value not in self._collapsed)
        if current is not None:
            # the value just toggled (by Space) stays current: Space again takes it back
            self.setCurrentItem(current, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.verticalScrollBar().setValue(scroll)
        self.blockSignals(blocked)

    # A value's name (or its count) toggles it as its checkbox does: the checkbox is a small
    # target, and clicking the words is what people try first.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = QPersistentModelIndex(self.indexAt(event.position().toPoint()))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        item = self.itemFromIndex(index) if index.isValid() else None
        before = item.checkState(0) if item is not None else None
        super().mouseReleaseEvent(event)  # a click on the checkbox itself toggles here
        pressed, self._pressed = self._pressed, QPersistentModelIndex()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and item is not None
            and pressed.isValid()
            and pressed.row() == index.row()
            and pressed.parent() == index.parent()
            and item.checkState(0) == before
        ):
            self._toggle(item)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Its second release is a click too (two toggles, as on the checkbox).
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = QPersistentModelIndex(self.indexAt(event.position().toPoint()))
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        space = event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if space and item is not None and self._toggle(item):
            event.accept()
            return
        super().keyPressEvent(event)

    def _toggle(self, item: QTreeWidgetItem) -> bool:
        """Tick or untick a facet value (as a click on its checkbox); False for a heading or
        a value that cannot be ticked."""
        flags = item.flags()
        if item.parent() is None or not (
            flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsEnabled
        ):
            return False
        ticked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
        return True

    def _remember(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if item.parent() is None:
            facet = str(item.data(0, FACET_ROLE))
            if expanded:
                self._collapsed.discard(facet)
            else:
                self._collapsed.add(facet)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item.parent() is not None:
            facet, key = str(item.data(0, FACET_ROLE)), item.data(0, KEY_ROLE)
            # Emitted from the event loop: the receiver recounts and rebuilds the tree, which
            # must not delete this item while Qt is still inside its setData() (a crash).
            QTimer.singleShot(0, self, lambda: self.toggled.emit(facet, key))
