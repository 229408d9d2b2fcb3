"""The contract outcome of a lead (issue 18.1): what was signed, for how much, how it is paid,
when, and the registration or filing number.

It can be recorded once the intention is at contract signed, transfer registered or licence
filed. :func:`set_contract_outcome` validates (one translated sentence per problem, nothing
written), writes and logs a line in the follow-up log, and returns a
:class:`ContractChange` that :func:`take_back_contract_change` undoes and
:func:`reapply_contract_change` redoes (for the window's undo). Amounts are in yuan,
``Decimal`` with at most two decimals; :func:`parse_amount` reads what a person types
(``1,200,000``, ``¥ 80000.5``, ``120万``).

Every function takes an SQLAlchemy ``Session``; the caller commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from roadshow_desk.domain.enums import DealKind, FollowUpStage, PaymentMethod
from roadshow_desk.domain.models import FollowUpEntry, Intention, utcnow
from roadshow_desk.domain.records import live, set_deleted
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import fmt, translate

CONTEXT = "Contract"
SIGNED_STAGES = (
    FollowUpStage.CONTRACT_SIGNED,
    FollowUpStage.TRANSFER_REGISTERED,
    FollowUpStage.LICENCE_FILED,
)
#: The largest amount the column holds (Numeric(14, 2)).
MAX_AMOUNT = Decimal("999999999999.99")
REGISTRATION_NO_LENGTH = 64


class ContractInvalid(InputError):
    """A contract outcome that cannot be recorded (one translated sentence)."""


@dataclasses.dataclass(frozen=True)
class ContractOutcome:
    deal_kind: DealKind | None = None
    amount: Decimal | None = None
    payment_method: PaymentMethod | None = None
    signed_on: dt.date | None = None
    registration_no: str = ""

    @property
    def is_empty(self) -> bool:
        return self == ContractOutcome()


@dataclasses.dataclass(frozen=True)
class ContractChange:
    """What :func:`set_contract_outcome` did: the outcome before and after, its log line."""

    intention_id: int
    previous: ContractOutcome
    outcome: ContractOutcome
    entry_id: int | None


def parse_amount(text: str) -> Decimal | None:
    """An amount in yuan from what a person typed (``""`` → ``None``); raises
    :class:`ContractInvalid` for text that is no amount."""
    clean = re.sub(r"[\s,，¥￥元]", "", text or "")
    if not clean:
        return None
    factor = Decimal(1)
    if clean.endswith("万"):
        clean, factor = clean[:-1], Decimal(10000)
    try:
        value = Decimal(clean) * factor
    except InvalidOperation:
        raise ContractInvalid(
            fmt(translate("Contract", "“%1” is not an amount in yuan."), text.strip())
        ) from None
    return check_amount(value)


def check_amount(value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0:
        raise ContractInvalid(translate("Contract", "The amount must be zero or more yuan."))
    if value > MAX_AMOUNT:
        raise ContractInvalid(translate("Contract", "The amount is too large."))
    if value != value.quantize(Decimal("0.01")):
        raise ContractInvalid(translate("Contract", "The amount has at most two decimals (fen)."))
    return value.quantize(Decimal("0.01"))


def contract_outcome(intention: Intention) -> ContractOutcome:
    """The outcome recorded on ``intention`` (empty when none)."""
    return ContractOutcome(
        DealKind(intention.deal_kind) if intention.deal_kind else None,
        intention.deal_amount,
        PaymentMethod(intention.payment_method) if intention.payment_method else None,
        intention.contract_signed_on,
        intention.registration_no or "",
    )


def validate(
    intention: Intention, outcome: ContractOutcome, today: dt.date | None = None
) -> ContractOutcome:
    """``outcome`` cleaned, or :class:`ContractInvalid` with the first problem."""
    if FollowUpStage(intention.stage) not in SIGNED_STAGES:
        raise ContractInvalid(
            translate(
                "Contract",
                "A contract can be recorded once the lead has reached “Contract signed”.",
            )
        )
    if outcome.deal_kind is None:
        raise ContractInvalid(translate("Contract", "Choose the kind of deal."))
    if outcome.signed_on is None:
        raise ContractInvalid(translate("Contract", "Give the date the contract was signed."))
    today = today or utcnow().date()
    if outcome.signed_on > today + dt.timedelta(days=1):
        raise ContractInvalid(translate("Contract", "The signing date is in the future."))
    if intention.captured_at is not None and outcome.signed_on < intention.captured_at.date():
        raise ContractInvalid(
            translate(
                "Contract", "The contract cannot be signed before the intention was recorded."
            )
        )
    amount = None if outcome.amount is None else check_amount(Decimal(outcome.amount))
    if outcome.payment_method is not None and amount is None:
        raise ContractInvalid(
            translate("Contract", "Give the amount that the payment method pays.")
        )
    number = " ".join(outcome.registration_no.split())
    if len(number) > REGISTRATION_NO_LENGTH:
        raise ContractInvalid(
            fmt(
                translate("Contract", "The registration number is longer than %1 characters."),
                str(REGISTRATION_NO_LENGTH),
            )
        )
    return dataclasses.replace(
        outcome,
        deal_kind=DealKind(outcome.deal_kind),
        amount=amount,
        payment_method=PaymentMethod(outcome.payment_method) if outcome.payment_method else None,
        registration_no=number,
    )


def _intention(session: Session, intention_id: int) -> Intention:
    intention = live(session, Intention, intention_id)
    if intention is None:
        raise ContractInvalid(translate("Contract", "This intention no longer exists."))
    return intention


def _write(intention: Intention, outcome: ContractOutcome, station: str) -> None:
    intention.deal_kind = outcome.deal_kind
    intention.deal_amount = outcome.amount
    intention.payment_method = outcome.payment_method
    intention.contract_signed_on = outcome.signed_on
    intention.registration_no = outcome.registration_no
    intention.station = station or intention.station


def set_contract_outcome(
    session: Session,
    intention_id: int,
    outcome: ContractOutcome,
    *,
    author: str = "",
    station: str = "",
    today: dt.date | None = None,
) -> ContractChange:
    """Validate and record ``outcome`` on the intention, with a line in its log."""
    intention = _intention(session, intention_id)
    clean = validate(intention, outcome, today)
    previous = contract_outcome(intention)
    if clean == previous:
        return ContractChange(intention_id, previous, clean, None)
    _write(intention, clean, station)
    entry = FollowUpEntry(
        intention_id=intention.id,
        note=translate("Contract", "Contract recorded"),
        author=author.strip(),
        station=station,
    )
    session.add(entry)
    session.flush()
    return ContractChange(intention_id, previous, clean, entry.id)


def take_back_contract_change(
    session: Session, change: ContractChange, *, station: str = ""
) -> None:
    """Undo: the outcome before, and the change's log line tombstoned."""
    _replay(session, change, change.previous, False, station)


def reapply_contract_change(session: Session, change: ContractChange, *, station: str = "") -> None:
    """Redo after :func:`take_back_contract_change`."""
    _replay(session, change, change.outcome, True, station)


def _replay(
    session: Session, change: ContractChange, outcome: ContractOutcome, logged: bool, station: str
) -> None:
    intention = _intention(session, change.intention_id)
    _write(intention, outcome, station)
    if change.entry_id is not None:
        entry = session.get(FollowUpEntry, change.entry_id)
        if entry is not None:
            set_deleted(entry, not logged, station=station)
    session.flush()
