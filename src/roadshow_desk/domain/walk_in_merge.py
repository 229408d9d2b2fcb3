"""Merging a walk-in into the registered firm it is, and taking the merge back.

:func:`merge_walk_in_undoably` runs :func:`roadshow_desk.domain.enterprises.merge_walk_in`
and returns a :class:`WalkInMerge`: what the merge changed, as it was before (the walk-in's
intentions and registrations, the firm's registrations it touched, the contact fields and
notes of both firms). :func:`undo_walk_in_merge` puts all of it back (the walk-in lives
again, its intentions and check-in are its own again); every record it writes is stamped
with the station taking the merge back, so that station's bundle carries the change.
Merging again after an undo is :func:`merge_walk_in_undoably` once more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.enterprises import get_enterprise, merge_walk_in
from roadshow_desk.domain.models import Enterprise, Intention, Registration, Synced, utcnow
from roadshow_desk.domain.records import stamp


@dataclasses.dataclass(frozen=True)
class _RegistrationBefore:
    id: int
    enterprise_id: int
    checked_in_at: dt.datetime | None
    checked_in_station: str
    check_ins: list[dict[str, Any]] | None
    attendee_name: str
    attendee_phone: str
    deleted_at: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class _FirmBefore:
    id: int
    phone: str
    contact_person: str
    notes: str
    deleted_at: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class WalkInMerge:
    """What :func:`merge_walk_in_undoably` changed, as it was before."""

    walk_in_id: int
    into_id: int
    walk_in_name: str
    into_name: str
    intention_ids: tuple[int, ...]
    registrations: tuple[_RegistrationBefore, ...]
    firms: tuple[_FirmBefore, ...]


def _registration(registration: Registration) -> _RegistrationBefore:
    return _RegistrationBefore(
        id=registration.id,
        enterprise_id=registration.enterprise_id,
        checked_in_at=registration.checked_in_at,
        checked_in_station=registration.checked_in_station,
        check_ins=registration.check_ins,
        attendee_name=registration.attendee_name,
        attendee_phone=registration.attendee_phone,
        deleted_at=registration.deleted_at,
    )


def _firm(firm: Enterprise) -> _FirmBefore:
    return _FirmBefore(firm.id, firm.phone, firm.contact_person, firm.notes, firm.deleted_at)


def merge_walk_in_undoably(
    session: Session, walk_in_id: int, into_id: int, *, station: str = ""
) -> WalkInMerge:
    """:func:`~roadshow_desk.domain.enterprises.merge_walk_in`, returning what it changed
    (raises :class:`~roadshow_desk.domain.enterprises.EnterpriseInvalid` as it does)."""
    walk_in = get_enterprise(session, walk_in_id)
    target = get_enterprise(session, into_id)
    moving = list(
        session.scalars(select(Registration).where(Registration.enterprise_id == walk_in.id))
    )
    kept = session.scalars(  # the firm's registrations for the same events (merged into)
        select(Registration).where(
            Registration.enterprise_id == target.id,
            Registration.event_id.in_([registration.event_id for registration in moving]),
        )
    )
    before = WalkInMerge(
        walk_in_id=walk_in.id,
        into_id=target.id,
        walk_in_name=walk_in.name,
        into_name=target.name,
        intention_ids=tuple(
            session.scalars(select(Intention.id).where(Intention.enterprise_id == walk_in.id)).all()
        ),
        registrations=tuple(_registration(registration) for registration in [*moving, *kept]),
        firms=(_firm(walk_in), _firm(target)),
    )
    merge_walk_in(session, walk_in_id, into_id, station=station)
    return before


def _put_back(
    session: Session,
    model: type[Synced],
    before: _RegistrationBefore | _FirmBefore,
    now: dt.datetime,
    station: str,
) -> None:
    """Give the record ``before.id`` of ``model`` back the fields ``before`` kept (a record
    gone since is left alone)."""
    record = session.get(model, before.id)
    if record is None:
        return
    for field in dataclasses.fields(before):
        if field.name != "id":
            setattr(record, field.name, getattr(before, field.name))
    stamp(record, station, now)


def undo_walk_in_merge(session: Session, merge: WalkInMerge, *, station: str = "") -> None:
    """Put back what the merge changed (see the module notes)."""
    now = utcnow()
    for intention in session.scalars(
        select(Intention).where(Intention.id.in_(merge.intention_ids))
    ):
        intention.enterprise_id = merge.walk_in_id
        stamp(intention, station, now)
    session.flush()
    for state in merge.registrations:
        _put_back(session, Registration, state, now, station)
    for before in merge.firms:
        _put_back(session, Enterprise, before, now, station)
    session.flush()
