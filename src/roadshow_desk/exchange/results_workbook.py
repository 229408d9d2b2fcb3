"""The event report as a workbook: one sheet per table of the results, then the raw
intentions with the activation system's columns, ready for pivot tables.

Numbers are written as numbers, dates as dates; text is written as text cells (never a
formula, so an enterprise called ``=HYPERLINK(…)`` stays text; see
:mod:`~roadshow_desk.exchange.safe_cells`). Contact persons and phone numbers are left out of
the raw intentions unless ``contacts`` is asked for; the first sheet says which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadshow_desk.domain.models import Event
from roadshow_desk.domain.results import Results
from roadshow_desk.domain.results_tables import (
    ResultTable,
    plain_number,
    privacy_note,
    result_tables,
    scope_text,
)
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.export_times import export_zone
from roadshow_desk.exchange.fairday_export import intention_header, intention_rows
from roadshow_desk.exchange.safe_cells import xlsx_text
from roadshow_desk.exchange.tables import fmt
from roadshow_desk.exchange.writers import write_xlsx_cell, written_atomically
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Columns of the raw intentions left out unless contacts are asked for.
CONTACT_COLUMNS = ("联系人", "联系电话")
EVENT_COLUMN = "对接活动"


def raw_intentions(session: Session, results: Results, *, contacts: bool = False) -> ResultTable:
    """Every intention of the scope, one row each, with the export's columns."""
    header: list[str] = []
    rows: list[list[Any]] = []
    for event_id, name in zip(results.scope.event_ids, results.scope.names, strict=True):
        zone = export_zone(session.get(Event, event_id))
        full = intention_header(zone)
        keep = [i for i, column in enumerate(full) if contacts or column not in CONTACT_COLUMNS]
        header = [EVENT_COLUMN] + [full[i] for i in keep]
        for row in intention_rows(session, event_id, zone=zone):
            rows.append([name] + [row[i] for i in keep])
    if not header:
        header = [EVENT_COLUMN]
    title = translate("Results", "Intentions")
    return ResultTable("intentions", title, title, header, rows)


def _sheet_name(text: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", text).strip("' ")[:31] or "Sheet"
    base, number = name, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def write_results_workbook(
    session: Session, results: Results, path: str | Path, *, contacts: bool = False
) -> Path:
    """Write the report workbook to ``path`` (``.xlsx``), atomically; returns the path."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError(fmt(translate("Results", "“%1” must end in .xlsx or .pdf."), path.name))
    if not path.parent.is_dir():
        raise InputError(fmt(translate("Export", "The folder of “%1” does not exist."), str(path)))
    tables = [*result_tables(session, results, contacts=contacts)]
    tables.append(raw_intentions(session, results, contacts=contacts))
    with written_atomically(path) as temporary:
        _write(temporary, results, tables, contacts)
    return path


def _write(path: Path, results: Results, tables: Sequence[ResultTable], contacts: bool) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        bold = workbook.add_format({"bold": True, "bg_color": "#E8EEF7"})
        title = workbook.add_format({"bold": True, "font_size": 13})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        time_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        money = workbook.add_format({"num_format": "#,##0.00"})
        used: set[str] = set()
        for number, table in enumerate(tables):
            sheet = workbook.add_worksheet(_sheet_name(table.short, used))
            top = 0
            if number == 0:  # the first sheet says what the figures cover, and the privacy
                sheet.write_string(0, 0, xlsx_text(table.title), title)
                sheet.write_string(1, 0, xlsx_text(scope_text(results)))
                sheet.write_string(2, 0, xlsx_text(privacy_note(contacts)))
                top = 4
            elif table.note:  # what the table counts, above its header
                sheet.write_string(0, 0, xlsx_text(table.note))
                top = 2
            for column, name in enumerate(table.header):
                sheet.write_string(top, column, xlsx_text(str(name)), bold)
                sheet.set_column(column, column, min(45.0, max(10.0, len(str(name)) * 2.2)))
            sheet.freeze_panes(top + 1, 0)
            for row_number, row in enumerate(table.rows, start=top + 1):
                for column, raw in enumerate(row):
                    value = plain_number(raw)
                    if value is None or value == "":
                        continue
                    if isinstance(value, bool):
                        sheet.write_boolean(row_number, column, value)
                    else:
                        amount = isinstance(raw, float) or hasattr(raw, "quantize")
                        formats = (money if amount else None, None, date_format, time_format)
                        write_xlsx_cell(sheet, row_number, column, value, *formats)
    finally:
        workbook.close()
