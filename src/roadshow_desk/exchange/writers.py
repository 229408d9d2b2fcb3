"""Writing a table to ``.xlsx`` (xlsxwriter) or ``.csv`` (UTF-8 with BOM), safely.

Generic: exports and rejects reports both use :func:`write_table`::

    write_table(path, header, rows, widths={"摘要": 60})

* the format follows the suffix (``.xlsx``; ``.csv``/``.txt`` as CSV; anything else is an
  :class:`~roadshow_desk.errors.InputError`);
* in CSV every text cell goes through :func:`~roadshow_desk.exchange.safe_cells.neutralise`
  (a quote before ``=``, ``+``, ``-``, ``@``); in ``.xlsx`` text is written as a text cell
  (never as a formula, URL or number), which needs no quote
  (:func:`~roadshow_desk.exchange.safe_cells.xlsx_text`); ``int``/``float`` as numbers,
  ``date``/``datetime`` as dates (``yyyy-mm-dd``), ``bool`` as ``是``/``否``, ``None`` empty;
* CSV is UTF-8 with a BOM and CRLF line ends, so Excel on a Chinese Windows opens it right;
* the file is written to a temporary name beside the target and renamed, so a failure never
  leaves half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from roadshow_desk.errors import InputError
from roadshow_desk.exchange.safe_cells import neutralise, xlsx_text
from roadshow_desk.exchange.tables import fmt
from roadshow_desk.i18n import translate

#: The most characters one Excel cell holds.
EXCEL_CELL_LIMIT = 32767
TABLE_SUFFIXES = (".xlsx", ".csv", ".txt")


def table_format(path: Path) -> str:
    """``"xlsx"`` or ``"csv"`` for an output path; :class:`InputError` for other suffixes."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise InputError(
        fmt(
            translate("Export", "“%1” must end in .xlsx or .csv to say which format to write."),
            path.name,
        )
    )


def csv_cell(value: Any) -> str:
    """A value as a CSV cell's text (neutralised)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return str(neutralise(str(value)))


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` for the block to write; it replaces ``path`` when the
    block ends without error and is removed otherwise, so ``path`` is never half written. A
    file that cannot be replaced (open in a spreadsheet program) is one sentence."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield temporary
        os.replace(temporary, path)
    except PermissionError:
        temporary.unlink(missing_ok=True)
        raise InputError(
            fmt(
                translate(
                    "Export",
                    "“%1” cannot be written; it may be open in another program.",
                ),
                path.name,
            )
        ) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_table(
    path: str | Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_name: str = "Sheet1",
    widths: Mapping[str, float] | None = None,
    highlight_last: bool = False,
) -> Path:
    """Write ``header`` and ``rows`` to ``path`` (see the module notes); returns the path."""
    path = Path(path)
    kind = table_format(path)
    if not path.parent.is_dir():
        raise InputError(fmt(translate("Export", "The folder of “%1” does not exist."), str(path)))
    with written_atomically(path) as temporary:
        if kind == "csv":
            _write_csv(temporary, header, rows)
        else:
            _write_xlsx(temporary, header, rows, sheet_name, widths or {}, highlight_last)
    return path


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([csv_cell(name) for name in header])
        for row in rows:
            writer.writerow([csv_cell(value) for value in row])


def write_xlsx_cell(
    sheet: Any,
    row: int,
    column: int,
    value: Any,
    number_style: Any,
    text_style: Any,
    date_format: Any,
    time_format: Any,
) -> None:
    """Write one cell (not a bool) by its type: a finite number as a number, a date or a time
    as one, anything else as neutralised text clipped to what a cell holds."""
    if isinstance(value, (int, float)) and math.isfinite(value):
        sheet.write_number(row, column, value, number_style)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, column, value, time_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, column, dt.datetime.combine(value, dt.time()), date_format)
    else:
        sheet.write_string(row, column, xlsx_text(str(value))[:EXCEL_CELL_LIMIT], text_style)


def _write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_name: str,
    widths: Mapping[str, float],
    highlight_last: bool,
) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    try:
        sheet = workbook.add_worksheet(sheet_name[:31])
        bold = workbook.add_format({"bold": True, "bg_color": "#E8EEF7"})
        warn = workbook.add_format({"bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        warn_cell = workbook.add_format({"font_color": "#9C0006", "text_wrap": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        time_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        last = len(header) - 1
        for column, name in enumerate(header):
            style = warn if highlight_last and column == last else bold
            sheet.write_string(0, column, xlsx_text(str(name)), style)
            width = widths.get(str(name))
            if width is None:
                width = min(40.0, max(10.0, len(str(name)) * 2.2))
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                style = warn_cell if highlight_last and column == last else None
                if isinstance(value, bool):
                    sheet.write_string(number, column, "是" if value else "否", style)
                else:
                    formats = (style, style, date_format, time_format)
                    write_xlsx_cell(sheet, number, column, value, *formats)
    finally:
        workbook.close()
