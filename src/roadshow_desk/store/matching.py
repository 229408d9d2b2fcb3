"""Matching in the database: candidates from the search index, ranked and explained.

Enterprise → patents: every keyword, each IPC class and each informative pair of a long
keyword is looked up with the search index (exact substring hits, no table scan), patents
in a technical field or category that overlaps the industry are found by their indexed
field; the ids gather preliminary points, and only the best few hundred are read and
compared in full (:func:`roadshow_desk.domain.matching.match`) for the ranking and the
explanation. Patent → enterprises: the enterprises (hundreds, not a hundred thousand) are
each compared with the patent.

:func:`invitations` lists, for every included patent of an event's shortlist, the
enterprises to invite with the reasons; contact details only of enterprises that agreed
to be contacted (``roadshow_desk.exchange.invitations`` writes it to a file).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.matching import (
    INDUSTRY_POINTS,
    IPC_POINTS,
    KEYWORD_POINTS,
    PART_POINTS,
    EnterpriseProfile,
    Match,
    PatentProfile,
    fold,
    longest_common,
    match,
    pairs,
    rank,
)
from roadshow_desk.domain.models import Enterprise, Event, Patent
from roadshow_desk.domain.shortlist import shortlist_in_order
from roadshow_desk.store.search import search_ids

#: Candidates read and compared in full for one enterprise.
CANDIDATES = 300
#: A pair found in more than this share of the library says nothing about a fit.
COMMON_SHARE = 0.2

_PATENT_COLUMNS = (
    Patent.id,
    Patent.title,
    Patent.abstract,
    Patent.application_scenarios,
    Patent.advantages,
    Patent.technical_field,
    Patent.strategic_emerging_industry,
    Patent.ipc_main,
    Patent.ipc_all,
)


@dataclass
class _Row:
    """Attribute access for the profile builders over a result row."""

    id: int
    title: str
    abstract: str
    application_scenarios: str
    advantages: str
    technical_field: str
    strategic_emerging_industry: str
    ipc_main: str
    ipc_all: str


def patent_profiles(session: Session, patent_ids: Iterable[int]) -> dict[int, PatentProfile]:
    ids = list(patent_ids)
    profiles: dict[int, PatentProfile] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(select(*_PATENT_COLUMNS).where(Patent.id.in_(chunk)))
        for row in rows:
            profiles[row[0]] = PatentProfile.of(_Row(row[0], *(value or "" for value in row[1:])))
    return profiles


def enterprise_profiles(session: Session) -> list[EnterpriseProfile]:
    """Profiles of the live enterprises that state anything to match on."""
    enterprises = session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None)))
    profiles = [EnterpriseProfile.of(enterprise) for enterprise in enterprises]
    return [profile for profile in profiles if not profile.is_empty]


# --------------------------------------------------------------------------- directions


def patents_for_enterprise(session: Session, enterprise_id: int, *, limit: int = 20) -> list[Match]:
    """The patents that fit an enterprise best, each with its reasons."""
    enterprise = session.get(Enterprise, enterprise_id)
    if enterprise is None:
        return []
    profile = EnterpriseProfile.of(enterprise)
    if profile.is_empty:
        return []
    library = int(
        session.scalar(select(func.count(Patent.id)).where(Patent.deleted_at.is_(None))) or 0
    )
    points: dict[int, float] = defaultdict(float)
    for keyword in profile.keywords:
        for patent_id in search_ids(session, keyword, limit=0):
            points[patent_id] += KEYWORD_POINTS
        if len(fold(keyword)) >= 3:
            for pair in pairs(fold(keyword)):
                hits = search_ids(session, pair, limit=0)
                if len(hits) <= COMMON_SHARE * library:
                    for patent_id in hits:
                        points[patent_id] += PART_POINTS
    for prefix in {prefix[:4] for prefix in profile.ipc_prefixes}:
        for patent_id in search_ids(session, prefix, limit=0):
            points[patent_id] += IPC_POINTS
    for patent_id in _patents_in_industry(session, profile.industry_terms):
        points[patent_id] += INDUSTRY_POINTS
    best = heapq.nlargest(CANDIDATES, points, key=lambda pid: (points[pid], -pid))
    profiles = patent_profiles(session, best)
    return rank((match(profile, profiles[pid]) for pid in best if pid in profiles), limit)


def _patents_in_industry(session: Session, terms: Iterable[str]) -> list[int]:
    """Live patents whose technical field or category shares text with the industry."""
    terms = list(terms)
    if not terms:
        return []
    fields = set(session.scalars(select(Patent.technical_field).distinct()))
    categories = set(session.scalars(select(Patent.strategic_emerging_industry).distinct()))

    def overlaps(value: str | None) -> bool:
        return bool(value) and any(
            len(common := longest_common(term, value or "")) >= 2 and pairs(common)
            for term in terms
        )

    chosen_fields = [value for value in fields if overlaps(value)]
    chosen_categories = [value for value in categories if overlaps(value)]
    if not chosen_fields and not chosen_categories:
        return []
    statement = select(Patent.id).where(
        Patent.deleted_at.is_(None),
        or_(
            Patent.technical_field.in_(chosen_fields),
            Patent.strategic_emerging_industry.in_(chosen_categories),
        ),
    )
    return list(session.scalars(statement))


def enterprises_for_patent(
    session: Session,
    patent_id: int,
    *,
    limit: int = 20,
    profiles: list[EnterpriseProfile] | None = None,
) -> list[Match]:
    """The enterprises to invite for a patent, best first, each with its reasons."""
    patent = patent_profiles(session, [patent_id]).get(patent_id)
    if patent is None:
        return []
    candidates = enterprise_profiles(session) if profiles is None else profiles
    return rank((match(enterprise, patent) for enterprise in candidates), limit)


def patent_titles(session: Session, patent_ids: Iterable[int]) -> dict[int, str]:
    """The titles of these patents, by id (the suggestions list shows them)."""
    ids = list(patent_ids)
    return dict(session.execute(select(Patent.id, Patent.title).where(Patent.id.in_(ids))).all())


def enterprise_names(session: Session, enterprise_ids: Iterable[int]) -> dict[int, str]:
    """The names of these enterprises, by id."""
    ids = list(enterprise_ids)
    statement = select(Enterprise.id, Enterprise.name).where(Enterprise.id.in_(ids))
    return dict(session.execute(statement).all())


# --------------------------------------------------------------------------- invitations


@dataclass(frozen=True)
class Invitation:
    application_no: str
    title: str
    enterprise: str
    points: float
    reasons: str
    contact_person: str
    phone: str
    consent: bool


def invitations(session: Session, event_id: int, *, per_patent: int = 10) -> list[Invitation]:
    """For each included shortlisted patent, in the shortlist's order, its best enterprises."""
    if session.get(Event, event_id) is None:
        return []
    entries = [
        (e.patent_id, e.patent.application_no, e.patent.title)
        for e in shortlist_in_order(session, event_id, included_only=True)
    ]
    profiles = enterprise_profiles(session)
    enterprises = {
        e.id: e for e in session.scalars(select(Enterprise).where(Enterprise.deleted_at.is_(None)))
    }
    rows = []
    for patent_id, application_no, title in entries:
        for found in enterprises_for_patent(
            session, patent_id, limit=per_patent, profiles=profiles
        ):
            firm = enterprises[found.enterprise_id]
            consent = bool(firm.consent_to_contact)
            rows.append(
                Invitation(
                    application_no,
                    title,
                    firm.name,
                    found.points,
                    found.explanation(),
                    firm.contact_person if consent else "",
                    firm.phone if consent else "",
                    consent,
                )
            )
    return rows
