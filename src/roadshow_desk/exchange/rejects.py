"""Rows that could not be imported, and the report a user corrects and imports again.

Generic (every importer uses it)::

    from roadshow_desk.exchange.rejects import Reject, write_rejects

    rejects.append(Reject.of(table, index, reason))        # reason: one translated sentence
    write_rejects(out_path, table, rejects)                  # .xlsx (or .csv)

The report has the file's own header and the rejected rows' original cells (so after
correcting them the user imports the report itself; the extra columns are ignored), then two
columns in the user's language: the row number in the original file and the reason. Text
cells are neutralised against formula injection (and read back unchanged).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadshow_desk.exchange.tables import Table
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.i18n import translate


@dataclass
class Reject:
    """One row that was not imported, with its original cells and the reason."""

    row_number: int
    cells: list[Any]
    reason: str

    @classmethod
    def of(cls, table: Table, index: int, reason: str) -> Reject:
        """The reject of ``table.rows[index]``."""
        return cls(table.row_numbers[index], list(table.rows[index]), reason)


def default_rejects_path(source: str | Path) -> Path:
    """Where the window writes the rejects report of ``source``: beside it
    (``name-rejects.xlsx``), or in the data folder's ``rejects/`` when that folder is
    read-only."""
    import os

    source = Path(source)
    name = f"{source.stem}-rejects.xlsx"
    if os.access(source.parent, os.W_OK):
        return source.with_name(name)
    from roadshow_desk.store.db import data_dir

    folder = data_dir() / "rejects"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def rejects_header(table_header: Sequence[str]) -> list[str]:
    """The report's header: the file's columns, then row number and reason (translated)."""
    return [
        *table_header,
        translate("Import", "Row in the original file"),
        translate("Import", "Why it was not imported"),
    ]


def write_rejects(path: str | Path, table: Table, rejects: Sequence[Reject]) -> Path:
    """Write the rejects report (``.xlsx`` or ``.csv`` by suffix); returns its path."""
    header = rejects_header(table.original_header or table.header)
    width = len(header) - 2
    rows = (
        [*(list(reject.cells) + [""] * width)[:width], reject.row_number, reject.reason]
        for reject in sorted(rejects, key=lambda item: item.row_number)
    )
    widths = {header[-1]: 60.0, header[-2]: 12.0}
    return write_table(
        path,
        header,
        rows,
        sheet_name=translate("Import", "Rejected rows"),
        widths=widths,
        highlight_last=True,
    )
