"""Importing patent files, and re-importing them as a sync.

    result = import_patents(database, path, dry_run=False, rejects_path=None,
                            progress=progress, station="desk-1")
    result.inserted, result.updated, result.unchanged, result.rejected, result.conflicts

Steps: read the table (:mod:`.tables`), map its columns (:mod:`.columns`, the field spec in
:mod:`.patent_fields`), check every row (rejected rows and their reasons go to a rejects
report), compare with the library, then write everything in ONE transaction with an
:class:`~roadshow_desk.domain.models.ImportBatch` row, after a backup of the database file.
``dry_run`` does all but the writing. A :class:`~roadshow_desk.domain.progress.Cancelled`
raised by ``progress`` rolls the transaction back. A file that cannot be used raises
:class:`~roadshow_desk.errors.InputError` before anything is written.

Sync rules (see :mod:`roadshow_desk.domain.edits` for the agreement with local edits):

* rows are matched by the normalised application number; a number repeated in the file is
  rejected after its first row ("nothing lost": the repeat is in the report);
* ``inserted + updated + unchanged + rejected`` is the number of data rows; ``conflicts``
  counts fields edited locally that the file wants to change (open for review);
* an unchanged row is recognised by a fingerprint of its cells stored at the last import
  and is not written at all; a row whose fingerprint differs is compared field by field and
  only changed rows are written (one ``executemany`` per chunk);
* only the fields the file maps are compared: a file without an abstract column leaves the
  abstracts alone;
* a file with nothing to change writes nothing (no batch row, no backup);
* tombstoned (deleted) patents are updated like others but stay deleted;
* the institution is derived from the applicants (or, without them, the current owners:
  the first one that looks like a university, institute or hospital) and created when new;
  it follows them when an update changes them.

The steps live in three modules: this one reads and maps the file, :mod:`.patent_plan`
checks and compares the rows (nothing written), :mod:`.patent_write` writes the plan;
:mod:`.import_core` holds what the three importers share (:class:`ImportResult`).

The scores (:func:`roadshow_desk.store.scoring.rescore`) are updated for inserted and
updated patents inside the same transaction, and the same patents are queued for the search
index, which catches up afterwards (searches stay exact meanwhile: see
:mod:`roadshow_desk.store.search`).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from roadshow_desk.bulk import gc_paused
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.exchange.columns import ColumnMapping
from roadshow_desk.exchange.import_core import (
    ImportResult,
    back_up_before,
    detected_mapping,
    read_and_map,
    write_rejects_report,
)
from roadshow_desk.exchange.patent_fields import PATENT_SPEC
from roadshow_desk.exchange.patent_plan import plan_patents
from roadshow_desk.exchange.patent_write import write_plan
from roadshow_desk.exchange.tables import Table, read_table
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.store.db import Database


def read_patent_table(
    path: str | Path, *, sheet: str | None = None, progress: Progress = NO_PROGRESS
) -> Table:
    """Read a patent file, choosing the header row and sheet that fit patents best."""
    with gc_paused():
        return read_table(
            path, header_score=PATENT_SPEC.header_score, sheet=sheet, progress=progress
        )


def patent_mapping(database: Database, table: Table) -> ColumnMapping:
    """The mapping detected for ``table`` (the user's saved presets first)."""
    return detected_mapping(database, table, PATENT_SPEC)


def import_patents(
    database: Database,
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    sheet: str | None = None,
    table: Table | None = None,
    dry_run: bool = False,
    rejects_path: str | Path | None = None,
    station: str = "",
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Import (or re-import) the patents in ``path`` into ``database`` (see the module)."""
    from roadshow_desk.store.postgres import unreachable

    with (
        gc_paused(),
        unreachable(
            translate(
                "Import",
                "The database cannot be reached, so nothing was imported; import the file again "
                "when the connection is back.",
            )
        ),
    ):
        return _import_patents(
            database,
            Path(path),
            mapping=mapping,
            sheet=sheet,
            table=table,
            dry_run=dry_run,
            rejects_path=rejects_path,
            station=station,
            progress=progress,
        )


def _import_patents(
    database: Database,
    path: Path,
    *,
    mapping: ColumnMapping | None,
    sheet: str | None,
    table: Table | None,
    dry_run: bool,
    rejects_path: str | Path | None,
    station: str,
    progress: Progress,
) -> ImportResult:
    started = time.perf_counter()
    path = Path(path)
    read = partial(read_patent_table, sheet=sheet, progress=progress)
    table, mapping = read_and_map(database, path, PATENT_SPEC, read, table, mapping)
    result = ImportResult(
        file=path,
        dry_run=dry_run,
        preset=mapping.preset,
        encoding=table.encoding,
        sheet=table.sheet,
    )
    progress.start(len(table.rows), translate("Import", "Checking rows…"))
    with database.session() as session:
        plan = plan_patents(session, table, mapping, result, station, progress)
    result.unchanged = plan.unchanged
    result.inserted = len(plan.new_rows)
    result.updated = plan.updated
    result.conflicts = len(plan.conflicts)
    result.rejected = len(result.rejects)
    # The report first: when it cannot be written (open in Excel), nothing is imported, so
    # no rejected row is ever lost.
    write_rejects_report(result, table, rejects_path)
    progress.check()
    if not dry_run and plan.writes:
        back_up_before(database, result, "before-import")
        write_plan(database, plan, table, mapping, result, station, path, progress)
    result.seconds = time.perf_counter() - started
    return result
