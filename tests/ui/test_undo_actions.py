"""The actions people expect to take back with Ctrl+Z, driven by keys and clicks in the real
window (#16 item 4): a scanned check-in, a walk-in merge, the event form's save and the
rubric's Apply; Ctrl+Shift+Z and Ctrl+Y redo. A refused change keeps what could be redone,
and a check-in taken back stamps its tombstone with this station."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.checkin import attendance, check_in_walk_in
from roadshow_desk.domain.enums import IntentionKind, PatentType
from roadshow_desk.domain.models import Enterprise, Event, Intention, Patent, Registration
from roadshow_desk.domain.payloads import enterprise_payload
from roadshow_desk.domain.rubric import Criterion
from roadshow_desk.store import scoring
from roadshow_desk.ui.event.page import EventPage
from roadshow_desk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def window(qtbot, app_context, english, fair) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(app_context)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    yield main


def event_page(window: MainWindow) -> EventPage:
    assert window.show_page("event")
    page = window.page("event")
    assert isinstance(page, EventPage)
    return page


def focused(window: MainWindow) -> QWidget:
    return QApplication.focusWidget() or window


def undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(window), Qt.Key.Key_Z, CTRL)


def redo(qtbot, window: MainWindow, *, with_y: bool = False) -> None:  # type: ignore[no-untyped-def]
    if with_y:
        qtbot.keyClick(focused(window), Qt.Key.Key_Y, CTRL)
    else:
        qtbot.keyClick(focused(window), Qt.Key.Key_Z, CTRL | SHIFT)


def scan(qtbot, panel, text: str) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner's burst into the focused search field (no delay between keys)."""
    ticks = iter(range(0, 10_000_000, 5))
    panel.scanner.clock = lambda: next(ticks) / 1000.0
    for character in text:
        qtbot.keyClick(QApplication.focusWidget(), character)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def badge(db, enterprise_id: int) -> str:  # type: ignore[no-untyped-def]
    with db.session() as session:
        firm = session.get(Enterprise, enterprise_id)
        assert firm is not None
        return enterprise_payload(firm.uuid)


def test_scanned_check_in_undo_and_redo(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    page = event_page(window)
    page.show_checkin()
    panel = page.checkin
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_search)
    scan(qtbot, panel, badge(db, fair.enterprise_ids[0]))
    with db.session() as session:
        assert attendance(session, fair.event_id) == (1, 1)
    assert panel.label_message.text().startswith("宁德储能科技有限公司 checked in at")
    assert window.undo_action.text() == "&Undo Check in 宁德储能科技有限公司"
    undo(qtbot, window)
    with db.session() as session:
        assert attendance(session, fair.event_id) == (0, 0)
    assert panel.label_message.text() == "Check-in of 宁德储能科技有限公司 taken back."
    assert panel.label_attendance.text() == "Checked in: 0 of 0 signed up"
    redo(qtbot, window)
    with db.session() as session:
        assert attendance(session, fair.event_id) == (1, 1)
    assert panel.label_attendance.text() == "Checked in: 1 of 1 signed up"
    assert panel.label_message.text().startswith("宁德储能科技有限公司 checked in at")


def test_a_refused_scan_keeps_the_check_in_to_redo(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    page = event_page(window)
    page.show_checkin()
    panel = page.checkin
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_search)
    scan(qtbot, panel, badge(db, fair.enterprise_ids[0]))
    undo(qtbot, window)
    assert window.redo_action.isEnabled()
    with db.session() as session:  # a badge this database does not know
        firm = session.get(Enterprise, fair.enterprise_ids[2])
        assert firm is not None
        unknown = enterprise_payload(firm.uuid).replace(firm.uuid[:4], "ffff")
    scan(qtbot, panel, unknown)
    assert panel.label_message.text().startswith("This badge belongs to no enterprise")
    assert window.redo_action.isEnabled()  # the refusal did not throw the redo step away
    redo(qtbot, window, with_y=True)
    with db.session() as session:
        assert attendance(session, fair.event_id) == (1, 1)


