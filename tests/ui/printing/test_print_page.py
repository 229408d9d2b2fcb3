"""The print page: choose, preview, save and print, with the work off the GUI thread."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from roadshow_desk.ui.printing.page import PrintPage, safe_file_name

TIMEOUT = 60_000


@pytest.fixture
def page(qtbot: Any, print_context: tuple[Any, dict[str, Any]], english: None) -> PrintPage:
    context, _expected = print_context
    widget = PrintPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.activate()
    return widget


def _choose(page: PrintPage, kind: str) -> None:
    page.combo_kind.setCurrentIndex(page.combo_kind.findData(kind))


def _qr_codes(pdf: Path, folder: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / "p")], check=True)
    codes: list[str] = []
    for image in sorted(folder.glob("p-*.pgm")):
        with Image.open(image) as picture:
            codes += [r.text for r in zxingcpp.read_barcodes(picture) if r.valid]
    return codes


def test_choices_follow_the_document_kind(
    page: PrintPage, print_context: tuple[Any, dict[str, Any]]
) -> None:
    _context, expected = print_context
    assert page.combo_event.count() == 1
    assert page.combo_event.currentData() == expected["event_id"]
    assert page.combo_kind.count() == 5
    # sessions: the whole event and the two sessions
    assert page.combo_session.count() == 3
    _choose(page, "brochure")
    assert page.combo_layout.isEnabled() and page.combo_paper.isEnabled()
    assert not page.combo_session.isEnabled()
    _choose(page, "signup-sheet")
    assert page.combo_session.isEnabled() and page.spin_pages.isEnabled()
    assert not page.combo_layout.isEnabled() and not page.combo_paper.isEnabled()
    _choose(page, "badges")
    assert page.check_checked_in.isEnabled()
    assert page.label_hint.text()


def test_preview_then_save(qtbot: Any, page: PrintPage, tmp_path: Path) -> None:
    _choose(page, "brochure")
    page.combo_layout.setCurrentIndex(page.combo_layout.findData(2))
    with qtbot.waitSignal(page.document_built, timeout=TIMEOUT) as built:
        page.button_preview.click()
    path, pages = built.args
    assert page.preview.page_count() == pages > 3
    image = page.preview.page_image(0)
    assert not image.isNull() and image.width() > 100
    assert page.label_pages.text() == f"Page 1 of {pages}"
    page.preview.scroll_to_page(pages - 1)
    assert page.label_pages.text().startswith("Page ")
    target = tmp_path / "saved.pdf"
    page.ask_save_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(page.document_saved, timeout=TIMEOUT):
        page.button_save.click()
    assert target.read_bytes() == Path(path).read_bytes()
    # another option drops the preview: what is saved is what the options say
    page.combo_paper.setCurrentIndex(page.combo_paper.findData("A5"))
    assert page.preview.page_count() == 0


def test_save_builds_first_when_there_is_no_preview(
    qtbot: Any, page: PrintPage, tmp_path: Path
) -> None:
    _choose(page, "badges")
    target = tmp_path / "badges.pdf"
    page.ask_save_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(page.document_saved, timeout=TIMEOUT):
        page.button_save.click()
    assert target.stat().st_size > 1000


def test_print_through_the_print_dialog(
    qtbot: Any, page: PrintPage, tmp_path: Path, print_context: tuple[Any, dict[str, Any]]
) -> None:
    from roadshow_desk.domain.payloads import signup_url

    _context, expected = print_context
    _choose(page, "signup-sheet")
    page.combo_session.setCurrentIndex(1)
    printed_to = tmp_path / "printed.pdf"
    seen: dict[str, Any] = {}

    def fake_dialog(printer: QPrinter) -> bool:
        seen["landscape"] = printer.pageLayout().orientation()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        return True

    page.ask_printer = fake_dialog  # type: ignore[method-assign]
    with qtbot.waitSignal(page.document_printed, timeout=TIMEOUT) as printed:
        page.button_print.click()
    assert printed.args == [1]
    from PySide6.QtGui import QPageLayout

    assert seen["landscape"] == QPageLayout.Orientation.Landscape
    link = signup_url(
        "https://signup.example.cn/路演/{event}?patent={application_no}", expected["event_uuid"]
    )
    assert _qr_codes(printed_to, tmp_path / "img") == [link]


@pytest.mark.parametrize("kind", ["brochure", "signup-sheet", "agenda"])
def test_alt_p_prints_and_alt_s_saves(
    qtbot: Any, page: PrintPage, tmp_path: Path, kind: str
) -> None:
    """The buttons' Alt keys do what they say, whatever the document: "&Paper", "Sheet
    &pages" and "&Session" took P and S too, so Alt+P and Alt+S only moved the focus."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    _choose(page, kind)
    page.combo_kind.setFocus()
    asked: list[QPrinter] = []
    page.ask_printer = lambda printer: asked.append(printer) or False  # type: ignore[method-assign]
    with qtbot.waitSignal(page.document_built, timeout=TIMEOUT):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(asked) == 1)
    target = tmp_path / f"{kind}.pdf"
    page.ask_save_path = lambda: target  # type: ignore[method-assign]
    # A slow build shows its progress dialog; offscreen, closing it leaves no window active
    # (a window manager gives the activation back): the window is active again, as it would be.
    page.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    with qtbot.waitSignal(page.document_saved, timeout=TIMEOUT):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert target.stat().st_size > 1000


def test_print_dialog_cancelled_prints_nothing(qtbot: Any, page: PrintPage) -> None:
    _choose(page, "agenda")
    with qtbot.waitSignal(page.document_built, timeout=TIMEOUT):
        page.button_preview.click()
    calls = []
    page.ask_printer = lambda printer: calls.append(printer) or False  # type: ignore[method-assign]
    with qtbot.assertNotEmitted(page.document_printed, wait=300):
        page.print_document()
    assert len(calls) == 1


def test_a_problem_is_one_sentence(
    qtbot: Any, page: PrintPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import update

    from roadshow_desk.domain.models import Event

    with page.context.database.session() as session:
        session.execute(update(Event).values(signup_url_template=""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    _choose(page, "signup-sheet")
    page.button_preview.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=TIMEOUT)
    assert "no sign-up link" in warnings[0]
    assert "\n" not in warnings[0]
    assert page.label_status.text() == warnings[0]
    assert page.button_preview.isEnabled()


def test_cancel_keeps_nothing(qtbot: Any, page: PrintPage) -> None:
    _choose(page, "brochure")
    task = page.build_preview()
    assert task is not None
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    if page._built is None:  # cancelled before the end (it may also have been quicker)
        assert page.label_status.text() == "Cancelled."
        assert not any(Path(page._temp.name).iterdir())
    assert page.button_preview.isEnabled()


def test_empty_database_disables_the_buttons(qtbot: Any, app_context: Any, english: None) -> None:
    widget = PrintPage(app_context)
    qtbot.addWidget(widget)
    widget.activate()
    assert widget.combo_event.count() == 0
    assert not widget.button_preview.isEnabled()
    assert not widget.button_print.isEnabled()


def test_safe_file_name() -> None:
    assert safe_file_name('2025 路演/对接会: "手册"?') == "2025 路演 对接会 手册"
    assert safe_file_name("...") == "document"
