"""The contract outcome of a lead: validated, logged, undoable, in the intentions export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from roadshow_desk.domain.contract import (
    ContractInvalid,
    ContractOutcome,
    contract_outcome,
    parse_amount,
    reapply_contract_change,
    set_contract_outcome,
    take_back_contract_change,
)
from roadshow_desk.domain.enums import DealKind, FollowUpStage, PaymentMethod
from roadshow_desk.domain.models import FollowUpEntry, Intention


def _signed(session, stage: FollowUpStage = FollowUpStage.CONTRACT_SIGNED) -> Intention:  # type: ignore[no-untyped-def]
    return next(i for i in session.query(Intention).order_by(Intention.id) if i.stage == stage)


def test_amounts_people_type() -> None:
    assert parse_amount("1,200,000") == Decimal("1200000.00")
    assert parse_amount("¥ 80000.5") == Decimal("80000.50")
    assert parse_amount("120万") == Decimal("1200000.00")
    assert parse_amount("  ") is None
    for bad in ("abc", "-5", "1.234", "1e20"):
        with pytest.raises(ContractInvalid):
            parse_amount(bad)


def test_record_undo_redo(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        intention = _signed(session)
        day = intention.captured_at.date() + dt.timedelta(days=40)
        before = contract_outcome(intention)
        logged = session.query(FollowUpEntry).filter_by(intention_id=intention.id).count()
        outcome = ContractOutcome(
            DealKind.LICENCE, Decimal("350000"), PaymentMethod.ROYALTY, day, "  XK 2026 01 "
        )
        change = set_contract_outcome(session, intention.id, outcome, author="王")
        session.commit()
        assert contract_outcome(intention) == ContractOutcome(
            DealKind.LICENCE, Decimal("350000.00"), PaymentMethod.ROYALTY, day, "XK 2026 01"
        )
        entries = session.query(FollowUpEntry).filter_by(intention_id=intention.id)
        assert entries.count() == logged + 1
        take_back_contract_change(session, change)
        session.commit()
        assert contract_outcome(intention) == before
        assert entries.filter(FollowUpEntry.deleted_at.is_(None)).count() == logged
        reapply_contract_change(session, change)
        session.commit()
        assert contract_outcome(intention).deal_kind is DealKind.LICENCE


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"deal_kind": None}, "kind of deal"),
        ({"signed_on": None}, "date"),
        ({"signed_on": dt.date(2000, 1, 1)}, "before the intention"),
        ({"signed_on": dt.date(2999, 1, 1)}, "future"),
        ({"amount": Decimal("-1")}, "zero or more"),
        ({"amount": None}, "payment method"),
        ({"registration_no": "9" * 65}, "longer than 64"),
    ],
)
def test_bad_outcomes_are_refused_and_nothing_changes(demo_db, change, words) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        intention = _signed(session)
        before = contract_outcome(intention)
        good = ContractOutcome(
            DealKind.TRANSFER,
            Decimal(100),
            PaymentMethod.LUMP_SUM,
            intention.captured_at.date() + dt.timedelta(days=30),
        )
        with pytest.raises(ContractInvalid, match=words):
            set_contract_outcome(
                session, intention.id, ContractOutcome(**{**good.__dict__, **change})
            )
        assert contract_outcome(intention) == before


def test_only_signed_leads_take_a_contract(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        intention = _signed(session, FollowUpStage.NEGOTIATING)
        outcome = ContractOutcome(DealKind.TRANSFER, signed_on=intention.captured_at.date())
        with pytest.raises(ContractInvalid, match="Contract signed"):
            set_contract_outcome(session, intention.id, outcome)
        assert intention.deal_kind is None


def test_intentions_export_carries_the_contract(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    from roadshow_desk.exchange.fairday_export import export_intentions

    with demo_db.session() as session:
        intention = _signed(session, FollowUpStage.TRANSFER_REGISTERED)
        number = intention.patent.application_no
        amount = intention.deal_amount
        signed_on = intention.contract_signed_on
        registration = intention.registration_no
    assert amount is not None and registration
    out = tmp_path / "intentions.xlsx"
    export_intentions(demo_db, out, event_id=1)
    sheet = openpyxl.load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    row = next(
        r
        for r in sheet.iter_rows(min_row=2)
        if r[header.index("登记/备案号")].value == registration
    )
    cell = {name: row[i] for i, name in enumerate(header)}
    assert cell["专利申请号"].value == number
    assert cell["合同类型"].value == "转让"
    assert cell["合同金额（元）"].data_type == "n"
    assert Decimal(str(cell["合同金额（元）"].value)) == amount
    assert cell["签约日期"].is_date and cell["签约日期"].value.date() == signed_on
    assert cell["登记/备案号"].value == registration
    assert cell["支付方式"].value in ("一次性支付", "分期支付", "提成支付")
