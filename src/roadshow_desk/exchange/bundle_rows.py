"""Reading synced records in bundle form: references as keys, values as JSON.

:func:`bundle_select` builds one ``SELECT`` of a table's travelling columns with each foreign
key replaced by the referred record's key (a left join per reference), so the export writes
its rows as they come and the merge compares the database's rows with a bundle's in the
same form. :func:`load_clocks` reads the field clocks of records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, select
from sqlalchemy.orm import aliased

from roadshow_desk.domain.bundle_schema import TableSpec, to_json
from roadshow_desk.domain.models import (
    Base,
    Enterprise,
    Event,
    Institution,
    Intention,
    Patent,
    RoadshowSession,
    SyncClock,
)

CHUNK = 500
#: Above this many uuids, :func:`by_uuid` reads the whole table once.
SCAN_ABOVE = 2000
_MODELS: dict[str, type[Base]] = {
    "event": Event,
    "enterprise": Enterprise,
    "roadshow_session": RoadshowSession,
    "intention": Intention,
    "patent": Patent,
    "institution": Institution,
}


def model_of(table: str) -> type[Base]:
    return _MODELS[table]


def table_of(spec: TableSpec) -> Table:
    return spec.model.__table__  # type: ignore[return-value]


def bundle_select(spec: TableSpec) -> Select[Any]:
    """``SELECT`` of the table's travelling fields in bundle order (plus ``id`` first)."""
    table = table_of(spec)
    columns: list[Any] = [table.c.id]
    joins: list[tuple[Any, Any]] = []
    for name in spec.columns:
        ref = spec.ref_by_column.get(name)
        if ref is None:
            columns.append(table.c[name])
            continue
        target = aliased(_MODELS[ref.table], name=f"ref_{ref.name}")
        columns.append(getattr(target, ref.key).label(ref.name))
        joins.append((target, table.c[name] == target.id))  # type: ignore[attr-defined]
    statement = select(*columns).select_from(table)
    for target, on in joins:
        statement = statement.outerjoin(target, on)
    return statement


def json_rows(
    connection: Connection, statement: Select[Any], spec: TableSpec
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(id, record as JSON values)`` of each row the statement selects."""
    fields = spec.fields
    for row in connection.execute(statement):
        values = row[1:]
        yield (
            row[0],
            {
                name: (
                    value
                    if value is None or isinstance(value, (str, int, float, bool))
                    else to_json(value)
                )
                for name, value in zip(fields, values, strict=True)
            },
        )


def by_uuid(
    connection: Connection, spec: TableSpec, uuids: Sequence[str]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """The records of ``spec`` with these uuids: ``{uuid: (id, record)}``."""
    table = table_of(spec)
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    base = bundle_select(spec)
    if len(uuids) > SCAN_ABOVE:  # many: one pass over the table beats thousands of IN terms
        wanted = set(uuids)
        for row_id, record in json_rows(connection, base, spec):
            if record["uuid"] in wanted:
                found[record["uuid"]] = (row_id, record)
        return found
    for start in range(0, len(uuids), CHUNK):
        chunk = list(uuids[start : start + CHUNK])
        for row_id, record in json_rows(connection, base.where(table.c.uuid.in_(chunk)), spec):
            found[record["uuid"]] = (row_id, record)
    return found


def load_clocks(
    connection: Connection, uuids: Iterable[str] | None = None
) -> dict[str, dict[str, Any]]:
    """``{uuid: {field: [time, station, base]}}`` (every clock when ``uuids`` is None)."""
    statement = select(SyncClock.record_uuid, SyncClock.fields)
    if uuids is None:
        return {uuid: dict(fields or {}) for uuid, fields in connection.execute(statement)}
    wanted = list(uuids)
    clocks: dict[str, dict[str, Any]] = {}
    if len(wanted) > SCAN_ABOVE:  # many: read them all once
        keep = set(wanted)
        return {
            uuid: dict(fields or {})
            for uuid, fields in connection.execute(statement)
            if uuid in keep
        }
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        for uuid, fields in connection.execute(statement.where(SyncClock.record_uuid.in_(chunk))):
            clocks[uuid] = dict(fields or {})
    return clocks
