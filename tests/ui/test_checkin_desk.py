"""The check-in desk by keyboard: ambiguous prefixes ask, unknown names offer a walk-in,
walk-ins are not counted twice, and Ctrl+Z takes a check-in back (issue 11, items 5-7)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from fairday_data import make_fair_day
from roadshow_desk.domain.checkin import attendance
from roadshow_desk.domain.models import Enterprise
from roadshow_desk.ui.event.checkin import CheckInPanel
from roadshow_desk.ui.main_window import MainWindow


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def desk(qtbot, app_context, english, fair) -> Iterator[tuple[MainWindow, CheckInPanel]]:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    assert window.show_page("event")
    page = window.page("event")
    page.show_checkin()
    panel = page.checkin
    ticks = iter(range(0, 100_000_000, 150))  # a person's 150 ms between keys
    panel.scanner.clock = lambda: next(ticks) / 1000.0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_search)
    yield window, panel


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """ASCII as key presses, Chinese as a pinyin input method commits it."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, modifier)


def counts(db, event_id: int) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(live firms, signed up, checked in)."""
    with db.session() as session:
        firms = session.scalar(
            select(func.count()).select_from(Enterprise).where(Enterprise.deleted_at.is_(None))
        )
        return (int(firms or 0), *attendance(session, event_id))


def test_ambiguous_prefix_asks_which_firm_and_ctrl_z_takes_it_back(qtbot, desk, db, fair) -> None:  # type: ignore[no-untyped-def]
    window, panel = desk
    assert not window.undo_action.isEnabled()
    type_keys(qtbot, "有限")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (4, 0, 0)  # nothing checked in yet
    assert panel.label_message.text().startswith("4 firms match “有限”: which one?")
    assert focused() is panel.list_found
    press(qtbot, Qt.Key.Key_Down)
    chosen = panel.list_found.currentItem().data(Qt.ItemDataRole.UserRole)
    chosen_name = panel.list_found.currentItem().text().split()[0]
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (4, 1, 1)
    assert panel.label_message.text().startswith(f"{chosen_name} checked in at")
    assert focused() is panel.edit_search
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo Check in {chosen_name}"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert counts(db, fair.event_id) == (4, 0, 0)
    assert panel.label_message.text() == f"Check-in of {chosen_name} taken back."
    assert panel.label_attendance.text() == "Checked in: 0 of 0 signed up"
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # the window's Redo
    assert counts(db, fair.event_id) == (4, 1, 1)
    with db.session() as session:
        assert [c.enterprise_id for c in _checked_in(session, fair.event_id)] == [chosen]


def _checked_in(session, event_id: int) -> list:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.models import Registration

    return list(
        session.scalars(
            select(Registration).where(
                Registration.event_id == event_id,
                Registration.deleted_at.is_(None),
                Registration.checked_in_at.is_not(None),
            )
        )
    )


def test_a_unique_or_exact_name_checks_in_at_once(qtbot, desk, db, fair) -> None:  # type: ignore[no-untyped-def]
    window, panel = desk
    type_keys(qtbot, "精密")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (4, 1, 1)
    type_keys(qtbot, "联想(北京)有限公司")  # several contain 有限, one is this firm
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (4, 2, 2)
    assert panel.label_message.text().startswith("联想（北京）有限公司 checked in at")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert counts(db, fair.event_id) == (4, 0, 0)
    assert not window.undo_action.isEnabled()


def test_unknown_name_says_so_and_offers_a_walk_in_which_undo_removes(
    qtbot, desk, db, fair
) -> None:  # type: ignore[no-untyped-def]
    window, panel = desk
    panel.label_message.setText("an earlier message")
    type_keys(qtbot, "路过的科技公司")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.label_message.text().startswith("No firm matches “路过的科技公司”.")
    assert "walk-in" in panel.label_message.text()
    assert panel.edit_walk_in_name.text() == "路过的科技公司"
    assert focused() is panel.edit_walk_in_phone
    assert counts(db, fair.event_id) == (4, 0, 0)
    type_keys(qtbot, "13512345678")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (5, 1, 1)
    assert panel.label_message.text() == "Walk-in registered: 路过的科技公司 (to reconcile later)."
    assert window.undo_action.text() == "&Undo Register walk-in 路过的科技公司"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert counts(db, fair.event_id) == (4, 0, 0)


def test_the_same_walk_in_twice_and_a_checked_in_firm_are_caught(qtbot, desk, db, fair) -> None:  # type: ignore[no-untyped-def]
    _window, panel = desk
    for attempt in range(2):
        panel.edit_walk_in_name.setFocus()
        qtbot.waitUntil(lambda: focused() is panel.edit_walk_in_name)
        type_keys(qtbot, "路过的科技公司")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is panel.edit_walk_in_phone
        type_keys(qtbot, "13512345678")
        press(qtbot, Qt.Key.Key_Return)
        assert counts(db, fair.event_id) == (5, 1, 1), attempt
    assert panel.label_message.text().startswith(
        "Already registered: 路过的科技公司, checked in at"
    )
    assert panel.edit_walk_in_phone.text() == "13512345678"  # nothing typed is lost
    # A registered firm checks in; a walk-in of exactly its name is then refused.
    panel.edit_search.setFocus()
    qtbot.waitUntil(lambda: focused() is panel.edit_search)
    type_keys(qtbot, "精密")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (5, 2, 2)
    panel.edit_walk_in_name.setFocus()
    qtbot.waitUntil(lambda: focused() is panel.edit_walk_in_name)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over what was kept
    type_keys(qtbot, "华东精密机械股份有限公司")
    press(qtbot, Qt.Key.Key_Tab)  # Tab selects the phone kept from before
    type_keys(qtbot, "13700001111")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (5, 2, 2)
    assert panel.label_message.text().startswith(
        "Already registered: 华东精密机械股份有限公司, checked in at"
    )


def test_a_check_in_taken_back_with_ctrl_z_stays_taken_back_after_the_bundle_merge(  # type: ignore[no-untyped-def]
    qtbot, desk, db, fair, tmp_path
) -> None:
    """A firm signed up beforehand is checked in at the desk by mistake and taken back with
    Ctrl+Z; the organiser merges the desk's bundles from before and after the undo (in
    either order, one round or two) and does not count the firm as checked in."""
    from roadshow_desk.cli import main
    from roadshow_desk.domain.checkin import sign_up
    from roadshow_desk.domain.models import Event
    from roadshow_desk.store.db import open_database

    window, panel = desk
    firm = fair.enterprise_ids[1]  # 华东精密机械股份有限公司
    with db.session() as session:
        sign_up(session, fair.event_id, firm, station="organiser")
        event_uuid = session.get(Event, fair.event_id).uuid
    type_keys(qtbot, "精密")
    press(qtbot, Qt.Key.Key_Return)
    assert counts(db, fair.event_id) == (4, 1, 1)
    bundles = [tmp_path / "desk-1.rsdb", tmp_path / "desk-2.rsdb"]
    export = ["bundle", "export", "--db", db.url, "--station", "test-station"]
    assert main([*export[:2], str(bundles[0]), *export[2:]]) == 0
    assert window.undo_action.text() == "&Undo Check in 华东精密机械股份有限公司"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.label_message.text() == "Check-in of 华东精密机械股份有限公司 taken back."
    assert counts(db, fair.event_id) == (4, 1, 0)
    assert main([*export[:2], str(bundles[1]), *export[2:]]) == 0
    for number, rounds in enumerate(([bundles], [bundles[1:], bundles[:1]])):
        organiser = open_database(f"sqlite:///{tmp_path / f'organiser-{number}.sqlite3'}")
        with organiser.session() as session:
            session.add(Event(uuid=event_uuid, name="长三角专利转化路演对接会"))
            session.flush()
            organiser_event = session.scalars(select(Event.id)).one()
        for files in rounds:
            merge = ["bundle", "merge", *map(str, files), "--db", organiser.url, "--station", "O"]
            assert main(merge) == 0
        with organiser.session() as session:
            assert attendance(session, organiser_event) == (1, 0), rounds
        organiser.dispose()
