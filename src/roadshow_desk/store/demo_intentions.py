"""The demo intentions and their follow-up logs.

Part of :mod:`roadshow_desk.store.demo`. :data:`INTENTION_PLAN` fixes what the fair
produced: every intention kind, every follow-up stage. Each planned intention goes to the
best fitting pair of a checked-in enterprise and an included shortlisted patent (the patent
offers the matching conversion mode, one of the firm's keywords occurs in it or the firm
works in its field, nobody gets more than a few), and its log walks the pipeline stage by
stage with plausible gaps, so that the log always agrees with the stage it ends in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from roadshow_desk.domain.enums import (
    BudgetBand,
    ConversionMode,
    DealKind,
    FollowUpStage,
    IntentionKind,
    PaymentMethod,
    Timeline,
)
from roadshow_desk.store.demo_data import EnterpriseSpec
from roadshow_desk.store.demo_library import STATION, offers, office_hours, synced

EVENT_DAY = dt.date(2026, 9, 24)
FOLLOW_UP_UNTIL = dt.date(2026, 11, 20)  # the organiser's log reaches this far

_S = FollowUpStage
_K = IntentionKind
#: (kind, stage reached) of every demo intention: all kinds, all stages.
INTENTION_PLAN: tuple[tuple[IntentionKind, FollowUpStage], ...] = (
    (_K.TRANSFER, _S.TRANSFER_REGISTERED),
    (_K.LICENCE, _S.LICENCE_FILED),
    (_K.OPEN_LICENCE, _S.LICENCE_FILED),
    (_K.TRANSFER, _S.CONTRACT_SIGNED),
    (_K.OPEN_LICENCE, _S.CONTRACT_SIGNED),
    (_K.LICENCE, _S.AGREED),
    (_K.RESEARCH_COOPERATION, _S.AGREED),
    (_K.TRANSFER, _S.NEGOTIATING),
    (_K.LICENCE, _S.NEGOTIATING),
    (_K.INVESTMENT, _S.NEGOTIATING),
    (_K.TRANSFER, _S.CONTACTED),
    (_K.LICENCE, _S.CONTACTED),
    (_K.OPEN_LICENCE, _S.CONTACTED),
    (_K.IMPROVEMENT_NEED, _S.CONTACTED),
    (_K.RESEARCH_COOPERATION, _S.CONTACTED),
    (_K.TRANSFER, _S.NEW),
    (_K.LICENCE, _S.NEW),
    (_K.OPEN_LICENCE, _S.NEW),
    (_K.IMPROVEMENT_NEED, _S.NEW),
    (_K.RESEARCH_COOPERATION, _S.NEW),
    (_K.TRANSFER, _S.DROPPED),
    (_K.INVESTMENT, _S.DROPPED),
    (_K.NO_DEMAND, _S.NEW),
    (_K.NO_DEMAND, _S.NEW),
    (_K.NO_DEMAND, _S.NEW),
)
_MODE_FOR_KIND = {
    _K.TRANSFER: ConversionMode.TRANSFER,
    _K.LICENCE: ConversionMode.LICENCE,
    _K.OPEN_LICENCE: ConversionMode.OPEN_LICENCE,
    _K.INVESTMENT: ConversionMode.INVESTMENT,
    _K.IMPROVEMENT_NEED: ConversionMode.COOPERATION,
    _K.RESEARCH_COOPERATION: ConversionMode.COOPERATION,
}
_PIPELINE = (_S.NEW, _S.CONTACTED, _S.NEGOTIATING, _S.AGREED, _S.CONTRACT_SIGNED)
_CLOSED = (_S.TRANSFER_REGISTERED, _S.LICENCE_FILED, _S.DROPPED)
_SIGNED = (_S.CONTRACT_SIGNED, _S.TRANSFER_REGISTERED, _S.LICENCE_FILED)
_GAP_DAYS = {  # days from the previous stage (their sum stays within FOLLOW_UP_UNTIL)
    _S.CONTACTED: (2, 7),
    _S.NEGOTIATING: (5, 12),
    _S.AGREED: (5, 10),
    _S.CONTRACT_SIGNED: (4, 10),
    _S.TRANSFER_REGISTERED: (8, 14),
    _S.LICENCE_FILED: (8, 14),
    _S.DROPPED: (5, 15),
}
_BUDGETS: dict[IntentionKind, tuple[BudgetBand, ...]] = {
    _K.TRANSFER: (
        BudgetBand.FROM_100K_TO_500K,
        BudgetBand.FROM_500K_TO_1M,
        BudgetBand.FROM_1M_TO_5M,
    ),
    _K.LICENCE: (BudgetBand.UNDER_100K, BudgetBand.FROM_100K_TO_500K),
    _K.OPEN_LICENCE: (BudgetBand.UNDER_100K,),
    _K.INVESTMENT: (BudgetBand.FROM_1M_TO_5M, BudgetBand.OVER_5M),
    _K.IMPROVEMENT_NEED: (BudgetBand.FROM_100K_TO_500K, BudgetBand.UNDISCLOSED),
    _K.RESEARCH_COOPERATION: (BudgetBand.FROM_100K_TO_500K, BudgetBand.FROM_500K_TO_1M),
}
_AMOUNTS: dict[BudgetBand, tuple[int, int]] = {  # yuan, for signed contracts
    BudgetBand.UNDER_100K: (30_000, 90_000),
    BudgetBand.FROM_100K_TO_500K: (120_000, 480_000),
    BudgetBand.FROM_500K_TO_1M: (550_000, 950_000),
    BudgetBand.FROM_1M_TO_5M: (1_200_000, 4_500_000),
    BudgetBand.OVER_5M: (5_500_000, 8_000_000),
    BudgetBand.UNDISCLOSED: (100_000, 300_000),
}
_TIMELINES = (
    Timeline.WITHIN_3_MONTHS,
    Timeline.WITHIN_6_MONTHS,
    Timeline.WITHIN_1_YEAR,
    Timeline.UNDECIDED,
)
_MOST_PER_FIRM = 2  # intentions per firm before a third is considered


def stages_to(stage: FollowUpStage, rng: random.Random) -> list[FollowUpStage]:
    """The stages an intention passed through to reach ``stage``, in order."""
    if stage is _S.DROPPED:
        reached = rng.choice((_S.CONTACTED, _S.NEGOTIATING))
        return [*_PIPELINE[: _PIPELINE.index(reached) + 1], _S.DROPPED]
    if stage in (_S.TRANSFER_REGISTERED, _S.LICENCE_FILED):
        return [*_PIPELINE, stage]
    return list(_PIPELINE[: _PIPELINE.index(stage) + 1])


_DEAL_FOR_KIND = {
    _K.TRANSFER: DealKind.TRANSFER,
    _K.LICENCE: DealKind.LICENCE,
    _K.OPEN_LICENCE: DealKind.OPEN_LICENCE,
    _K.INVESTMENT: DealKind.EQUITY,
}


def _contract(
    number: int,
    kind: IntentionKind,
    final: FollowUpStage,
    amount: Decimal | None,
    entries: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The contract outcome of a signed demo lead (derived, no random draw, so the rest of
    the demo stays as it was)."""
    if final not in _SIGNED:
        return {
            "deal_kind": None,
            "deal_amount": None,
            "payment_method": None,
            "contract_signed_on": None,
            "registration_no": "",
        }
    signed = next(e["at"] for e in entries if e["to_stage"] is _S.CONTRACT_SIGNED)
    payment = None
    if amount is not None:
        payment = (PaymentMethod.LUMP_SUM, PaymentMethod.INSTALMENTS, PaymentMethod.ROYALTY)[
            number % 3
        ]
    registration = ""
    if final in (_S.TRANSFER_REGISTERED, _S.LICENCE_FILED):
        prefix = "ZR" if final is _S.TRANSFER_REGISTERED else "XK"
        registration = f"{prefix}{signed.year}{number:06d}"
    return {
        "deal_kind": _DEAL_FOR_KIND.get(kind, DealKind.COOPERATION),
        "deal_amount": amount,
        "payment_method": payment,
        "contract_signed_on": signed.date(),
        "registration_no": registration,
    }