def test_undoing_a_check_in_that_signed_up_stamps_this_station(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    page = event_page(window)
    page.show_checkin()
    panel = page.checkin
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_search)
    event = QInputMethodEvent()  # 精密 as a pinyin input method commits it
    event.setCommitString("精密")
    QApplication.sendEvent(panel.edit_search, event)
    qtbot.keyClick(panel.edit_search, Qt.Key.Key_Return)
    with db.session() as session:  # another desk on the same server edits the attendee
        registration = session.scalars(select(Registration)).one()
        registration.attendee_name = "李四"
        registration.station = "desk B"
    undo(qtbot, window)
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert registration.deleted_at is not None and registration.checked_in_at is None
        assert registration.station == "test-station"  # this station's bundle carries it


def test_a_walk_in_check_in_undone_and_redone_travels_in_the_next_bundles(  # type: ignore[no-untyped-def]
    qtbot, window, db, fair, tmp_path
) -> None:
    """A walk-in checked in at the desk, taken back with Ctrl+Z and made again with
    Ctrl+Shift+Z: each step is stamped with this station and the time it was made, so the
    bundle exported after it (``--since last``) carries it."""
    from roadshow_desk.exchange.bundle_export import export_bundle
    from roadshow_desk.exchange.bundle_format import read_bundle

    page = event_page(window)
    page.show_checkin()
    panel = page.checkin
    qtbot.mouseClick(panel.edit_walk_in_name, Qt.MouseButton.LeftButton)
    typed = QInputMethodEvent()  # the name as a pinyin input method commits it
    typed.setCommitString("路过的科技公司")
    QApplication.sendEvent(focused(window), typed)
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert focused(window) is panel.edit_walk_in_phone
    qtbot.keyClicks(focused(window), "13512345678")
    qtbot.keyClick(focused(window), Qt.Key.Key_Return)
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        uuid, checked_in_at = registration.uuid, registration.checked_in_at
    first = export_bundle(db, tmp_path / "1.rsdb", station="test-station", since="last")
    assert first.counts["registration"] == 1

    def exported(name: str) -> list[dict[str, object]]:
        """The registration's rows in a bundle exported now (first thing after a step, so a
        failing check leaves no unexported work for the window to ask about on close)."""
        result = export_bundle(db, tmp_path / name, station="test-station", since="last")
        return [r for r in read_bundle(result.path).records("registration") if r["uuid"] == uuid]

    undo(qtbot, window)
    taken_back = exported("2.rsdb")
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert registration.deleted_at is not None
        assert registration.station == "test-station"
        assert registration.updated_at >= registration.deleted_at > checked_in_at
    assert len(taken_back) == 1 and taken_back[0]["deleted_at"] is not None
    redo(qtbot, window)
    redone = exported("3.rsdb")
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert registration.deleted_at is None and registration.checked_in_at == checked_in_at
        assert registration.station == "test-station"
        assert registration.updated_at > checked_in_at  # stamped when redone, not back then
    assert len(redone) == 1, "the redone check-in is not in the bundle exported after it"
    assert redone[0]["deleted_at"] is None and redone[0]["checked_in_station"] == "test-station"


