"""The contract outcome of a signed lead on the follow-up page (issue 18.1): deal kind,
amount in yuan, payment method, signing date and registration number, saved through
``domain.contract`` as an undoable command. Shown only once the lead has reached contract
signed (or registered / filed)."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from roadshow_desk.domain.contract import (
    REGISTRATION_NO_LENGTH,
    ContractChange,
    ContractInvalid,
    ContractOutcome,
    contract_outcome,
    parse_amount,
    reapply_contract_change,
    set_contract_outcome,
    take_back_contract_change,
    validate,
)
from roadshow_desk.domain.enums import DealKind, FollowUpStage, PaymentMethod
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import Intention
from roadshow_desk.ui.date_edit import DateEdit
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind

SIGNED = (
    FollowUpStage.CONTRACT_SIGNED,
    FollowUpStage.TRANSFER_REGISTERED,
    FollowUpStage.LICENCE_FILED,
)


class SetContractCommand(Command):
    """Record a contract outcome; undo puts the one before back and takes its log line away."""

    KINDS = (DataKind.INTENTION,)

    def __init__(self, context: AppContext, intention_id: int, outcome: ContractOutcome) -> None:
        super().__init__(context, QCoreApplication.translate("FollowUpCommands", "Record contract"))
        self.intention_id = intention_id
        self.outcome = outcome

    def do(self) -> ContractChange:
        station = self.context.station
        with self.session() as session:
            return set_contract_outcome(
                session, self.intention_id, self.outcome, author=station, station=station
            )

    def revert(self, result: ContractChange) -> None:
        with self.session() as session:
            take_back_contract_change(session, result, station=self.context.station)

    def reapply(self, result: ContractChange) -> ContractChange:
        with self.session() as session:
            reapply_contract_change(session, result, station=self.context.station)
        return result


def _amount_text(outcome: ContractOutcome) -> str:
    return "" if outcome.amount is None else f"{outcome.amount:,.2f}"


def _choices(name: str, members: type[enum.Enum]) -> QComboBox:
    """A combo box named ``name``: blank (not chosen yet), then the members' labels."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem("", None)
    for member in members:
        combo.addItem(label(member), member)
    return combo


class ContractEditor(QGroupBox):
    """The contract fields of one lead; Save (or Enter in a field) records them."""

    problem_found = Signal(str)  # one sentence for the page's message line ("" clears it)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.intention_id: int | None = None
        self.setTitle(self.tr("Contract"))
        self.setObjectName("group_contract")
        self.combo_kind = _choices("combo_deal_kind", DealKind)
        self.edit_amount = QLineEdit()
        self.edit_amount.setObjectName("edit_amount")
        self.edit_amount.setPlaceholderText(self.tr("yuan, e.g. 1,200,000 or 120万 (optional)"))
        self.combo_payment = _choices("combo_payment", PaymentMethod)
        self.date_signed = DateEdit()
        self.date_signed.setObjectName("date_signed")
        self.edit_registration = QLineEdit()
        self.edit_registration.setObjectName("edit_registration")
        self.edit_registration.setMaxLength(REGISTRATION_NO_LENGTH * 2)
        self.button_save = QPushButton(self.tr("Save contract"))
        self.button_save.setObjectName("button_save_contract")
        self.button_save.clicked.connect(self.save)
        for edit in (self.edit_amount, self.date_signed, self.edit_registration):
            edit.returnPressed.connect(self.save)
        self.date_signed.problem_found.connect(self.problem_found)
        form = QFormLayout(self)
        form.addRow(self.tr("Deal"), self.combo_kind)
        form.addRow(self.tr("Amount"), self.edit_amount)
        form.addRow(self.tr("Payment"), self.combo_payment)
        form.addRow(self.tr("Signed on"), self.date_signed)
        form.addRow(self.tr("Registration no."), self.edit_registration)
        form.addRow("", self.button_save)
        self.setVisible(False)

    def show_lead(self, intention_id: int | None, stage: FollowUpStage | None) -> None:
        """Show the outcome of the lead (hidden unless it is signed)."""
        signed = intention_id is not None and stage in SIGNED
        self.intention_id = intention_id if signed else None
        self.setVisible(signed)
        if not signed or intention_id is None:
            return
        with self.context.database.session() as session:
            intention = session.get(Intention, intention_id)
            outcome = contract_outcome(intention) if intention is not None else ContractOutcome()
        self.combo_kind.setCurrentIndex(max(self.combo_kind.findData(outcome.deal_kind), 0))
        self.edit_amount.setText(_amount_text(outcome))
        self.combo_payment.setCurrentIndex(
            max(self.combo_payment.findData(outcome.payment_method), 0)
        )
        self.date_signed.setDate(outcome.signed_on)
        self.edit_registration.setText(outcome.registration_no)

    def outcome(self) -> ContractOutcome:
        """What the fields say; :class:`ContractInvalid` for an amount that is none."""
        if self.date_signed.is_pending() and not self.date_signed.commit():
            raise ContractInvalid(self.date_signed.problem() or "")
        signed_on: dt.date | None = self.date_signed.date()
        return ContractOutcome(
            deal_kind=self.combo_kind.currentData(),
            amount=parse_amount(self.edit_amount.text()),
            payment_method=self.combo_payment.currentData(),
            signed_on=signed_on,
            registration_no=self.edit_registration.text(),
        )

    def save(self) -> bool:
        """Validate, then record as an undoable step; False with one sentence if not."""
        if self.intention_id is None:
            return False
        try:
            outcome = self.outcome()
            with self.context.database.session() as session:
                intention = session.get(Intention, self.intention_id)
                if intention is None:
                    raise ContractInvalid(self.tr("This intention no longer exists."))
                clean = validate(intention, outcome)
                unchanged = clean == contract_outcome(intention)
                session.rollback()  # validating writes nothing
        except ContractInvalid as exc:
            self.problem_found.emit(str(exc))
            return False
        self.problem_found.emit("")
        if not unchanged:
            SetContractCommand(self.context, self.intention_id, clean).push()
        return True
