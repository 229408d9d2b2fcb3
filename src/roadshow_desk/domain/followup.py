"""Following a lead up: the stage machine, owner, next action and a dated log.

Stages (``FollowUpStage``)::

    new → contacted → negotiating → agreed → contract signed → transfer registered
                                                             ↘ licence filed
    any open stage (new … contract signed) → dropped (a reason is required)

Transfer registered, licence filed and dropped are final. A lead moves one stage at a time
(the log then shows when each step happened, which the provincial office's figures use);
anything else is refused with :class:`TransitionRefused`, whose message is one translated
sentence naming the allowed next stages. Every move, owner change and note adds a
``FollowUpEntry`` to the intention's log. :func:`undo_last_move` takes the latest move back
(for the window's undo).

Every function takes an SQLAlchemy ``Session``; the caller commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    FollowUpEntry,
    Intention,
    Patent,
    utcnow,
)
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.domain.venue_time import venue_today
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

S = FollowUpStage
NEXT_STAGES: dict[FollowUpStage, tuple[FollowUpStage, ...]] = {
    S.NEW: (S.CONTACTED, S.DROPPED),
    S.CONTACTED: (S.NEGOTIATING, S.DROPPED),
    S.NEGOTIATING: (S.AGREED, S.DROPPED),
    S.AGREED: (S.CONTRACT_SIGNED, S.DROPPED),
    S.CONTRACT_SIGNED: (S.TRANSFER_REGISTERED, S.LICENCE_FILED, S.DROPPED),
    S.TRANSFER_REGISTERED: (),
    S.LICENCE_FILED: (),
    S.DROPPED: (),
}
OPEN_STAGES: tuple[FollowUpStage, ...] = tuple(
    stage for stage, targets in NEXT_STAGES.items() if targets
)
FINAL_STAGES: tuple[FollowUpStage, ...] = tuple(
    stage for stage, targets in NEXT_STAGES.items() if not targets
)


def stage_label(stage: FollowUpStage | str) -> str:
    return label(FollowUpStage(stage))


class TransitionRefused(InputError):
    """A stage change the pipeline does not allow (one translated sentence)."""


class FollowUpError(InputError):
    """Another follow-up change that cannot be made (one translated sentence)."""


def _get(session: Session, intention_id: int) -> Intention:
    intention = live(session, Intention, intention_id)
    if intention is None:
        raise FollowUpError(translate("FollowUp", "This intention no longer exists."))
    return intention


def can_move(current: FollowUpStage, target: FollowUpStage) -> bool:
    return target in NEXT_STAGES[current]


def _refusal(current: FollowUpStage, target: FollowUpStage) -> TransitionRefused:
    allowed = NEXT_STAGES[current]
    names = ""
    if current == target:
        text = translate("FollowUp", "The intention is already at “%1”.")
    elif not allowed:
        text = translate("FollowUp", "The intention is closed at “%1”; it cannot move to “%2”.")
    else:
        names = translate("FollowUp", "” or “").join(stage_label(stage) for stage in allowed)
        text = translate(
            "FollowUp", "An intention at “%1” cannot move to “%2”; it can move to “%3”."
        )
    return TransitionRefused(fmt(text, stage_label(current), stage_label(target), names))


def move_to(
    session: Session,
    intention_id: int,
    target: FollowUpStage,
    *,
    author: str = "",
    note: str = "",
    reason: str = "",
    at: dt.datetime | None = None,
    station: str = "",
) -> FollowUpEntry:
    """Move an intention to ``target``; raises :class:`TransitionRefused`.

    Dropping requires ``reason`` (kept in ``dropped_reason`` and the log).
    """
    intention = _get(session, intention_id)
    current = FollowUpStage(intention.stage)
    target = FollowUpStage(target)
    if not can_move(current, target):
        raise _refusal(current, target)
    if target is S.DROPPED and not reason.strip():
        raise TransitionRefused(translate("FollowUp", "Say why the lead is dropped."))
    when = at or utcnow()
    intention.stage = target
    intention.stage_changed_at = when
    intention.station = station or intention.station
    if target is S.DROPPED:
        intention.dropped_reason = reason.strip()
    text = "\n".join(filter(None, [reason.strip(), note.strip()]))
    entry = FollowUpEntry(
        intention_id=intention.id,
        at=when,
        from_stage=current,
        to_stage=target,
        note=text,
        author=author.strip(),
        station=station,
    )
    session.add(entry)
    session.flush()
    return entry


def undo_last_move(session: Session, intention_id: int, *, station: str = "") -> None:
    """Take the latest stage change back (its log line becomes a tombstone)."""
    intention = _get(session, intention_id)
    entry = session.scalar(
        select(FollowUpEntry)
        .where(
            FollowUpEntry.intention_id == intention_id,
            FollowUpEntry.deleted_at.is_(None),
            FollowUpEntry.to_stage.is_not(None),
        )
        .order_by(FollowUpEntry.at.desc(), FollowUpEntry.id.desc())
    )
    if entry is None or entry.from_stage is None:
        raise FollowUpError(translate("FollowUp", "This intention has no stage change to undo."))
    if entry.to_stage is S.DROPPED:
        intention.dropped_reason = ""
    intention.stage = entry.from_stage
    set_deleted(entry, True, station=station)
    previous = session.scalar(
        select(FollowUpEntry.at)
        .where(
            FollowUpEntry.intention_id == intention_id,
            FollowUpEntry.deleted_at.is_(None),
            FollowUpEntry.to_stage.is_not(None),
            FollowUpEntry.id != entry.id,
        )
        .order_by(FollowUpEntry.at.desc())
    )
    intention.stage_changed_at = previous
    intention.station = station or intention.station


def add_note(
    session: Session,
    intention_id: int,
    note: str,
    *,
    author: str = "",
    at: dt.datetime | None = None,
    station: str = "",
) -> FollowUpEntry:
    """A dated line in the log (a call, a meeting, an e-mail)."""
    if not note.strip():
        raise FollowUpError(translate("FollowUp", "The note is empty."))
    intention = _get(session, intention_id)
    entry = FollowUpEntry(
        intention_id=intention.id,
        at=at or utcnow(),
        note=note.strip(),
        author=author.strip(),
        station=station,
    )
    session.add(entry)
    session.flush()
    return entry


def withdraw_note(session: Session, entry_id: int, *, station: str = "") -> None:
    """Take a note out of the log (a tombstone; undo of :func:`add_note`)."""
    entry = session.get(FollowUpEntry, entry_id)
    if entry is not None and entry.deleted_at is None:
        set_deleted(entry, True, station=station)
        session.flush()


def restore_note(session: Session, entry_id: int, *, station: str = "") -> None:
    """Put a withdrawn note back in the log (redo of :func:`add_note`)."""
    entry = session.get(FollowUpEntry, entry_id)
    if entry is not None and entry.deleted_at is not None:
        set_deleted(entry, False, station=station)
        session.flush()


def set_owner(
    session: Session, intention_id: int, owner: str, *, author: str = "", station: str = ""
) -> str:
    """Give the lead to ``owner``; returns the previous owner. Logged."""
    return change_owner(session, intention_id, owner, author=author, station=station).previous


@dataclasses.dataclass(frozen=True)
class OwnerChange:
    """What :func:`change_owner` did: the owners before and after, and its log line's id
    (``None`` when the owner was already ``owner`` and nothing was logged)."""

    previous: str
    owner: str
    entry_id: int | None


def change_owner(
    session: Session, intention_id: int, owner: str, *, author: str = "", station: str = ""
) -> OwnerChange:
    """Give the lead to ``owner`` and log it; :func:`take_back_owner_change` undoes it."""
    intention = _get(session, intention_id)
    previous = intention.owner
    clean = " ".join(owner.split())
    if clean == previous:
        return OwnerChange(previous, clean, None)
    intention.owner = clean
    intention.station = station or intention.station
    text = (
        fmt(translate("FollowUp", "Owner: %1"), clean)
        if clean
        else translate("FollowUp", "Owner removed")
    )
    entry = FollowUpEntry(
        intention_id=intention.id, note=text, author=author.strip(), station=station
    )
    session.add(entry)
    session.flush()
    return OwnerChange(previous, clean, entry.id)


def take_back_owner_change(
    session: Session, intention_id: int, change: OwnerChange, *, station: str = ""
) -> None:
    """Undo: the previous owner again, and the change's log line gone (a tombstone)."""
    _replay_owner(session, intention_id, change.previous, change.entry_id, False, station)


