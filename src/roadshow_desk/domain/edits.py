"""Local edits of imported records, and resolving the conflicts a re-import finds.

The agreement between the library browser (which edits patents) and the importer (which
re-imports files) is this module:

* ``patent.local_edits`` holds what the organiser changed: ``{field: {"at": ISO time,
  "value": json value, "base": json value}}``. ``base`` is the value the field had from its
  source (the last import) when the organiser first changed it, kept current by re-imports.
  The browser records an edit only through :func:`record_local_edit`, which also sets the
  column (and keeps an existing ``base``).
* ``patent.imported_values`` holds ``{"_digest": ...}``: a fingerprint of the row's cells at
  the last import, which lets a re-import skip an unchanged row without comparing anything.
  (Full copies of imported values are not kept: only an edited field needs its base, and it
  is kept in the edit; this halves the size of a large library.)
* On re-import, per mapped field: not edited locally → the column takes the file's value if
  it differs; edited locally → three-way with the edit's ``base``: the file equal to the base
  → nothing (upstream did not change); the file now equal to the local value → the edit is
  absorbed (forgotten); otherwise a :class:`FieldConflict` is opened and counted, the local
  value stays, and the base becomes the file's value (so the same file does not raise it
  again) until :func:`resolve_conflict` decides.

JSON values: text as is, dates ISO (``"2022-01-07"``), enums their value, numbers, booleans,
``None``. :func:`field_to_json` / :func:`field_from_json` convert; :func:`field_to_text` /
:func:`field_from_text` give the form stored in ``FieldConflict.local_value/file_value``.
No Qt, no store: callers pass a SQLAlchemy session and commit it.

Enterprises (``domain.enterprises``, ``exchange.enterprise_import``) follow the same rules
with one difference: their ``imported_values`` keeps the last imported value of every mapped
field (the base), and their local edits carry no ``base``. Conflicts name their table
(``FieldConflict.record_table``, a key of :data:`RECORD_TABLES`); the functions below take
it where it matters (``"patent"`` by default).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.enterprise_names import name_key
from roadshow_desk.domain.enterprises import ENTERPRISE_DATA_FIELDS
from roadshow_desk.domain.enums import ConflictResolution
from roadshow_desk.domain.models import (
    PATENT_DATA_FIELDS,
    Enterprise,
    FieldConflict,
    Patent,
    utcnow,
)

DIGEST_KEY = "_digest"
#: Key of a local edit's entry holding the source value it replaced.
BASE_KEY = "base"

#: ``FieldConflict.record_table`` → (model, the fields an import syncs and a conflict names).
RECORD_TABLES: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "patent": (Patent, tuple(PATENT_DATA_FIELDS)),
    "enterprise": (Enterprise, ENTERPRISE_DATA_FIELDS),
}


def _bundle_record_tables() -> dict[str, tuple[type[Any], tuple[str, ...]]]:
    """The other records a station bundle merge may open conflicts on (their own columns;
    references are never put to review)."""
    from roadshow_desk.domain.bundle_schema import TABLES

    return {
        spec.name: (spec.model, tuple(f for f in spec.data_fields if f in spec.columns))
        for spec in TABLES
        if spec.name not in RECORD_TABLES
    }


RECORD_TABLES.update(_bundle_record_tables())


# --------------------------------------------------------------------------- values


def _column(field: str, record_table: str = "patent") -> Any:
    model, fields = RECORD_TABLES[record_table]
    if record_table != "patent" and field not in fields:
        raise ValueError(f"{field!r} is not a synced {record_table} field")
    try:
        return model.__table__.columns[field]
    except KeyError:
        raise ValueError(f"{field!r} is not a {record_table} field") from None


def _column_type(field: str, record_table: str = "patent") -> Any:
    return _column(field, record_table).type


def field_to_json(field: str, value: Any) -> Any:
    """A patent field's value as stored in ``imported_values`` / ``local_edits``."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def field_from_json(field: str, value: Any, record_table: str = "patent") -> Any:
    """The typed value (``date``, enum member, ``int``, ``bool``, ``str``) of a JSON value."""
    column_type = _column_type(field, record_table)
    if value is None:
        return None if not isinstance(column_type, Boolean) else False
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(str(value))
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(str(value)[:10])
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Integer):
        return int(value)
    return str(value)


def field_to_text(field: str, value: Any) -> str:
    """A field's value as text (for a conflict row and for display)."""
    json_value = field_to_json(field, value)
    if json_value is None:
        return ""
    if isinstance(json_value, bool):
        return "1" if json_value else "0"
    return str(json_value)


