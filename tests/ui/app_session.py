"""One run of the real app in its own process, for the restart tests (not collected by pytest).

    python app_session.py report            start, print what the window shows, close
    python app_session.py change JSON       start, change settings as a person does, print
                                            what the window shows, close

The settings file and data folder come from ``ROADSHOW_DESK_SETTINGS`` and
``ROADSHOW_DESK_DATA_DIR``. The state printed is what a person sees: the menus' language,
the station in the status bar, the database in the title, the page, the window's size, the
library's splitter and the roadshow options.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from roadshow_desk.ui import app as app_module

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has focus"
    return widget


def state(window: Any) -> dict[str, Any]:
    roadshow = window.page("roadshow")
    library = window.page("library")
    font = app_module.current_app_font()
    page = window.current_page().view_name
    # The splitter as a person finds it: on the library page, shown (a hidden page's
    # splitter has not been laid out at the window's size yet).
    window.show_page("library")
    QApplication.processEvents()
    sizes = library.splitter.sizes()
    window.show_page(page)  # the page the window closes on is the one it was left on
    return {
        "font": [font.source, str(font.path)] if font is not None else None,
        "file_menu": window.file_menu.title(),
        "station": window.station_label.text(),
        "title": window.windowTitle().replace("[*]", ""),
        "page": page,
        "size": [window.width(), window.height()],
        "library_splitter": sizes,
        "roadshow_theme": roadshow.theme_combo.currentData(),
        "roadshow_warning": roadshow.warning_spin.value(),
        "roadshow_title_cards": roadshow.title_cards.isChecked(),
    }


def activate(widget: QWidget) -> None:
    """Make ``widget``'s window the one that gets the keys (as a click on it does)."""
    with warnings.catch_warnings():  # the offscreen platform ignores requestActivate()
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(widget)
    assert QTest.qWaitForWindowActive(widget)
    assert QApplication.activeWindow() is widget, QApplication.activeWindow()


def type_into_focus(text: str) -> None:
    """Select what the focused field holds and type over it: ASCII as key presses, Chinese
    through the input method (as a pinyin IME commits it)."""
    QTest.keyClick(focused(), Qt.Key.Key_A, CTRL)
    if text.isascii():
        QTest.keyClicks(focused(), text)
        return
    QTest.keyClick(focused(), Qt.Key.Key_Delete)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def fill_settings_dialog(change: dict[str, Any]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog), dialog
    activate(dialog)
    dialog.combo_language.setFocus()  # the first field, where the dialog opens
    QTest.keyClick(focused(), Qt.Key.Key_Home)
    for _ in range(change["language_row"]):
        QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    type_into_focus(change["station"])
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    type_into_focus(change["database"])
    QTest.keyClick(focused(), Qt.Key.Key_Tab)  # Choose…
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.edit_font
    type_into_focus(change["font"])
    if not change["font"]:
        QTest.keyClick(focused(), Qt.Key.Key_Delete)
    QTest.keyClick(focused(), Qt.Key.Key_Return)


def make_changes(window: Any, change: dict[str, Any]) -> None:
    activate(window)
    window.resize(*change["size"])  # as dragging its corner does
    # The roadshow options, on their page (Ctrl+4).
    QTest.keyClick(window, Qt.Key.Key_4, CTRL)
    roadshow = window.page("roadshow")
    assert window.current_page() is roadshow
    roadshow.theme_combo.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_End if change["theme_last"] else Qt.Key.Key_Home)
    roadshow.warning_spin.setFocus()
    type_into_focus(change["warning_minutes"])
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    roadshow.title_cards.setFocus()
    if roadshow.title_cards.isChecked() != change["title_cards"]:
        QTest.keyClick(focused(), Qt.Key.Key_Space)
    # The library's splitter, dragged.
    window.show_page("library")
    library = window.page("library")
    total = sum(library.splitter.sizes())
    first = int(total * change["splitter_share"])
    library.splitter.setSizes([first, total - first])
    library.splitter.splitterMoved.emit(first, 1)  # as the handle does when dragged
    # Settings (File ▸ Settings…), typed into.
    QTimer.singleShot(0, lambda: fill_settings_dialog(change))
    window.settings_action.trigger()
    activate(window)
    # The page to find again.
    QTest.keyClick(window, Qt.Key.Key_0 + change["page_key"], CTRL)


def main() -> int:
    step = sys.argv[1]
    change = json.loads(sys.argv[2]) if step == "change" else None
    app = app_module.create_application()
    window = app_module.start(None, None)
    printed: dict[str, Any] = {}

    def when_ready() -> None:
        if change is not None:
            make_changes(window, change)
        printed.update(state(window))
        window.close()

    window.ready.connect(lambda: QTimer.singleShot(0, when_ready))
    QTimer.singleShot(60000, QCoreApplication.quit)  # never hang a test run
    app.exec()
    if window.is_ready:
        window.context.database.dispose()
    print(json.dumps(printed, ensure_ascii=False))
    return 0 if printed else 1


if __name__ == "__main__":
    raise SystemExit(main())
