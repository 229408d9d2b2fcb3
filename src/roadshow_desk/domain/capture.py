"""Recording intentions at the desk: validated, saved at once, never lost.

:func:`record_intention` is the one path every capture takes (the capture panel, the presenter
console, the CLI's sheet import goes through :func:`validated_draft` too): it validates an
:class:`IntentionDraft` and saves it **in its own short transaction** -- one ``INSERT`` and a
``COMMIT`` -- with the station and the original capture time. On SQLite the database runs in
WAL mode with ``synchronous=FULL`` (``store.db``), so once the function returns the
intention survives a killed process or a power cut (the durability test kills a recording
process with SIGKILL at random moments and checks every acknowledged intention).

Rules
    * an enterprise, a patent and one of the seven kinds are required;
    * "no demand" requires a 1–5 rating of the patent's industrialisation prospects; other
      kinds may carry one;
    * a contact phone, when given, must be a Chinese phone number (it is normalised).

Edits from today's list (:func:`update_intention`) and removal (:func:`set_intention_deleted`,
a tombstone, so undo brings it back and a bundle merge never resurrects or loses it) each run
in their own transaction too.

Each of the three takes an ``after_write`` callback, called inside the write's transaction
with the session and the ids of the patents whose intentions changed: derived data this
module does not own follows in the same commit. ``store.intentions`` wraps the three with
the patents' rescore (enterprise interest counts intentions); the window calls those.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Select, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import BudgetBand, FollowUpStage, IntentionKind, Timeline
from roadshow_desk.domain.identifiers import InvalidPhone, normalize_phone
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import Enterprise, Intention, Patent, new_uuid, utcnow
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

#: The seven kinds in number-key order (1–7).
KIND_ORDER: tuple[IntentionKind, ...] = tuple(IntentionKind)


def kind_label(kind: IntentionKind | str) -> str:
    return label(IntentionKind(kind))


class InvalidIntention(InputError):
    """An intention that cannot be saved; one translated sentence; ``field`` names the input."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class SessionSource(Protocol):
    """Anything that opens a short, committing session (``store.db.Database`` does)."""

    def session(self) -> AbstractContextManager[Session]: ...


#: ``after_write(session, patent_ids)``: called in an intention write's transaction with the
#: patents whose intentions changed.
AfterWrite = Callable[[Session, Sequence[int]], object]


@dataclasses.dataclass
class IntentionDraft:
    """What the desk typed (or a sheet row gave) for one intention."""

    enterprise_id: int | None = None
    patent_id: int | None = None
    kind: IntentionKind | None = None
    prospect_rating: int | None = None
    budget_band: BudgetBand | None = None
    budget_amount: Decimal | None = None
    timeline: Timeline | None = None
    contact_person: str = ""
    contact_phone: str = ""
    notes: str = ""
    event_id: int | None = None


@dataclasses.dataclass(frozen=True)
class RecordedIntention:
    """The acknowledgement of a saved intention."""

    id: int
    uuid: str
    captured_at: dt.datetime
    station: str


def validated_draft(draft: IntentionDraft) -> dict[str, Any]:
    """The column values for a draft; raises :class:`InvalidIntention` (no database access)."""
    if draft.enterprise_id is None:
        raise InvalidIntention(
            translate("Capture", "Choose the enterprise (type its name or scan its badge)."),
            "enterprise",
        )
    if draft.patent_id is None:
        raise InvalidIntention(
            translate("Capture", "Choose the patent (type its number or title, or scan its code)."),
            "patent",
        )
    if draft.kind is None:
        raise InvalidIntention(
            translate("Capture", "Choose what the enterprise wants (keys 1 to 7)."), "kind"
        )
    kind = IntentionKind(draft.kind)
    rating = draft.prospect_rating
    if rating is not None and not (isinstance(rating, int) and 1 <= rating <= 5):
        raise InvalidIntention(
            translate("Capture", "The rating of industrialisation prospects is from 1 to 5."),
            "rating",
        )
    if kind is IntentionKind.NO_DEMAND and rating is None:
        raise InvalidIntention(
            translate(
                "Capture",
                "With “no demand”, rate the patent's industrialisation prospects from 1 to 5.",
            ),
            "rating",
        )
    phone = ""
    if draft.contact_phone.strip():
        try:
            phone = normalize_phone(draft.contact_phone)
        except InvalidPhone:
            raise InvalidIntention(
                fmt(
                    translate(
                        "Capture",
                        "“%1” is not a Chinese mobile number (11 digits) or a landline with its "
                        "area code.",
                    ),
                    draft.contact_phone.strip(),
                ),
                "contact_phone",
            ) from None
    if draft.budget_amount is not None and draft.budget_amount < 0:
        raise InvalidIntention(translate("Capture", "The budget cannot be negative."), "budget")
    return {
        "event_id": draft.event_id,
        "enterprise_id": draft.enterprise_id,
        "patent_id": draft.patent_id,
        "kind": kind,
        "prospect_rating": rating,
        "budget_band": BudgetBand(draft.budget_band) if draft.budget_band else None,
        "budget_amount": draft.budget_amount,
        "timeline": Timeline(draft.timeline) if draft.timeline else None,
        "contact_person": " ".join(draft.contact_person.split()),
        "contact_phone": phone,
        "notes": draft.notes.strip(),
    }


