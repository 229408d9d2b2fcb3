"""The first preview's one-off work starts when the print page opens (issue 11, item 10)."""

from __future__ import annotations

from typing import Any

from roadshow_desk.documents import fonts, render
from roadshow_desk.ui.main_window import MainWindow
from roadshow_desk.ui.printing.page import PrintPage

TIMEOUT = 60_000


def test_opening_the_print_page_starts_the_first_preview_s_work(
    qtbot: Any, print_context: tuple[Any, dict[str, Any]], english: None, monkeypatch: Any
) -> None:
    context, _expected = print_context
    monkeypatch.setattr(render, "_warmed", False)  # as in a fresh run of the app
    monkeypatch.setattr(fonts, "_registered", {})
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert fonts._registered == {}
    assert window.show_page("print")  # what choosing Print in the navigation does
    page = window.page("print")
    assert isinstance(page, PrintPage)
    # Before Preview is pressed, the font is parsed and a document has been made once.
    qtbot.waitUntil(lambda: render._warmed, timeout=TIMEOUT)
    assert fonts._registered
    page.button_preview.click()
    assert page._task is not None
    with qtbot.waitSignal(page.document_built, timeout=TIMEOUT) as built:
        pass
    assert built.args[1] > 0 and page.preview.page_count() == built.args[1]