def test_walk_in_merge_undo_and_redo(qtbot, window, db, fair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        walk_in_id = check_in_walk_in(
            session, fair.event_id, "宁德储能科技", "13800000001", station="desk A"
        ).enterprise_id
        session.add(
            Intention(
                enterprise_id=walk_in_id,
                patent_id=fair.patent_ids[0],
                event_id=fair.event_id,
                kind=IntentionKind.LICENCE,
            )
        )
    target_id = fair.enterprise_ids[0]  # 宁德储能科技有限公司
    page = event_page(window)
    page.tabs.setCurrentWidget(page.registry)
    registry = page.registry
    registry.reload()
    assert registry.select(walk_in_id)
    assert registry.combo_merge.currentData() == target_id
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(registry.button_merge, Qt.MouseButton.LeftButton)
    assert "Undo takes the merge back" in asked[0]

    def owners() -> tuple[set[int], set[int], bool]:
        with db.session() as session:
            live = set(
                session.scalars(
                    select(Registration.enterprise_id).where(Registration.deleted_at.is_(None))
                )
            )
            intended = set(session.scalars(select(Intention.enterprise_id)))
            walk_in = session.get(Enterprise, walk_in_id)
            assert walk_in is not None
            return live, intended, walk_in.is_deleted

    assert owners() == ({target_id}, {target_id}, True)
    assert window.undo_action.text() == "&Undo Merge walk-in into 宁德储能科技有限公司"
    undo(qtbot, window)
    assert owners() == ({walk_in_id}, {walk_in_id}, False)
    assert registry.select(walk_in_id)  # the list shows the walk-in again
    assert registry.box_walk_in.isVisibleTo(registry)
    redo(qtbot, window)
    assert owners() == ({target_id}, {target_id}, True)


def test_event_form_save_undo_and_redo(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    form = event_page(window).setup
    qtbot.mouseClick(form.edit_name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.edit_name, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(form.edit_name, "Autumn fair")
    qtbot.mouseClick(form.button_save_event, Qt.MouseButton.LeftButton)

    def stored() -> str:
        with db.session() as session:
            event = session.get(Event, fair.event_id)
            assert event is not None
            return event.name

    chooser = event_page(window).combo_event
    assert stored() == "Autumn fair"
    assert chooser.currentText() == "Autumn fair"
    assert window.undo_action.text() == "&Undo Save event Autumn fair"
    undo(qtbot, window)
    assert stored() == "长三角专利转化路演对接会"
    assert form.edit_name.text() == "长三角专利转化路演对接会"  # the form shows it
    assert chooser.currentText() == "长三角专利转化路演对接会"  # and so does the chooser
    assert not form.pending_edits()
    redo(qtbot, window, with_y=True)
    assert stored() == "Autumn fair"
    assert form.edit_name.text() == "Autumn fair"
    assert chooser.currentText() == "Autumn fair"


def create_event_with_keys(qtbot, window: MainWindow, name: str, starts: str) -> None:  # type: ignore[no-untyped-def]
    """New event, the name and the start day typed, Create event clicked."""
    form = event_page(window).setup
    qtbot.mouseClick(form.button_new_event, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.edit_name)
    qtbot.keyClicks(focused(window), name)
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert focused(window) is form.date_starts
    qtbot.keyClicks(focused(window), starts)
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert form.button_save_event.text() == "&Create event"
    qtbot.mouseClick(form.button_save_event, Qt.MouseButton.LeftButton)


def live_events(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The events the database has (not removed), uuid: name."""
    with db.session() as session:
        return {
            event.uuid: event.name
            for event in session.scalars(select(Event).where(Event.deleted_at.is_(None)))
        }


def chooser_names(window: MainWindow) -> list[str]:
    chooser = event_page(window).combo_event
    return [chooser.itemText(index) for index in range(chooser.count())]


def test_creating_an_event_undo_and_redo(qtbot, window, db, fair, app_context) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z takes a new event back out of the chooser and the database (the latest one
    left becomes current); Ctrl+Shift+Z brings the same event (same uuid) back."""
    before = live_events(db)
    create_event_with_keys(qtbot, window, "Autumn fair", "20271009")
    created = {uuid: name for uuid, name in live_events(db).items() if uuid not in before}
    assert list(created.values()) == ["Autumn fair"]
    with db.session() as session:
        event_id = session.scalars(select(Event.id).where(Event.name == "Autumn fair")).one()
    assert app_context.current_event_id == event_id
    assert chooser_names(window) == ["Autumn fair", "长三角专利转化路演对接会"]
    assert window.undo_action.text() == "&Undo Create event Autumn fair"
    form = event_page(window).setup
    undo(qtbot, window)
    assert live_events(db) == before
    with db.session() as session:
        gone = session.get(Event, event_id)
        assert gone is not None and gone.station == "test-station"  # a tombstone, stamped
    assert chooser_names(window) == ["长三角专利转化路演对接会"]
    assert app_context.current_event_id == fair.event_id
    assert event_page(window).combo_event.currentText() == "长三角专利转化路演对接会"
    assert form.edit_name.text() == "长三角专利转化路演对接会"
    assert window.statusBar().currentMessage() == "Event “Autumn fair” removed."
    redo(qtbot, window)
    assert live_events(db) == {**before, **created}  # the same uuid: bundles know it
    assert app_context.current_event_id == event_id
    assert chooser_names(window) == ["Autumn fair", "长三角专利转化路演对接会"]
    assert event_page(window).combo_event.currentText() == "Autumn fair"
    assert form.edit_name.text() == "Autumn fair"
    assert form.button_save_event.text() == "&Save event"


def test_undoing_the_only_event_leaves_the_first_step(qtbot, app_context, english, db) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(app_context)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    create_event_with_keys(qtbot, main, "Autumn fair", "20271009")
    assert chooser_names(main) == ["Autumn fair"]
    undo(qtbot, main)
    assert live_events(db) == {}
    assert chooser_names(main) == [] and app_context.current_event_id is None
    page = event_page(main)
    assert page.setup.event_id is None and page.setup.edit_name.text() == ""
    assert page.empty.isVisibleTo(page)  # the empty state names the next step: New event
    redo(qtbot, main)
    assert list(live_events(db).values()) == ["Autumn fair"]
    assert chooser_names(main) == ["Autumn fair"]
    assert page.setup.edit_name.text() == "Autumn fair"


def test_details_typed_for_an_event_taken_back_stay_in_the_form(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z from a field with nothing of its own to undo takes the new event back; the
    venue typed for it and not saved yet stays, and Create event makes it again."""
    create_event_with_keys(qtbot, window, "Autumn fair", "20271009")
    form = event_page(window).setup
    qtbot.mouseClick(form.edit_venue, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(window), "Hall 3")
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert focused(window) is not form.edit_venue
    undo(qtbot, window)
    assert "Autumn fair" not in live_events(db).values()
    assert (form.edit_name.text(), form.edit_venue.text()) == ("Autumn fair", "Hall 3")
    assert form.button_save_event.text() == "&Create event"
    assert form.pending_edits() == ["the new event “Autumn fair”"]
    qtbot.mouseClick(form.button_save_event, Qt.MouseButton.LeftButton)
    with db.session() as session:
        again = session.scalars(
            select(Event).where(Event.name == "Autumn fair", Event.deleted_at.is_(None))
        ).one()
        assert again.venue == "Hall 3"


def test_an_event_something_was_recorded_for_is_not_taken_back(qtbot, window, db, fair) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.checkin import sign_up

    create_event_with_keys(qtbot, window, "Autumn fair", "20271009")
    with db.session() as session:  # another desk on the same server signs a firm up for it
        event_id = session.scalars(select(Event.id).where(Event.name == "Autumn fair")).one()
        sign_up(session, event_id, fair.enterprise_ids[0], station="desk B")
    undo(qtbot, window)
    assert "Autumn fair" in live_events(db).values()
    assert window.statusBar().currentMessage() == (
        "The event “Autumn fair” stays: sign-ups, sessions, shortlisted patents or intentions "
        "have been recorded for it since it was created."
    )
    assert chooser_names(window) == ["Autumn fair", "长三角专利转化路演对接会"]
    assert not window.undo_action.isEnabled()  # the step it could not take is dropped
    assert not window.redo_action.isEnabled()


def test_rubric_apply_undo_and_redo(qtbot, window, db, fair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.screening.rubric_dialog import RubricDialog

    with db.session() as session:  # invention patents: the invention points count
        for patent in session.scalars(select(Patent)):
            patent.patent_type = PatentType.INVENTION
        session.flush()
        scoring.rescore(session)

    def scores() -> dict[int, float | None]:
        with db.session() as session:
            return dict(session.execute(select(Patent.id, Patent.score)).all())

    before = scores()
    dialog = RubricDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    spin = dialog.points[Criterion.INVENTION]
    spin.setFocus()
    qtbot.waitUntil(lambda: spin.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), str(int(spin.value()) + 7))
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    with qtbot.waitSignal(dialog.rescored, timeout=20000):  # rescored on a worker
        qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    applied = scores()
    assert applied != before
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.undo_action.text().startswith("&Undo Apply rubric")
    stack = window.context.undo_stack
    undo(qtbot, window)  # rescored on a worker (tests/ui/screening/test_rubric_undo.py)
    qtbot.waitUntil(lambda: not stack.busy, timeout=20000)
    assert scores() == before
    assert window.statusBar().currentMessage() == (
        f"Scores recomputed: {len(before)} patents changed."
    )
    redo(qtbot, window)
    qtbot.waitUntil(lambda: not stack.busy, timeout=20000)
    assert scores() == applied
