"""What travels in a station bundle: the tables, their fields, and how values are written.

Each table a station writes for an event is a :class:`TableSpec`, listed in
:data:`TABLES` parents first. A record is identified by its ``uuid``; a reference to another
record is written as that record's key (a ``uuid``, a patent's ``application_no`` or an
institution's ``name``) under the reference's name (``enterprise``, not ``enterprise_id``),
so that it means the same on every laptop. Values are JSON: text as is, dates and times ISO
(UTC, naive), enums their value, decimals as text, booleans, numbers, ``null``.
No Qt, no store.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, Numeric

from roadshow_desk.domain.models import (
    Base,
    Enterprise,
    FollowUpEntry,
    Intention,
    Registration,
    RoadshowSession,
    ShortlistEntry,
    Slot,
)

#: Columns every synced record has that are bookkeeping, not data.
META_FIELDS = ("uuid", "updated_at", "station")


@dataclass(frozen=True)
class Ref:
    """A foreign key written as the referred record's key."""

    column: str
    name: str
    table: str
    key: str = "uuid"


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[Base]
    refs: tuple[Ref, ...] = ()
    skip: tuple[str, ...] = ()

    @cached_property
    def columns(self) -> list[str]:
        """The table's own columns that travel (``id`` and skipped ones left out)."""
        table = self.model.__table__
        return [c.name for c in table.columns if c.name != "id" and c.name not in self.skip]

    @cached_property
    def ref_by_column(self) -> dict[str, Ref]:
        return {ref.column: ref for ref in self.refs}

    @cached_property
    def fields(self) -> list[str]:
        """The fields of a record in a bundle (references under their names)."""
        return [self.ref_by_column[c].name if c in self.ref_by_column else c for c in self.columns]

    @cached_property
    def data_fields(self) -> list[str]:
        """The fields a merge compares (all but ``uuid``, ``updated_at``, ``station``)."""
        return [f for f in self.fields if f not in META_FIELDS]

    @cached_property
    def column_types(self) -> dict[str, Any]:
        """Bundle field → the SQLAlchemy type of its value (references: their key's text)."""
        table = self.model.__table__
        return {
            (self.ref_by_column[c].name if c in self.ref_by_column else c): (
                None if c in self.ref_by_column else table.columns[c].type
            )
            for c in self.columns
        }


TABLES: tuple[TableSpec, ...] = (
    TableSpec("enterprise", Enterprise, skip=("imported_values", "local_edits")),
    TableSpec("roadshow_session", RoadshowSession, (Ref("event_id", "event", "event"),)),
    TableSpec(
        "registration",
        Registration,
        (Ref("event_id", "event", "event"), Ref("enterprise_id", "enterprise", "enterprise")),
    ),
    TableSpec(
        "slot",
        Slot,
        (
            Ref("session_id", "session", "roadshow_session"),
            Ref("patent_id", "patent", "patent", "application_no"),
            Ref("institution_id", "institution", "institution", "name"),
        ),
    ),
    TableSpec(
        "shortlist_entry",
        ShortlistEntry,
        (Ref("event_id", "event", "event"), Ref("patent_id", "patent", "patent", "application_no")),
    ),
    TableSpec(
        "intention",
        Intention,
        (
            Ref("event_id", "event", "event"),
            Ref("enterprise_id", "enterprise", "enterprise"),
            Ref("patent_id", "patent", "patent", "application_no"),
        ),
    ),
    TableSpec("follow_up_entry", FollowUpEntry, (Ref("intention_id", "intention", "intention"),)),
)
SPEC_BY_TABLE: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}


def to_json(value: Any) -> Any:
    """A column value as it is written in a bundle."""
    if value is None or isinstance(value, (bool, int, float, str, dict, list)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def decoder(column_type: Any) -> Any:
    """A function turning a bundle value back into the column's Python value."""
    if column_type is None:
        return lambda value: value
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        enum_class = column_type.enum_class
        return lambda value: None if value is None else enum_class(value)
    if isinstance(column_type, DateTime):
        return lambda value: None if value is None else dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return lambda value: None if value is None else dt.date.fromisoformat(value[:10])
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else bool(value)
    if isinstance(column_type, Integer):
        return lambda value: None if value is None else int(value)
    if isinstance(column_type, Numeric):
        return lambda value: None if value is None else Decimal(str(value))
    if isinstance(column_type, JSON):
        return lambda value: value
    return lambda value: None if value is None else str(value)
