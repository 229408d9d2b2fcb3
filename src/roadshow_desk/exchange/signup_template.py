"""The transcription workbook of a sign-up sheet (``signup-sheet OUT.pdf --template OUT.xlsx``).

    write_signup_template(database, out, event=None, session_id=None, rows=12, pages=1)

The same columns in the same order as the printed sheet (``domain.signup_form``), one row
per numbered row of the paper, ready to type into and to import with ``intentions import``:

* drop-down lists (data validation) for the seven kinds (``1 转让`` … ``7 无需求``; several
  may be typed, as ``1、3``) and for the 1–5 rating;
* on a session's workbook the session's patents are pre-filled as the patent column's
  drop-down (``3. title (application number)``, also listed on a second sheet), and the
  session's title fills the last column, so a slot number alone is read against it;
* credit codes and phones are text cells (no lost leading zeros, no scientific notation).

Headings are in the event's document language, like the sheet (the importer reads both).
The file is written beside the target and renamed, as every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roadshow_desk.domain import signup_form as form
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.safe_cells import neutralise
from roadshow_desk.exchange.tables import fmt
from roadshow_desk.exchange.writers import written_atomically
from roadshow_desk.i18n import language, translate

if TYPE_CHECKING:
    from roadshow_desk.documents.data import SessionInfo
    from roadshow_desk.store.db import Database

PATENT_SHEET = "patents"


def write_signup_template(
    database: Database,
    out: str | Path,
    *,
    event: str | int | None = None,
    session_id: int | None = None,
    rows: int = 12,
    pages: int = 1,
    lang: str | None = None,
) -> Path:
    """Write the workbook for the event's sheet (or the session's); returns the path."""
    from roadshow_desk.documents.data import load_event, load_sessions

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        message = translate("Export", "“%1” must end in .xlsx for a transcription workbook.")
        raise InputError(fmt(message, path.name))
    if not path.parent.is_dir():
        raise InputError(fmt(translate("Export", "The folder of “%1” does not exist."), str(path)))
    info = load_event(database, event)
    session = load_sessions(database, info, session_id)[0] if session_id is not None else None
    with written_atomically(path) as temporary, language(lang or info.document_language):
        _write(temporary, session, max(1, rows) * max(1, pages))
    return path


def _write(path: Path, session: SessionInfo | None, count: int) -> None:
    import xlsxwriter

    columns = form.form_columns(session is not None, workbook=True)
    keys = [column.key for column in columns]
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        sheet = workbook.add_worksheet(translate("SignupForm", "Sign-up sheet")[:31])
        heading = workbook.add_format({"bold": True, "bg_color": "#E8EEF7", "text_wrap": True})
        text = workbook.add_format({"num_format": "@"})
        widths = {
            form.ROW: 6,
            form.PATENT: 46 if session is not None else 20,
            form.ENTERPRISE: 32,
            form.CREDIT_CODE: 22,
            form.CONTACT: 10,
            form.PHONE: 16,
            form.KINDS: 16,
            form.RATING: 14,
            form.SIGNATURE: 10,
            form.SESSION: 24,
        }
        for index, column in enumerate(columns):
            sheet.write_string(0, index, column.heading, heading)
            as_text = column.key in (form.CREDIT_CODE, form.PHONE, form.PATENT)
            cell_format = text if as_text else None
            sheet.set_column(index, index, widths[column.key], cell_format)
        sheet.freeze_panes(1, 0)
        last = count  # rows 1..count (row 0 is the heading)
        for number in range(1, count + 1):
            sheet.write_number(number, keys.index(form.ROW), number)
            if session is not None:
                sheet.write_string(number, keys.index(form.SESSION), neutralise(session.title))
        kinds = form.kind_choices()
        kind_column = keys.index(form.KINDS)
        sheet.data_validation(
            1,
            kind_column,
            last,
            kind_column,
            {
                "validate": "list",
                "source": kinds,
                "error_type": "information",  # several kinds may be typed: 1、3
                "input_title": translate("SignupForm", "Intention"),
                "input_message": translate(
                    "SignupForm", "Choose one; for several ticks type their numbers, as 1、3."
                )[:255],
            },
        )
        rating_column = keys.index(form.RATING)
        sheet.data_validation(
            1,
            rating_column,
            last,
            rating_column,
            {
                "validate": "list",
                "source": ["1", "2", "3", "4", "5"],
                "error_title": translate("SignupForm", "Prospects"),
                "error_message": translate(
                    "SignupForm", "Rate the prospects from 1 to 5 (only with no demand)."
                )[:255],
            },
        )
        if session is not None and session.slots:
            choices = [
                form.slot_choice(slot.position, slot.title, slot.application_no)
                for slot in session.slots
            ]
            patents = workbook.add_worksheet(PATENT_SHEET)
            patents.write_string(0, 0, translate("SignupForm", "Patents of the session"), heading)
            patents.set_column(0, 0, 80)
            for row, choice in enumerate(choices, start=1):
                patents.write_string(row, 0, neutralise(choice))
            patent_column = keys.index(form.PATENT)
            sheet.data_validation(
                1,
                patent_column,
                last,
                patent_column,
                {
                    "validate": "list",
                    "source": f"='{PATENT_SHEET}'!$A$2:$A${len(choices) + 1}",
                    "error_type": "information",  # slot numbers typed as 1、3 are fine too
                },
            )
    finally:
        workbook.close()
