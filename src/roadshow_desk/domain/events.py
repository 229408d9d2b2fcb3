"""Event setup: name, dates, venue, regions, organisers, sign-up link template, stations.

Creating an event is undoable: :func:`take_back_event` turns the new event into a tombstone
(refused once something has been recorded for it) and :func:`restore_event` brings the same
record back, uuid and all.

``--event ID`` on the command line and the event chooser both go through
:func:`resolve_event`: an integer id, a uuid, or nothing for the most recent event (the one
starting last; events without dates count by when they were created).

Every function takes an SQLAlchemy ``Session``; the caller commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.models import (
    Event,
    Intention,
    Registration,
    RoadshowSession,
    ShortlistEntry,
    Station,
    join_list,
    split_list,
    utcnow,
)
from roadshow_desk.domain.payloads import signup_template_problem
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.domain.venue_time import DEFAULT_TIME_ZONE, InvalidTimeZone, check_time_zone
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate


class EventInvalid(InputError):
    """Event details that cannot be saved, or an event that does not exist (one sentence)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


#: The languages a document can be printed in (the event's setting; ``--lang`` overrides).
DOCUMENT_LANGUAGES = ("zh_CN", "en")
DEFAULT_DOCUMENT_LANGUAGE = "zh_CN"


@dataclasses.dataclass
class EventFields:
    """What the event form gives (lists as sequences of names)."""

    name: str
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    venue: str = ""
    region: str = ""
    partner_regions: Sequence[str] = ()
    organisers: Sequence[str] = ()
    signup_url_template: str = ""
    foreword: str = ""
    time_zone: str = DEFAULT_TIME_ZONE
    document_language: str = DEFAULT_DOCUMENT_LANGUAGE


def split_names(text: str) -> list[str]:
    """Names typed in one field, separated by ``;``, ``；``, ``、``, ``,``, ``，`` or lines."""
    return [part.strip() for part in re.split(r"[;；、,，\n]+", text) if part.strip()]


def _validated(fields: EventFields, require_dates: bool = False) -> dict[str, object]:
    name = " ".join(fields.name.split())
    if not name:
        raise EventInvalid(translate("Events", "The event needs a name."), "name")
    if require_dates and fields.starts_on is None:
        raise EventInvalid(
            translate(
                "Events",
                "The event needs the day it starts (the brochure, badges and agenda print "
                "it); type it like 2026-12-18.",
            ),
            "starts_on",
        )
    if fields.starts_on and fields.ends_on and fields.ends_on < fields.starts_on:
        raise EventInvalid(translate("Events", "The event cannot end before it starts."), "ends_on")
    problem = signup_template_problem(fields.signup_url_template)
    if problem is not None:
        raise EventInvalid(problem, "signup_url_template")
    try:
        time_zone = check_time_zone(fields.time_zone)
    except InvalidTimeZone as error:
        raise EventInvalid(str(error), "time_zone") from None
    language = fields.document_language
    if language not in DOCUMENT_LANGUAGES:
        language = DEFAULT_DOCUMENT_LANGUAGE
    return {
        "name": name,
        "starts_on": fields.starts_on,
        "ends_on": fields.ends_on or fields.starts_on,
        "venue": fields.venue.strip(),
        "region": fields.region.strip(),
        "partner_regions": join_list(list(fields.partner_regions)),
        "organisers": join_list(list(fields.organisers)),
        "signup_url_template": fields.signup_url_template.strip(),
        "foreword": fields.foreword.strip(),
        "time_zone": time_zone,
        "document_language": language,
    }


def create_event(
    session: Session, fields: EventFields, *, station: str = "", require_dates: bool = False
) -> Event:
    """A new event; raises :class:`EventInvalid` (also without a start day when
    ``require_dates``, as the event form asks)."""
    event = Event(**_validated(fields, require_dates), station=station)
    session.add(event)
    session.flush()
    return event


def update_event(
    session: Session,
    event_id: int,
    fields: EventFields,
    *,
    station: str = "",
    require_dates: bool = False,
) -> Event:
    """Save the event form; raises :class:`EventInvalid`."""
    event = get_event(session, event_id)
    for name, value in _validated(fields, require_dates).items():
        setattr(event, name, value)
    event.station = station or event.station
    session.flush()
    return event


def recorded_for(session: Session, event_id: int) -> bool:
    """Whether anything lives for the event: a sign-up, a session, a shortlisted patent or
    an intention (tombstones do not count)."""
    return any(
        session.scalar(
            select(exists().where(model.event_id == event_id, model.deleted_at.is_(None)))
        )
        for model in (Registration, RoadshowSession, ShortlistEntry, Intention)
    )


