"""Sign-up and check-in at the desk.

* :func:`sign_up` registers a firm for an event (idempotent).
* :func:`check_in` checks a firm in; **the first check-in wins**: the registration keeps the
  first time and station, and a second check-in (from this desk or another one sharing the
  database) changes nothing and returns a result whose :attr:`CheckInResult.message` says
  "already checked in at 09:32 at desk B". The first-wins rule is one conditional
  ``UPDATE ... WHERE checked_in_at IS NULL``, so two stations on one PostgreSQL server cannot
  both win. A firm that is in the registry but did not sign up is signed up on the spot.
* :func:`check_in_by_scan` reads a badge (``RSD1:E:<uuid>``, see ``domain.payloads``).
* :func:`find_for_check_in` looks firms up by part of a name, credit code or phone, with
  their sign-up and check-in state for the event.
* :func:`check_in_walk_in` registers a walk-in (name, phone) and checks it in.

Times are stored as naive UTC and shown in the laptop's local time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from roadshow_desk.domain.enterprises import (
    enterprise_by_uuid,
    get_enterprise,
    register_walk_in,
    search_enterprises,
)
from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.models import Enterprise, Registration, utcnow
from roadshow_desk.domain.payloads import EnterprisePayload, parse_payload
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate


class CheckInError(InputError):
    """A check-in that cannot be done (unknown badge, a patent code...); one sentence."""


def local_time(at: dt.datetime) -> dt.datetime:
    """A stored naive-UTC time in the laptop's time zone (naive, for display)."""
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@dataclasses.dataclass(frozen=True)
class CheckInResult:
    """What a check-in did: ``first`` is False when the firm had already checked in."""

    registration_id: int
    enterprise_id: int
    enterprise_name: str
    first: bool
    checked_in_at: dt.datetime
    checked_in_station: str

    @property
    def message(self) -> str:
        """One translated sentence for the desk."""
        time = local_time(self.checked_in_at).strftime("%H:%M")
        if self.first:
            return (
                translate("CheckIn", "%1 checked in at %2.")
                .replace("%1", self.enterprise_name)
                .replace("%2", time)
            )
        if self.checked_in_station:
            text = translate("CheckIn", "%1 is already checked in at %2 at %3.").replace(
                "%3", self.checked_in_station
            )
        else:
            text = translate("CheckIn", "%1 is already checked in at %2.")
        return text.replace("%1", self.enterprise_name).replace("%2", time)


def sign_up(
    session: Session,
    event_id: int,
    enterprise_id: int,
    *,
    attendee_name: str = "",
    attendee_phone: str = "",
    station: str = "",
) -> Registration:
    """The firm's registration for the event, created if needed (attendee details kept)."""
    get_event(session, event_id)
    get_enterprise(session, enterprise_id)
    registration = session.scalar(
        select(Registration).where(
            Registration.event_id == event_id, Registration.enterprise_id == enterprise_id
        )
    )
    if registration is None:
        registration = Registration(
            event_id=event_id,
            enterprise_id=enterprise_id,
            attendee_name=attendee_name.strip(),
            attendee_phone=attendee_phone.strip(),
            station=station,
        )
        raced = _add_unless_raced(session, registration)
        if raced is None:
            return registration
        registration = raced  # another desk signed the firm up at the same moment
    registration.deleted_at = None
    if attendee_name.strip():
        registration.attendee_name = attendee_name.strip()
    if attendee_phone.strip():
        registration.attendee_phone = attendee_phone.strip()
    return registration


def _add_unless_raced(session: Session, registration: Registration) -> Registration | None:
    """Insert the registration; on a server, when another desk inserted the same one first
    (one registration per firm and event), return that one instead (a savepoint keeps the
    rest of the transaction)."""
    if session.get_bind().dialect.name != "postgresql":
        session.add(registration)
        session.flush()
        return None
    try:
        with session.begin_nested():
            session.add(registration)
    except IntegrityError:
        found = session.scalar(
            select(Registration).where(
                Registration.event_id == registration.event_id,
                Registration.enterprise_id == registration.enterprise_id,
            )
        )
        if found is None:
            raise
        return found
    return None


