"""An empty state that names the next step, with the buttons that take it.

:class:`EmptyState` covers a widget of a page (the whole page, its tabs, a table's viewport)
while there is nothing to show there: a heading, one sentence saying what to do next, and
one or two buttons. It follows the covered widget's size, so a page adds it without changing
its layout: ``self.empty = EmptyState(widget, "empty_library")``, then ``show_state(...)`` or
``hide()`` whenever its data changes. Drops still reach a covered item view's viewport.

Steps that belong to another page are asked of the window through its named actions
(:func:`window_step`): ``action_page_<view>`` shows a page, ``action_import_patents`` imports
a patent list, ``action_new_event`` starts a new event, ``action_plan_sessions`` opens the
event's sessions, ``action_open_demo`` fills an empty database with the demo fair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Step:
    """A button of an empty state: its object name, its text and what it does."""

    name: str
    text: str
    run: Callable[[], object]


def window_step(widget: QWidget, action_name: str) -> Callable[[], object]:
    """A step that triggers the window's action ``action_name`` (found when pressed)."""

    def run() -> bool:
        window = widget.window()
        action = window.findChild(QAction, action_name) if window is not None else None
        if action is None or not action.isEnabled():
            return False
        action.trigger()
        return True

    return run


class EmptyState(QFrame):
    """Covers ``covered`` with a heading, a sentence and buttons (hidden until shown)."""

    def __init__(self, covered: QWidget, object_name: str) -> None:
        super().__init__(covered)
        self.setObjectName(object_name)
        self.covered = covered
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label_title = QLabel()
        self.label_title.setObjectName("label_empty_title")
        font = self.label_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.label_title.setFont(font)
        self.label_title.setWordWrap(True)
        self.label_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label_text = QLabel()
        self.label_text.setObjectName("label_empty_text")
        self.label_text.setWordWrap(True)
        self.label_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label_text.setFixedWidth(520)  # a fixed width: wrapped lines get their height
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(12)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.label_title)
        column.addSpacing(8)
        text_row = QHBoxLayout()  # centred by stretches: an aligned item loses height-for-width
        text_row.addStretch(1)
        text_row.addWidget(self.label_text)
        text_row.addStretch(1)
        column.addLayout(text_row)
        column.addSpacing(16)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self.buttons)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(3)
        self._steps: list[tuple[QPushButton, Step]] = []
        covered.installEventFilter(self)
        self.hide()

    def show_state(self, title: str, text: str, steps: Sequence[Step] = ()) -> None:
        """Show ``title``, ``text`` and a button per step (the first is the default)."""
        self.label_title.setText(title)
        self.label_text.setText(text)
        if [step for _button, step in self._steps] != list(steps):
            for button, _step in self._steps:
                self.buttons.removeWidget(button)
                button.hide()
                button.deleteLater()
            self._steps = []
            for number, step in enumerate(steps):
                button = QPushButton(step.text)
                button.setObjectName(step.name)
                button.setAutoDefault(True)
                button.setDefault(number == 0)
                button.clicked.connect(step.run)
                self.buttons.addWidget(button)
                button.show()  # at once, not when the layout gets round to it
                self._steps.append((button, step))
        self.setGeometry(self.covered.rect())
        self.raise_()
        self.show()
        self._take_focus()

    def button(self, name: str) -> QPushButton | None:
        """The button of the step named ``name``."""
        return next((button for button, step in self._steps if step.name == name), None)

    def _take_focus(self) -> None:
        """The keyboard goes to the first button, not to a widget under the cover."""
        focused = QApplication.focusWidget()
        if not self._steps or not self.isVisible():
            return
        if focused is not None and (focused is self or self.isAncestorOf(focused)):
            return  # already on one of the buttons
        if focused is None or focused is self.covered or self.covered.isAncestorOf(focused):
            self._steps[0][0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.covered:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self.covered.rect())
                self.label_text.setFixedWidth(min(520, max(200, self.covered.width() - 48)))
            elif event.type() == QEvent.Type.ChildAdded and not self.isHidden():
                QTimer.singleShot(0, self.raise_)  # stay above widgets added later
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._take_focus()
