"""Fill an empty database with a realistic demo patent fair.

:func:`fill_demo` writes institutions, a patent library of any size, enterprises, one event
with its shortlist, two roadshow sessions, sign-ups and check-ins, and intentions at every
follow-up stage. Everything comes from the tables in ``resources/demo`` (see
:mod:`roadshow_desk.store.demo_data`) combined by seeded random generators
(:mod:`~roadshow_desk.store.demo_library` for the library,
:mod:`~roadshow_desk.store.demo_event` for the event), so the same seed and size give the
same records, UUIDs included; no value depends on today's date.

Dates tell one story: the institutes exported their inventories on 31 August 2026, the fair
took place on 24–25 September 2026 in Ningbo, and the organiser has followed the leads up
until 20 November 2026. Timestamps are naive UTC like every timestamp column.

Rows are written with SQLAlchemy Core in chunks inside one transaction with explicit ids
(the database is empty), so 100,000 patents take seconds and a cancelled fill leaves the
database as it was.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, select, text

from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate
from roadshow_desk.store.db import Database
from roadshow_desk.store.demo_data import load_demo_data
from roadshow_desk.store.demo_event import EventBuilder, enterprise_name_key
from roadshow_desk.store.demo_library import (
    Institutions,
    PatentFactory,
    People,
    insert_rows,
    table,
)
from roadshow_desk.store.screening import prepare_library

__all__ = ["MAX_PATENTS", "MIN_PATENTS", "DemoSummary", "enterprise_name_key", "fill_demo"]

MIN_PATENTS = 30
MAX_PATENTS = 1_000_000
CHUNK = 5_000
_EVENT_UNITS = 50  # progress units for everything after the patents
_MUST_BE_EMPTY = ("institution", "patent", "enterprise", "event", "intention")
_EXPLICIT_IDS = (
    *_MUST_BE_EMPTY,
    "registration",
    "shortlist_entry",
    "roadshow_session",
    "slot",
    "follow_up_entry",
)


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`fill_demo` wrote (for the CLI's report and the window's message)."""

    event_id: int
    event_name: str
    institutions: int
    patents: int
    technical_fields: int
    enterprises: int
    registrations: int
    checked_in: int
    shortlist: int
    sessions: int
    slots: int
    intentions: int
    follow_up_entries: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def fill_demo(
    database: Database,
    *,
    patents: int = 60,
    seed: int = 2026,
    progress: Progress = NO_PROGRESS,
) -> DemoSummary:
    """Fill an empty ``database`` with a demo fair whose library has ``patents`` patents.

    Raises :class:`~roadshow_desk.errors.InputError` (nothing written) for a size out of
    range or a database that already holds records, and
    :class:`~roadshow_desk.domain.progress.Cancelled` (nothing written) when ``progress``
    is cancelled.
    """
    if not MIN_PATENTS <= patents <= MAX_PATENTS:
        raise InputError(
            fmt(
                translate("Demo", "The demo needs between %1 and %2 patents."),
                str(MIN_PATENTS),
                str(MAX_PATENTS),
            )
        )
    started = time.perf_counter()
    data = load_demo_data()
    progress.start(patents + _EVENT_UNITS, translate("Demo", "Writing the demo patents…"))
    with database.engine.begin() as connection:
        if _holds_records(connection):
            raise InputError(
                translate(
                    "Demo",
                    "The database already holds records; the demo only fills an empty database.",
                )
            )
        people = People(data.names, random.Random(f"roadshow-demo:{seed}:people"))
        institutions = Institutions(data, people)
        insert_rows(connection, "institution", institutions.rows)
        factory = PatentFactory(data, institutions, people, seed)
        for start in range(0, patents, CHUNK):
            rows = [factory.make(index) for index in range(start, min(patents, start + CHUNK))]
            insert_rows(connection, "patent", rows)
            progress.step(len(rows))
        progress.set_text(translate("Demo", "Creating the demo event…"))
        counts = EventBuilder(data, institutions, factory.pool, seed).write(connection)
        _advance_sequences(connection)
        prepare_library(connection)  # search index and scores (roadshow_desk.store.screening)
        progress.step(_EVENT_UNITS)
    return DemoSummary(
        event_id=1,
        event_name=str(data.event["name"]),
        institutions=len(institutions.rows),
        patents=patents,
        technical_fields=len({row["technical_field"] for row in factory.pool}),
        seconds=round(time.perf_counter() - started, 3),
        **counts,
    )


def has_no_patents(database: Database) -> bool:
    """Whether the library is empty (the demo database is filled on its first opening)."""
    with database.engine.connect() as connection:
        return connection.execute(select(table("patent").c.id).limit(1)).first() is None


def _holds_records(connection: Connection) -> bool:
    return any(
        connection.execute(select(table(name).c.id).limit(1)).first() is not None
        for name in _MUST_BE_EMPTY
    )


def _advance_sequences(connection: Connection) -> None:
    """PostgreSQL: move each id sequence past the explicit ids written here."""
    if connection.dialect.name != "postgresql":
        return
    for name in _EXPLICIT_IDS:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 1))"
            )
        )
