"""活动 › 企业 › 导入报名表 signs the firms up for the event the dialog names; the registry signs
selected firms up and withdraws them; badges print for every registered firm (#12.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from fairday_data import credit_code, make_fair_day
from roadshow_desk.documents.data import load_badges, load_event
from roadshow_desk.domain.checkin import check_in, find_for_check_in
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.domain.signups import registered_ids
from roadshow_desk.exchange.writers import write_table
from roadshow_desk.ui.importing.signup_dialog import SignUpTargetDialog
from roadshow_desk.ui.importing.summary_dialog import ImportSummaryDialog

HEADER = ["企业名称", "统一社会信用代码", "联系人", "联系电话"]


@pytest.fixture
def fair(app_context):  # type: ignore[no-untyped-def]
    day = make_fair_day(app_context.database)
    app_context.current_event_id = day.event_id
    return day


def test_the_registry_import_button_signs_the_list_up(  # type: ignore[no-untyped-def]
    qtbot, import_window, app_context, fair, monkeypatch, tmp_path: Path
) -> None:
    database = app_context.database
    source = write_table(
        tmp_path / "报名表.xlsx",
        HEADER,
        [
            ["宁德储能科技有限公司", credit_code(1), "林工", "13800000001"],
            ["海宁新材料有限公司", "", "沈总", "13700001234"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    asked: list[tuple[str, str]] = []

    def answer(dialog: SignUpTargetDialog) -> int:
        asked.append((dialog.label_heading.text(), dialog.combo_event.currentText()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignUpTargetDialog, "exec", answer)
    shown: list[ImportSummaryDialog] = []
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda dialog: shown.append(dialog))
    import_window.show()
    import_window.show_page("event")
    page = import_window.page("event")
    page.tabs.setCurrentWidget(page.registry)
    with qtbot.waitSignal(import_window.import_controller.import_finished, timeout=20000):
        page.registry.button_import.click()
    assert asked == [(asked[0][0], "长三角专利转化路演对接会")]  # the dialog names the event
    assert "报名表.xlsx" in asked[0][0]
    assert "2 firms newly signed up for “长三角专利转化路演对接会”" in shown[0].label_heading.text()
    with database.session() as session:
        new_id = session.scalar(
            select(Enterprise.id).where(Enterprise.name == "海宁新材料有限公司")
        )
        assert registered_ids(session, fair.event_id) == {fair.enterprise_ids[0], new_id}
        found = find_for_check_in(session, fair.event_id, "海宁")
        assert found[0].signed_up and found[0].checked_in_at is None  # signed up, not arrived
    badges = load_badges(database, load_event(database, fair.event_id))
    assert sorted(b.name for b in badges) == ["宁德储能科技有限公司", "海宁新材料有限公司"]
    qtbot.waitUntil(lambda: page.registry.model.rowCount() == 5)
    signed = {row[1]: row[6] for row in page.registry.model.rows}
    assert signed["海宁新材料有限公司"] == "signed up" and signed["联想（北京）有限公司"] == ""


def test_no_event_chosen_imports_into_the_registry_only(  # type: ignore[no-untyped-def]
    qtbot, import_window, app_context, fair, monkeypatch, tmp_path: Path
) -> None:
    source = write_table(tmp_path / "名录.xlsx", HEADER, [["海宁新材料有限公司", "", "沈总", ""]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))

    def registry_only(dialog: SignUpTargetDialog) -> int:
        dialog.combo_event.setCurrentIndex(dialog.combo_event.count() - 1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignUpTargetDialog, "exec", registry_only)
    monkeypatch.setattr(ImportSummaryDialog, "open", lambda dialog: None)
    controller = import_window.import_controller
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        controller.enterprises_action.trigger()
    assert finished.args[0].inserted == 1
    with app_context.database.session() as session:
        assert registered_ids(session, fair.event_id) == set()
    # Cancel in the dialog imports nothing.
    monkeypatch.setattr(SignUpTargetDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    controller.enterprises_action.trigger()
    assert controller.task is None


def test_the_registry_signs_selected_firms_up_and_withdraws_them(  # type: ignore[no-untyped-def]
    qtbot, import_window, app_context, fair
) -> None:
    database = app_context.database
    messages: list[str] = []
    app_context.status_message.connect(messages.append)
    import_window.show()
    import_window.show_page("event")
    registry = import_window.page("event").registry
    model = registry.model
    selection = registry.table.selectionModel()
    first, second = (model.row_of(fair.enterprise_ids[n]) for n in (0, 1))
    registry.table.setCurrentIndex(model.index(first, 0))
    selection.select(
        model.index(second, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    registry.button_sign_up.click()
    assert messages[-1] == "2 firms signed up for “长三角专利转化路演对接会”."
    with database.session() as session:
        assert registered_ids(session, fair.event_id) == set(fair.enterprise_ids[:2])
        check_in(session, fair.event_id, fair.enterprise_ids[0], station="desk")
    registry.reload()
    # Both rows, whatever stayed selected (the reload keeps the selection) and whatever
    # modifier an earlier test left down (setCurrentIndex toggles under Ctrl).
    selection.clearSelection()
    for enterprise_id in fair.enterprise_ids[:2]:
        selection.select(
            model.index(model.row_of(enterprise_id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    registry.button_withdraw.click()
    assert messages[-1].startswith("1 firms withdrawn from “长三角专利转化路演对接会”.")
    assert "宁德储能科技有限公司 checked in already" in messages[-1]
    with database.session() as session:
        assert registered_ids(session, fair.event_id) == {fair.enterprise_ids[0]}
    app_context.undo_stack.undo()  # the withdrawal
    with database.session() as session:
        assert registered_ids(session, fair.event_id) == set(fair.enterprise_ids[:2])
    app_context.undo_stack.undo()  # the sign-up: the checked-in firm stays
    with database.session() as session:
        assert registered_ids(session, fair.event_id) == {fair.enterprise_ids[0]}
