"""Number-key choosers: the seven intention kinds (1–7) and the prospect rating (1–5)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

WRAP_AT = 18
"""Labels longer than this many characters take two lines (the presenter console's
capture panel must fit a 1024×768 screen)."""


def two_lines(text: str) -> str:
    """``text`` broken in two at the space or hyphen nearest its middle, when it is long."""
    if len(text) <= WRAP_AT:
        return text
    middle = len(text) / 2
    breaks = [i for i, char in enumerate(text) if char in " -" and 0 < i < len(text) - 1]
    if not breaks:
        return text
    at = min(breaks, key=lambda i: abs(i - middle))
    if text[at] == "-":
        return text[: at + 1] + "\n" + text[at + 1 :]
    return text[:at].rstrip() + "\n" + text[at + 1 :].lstrip()


class NumberChooser(QWidget):
    """Checkable buttons chosen by number keys while this widget has the focus.

    The buttons do not take the focus themselves, so the keyboard stays here; Backspace or
    0 clears the choice. ``value`` is the chosen item or ``None``. A button is never
    narrower than its text (a long label takes two lines).
    """

    changed = Signal(object)
    """The choice changed (the item, or ``None``)."""
    chosen_by_key = Signal(object)
    """A number key chose an item (the item): the form moves on."""

    def __init__(
        self,
        items: Sequence[object],
        labels: Sequence[str],
        columns: int,
        parent: QWidget | None = None,
        *,
        numbered: bool = True,
    ) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for index, text in enumerate(labels):
            button = QToolButton()
            button.setText(two_lines(f"{index + 1}  {text}" if numbered else text))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            button.setMinimumWidth(button.sizeHint().width())  # never clipped
            button.setToolTip(text)
            self.group.addButton(button, index)
            layout.addWidget(button, index // columns, index % columns)
            self.buttons.append(button)
        self.group.idClicked.connect(self._on_clicked)
        self._value: object | None = None

    @property
    def value(self) -> object | None:
        return self._value

    def set_value(self, value: object | None) -> None:
        self._value = value if value in self.items else None
        for index, button in enumerate(self.buttons):
            button.setChecked(self.items[index] == self._value)
        self.changed.emit(self._value)

    def _on_clicked(self, index: int) -> None:
        self.set_value(None if self.items[index] == self._value else self.items[index])
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdecimal() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            number = int(text)
            if 1 <= number <= len(self.items):
                self.set_value(self.items[number - 1])
                self.chosen_by_key.emit(self.items[number - 1])
                event.accept()
                return
            if number == 0:
                self.set_value(None)
                event.accept()
                return
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
            event.accept()
            return
        super().keyPressEvent(event)
