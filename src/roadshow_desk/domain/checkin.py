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
* :func:`check_in_walk_in` registers a walk-in (name, phone) and checks it in; a firm of the
  same normalised name that already checked in is refused with :class:`AlreadyRegistered`
  ("已登记：…"), and the same walk-in (same name and phone) is checked in again rather than
  registered twice.
* :func:`undo_check_in` takes a check-in back (and the sign-up and walk-in it made);
  :func:`redo_check_in` does it again, keeping the first time. Both are written into the
  registration's check-in log (``domain.check_in_log``), so the undo travels in bundles and
  wins over the check-in it took back wherever that check-in is merged again.
* :func:`exact_match` picks the one firm a typed text names exactly, among several found.

Times are stored as naive UTC and shown in the laptop's local time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from roadshow_desk.domain import check_in_log
from roadshow_desk.domain.enterprise_names import name_key
from roadshow_desk.domain.enterprise_search import search_enterprises
from roadshow_desk.domain.enterprises import (
    EnterpriseFields,
    enterprise_by_uuid,
    get_enterprise,
    register_walk_in,
    set_enterprise_deleted,
    validated_values,
)
from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.models import Enterprise, Registration, utcnow
from roadshow_desk.domain.payloads import EnterprisePayload, parse_payload
from roadshow_desk.domain.records import set_deleted, stamp
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate


class CheckInError(InputError):
    """A check-in that cannot be done (unknown badge, a patent code...); one sentence."""


class AlreadyRegistered(CheckInError):
    """A walk-in that is a firm already checked in for the event ("已登记：…")."""

    def __init__(self, message: str, enterprise_id: int) -> None:
        super().__init__(message)
        self.enterprise_id = enterprise_id


