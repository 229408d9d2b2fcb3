"""Load Qt Designer forms (``forms/*.ui``) at runtime: the one way forms are built here.

Usage, in a widget's ``__init__``::

    from roadshow_desk.ui.forms import load_ui

    class SettingsDialog(QDialog):
        def __init__(self, parent=None):
            super().__init__(parent)
            load_ui("settings_dialog.ui", self)   # forms/settings_dialog.ui
            self.edit_station.setText(...)       # children are attributes, by object name

``name`` is relative to the top-level ``forms/`` (``"library/patent_dialog.ui"``). The
form's top-level widget must have the same base class as ``baseinstance`` (a ``QDialog`` form
into a ``QDialog`` subclass); its properties (title, size) and layout are applied to
``baseinstance``, and every named child widget, layout and action becomes an attribute of it.
Slots named ``on_<object>_<signal>`` are connected (``QMetaObject.connectSlotsByName``).

Object names are API: use a prefix per widget kind (``edit_``, ``combo_``, ``check_``,
``button_``, ``label_``, ``table_``, ``tabs_``...). Strings in a form are translated with the
form's class name as context; ``tools/i18n.py`` extracts them into the area's ``.ts`` file
(``forms/*.ui`` → ``ui``, ``forms/<pkg>/*.ui`` → ``ui_<pkg>``). Icons in forms use the
``icons:`` search path (``resources/icons``). Custom widget classes are passed in
``custom_widgets`` (promoted widgets in Designer, header file = the module path).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QFile, QIODevice, QMetaObject, QObject
from PySide6.QtGui import QAction
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLayout, QWidget

from roadshow_desk.paths import forms_path

FORMS_DIR = forms_path()


class _Loader(QUiLoader):
    """Builds a form into an existing instance instead of a new top-level widget."""

    def __init__(self, baseinstance: QWidget, custom_widgets: dict[str, type[QWidget]]):
        super().__init__(baseinstance)
        self._base = baseinstance
        self._custom = custom_widgets
        for widget_class in custom_widgets.values():
            self.registerCustomWidget(widget_class)

    def createWidget(
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None:
            return self._base
        if class_name in self._custom:
            widget = self._custom[class_name](parent)
        else:
            widget = super().createWidget(class_name, parent, name)
        if name:
            widget.setObjectName(name)
            setattr(self._base, name, widget)
        return widget

    def createLayout(
        self, class_name: str, parent: QObject | None = None, name: str = ""
    ) -> QLayout:
        layout = super().createLayout(class_name, parent, name)
        if name:
            setattr(self._base, name, layout)
        return layout

    def createAction(self, parent: QObject | None = None, name: str = "") -> QAction:
        action = super().createAction(parent, name)
        if name:
            setattr(self._base, name, action)
        return action


def form_path(name: str) -> Path:
    return FORMS_DIR / name


def load_ui(
    name: str,
    baseinstance: QWidget,
    custom_widgets: dict[str, type[QWidget]] | None = None,
) -> QWidget:
    """Build the form ``forms/<name>`` into ``baseinstance`` and return it."""
    path = form_path(name)
    if not path.is_file():
        raise FileNotFoundError(f"no form {name!r} in {FORMS_DIR}")
    loader = _Loader(baseinstance, custom_widgets or {})
    loader.setWorkingDirectory(QDir(str(path.parent)))
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read form {path}")
    try:
        widget = loader.load(handle, None)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"form {name!r} could not be loaded: {loader.errorString()}")
    QMetaObject.connectSlotsByName(baseinstance)
    return baseinstance
