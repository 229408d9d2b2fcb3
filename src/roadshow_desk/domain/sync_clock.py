"""The field clock: which fields of a synced record a station edited, when, and from what.

Every ORM flush that changes a record travelling in station bundles (see
:mod:`roadshow_desk.domain.bundle_schema`) records, per changed field, ``[ISO time, station,
base]`` in the record's :class:`~roadshow_desk.domain.models.SyncClock` row, where ``base`` is
the value (as written in a bundle) that this station's edits of the field started from: the
value before the edit, unless the same station already holds the field's clock, whose base
is then kept. The merge reads it to decide, per field, between "a newer edit of another
field" (merge), "an edit made after seeing the other one" (take the later) and "two stations
changed the same field differently" (a conflict for review).

:func:`install` hooks the recorder on every SQLAlchemy session (``store.db`` calls it once).
Writes through SQLAlchemy Core (bulk imports, the conditional check-in update) are not seen;
the merge then falls back to the newer record.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from roadshow_desk.domain.bundle_schema import META_FIELDS, SPEC_BY_TABLE, to_json
from roadshow_desk.domain.models import SyncClock, utcnow

_installed = False


def install() -> None:
    """Record field clocks on every session's flush (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True


def _ref_key(session: Session, ref: Any, value: Any) -> Any:
    if value is None:
        return None
    from roadshow_desk.domain.models import Base

    for mapper in Base.registry.mappers:
        if mapper.local_table.name == ref.table:  # type: ignore[attr-defined]
            found = session.get(mapper.class_, value)
            return None if found is None else getattr(found, ref.key)
    return None


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    now = utcnow().isoformat()
    for record in list(session.dirty):
        table = getattr(record, "__tablename__", None)
        spec = SPEC_BY_TABLE.get(table) if table else None
        if spec is None or not session.is_modified(record, include_collections=False):
            continue
        state = inspect(record)
        changed: dict[str, Any] = {}
        for column in spec.columns:
            if column in META_FIELDS:
                continue
            history = state.attrs[column].history
            if not history.added and not history.deleted:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            ref = spec.ref_by_column.get(column)
            if ref is not None:
                changed[ref.name] = _ref_key(session, ref, old)
            else:
                changed[column] = to_json(old)
        if not changed:
            continue
        uuid = record.uuid
        station = record.station or ""
        clock = session.get(SyncClock, uuid)
        if clock is None:
            clock = SyncClock(record_uuid=uuid, record_table=table, fields={})
            session.add(clock)
        fields = dict(clock.fields or {})
        for name, old_value in changed.items():
            previous = fields.get(name)
            base = previous[2] if previous and previous[1] == station else old_value
            fields[name] = [now, station, base]
        clock.fields = fields
