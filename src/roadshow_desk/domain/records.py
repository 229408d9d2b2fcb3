"""Synced records: looking one up by its id (a soft-deleted one counting as gone), and the
one way a write is stamped for the station bundles.

:func:`stamp` marks a record as written now by a station, so the write travels in that
station's bundle (whose ``--since last`` picks records by ``updated_at``) and wins over the
older copies a merge meets; :func:`set_deleted` tombstones a record (or brings it back) and
stamps it. Every tombstone and every undo write below ``ui/`` goes through them.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Synced, utcnow

_Record = TypeVar("_Record", bound=Synced)


def live(session: Session, model: type[_Record], record_id: int) -> _Record | None:
    """The ``model`` row with id ``record_id``; ``None`` when there is none or it was deleted."""
    found = session.get(model, record_id)
    if found is None or found.deleted_at is not None:
        return None
    return found


def stamp(record: Synced, station: str, now: dt.datetime | None = None) -> dt.datetime:
    """Mark ``record`` as written by ``station`` at ``now`` (default: this moment; ``""``
    keeps the station that wrote it last); returns the time stamped."""
    at = now or utcnow()
    record.updated_at = at
    record.station = station or record.station
    return at


def set_deleted(
    record: Synced, deleted: bool, *, station: str, now: dt.datetime | None = None
) -> dt.datetime:
    """Tombstone ``record`` (``deleted``) or bring it back, stamped as :func:`stamp` does;
    returns the time stamped."""
    at = now or utcnow()
    record.deleted_at = at if deleted else None
    return stamp(record, station, at)