def reapply_owner_change(
    session: Session, intention_id: int, change: OwnerChange, *, station: str = ""
) -> None:
    """Redo after :func:`take_back_owner_change`: the new owner and its log line back."""
    _replay_owner(session, intention_id, change.owner, change.entry_id, True, station)


def _replay_owner(
    session: Session,
    intention_id: int,
    owner: str,
    entry_id: int | None,
    logged: bool,
    station: str,
) -> None:
    intention = _get(session, intention_id)
    intention.owner = owner
    intention.station = station or intention.station
    entry = session.get(FollowUpEntry, entry_id) if entry_id is not None else None
    if entry is not None:
        set_deleted(entry, not logged, station=station)


def set_next_action(
    session: Session, intention_id: int, on: dt.date | None, *, station: str = ""
) -> dt.date | None:
    """Set (or clear) the next-action date; returns the previous one (for undo)."""
    intention = _get(session, intention_id)
    previous = intention.next_action_on
    intention.next_action_on = on
    intention.station = station or intention.station
    return previous


def log_of(session: Session, intention_id: int) -> list[FollowUpEntry]:
    """The intention's log, oldest first."""
    return list(
        session.scalars(
            select(FollowUpEntry)
            .where(FollowUpEntry.intention_id == intention_id, FollowUpEntry.deleted_at.is_(None))
            .order_by(FollowUpEntry.at, FollowUpEntry.id)
        )
    )


