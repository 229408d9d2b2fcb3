"""The main window: pages in the navigation, menus, title, layout remembered, hooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_data import add_patents
from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QLabel

from roadshow_desk.ui import main_window as main_window_module
from roadshow_desk.ui.main_window import WORKFLOW_PAGES, MainWindow, load_object


@pytest.fixture
def window(qtbot, app_context, english) -> MainWindow:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    return window


def test_every_listed_page_is_in_the_navigation(window: MainWindow) -> None:
    names = [load_object(spec).view_name for spec in WORKFLOW_PAGES]
    assert len(names) == len(set(names)) and all(names)
    shown = [
        window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(window.navigation.count())
    ]
    assert shown == names
    assert all(window.navigation.item(row).text() for row in range(window.navigation.count()))
    assert "library" in names


def test_every_page_has_a_navigation_icon(window: MainWindow) -> None:
    """A page without an icon leaves a gap in the column of icons (the results page did)."""
    for row in range(window.navigation.count()):
        item = window.navigation.item(row)
        assert not item.icon().pixmap(24, 24).isNull(), item.text()


def test_every_registration_string_names_what_it_says() -> None:
    """What mypy cannot follow in ``"module:name"`` strings (see the main window's module)."""
    import inspect

    from roadshow_desk.ui.workflow import WorkflowPage

    for spec in WORKFLOW_PAGES:
        page = load_object(spec)
        assert inspect.isclass(page) and issubclass(page, WorkflowPage), spec
        assert spec.endswith(":" + page.__name__) and page.__module__ == spec.partition(":")[0]
    for spec in main_window_module.WINDOW_CONTROLLERS:
        install = load_object(spec)
        assert callable(install), spec
        assert len(inspect.signature(install).parameters) == 1, spec


def test_opens_on_the_library_with_the_patents(qtbot, app_context, english) -> None:
    add_patents(app_context.database, 120)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page().view_name == "library"
    page = window.page("library")
    assert page.model.total == 120
    assert page.table.currentIndex().row() == 0  # the first patent is shown in detail
    assert page.detail.patent_id == page.model.patent_id(0)
    assert window.windowTitle() == "test.sqlite3[*]"


def test_navigation_switches_page_and_toolbar(qtbot, window: MainWindow) -> None:
    window.show()
    with qtbot.waitSignal(window.page_changed) as signal:
        window.show_page("library")
    assert signal.args == ["library"]
    page = window.page("library")
    assert window.stack.currentWidget() is page
    assert set(page.actions_for_toolbar()) <= set(window.toolbar.actions())
    assert window.show_page("no-such-page") is False
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        assert window.current_page() is page
        assert set(page.actions_for_toolbar()) <= set(window.toolbar.actions())
        others = {a for p in window.pages if p is not page for a in p.actions_for_toolbar()}
        assert not others & set(window.toolbar.actions()) - set(page.actions_for_toolbar())


def test_menus_have_the_shell_actions(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert window.settings_action in window.file_menu.actions()
    assert window.quit_action in window.file_menu.actions()
    assert window.undo_action in window.edit_menu.actions()
    assert window.redo_action in window.edit_menu.actions()
    assert window.about_action in window.help_menu.actions()
    extra = QAction("Import…", window)
    window.add_file_action(extra)
    actions = window.file_menu.actions()
    assert actions.index(extra) < actions.index(window.settings_action)


def test_title_shows_unsaved_undo_state(qtbot, window: MainWindow, app_context) -> None:
    from PySide6.QtGui import QUndoCommand

    assert not window.isWindowModified()
    app_context.undo_stack.push(QUndoCommand("change"))
    assert window.isWindowModified()
    app_context.undo_stack.undo()
    assert not window.isWindowModified()


def test_geometry_and_page_are_restored(qtbot, app_context) -> None:
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.show()
    # The offscreen screen is 800×800; wide enough for every page's minimum (the Results
    # page's asks 763 px with some translators installed).
    first.setGeometry(QRect(10, 30, 780, 720))
    last_page = first.pages[-1].view_name
    first.show_page(last_page)
    first.close()  # saves the layout
    assert not app_context.settings.window_geometry.isEmpty()
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 720)
    assert second.current_page().view_name == last_page


def test_first_start_has_a_sensible_size(qtbot, window: MainWindow) -> None:
    window.show()
    screen = window.screen().availableGeometry()
    # 1280×800 where it fits, else most of the screen (the offscreen screen is 800×800)
    assert min(1280, screen.width() * 0.9) <= window.width() <= screen.width()
    assert min(800, screen.height() * 0.9) <= window.height() <= screen.height()


def test_dropped_files_go_to_the_first_handler_that_takes_them(
    qtbot, app_context, english, tmp_path: Path, monkeypatch
) -> None:
    # Only this test's handlers (the import controller would take the .xlsx itself).
    monkeypatch.setattr(main_window_module, "WINDOW_CONTROLLERS", [], raising=True)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    seen: list[list[Path]] = []
    window.add_drop_handler(lambda paths: False)
    window.add_drop_handler(lambda paths: seen.append(paths) or True)
    file = tmp_path / "专利清单.xlsx"
    file.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(file))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert seen == [[file]]
    assert event.isAccepted()


def test_window_controllers_are_installed(qtbot, app_context, monkeypatch) -> None:
    monkeypatch.setattr(
        main_window_module, "WINDOW_CONTROLLERS", ["tests_ui_controller:install"], raising=True
    )
    import sys
    import types

    module = types.ModuleType("tests_ui_controller")

    def install(window: MainWindow) -> None:
        window.installed_label = QLabel("installed")  # type: ignore[attr-defined]
        window.statusBar().addWidget(window.installed_label)  # type: ignore[attr-defined]

    module.install = install  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tests_ui_controller", module)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.installed_label.text() == "installed"  # type: ignore[attr-defined]


def test_font_warning_is_shown_in_the_status_bar(qtbot, window: MainWindow) -> None:
    window.show()
    window.set_font_warning("No Chinese TrueType font was found.")
    assert window.font_warning_label.isVisible()
    assert window.font_warning_label.text() == "No Chinese TrueType font was found."
    window.set_font_warning("")
    assert not window.font_warning_label.isVisible()


def test_station_is_in_the_status_bar(window: MainWindow) -> None:
    assert window.station_label.text() == "Station: test-station"


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("sqlite:////data/fair/东区.sqlite3", "东区.sqlite3"),
        ("/data/fair/demo.sqlite3", "demo.sqlite3"),
        ("postgresql://desk:secret@10.0.0.5/roadshow", "postgresql://desk@10.0.0.5/roadshow"),
    ],
)
def test_database_label_hides_passwords(url: str, label: str) -> None:
    from roadshow_desk.ui.main_window import database_label

    assert database_label(url) == label


def test_opens_on_the_demo_fair(qtbot, demo_db, ui_settings, english) -> None:
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "demo-desk")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.page("library")
    assert window.current_page() is page
    assert page.model.total >= 60
    titles = [page.model.index(row, 1).data() for row in range(page.model.rowCount())]
    assert all(titles) and any("一种" in title for title in titles)
    assert page.detail.patent_id == page.model.patent_id(0)
    assert page.count_label.text() == f"Patents: {page.model.total}"
    context.undo_stack.clear()
