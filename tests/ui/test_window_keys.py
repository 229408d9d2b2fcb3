"""Keys that belong to the main window: one owner per shortcut, Undo past an empty field
(issue #11, items 4 and 8)."""

from __future__ import annotations

import pytest
from keyboard import ambiguous_shortcuts, focus, mnemonic_clashes, press, type_text
from PySide6.QtCore import Qt
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.models import Intention
from roadshow_desk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_no_two_actions_of_any_page_share_a_shortcut(window: MainWindow, qtbot) -> None:
    walked = []
    for page in window.pages:
        assert window.show_page(page.view_name)
        qtbot.wait(1)
        assert window.stack.currentWidget() is page
        walked.append(page.view_name)
        assert ambiguous_shortcuts(window) == [], page.view_name
    assert {"library", "shortlist", "capture", "roadshow"} <= set(walked)


def test_the_shortlists_include_key_is_not_the_import_key(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    include = window.findChild(QAction, "action_include")
    imports = window.findChild(QAction, "action_import_patents")
    assert include is not None and imports is not None
    assert include.shortcut() != imports.shortcut()
    assert not include.shortcut().isEmpty() and not imports.shortcut().isEmpty()


def test_ctrl_z_right_after_saving_an_intention_undoes_it(
    qtbot, window: MainWindow, app_context, db
) -> None:
    fair = make_fair_day(db)
    app_context.current_event_id = fair.event_id
    app_context.event_changed.emit(fair.event_id)
    assert window.show_page("capture")
    panel = window.stack.currentWidget().panel
    window.activateWindow()
    panel.new_capture()
    qtbot.waitUntil(lambda: focus() is panel.field_enterprise.edit)
    type_text(qtbot, "5555")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "数控机床")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return)

    def live() -> int:
        with db.session() as session:
            rows = session.scalars(select(Intention).where(Intention.deleted_at.is_(None)))
            return len(list(rows))

    assert live() == 1
    assert focus() is panel.field_enterprise.edit  # back in the (empty) enterprise field
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert live() == 0  # the window's Undo took it
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert live() == 1  # and Redo


def test_ctrl_z_in_a_field_with_typing_undoes_the_typing_first(
    qtbot, window: MainWindow, app_context, db
) -> None:
    fair = make_fair_day(db)
    app_context.current_event_id = fair.event_id
    assert window.show_page("capture")
    panel = window.stack.currentWidget().panel
    window.activateWindow()
    panel.edit_notes.setFocus()
    qtbot.waitUntil(lambda: focus() is panel.edit_notes)
    qtbot.keyClicks(focus(), "abc")
    undo_index = app_context.undo_stack.index()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.edit_notes.text() == ""
    assert app_context.undo_stack.index() == undo_index


def test_the_capture_forms_alt_keys_reach_their_fields(
    window: MainWindow, qtbot, app_context, db
) -> None:  # type: ignore[no-untyped-def]
    """The desk jumps to a field with the Alt key its label underlines. The enterprise and
    patent labels' keys did nothing (their buddies were the lookup widgets, which take no
    focus themselves), and "&Enterprise" shared Alt+E with the Edit menu."""
    import re

    from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

    fair = make_fair_day(db)
    app_context.current_event_id = fair.event_id
    app_context.event_changed.emit(fair.event_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.show_page("capture")
    panel = window.current_page()
    for name in ("edit_enterprise", "edit_patent", "edit_notes"):
        field = panel.findChild(QWidget, name)
        form = next(
            layout
            for layout in panel.findChildren(QFormLayout)
            if layout.indexOf(field) >= 0 or layout.indexOf(field.parentWidget()) >= 0
        )
        owner = field if form.indexOf(field) >= 0 else field.parentWidget()
        label = form.labelForField(owner)
        assert isinstance(label, QLabel)
        letter = re.search(r"&(\w)", label.text())
        assert letter is not None, label.text()
        panel.panel.table_today.setFocus()
        press(
            qtbot,
            getattr(Qt.Key, f"Key_{letter.group(1).upper()}"),
            Qt.KeyboardModifier.AltModifier,
        )
        assert QApplication.activePopupWidget() is None, label.text()
        assert focus() is field, (label.text(), focus())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_things_on_any_page_or_tab_share_an_alt_key(  # type: ignore[no-untyped-def]
    qtbot, qapp, demo_db, ui_settings, language
) -> None:
    """Every page (and every tab of a page), with an event to show, in both languages: the
    Alt+letter of each visible label, button and tab is its own and no menu's."""
    from PySide6.QtWidgets import QTabWidget

    from roadshow_desk.ui.translations import install_translators
    from roadshow_desk.ui.workflow import AppContext

    install_translators(qapp, language)
    try:
        context = AppContext(demo_db, ui_settings, "desk-1")
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        clashes = []
        walked = []
        for page in window.pages:
            assert window.show_page(page.view_name)
            qtbot.wait(1)
            tab_widgets = [t for t in page.findChildren(QTabWidget) if t.isVisible()] or [None]
            for tabs in tab_widgets:
                for tab in range(tabs.count() if tabs is not None else 1):
                    if tabs is not None:
                        tabs.setCurrentIndex(tab)
                        qtbot.wait(1)
                    walked.append(page.view_name)
                    clashes += [f"{page.view_name}/{tab}: {c}" for c in mnemonic_clashes(window)]
        assert {"event", "library", "shortlist", "capture"} <= set(walked)
        assert clashes == [], "\n".join(clashes)
    finally:
        install_translators(qapp, "en")
