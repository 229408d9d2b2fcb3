"""Stations for the bundle tests: copies of one base database, and a canonical dump.

A *base* is a fair day (``fairday_data.make_fair_day``) plus two intentions captured at the
organiser's desk; every station starts as a copy of it (as laptops set up from one file),
works on its own, and exports its bundle. :func:`canonical` dumps a database in bundle form
(references as keys, no local ids), so two databases merged in different orders compare.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.bundle_schema import TABLES
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.models import FieldConflict, PossibleDuplicate, SyncClock
from roadshow_desk.exchange.bundle_rows import bundle_select, json_rows, table_of
from roadshow_desk.store.db import Database, open_database


@dataclass
class Base:
    path: Path
    event_id: int
    patent_ids: list[int]
    enterprise_ids: list[int]
    intention_ids: list[int]


def make_base(folder: Path) -> Base:
    path = folder / "base.sqlite3"
    database = open_database(f"sqlite:///{path}", backup=False)
    day = make_fair_day(database)
    intentions = [
        record_intention(
            database,
            IntentionDraft(
                enterprise_id=day.enterprise_ids[index],
                patent_id=day.patent_ids[index],
                kind=IntentionKind.LICENCE,
                event_id=day.event_id,
                notes="base",
            ),
            station="organiser",
        ).id
        for index in range(2)
    ]
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return Base(path, day.event_id, day.patent_ids, day.enterprise_ids, intentions)


def station_copy(base: Base, folder: Path, name: str) -> Database:
    """A new laptop set up from the base file."""
    target = folder / f"{name}.sqlite3"
    shutil.copyfile(base.path, target)
    return open_database(f"sqlite:///{target}", backup=False)


def canonical(database: Database) -> dict[str, Any]:
    """Everything a merge decides, independent of local ids and of merge order."""
    dump: dict[str, Any] = {}
    with database.engine.connect() as connection:
        uuid_of: dict[tuple[str, int], str] = {}
        for spec in TABLES:
            rows = {}
            for row_id, record in json_rows(connection, bundle_select(spec), spec):
                rows[record["uuid"]] = record
                uuid_of[(spec.name, row_id)] = record["uuid"]
            dump[spec.name] = rows
        dump["clock"] = {
            uuid: fields
            for uuid, fields in connection.execute(select(SyncClock.record_uuid, SyncClock.fields))
        }
        dump["conflicts"] = sorted(
            (table, uuid_of.get((table, rid), str(rid)), field, mine, theirs, str(resolution))
            for table, rid, field, mine, theirs, resolution in connection.execute(
                select(
                    FieldConflict.record_table,
                    FieldConflict.record_id,
                    FieldConflict.field,
                    FieldConflict.local_value,
                    FieldConflict.file_value,
                    FieldConflict.resolution,
                )
            )
        )
        dump["duplicates"] = sorted(
            connection.execute(
                select(
                    PossibleDuplicate.record_table,
                    PossibleDuplicate.first_uuid,
                    PossibleDuplicate.second_uuid,
                    PossibleDuplicate.reason,
                )
            ).all()
        )
    return dump


def row(database: Database, table: str, uuid: str) -> dict[str, Any]:
    spec = next(s for s in TABLES if s.name == table)
    with database.engine.connect() as connection:
        statement = bundle_select(spec).where(table_of(spec).c.uuid == uuid)
        return next(json_rows(connection, statement, spec))[1]
