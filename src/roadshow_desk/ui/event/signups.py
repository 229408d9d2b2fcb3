"""Signing selected firms of the registry up for the event, and withdrawing them; undoable.

Each command (:mod:`roadshow_desk.ui.undo`) calls ``domain.signups`` and tells the pages
(``data_changed(DataKind.ENTERPRISE)``: the registry, the check-in list and the print page
follow). The registry's buttons use :func:`sign_up_selected` and :func:`withdraw_selected`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from roadshow_desk.domain.events import get_event
from roadshow_desk.domain.signups import WithdrawResult, sign_up_firms, withdraw_firms
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.undo import Command
from roadshow_desk.ui.workflow import AppContext, DataKind


def sign_up_event(context: AppContext) -> tuple[int, str] | None:
    """The event the registry signs firms up for: the current one, else the latest."""
    event_id = context.current_or_latest_event_id()
    if event_id is None:
        return None
    with context.database.session() as session:
        event = get_event(session, event_id)
        return event.id, event.name


class SignUpCommand(Command):
    """Firms signed up (undo withdraws exactly those that were not signed up before)."""

    KINDS = (DataKind.ENTERPRISE,)

    def __init__(self, context: AppContext, event_id: int, enterprise_ids: Sequence[int]) -> None:
        super().__init__(
            context,
            fmt(
                QCoreApplication.translate("SignUps", "Sign up %1 firms"), str(len(enterprise_ids))
            ),
        )
        self.event_id = event_id
        self.enterprise_ids = list(enterprise_ids)

    def do(self) -> list[int]:
        with self.session() as session:
            return sign_up_firms(
                session, self.event_id, self.enterprise_ids, station=self.context.station
            )

    def changed(self, result: list[int]) -> bool:
        return bool(result)  # all of them were signed up already: nothing to undo

    def revert(self, result: list[int]) -> None:
        with self.session() as session:
            withdraw_firms(session, self.event_id, result, station=self.context.station)

    @property
    def added(self) -> list[int]:
        return list(self.result or [])


class WithdrawCommand(Command):
    """Sign-ups withdrawn (firms that have checked in are kept); undo signs them up again."""

    KINDS = (DataKind.ENTERPRISE,)

    def __init__(self, context: AppContext, event_id: int, enterprise_ids: Sequence[int]) -> None:
        super().__init__(
            context,
            fmt(
                QCoreApplication.translate("SignUps", "Withdraw %1 firms"), str(len(enterprise_ids))
            ),
        )
        self.event_id = event_id
        self.enterprise_ids = list(enterprise_ids)

    def do(self) -> WithdrawResult:
        with self.session() as session:
            return withdraw_firms(
                session, self.event_id, self.enterprise_ids, station=self.context.station
            )

    def changed(self, result: WithdrawResult) -> bool:
        return bool(result.withdrawn)

    def revert(self, result: WithdrawResult) -> None:
        with self.session() as session:
            sign_up_firms(session, self.event_id, result.withdrawn, station=self.context.station)

    @property
    def withdrawn(self) -> list[int]:
        return list(self.result.withdrawn) if self.result is not None else []

    @property
    def kept(self) -> list[str]:
        return list(self.result.checked_in) if self.result is not None else []


def sign_up_selected(context: AppContext, enterprise_ids: Sequence[int]) -> str:
    """Sign the firms up for the event; returns the sentence for the status bar."""
    target = sign_up_event(context)
    if target is None:
        return QCoreApplication.translate(
            "SignUps", "Create the event first; then sign firms up for it."
        )
    if not enterprise_ids:
        return QCoreApplication.translate("SignUps", "Choose the firms to sign up in the list.")
    event_id, name = target
    command = SignUpCommand(context, event_id, enterprise_ids)
    command.push()
    if not command.added:
        return fmt(
            QCoreApplication.translate("SignUps", "They are all signed up for “%1” already."), name
        )
    return fmt(
        QCoreApplication.translate("SignUps", "%1 firms signed up for “%2”."),
        str(len(command.added)),
        name,
    )


def withdraw_selected(context: AppContext, enterprise_ids: Sequence[int]) -> str:
    """Withdraw the firms' sign-ups; returns the sentence for the status bar."""
    target = sign_up_event(context)
    if target is None or not enterprise_ids:
        return QCoreApplication.translate("SignUps", "Choose the firms to withdraw in the list.")
    event_id, name = target
    command = WithdrawCommand(context, event_id, enterprise_ids)
    command.push()
    message = fmt(
        QCoreApplication.translate("SignUps", "%1 firms withdrawn from “%2”."),
        str(len(command.withdrawn)),
        name,
    )
    if command.kept:
        message += " " + fmt(
            QCoreApplication.translate("SignUps", "%1 checked in already and stay signed up."),
            "、".join(command.kept),
        )
    return message
