"""The follow-up page: stage moves with undo, drop with reason, owner, date, notes, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from fairday_data import make_fair_day
from roadshow_desk.domain.capture import IntentionDraft, record_intention
from roadshow_desk.domain.enums import FollowUpStage, IntentionKind
from roadshow_desk.domain.followup import log_of
from roadshow_desk.domain.models import Intention
from roadshow_desk.ui.followup.page import FollowUpPage


@pytest.fixture
def leads(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    ids = [
        record_intention(
            db,
            IntentionDraft(
                enterprise_id=day.enterprise_ids[index],
                patent_id=day.patent_ids[index],
                kind=IntentionKind.TRANSFER,
                event_id=day.event_id,
            ),
            station="A",
        ).id
        for index in range(3)
    ]
    return day, ids


@pytest.fixture
def page(qtbot, app_context, english, leads) -> FollowUpPage:  # type: ignore[no-untyped-def]
    app_context.current_event_id = leads[0].event_id
    widget = FollowUpPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.activate()
    return widget


def stage_of(db, intention_id: int) -> FollowUpStage:  # type: ignore[no-untyped-def]
    with db.session() as session:
        intention = session.get(Intention, intention_id)
        assert intention is not None
        return FollowUpStage(intention.stage)


def test_model_passes_the_model_tester(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    ModelTester(None).check(page.model)
    assert page.model.rowCount() == 3
    assert page.label_count.text() == "Leads: 3"


def test_move_undo_and_drop_with_reason(qtbot, page, app_context, leads, db) -> None:  # type: ignore[no-untyped-def]
    _day, ids = leads
    assert page.select_lead(ids[0])
    names = [
        page.stage_buttons.itemAt(i).widget().text() for i in range(page.stage_buttons.count())
    ]
    assert names == ["Contacted", "Dropped"]
    page.findChild(type(page.stage_buttons.itemAt(0).widget()), "button_stage_contacted").click()
    assert stage_of(db, ids[0]) is FollowUpStage.CONTACTED
    assert page.model.data(page.model.index(page.model.row_of(ids[0]), 3)) == "Contacted"
    app_context.undo_stack.undo()
    assert stage_of(db, ids[0]) is FollowUpStage.NEW
    assert page.select_lead(ids[0])
    assert not page.move_to(FollowUpStage.DROPPED)  # no reason yet
    assert "why" in page.label_message.text()
    assert stage_of(db, ids[0]) is FollowUpStage.NEW
    page.edit_reason.setText("预算不足")
    assert page.move_to(FollowUpStage.DROPPED)
    assert stage_of(db, ids[0]) is FollowUpStage.DROPPED
    with db.session() as session:
        assert log_of(session, ids[0])[-1].note == "预算不足"
    assert page.stage_buttons.count() == 1  # closed: no more moves


def test_owner_date_note_and_filters(qtbot, page, app_context, leads, db) -> None:  # type: ignore[no-untyped-def]
    _day, ids = leads
    page.select_lead(ids[1])
    page.edit_owner.setText("小王")
    page.edit_owner.editingFinished.emit()
    yesterday = dt.date.today() - dt.timedelta(days=1)
    page.date_next.setText(yesterday.isoformat())
    page.date_next.editingFinished.emit()
    page.edit_note.setText("电话联系，下周面谈")
    page.edit_note.returnPressed.emit()
    with db.session() as session:
        intention = session.get(Intention, ids[1])
        assert intention is not None
        assert (intention.owner, intention.next_action_on) == ("小王", yesterday)
        assert [e.note for e in log_of(session, ids[1])] == ["Owner: 小王", "电话联系，下周面谈"]
    assert page.list_log.count() == 2
    page.check_overdue.setChecked(True)
    assert [row.id for row in page.model.rows] == [ids[1]]
    page.check_overdue.setChecked(False)
    page.combo_owner.setCurrentIndex(page.combo_owner.findData("小王"))
    assert [row.id for row in page.model.rows] == [ids[1]]
    page.combo_owner.setCurrentIndex(1)  # nobody yet
    assert sorted(row.id for row in page.model.rows) == [ids[0], ids[2]]
    page.combo_owner.setCurrentIndex(0)
    page.combo_stage.setCurrentIndex(page.combo_stage.findData(FollowUpStage.CONTACTED))
    assert page.model.rows == []
    app_context.undo_stack.undo()  # the note
    app_context.undo_stack.undo()  # the date
    app_context.undo_stack.undo()  # the owner
    with db.session() as session:
        intention = session.get(Intention, ids[1])
        assert intention is not None
        assert (intention.owner, intention.next_action_on) == ("", None)
        assert log_of(session, ids[1]) == []  # undo takes the owner's log line back too


def test_log_times_are_the_venue_s(qtbot, page, leads, db) -> None:  # type: ignore[no-untyped-def]
    """A lead's log shows its times in the event's time zone, not the default one."""
    from roadshow_desk.domain.models import Event
    from roadshow_desk.domain.venue_time import to_venue

    day, ids = leads
    with db.session() as session:
        event = session.get(Event, day.event_id)
        assert event is not None
        event.time_zone = "Europe/London"  # 8 hours behind the default (Asia/Shanghai)
    page.select_lead(ids[0])
    page.edit_note.setFocus()
    qtbot.keyClicks(page.edit_note, "called")
    qtbot.keyClick(page.edit_note, Qt.Key.Key_Return)
    with db.session() as session:
        at = log_of(session, ids[0])[-1].at
    assert page.list_log.count() == 1
    shown = page.list_log.item(0).text()
    assert shown.startswith(f"{to_venue(at, 'Europe/London'):%Y-%m-%d %H:%M}  called"), shown


def test_contract_outcome_typed_saved_and_undone(qtbot, page, app_context, leads, db) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from roadshow_desk.domain.models import utcnow

    _day, ids = leads
    page.select_lead(ids[0])
    assert not page.contract.isVisible()  # a new lead has no contract yet
    with db.session() as session:
        session.get(Intention, ids[2]).stage = FollowUpStage.CONTRACT_SIGNED.value
        session.commit()
    page.reload()
    page.select_lead(ids[2])
    assert page.contract.isVisible()
    today = utcnow().date()

    def typed(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        widget.setFocus()
        QTest.keyClicks(QApplication.focusWidget(), text)

    page.contract.combo_kind.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # transfer
    typed(page.contract.edit_amount, "12 yuan")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.label_message.text() == "“12 yuan” is not an amount in yuan."
    with db.session() as session:
        assert session.get(Intention, ids[2]).deal_kind is None  # nothing written
    page.contract.edit_amount.selectAll()
    typed(page.contract.edit_amount, "¥1,200,000")
    page.contract.combo_payment.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # lump sum
    typed(page.contract.date_signed, today.isoformat())
    typed(page.contract.edit_registration, "  2026 SR 0001 ")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.label_message.text() == ""
    with db.session() as session:
        intention = session.get(Intention, ids[2])
        assert (intention.deal_kind, intention.deal_amount, intention.payment_method) == (
            "transfer",
            Decimal("1200000.00"),
            "lump_sum",
        )
        assert (intention.contract_signed_on, intention.registration_no) == (today, "2026 SR 0001")
        assert [e.note for e in log_of(session, ids[2])] == ["Contract recorded"]
    app_context.undo_stack.undo()
    with db.session() as session:
        intention = session.get(Intention, ids[2])
        assert (intention.deal_kind, intention.deal_amount, intention.contract_signed_on) == (
            None,
            None,
            None,
        )
        assert log_of(session, ids[2]) == []
    app_context.undo_stack.redo()
    with db.session() as session:
        assert session.get(Intention, ids[2]).deal_amount == Decimal("1200000.00")
