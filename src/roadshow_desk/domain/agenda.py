"""Roadshow sessions and their ordered slots.

A session (``RoadshowSession``) belongs to an event and holds slots in ``position`` order;
each slot is one patent's turn: the patent, the presenter, the institution and the planned
minutes. Removed sessions and slots become tombstones (``deleted_at``), so a bundle merge
never brings them back; every list here leaves them out.

For the roadshow mode
    ``start_slot(session, slot_id, at=None)`` stores the slot's actual start (the first call
    wins; calling it again after a pause keeps the original start) and clears an end left
    by an earlier run; ``end_slot(session, slot_id, at=None)`` stores its actual end (the
    last call wins, e.g. when the presenter goes back to a slot). ``at`` is naive UTC
    (``models.utcnow()``), the default. The caller commits.

Every function takes an SQLAlchemy ``Session``; the caller commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.models import (
    Patent,
    RoadshowSession,
    Slot,
    utcnow,
)
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.domain.shortlist import shortlist_in_order
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

DEFAULT_MINUTES = 8
MAX_MINUTES = 240


class AgendaError(InputError):
    """A session or slot change that cannot be made (one sentence)."""


def _check_minutes(minutes: int) -> int:
    if not 1 <= int(minutes) <= MAX_MINUTES:
        raise AgendaError(
            translate("Agenda", "A slot lasts from 1 to %1 minutes.").replace(
                "%1", str(MAX_MINUTES)
            )
        )
    return int(minutes)


def get_session(session: Session, session_id: int) -> RoadshowSession:
    found = live(session, RoadshowSession, session_id)
    if found is None:
        raise AgendaError(translate("Agenda", "This roadshow session no longer exists."))
    return found


def get_slot(session: Session, slot_id: int) -> Slot:
    found = live(session, Slot, slot_id)
    if found is None:
        raise AgendaError(translate("Agenda", "This slot no longer exists."))
    return found


def list_sessions(session: Session, event_id: int) -> list[RoadshowSession]:
    """The event's sessions in order."""
    query = (
        select(RoadshowSession)
        .where(RoadshowSession.event_id == event_id, RoadshowSession.deleted_at.is_(None))
        .order_by(RoadshowSession.position, RoadshowSession.id)
    )
    return list(session.scalars(query))


def list_slots(session: Session, session_id: int) -> list[Slot]:
    """A session's slots in order."""
    query = (
        select(Slot)
        .where(Slot.session_id == session_id, Slot.deleted_at.is_(None))
        .order_by(Slot.position, Slot.id)
    )
    return list(session.scalars(query))


def create_session(
    session: Session,
    event_id: int,
    title: str,
    *,
    starts_at: dt.datetime | None = None,
    room: str = "",
    host: str = "",
    station: str = "",
) -> RoadshowSession:
    """A new, empty session at the end of the event's agenda."""
    get_event(session, event_id)
    clean = " ".join(title.split())
    if not clean:
        raise AgendaError(translate("Agenda", "The session needs a title."))
    last = session.scalar(
        select(func.max(RoadshowSession.position)).where(RoadshowSession.event_id == event_id)
    )
    created = RoadshowSession(
        event_id=event_id,
        title=clean,
        position=(last or 0) + 1,
        starts_at=starts_at,
        room=room.strip(),
        host=host.strip(),
        station=station,
    )
    session.add(created)
    session.flush()
    return created


def update_session(
    session: Session,
    session_id: int,
    *,
    title: str | None = None,
    starts_at: dt.datetime | None = None,
    room: str | None = None,
    host: str | None = None,
) -> RoadshowSession:
    found = get_session(session, session_id)
    if title is not None:
        clean = " ".join(title.split())
        if not clean:
            raise AgendaError(translate("Agenda", "The session needs a title."))
        found.title = clean
    if starts_at is not None:
        found.starts_at = starts_at
    if room is not None:
        found.room = room.strip()
    if host is not None:
        found.host = host.strip()
    return found


def set_session_deleted(
    session: Session, session_id: int, deleted: bool, *, station: str = ""
) -> None:
    """Remove a session (a tombstone, with its slots) or bring it back (for undo); the
    change is stamped with ``station`` (bundles merge it like any other write)."""
    found = session.get(RoadshowSession, session_id)
    if found is None:
        raise AgendaError(translate("Agenda", "This roadshow session no longer exists."))
    set_deleted(found, deleted, station=station)


def add_slot(
    session: Session,
    session_id: int,
    patent_id: int | None,
    *,
    presenter: str = "",
    institution_id: int | None = None,
    planned_minutes: int = DEFAULT_MINUTES,
    position: int | None = None,
    station: str = "",
) -> Slot:
    """A slot for ``patent_id`` at the end (or at 0-based ``position``) of a session.

    The institution defaults to the patent's; the presenter to the patent's public contact.
    """
    get_session(session, session_id)
    patent = session.get(Patent, patent_id) if patent_id is not None else None
    if patent_id is not None and patent is None:
        raise AgendaError(translate("Agenda", "This patent no longer exists."))
    slots = list_slots(session, session_id)
    slot = Slot(
        session_id=session_id,
        patent_id=patent_id,
        presenter=presenter.strip() or (patent.public_contact if patent else ""),
        institution_id=institution_id
        if institution_id is not None
        else (patent.institution_id if patent else None),
        planned_minutes=_check_minutes(planned_minutes),
        station=station,
    )
    session.add(slot)
    index = len(slots) if position is None else max(0, min(position, len(slots)))
    slots.insert(index, slot)
    _renumber(slots)
    session.flush()
    return slot


def _renumber(slots: Sequence[Slot]) -> None:
    for index, slot in enumerate(slots):
        if slot.position != index:
            slot.position = index


