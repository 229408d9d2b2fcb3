"""The capture panel: keyboard only, scanner bursts, today's list with edit and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fairday_data import make_fair_day
from roadshow_desk.domain.enums import BudgetBand, IntentionKind
from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.domain.payloads import enterprise_payload, patent_payload
from roadshow_desk.ui.capture.panel import CapturePanel


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    return make_fair_day(db)


@pytest.fixture
def panel(qtbot, app_context, english, fair) -> CapturePanel:  # type: ignore[no-untyped-def]
    app_context.current_event_id = fair.event_id
    widget = CapturePanel(app_context)
    qtbot.addWidget(widget)
    widget.scanner.clock = KeyClock()
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.new_capture()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.field_enterprise.edit)
    return widget


class KeyClock:
    """The scanner's clock in tests: key presses 5 ms apart (a scanner's pace), whatever the
    load on the test machine; :meth:`pause` stands for a person's hesitation."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


def focus():  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget: ASCII as key presses, Chinese through the input method
    (as a pinyin IME commits it)."""
    if text.isascii():
        qtbot.keyClicks(focus(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focus(), event)


def scan(qtbot, code: str) -> None:  # type: ignore[no-untyped-def]
    """What a USB scanner does: type the code's characters fast, then Enter, each to
    whichever widget has the focus at that moment (as a real keyboard does)."""
    for character in code:
        qtbot.keyClick(focus(), character)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)


def press(qtbot, key, text: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focus(), key)


def intentions(db) -> list[Intention]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return list(session.scalars(select(Intention).where(Intention.deleted_at.is_(None))))


def test_capture_by_keyboard_only(qtbot, panel, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    app_context.patent_on_stage.emit(fair.patent_ids[1])  # the roadshow puts a patent on stage
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "5555")  # part of the firm's phone number
    press(qtbot, Qt.Key.Key_Tab)  # the highlighted match is chosen
    assert panel.field_enterprise.chosen_id == fair.enterprise_ids[1]
    assert focus() is panel.field_patent.edit
    assert panel.field_patent.chosen_id == fair.patent_ids[1]  # the patent on stage
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is panel.chooser_kind
    qtbot.keyClick(focus(), "2")  # licence
    assert focus() is panel.combo_budget
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # the second band
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "张工")  # through the input method
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "13812345678")
    press(qtbot, Qt.Key.Key_Return)
    saved = intentions(db)
    assert len(saved) == 1
    intention = saved[0]
    assert (intention.enterprise_id, intention.patent_id) == (
        fair.enterprise_ids[1],
        fair.patent_ids[1],
    )
    assert intention.kind is IntentionKind.LICENCE
    assert intention.budget_band is BudgetBand.FROM_100K_TO_500K
    assert (intention.contact_person, intention.contact_phone) == ("张工", "13812345678")
    assert intention.captured_station == "test-station"
    assert intention.event_id == fair.event_id
    # Ready for the next enterprise: form cleared, patent kept, list and count updated.
    assert focus() is panel.field_enterprise.edit
    assert panel.field_enterprise.chosen_id is None
    assert panel.field_patent.chosen_id == fair.patent_ids[1]
    assert panel.model.rowCount() == 1
    assert panel.label_count.text() == "Today: 1 intentions (1 at this desk)"


def test_no_demand_asks_for_the_rating(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, "lxbj")  # pinyin initials of 联想（北京）
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.field_enterprise.chosen_id == fair.enterprise_ids[2]
    type_text(qtbot, "数控机床")
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.field_patent.chosen_id == fair.patent_ids[1]
    qtbot.keyClick(focus(), "7")  # no demand
    assert focus() is panel.chooser_rating
    press(qtbot, Qt.Key.Key_Return)  # no rating yet: refused, nothing saved
    assert intentions(db) == []
    assert "1 to 5" in panel.label_message.text()
    assert focus() is panel.chooser_rating
    qtbot.keyClick(focus(), "3")
    press(qtbot, Qt.Key.Key_Return)
    saved = intentions(db)
    assert [(i.kind, i.prospect_rating) for i in saved] == [(IntentionKind.NO_DEMAND, 3)]


def test_enter_on_an_incomplete_form_names_the_missing_field(qtbot, panel, db) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_Return)
    assert intentions(db) == []
    assert "enterprise" in panel.label_message.text()
    assert focus() is panel.field_enterprise.edit


def test_scanner_burst_fills_fields_wherever_the_focus_is(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        firm = session.get(Enterprise, fair.enterprise_ids[3])
        patent = session.get(Patent, fair.patent_ids[2])
        assert firm is not None and patent is not None
        badge, code = enterprise_payload(firm.uuid), patent_payload(patent.application_no)
    panel.edit_notes.setFocus()
    type_text(qtbot, "想了解")  # a person typed that
    panel.scanner.clock.pause(0.08)
    scan(qtbot, badge)
    assert panel.field_enterprise.chosen_id == firm.id
    assert panel.edit_notes.text() == "想了解"  # what the burst typed is taken back
    assert intentions(db) == []  # the scanner's Enter does not save
    # A patent code scanned while the kind chooser has the focus: its digits are not kinds.
    panel.chooser_kind.setFocus()
    qtbot.keyClick(panel.chooser_kind, "1")  # transfer, chosen by hand (focus moves on)
    panel.chooser_kind.setFocus()
    panel.scanner.clock.pause(0.08)
    scan(qtbot, code)
    assert panel.field_patent.chosen_id == patent.id
    assert panel.chooser_kind.value == IntentionKind.TRANSFER
    press(qtbot, Qt.Key.Key_Return)  # a person's Enter saves
    saved = intentions(db)
    assert [(i.enterprise_id, i.patent_id, i.kind) for i in saved] == [
        (firm.id, patent.id, IntentionKind.TRANSFER)
    ]
    assert saved[0].notes == "想了解"


def test_slow_typing_of_a_code_is_not_a_scan(qtbot, panel, fair) -> None:  # type: ignore[no-untyped-def]
    ticks = iter(range(0, 10_000_000, 200))
    panel.scanner.clock = lambda: next(ticks) / 1000.0  # 200 ms between key presses
    panel.edit_notes.setFocus()
    qtbot.keyClicks(panel.edit_notes, "RSD1:P:CN202210016632.1")
    qtbot.keyClick(panel.edit_notes, Qt.Key.Key_Return)
    assert panel.field_patent.chosen_id != fair.patent_ids[2]
    assert panel.edit_notes.text() == "RSD1:P:CN202210016632.1"


def test_unknown_badge_scan_says_so(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, enterprise_payload("f" * 32))
    assert "no enterprise" in panel.label_message.text()
    assert panel.field_enterprise.edit.text() == ""


def test_todays_list_edit_remove_and_undo(qtbot, panel, app_context, fair, db) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, "宁德")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "光伏")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(focus(), "1")
    press(qtbot, Qt.Key.Key_Return)
    (saved,) = intentions(db)
    # Load it from today's list, change the kind, save with Enter.
    panel.table_today.setFocus()
    panel.table_today.setCurrentIndex(panel.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert panel.field_enterprise.chosen_id == fair.enterprise_ids[0]
    panel.chooser_kind.setFocus()
    qtbot.keyClick(panel.chooser_kind, "6")
    press(qtbot, Qt.Key.Key_Return)
    assert [i.kind for i in intentions(db)] == [IntentionKind.RESEARCH_COOPERATION]
    assert len(intentions(db)) == 1
    app_context.undo_stack.undo()
    assert [i.kind for i in intentions(db)] == [IntentionKind.TRANSFER]
    # Remove it with Delete; undo brings it back; undo once more un-records it.
    panel.table_today.setFocus()
    panel.table_today.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table_today, Qt.Key.Key_Delete)
    assert intentions(db) == []
    assert panel.model.rowCount() == 0
    app_context.undo_stack.undo()
    assert [i.id for i in intentions(db)] == [saved.id]
    assert panel.label_count.text().startswith("Today: 1 ")
    app_context.undo_stack.undo()
    assert intentions(db) == []
    app_context.undo_stack.redo()
    assert [i.id for i in intentions(db)] == [saved.id]


def test_capture_page_imports_a_paper_sheet(
    qtbot, app_context, english, fair, db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from roadshow_desk.exchange.writers import write_table
    from roadshow_desk.ui.capture.page import CapturePage

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    app_context.current_event_id = fair.event_id
    page = CapturePage(app_context)
    qtbot.addWidget(page)
    sheet = write_table(
        tmp_path / "sheet.xlsx",
        ["企业名称", "专利申请号", "意向类型"],
        [["宁德储能科技有限公司", "2022100166321", "许可"], ["无名公司", "2022100166321", "转让"]],
    )
    task = page.import_sheet(sheet)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert shown and shown[0].startswith("1 new, 0 updated, 0 unchanged, 1 rejected.")
    assert (tmp_path / "sheet-rejects.xlsx").exists()
    assert [(i.enterprise_id, i.kind) for i in intentions(db)] == [
        (fair.enterprise_ids[0], IntentionKind.LICENCE)
    ]
    # No time column: it counts as captured now, at the "paper" station.
    assert page.panel.model.rowCount() == 1
    assert page.panel.model.data(page.panel.model.index(0, 6)) == "paper"


def test_a_stall_in_the_middle_of_the_first_burst_is_still_a_scan(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    """The first search of the day loaded the pinyin library (0.6-0.9 s) in the middle of
    the first burst: a scan that ends in Enter is a scan however long one gap was."""
    from keyboard import scan as scan_with

    with db.session() as session:
        firm = session.get(Enterprise, fair.enterprise_ids[2])
        assert firm is not None
        badge = enterprise_payload(firm.uuid)
    scan_with(qtbot, badge, stall_after=9, clock=panel.scanner.clock, stall_seconds=0.9)
    assert panel.field_enterprise.chosen_id == firm.id
    assert "RSD1" not in panel.field_enterprise.edit.text()
    assert intentions(db) == []


def test_nothing_of_a_burst_is_typed_into_the_field_it_arrives_in(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        patent = session.get(Patent, fair.patent_ids[2])
        assert patent is not None
        code = patent_payload(patent.application_no)
    typed: list[str] = []
    panel.field_enterprise.edit.textEdited.connect(typed.append)
    scan(qtbot, code)
    assert typed == []  # no search ran on half a code
    assert panel.field_patent.chosen_id == patent.id


def test_a_person_typing_letters_that_begin_a_code_still_types_them(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    edit = panel.field_enterprise.edit
    qtbot.keyClick(focus(), "R")  # could be a scan's first key: held back a moment
    qtbot.waitUntil(lambda: edit.text() == "R", timeout=1000)
    panel.scanner.clock.pause(0.2)
    qtbot.keyClicks(focus(), "oh")  # "Ro", "h" (could begin http): all typed, in order
    qtbot.waitUntil(lambda: edit.text() == "Roh", timeout=1000)
    panel.scanner.clock.pause(0.2)
    qtbot.keyClicks(focus(), "rsd1")  # fast, but no ":" yet, then a Tab: typed
    press(qtbot, Qt.Key.Key_Backspace)
    assert edit.text() == "Rohrsd"


def test_a_scan_without_its_enter_is_dropped_with_a_sentence(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.scanner.stall_ms = 50
    for character in "RSD1:E:0123":
        qtbot.keyClick(focus(), character)
    qtbot.waitUntil(lambda: "incomplete" in panel.label_message.text(), timeout=1000)
    assert panel.field_enterprise.edit.text() == ""
    qtbot.keyClicks(focus(), "5555")  # the keyboard works as before
    assert panel.field_enterprise.edit.text() == "5555"


def test_the_first_pinyin_keystroke_finds_everything_ready(
    qtbot, app_context, english, fair, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The pinyin tables and the firms' initials are prepared on a worker as the panel
    opens: the first keystrokes do no pinyin work on the GUI thread."""
    from roadshow_desk.domain.enterprise_search import pinyin_initials

    pinyin_initials.cache_clear()
    app_context.current_event_id = fair.event_id
    widget = CapturePanel(app_context)
    qtbot.addWidget(widget)
    assert widget.warmup is not None
    qtbot.waitUntil(lambda: widget.warmup.started)  # once the event loop runs
    assert widget.warmup.wait(30)
    import pypinyin

    calls: list[str] = []
    original = pypinyin.lazy_pinyin

    def spy(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(pypinyin, "lazy_pinyin", spy)
    widget.show()
    widget.field_enterprise.edit.setFocus()
    qtbot.keyClicks(widget.field_enterprise.edit, "lx")
    assert widget.field_enterprise.matches.count() >= 1  # 联想（北京）
    assert calls == []


def test_the_no_demand_message_names_the_kind_as_its_button_does(
    qtbot, app_context, fair, qapp
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.labels import label
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, "zh_CN")
    try:
        app_context.current_event_id = fair.event_id
        widget = CapturePanel(app_context)
        qtbot.addWidget(widget)
        widget.field_enterprise.set_choice(fair.enterprise_ids[0], "x")
        widget.field_patent.set_choice(fair.patent_ids[0], "y")
        widget.chooser_kind.setFocus()
        qtbot.keyClick(widget.chooser_kind, "7")
        qtbot.keyClick(widget.chooser_rating, Qt.Key.Key_Return)
        shown = label(IntentionKind.NO_DEMAND)
        assert shown == "暂无需求" and shown in widget.chooser_kind.buttons[6].text()
        assert f"“{shown}”" in widget.label_message.text()
    finally:
        install_translators(qapp, "en")


def test_a_scan_whose_first_keys_came_slowly_is_still_a_scan(qtbot, panel, fair, db) -> None:  # type: ignore[no-untyped-def]
    """A pause inside ``RSD1:`` lets the first keys through as typing; the burst still ends
    in Enter and parses as a code, so it is a scan: the field is emptied, nothing saved."""
    from keyboard import scan as scan_with

    with db.session() as session:
        firm = session.get(Enterprise, fair.enterprise_ids[1])
        assert firm is not None
        badge = enterprise_payload(firm.uuid)
    scan_with(qtbot, badge, stall_after=1, clock=panel.scanner.clock, stall_seconds=0.2)
    assert panel.field_enterprise.chosen_id == firm.id
    assert "RSD1" not in panel.field_enterprise.edit.text()
    assert intentions(db) == []
    assert panel.label_message.text().startswith("Scanned:")
