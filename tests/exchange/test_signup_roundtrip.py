"""One paper form, two directions: print the sign-up sheet, write its transcription workbook,
fill the workbook as a transcriber does from the filled sheets, import it, find every row --
for the event's sheet and for a session's sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain import signup_form as form
from roadshow_desk.domain.agenda import build_from_shortlist
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.exchange.intention_import import import_intentions
from roadshow_desk.exchange.signup_template import write_signup_template

pytest.importorskip("pypdf")


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest) -> Any:
    """The translations installed as on an English or a Chinese system (the event's documents
    are Chinese either way: the headings the test expects follow the installed language)."""
    from roadshow_desk import i18n
    from roadshow_desk.ui.translations import install_translation_hook

    install_translation_hook(request.param)
    with i18n.language(request.param):
        yield request.param
    i18n.install_hook(None)


@pytest.fixture
def fair(db: Any, lang: str) -> Any:
    day = make_fair_day(db)
    with db.session() as session:
        roadshow = build_from_shortlist(session, day.event_id, "新能源专场")
        day.session_id = roadshow.id
    return day


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _sheet(db: Any, tmp_path: Path, session_id: int | None) -> tuple[str, Any]:
    """Print the sheet and write its workbook; the PDF's text and the workbook."""
    from roadshow_desk.documents.render import PrintOptions, render_document

    pdf = tmp_path / "sheet.pdf"
    from roadshow_desk import i18n

    lang = "en" if i18n.translate("SignupForm", "Signature") == "Signature" else "zh_CN"
    render_document("signup-sheet", db, pdf, PrintOptions(session_id=session_id, language=lang))
    book = tmp_path / "sheet.xlsx"
    write_signup_template(db, book, session_id=session_id, rows=12, lang=lang)
    return _pdf_text(pdf), load_workbook(book)


def _check_same_columns(text: str, workbook: Any, session_variant: bool) -> Any:
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    paper = [column.heading for column in form.form_columns(session_variant)]
    assert header[: len(paper)] == paper  # the same columns in the same order
    squashed = text.replace("\n", "").replace(" ", "")
    positions = [squashed.find(heading.replace(" ", "")) for heading in paper]
    assert all(p >= 0 for p in positions), (paper, squashed[:400])
    assert positions == sorted(positions)  # printed left to right in that order
    rules = {str(dv.sqref).split(":")[0][:1]: dv for dv in sheet.data_validations.dataValidation}
    kinds = rules[chr(ord("A") + header.index(form.form_columns(True)[6].heading))]
    assert kinds.type == "list" and form.kind_choices()[0] in kinds.formula1
    rating = rules[chr(ord("A") + header.index(paper[7]))]
    assert rating.formula1 == '"1,2,3,4,5"'
    assert [sheet.cell(row, 1).value for row in range(2, 14)] == list(range(1, 13))
    return sheet


def _firms(db: Any) -> list[Enterprise]:
    with db.session() as session:
        return list(session.scalars(select(Enterprise).order_by(Enterprise.id)))


def _intentions(db: Any) -> set[tuple[str, str, IntentionKind, int | None]]:
    with db.session() as session:
        return {
            (firm.name, patent.application_no, intention.kind, intention.prospect_rating)
            for intention, firm, patent in session.execute(
                select(Intention, Enterprise, Patent)
                .join(Enterprise, Intention.enterprise_id == Enterprise.id)
                .join(Patent, Intention.patent_id == Patent.id)
            )
        }


def _numbers(db: Any) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Patent.application_no).order_by(Patent.id)))


def test_event_sheet_print_fill_import(db: Any, fair: Any, tmp_path: Path) -> None:
    text, workbook = _sheet(db, tmp_path, None)
    sheet = _check_same_columns(text, workbook, session_variant=False)
    firms, numbers = _firms(db), _numbers(db)
    # what the transcriber types from three filled paper rows
    rows = [
        # patent: booth 2; a firm known by its credit code only; one tick
        ["2", "", firms[0].credit_code, "刘经理", "13900001111", form.kind_choices()[0], None],
        # patent: the application number; the firm by name; two ticks typed as numbers
        [numbers[3], firms[1].name, "", "", "", "2、4", None],
        # no demand with its rating
        ["1", firms[2].name, firms[2].credit_code, "", "", form.kind_choices()[6], 4],
    ]
    for offset, values in enumerate(rows):
        for column, value in zip((2, 3, 4, 5, 6, 7, 8), values, strict=True):
            if value not in (None, ""):
                sheet.cell(2 + offset, column, value)
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    result = import_intentions(db, path)
    assert (result.inserted, result.rejected) == (4, 0), [r.reason for r in result.rejects]
    assert _intentions(db) == {
        (firms[0].name, numbers[1], IntentionKind.TRANSFER, None),
        (firms[1].name, numbers[3], IntentionKind.LICENCE, None),
        (firms[1].name, numbers[3], IntentionKind.INVESTMENT, None),
        (firms[2].name, numbers[0], IntentionKind.NO_DEMAND, 4),
    }
    again = import_intentions(db, path)  # typed twice: nothing new
    assert (again.inserted, again.unchanged) == (0, 4)


def test_session_sheet_print_fill_import(db: Any, fair: Any, tmp_path: Path) -> None:
    text, workbook = _sheet(db, tmp_path, fair.session_id)
    sheet = _check_same_columns(text, workbook, session_variant=True)
    numbers = _numbers(db)
    assert "新能源专场" in text
    for number in numbers:  # the legend pre-prints every slot's patent
        assert number in text.replace("\n", "")
    # the session's patents are pre-filled: the drop-down list and its sheet
    patents = workbook["patents"]
    choices = [patents.cell(row, 1).value for row in range(2, 2 + len(numbers))]
    assert choices[0].startswith("1. ") and numbers[0] in choices[0]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == form.form_columns(True, workbook=True)[-1].heading
    assert sheet.cell(2, len(header)).value == "新能源专场"
    firms = _firms(db)
    sheet.cell(2, 2, choices[2])  # picked from the drop-down
    sheet.cell(2, 3, firms[3].name)
    sheet.cell(2, 7, form.kind_choices()[5])
    sheet.cell(3, 2, "1、4")  # two ticked slot boxes
    sheet.cell(3, 4, firms[0].credit_code)
    sheet.cell(3, 7, "3")
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    result = import_intentions(db, path)
    assert (result.inserted, result.rejected) == (3, 0), [r.reason for r in result.rejects]
    assert _intentions(db) == {
        (firms[3].name, numbers[2], IntentionKind.RESEARCH_COOPERATION, None),
        (firms[0].name, numbers[0], IntentionKind.OPEN_LICENCE, None),
        (firms[0].name, numbers[3], IntentionKind.OPEN_LICENCE, None),
    }


def test_a_row_that_cannot_be_read_goes_to_the_rejects(db: Any, fair: Any, tmp_path: Path) -> None:
    _text, workbook = _sheet(db, tmp_path, fair.session_id)
    sheet = workbook.worksheets[0]
    firms = _firms(db)
    sheet.cell(2, 2, "9")  # the session has four slots
    sheet.cell(2, 3, firms[0].name)
    sheet.cell(2, 7, "1")
    sheet.cell(3, 2, "2")
    sheet.cell(3, 3, "没登记的公司")
    sheet.cell(3, 7, "1")
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    result = import_intentions(db, path)
    assert (result.inserted, result.rejected) == (0, 2)
    reasons = [reject.reason for reject in result.rejects]
    assert "9" in reasons[0] and ("no slot 9" in reasons[0] or "没有第 9 号" in reasons[0])
    assert "没登记的公司" in reasons[1]