def build_from_shortlist(
    session: Session,
    event_id: int,
    title: str,
    *,
    planned_minutes: int = DEFAULT_MINUTES,
    skip_scheduled: bool = True,
    station: str = "",
) -> RoadshowSession:
    """A new session with one slot per included shortlisted patent, in shortlist order.

    With ``skip_scheduled`` patents that already have a slot in another session of the event
    are left out, so several sessions can be built one after another from one shortlist.
    """
    _check_minutes(planned_minutes)
    entries = shortlist_in_order(session, event_id, included_only=True)
    scheduled: set[int] = set()
    if skip_scheduled:
        scheduled = set(
            session.scalars(
                select(Slot.patent_id)
                .join(RoadshowSession, Slot.session_id == RoadshowSession.id)
                .where(
                    RoadshowSession.event_id == event_id,
                    RoadshowSession.deleted_at.is_(None),
                    Slot.deleted_at.is_(None),
                    Slot.patent_id.is_not(None),
                )
            )
        )
    todo = [entry for entry in entries if entry.patent_id not in scheduled]
    if not todo:
        raise AgendaError(
            translate(
                "Agenda",
                "The shortlist has no included patent without a slot; add patents to the "
                "shortlist first.",
            )
        )
    created = create_session(session, event_id, title, station=station)
    patents = {
        patent.id: patent
        for patent in session.scalars(
            select(Patent).where(Patent.id.in_([entry.patent_id for entry in todo]))
        )
    }
    for index, entry in enumerate(todo):
        patent = patents[entry.patent_id]
        session.add(
            Slot(
                session_id=created.id,
                patent_id=patent.id,
                presenter=patent.public_contact,
                institution_id=patent.institution_id,
                planned_minutes=planned_minutes,
                position=index,
                station=station,
            )
        )
    session.flush()
    return created


def reorder_slots(session: Session, session_id: int, slot_ids: Sequence[int]) -> None:
    """Put a session's slots in the order of ``slot_ids`` (all of them, each once)."""
    slots = {slot.id: slot for slot in list_slots(session, session_id)}
    if sorted(slot_ids) != sorted(slots):
        raise AgendaError(
            translate("Agenda", "The new order must list every slot of the session once.")
        )
    _renumber([slots[slot_id] for slot_id in slot_ids])


def move_slot(session: Session, slot_id: int, to_position: int) -> list[int]:
    """Move one slot to 0-based ``to_position`` in its session; returns the previous order
    (for undo with :func:`reorder_slots`)."""
    slot = get_slot(session, slot_id)
    slots = list_slots(session, slot.session_id)
    before = [item.id for item in slots]
    slots.remove(slot)
    slots.insert(max(0, min(to_position, len(slots))), slot)
    _renumber(slots)
    return before


def set_planned_minutes(session: Session, slot_id: int, minutes: int) -> None:
    get_slot(session, slot_id).planned_minutes = _check_minutes(minutes)


def update_slot(
    session: Session,
    slot_id: int,
    *,
    presenter: str | None = None,
    institution_id: int | None = None,
    planned_minutes: int | None = None,
) -> Slot:
    slot = get_slot(session, slot_id)
    if presenter is not None:
        slot.presenter = presenter.strip()
    if institution_id is not None:
        slot.institution_id = institution_id
    if planned_minutes is not None:
        slot.planned_minutes = _check_minutes(planned_minutes)
    return slot


def set_slot_deleted(session: Session, slot_id: int, deleted: bool, *, station: str = "") -> None:
    """Remove a slot (tombstone) or bring it back (for undo), stamped with ``station``; the
    rest are renumbered."""
    slot = session.get(Slot, slot_id)
    if slot is None:
        raise AgendaError(translate("Agenda", "This slot no longer exists."))
    set_deleted(slot, deleted, station=station)
    session.flush()
    _renumber(list_slots(session, slot.session_id))


def start_slot(session: Session, slot_id: int, at: dt.datetime | None = None) -> Slot:
    """Store a slot's actual start (the first start is kept) and clear any earlier end."""
    slot = get_slot(session, slot_id)
    if slot.actual_start is None:
        slot.actual_start = at or utcnow()
    slot.actual_end = None
    return slot


def end_slot(session: Session, slot_id: int, at: dt.datetime | None = None) -> Slot:
    """Store a slot's actual end (the last end wins); a slot never started starts now too."""
    slot = get_slot(session, slot_id)
    when = at or utcnow()
    if slot.actual_start is None:
        slot.actual_start = when
    slot.actual_end = max(when, slot.actual_start)
    return slot


def planned_total_minutes(session: Session, session_id: int) -> int:
    return sum(slot.planned_minutes for slot in list_slots(session, session_id))


# --------------------------------------------------------------------------- times


def set_session_start(session: Session, session_id: int, starts_at: dt.datetime | None) -> None:
    """Set (naive UTC) or clear a session's start; its slots' planned times follow from it."""
    get_session(session, session_id).starts_at = starts_at


def session_clock(session: Session, session_id: int) -> tuple[str, dict[int, dt.datetime]]:
    """The event's time zone and each slot's planned start at the venue (naive wall-clock
    time): the session's start plus the planned minutes of the slots before it. Without a
    session start the dictionary is empty."""
    from roadshow_desk.domain.venue_time import DEFAULT_TIME_ZONE, to_venue

    roadshow = get_session(session, session_id)
    zone_name = roadshow.event.time_zone or DEFAULT_TIME_ZONE
    planned: dict[int, dt.datetime] = {}
    if roadshow.starts_at is not None:
        clock = to_venue(roadshow.starts_at, zone_name)
        for slot in list_slots(session, session_id):
            planned[slot.id] = clock
            clock += dt.timedelta(minutes=slot.planned_minutes or 0)
    return zone_name, planned