def _missing_reference() -> InvalidIntention:
    return InvalidIntention(
        translate(
            "Capture",
            "The enterprise or the patent of this intention no longer exists; choose them again.",
        )
    )


class IntentionNotSaved(InvalidIntention):
    """The database could not be reached (a server stopped, the LAN gone): nothing was saved,
    the desk keeps what was typed and saves it again (the same ``uuid``: never twice)."""


def _unreachable() -> IntentionNotSaved:
    return IntentionNotSaved(
        translate(
            "Capture",
            "The database cannot be reached, so this intention was not saved; it stays here: "
            "save it again when the connection is back.",
        )
    )


_INSERT_INTENTION = insert(Intention.__table__)  # type: ignore[arg-type]


def record_intention(
    database: SessionSource,
    draft: IntentionDraft,
    *,
    station: str,
    captured_at: dt.datetime | None = None,
    after_write: AfterWrite | None = None,
    uuid: str | None = None,
) -> RecordedIntention:
    """Validate and save one intention in its own transaction; durable once it returns.

    ``captured_at`` (naive UTC, default now) is the original capture time, kept through
    bundles and merges. Raises :class:`InvalidIntention`; nothing is written then
    (:class:`IntentionNotSaved` when the database cannot be reached). Saving again with the
    same ``uuid`` after that returns the intention if the lost connection had in fact
    committed it: never saved twice.
    """
    values = validated_draft(draft)
    when = captured_at or utcnow()
    row = {
        **values,
        "uuid": uuid or new_uuid(),
        "captured_at": when,
        "captured_station": station,
        "station": station,
        "updated_at": when,
        "stage": FollowUpStage.NEW,
    }
    # A Core INSERT (no unit of work): the panel's save is one statement and one COMMIT.
    try:
        with database.session() as session:
            result = session.connection().execute(_INSERT_INTENTION, row)
            key = result.inserted_primary_key
            assert key is not None
            intention_id = int(key[0])
            recorded = RecordedIntention(intention_id, row["uuid"], when, station)
            if after_write is not None:
                after_write(session, [row["patent_id"]])
    except IntegrityError:
        if uuid is not None and (saved := _saved_before(database, uuid)) is not None:
            return saved
        raise _missing_reference() from None
    except (OperationalError, InterfaceError) as error:
        raise _unreachable() from error
    except DBAPIError as error:
        if error.connection_invalidated:
            raise _unreachable() from error
        raise
    return recorded


def _saved_before(database: SessionSource, uuid: str) -> RecordedIntention | None:
    """The intention already saved under ``uuid`` (a retry after an unacknowledged commit)."""
    with database.session() as session:
        found = session.scalar(select(Intention).where(Intention.uuid == uuid))
        if found is None:
            return None
        return RecordedIntention(found.id, found.uuid, found.captured_at, found.captured_station)


#: Fields of an intention that today's list may edit.
EDITABLE_FIELDS: tuple[str, ...] = (
    "enterprise_id",
    "patent_id",
    "kind",
    "prospect_rating",
    "budget_band",
    "budget_amount",
    "timeline",
    "contact_person",
    "contact_phone",
    "notes",
)


def draft_of(intention: Intention) -> IntentionDraft:
    return IntentionDraft(
        enterprise_id=intention.enterprise_id,
        patent_id=intention.patent_id,
        kind=intention.kind,
        prospect_rating=intention.prospect_rating,
        budget_band=intention.budget_band,
        budget_amount=intention.budget_amount,
        timeline=intention.timeline,
        contact_person=intention.contact_person,
        contact_phone=intention.contact_phone,
        notes=intention.notes,
        event_id=intention.event_id,
    )


DETAIL_FIELDS: tuple[str, ...] = (
    "prospect_rating",
    "budget_band",
    "timeline",
    "contact_person",
    "contact_phone",
    "notes",
)
"""The details of an intention: what it says beyond who wants which patent how (a re-import
of a transcribed sheet updates these)."""

FORM_FIELDS: tuple[str, ...] = ("enterprise_id", "patent_id", "kind", *DETAIL_FIELDS)
"""The fields of an intention the capture form edits (``budget_amount`` and the event are
not on the form, so an edit there never changes them)."""


def stored_draft(session: Session, intention_id: int) -> IntentionDraft | None:
    """The recorded intention as a draft (None when there is no such intention)."""
    stored = session.get(Intention, intention_id)
    return draft_of(stored) if stored is not None else None


