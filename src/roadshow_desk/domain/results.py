"""The results of a fair (DESIGN.md workflow 8): every figure of the Results page and of the
event report, for one event or for every event that starts in a period.

What counts (the same rules for the page, the report and the tests):

* an **intention** is a live (not tombstoned) intention record of an event in scope whose
  kind is not "no demand"; the no-demand answers are counted apart (``no_demand``) and appear
  only in the breakdown by kind;
* a patent is **shortlisted** when it is on an event's shortlist and included, **presented**
  when it has a slot in one of the event's live roadshow sessions;
* an intention **reached** a follow-up stage when it is at that stage or beyond, or its log
  shows it got there before it was dropped (stages in pipeline order; transfer registered and
  licence filed are one step, "registered / filed");
* a **contract** is an intention now at contract signed, transfer registered or licence
  filed; the total amount adds their deal amounts (yuan; deals without an amount add
  nothing);
* an intention's **region** is the region of the station (desk) that captured it, when that
  station has one, otherwise the event's own region (the host's), otherwise "unspecified"
  (key ``""``). A station's region for an event is the one its latest merged bundle of that
  event carried (``bundle_receipt``), otherwise the one the ``station`` table keeps (this
  laptop's, set under File ▸ Station region…, every station's on a shared server, and the
  latest bundle's of every merged station). The regions are listed in the event's order:
  its own region, then its partner regions as the event lists them (each even at zero),
  then any other region, then "unspecified";
* the enterprise's own region (where the firm is based) is a separate breakdown
  (``by_enterprise_region``), not the region above;
* the funnel counts **patents**: shortlisted → presented → with an intention → with an
  intention that reached contacted → … → registered / filed; each step also gives the
  intentions at it, and the drop from the step before.

Breakdown rows carry the ids of the intentions behind them, so a chart can open its list.
Labels are left to the reader (:func:`bucket_label`); keys are stored values (an enum value,
a field, a name; ``""`` for "none").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import EnterpriseTag, FollowUpStage, IntentionKind
from roadshow_desk.domain.events import resolve_event
from roadshow_desk.domain.models import (
    BundleReceipt,
    Enterprise,
    Event,
    FollowUpEntry,
    Institution,
    Intention,
    Patent,
    Registration,
    RoadshowSession,
    ShortlistEntry,
    Slot,
    Station,
    split_list,
)
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Results"
S = FollowUpStage

#: Rank of each stage in the pipeline (dropped has none: what it reached is in the log).
STAGE_RANK: dict[FollowUpStage, int] = {
    S.NEW: 0,
    S.CONTACTED: 1,
    S.NEGOTIATING: 2,
    S.AGREED: 3,
    S.CONTRACT_SIGNED: 4,
    S.TRANSFER_REGISTERED: 5,
    S.LICENCE_FILED: 5,
}
SIGNED_STAGES = (S.CONTRACT_SIGNED, S.TRANSFER_REGISTERED, S.LICENCE_FILED)
_RANK = {str(stage.value): rank for stage, rank in STAGE_RANK.items()}
_TAGS = frozenset(tag.value for tag in EnterpriseTag)

#: The funnel's steps: key, English label (translated when shown).
FUNNEL_STEPS: tuple[tuple[str, str], ...] = (
    ("shortlisted", QT_TRANSLATE_NOOP("Results", "Shortlisted")),
    ("presented", QT_TRANSLATE_NOOP("Results", "Presented")),
    ("intention", QT_TRANSLATE_NOOP("Results", "With an intention")),
    ("contacted", QT_TRANSLATE_NOOP("Results", "Contacted")),
    ("negotiating", QT_TRANSLATE_NOOP("Results", "Negotiating")),
    ("agreed", QT_TRANSLATE_NOOP("Results", "Agreed")),
    ("contract_signed", QT_TRANSLATE_NOOP("Results", "Contract signed")),
    ("registered", QT_TRANSLATE_NOOP("Results", "Registered / filed")),
)
_FUNNEL_RANK = {"intention": 0, "contacted": 1, "negotiating": 2, "agreed": 3}
_FUNNEL_RANK |= {"contract_signed": 4, "registered": 5}

#: The headline figures: key, English label.
HEADLINE: tuple[tuple[str, str], ...] = (
    ("events", QT_TRANSLATE_NOOP("Results", "Events")),
    ("institutions", QT_TRANSLATE_NOOP("Results", "Institutions")),
    ("shortlisted", QT_TRANSLATE_NOOP("Results", "Patents shortlisted")),
    ("presented", QT_TRANSLATE_NOOP("Results", "Patents presented")),
    ("registered", QT_TRANSLATE_NOOP("Results", "Enterprises registered")),
    ("checked_in", QT_TRANSLATE_NOOP("Results", "Enterprises checked in")),
    ("intentions", QT_TRANSLATE_NOOP("Results", "Intentions")),
    ("enterprises_with_intention", QT_TRANSLATE_NOOP("Results", "Enterprises with an intention")),
    ("no_demand", QT_TRANSLATE_NOOP("Results", "No-demand answers")),
    ("contracts", QT_TRANSLATE_NOOP("Results", "Contracts")),
    ("contract_amount", QT_TRANSLATE_NOOP("Results", "Contract amount (yuan)")),
)


class ResultsError(InputError):
    """A scope that cannot be reported (one translated sentence)."""


@dataclasses.dataclass(frozen=True)
class Scope:
    """The events whose results are counted."""

    event_ids: tuple[int, ...]
    names: tuple[str, ...]
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Bucket:
    """One bar of a breakdown: its key, its count and the intentions behind it."""

    key: str
    count: int
    intention_ids: tuple[int, ...]


@dataclasses.dataclass(frozen=True)
class PatentInterest:
    patent_id: int
    application_no: str
    title: str
    institution: str
    intentions: int


@dataclasses.dataclass(frozen=True)
class FunnelStep:
    key: str
    patents: int
    intentions: int | None  # None before intentions exist (shortlisted, presented)
    drop: int  # patents lost since the step before (0 for the first)
    #: The intentions behind the step (for the shortlist and the presented patents: the
    #: intentions on those patents), sorted.
    intention_ids: tuple[int, ...] = ()


@dataclasses.dataclass(frozen=True)
class Results:
    scope: Scope
    headline: dict[str, int | Decimal]
    by_kind: list[Bucket]
    by_field: list[Bucket]
    by_institution: list[Bucket]
    by_enterprise_type: list[Bucket]
    by_region: list[Bucket]  # the capturing station's region (see the module notes)
    by_enterprise_region: list[Bucket]  # where the enterprise is based
    by_session: list[Bucket]
    top_patents: list[PatentInterest]
    presented_without_interest: list[PatentInterest]
    funnel: list[FunnelStep]
    lead_ids: tuple[int, ...]  # interest intentions still in follow-up (open stages)


def scope_for(
    session: Session,
    event_id: int | str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Scope:
    """One event (``event_id``, default the latest), or every live event that starts between
    ``date_from`` and ``date_to`` (inclusive; either may be open)."""
    if date_from is None and date_to is None:
        event = resolve_event(session, event_id)
        return Scope((event.id,), (event.name,))
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ResultsError(translate("Results", "The period ends before it starts."))
    query = select(Event.id, Event.name).where(
        Event.deleted_at.is_(None), Event.starts_on.is_not(None)
    )
    if date_from is not None:
        query = query.where(Event.starts_on >= date_from)
    if date_to is not None:
        query = query.where(Event.starts_on <= date_to)
    rows = session.execute(query.order_by(Event.starts_on, Event.id)).all()
    if not rows:
        raise ResultsError(translate("Results", "No event starts in that period."))
    return Scope(tuple(row.id for row in rows), tuple(row.name for row in rows), date_from, date_to)


@dataclasses.dataclass
class _Row:
    id: int
    event_id: int | None
    enterprise_id: int
    patent_id: int
    kind: str
    stage: str
    deal_amount: Decimal | None
    tags: str
    region: str  # the capturing station's, or the event's (see the module notes)
    firm_region: str
    field: str
    institution: str
    reached: int = -1


def _bucket(groups: dict[str, list[int]], key: str) -> Bucket:
    return Bucket(key, len(groups.get(key, [])), tuple(sorted(groups.get(key, []))))


def _buckets(groups: dict[str, list[int]], order: Iterable[str] | None = None) -> list[Bucket]:
    keys = list(order) if order is not None else []
    keys += sorted((k for k in groups if k not in keys), key=lambda k: (-len(groups[k]), k))
    return [_bucket(groups, k) for k in keys]


def _region_buckets(groups: dict[str, list[int]], order: Iterable[str]) -> list[Bucket]:
    """The event regions in ``order`` (each even at zero), then the others by count, then
    "unspecified" (``""``) when any intention is in it."""
    named = _buckets({k: ids for k, ids in groups.items() if k}, [k for k in order if k])
    return named + ([_bucket(groups, "")] if groups.get("") else [])


@dataclasses.dataclass(frozen=True)
class _Regions:
    """Where the intentions of the scope's events count (see the module notes)."""

    order: tuple[str, ...]  # each event's own region, then its partners', in scope order
    host: dict[int, str]  # event id → the event's own region
    station: dict[str, str]  # station name → its region (the station table)
    receipt: dict[tuple[int, str], str]  # (event id, station) → its latest bundle's region

    def of(self, event_id: int | None, captured_station: str) -> str:
        """The region an intention of ``event_id`` captured at ``captured_station`` counts in
        (``""``: unspecified)."""
        if event_id is None:  # not in a scope (every intention counted has its event)
            return self.station.get(captured_station, "")
        return (
            self.receipt.get((event_id, captured_station))
            or self.station.get(captured_station)
            or self.host.get(event_id, "")
        )


