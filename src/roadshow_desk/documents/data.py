"""What the printed documents show, read from the database into plain frozen records.

The documents draw from these records only (never from ORM objects), so rendering runs
without a database session and the tests can build records directly. Every loader reads
tombstoned (deleted) rows as absent and raises :class:`~roadshow_desk.errors.InputError`
with one sentence when there is nothing to print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roadshow_desk.documents.pages import Meta
from roadshow_desk.domain.enums import ConversionMode, EnterpriseTag, LegalStatus, PatentType
from roadshow_desk.domain.labels import label, label_of
from roadshow_desk.domain.models import split_list
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, interface_language, translate

if TYPE_CHECKING:
    from roadshow_desk.domain.models import Event, Patent
    from roadshow_desk.store.db import Database


def other_field() -> str:
    """The group of patents without a technical field."""
    return translate("Documents", "Other fields")


@dataclass(frozen=True)
class EventInfo:
    id: int
    uuid: str
    name: str
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    venue: str = ""
    region: str = ""
    partner_regions: tuple[str, ...] = ()
    organisers: tuple[str, ...] = ()
    signup_url_template: str = ""
    foreword: str = ""
    time_zone: str = "Asia/Shanghai"
    document_language: str = "zh_CN"


@dataclass(frozen=True)
class PatentInfo:
    """One shortlisted patent as the brochure and the cards print it."""

    id: int
    application_no: str
    title: str
    institution: str = ""
    technical_field: str = ""
    abstract: str = ""
    patent_type: str = ""
    legal_status: str = ""
    inventors: tuple[str, ...] = ()
    ipc_main: str = ""
    conversion_modes: tuple[str, ...] = ()
    open_licence_terms: str = ""
    price_guide: str = ""
    contact: str = ""
    advantages: str = ""
    application_scenarios: str = ""
    qr: str = ""
    """What its QR code holds: the sign-up link, or the patent payload without one."""

    @property
    def field(self) -> str:
        return self.technical_field or other_field()


@dataclass(frozen=True)
class SlotInfo:
    position: int
    title: str
    application_no: str = ""
    institution: str = ""
    presenter: str = ""
    minutes: int = 8
    starts_at: dt.datetime | None = None


@dataclass(frozen=True)
class SessionInfo:
    id: int
    title: str
    starts_at: dt.datetime | None = None
    room: str = ""
    host: str = ""
    slots: tuple[SlotInfo, ...] = field(default_factory=tuple)

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.starts_at is None:
            return None
        return self.starts_at + dt.timedelta(minutes=sum(s.minutes for s in self.slots))


@dataclass(frozen=True)
class BadgeInfo:
    name: str
    payload: str
    tags: tuple[str, ...] = ()
    region: str = ""
    attendee: str = ""


# --------------------------------------------------------------------------- loading


def local_time(moment: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """A stored naive-UTC time at the venue (the event's zone, naive), as documents print it."""
    from roadshow_desk.domain.venue_time import to_venue

    return to_venue(moment, zone_name)


def event_info(event: Event) -> EventInfo:
    return EventInfo(
        id=event.id,
        uuid=event.uuid,
        name=(event.name or "").strip(),
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        venue=(event.venue or "").strip(),
        region=(event.region or "").strip(),
        partner_regions=tuple(split_list(event.partner_regions)),
        organisers=tuple(split_list(event.organisers)),
        signup_url_template=(event.signup_url_template or "").strip(),
        foreword=(event.foreword or "").strip(),
        time_zone=event.time_zone or "Asia/Shanghai",
        document_language=event.document_language or "zh_CN",
    )


def load_event(database: Database, event_ref: str | int | None = None) -> EventInfo:
    """The event ``event_ref`` names (id or uuid), or the most recent one."""
    from roadshow_desk.domain.events import resolve_event

    with database.session() as session:
        return event_info(resolve_event(session, event_ref))


def patent_qr(event: EventInfo, application_no: str) -> str:
    """The text of a patent's QR code: the event's sign-up link for the patent when the event
    has a link template, else the patent payload a desk scanner reads (``RSD1:P:…``)."""
    from roadshow_desk.domain.payloads import InvalidPayload, patent_payload, signup_url

    try:
        if event.signup_url_template:
            return signup_url(event.signup_url_template, event.uuid, application_no)
        return patent_payload(application_no)
    except InvalidPayload:
        return ""


def event_signup_link(event: EventInfo) -> str:
    """The event-wide sign-up link, or ``""`` when the event has no (valid) link template."""
    from roadshow_desk.domain.payloads import InvalidPayload, signup_url

    if not event.signup_url_template:
        return ""
    try:
        return signup_url(event.signup_url_template, event.uuid)
    except InvalidPayload:
        return ""


def _contact(patent: Patent) -> str:
    if (patent.public_contact or "").strip():
        return patent.public_contact.strip()
    institution = patent.institution
    if institution is None:
        return ""
    parts = [institution.contact_person, institution.contact_phone, institution.contact_email]
    return "  ".join(p.strip() for p in parts if p and p.strip())


def patent_info(patent: Patent, event: EventInfo) -> PatentInfo:
    from roadshow_desk.domain.public_view import parse_conversion_modes

    modes = parse_conversion_modes(patent.conversion_modes)
    terms = (patent.open_licence_terms or "").strip()
    return PatentInfo(
        id=patent.id,
        application_no=patent.application_no,
        title=(patent.title or "").strip(),
        institution=(patent.institution.name if patent.institution else "").strip(),
        technical_field=(patent.technical_field or "").strip(),
        abstract=(patent.abstract or "").strip(),
        patent_type=label_of(PatentType, patent.patent_type),
        legal_status=label_of(LegalStatus, patent.legal_status),
        inventors=tuple(split_list(patent.inventors)),
        ipc_main=(patent.ipc_main or "").strip(),
        conversion_modes=tuple(label(m) for m in modes),
        open_licence_terms=terms if ConversionMode.OPEN_LICENCE in modes else "",
        price_guide=(patent.price_guide or "").strip(),
        contact=_contact(patent),
        advantages=(patent.advantages or "").strip(),
        application_scenarios=(patent.application_scenarios or "").strip(),
        qr=patent_qr(event, patent.application_no),
    )


def load_shortlist(database: Database, event: EventInfo) -> list[PatentInfo]:
    """The event's included shortlist in the organiser's order; an error when it is empty."""
    from roadshow_desk.domain.shortlist import shortlist_in_order

    with database.session() as session:
        entries = shortlist_in_order(session, event.id, included_only=True)
        patents = [patent_info(e.patent, event) for e in entries]
    if not patents:
        with interface_language():
            message = translate(
                "Documents", "The event “%1” has no patents on its shortlist; add some first."
            )
        raise InputError(fmt(message, event.name))
    return patents


def load_sessions(
    database: Database, event: EventInfo, session_id: int | None = None
) -> list[SessionInfo]:
    """The event's roadshow sessions with their slots (one when ``session_id`` is given)."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from roadshow_desk.domain.models import RoadshowSession, Slot

    with database.session() as session:
        query = (
            select(RoadshowSession)
            .where(RoadshowSession.event_id == event.id, RoadshowSession.deleted_at.is_(None))
            .order_by(RoadshowSession.position, RoadshowSession.id)
            .options(
                selectinload(RoadshowSession.slots).selectinload(Slot.patent),
                selectinload(RoadshowSession.slots).selectinload(Slot.institution),
            )
        )
        if session_id is not None:
            query = query.where(RoadshowSession.id == session_id)
        result: list[SessionInfo] = []
        for row in session.scalars(query):
            slots: list[SlotInfo] = []
            starts_at = local_time(row.starts_at, event.time_zone) if row.starts_at else None
            clock = starts_at
            for slot in row.slots:
                if slot.deleted_at is not None:
                    continue
                patent = slot.patent if slot.patent and slot.patent.deleted_at is None else None
                institution = slot.institution or (patent.institution if patent else None)
                slots.append(
                    SlotInfo(
                        position=len(slots) + 1,
                        title=(patent.title if patent else "").strip(),
                        application_no=patent.application_no if patent else "",
                        institution=(institution.name if institution else "").strip(),
                        presenter=(slot.presenter or "").strip(),
                        minutes=slot.planned_minutes or 0,
                        starts_at=clock,
                    )
                )
                if clock is not None:
                    clock += dt.timedelta(minutes=slot.planned_minutes or 0)
            result.append(
                SessionInfo(
                    id=row.id,
                    title=(row.title or "").strip(),
                    starts_at=starts_at,
                    room=(row.room or "").strip(),
                    host=(row.host or "").strip(),
                    slots=tuple(slots),
                )
            )
    if session_id is not None and not result:
        with interface_language():
            message = translate("Documents", "The event “%1” has no roadshow session %2.")
        raise InputError(fmt(message, event.name, str(session_id)))
    return result


def tag_labels(tags: str) -> tuple[str, ...]:
    return tuple(label_of(EnterpriseTag, value) for value in split_list(tags))


def load_badges(
    database: Database, event: EventInfo, checked_in_only: bool = False
) -> list[BadgeInfo]:
    """A badge for every enterprise registered for the event (or only those checked in)."""
    from sqlalchemy import select

    from roadshow_desk.domain.models import Enterprise, Registration
    from roadshow_desk.domain.payloads import enterprise_payload

    with database.session() as session:
        query = (
            select(Registration, Enterprise)
            .join(Enterprise, Registration.enterprise_id == Enterprise.id)
            .where(
                Registration.event_id == event.id,
                Registration.deleted_at.is_(None),
                Enterprise.deleted_at.is_(None),
            )
            .order_by(Enterprise.name, Enterprise.id)
        )
        if checked_in_only:
            query = query.where(Registration.checked_in_at.is_not(None))
        badges = [
            BadgeInfo(
                name=(enterprise.name or "").strip(),
                payload=enterprise_payload(enterprise.uuid),
                tags=tag_labels(enterprise.tags),
                region=(enterprise.region or "").strip(),
                attendee=(registration.attendee_name or "").strip(),
            )
            for registration, enterprise in session.execute(query)
        ]
    if not badges:
        with interface_language():
            message = _no_badges_message(checked_in_only)
        raise InputError(fmt(message, event.name))
    return badges


def _no_badges_message(checked_in_only: bool) -> str:
    if checked_in_only:
        return translate("Documents", "No enterprise has checked in to “%1” yet.")
    return translate("Documents", "No enterprise has registered for “%1” yet.")


# --------------------------------------------------------------------------- formatting


def format_date(day: dt.date) -> str:
    return fmt(
        translate("Documents", "%1-%2-%3", "date: year, month, day"),
        str(day.year),
        str(day.month),
        str(day.day),
    )


def format_dates(start: dt.date | None, end: dt.date | None) -> str:
    """The event's dates as one phrase ("2025年3月14日—15日")."""
    if start is None:
        return format_date(end) if end else ""
    if end is None or end == start:
        return format_date(start)
    if (end.year, end.month) == (start.year, start.month):
        return fmt(
            translate("Documents", "%1-%2-%3 to %4", "dates in one month"),
            str(start.year),
            str(start.month),
            str(start.day),
            str(end.day),
        )
    return format_date(start) + " — " + format_date(end)


def format_time(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.strftime("%H:%M")


def joined(items: tuple[str, ...] | list[str]) -> str:
    """Items joined the Chinese way ("A、B、C")."""
    return translate("Documents", ", ", "list separator").join(items)


def event_meta(event: EventInfo, document: str) -> Meta:
    """The PDF properties of the event's ``document`` (its translated name): titled by the
    event and the document, by the event's organisers, the event's name in the footers (of
    the pages that have one)."""
    return Meta(
        title=event.name + " · " + document,
        subject=document,
        author=joined(event.organisers),
        footer_text=event.name,
    )
