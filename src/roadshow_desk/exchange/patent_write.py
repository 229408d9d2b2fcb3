"""Writing an import plan: one transaction with the batch row, patents, conflicts and
scores; the written patents are queued for the search index (which catches up afterwards,
see :mod:`roadshow_desk.store.search_index`).

Called by :func:`roadshow_desk.exchange.patent_import.import_patents` with the plan of
:func:`roadshow_desk.exchange.patent_plan.plan_patents` (every row checked first).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, bindparam, insert, select, update
from sqlalchemy import Table as SATable

from roadshow_desk.domain.enums import ConflictResolution, ImportKind
from roadshow_desk.domain.models import (
    FieldConflict,
    Institution,
    Patent,
    new_uuid,
    new_uuids,
    utcnow,
)
from roadshow_desk.domain.progress import Progress
from roadshow_desk.exchange.columns import ColumnMapping
from roadshow_desk.exchange.import_core import ImportResult, add_batch
from roadshow_desk.exchange.patent_plan import PatentPlan, insert_row
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from roadshow_desk.exchange.tables import Table
    from roadshow_desk.store.db import Database

CHUNK = 2000
_PATENT = cast(SATable, Patent.__table__)


def write_plan(
    database: Database,
    plan: PatentPlan,
    table: Table,
    mapping: ColumnMapping,
    result: ImportResult,
    station: str,
    path: Path,
    progress: Progress,
) -> None:
    from roadshow_desk.store.scoring import rescore
    from roadshow_desk.store.search_index import queue_patents

    progress.start(len(plan.new_rows) + len(plan.updates), translate("Import", "Writing patents…"))
    now = utcnow()
    plan.inserts = [
        insert_row(number, record, digest, station, now, plan.institutions, plan, uuid)
        for (number, record, digest), uuid in zip(
            plan.new_rows, new_uuids(len(plan.new_rows)), strict=True
        )
    ]
    with database.session() as session, _larger_cache(session.connection(), len(plan.inserts)):
        batch = add_batch(session, ImportKind.PATENTS, path, mapping, station, result)
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
        if plan.bookkeeping and session.connection().dialect.name == "postgresql":
            from roadshow_desk.store.pg_bulk import update_patents

            update_patents(session.connection(), _PATENT, plan.bookkeeping)
        elif plan.bookkeeping:
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
        queue_patents(session, ids)  # for the search index (inserted ones were not queued)
        progress.check()
        rescore(session, patent_ids=ids)  # under the active rubric
        progress.check()
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


def _insert_patents(session: Session, rows: list[dict[str, Any]], progress: Progress) -> None:
    """Insert patents in chunks: on SQLite straight through the driver (the values converted
    exactly as SQLAlchemy stores them; three times faster at 100,000 rows), on PostgreSQL
    with ``COPY`` and their search tokens cut in Python (:mod:`roadshow_desk.store.pg_bulk`),
    elsewhere with a Core ``executemany``.

    On SQLite the search queue's insert trigger is suspended meanwhile (run once a row, it
    cost more than the insert itself): the caller queues the new patents at once.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        from roadshow_desk.store.pg_bulk import copy_patents

        copy_patents(connection, _PATENT, rows, progress.step)
        return
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            session.execute(insert(_PATENT), chunk)
            progress.step(len(chunk))
        return
    from roadshow_desk.store.search_index import insert_trigger_suspended, raw_cursor

    columns = [column for column in _PATENT.columns if column.name != "id"]
    names = [column.name for column in columns]
    converted = [
        (name, converter)
        for name, converter, column in zip(
            names, map(_sqlite_converter, columns), columns, strict=True
        )
        if converter is not None and not isinstance(column.type, Enum)
    ]  # enums are StrEnums: the driver stores their value as it is
    values_of = itemgetter(*names)
    sql = f"INSERT INTO {_PATENT.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    cursor = raw_cursor(connection)
    try:
        with insert_trigger_suspended(connection), _indexes_set_aside(connection, len(rows)):
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start : start + CHUNK]
                for name, convert in converted:
                    last_in: Any = _MISSING
                    last_out: Any = None
                    for row in chunk:
                        value = row[name]
                        if value is not last_in:  # many rows share one value (now, {})
                            last_in, last_out = value, convert(value)
                        row[name] = last_out
                cursor.executemany(sql, [values_of(row) for row in chunk])
                progress.step(len(chunk))
    finally:
        cursor.close()


_MISSING = object()
#: Page cache (KiB) for inserting many patents: the new rows and index pages stay in memory
#: until the commit instead of spilling (measured: 20 % off the insert at 100,000 patents).
_BULK_CACHE_KIB = 256 * 1024


@contextmanager
def _larger_cache(connection: Connection, inserting: int) -> Iterator[None]:
    """A larger page cache for this (SQLite) connection while inserting many patents."""
    if inserting < _SET_ASIDE_FROM or connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


#: Inserting at least this many patents, and at least as many as there are, drops the
#: secondary indexes first and builds them again afterwards (sorting once beats 100,000
#: random index insertions: measured 0.6 s of 3 s at 100,000 patents).
_SET_ASIDE_FROM = 10_000


@contextmanager
def _indexes_set_aside(connection: Connection, inserting: int) -> Iterator[None]:
    """Drop ``patent``'s secondary (non-unique) indexes for a bulk insert, then rebuild them.

    Inside the caller's transaction: an error rolls the drop back with everything else.
    Unique constraints stay, so a duplicate still fails at once.
    """
    existing = int(connection.exec_driver_sql("SELECT count(*) FROM patent").scalar_one())
    if inserting < _SET_ASIDE_FROM or inserting < existing:
        yield
        return
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'patent' "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
    ).fetchall()
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


def _execute_updates(
    session: Session,
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
    if session.connection().dialect.name == "postgresql":  # COPY + UPDATE ... FROM
        from roadshow_desk.store.pg_bulk import update_patents

        for rows in groups.values():
            update_patents(session.connection(), _PATENT, rows, progress.step)
        return
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
    session: Session, conflicts: list[tuple[int, str, str, str]], batch_id: int
) -> None:
    ids = sorted({item[0] for item in conflicts})
    open_rows: dict[tuple[int, str], FieldConflict] = {}
    for start in range(0, len(ids), 500):
        for stored in session.scalars(
            select(FieldConflict).where(
                FieldConflict.record_table == "patent",
                FieldConflict.resolution == ConflictResolution.OPEN,
                FieldConflict.record_id.in_(ids[start : start + 500]),
            )
        ):
            open_rows[(stored.record_id, stored.field)] = stored
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
