"""A type-ahead field: type part of a name or number, the best match is chosen on Tab/Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

Search = Callable[[str], list[tuple[int, str]]]
"""``search(text)`` → ``[(id, label), ...]``, best first."""


class LookupField(QWidget):
    """A line edit with the matches listed under it.

    Typing searches; the first match is highlighted; Up/Down move; Tab or Enter chooses the
    highlighted match (Enter then goes on to the form: the capture panel saves); Escape
    hides the list. :attr:`chosen_id` is the chosen record (``None`` while the text is not a
    choice).
    """

    chosen = Signal(int)
    """A record was chosen (its id)."""

    def __init__(self, search: Search, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.chosen_id: int | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.installEventFilter(self)
        self.matches = QListWidget()
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setMaximumHeight(self.fontMetrics().height() * 6 + 8)
        self.matches.itemClicked.connect(self._on_clicked)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.edit)

    # ------------------------------------------------------------------ API

    def set_choice(self, record_id: int | None, label: str = "") -> None:
        """Show ``label`` as the chosen record (``None`` clears the field)."""
        self.chosen_id = record_id
        self.edit.setText(label if record_id is not None else "")
        self.matches.clear()
        self.matches.hide()
        if record_id is not None:
            self.chosen.emit(record_id)

    def clear(self) -> None:
        self.set_choice(None)

    def accept_highlighted(self) -> bool:
        """Choose the highlighted match, if the text is not already a choice."""
        item = self.matches.currentItem()
        if self.chosen_id is not None or item is None or not self.matches.isVisible():
            return False
        self.set_choice(int(item.data(Qt.ItemDataRole.UserRole)), item.text())
        return True

    def refresh(self) -> None:
        """Search again for the current text."""
        self._on_edited(self.edit.text())

    # ------------------------------------------------------------------ internals

    def _on_edited(self, text: str) -> None:
        self.chosen_id = None
        self.matches.clear()
        if not text.strip():
            self.matches.hide()
            return
        for record_id, label in self.search(text):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
            self.matches.show()
        else:
            self.matches.hide()

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.set_choice(int(item.data(Qt.ItemDataRole.UserRole)), item.text())
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_highlighted()
            elif key == Qt.Key.Key_Escape and self.matches.isVisible():
                self.matches.hide()
                return True
        return False
