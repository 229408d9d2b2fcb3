"""Signing firms up for an event before the fair, and withdrawing them.

A firm is *registered* for an event when it has a live :class:`Registration` (no
``deleted_at``): the badges, the check-in list ("signed up") and the attendance count all
go by that. Sign-ups come from an imported sign-up list (``exchange.enterprise_import``), from
the registry page, or from the desk at check-in (``domain.checkin.sign_up``).

* :func:`sign_up_firms` registers several firms (a withdrawn registration comes back, with
  its attendee details); it returns the firms it newly registered, so an undo withdraws
  exactly those.
* :func:`withdraw_firms` withdraws registrations (a tombstone, so bundles carry it); a firm
  that has already checked in is kept and reported, as its arrival is a fact of the fair.

Every function takes an SQLAlchemy ``Session``; the caller commits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.models import Enterprise, Registration, utcnow
from roadshow_desk.domain.records import set_deleted


@dataclasses.dataclass(frozen=True)
class WithdrawResult:
    """Which firms were withdrawn, and which were kept because they have checked in."""

    withdrawn: list[int]
    checked_in: list[str]  # names of the firms kept


def registered_ids(session: Session, event_id: int) -> set[int]:
    """The firms registered for the event (live registrations)."""
    return set(
        session.scalars(
            select(Registration.enterprise_id).where(
                Registration.event_id == event_id, Registration.deleted_at.is_(None)
            )
        )
    )


def sign_up_states(session: Session, event_id: int) -> dict[int, bool]:
    """Firm id → whether it has checked in, for every firm registered for the event."""
    return {
        enterprise_id: checked_in_at is not None
        for enterprise_id, checked_in_at in session.execute(
            select(Registration.enterprise_id, Registration.checked_in_at).where(
                Registration.event_id == event_id, Registration.deleted_at.is_(None)
            )
        )
    }


def sign_up_firms(
    session: Session, event_id: int, enterprise_ids: Iterable[int], *, station: str = ""
) -> list[int]:
    """Register the firms for the event; returns those that were not registered before."""
    get_event(session, event_id)
    wanted = list(dict.fromkeys(enterprise_ids))
    if not wanted:
        return []
    existing = {
        registration.enterprise_id: registration
        for registration in session.scalars(
            select(Registration).where(
                Registration.event_id == event_id, Registration.enterprise_id.in_(wanted)
            )
        )
    }
    live_firms = set(
        session.scalars(
            select(Enterprise.id).where(Enterprise.id.in_(wanted), Enterprise.deleted_at.is_(None))
        )
    )
    now = utcnow()
    added: list[int] = []
    for enterprise_id in wanted:
        if enterprise_id not in live_firms:
            continue
        registration = existing.get(enterprise_id)
        if registration is None:
            session.add(
                Registration(
                    event_id=event_id,
                    enterprise_id=enterprise_id,
                    station=station,
                    signed_up_at=now,
                    updated_at=now,
                )
            )
        elif registration.deleted_at is not None:
            set_deleted(registration, False, station=station, now=now)
            registration.signed_up_at = now
        else:
            continue
        added.append(enterprise_id)
    session.flush()
    return added


def withdraw_firms(
    session: Session, event_id: int, enterprise_ids: Iterable[int], *, station: str = ""
) -> WithdrawResult:
    """Withdraw the firms' registrations (not those that have checked in)."""
    get_event(session, event_id)
    wanted = list(dict.fromkeys(enterprise_ids))
    now = utcnow()
    withdrawn: list[int] = []
    kept: list[str] = []
    if not wanted:
        return WithdrawResult(withdrawn, kept)
    for registration in session.scalars(
        select(Registration).where(
            Registration.event_id == event_id,
            Registration.enterprise_id.in_(wanted),
            Registration.deleted_at.is_(None),
        )
    ):
        if registration.checked_in_at is not None:
            kept.append(registration.enterprise.name)
            continue
        set_deleted(registration, True, station=station, now=now)
        withdrawn.append(registration.enterprise_id)
    session.flush()
    return WithdrawResult(withdrawn, kept)
