"""The event page: setup form, registry with walk-ins, check-in, sessions with drag-and-drop."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import list_sessions, list_slots
from roadshow_desk.domain.enterprises import EnterpriseFields
from roadshow_desk.domain.models import Enterprise, Event, Registration
from roadshow_desk.domain.payloads import enterprise_payload
from roadshow_desk.ui.event.enterprises import EnterpriseDialog
from roadshow_desk.ui.event.page import EventPage


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def page(qtbot, app_context, english, fair) -> EventPage:  # type: ignore[no-untyped-def]
    widget = EventPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activate()
    return widget


def test_setup_form_edits_and_creates_events(qtbot, page, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    form = page.setup
    assert form.edit_name.text() == "长三角专利转化路演对接会"
    form.edit_signup.setText("https://x.cn/{evnet}")
    assert not form.save()
    assert "{evnet}" in form.label_message.text()
    form.edit_signup.setText("https://x.cn/s?e={event}&p={patent}")
    form.edit_partner_regions.setText("上海市、浙江省")
    assert form.save()
    with db.session() as session:
        event = session.get(Event, fair.event_id)
        assert event is not None
        assert event.partner_regions == "上海市; 浙江省"
    form.button_new_event.click()
    form.edit_name.setText("秋季对接会")
    form.date_starts.setDate(dt.date(2027, 10, 9))
    assert form.save()
    assert app_context.current_event_id != fair.event_id
    assert page.combo_event.count() == 2
    with db.session() as session:
        created = session.get(Event, app_context.current_event_id)
        assert created is not None
        assert (created.name, created.starts_on) == ("秋季对接会", dt.date(2027, 10, 9))


def test_registry_add_refuses_bad_code_and_edit_undoes(qtbot, page, app_context, db) -> None:  # type: ignore[no-untyped-def]
    registry = page.registry
    ModelTester(None).check(registry.model)
    assert registry.model.rowCount() == 4
    assert registry.save(None, EnterpriseFields(name="新公司", credit_code="123")) is None
    assert "18 characters" in registry.label_message.text()
    new_id = registry.save(None, EnterpriseFields(name="新公司", phone="13700001111"))
    assert new_id is not None and registry.model.rowCount() == 5
    registry.save(new_id, EnterpriseFields(name="新公司", phone="13700002222"))
    with db.session() as session:
        firm = session.get(Enterprise, new_id)
        assert firm is not None and firm.phone == "13700002222"
    app_context.undo_stack.undo()
    with db.session() as session:
        firm = session.get(Enterprise, new_id)
        assert firm is not None and firm.phone == "13700001111"
    app_context.undo_stack.undo()
    assert registry.model.rowCount() == 4  # the registration undone


def test_enterprise_dialog_round_trip_and_refusal(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    fields = EnterpriseFields(
        name="甲公司",
        credit_code="91350100M000100Y43",
        tags=["high_tech", "state_owned"],
        phone="13800001111",
        consent_to_contact=True,
        notes="两行\n备注",
    )
    dialog = EnterpriseDialog(fields)
    qtbot.addWidget(dialog)
    assert dialog.fields() == EnterpriseFields(
        **{**fields.__dict__, "tags": ["high_tech", "state_owned"]}
    )
    dialog.check = lambda _fields: "The phone number is wrong."
    dialog.accept()
    assert dialog.result() == 0 and dialog.label_message.text() == "The phone number is wrong."


def test_check_in_first_wins_scan_and_walk_in(qtbot, page, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    panel = page.checkin
    page.show_checkin()
    panel.edit_search.setText("精密")
    panel.search("精密")
    assert panel.list_found.count() == 1
    assert panel.check_in_current()
    assert "checked in at" in panel.label_message.text()
    panel.search("精密")
    assert panel.check_in_current()
    assert panel.label_message.text().startswith(
        "华东精密机械股份有限公司 is already checked in at"
    )
    assert panel.label_message.text().endswith("at test-station.")
    with db.session() as session:
        firm = session.get(Enterprise, fair.enterprise_ids[0])
        assert firm is not None
        badge = enterprise_payload(firm.uuid)
    panel.edit_search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_search)
    ticks = iter(range(0, 10_000_000, 5))  # a scanner's 5 ms between keys, whatever the load
    panel.scanner.clock = lambda: next(ticks) / 1000.0
    for character in badge:
        qtbot.keyClick(panel.edit_search, character)
    qtbot.keyClick(panel.edit_search, Qt.Key.Key_Return)
    assert panel.edit_search.text() == ""
    assert panel.label_message.text().startswith("宁德储能科技有限公司 checked in at")
    panel.edit_walk_in_name.setText("路过的科技公司")
    panel.edit_walk_in_phone.setText("12")
    assert not panel.register_walk_in()
    panel.edit_walk_in_phone.setText("13512345678")
    assert panel.register_walk_in()
    assert panel.label_attendance.text() == "Checked in: 3 of 3 signed up"
    with db.session() as session:
        walk_in = session.scalar(select(Enterprise).where(Enterprise.is_walk_in.is_(True)))
        assert walk_in is not None and walk_in.phone == "13512345678"
        walk_in_id = walk_in.id
    # Reconciled in the registry: merged into the registered firm of the same name.
    registry = page.registry
    registry.reload()
    with db.session() as session:
        twin = Enterprise(name="路过的科技有限公司", name_key="路过的科技")
        session.add(twin)
        session.flush()
        twin_id = twin.id
    registry.reload()
    assert registry.select(walk_in_id)
    assert registry.box_walk_in.isVisibleTo(registry)
    assert registry.combo_merge.currentData() == twin_id
    assert registry.merge_current()
    with db.session() as session:
        registration = session.scalar(
            select(Registration).where(
                Registration.enterprise_id == twin_id, Registration.deleted_at.is_(None)
            )
        )
        assert registration is not None and registration.checked_in_at is not None


def test_sessions_build_drag_reorder_minutes_and_undo(qtbot, page, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    agenda.edit_title.setText("上午场")
    agenda.spin_minutes.setValue(6)
    assert agenda.build_session()
    model = agenda.model
    ModelTester(None).check(model)
    assert model.rowCount() == 4
    assert agenda.label_total.text() == "4 slots, 24 minutes planned"
    before = model.slot_ids()
    # Drag the last row onto the first one (what the view does on a drop).
    data = model.mimeData([model.index(3, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    expected = [before[3], before[0], before[1], before[2]]
    with db.session() as session:
        session_id = list_sessions(session, fair.event_id)[0].id
        assert [slot.id for slot in list_slots(session, session_id)] == expected
    assert model.slot_ids() == expected
    # Dropped below the end.
    model.dropMimeData(
        model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 4, 0, QModelIndex()
    )
    assert model.slot_ids() == [before[0], before[1], before[2], before[3]]
    app_context.undo_stack.undo()
    assert model.slot_ids() == expected
    app_context.undo_stack.undo()
    assert model.slot_ids() == before
    assert model.setData(model.index(0, model.MINUTES), 10)
    assert not model.setData(model.index(0, model.MINUTES), 0)
    assert agenda.label_total.text() == "4 slots, 28 minutes planned"
    agenda.table.setCurrentIndex(model.index(1, 0))
    agenda.remove_slot()
    assert model.rowCount() == 3
    app_context.undo_stack.undo()
    assert model.rowCount() == 4
    # A second build has nothing left to schedule: one sentence, nothing pushed.
    count = app_context.undo_stack.count()
    assert not agenda.build_session()
    assert "no included patent" in agenda.label_message.text()
    assert app_context.undo_stack.count() == count


def test_enterprise_pane_suggests_patents_that_fit(qtbot, demo_db, ui_settings, english) -> None:  # type: ignore[no-untyped-def]
    """Choosing a demo firm shows the patents that fit it, each with its reason."""
    from roadshow_desk.ui.event.enterprises import RegistryView
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "test-station")
    view = RegistryView(context)
    qtbot.addWidget(view)
    view.show()
    with demo_db.session() as session:
        firm_id = session.scalars(
            select(Enterprise.id).where(Enterprise.keywords != "").order_by(Enterprise.id)
        ).first()
    assert firm_id is not None
    view._show(firm_id)
    qtbot.waitUntil(lambda: view.matches.model.rowCount() > 0, timeout=5000)
    reasons = [
        str(view.matches.model.index(row, view.matches.model.columnCount() - 1).data())
        for row in range(view.matches.model.rowCount())
    ]
    assert all(reasons), "every suggestion is explained"