def _regions(session: Session, events: list[int]) -> _Regions:
    """The scope's regions, in three small queries (events, stations, bundle receipts)."""
    rows = {
        row.id: row
        for row in session.execute(
            select(Event.id, Event.uuid, Event.region, Event.partner_regions).where(
                Event.id.in_(events)
            )
        )
    }
    order: list[str] = []
    host: dict[int, str] = {}
    for event_id in events:
        row = rows.get(event_id)
        if row is None:
            continue
        host[event_id] = (row.region or "").strip()
        order += [host[event_id], *split_list(row.partner_regions)]
    station = {
        name: region.strip()
        for name, region in session.execute(select(Station.name, Station.region))
        if region and region.strip()
    }
    event_of = {row.uuid: event_id for event_id, row in rows.items()}
    receipt: dict[tuple[int, str], str] = {}
    for name, region, event_uuid in session.execute(
        select(BundleReceipt.station, BundleReceipt.region, BundleReceipt.event_uuid)
        .where(BundleReceipt.event_uuid.in_(list(event_of)), BundleReceipt.region != "")
        .order_by(BundleReceipt.merged_at, BundleReceipt.id)
    ):
        if region.strip():  # the latest bundle of the station for the event wins
            receipt[(event_of[event_uuid], name)] = region.strip()
    return _Regions(tuple(dict.fromkeys(r for r in order if r)), host, station, receipt)


