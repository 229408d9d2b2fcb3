"""Bulk writes on PostgreSQL: ``COPY`` instead of row-by-row statements.

:func:`copy_patents` is the importer's insert of new patents: their ids are taken from the
table's sequence in one statement and the rows go in with ``COPY``. The search index's
trigger (tokens cut in SQL, about 2 ms a patent, then a GIN insertion per token) is off
meanwhile: the new patents are queued instead (:mod:`roadshow_desk.store.search_pg`), found
by a scan of their columns until the search indexer catches up, as on SQLite. Everything
runs in the caller's transaction: a failure rolls back the rows and the queue alike.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import JSON, Column, Connection, Enum

from roadshow_desk.store import search_index, search_pg

#: Up to this many new patents are indexed by the import itself (tokens cut in Python, one
#: ``COPY``); more are queued for the search indexer, as on SQLite.
INDEX_AT_ONCE = 2000


def _converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How a value of ``column`` goes into COPY (``None``: as it is). Enum members go by
    value (psycopg would write their names), JSON as text."""
    if isinstance(column.type, JSON):
        return lambda value: None if value is None else json.dumps(value)
    if isinstance(column.type, Enum):
        return lambda value: value.value if isinstance(value, enum.Enum) else value
    return None


def reserve_ids(connection: Connection, table: str, count: int) -> list[int]:
    """``count`` new ids from the sequence of ``table.id`` (one statement)."""
    if not count:
        return []
    rows = connection.exec_driver_sql(
        "SELECT nextval(pg_get_serial_sequence(%(table)s, 'id')) "
        "FROM generate_series(1, %(count)s)",
        {"table": table, "count": count},
    )
    return [int(row[0]) for row in rows]


def copy_rows(
    connection: Connection,
    table: str,
    columns: Sequence[Column[Any]],
    rows: Sequence[Sequence[Any]],
) -> None:
    """``COPY table (columns) FROM STDIN`` of ``rows`` (values in the columns' order).

    Only the columns that need it are converted, and a value equal to the one before in
    its column (``now``, ``{}``, an enum) is converted once.
    """
    converters = [
        (index, convert)
        for index, convert in enumerate(map(_converter, columns))
        if convert is not None
    ]
    listed = ", ".join(column.name for column in columns)
    driver: Any = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({listed}) FROM STDIN") as copy:
        if not converters:
            for row in rows:
                copy.write_row(row)
            return
        last: list[tuple[Any, Any]] = [(_MISSING, None)] * len(converters)
        for row in rows:
            values = list(row)
            for slot, (index, convert) in enumerate(converters):
                value = values[index]
                before, after = last[slot]
                if value is not before:
                    after = convert(value)
                    last[slot] = (value, after)
                values[index] = after
            copy.write_row(values)


_MISSING = object()


def copy_patents(
    connection: Connection,
    table: Any,
    rows: Sequence[dict[str, Any]],
    step: Callable[[int], None],
    chunk: int = 2000,
) -> list[int]:
    """Insert new patents (``rows``: every column but ``id``) with COPY; returns their ids
    in order. Up to :data:`INDEX_AT_ONCE` are indexed at once, more are queued for the
    index. ``step(n)`` is called as rows are written."""
    if not rows:
        return []
    columns = [column for column in table.columns if column.name != "id"]
    names = [column.name for column in columns]
    ids = reserve_ids(connection, table.name, len(rows))
    with search_pg.tokens_suspended(connection):
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            copy_rows(
                connection,
                table.name,
                [table.c.id, *columns],
                [
                    (patent_id, *(row[name] for name in names))
                    for patent_id, row in zip(ids[start : start + chunk], part, strict=True)
                ],
            )
            step(len(part))
    if len(rows) <= INDEX_AT_ONCE:
        fields = search_index.SEARCHED_FIELDS
        documents = (
            (i, [row[name] for name in fields])
            for i, row in zip(ids, rows, strict=True)
            if row.get("deleted_at") is None
        )
        search_pg.write_tokens(connection, documents, new=True)
    else:
        search_pg.queue_new_patents(connection, ids)
    return ids


def update_patents(
    connection: Connection,
    table: Any,
    rows: Sequence[dict[str, Any]],
    step: Callable[[int], None] | None = None,
    chunk: int = 2000,
) -> None:
    """Update patents: ``rows`` hold ``b_id`` (the patent) and the same other columns each.

    One ``COPY`` of the new values into a temporary table and one ``UPDATE ... FROM`` per
    chunk, the search trigger off: changed patents are indexed at once (up to
    :data:`INDEX_AT_ONCE`) or queued, as new ones are.
    """
    if not rows:
        return
    keys = [key for key in rows[0] if key != "b_id"]
    columns = [table.c[key] for key in keys]
    connection.exec_driver_sql(  # the patent's columns, no constraints, no triggers
        "CREATE TEMPORARY TABLE IF NOT EXISTS rs_patent_update ON COMMIT DROP AS "
        f"SELECT * FROM {table.name} WITH NO DATA"
    )
    assignments = ", ".join(f"{key} = u.{key}" for key in keys)
    ids = [int(row["b_id"]) for row in rows]
    with search_pg.tokens_suspended(connection):
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            copy_rows(
                connection,
                "rs_patent_update",
                [table.c.id, *columns],
                [(row["b_id"], *(row[key] for key in keys)) for row in part],
            )
            connection.exec_driver_sql(
                f"UPDATE {table.name} AS p SET {assignments} FROM rs_patent_update AS u "
                "WHERE p.id = u.id"
            )
            connection.exec_driver_sql("TRUNCATE rs_patent_update")
            if step is not None:
                step(len(part))
    if set(keys) & {*search_index.SEARCHED_FIELDS, "deleted_at"}:
        search_pg.reindex(connection, ids, at_once=len(ids) <= INDEX_AT_ONCE)
