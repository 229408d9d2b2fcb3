"""A signed deal written up as a typical case for the IP office's case collection (issue 18
item 4): the facts of the case, gathered from one intention.

:func:`case_facts` reads the patent (title, number, institution, field), the enterprise,
how they met (event, roadshow session, the day the intention was recorded), the deal (kind,
amount, payment, signing date, registration number) and the days from the fair to the
contract. Contact persons and phone numbers are in the facts only when ``contacts`` is asked
for. The documents (``.docx`` and PDF) are :mod:`roadshow_desk.documents.typical_case`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.contract import SIGNED_STAGES
from roadshow_desk.domain.enums import DealKind, FollowUpStage, PaymentMethod
from roadshow_desk.domain.models import (
    Enterprise,
    Event,
    Institution,
    Intention,
    Patent,
    RoadshowSession,
    Slot,
)
from roadshow_desk.domain.records import live
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate


class CaseInvalid(InputError):
    """An intention that cannot be written up (one translated sentence)."""


@dataclasses.dataclass(frozen=True)
class CaseFacts:
    intention_id: int
    patent_title: str
    application_no: str
    institution: str
    technical_field: str
    enterprise: str
    event: str
    event_language: str
    session: str
    met_on: dt.date | None
    stage: FollowUpStage
    deal_kind: DealKind | None
    amount: Decimal | None
    payment_method: PaymentMethod | None
    signed_on: dt.date | None
    registration_no: str
    days_to_contract: int | None
    contact_person: str = ""
    contact_phone: str = ""
    story: str = ""


def case_facts(
    session: Session, intention_id: int, *, story: str = "", contacts: bool = False
) -> CaseFacts:
    """The facts of the case of intention ``intention_id`` (which must be signed)."""
    intention = live(session, Intention, intention_id)
    if intention is None:
        raise CaseInvalid(
            fmt(translate("TypicalCase", "There is no intention %1."), str(intention_id))
        )
    if FollowUpStage(intention.stage) not in SIGNED_STAGES:
        raise CaseInvalid(
            translate(
                "TypicalCase", "Only an intention with a signed contract can be a typical case."
            )
        )
    patent = session.get(Patent, intention.patent_id)
    firm = session.get(Enterprise, intention.enterprise_id)
    assert patent is not None and firm is not None
    institution = session.get(Institution, patent.institution_id) if patent.institution_id else None
    event = session.get(Event, intention.event_id) if intention.event_id else None
    session_title = ""
    if event is not None:
        session_title = (
            session.scalar(
                select(RoadshowSession.title)
                .join(Slot, Slot.session_id == RoadshowSession.id)
                .where(
                    RoadshowSession.event_id == event.id,
                    Slot.patent_id == patent.id,
                    RoadshowSession.deleted_at.is_(None),
                    Slot.deleted_at.is_(None),
                )
                .order_by(RoadshowSession.position)
                .limit(1)
            )
            or ""
        )
    met_on = intention.captured_at.date() if intention.captured_at else None
    start = (event.starts_on if event is not None else None) or met_on
    signed_on = intention.contract_signed_on
    days = (signed_on - start).days if signed_on and start else None
    return CaseFacts(
        intention_id=intention.id,
        patent_title=patent.title,
        application_no=patent.application_no,
        institution=institution.name if institution else patent.applicants,
        technical_field=patent.technical_field,
        enterprise=firm.name,
        event=event.name if event else "",
        event_language=event.document_language if event else "zh_CN",
        session=session_title,
        met_on=met_on,
        stage=FollowUpStage(intention.stage),
        deal_kind=DealKind(intention.deal_kind) if intention.deal_kind else None,
        amount=intention.deal_amount,
        payment_method=PaymentMethod(intention.payment_method)
        if intention.payment_method
        else None,
        signed_on=signed_on,
        registration_no=intention.registration_no or "",
        days_to_contract=days,
        contact_person=(intention.contact_person or firm.contact_person) if contacts else "",
        contact_phone=(intention.contact_phone or firm.phone) if contacts else "",
        story=story.strip(),
    )