def compute_results(session: Session, scope: Scope, *, top: int = 10) -> Results:
    """Every figure for ``scope`` (see the module notes)."""
    events = list(scope.event_ids)
    regions = _regions(session, events)
    shortlisted = set(
        session.scalars(
            select(ShortlistEntry.patent_id).where(
                ShortlistEntry.event_id.in_(events),
                ShortlistEntry.included.is_(True),
                ShortlistEntry.deleted_at.is_(None),
            )
        )
    )
    slot_rows = session.execute(
        select(RoadshowSession.event_id, RoadshowSession.title, Slot.patent_id)
        .join(Slot, Slot.session_id == RoadshowSession.id)
        .where(
            RoadshowSession.event_id.in_(events),
            RoadshowSession.deleted_at.is_(None),
            Slot.deleted_at.is_(None),
            Slot.patent_id.is_not(None),
        )
        .order_by(RoadshowSession.event_id, RoadshowSession.position, RoadshowSession.id)
    ).all()
    presented = {row.patent_id for row in slot_rows}
    sessions_of: dict[tuple[int | None, int], list[str]] = defaultdict(list)
    session_order: list[str] = []
    for slot in slot_rows:
        sessions_of[(slot.event_id, slot.patent_id)].append(slot.title)
        if slot.title not in session_order:
            session_order.append(slot.title)
    institutions = set(
        session.scalars(
            select(Patent.institution_id).where(
                Patent.id.in_(shortlisted), Patent.institution_id.is_not(None)
            )
        )
    )
    registrations = session.execute(
        select(Registration.enterprise_id, Registration.checked_in_at).where(
            Registration.event_id.in_(events), Registration.deleted_at.is_(None)
        )
    ).all()

    rows: dict[int, _Row] = {}
    no_demand: list[int] = []
    query = (
        select(
            Intention.id,
            Intention.event_id,
            Intention.enterprise_id,
            Intention.patent_id,
            type_coerce(Intention.kind, String).label("kind"),  # plain text: no enum per row
            type_coerce(Intention.stage, String).label("stage"),
            Intention.deal_amount,
            Intention.captured_station,
            Enterprise.tags,
            Enterprise.region,
            Patent.technical_field,
            Institution.name,
        )
        .join(Enterprise, Intention.enterprise_id == Enterprise.id)
        .join(Patent, Intention.patent_id == Patent.id)
        .outerjoin(Institution, Patent.institution_id == Institution.id)
        .where(Intention.event_id.in_(events), Intention.deleted_at.is_(None))
    )
    for (
        iid,
        event,
        firm,
        patent,
        kind,
        stage,
        amount,
        desk,
        tags,
        firm_region,
        field,
        owner,
    ) in session.execute(query):
        if kind == "no_demand":
            no_demand.append(iid)
            continue
        row = _Row(
            iid, event, firm, patent, kind, stage, amount,
            tags or "", regions.of(event, desk or ""), firm_region or "", field or "",
            owner or "",
        )  # fmt: skip
        row.reached = _RANK.get(stage, -1)
        rows[iid] = row
    for intention_id, to_stage in session.execute(
        select(FollowUpEntry.intention_id, type_coerce(FollowUpEntry.to_stage, String)).where(
            FollowUpEntry.intention_id.in_(
                select(Intention.id).where(
                    Intention.event_id.in_(events), Intention.deleted_at.is_(None)
                )
            ),
            FollowUpEntry.to_stage.is_not(None),
            FollowUpEntry.deleted_at.is_(None),
        )
    ):
        logged = rows.get(intention_id)
        if logged is not None and to_stage is not None:
            logged.reached = max(logged.reached, _RANK.get(to_stage, -1))

    by_kind: dict[str, list[int]] = defaultdict(list)
    by_field: dict[str, list[int]] = defaultdict(list)
    by_institution: dict[str, list[int]] = defaultdict(list)
    by_type: dict[str, list[int]] = defaultdict(list)
    by_region: dict[str, list[int]] = defaultdict(list)
    by_firm_region: dict[str, list[int]] = defaultdict(list)
    by_session: dict[str, list[int]] = defaultdict(list)
    interest: Counter[int] = Counter()
    for row in rows.values():
        by_kind[row.kind].append(row.id)
        by_field[row.field].append(row.id)
        by_institution[row.institution].append(row.id)
        for tag in [t for t in split_list(row.tags) if t in _TAGS] or [""]:
            by_type[tag].append(row.id)
        by_region[row.region].append(row.id)
        by_firm_region[row.firm_region].append(row.id)
        for title in dict.fromkeys(sessions_of.get((row.event_id, row.patent_id), [""])):
            by_session[title].append(row.id)
        interest[row.patent_id] += 1
    by_kind[IntentionKind.NO_DEMAND.value] = no_demand

    signed = [row for row in rows.values() if row.stage in SIGNED_STAGES]
    headline: dict[str, int | Decimal] = {
        "events": len(events),
        "institutions": len(institutions),
        "shortlisted": len(shortlisted),
        "presented": len(presented),
        "registered": len({firm for firm, _at in registrations}),
        "checked_in": len({firm for firm, at in registrations if at is not None}),
        "intentions": len(rows),
        "enterprises_with_intention": len({row.enterprise_id for row in rows.values()}),
        "no_demand": len(no_demand),
        "contracts": len(signed),
        "contract_amount": sum(
            (row.deal_amount for row in signed if row.deal_amount is not None), Decimal("0.00")
        ),
    }

    # Most interest first, ties in the order the patents came into the library; only the
    # listed patents are looked up.
    ranked = sorted(interest.items(), key=lambda item: (-item[1], item[0]))[:top]
    patents = _patent_facts(session, {pid for pid, _count in ranked} | presented)
    top_patents = [PatentInterest(pid, *patents[pid], intentions=count) for pid, count in ranked]
    without = sorted((pid for pid in presented if not interest[pid]), key=lambda p: patents[p][0])
    presented_without = [PatentInterest(pid, *patents[pid], intentions=0) for pid in without]

    funnel: list[FunnelStep] = []
    previous: int | None = None
    for key, _label in FUNNEL_STEPS:
        if key == "shortlisted":
            count, intentions = len(shortlisted), None
            behind = [row.id for row in rows.values() if row.patent_id in shortlisted]
        elif key == "presented":
            count, intentions = len(presented), None
            behind = [row.id for row in rows.values() if row.patent_id in presented]
        else:
            rank = _FUNNEL_RANK[key]
            reached = [row for row in rows.values() if row.reached >= rank]
            count, intentions = len({row.patent_id for row in reached}), len(reached)
            behind = [row.id for row in reached]
        funnel.append(
            FunnelStep(
                key,
                count,
                intentions,
                0 if previous is None else previous - count,
                tuple(sorted(behind)),
            )
        )
        previous = count

    leads = tuple(sorted(row.id for row in rows.values() if _RANK.get(row.stage, 9) < 5))
    return Results(
        scope=scope,
        headline=headline,
        by_kind=_buckets(by_kind, [kind.value for kind in IntentionKind]),
        by_field=_buckets(by_field),
        by_institution=_buckets(by_institution),
        by_enterprise_type=_buckets(by_type, [tag.value for tag in EnterpriseTag]),
        by_region=_region_buckets(by_region, regions.order),
        by_enterprise_region=_buckets(by_firm_region),
        by_session=_buckets(by_session, session_order),
        top_patents=top_patents,
        presented_without_interest=presented_without,
        funnel=funnel,
        lead_ids=leads,
    )