class IntentionBuilder:
    """Intention rows and follow-up log rows for the demo event (event id 1)."""

    def __init__(
        self,
        rng: random.Random,
        spec: Mapping[str, Any],
        firms: Mapping[int, tuple[Mapping[str, Any], EnterpriseSpec]],
        attendees: Mapping[int, Mapping[str, Any]],
        patents: Sequence[Mapping[str, Any]],
        session_of: Mapping[int, int],
    ) -> None:
        self.rng = rng
        self.spec = spec
        self.firms = firms  # enterprise id -> (row, spec)
        self.attendees = attendees  # enterprise id -> its checked-in registration
        self.patents = patents  # included shortlisted patents
        self.session_of = session_of  # patent id -> session id for presented patents
        self.stations = tuple(spec["desk_staff"])

    def build(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        used_patents = dict.fromkeys((row["id"] for row in self.patents), 0)
        used_firms = dict.fromkeys(self.attendees, 0)
        pairs: set[tuple[int, int]] = set()
        intentions: list[dict[str, Any]] = []
        log: list[dict[str, Any]] = []
        for number, (kind, stage) in enumerate(INTENTION_PLAN, start=1):
            mode = _MODE_FOR_KIND.get(kind)
            late = stage not in (_S.NEW, _S.CONTACTED)
            candidates = [
                (firm_id, patent)
                for firm_id in self.attendees
                for patent in self.patents
                if (firm_id, patent["id"]) not in pairs
            ]
            firm_id, patent = min(
                candidates,
                key=lambda pair: self._fit(pair, mode, late, used_firms, used_patents),
            )
            used_firms[firm_id] += 1
            used_patents[patent["id"]] += 1
            pairs.add((firm_id, patent["id"]))
            row, entries = self._intention(number, kind, stage, patent, firm_id)
            for entry in entries:
                entry["id"] = len(log) + 1
                log.append(entry)
            intentions.append(row)
        return intentions, log

    def _fit(
        self,
        pair: tuple[int, Mapping[str, Any]],
        mode: ConversionMode | None,
        late: bool,
        used_firms: Mapping[int, int],
        used_patents: Mapping[int, int],
    ) -> tuple[Any, ...]:
        """Sort key of an (enterprise, patent) pair for an intention: best fit first."""
        firm_id, patent = pair
        firm, firm_spec = self.firms[firm_id]
        return (
            used_firms[firm_id] >= _MOST_PER_FIRM,
            late and bool(firm["is_walk_in"]),  # walk-ins are fresh leads
            mode is not None and not offers(patent, mode),
            not any(word in patent["title"] + patent["abstract"] for word in firm_spec.keywords),
            patent["technical_field"] not in firm_spec.fields,
            used_patents[patent["id"]],
            patent["id"] not in self.session_of,
            used_firms[firm_id],
            self.rng.random(),
        )

    def _captured_at(self, patent_id: int) -> dt.datetime:
        rng = self.rng
        session = self.session_of.get(patent_id)
        if session is None or rng.random() < 0.2:  # at the desks on the second morning
            return office_hours(rng, EVENT_DAY + dt.timedelta(days=1), 9, 12)
        if session == 1:
            return office_hours(rng, EVENT_DAY, 10, 13)
        return office_hours(rng, EVENT_DAY, 15, 18)

    def _intention(
        self,
        number: int,
        kind: IntentionKind,
        stage: FollowUpStage,
        patent: Mapping[str, Any],
        firm_id: int,
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        rng = self.rng
        spec = self.spec
        captured = self._captured_at(patent["id"])
        desk = rng.choice(self.stations)
        owner = rng.choice(spec["owners"]) if kind is not _K.NO_DEMAND else ""
        stages = stages_to(stage, rng) if kind is not _K.NO_DEMAND else [_S.NEW]
        entries = self._log(number, kind, stages, captured, desk, owner)
        final = stages[-1]
        budget = rng.choice(_BUDGETS[kind]) if kind in _BUDGETS else None
        amount = None
        if budget is not None and final in _SIGNED:
            low, high = _AMOUNTS[budget]
            amount = Decimal(rng.randrange(low, high, 10_000)).quantize(Decimal("0.01"))
        changed = max(entry["at"] for entry in entries if entry["to_stage"] is not None)
        attendee = self.attendees[firm_id]
        row = {
            "id": number,
            **synced(rng, entries[-1]["at"], desk if len(entries) == 1 else STATION),
            "event_id": 1,
            "enterprise_id": firm_id,
            "patent_id": patent["id"],
            "kind": kind,
            "prospect_rating": rng.randint(1, 5) if kind is _K.NO_DEMAND else None,
            "budget_band": budget,
            "budget_amount": amount,
            "timeline": rng.choice(_TIMELINES) if kind is not _K.NO_DEMAND else None,
            "contact_person": attendee["attendee_name"],
            "contact_phone": attendee["attendee_phone"],
            "notes": rng.choice(spec["intention_notes"][kind.value]),
            "captured_at": captured,
            "captured_station": desk,
            "stage": final,
            "stage_changed_at": changed,
            "owner": owner,
            "next_action_on": self._next_action(number, kind, final, changed),
            "dropped_reason": entries[-1]["note"] if final is _S.DROPPED else "",
            **_contract(number, kind, final, amount, entries),
        }
        return row, entries

    def _log(
        self,
        number: int,
        kind: IntentionKind,
        stages: list[FollowUpStage],
        captured: dt.datetime,
        desk: str,
        owner: str,
    ) -> list[dict[str, Any]]:
        """The capture at the desk, then one entry per stage change, with a few remarks."""
        rng = self.rng
        notes = self.spec["stage_notes"]
        entries = [self._entry(number, captured, None, _S.NEW, desk, self.spec["desk_staff"][desk])]
        entries[0]["note"] = notes["new"][0]
        at = captured
        for previous, following in itertools.pairwise(stages):
            low, high = _GAP_DAYS[following]
            day = at.date() + dt.timedelta(days=rng.randint(low, high))
            if following is not _S.CONTACTED and rng.random() < 0.3:
                remark_at = office_hours(rng, at.date() + dt.timedelta(days=1))
                remark = self._entry(number, remark_at, None, None, STATION, owner)
                remark["note"] = rng.choice(self.spec["remarks"])
                entries.append(remark)
                day = max(day, remark_at.date() + dt.timedelta(days=1))
            at = office_hours(rng, day)
            entry = self._entry(number, at, previous, following, STATION, owner)
            if following is _S.DROPPED:
                reasons = self.spec["dropped_reasons"]
                entry["note"] = rng.choice(reasons.get(kind.value, reasons["other"]))
            else:
                entry["note"] = rng.choice(notes[following.value])
            entries.append(entry)
        return entries

    def _next_action(
        self, number: int, kind: IntentionKind, stage: FollowUpStage, changed: dt.datetime
    ) -> dt.date | None:
        """Overdue for every other open lead (and unanswered new ones), ahead for the rest."""
        if kind is _K.NO_DEMAND or stage in _CLOSED:
            return None
        if stage is _S.NEW:
            return changed.date() + dt.timedelta(days=7)
        if number % 2:
            days = self.rng.randint(7, 21)
            return min(changed.date() + dt.timedelta(days=days), FOLLOW_UP_UNTIL)
        return dt.date(2026, 12, 1) + dt.timedelta(days=self.rng.randrange(60))

    def _entry(
        self,
        intention: int,
        at: dt.datetime,
        from_stage: FollowUpStage | None,
        to_stage: FollowUpStage | None,
        station: str,
        author: str,
    ) -> dict[str, Any]:
        return {
            **synced(self.rng, at, station),
            "intention_id": intention,
            "at": at,
            "from_stage": from_stage,
            "to_stage": to_stage,
            "note": "",
            "author": author,
        }
