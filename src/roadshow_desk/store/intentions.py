"""Writing intentions with the patents' cached scores kept current.

The rubric's "enterprise interest" counts a patent's intentions that are not "no demand" and
not deleted, and the library sorts by the score cached in ``patent_score``. So every write
of an intention rescores its patent (both patents when an edit moves it to another one) in
the write's own transaction: :func:`interest_changed` is that one step, and the functions
here are :mod:`roadshow_desk.domain.capture`'s with it attached. The capture panel, its undo
commands and the presenter console call these; a bulk writer (the sheet importer) calls
:func:`interest_changed` once with all the patents it touched. A single patent's rescore is
one prepared statement (well under a millisecond), so a capture stays one short commit.

Follow-up changes (stage, owner, next action, notes) do not change what the rubric counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from roadshow_desk.domain import capture
from roadshow_desk.domain.capture import IntentionDraft, RecordedIntention, SessionSource
from roadshow_desk.store.scoring import rescore

__all__ = [
    "interest_changed",
    "record_intention",
    "set_intention_deleted",
    "update_intention",
]


def interest_changed(bind: Connection | Session, patent_ids: Iterable[int]) -> None:
    """The intentions of these patents changed: rescore them (in the caller's transaction)."""
    ids = sorted(set(patent_ids))
    if ids:
        rescore(bind, patent_ids=ids)


def record_intention(
    database: SessionSource,
    draft: IntentionDraft,
    *,
    station: str,
    captured_at: dt.datetime | None = None,
    uuid: str | None = None,
) -> RecordedIntention:
    """:func:`roadshow_desk.domain.capture.record_intention`, rescoring the patent."""
    return capture.record_intention(
        database,
        draft,
        station=station,
        captured_at=captured_at,
        after_write=interest_changed,
        uuid=uuid,
    )


def update_intention(
    database: SessionSource, intention_id: int, changes: dict[str, Any], *, station: str
) -> dict[str, Any]:
    """:func:`roadshow_desk.domain.capture.update_intention`, rescoring the patent(s)."""
    return capture.update_intention(
        database, intention_id, changes, station=station, after_write=interest_changed
    )


def set_intention_deleted(
    database: SessionSource, intention_id: int, deleted: bool, *, station: str
) -> None:
    """:func:`roadshow_desk.domain.capture.set_intention_deleted`, rescoring the patent."""
    capture.set_intention_deleted(
        database, intention_id, deleted, station=station, after_write=interest_changed
    )