def _patent_facts(session: Session, ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """Patent id → (application number, title, institution name)."""
    facts: dict[int, tuple[str, str, str]] = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        for pid, number, title, name in session.execute(
            select(Patent.id, Patent.application_no, Patent.title, Institution.name)
            .outerjoin(Institution, Patent.institution_id == Institution.id)
            .where(Patent.id.in_(chunk))
        ):
            facts[pid] = (number, title, name or "")
    return facts


def results_for(
    session: Session,
    event_id: int | str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Results:
    """:func:`compute_results` of :func:`scope_for`."""
    return compute_results(session, scope_for(session, event_id, date_from, date_to))


def none_label() -> str:
    return translate("Results", "(none)")


def headline_label(key: str) -> str:
    return translate(CONTEXT, dict(HEADLINE)[key])


def funnel_label(key: str) -> str:
    return translate(CONTEXT, dict(FUNNEL_STEPS)[key])


def bucket_label(table: str, key: str) -> str:
    """What the reader sees for a breakdown key of ``table`` (``"kind"``, ``"type"``, or a
    free-text table whose keys are shown as they are; ``""`` of ``"region"`` is
    "unspecified")."""
    from roadshow_desk.domain.labels import label

    if not key:
        if table == "region":
            return translate("Results", "Unspecified")
        if table == "session":
            return translate("Results", "Not presented")
        if table == "type":
            return translate("Results", "None of the five types")
        return none_label()
    if table == "kind":
        return label(IntentionKind(key))
    if table == "type":
        return label(EnterpriseTag(key))
    return key
