"""Looking up a synced record by its id, a soft-deleted one counting as gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from roadshow_desk.domain.models import Synced

_Record = TypeVar("_Record", bound=Synced)


def live(session: Session, model: type[_Record], record_id: int) -> _Record | None:
    """The ``model`` row with id ``record_id``; ``None`` when there is none or it was deleted."""
    found = session.get(model, record_id)
    if found is None or found.deleted_at is not None:
        return None
    return found
