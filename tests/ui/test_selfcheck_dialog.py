"""Help ▸ Self-check: the same report as the CLI, in a dialog, copied as text for support."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.selfcheck import SelfCheckDialog
from roadshow_desk.ui.translations import install_translators


def open_window(qtbot, app_context) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close(qtbot, dialog: SelfCheckDialog, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Close as a person does; the dialog is deleted then (one per menu choice)."""
    with qtbot.waitSignal(dialog.destroyed):
        dialog.button_box.button(dialog.button_box.StandardButton.Close).click()
    assert not window.findChildren(SelfCheckDialog)


def test_help_selfcheck_shows_the_report(qtbot, app_context, english) -> None:
    window = open_window(qtbot, app_context)
    assert window.selfcheck_action in window.help_menu.actions()
    window.selfcheck_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(SelfCheckDialog)))
    (dialog,) = window.findChildren(SelfCheckDialog)
    text = dialog.text_report.toPlainText()
    assert "Version" in text and "Schema version" in text and "Chinese font" in text
    assert str(app_context.database.path) in text
    assert "Ready: every required check passed." in text
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == dialog.report.as_text() and "Printers: " in copied
    close(qtbot, dialog, window)


def test_the_selfcheck_speaks_chinese(qtbot, qapp, app_context, english) -> None:
    install_translators(qapp, "zh_CN")
    window = open_window(qtbot, app_context)
    assert window.selfcheck_action.text() == "自检(&S)…"
    window.selfcheck_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(SelfCheckDialog)))
    (dialog,) = window.findChildren(SelfCheckDialog)
    assert dialog.windowTitle() == "自检"
    text = dialog.text_report.toPlainText()
    assert "中文字体" in text and "qtbase_zh_CN.qm" in text
    close(qtbot, dialog, window)
