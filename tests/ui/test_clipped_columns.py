"""Nothing the user reads is clipped at 1280×800 (issue 12.6): the registry's credit codes,
the shortlist's score, and its included / reason columns on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHeaderView, QTableView

from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.shortlist.model import COLUMN


@pytest.fixture
def window(qtbot, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.undo_stack.clear()


def shows_in_full(table: QTableView, column: int) -> bool:
    """The column is as wide as its header and every listed value need."""
    header: QHeaderView = table.horizontalHeader()
    needed = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
    return header.sectionSize(column) >= needed


def on_screen(table: QTableView, column: int) -> bool:
    """The column's header can be read without scrolling."""
    header = table.horizontalHeader()
    start = header.sectionViewportPosition(column)
    return start >= 0 and start + header.sectionSizeHint(column) <= table.viewport().width()


def test_registry_shows_whole_credit_codes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_page("event")
    page = window.current_page()
    page.tabs.setCurrentWidget(page.registry)
    table = page.registry.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    codes = [table.model().index(row, 1).data() for row in range(table.model().rowCount())]
    assert any(len(code) == 18 for code in codes)
    assert shows_in_full(table, 1), (table.columnWidth(1), table.sizeHintForColumn(1))
    assert shows_in_full(table, 4)  # phone


def test_shortlist_score_and_inclusion_fit_a_laptop_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_page("shortlist")
    table = window.current_page().table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    assert shows_in_full(table, COLUMN["score"]), table.columnWidth(COLUMN["score"])
    assert shows_in_full(table, COLUMN["included"])
    for name in ("score", "included", "exclusion_reason"):
        assert on_screen(table, COLUMN[name]), name


def test_library_detail_pane_is_readable_on_a_small_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At 1024×768 the detail pane was squeezed to a sliver (its numbers scrolled sideways,
    the title one word a line), and a wider window widened only the pane, never the table."""
    window.resize(1024, 768)
    window.show_page("library")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.detail.patent_id is not None)
    browser = page.detail.browser
    qtbot.waitUntil(lambda: browser.document().size().width() > 0)
    assert browser.horizontalScrollBar().maximum() == 0, page.splitter.sizes()
    assert page.detail.width() >= 0.3 * page.splitter.width(), page.splitter.sizes()
    table_width = page.table.width()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: page.table.width() > table_width + 200)
