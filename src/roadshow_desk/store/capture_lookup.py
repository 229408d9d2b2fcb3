"""What the capture panel looks up as the desk types or scans, as (id, label) choices.

The enterprise field offers :func:`enterprise_choices`, the patent field
:func:`patent_choices` (the event's shortlisted patents first); a scanned badge or patent
code becomes a choice with :func:`scanned_choice`. Labels are the ones the fields show:
``name  credit code`` for an enterprise, ``application number  title`` for a patent.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from roadshow_desk.domain.capture import IntentionDraft
from roadshow_desk.domain.enterprises import enterprise_by_uuid, search_enterprises
from roadshow_desk.domain.models import Enterprise, Event, Patent, ShortlistEntry
from roadshow_desk.domain.payloads import EnterprisePayload, Payload
from roadshow_desk.store.search import search_ids

Choice = tuple[int, str]
"""An id and the text its field shows."""


def enterprise_label(firm: Enterprise) -> str:
    code = f"  {firm.credit_code}" if firm.credit_code else ""
    return f"{firm.name}{code}"


def patent_label(patent: Patent) -> str:
    return f"{patent.application_no}  {patent.title}"


def enterprise_choices(session: Session, text: str, *, limit: int = 8) -> list[Choice]:
    """Enterprises matching part of a name, a credit code, a phone or pinyin initials."""
    return [
        (firm.id, enterprise_label(firm)) for firm in search_enterprises(session, text, limit=limit)
    ]


def patent_choices(
    session: Session, text: str, event_id: int | None, *, limit: int = 8
) -> list[Choice]:
    """Patents matching an application number or words of the title; those on the event's
    shortlist first, each group in the search's order."""
    ids = search_ids(session, text, limit=40)
    if not ids:
        return []
    patents = {p.id: p for p in session.scalars(select(Patent).where(Patent.id.in_(ids)))}
    shortlisted: set[int] = set()
    if event_id is not None:
        shortlisted = set(
            session.scalars(
                select(ShortlistEntry.patent_id).where(
                    ShortlistEntry.event_id == event_id,
                    ShortlistEntry.patent_id.in_(ids),
                )
            )
        )
    ordered = sorted(ids, key=lambda pid: (pid not in shortlisted, ids.index(pid)))
    return [(pid, patent_label(patents[pid])) for pid in ordered[:limit] if pid in patents]


def patent_text(session: Session, patent_id: int) -> str | None:
    """The patent field's text for a patent (None if there is no such patent)."""
    patent = session.get(Patent, patent_id)
    return patent_label(patent) if patent is not None else None


def draft_texts(session: Session, draft: IntentionDraft) -> tuple[str, str]:
    """The enterprise and patent fields' texts for a draft loaded into the form."""
    firm = session.get(Enterprise, draft.enterprise_id) if draft.enterprise_id else None
    patent = session.get(Patent, draft.patent_id) if draft.patent_id else None
    return (
        enterprise_label(firm) if firm else "",
        patent_label(patent) if patent else "",
    )


def event_uuid(session: Session, event_id: int | None) -> str | None:
    """The event's uuid (a sign-up link of another event is refused by it)."""
    event = session.get(Event, event_id) if event_id is not None else None
    return event.uuid if event is not None else None


def scanned_choice(session: Session, payload: Payload) -> Choice | None:
    """The enterprise of a badge, or the patent of a patent code or sign-up link; None when
    this database does not know it."""
    if isinstance(payload, EnterprisePayload):
        firm = enterprise_by_uuid(session, payload.uuid)
        return (firm.id, enterprise_label(firm)) if firm is not None else None
    patent = session.scalar(select(Patent).where(Patent.application_no == payload.application_no))
    return (patent.id, patent_label(patent)) if patent is not None else None