def local_time(at: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """A stored naive-UTC time at the venue (the event's time zone; naive, for display)."""
    from roadshow_desk.domain.venue_time import to_venue

    return to_venue(at, zone_name)


@dataclasses.dataclass(frozen=True)
class CheckInResult:
    """What a check-in did: ``first`` is False when the firm had already checked in."""

    registration_id: int
    enterprise_id: int
    enterprise_name: str
    first: bool
    checked_in_at: dt.datetime
    checked_in_station: str
    time_zone: str | None = None
    """The event's time zone: the time in :attr:`message` is the venue's."""
    signed_up: bool = False
    """This check-in also signed the firm up (undo removes the registration)."""
    walk_in_registered: bool = False
    """This check-in registered the firm as a walk-in (undo removes the firm)."""
    known_walk_in: bool = False
    """A walk-in registered before (same name and phone), checked in again, not registered."""

    @property
    def changed_anything(self) -> bool:
        """Whether there is anything to take back (a repeated check-in changes nothing)."""
        return self.first or self.signed_up or self.walk_in_registered

    @property
    def message(self) -> str:
        """One translated sentence for the desk."""
        time = local_time(self.checked_in_at, self.time_zone).strftime("%H:%M")
        if self.known_walk_in and self.first:
            return fmt(
                translate("CheckIn", "Already registered: %1; now checked in at %2."),
                self.enterprise_name,
                time,
            )
        if self.first:
            return fmt(translate("CheckIn", "%1 checked in at %2."), self.enterprise_name, time)
        if self.checked_in_station:
            text = translate("CheckIn", "%1 is already checked in at %2 at %3.")
        else:
            text = translate("CheckIn", "%1 is already checked in at %2.")
        return fmt(text, self.enterprise_name, time, self.checked_in_station)


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
    if registration.deleted_at is not None:  # withdrawn or taken back before: signed up again
        set_deleted(registration, False, station=station)
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
    """Check a firm in at ``station`` (signing it up if needed); the first check-in wins.

    ``at`` is when the firm checked in (default: now); the registration is stamped as
    written now all the same, so a check-in made again at its first time (a redo) still
    travels in the next bundle."""
    signed_up_before = session.scalar(
        select(Registration.id).where(
            Registration.event_id == event_id,
            Registration.enterprise_id == enterprise_id,
            Registration.deleted_at.is_(None),
        )
    )
    registration = sign_up(session, event_id, enterprise_id, station=station)
    when = at or utcnow()
    result = session.execute(
        update(Registration)
        .where(Registration.id == registration.id, Registration.checked_in_at.is_(None))
        .values(
            checked_in_at=when, checked_in_station=station, station=station, updated_at=utcnow()
        )
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
        signed_up=signed_up_before is None,
        time_zone=registration.event.time_zone,
    )


def undo_check_in(session: Session, result: CheckInResult, *, station: str = "") -> None:
    """Take back what ``result``'s check-in did: the check-in (marked taken back in the
    registration's check-in log, so the undo wins over that check-in in every merge; another
    desk's check-in the registration holds then shows), the sign-up it made, the walk-in it
    registered (tombstones, so bundles agree).

    Every change is stamped with ``station`` (default: the station that checked in), the
    one taking it back, so its bundle carries the tombstone like any other write."""
    registration = session.get(Registration, result.registration_id)
    if registration is None:
        return
    station = station or result.checked_in_station
    now = utcnow()
    if result.first:
        state = _check_ins(registration)
        key = (check_in_log.iso(result.checked_in_at), result.checked_in_station)
        if key in state:  # (a check-in gone since, by another merge, is left alone)
            _settle(
                registration,
                check_in_log.take_back(state, result.checked_in_at, result.checked_in_station, now),
            )
            stamp(registration, station, now)
    if result.signed_up:
        set_deleted(registration, True, station=station, now=now)
    if result.walk_in_registered:
        set_enterprise_deleted(session, result.enterprise_id, True, station=station)
    session.flush()


def redo_check_in(session: Session, result: CheckInResult, *, station: str = "") -> CheckInResult:
    """Do ``result``'s check-in again after :func:`undo_check_in`, at its first time and
    station; every record it writes is stamped with ``station`` (default: the station that
    checked in), the one redoing it, and with the time it is redone."""
    registration = session.get(Registration, result.registration_id)
    if registration is None:
        raise CheckInError(translate("CheckIn", "This check-in can no longer be redone."))
    station = station or result.checked_in_station
    if result.walk_in_registered:
        set_enterprise_deleted(session, result.enterprise_id, False, station=station)
    if registration.deleted_at is not None:
        set_deleted(registration, False, station=station)
    session.flush()
    redone = check_in(
        session,
        registration.event_id,
        result.enterprise_id,
        station=result.checked_in_station,
        at=result.checked_in_at,
    )
    now = utcnow()
    if result.first:
        _settle(
            registration,
            check_in_log.bring_back(
                _check_ins(registration), result.checked_in_at, result.checked_in_station, now
            ),
        )
        if (registration.checked_in_at, registration.checked_in_station) == (
            result.checked_in_at,
            result.checked_in_station,
        ):
            redone = dataclasses.replace(
                redone,
                first=True,
                checked_in_at=result.checked_in_at,
                checked_in_station=result.checked_in_station,
            )
    stamp(registration, station, now)
    session.flush()
    return redone


def _check_ins(registration: Registration) -> check_in_log.State:
    return check_in_log.state_of(
        registration.checked_in_at, registration.checked_in_station, registration.check_ins
    )


def _settle(registration: Registration, state: check_in_log.State) -> None:
    at, station, log = check_in_log.settle(state)
    registration.checked_in_at = check_in_log.decoded(at)
    registration.checked_in_station = station
    registration.check_ins = log


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
    """Register a walk-in (flagged for reconciliation) and check it in.

    Caught at the desk: a firm of the same normalised name that has already checked in for
    the event raises :class:`AlreadyRegistered` (nothing is written); a walk-in registered
    before with the same name and phone is checked in, not registered a second time. (A
    registered firm of the same name that has not checked in gets a walk-in all the same:
    the organiser reconciles the two later, see ``domain.enterprises``.)
    """
    if phone.strip():
        values = validated_values(EnterpriseFields(name=name, phone=phone))
        _refuse_checked_in_twin(session, event_id, values["name"])
        known = session.scalar(
            select(Enterprise)
            .where(
                Enterprise.deleted_at.is_(None),
                Enterprise.is_walk_in.is_(True),
                Enterprise.name_key == values["name_key"],
                Enterprise.phone == values["phone"],
            )
            .order_by(Enterprise.id)
            .limit(1)
        )
        if known is not None:
            result = check_in(session, event_id, known.id, station=station, at=at)
            return dataclasses.replace(result, known_walk_in=True)
    enterprise = register_walk_in(session, name, phone, station=station)
    sign_up(session, event_id, enterprise.id, attendee_phone=enterprise.phone, station=station)
    result = check_in(session, event_id, enterprise.id, station=station, at=at)
    return dataclasses.replace(result, walk_in_registered=True, signed_up=True)


def _refuse_checked_in_twin(session: Session, event_id: int, name: str) -> None:
    row = session.execute(
        select(
            Enterprise.id,
            Enterprise.name,
            Registration.checked_in_at,
            Registration.checked_in_station,
        )
        .join(Registration, Registration.enterprise_id == Enterprise.id)
        .where(
            Enterprise.deleted_at.is_(None),
            Enterprise.name_key == name_key(name),
            Registration.event_id == event_id,
            Registration.deleted_at.is_(None),
            Registration.checked_in_at.is_not(None),
        )
        .order_by(Registration.checked_in_at)
        .limit(1)
    ).first()
    if row is None:
        return
    enterprise_id, existing_name, at, station = row
    assert at is not None  # the query asks for checked-in registrations
    if station:
        text = translate("CheckIn", "Already registered: %1, checked in at %2 at %3.")
    else:
        text = translate("CheckIn", "Already registered: %1, checked in at %2.")
    raise AlreadyRegistered(
        fmt(
            text,
            existing_name,
            local_time(at, get_event(session, event_id).time_zone).strftime("%H:%M"),
            station,
        ),
        enterprise_id,
    )


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


def exact_match(candidates: list[CheckInCandidate], text: str) -> CheckInCandidate | None:
    """The one candidate ``text`` names exactly (normalised name, credit code or phone)."""
    key = name_key(text)
    compact = "".join(text.split()).upper()
    exact = [
        candidate
        for candidate in candidates
        if (key and name_key(candidate.name) == key)
        or (candidate.credit_code and candidate.credit_code == compact)
        or (candidate.phone and candidate.phone.replace("-", "") == compact.replace("-", ""))
    ]
    return exact[0] if len(exact) == 1 else None


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
