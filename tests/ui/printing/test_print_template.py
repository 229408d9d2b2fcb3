"""The print page's transcription workbook: the button writes the chosen sheet's workbook
(the session's patents in its drop-down list), off the GUI thread; the CLI writes it with
``signup-sheet OUT.pdf --template OUT.xlsx``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from roadshow_desk.domain import signup_form as form
from roadshow_desk.ui.printing.page import PrintPage

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


def test_the_button_writes_the_chosen_sheets_workbook(
    qtbot: Any,
    page: PrintPage,
    print_context: tuple[Any, dict[str, Any]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _context, expected = print_context
    page.combo_kind.setCurrentIndex(page.combo_kind.findData("brochure"))
    assert not page.button_template.isEnabled()  # a brochure has no workbook
    page.combo_kind.setCurrentIndex(page.combo_kind.findData("signup-sheet"))
    assert page.button_template.isEnabled()
    session_id = expected["session_ids"][1]
    page.combo_session.setCurrentIndex(page.combo_session.findData(session_id))
    target = tmp_path / "录入模板.xlsx"
    monkeypatch.setattr(page, "ask_template_path", lambda: target)
    page.button_template.click()
    qtbot.waitUntil(lambda: "录入模板.xlsx" in page.label_status.text(), timeout=TIMEOUT)
    workbook = load_workbook(target)
    header = [cell.value for cell in workbook.worksheets[0][1]]
    # the event's documents are Chinese by default: the workbook follows the sheet
    assert header[:3] == ["序号", "专利（场次序号）", "企业名称"]
    assert workbook.worksheets[0].cell(2, len(header)).value == "生物医药与<智能>制造专场"
    assert workbook["patents"].max_row > 1  # the session's patents, for the drop-down


def test_cli_writes_the_sheet_and_its_workbook(
    print_context: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    from roadshow_desk.cli import main

    context, _expected = print_context
    pdf, book = tmp_path / "sheet.pdf", tmp_path / "sheet.xlsx"
    url = str(context.database.url)
    assert (
        main(["--db", url, "--lang", "en", "signup-sheet", str(pdf), "--template", str(book)]) == 0
    )
    assert pdf.exists()
    header = [cell.value for cell in load_workbook(book).worksheets[0][1]]
    assert header == [column.heading for column in form.form_columns(False, workbook=True)]
    assert "Patent no. / booth no." in header