def field_from_text(field: str, text: str, record_table: str = "patent") -> Any:
    """Inverse of :func:`field_to_text`."""
    column = _column(field, record_table)
    column_type = column.type
    if text == "":
        if isinstance(column_type, Boolean):
            return False
        if isinstance(column_type, (Date, Integer, Enum)):
            return None
        return None if record_table != "patent" and column.nullable else ""
    if isinstance(column_type, Boolean):
        return text == "1"
    return field_from_json(field, text, record_table)


# --------------------------------------------------------------------------- local edits


def _check_field(field: str) -> None:
    if field not in PATENT_DATA_FIELDS:
        raise ValueError(f"{field!r} is not an editable patent field")


def record_local_edit(
    session: Session, patent: Patent, field: str, value: Any, *, at: dt.datetime | None = None
) -> None:
    """The organiser set ``field`` of ``patent`` to ``value``: set it and remember the edit.

    Call this (not ``setattr``) from every screen that edits a patent's data fields, so a
    later re-import does not silently overwrite the edit. The first edit of a field keeps
    the value it replaces as the edit's ``base``; an edit that sets the field back to its
    base forgets the edit. Open conflicts are left for the review dialog
    (:func:`resolve_conflict`).
    """
    _check_field(field)
    edits = dict(patent.local_edits or {})
    previous = edits.get(field)
    base = (
        previous[BASE_KEY]
        if previous and BASE_KEY in previous
        else field_to_json(field, getattr(patent, field))
    )
    setattr(patent, field, value)
    json_value = field_to_json(field, value)
    if json_value == base:
        edits.pop(field, None)
    else:
        edits[field] = {
            "at": (at or utcnow()).isoformat(timespec="seconds"),
            "value": json_value,
            BASE_KEY: base,
        }
    patent.local_edits = edits


# --------------------------------------------------------------------------- conflicts


def open_conflicts(
    session: Session,
    patent_id: int | None = None,
    field: str | None = None,
    *,
    record_table: str = "patent",
) -> list[FieldConflict]:
    """Open conflicts of one table's records (all, one record, or one field), oldest first."""
    query = select(FieldConflict).where(
        FieldConflict.record_table == record_table,
        FieldConflict.resolution == ConflictResolution.OPEN,
    )
    if patent_id is not None:
        query = query.where(FieldConflict.record_id == patent_id)
    if field is not None:
        query = query.where(FieldConflict.field == field)
    return list(session.scalars(query.order_by(FieldConflict.id)))


def resolve_conflict(
    session: Session, conflict: FieldConflict, resolution: ConflictResolution
) -> Patent | Enterprise | None:
    """Keep the local value (``KEPT_LOCAL``) or take the file's (``TOOK_FILE``).

    Taking the file's value sets the column, forgets the local edit and (for an enterprise)
    records the value as the last imported one. Keeping the local value leaves the column
    and the edit as they are. Returns the record (so the caller can refresh a patent's
    search index) or ``None`` if it no longer exists.
    """
    if resolution == ConflictResolution.OPEN:
        raise ValueError("a conflict is resolved as KEPT_LOCAL or TOOK_FILE")
    table = conflict.record_table
    if table not in RECORD_TABLES:
        raise ValueError(f"conflicts of {table!r} records cannot be resolved")
    model = RECORD_TABLES[table][0]
    record = cast("Patent | Enterprise | None", session.get(model, conflict.record_id))
    if record is not None and resolution == ConflictResolution.TOOK_FILE:
        field = conflict.field
        value = field_from_text(field, conflict.file_value, table)
        setattr(record, field, value)
        if hasattr(record, "local_edits"):  # patents and enterprises keep their edits
            edits = dict(record.local_edits or {})
            edits.pop(field, None)
            record.local_edits = edits
        if isinstance(record, Enterprise):
            if field == "name":
                record.name_key = name_key(value)
            record.imported_values = {**(record.imported_values or {}), field: value}
    conflict.resolution = resolution
    conflict.resolved_at = utcnow()
    return record


def resolve_conflicts(
    session: Session, conflicts: Iterable[FieldConflict], resolution: ConflictResolution
) -> list[int]:
    """Resolve several conflicts the same way; returns the ids of the patents touched.

    (Enterprise conflicts are resolved too; their ids are not returned, as only patents
    have a search index to refresh.)
    """
    touched: list[int] = []
    for conflict in conflicts:
        record = resolve_conflict(session, conflict, resolution)
        if isinstance(record, Patent) and record.id not in touched:
            touched.append(record.id)
    return touched
