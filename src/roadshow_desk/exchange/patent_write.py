"""Writing an import plan: one transaction with the batch row, patents, conflicts, index
and scores.

Called by :func:`roadshow_desk.exchange.patent_import.import_patents` (which plans and
checks everything first); split out to keep each module readable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, bindparam, insert, select, update
from sqlalchemy import Table as SATable

from roadshow_desk.domain.enums import ConflictResolution, ImportKind
from roadshow_desk.domain.models import (
    FieldConflict,
    ImportBatch,
    Institution,
    Patent,
    new_uuid,
    utcnow,
)
from roadshow_desk.domain.progress import Progress
from roadshow_desk.exchange.columns import ColumnMapping
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from roadshow_desk.exchange.patent_import import ImportResult, _Plan
    from roadshow_desk.exchange.tables import Table

CHUNK = 2000
_PATENT = cast(SATable, Patent.__table__)


def write_plan(
    database: Any,
    plan: _Plan,
    table: Table,
    mapping: ColumnMapping,
    result: ImportResult,
    station: str,
    path: Path,
    progress: Progress,
) -> None:
    from roadshow_desk.exchange.patent_import import _insert_row
    from roadshow_desk.store.scoring import rescore
    from roadshow_desk.store.search import index_patents

    progress.start(len(plan.new_rows) + len(plan.updates), translate("Import", "Writing patents…"))
    now = utcnow()
    plan.inserts = [
        _insert_row(number, record, digest, station, now, plan.institutions, plan)
        for number, record, digest in plan.new_rows
    ]
    with database.session() as session:
        batch = ImportBatch(
            kind=ImportKind.PATENTS,
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
        session.add(batch)
        session.flush()
        if plan.new_institutions:
            session.execute(
                insert(Institution),
                [
                    {"name": name, "kind": kind, "station": station, "uuid": new_uuid()}
                    for name, kind in plan.new_institutions.items()
                ],
            )
        institution_ids = dict(session.execute(select(Institution.name, Institution.id)).all())
        progress.check()
        for row in plan.inserts:
            row["institution_id"] = institution_ids.get(row.pop("_institution") or "")
            row["last_batch_id"] = batch.id
        _insert_patents(session, plan.inserts, progress)
        if plan.updates:
            _execute_updates(session, plan.updates, institution_ids, batch.id, progress)
        if plan.bookkeeping:
            statement = (
                update(_PATENT)
                .where(_PATENT.c.id == bindparam("b_id"))
                .values(
                    imported_values=bindparam("imported_values"),
                    local_edits=bindparam("local_edits"),
                )
            )
            for start in range(0, len(plan.bookkeeping), CHUNK):
                session.execute(statement, plan.bookkeeping[start : start + CHUNK])
                progress.check()
        if plan.conflicts:
            _write_conflicts(session, plan.conflicts, batch.id)
        ids = [
            patent_id
            for (patent_id,) in session.execute(
                select(Patent.id).where(Patent.last_batch_id == batch.id)
            )
        ]
        progress.set_text(translate("Import", "Updating the search index…"))
        progress.check()
        index_patents(session, ids)
        progress.check()
        rescore(session, patent_ids=ids)  # under the active rubric
        progress.check()
        result.batch_id = batch.id
        result.patent_ids = ids


def _sqlite_converter(column: Any) -> Callable[[Any], Any] | None:
    """How SQLAlchemy stores a value of ``column`` in SQLite (``None``: as it is)."""
    column_type = column.type
    if isinstance(column_type, JSON):
        return json.dumps
    if isinstance(column_type, DateTime):
        return lambda value: None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(column_type, Date):
        return lambda value: None if value is None else value.isoformat()
    if isinstance(column_type, Enum):
        return lambda value: None if value is None else value.value
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else int(value)
    return None


def _insert_patents(session: Any, rows: list[dict[str, Any]], progress: Progress) -> None:
    """Insert patents in chunks: on SQLite straight through the driver (the values converted
    exactly as SQLAlchemy stores them; three times faster at 100,000 rows), elsewhere with
    a Core ``executemany``."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            session.execute(insert(_PATENT), chunk)
            progress.step(len(chunk))
        return
    columns = [column for column in _PATENT.columns if column.name != "id"]
    names = [column.name for column in columns]
    plain = [
        (name, converter)
        for name, converter in zip(names, map(_sqlite_converter, columns), strict=True)
    ]
    sql = f"INSERT INTO {_PATENT.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        connection.exec_driver_sql(
            sql,
            [
                tuple(
                    [
                        convert(row[name]) if convert is not None else row[name]
                        for name, convert in plain
                    ]
                )
                for row in chunk
            ],
        )
        progress.step(len(chunk))


def _execute_updates(
    session: Any,
    updates: list[dict[str, Any]],
    institution_ids: dict[str, int],
    batch_id: int,
    progress: Progress,
) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in updates:
        name = values.pop("_institution", None)
        if name is not None:
            values["institution_id"] = institution_ids.get(name) if name else None
        values["last_batch_id"] = batch_id
        groups.setdefault(tuple(sorted(values)), []).append(values)
    for keys, rows in groups.items():
        statement = (
            update(_PATENT)
            .where(_PATENT.c.id == bindparam("b_id"))
            .values({key: bindparam(key) for key in keys if key != "b_id"})
        )
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            session.execute(statement, chunk)
            progress.step(len(chunk))


def _write_conflicts(
    session: Any, conflicts: list[tuple[int, str, str, str]], batch_id: int
) -> None:
    ids = sorted({item[0] for item in conflicts})
    open_rows: dict[tuple[int, str], FieldConflict] = {}
    for start in range(0, len(ids), 500):
        for conflict in session.scalars(
            select(FieldConflict).where(
                FieldConflict.record_table == "patent",
                FieldConflict.resolution == ConflictResolution.OPEN,
                FieldConflict.record_id.in_(ids[start : start + 500]),
            )
        ):
            open_rows[(conflict.record_id, conflict.field)] = conflict
    for patent_id, name, local_text, file_text in conflicts:
        conflict = open_rows.get((patent_id, name))
        if conflict is None:
            session.add(
                FieldConflict(
                    batch_id=batch_id,
                    record_table="patent",
                    record_id=patent_id,
                    field=name,
                    local_value=local_text,
                    file_value=file_text,
                )
            )
        else:  # still open from an earlier import: the newest file value counts
            conflict.batch_id = batch_id
            conflict.local_value = local_text
            conflict.file_value = file_text
    session.flush()


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
