"""Keys that belong to the window: Undo and Redo pass a text field that has nothing to undo.

A focused line edit claims Ctrl+Z for itself (Qt asks it first, through a
``ShortcutOverride`` event) even when it has nothing to undo -- right after an intention is
saved, the capture panel's cleared enterprise field took the shortcut and the window's Undo
never ran. :class:`UndoPassThrough`, one event filter on the application, answers that
question for the field: a field that can undo (redo) keeps the key; one that cannot lets it
go to the window's Undo (Redo) action.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QWindow
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def text_can(widget: QWidget, redo: bool) -> bool | None:
    """Whether a text widget has something to undo (``redo``: to redo); ``None`` when the
    widget edits no text."""
    if isinstance(widget, QComboBox | QAbstractSpinBox):
        inner = widget.lineEdit() if isinstance(widget, QComboBox) else widget.findChild(QLineEdit)
        if inner is None:
            return None
        widget = inner
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return False
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        if widget.isReadOnly():
            return False
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class UndoPassThrough(QObject):
    """See the module notes; :func:`install` puts one on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            redo = False
        elif event.matches(QKeySequence.StandardKey.Redo):
            redo = True
        else:
            return False
        focus = QApplication.focusWidget()
        if focus is None:
            return False
        if not isinstance(watched, QWindow) and not (
            isinstance(watched, QWidget) and (watched is focus or watched.isAncestorOf(focus))
        ):
            return False
        if text_can(focus, redo) is not False:
            return False  # not a text field, or it has something to undo: its own key
        event.ignore()  # nobody overrides: the shortcut (the window's Undo) runs
        return True


_installed: list[UndoPassThrough] = []


def install() -> None:
    """Put the filter on the running application (once)."""
    app = QCoreApplication.instance()
    if app is None or any(shiboken6.isValid(gate) for gate in _installed):
        return
    _installed.clear()
    gate = UndoPassThrough(app)
    app.installEventFilter(gate)
    _installed.append(gate)