def take_back_event(session: Session, event_id: int, *, station: str = "") -> None:
    """Undo of :func:`create_event`: the event becomes a tombstone stamped with ``station``
    (so the station's bundle carries it). Raises :class:`EventInvalid` when something has
    been recorded for the event since (:func:`recorded_for`): that event stays."""
    event = get_event(session, event_id)
    if recorded_for(session, event_id):
        raise EventInvalid(
            fmt(
                translate(
                    "Events",
                    "The event “%1” stays: sign-ups, sessions, shortlisted patents or "
                    "intentions have been recorded for it since it was created.",
                ),
                event.name,
            )
        )
    set_deleted(event, True, station=station)
    session.flush()


def restore_event(session: Session, event_id: int, *, station: str = "") -> Event:
    """Redo of :func:`create_event` after :func:`take_back_event`: the same event (same
    uuid) back, stamped with ``station``."""
    event = session.get(Event, event_id)
    if event is None:
        raise EventInvalid(fmt(translate("Events", "There is no event %1."), str(event_id)))
    if event.deleted_at is not None:
        set_deleted(event, False, station=station)
        session.flush()
    return event


def fields_of(event: Event) -> EventFields:
    """The form fields of a stored event."""
    return EventFields(
        name=event.name,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        venue=event.venue,
        region=event.region,
        partner_regions=split_list(event.partner_regions),
        organisers=split_list(event.organisers),
        signup_url_template=event.signup_url_template,
        foreword=event.foreword,
        time_zone=event.time_zone or DEFAULT_TIME_ZONE,
        document_language=event.document_language or DEFAULT_DOCUMENT_LANGUAGE,
    )


def get_event(session: Session, event_id: int) -> Event:
    event = live(session, Event, event_id)
    if event is None:
        raise EventInvalid(fmt(translate("Events", "There is no event %1."), str(event_id)))
    return event


def event_exists(session: Session, event_id: int) -> bool:
    """Whether the event is there (not removed, nor a creation taken back)."""
    return live(session, Event, event_id) is not None


def list_events(session: Session) -> list[Event]:
    """Events, the most recent first."""
    query = select(Event).where(Event.deleted_at.is_(None))
    events = list(session.scalars(query))
    events.sort(key=_recency, reverse=True)
    return events


def _recency(event: Event) -> tuple[dt.date, dt.datetime, int]:
    return (event.starts_on or event.created_at.date(), event.created_at, event.id)


def latest_event(session: Session) -> Event | None:
    """The most recent event, or ``None`` when there is none."""
    events = list_events(session)
    return events[0] if events else None


def resolve_event(session: Session, ref: str | int | None) -> Event:
    """The event named by ``--event`` (id or uuid), or the most recent one.

    Raises :class:`EventInvalid` with one sentence when there is no such event (or none).
    """
    if ref is None or (isinstance(ref, str) and not ref.strip()):
        event = latest_event(session)
        if event is None:
            raise EventInvalid(translate("Events", "There is no event yet; create one first."))
        return event
    text = str(ref).strip()
    if text.isdecimal():
        return get_event(session, int(text))
    found = session.scalar(
        select(Event).where(Event.uuid == text.lower().replace("-", ""), Event.deleted_at.is_(None))
    )
    if found is None:
        raise EventInvalid(fmt(translate("Events", "There is no event %1."), text))
    return found


# --------------------------------------------------------------------------- stations


def ensure_station(session: Session, name: str) -> Station:
    """The station called ``name``, created on first use."""
    clean = " ".join(name.split())
    if not clean:
        raise EventInvalid(translate("Events", "A station needs a name."), "station")
    station = session.scalar(select(Station).where(Station.name == clean))
    if station is None:
        station = Station(name=clean, created_at=utcnow())
        session.add(station)
        session.flush()
    return station


def list_stations(session: Session) -> list[Station]:
    return list(session.scalars(select(Station).order_by(Station.name)))


def rename_station(session: Session, station_id: int, name: str) -> Station:
    """Rename a station (records keep the name they were written with)."""
    clean = " ".join(name.split())
    if not clean:
        raise EventInvalid(translate("Events", "A station needs a name."), "station")
    station = session.get(Station, station_id)
    if station is None:
        raise EventInvalid(translate("Events", "This station no longer exists."))
    clash = session.scalar(select(Station).where(Station.name == clean, Station.id != station_id))
    if clash is not None:
        raise EventInvalid(
            fmt(translate("Events", "There is already a station called %1."), clean),
            "station",
        )
    station.name = clean
    return station
