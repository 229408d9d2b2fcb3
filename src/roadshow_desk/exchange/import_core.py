"""What the three importers (patents, enterprises, intentions) share.

    table, mapping = read_and_map(database, path, SPEC, read_x_table, table, mapping)
    result = ImportResult(file=path, ...)
    ...
    session.add(import_batch(ImportKind.X, path, mapping, station, result))
    finish(result, table, rejects_path, started)

* :class:`ImportResult`: what an import did (or, with ``dry_run``, would do);
* :func:`detected_mapping`: the column mapping of a table, the user's saved presets first;
* :func:`read_and_map`: read the file unless the caller already did, map it unless the
  caller chose a mapping, and check that the required columns and some rows are there;
* :func:`parse_credit_code`: the cell parser of a unified social credit code;
* :func:`import_batch`: the :class:`~roadshow_desk.domain.models.ImportBatch` row of an
  import that writes, and :func:`add_batch`, which adds it to the session;
* :func:`back_up_before`: the backup an import that writes takes first;
* :func:`write_rejects_report` and :func:`finish`: the rejects report, and the time taken.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from roadshow_desk.domain.enterprises import credit_code_message
from roadshow_desk.domain.enums import ImportKind
from roadshow_desk.domain.identifiers import InvalidCreditCode, normalize_credit_code
from roadshow_desk.domain.models import ImportBatch
from roadshow_desk.errors import InputError
from roadshow_desk.exchange.columns import (
    ColumnMapping,
    FieldSpec,
    detect_mapping,
    load_user_presets,
    require_columns,
)
from roadshow_desk.exchange.normalize import CellProblem, clean_code
from roadshow_desk.exchange.rejects import Reject, write_rejects
from roadshow_desk.exchange.tables import Table, fmt
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from roadshow_desk.store.db import Database


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    file: Path
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    conflicts: int = 0
    merged: int = 0  # rows merged into another row's patent (later publications)
    dry_run: bool = False
    batch_id: int | None = None
    preset: str = ""
    encoding: str | None = None
    sheet: str | None = None
    rejects: list[Reject] = field(default_factory=list)
    rejects_path: Path | None = None
    backup_path: Path | None = None
    patent_ids: list[int] = field(default_factory=list)  # inserted and updated
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        """The figures of the CLI's ``--json`` output."""
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "merged": self.merged,
        }


def detected_mapping(database: Database, table: Table, spec: FieldSpec) -> ColumnMapping:
    """The mapping detected for ``table`` (the user's saved presets of ``spec`` first)."""
    with database.session() as session:
        presets = load_user_presets(session, spec.kind)
    return detect_mapping(table.header, spec, presets)


def read_and_map(
    database: Database,
    path: Path,
    spec: FieldSpec,
    read: Callable[[Path], Table],
    table: Table | None = None,
    mapping: ColumnMapping | None = None,
    *,
    check: Callable[[ColumnMapping, Path], None] | None = None,
) -> tuple[Table, ColumnMapping]:
    """``table`` (else ``read(path)``) and ``mapping`` (else the detected one), once the
    key and the required fields have a column, ``check`` (an importer's own demands on the
    mapping) passed and the table has rows; else :class:`InputError` with one sentence."""
    if table is None:
        table = read(path)
    if mapping is None:
        mapping = detected_mapping(database, table, spec)
    require_columns(mapping, spec, table)
    if check is not None:
        check(mapping, path)
    _require_rows(table, path)
    return table, mapping


def _require_rows(table: Table, path: Path) -> None:
    """Raise :class:`InputError` when ``table`` has a header but no rows."""
    if not table.rows:
        raise InputError(
            fmt(
                translate("Import", "“%1” has a header but no rows; nothing was imported."),
                path.name,
            )
        )


def parse_credit_code(value: Any) -> str:
    """A unified social credit code cell: ``""`` when empty, else the normalised code (a
    wrong one is a :class:`CellProblem` saying what is wrong with it)."""
    text = clean_code(value)
    if not text:
        return ""
    try:
        return normalize_credit_code(text)
    except InvalidCreditCode as error:
        raise CellProblem(credit_code_message(error)) from None


def _file_hash(path: Path) -> str:
    """The SHA-256 of the file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_batch(
    kind: ImportKind, path: Path, mapping: ColumnMapping, station: str, result: ImportResult
) -> ImportBatch:
    """The batch row of an import that writes: the file, its preset and the figures."""
    return ImportBatch(
        kind=kind,
        file_name=str(path),
        file_hash=_file_hash(path),
        preset=mapping.preset,
        station=station,
        inserted=result.inserted,
        updated=result.updated,
        unchanged=result.unchanged,
        rejected=result.rejected,
        conflicts=result.conflicts,
    )


def add_batch(
    session: Session,
    kind: ImportKind,
    path: Path,
    mapping: ColumnMapping,
    station: str,
    result: ImportResult,
) -> ImportBatch:
    """Add the batch row of an import that writes to ``session`` and flush it, so that it
    has its id (also set as ``result.batch_id``)."""
    batch = import_batch(kind, path, mapping, station, result)
    session.add(batch)
    session.flush()
    result.batch_id = batch.id
    return batch


def back_up_before(database: Database, result: ImportResult, label: str) -> None:
    """Back the database up before an import writes (``result.backup_path``: the copy)."""
    from roadshow_desk.store.db import backup_database

    result.backup_path = backup_database(database.url, label)


def write_rejects_report(
    result: ImportResult, table: Table, rejects_path: str | Path | None
) -> None:
    """Write the rejected rows with their reasons to ``rejects_path`` (when given and there
    are any)."""
    if rejects_path is not None and result.rejects:
        result.rejects_path = write_rejects(rejects_path, table, result.rejects)


_Result = TypeVar("_Result", bound=ImportResult)


def finish(
    result: _Result, table: Table, rejects_path: str | Path | None, started: float
) -> _Result:
    """The rejects report written and the time taken since ``started`` (``perf_counter``)."""
    write_rejects_report(result, table, rejects_path)
    result.seconds = time.perf_counter() - started
    return result
