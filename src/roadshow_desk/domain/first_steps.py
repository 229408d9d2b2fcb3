"""What a new organiser has set up so far: the pages' empty states name the next step from it.

The steps of a fair, in order: create the event, import the institutes' patent lists, pick
the shortlist, register the enterprises, plan the roadshow sessions. :func:`set_up` answers
with cheap ``LIMIT 1`` queries (live records only), so a page may ask on every refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.events import latest_event
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    Patent,
    RoadshowSession,
    ShortlistEntry,
    Slot,
)
from roadshow_desk.domain.records import live


@dataclass(frozen=True)
class SetUp:
    """Which steps are done (for ``event_id``, the event a page shows)."""

    event_id: int | None
    """The event asked about, or the most recent one; ``None``: there is no event."""
    patents: bool
    """The library holds a patent."""
    enterprises: bool
    """The registry holds a firm."""
    shortlisted: bool
    """The event's shortlist holds a patent."""
    slots: bool
    """The event has a roadshow session with a patent in it."""

    @property
    def events(self) -> bool:
        return self.event_id is not None

    @property
    def empty(self) -> bool:
        """Nothing at all yet: a first start (the demo fair can still fill the database)."""
        return not (self.events or self.patents or self.enterprises)


def _exists(session: Session, query: object) -> bool:
    return session.execute(query.limit(1)).first() is not None  # type: ignore[attr-defined]


def set_up(session: Session, event_id: int | None = None) -> SetUp:
    """What is set up, for ``event_id`` (``None``: the most recent event, if any)."""
    if event_id is not None:
        event = live(session, Event, event_id)
        if event is None:
            event_id = None
    if event_id is None:
        latest = latest_event(session)
        event_id = latest.id if latest is not None else None
    shortlisted = slots = False
    if event_id is not None:
        shortlisted = _exists(
            session,
            select(ShortlistEntry.id).where(
                ShortlistEntry.event_id == event_id, ShortlistEntry.deleted_at.is_(None)
            ),
        )
        slots = _exists(
            session,
            select(Slot.id)
            .join(RoadshowSession, Slot.session_id == RoadshowSession.id)
            .where(
                RoadshowSession.event_id == event_id,
                RoadshowSession.deleted_at.is_(None),
                Slot.deleted_at.is_(None),
            ),
        )
    return SetUp(
        event_id=event_id,
        patents=_exists(session, select(Patent.id).where(Patent.deleted_at.is_(None))),
        enterprises=_exists(session, select(Enterprise.id).where(Enterprise.deleted_at.is_(None))),
        shortlisted=shortlisted,
        slots=slots,
    )
