"""Moving a desk's whole database to another engine in one action: the local file to the
venue's server (or a server's data to a new file), row for row.

:func:`copy_database` copies every table of the models, in dependency order, with its ids,
into an *empty* current database (a fresh ``server init`` database, or a new file), in one
transaction on the target: it either holds everything afterwards or nothing (a lost server
mid-copy rolls back; the source is only read). Rows go :data:`BATCH` at a time: ``COPY``
into a server, multi-row inserts into a file. On PostgreSQL the id sequences are then moved
past the copied ids, so the next desk's insert does not collide. The search needs nothing
more: the copied patents are queued for the search indexer (on PostgreSQL their tokens are
not written row by row by the trigger; on SQLite the window's indexer catches up on
opening), and a search scans the queued ones meanwhile, so it stays exact.
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select, text

from roadshow_desk.domain.models import Base, Patent
from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate
from roadshow_desk.store import pg_bulk, search_pg
from roadshow_desk.store.db import Database

BATCH = 1000


@dataclass
class CopyResult:
    """What :func:`copy_database` copied."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def holds_records(connection: Connection) -> bool:
    """Whether any table of the models holds a row."""
    return any(
        connection.execute(select(func.count()).select_from(table)).scalar()
        for table in Base.metadata.sorted_tables
    )


def _advance_sequences(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def copy_database(
    source: Database, target: Database, progress: Progress = NO_PROGRESS
) -> CopyResult:
    """Copy everything in ``source`` into the empty ``target`` (both open and current).

    Raises :class:`~roadshow_desk.errors.InputError` (nothing written) when ``target``
    already holds records: two events are never mixed by a copy (merge bundles for that).
    """
    started = time.perf_counter()
    tables = Base.metadata.sorted_tables
    result = CopyResult()
    with source.engine.connect() as reading, target.engine.begin() as writing:
        if holds_records(writing):
            raise InputError(
                translate(
                    "Database",
                    "The target database already holds records; nothing was copied (merge "
                    "station bundles to combine two databases).",
                )
            )
        counts = {
            table.name: int(reading.execute(select(func.count()).select_from(table)).scalar() or 0)
            for table in tables
        }
        progress.start(max(sum(counts.values()), 1), translate("Database", "Copying the database…"))
        server = writing.dialect.name == "postgresql"
        for table in tables:
            rows = reading.execute(select(table)).mappings()
            patents = server and table.name == Patent.__tablename__
            # On a server, COPY; the patents' search tokens are left to the search indexer
            # (queued), as after a large import: searches stay exact meanwhile.
            with search_pg.tokens_suspended(writing) if patents else nullcontext():
                while batch := [dict(row) for row in rows.fetchmany(BATCH)]:
                    if server:
                        columns = list(table.columns)
                        values = [[row[column.name] for column in columns] for row in batch]
                        pg_bulk.copy_rows(writing, table.name, columns, values)
                    else:
                        writing.execute(insert(table), batch)
                    if patents:
                        search_pg.queue_new_patents(writing, [row["id"] for row in batch])
                    result.rows[table.name] = result.rows.get(table.name, 0) + len(batch)
                    progress.step(len(batch))
        _advance_sequences(writing)
    result.seconds = time.perf_counter() - started
    return result