@dataclasses.dataclass(frozen=True)
class FollowUpRow:
    """One lead in the follow-up list."""

    id: int
    enterprise_name: str
    application_no: str
    patent_title: str
    kind: IntentionKind
    stage: FollowUpStage
    owner: str
    next_action_on: dt.date | None
    captured_at: dt.datetime
    overdue: bool


def event_today(session: Session, event_id: int | None) -> dt.date:
    """Today at the venue of ``event_id`` (the default venue zone without an event)."""
    event = session.get(Event, event_id) if event_id is not None else None
    return venue_today(event.time_zone if event is not None else None)


def followup_conditions(
    *,
    event_id: int | None = None,
    stages: tuple[FollowUpStage, ...] | list[FollowUpStage] | None = None,
    owner: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[ColumnElement[bool]]:
    """The ``WHERE`` conditions on :class:`Intention` of the follow-up filters: by event, by
    stage, by owner (``""`` = nobody), and overdue (an open lead whose next-action date has
    passed, ``today`` defaulting to the venue's date). The list and the intention export share
    them, so an export is what is shown."""
    day = today or venue_today()
    conditions: list[ColumnElement[bool]] = [Intention.deleted_at.is_(None)]
    if event_id is not None:
        conditions.append(Intention.event_id == event_id)
    if stages:
        conditions.append(Intention.stage.in_(list(stages)))
    if owner is not None:
        conditions.append(Intention.owner == owner)
    if overdue:
        conditions += [
            Intention.stage.in_(list(OPEN_STAGES)),
            Intention.next_action_on.is_not(None),
            Intention.next_action_on < day,
        ]
    return conditions


def query_followups(
    session: Session,
    *,
    event_id: int | None = None,
    stages: tuple[FollowUpStage, ...] | list[FollowUpStage] | None = None,
    owner: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
) -> list[FollowUpRow]:
    """Leads filtered in SQL (:func:`followup_conditions`). Ordered by next action (undated
    last), then capture. Overdue is measured by the date at the event's venue."""
    day = today or event_today(session, event_id)
    query = (
        select(Intention, Enterprise.name, Patent.application_no, Patent.title)
        .join(Enterprise, Intention.enterprise_id == Enterprise.id)
        .join(Patent, Intention.patent_id == Patent.id)
        .where(
            *followup_conditions(
                event_id=event_id, stages=stages, owner=owner, overdue=overdue, today=day
            )
        )
    )
    query = query.order_by(
        Intention.next_action_on.is_(None),
        Intention.next_action_on,
        Intention.captured_at,
        Intention.id,
    )
    if limit:
        query = query.limit(limit)
    rows = []
    for intention, name, application_no, title in session.execute(query):
        stage = FollowUpStage(intention.stage)
        rows.append(
            FollowUpRow(
                id=intention.id,
                enterprise_name=name,
                application_no=application_no,
                patent_title=title,
                kind=intention.kind,
                stage=stage,
                owner=intention.owner,
                next_action_on=intention.next_action_on,
                captured_at=intention.captured_at,
                overdue=stage in OPEN_STAGES
                and intention.next_action_on is not None
                and intention.next_action_on < day,
            )
        )
    return rows


def owners(session: Session) -> list[str]:
    """Everyone who owns a lead, for the owner filter."""
    return [
        name
        for name in session.scalars(
            select(Intention.owner)
            .where(Intention.owner != "")
            .distinct()
            .order_by(Intention.owner)
        )
    ]