def draft_changes(before: IntentionDraft | None, after: IntentionDraft) -> dict[str, Any]:
    """The form fields ``after`` changes (all of them when ``before`` is unknown), as
    :func:`update_intention` takes them."""
    return {
        name: getattr(after, name)
        for name in FORM_FIELDS
        if before is None or getattr(before, name) != getattr(after, name)
    }


def update_intention(
    database: SessionSource,
    intention_id: int,
    changes: dict[str, Any],
    *,
    station: str,
    after_write: AfterWrite | None = None,
) -> dict[str, Any]:
    """Edit a recorded intention (validated as a whole); returns the previous values of the
    changed fields, which undo passes back to this function."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    try:
        with database.session() as session:
            intention = _get(session, intention_id)
            draft = dataclasses.replace(draft_of(intention), **changes)
            values = validated_draft(draft)
            previous: dict[str, Any] = {}
            patents = [intention.patent_id]
            for name in changes:
                if getattr(intention, name) != values[name]:
                    previous[name] = getattr(intention, name)
                    setattr(intention, name, values[name])
            if previous:
                intention.station = station
            session.flush()
            if previous and after_write is not None:
                after_write(session, list(dict.fromkeys([*patents, intention.patent_id])))
    except IntegrityError:
        raise _missing_reference() from None
    return previous


def set_intention_deleted(
    database: SessionSource,
    intention_id: int,
    deleted: bool,
    *,
    station: str,
    after_write: AfterWrite | None = None,
) -> None:
    """Remove an intention from the lists (a tombstone) or bring it back (undo)."""
    with database.session() as session:
        intention = session.get(Intention, intention_id)
        if intention is None:
            raise InvalidIntention(translate("Capture", "This intention no longer exists."))
        set_deleted(intention, deleted, station=station)
        if after_write is not None:
            session.flush()
            after_write(session, [intention.patent_id])


def _get(session: Session, intention_id: int) -> Intention:
    intention = live(session, Intention, intention_id)
    if intention is None:
        raise InvalidIntention(translate("Capture", "This intention no longer exists."))
    return intention


# --------------------------------------------------------------------------- today's list


@dataclasses.dataclass(frozen=True)
class IntentionRow:
    """One line of today's list (display values resolved)."""

    id: int
    captured_at: dt.datetime
    captured_station: str
    enterprise_id: int
    enterprise_name: str
    patent_id: int
    application_no: str
    patent_title: str
    kind: IntentionKind
    prospect_rating: int | None
    budget_band: BudgetBand | None
    timeline: Timeline | None
    contact_person: str
    contact_phone: str
    notes: str


def _day_query(
    session: Session, day: dt.date | None, station: str | None, event_id: int | None
) -> Select[Intention]:
    """Intentions of a calendar day at the venue (the event's time zone; default today)."""
    from roadshow_desk.domain.venue_time import to_venue, venue_day_bounds

    zone_name = None
    if event_id is not None:
        from roadshow_desk.domain.models import Event

        zone_name = session.scalar(select(Event.time_zone).where(Event.id == event_id))
    start, end = venue_day_bounds(day or to_venue(utcnow(), zone_name).date(), zone_name)
    query = select(Intention).where(
        Intention.deleted_at.is_(None),
        Intention.captured_at >= start,
        Intention.captured_at < end,
    )
    if station is not None:
        query = query.where(Intention.captured_station == station)
    if event_id is not None:
        query = query.where(Intention.event_id == event_id)
    return query


def intentions_of_day(
    session: Session,
    day: dt.date | None = None,
    *,
    station: str | None = None,
    event_id: int | None = None,
) -> list[IntentionRow]:
    """Intentions captured on the venue's ``day`` (default today there), newest first."""
    query = (
        _day_query(session, day, station, event_id)
        .add_columns(Enterprise.name, Patent.application_no, Patent.title)
        .join(Enterprise, Intention.enterprise_id == Enterprise.id)
        .join(Patent, Intention.patent_id == Patent.id)
        .order_by(Intention.captured_at.desc(), Intention.id.desc())
    )
    rows = []
    for intention, enterprise_name, application_no, title in session.execute(query):
        rows.append(
            IntentionRow(
                id=intention.id,
                captured_at=intention.captured_at,
                captured_station=intention.captured_station,
                enterprise_id=intention.enterprise_id,
                enterprise_name=enterprise_name,
                patent_id=intention.patent_id,
                application_no=application_no,
                patent_title=title,
                kind=intention.kind,
                prospect_rating=intention.prospect_rating,
                budget_band=intention.budget_band,
                timeline=intention.timeline,
                contact_person=intention.contact_person,
                contact_phone=intention.contact_phone,
                notes=intention.notes,
            )
        )
    return rows


def count_of_day(
    session: Session,
    day: dt.date | None = None,
    *,
    station: str | None = None,
    event_id: int | None = None,
) -> int:
    """How many intentions were captured on the venue's ``day`` (the running count)."""
    query = _day_query(session, day, station, event_id).with_only_columns(func.count(Intention.id))
    return int(session.scalar(query) or 0)
