"""Loading a session for the roadshow, and what the projector may show of each position.

:func:`load_plan` reads a roadshow session once, before the show: its slots in order, each
with the patent's :class:`~roadshow_desk.domain.public_view.PublicPatentView` (for the
audience) and, apart from it, the presenter's notes from the event's shortlist (for the
console only). :func:`public_slide` turns a run position into a :class:`PublicSlide`, the
only thing the audience display accepts; it reads the public parts of the plan and nothing
else.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadshow_desk.domain.public_view import PublicPatentView, public_view
from roadshow_desk.domain.roadshow import Phase, Position, RunSlot
from roadshow_desk.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class PlanError(ValueError):
    """A session that cannot be presented; ``str()`` is one sentence."""


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """One slot as loaded for the show."""

    slot_id: int
    number: int  # 1-based position in the session
    planned_minutes: int
    presenter: str
    public: PublicPatentView | None  # None: the slot has no patent (e.g. a break)
    qr_payload: str  # the sign-up link or the patent payload; "" when there is none
    notes: str  # the presenter's notes from the shortlist: console only, never projected

    @property
    def patent_id(self) -> int | None:
        return self.public.patent_id if self.public is not None else None

    @property
    def heading(self) -> str:
        """The patent's title, or the presenter for a slot without a patent."""
        if self.public is not None and self.public.title:
            return self.public.title
        return self.presenter


@dataclass(frozen=True, slots=True)
class SessionPlan:
    session_id: int
    session_title: str
    event_id: int
    event_name: str
    event_qr_payload: str  # the event-wide sign-up link, "" without a template
    slots: tuple[SlotPlan, ...]
    time_zone: str = "Asia/Shanghai"  # the event's: every time on the console is the venue's
    starts_at: dt.datetime | None = None  # the session's planned start (naive UTC)

    def planned_starts(self) -> list[dt.datetime | None]:
        """Each slot's planned start (naive UTC): the session's start plus the minutes before."""
        if self.starts_at is None:
            return [None] * len(self.slots)
        starts: list[dt.datetime | None] = []
        clock = self.starts_at
        for slot in self.slots:
            starts.append(clock)
            clock += dt.timedelta(minutes=max(0, slot.planned_minutes))
        return starts

    def run_slots(self) -> list[RunSlot]:
        return [
            RunSlot(
                slot_id=slot.slot_id,
                patent_id=slot.patent_id,
                planned_seconds=max(0, slot.planned_minutes) * 60,
            )
            for slot in self.slots
        ]


class SlideKind(enum.StrEnum):
    TITLE = "title"  # session title card announcing a slot
    PATENT = "patent"
    END = "end"


@dataclass(frozen=True, slots=True)
class PublicSlide:
    """Everything the audience display may show at one position of the run."""

    kind: SlideKind
    event_name: str
    session_title: str
    number: int  # 1-based slot number (0 on the end card)
    count: int
    patent: PublicPatentView | None
    presenter: str
    qr_payload: str


def _qr_payload(template: str, event_uuid: str, application_no: str) -> str:
    from roadshow_desk.domain.payloads import InvalidPayload, patent_payload, signup_url

    try:
        if template.strip():
            return signup_url(template, event_uuid, application_no or None)
        if application_no:
            return patent_payload(application_no)
    except InvalidPayload:
        return ""
    return ""


def load_plan(session: Session, session_id: int) -> SessionPlan:
    """The roadshow session ``session_id`` ready to present (raises :class:`PlanError`)."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from roadshow_desk.domain.models import Patent, RoadshowSession, ShortlistEntry, Slot
    from roadshow_desk.domain.records import live

    roadshow = live(session, RoadshowSession, session_id)
    if roadshow is None:
        raise PlanError(translate("Roadshow", "The roadshow session no longer exists."))
    event = roadshow.event
    slots = session.scalars(
        select(Slot)
        .where(Slot.session_id == session_id, Slot.deleted_at.is_(None))
        .order_by(Slot.position, Slot.id)
        .options(
            selectinload(Slot.patent).selectinload(Patent.institution),
            selectinload(Slot.institution),
        )
    ).all()
    if not slots:
        raise PlanError(translate("Roadshow", "The session has no slots to present."))
    notes = dict(
        session.execute(
            select(ShortlistEntry.patent_id, ShortlistEntry.presenter_notes).where(
                ShortlistEntry.event_id == event.id, ShortlistEntry.deleted_at.is_(None)
            )
        ).all()
    )
    template = event.signup_url_template or ""
    plans: list[SlotPlan] = []
    for number, slot in enumerate(slots, start=1):
        patent = slot.patent if slot.patent is not None and slot.patent.deleted_at is None else None
        public = public_view(patent, slot.institution) if patent is not None else None
        plans.append(
            SlotPlan(
                slot_id=slot.id,
                number=number,
                planned_minutes=slot.planned_minutes or 0,
                presenter=(slot.presenter or "").strip(),
                public=public,
                qr_payload=_qr_payload(template, event.uuid, public.application_no)
                if public is not None
                else "",
                notes=(notes.get(patent.id, "") or "").strip() if patent is not None else "",
            )
        )
    return SessionPlan(
        session_id=roadshow.id,
        session_title=roadshow.title,
        event_id=event.id,
        event_name=event.name,
        event_qr_payload=_qr_payload(template, event.uuid, ""),
        slots=tuple(plans),
        time_zone=event.time_zone,
        starts_at=roadshow.starts_at,
    )


def public_slide(plan: SessionPlan, position: Position) -> PublicSlide:
    """What the projector shows at ``position`` (reads only the plan's public parts)."""
    count = len(plan.slots)
    if position.phase is Phase.END:
        return PublicSlide(
            kind=SlideKind.END,
            event_name=plan.event_name,
            session_title=plan.session_title,
            number=0,
            count=count,
            patent=None,
            presenter="",
            qr_payload=plan.event_qr_payload,
        )
    slot = plan.slots[position.index]
    return PublicSlide(
        kind=SlideKind.TITLE if position.phase is Phase.TITLE else SlideKind.PATENT,
        event_name=plan.event_name,
        session_title=plan.session_title,
        number=slot.number,
        count=count,
        patent=slot.public,
        presenter=slot.presenter,
        qr_payload=slot.qr_payload or plan.event_qr_payload,
    )
