"""Help ▸ Getting started, in both languages, and menus whose access keys do not collide."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from roadshow_desk.ui.help import GettingStartedDialog, show_getting_started
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.translations import install_translators


def open_window(qtbot, app_context) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def guides(window: MainWindow) -> list[GettingStartedDialog]:
    return [d for d in window.findChildren(GettingStartedDialog) if d.isVisible()]


def test_f1_opens_the_getting_started_page(qtbot, app_context, english) -> None:
    window = open_window(qtbot, app_context)
    help_actions = window.help_menu.actions()
    assert [action.text() for action in help_actions] == [
        "&Getting started",
        "&Self-check…",
        "&About Roadshow Desk",
    ]
    for widget in QApplication.topLevelWidgets():  # windows a test before left open
        if widget is not window and widget.isVisible():
            widget.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    # F1 where this window's keyboard is (a window a test before left open may be active).
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(guides(window)))
    (guide,) = guides(window)
    text = guide.text_guide.toPlainText()
    assert text.startswith("Getting started with Roadshow Desk")
    assert "File ▸ Import patents… (Ctrl+I)" in text
    assert "6. Afterwards" in text and "File ▸ Backups…" in text
    # Asked again (F1 or an empty state's link), the same page comes forward, not a second one.
    assert show_getting_started(window.current_page()) is guide
    help_actions[0].trigger()
    assert guides(window) == [guide]
    guide.button_box.button(guide.button_box.StandardButton.Close).click()
    assert not guides(window)


def test_the_getting_started_page_speaks_chinese(qtbot, qapp, app_context, english) -> None:
    install_translators(qapp, "zh_CN")
    window = open_window(qtbot, app_context)
    assert window.help_menu.actions()[0].text() == "入门指南(&G)"
    guide = show_getting_started(window)
    text = guide.text_guide.toPlainText()
    assert guide.windowTitle() == "入门指南"
    assert text.startswith("路演服务台入门指南")
    assert "导入专利" in text and "意向跟进" in text
    for heading, body in guide.steps():
        assert heading in text and body in text
        assert not re.search(r"[A-Za-z]{4,}", heading), heading  # no English left over


def access_keys(menu: QMenu) -> list[str]:
    keys = []
    for action in menu.actions():
        match = re.search(r"&([^&])", action.text().replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_menu_entries_share_an_access_key(
    qtbot, qapp, app_context, english, language: str
) -> None:
    install_translators(qapp, language)
    window = open_window(qtbot, app_context)
    menus = [action.menu() for action in window.menuBar().actions()]
    menus += [window.import_controller.recent_menu]
    for menu in menus:
        assert isinstance(menu, QMenu)
        keys = access_keys(menu)
        assert [key for key, count in Counter(keys).items() if count > 1] == [], (
            menu.title(),
            [action.text() for action in menu.actions()],
        )
    file_texts = [action.text() for action in window.file_menu.actions()]
    recent = window.import_controller.recent_menu.menuAction().text()
    assert recent in file_texts
    assert recent == ("&Recent imports" if language == "en" else "最近导入(&R)")