def check_in(
    session: Session,
    event_id: int,
    enterprise_id: int,
    *,
    station: str,
    at: dt.datetime | None = None,
) -> CheckInResult:
    """Check a firm in at ``station`` (signing it up if needed); the first check-in wins."""
    registration = sign_up(session, event_id, enterprise_id, station=station)
    when = at or utcnow()
    result = session.execute(
        update(Registration)
        .where(Registration.id == registration.id, Registration.checked_in_at.is_(None))
        .values(checked_in_at=when, checked_in_station=station, station=station, updated_at=when)
        .execution_options(synchronize_session=False)
    )
    first = bool(getattr(result, "rowcount", 0))
    session.refresh(registration)
    enterprise = registration.enterprise
    assert registration.checked_in_at is not None
    return CheckInResult(
        registration_id=registration.id,
        enterprise_id=enterprise.id,
        enterprise_name=enterprise.name,
        first=first,
        checked_in_at=registration.checked_in_at,
        checked_in_station=registration.checked_in_station,
    )


def check_in_by_scan(
    session: Session, event_id: int, scanned: str, *, station: str, at: dt.datetime | None = None
) -> CheckInResult:
    """Check in the firm whose badge was scanned; raises :class:`CheckInError`."""
    try:
        payload = parse_payload(scanned)
    except ValueError as error:
        raise CheckInError(str(error)) from None
    if not isinstance(payload, EnterprisePayload):
        raise CheckInError(translate("CheckIn", "This is a patent code, not an enterprise badge."))
    enterprise = enterprise_by_uuid(session, payload.uuid)
    if enterprise is None:
        raise CheckInError(
            translate(
                "CheckIn",
                "This badge belongs to no enterprise in this database; merge the bundle of the "
                "laptop that printed it, or search by name.",
            )
        )
    return check_in(session, event_id, enterprise.id, station=station, at=at)


def check_in_walk_in(
    session: Session,
    event_id: int,
    name: str,
    phone: str,
    *,
    station: str,
    at: dt.datetime | None = None,
) -> CheckInResult:
    """Register a walk-in (flagged for reconciliation) and check it in."""
    enterprise = register_walk_in(session, name, phone, station=station)
    sign_up(session, event_id, enterprise.id, attendee_phone=enterprise.phone, station=station)
    return check_in(session, event_id, enterprise.id, station=station, at=at)


@dataclasses.dataclass(frozen=True)
class CheckInCandidate:
    """A firm found for check-in with its state for the event."""

    enterprise_id: int
    name: str
    credit_code: str
    phone: str
    is_walk_in: bool
    signed_up: bool
    checked_in_at: dt.datetime | None
    checked_in_station: str


def find_for_check_in(
    session: Session, event_id: int, text: str, *, limit: int = 20
) -> list[CheckInCandidate]:
    """Firms matching part of a name, credit code or phone, signed-up ones first."""
    firms = search_enterprises(session, text, limit=limit * 2)
    registrations = {
        reg.enterprise_id: reg
        for reg in session.scalars(
            select(Registration).where(
                Registration.event_id == event_id,
                Registration.deleted_at.is_(None),
                Registration.enterprise_id.in_([firm.id for firm in firms]),
            )
        )
    }
    found = [_candidate(firm, registrations.get(firm.id)) for firm in firms]
    found.sort(key=lambda c: not c.signed_up)
    return found[:limit]


def _candidate(firm: Enterprise, registration: Registration | None) -> CheckInCandidate:
    return CheckInCandidate(
        enterprise_id=firm.id,
        name=firm.name,
        credit_code=firm.credit_code or "",
        phone=firm.phone,
        is_walk_in=firm.is_walk_in,
        signed_up=registration is not None,
        checked_in_at=registration.checked_in_at if registration else None,
        checked_in_station=registration.checked_in_station if registration else "",
    )


def attendance(session: Session, event_id: int) -> tuple[int, int]:
    """(signed up, checked in) for the event."""
    rows = session.execute(
        select(Registration.checked_in_at).where(
            Registration.event_id == event_id, Registration.deleted_at.is_(None)
        )
    ).all()
    return len(rows), sum(1 for (at,) in rows if at is not None)
