"""The presenter console under real hands: a scanner's burst, clicker keys, Esc (issue #11).

Keys go to whichever widget has the focus, as a keyboard, a clicker and a USB scanner send
them (the two-screen versions, with the windows' screens checked after every key, are in
two_screens_checks.py).
"""

from __future__ import annotations

import pytest
from keyboard import KeyClock, focus, press, scan
from PySide6.QtCore import Qt
from sqlalchemy import select

from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.domain.payloads import enterprise_payload, patent_payload
from roadshow_desk.domain.roadshow import Blank
from roadshow_desk.ui.capture.panel import CapturePanel
from roadshow_desk.ui.roadshow.controller import RoadshowOptions

NO_CARDS = RoadshowOptions(title_cards=False)


def codes(db, day):  # type: ignore[no-untyped-def]
    """A badge of the first enterprise, and the patent code of the third slot's patent."""
    with db.session() as session:
        firm = session.scalars(select(Enterprise).order_by(Enterprise.id)).first()
        patent = session.get(Patent, day.patent_ids[2])
        assert firm is not None and patent is not None
        return (
            firm.id,
            enterprise_payload(firm.uuid),
            patent.id,
            patent_payload(patent.application_no),
        )


def saved_intentions(db, day) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        rows = session.scalars(
            select(Intention).where(Intention.event_id == day.event_id, Intention.notes == "")
        )
        return len(list(rows))


@pytest.fixture
def show(make_controller, plan, context, day, qtbot, english):  # type: ignore[no-untyped-def]
    """A running show with the capture panel in its console, the console on the screen."""
    context.current_event_id = day.event_id
    panel = CapturePanel(context)
    panel.scanner.clock = KeyClock()
    controller = make_controller(plan, options=NO_CARDS, context=context, capture=panel)
    controller.start()
    qtbot.keyClick(controller.display, Qt.Key.Key_C)  # one screen: the console on a key
    qtbot.waitUntil(lambda: controller.console.isActiveWindow())
    qtbot.waitUntil(lambda: panel.field_patent.chosen_id == plan.slots[0].patent_id)
    return controller


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


def test_the_show_starts_with_the_keyboard_on_the_show_not_in_a_field(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert focus() is show.console
    press(qtbot, Qt.Key.Key_B)
    assert show.run.blank is Blank.BLACK
    press(qtbot, Qt.Key.Key_Period)
    assert show.run.blank is Blank.NONE
    press(qtbot, Qt.Key.Key_W)
    assert show.run.blank is Blank.WHITE
    press(qtbot, Qt.Key.Key_PageDown)
    assert show.run.blank is Blank.NONE and show.run.index == 0  # back from white
    press(qtbot, Qt.Key.Key_PageDown)
    assert show.run.index == 1
    press(qtbot, Qt.Key.Key_F)
    assert show.windowed
    press(qtbot, Qt.Key.Key_F)
    assert not show.windowed
    press(qtbot, Qt.Key.Key_S)  # one screen: said, nothing swapped
    assert not show.swapped and "only one screen" in show.console.state_label.text()
    panel = show.console.capture
    assert panel.field_enterprise.edit.text() == ""  # nothing was typed into the form


def test_show_keys_act_from_the_kind_buttons_but_a_text_field_types_them(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = show.console.capture
    panel.chooser_kind.setFocus()
    press(qtbot, Qt.Key.Key_B)
    assert show.run.blank is Blank.BLACK and focus() is panel.chooser_kind
    press(qtbot, Qt.Key.Key_B)
    panel.combo_budget.setFocus()
    press(qtbot, Qt.Key.Key_PageDown)  # a clicker: the show moves, the budget stays
    assert show.run.index == 1 and panel.combo_budget.currentIndex() == 0
    press(qtbot, Qt.Key.Key_Tab)  # the person goes on to type
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is panel.edit_contact
    qtbot.keyClicks(focus(), "Bob W.")
    assert panel.edit_contact.text() == "Bob W."
    assert show.run.blank is Blank.NONE and show.run.index == 1


def test_esc_closes_the_list_then_leaves_the_field_then_asks_before_leaving(show, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = show.console.capture
    press(qtbot, Qt.Key.Key_Tab)  # into the form
    assert focus() is panel.field_enterprise.edit
    qtbot.keyClicks(focus(), "szys")  # pinyin initials of 苏州隐私科技
    assert panel.field_enterprise.matches.isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # closes the list
    assert not panel.field_enterprise.matches.isVisible() and show.run.running
    press(qtbot, Qt.Key.Key_Escape)  # gives the keyboard back to the show
    assert show.run.running and focus() is show.console
    assert panel.field_enterprise.edit.text() == "szys"  # nothing lost
    press(qtbot, Qt.Key.Key_Escape)  # asks
    assert show.run.running and "Esc again" in show.console.state_label.text()
    with qtbot.waitSignal(show.finished, timeout=1000):
        press(qtbot, Qt.Key.Key_Escape)
    assert not show.run.running


def test_a_scan_at_the_console_reaches_no_show_key_wherever_the_focus_is(
    show, qtbot, db, day, plan
) -> None:  # type: ignore[no-untyped-def]
    panel = show.console.capture
    firm_id, badge, patent_id, code = codes(db, day)
    index, blank = show.run.index, show.run.blank

    def nothing_moved(_character: str) -> None:
        assert show.run.running and (show.run.index, show.run.blank) == (index, blank)
        assert show.typed == "" and show.console_requested and not show.windowed
        assert "screen" not in show.console.state_label.text()  # no swap was tried

    scan(qtbot, badge, after_each=nothing_moved)
    assert panel.field_enterprise.chosen_id == firm_id
    assert focus() is panel.chooser_kind  # the badge is in: choose the kind
    scan(qtbot, code, after_each=nothing_moved)  # RSD1:P:CN... (S swaps, N/P move, 1 picks)
    assert panel.field_patent.chosen_id == patent_id  # not the patent on stage
    assert panel.field_patent.chosen_id != plan.slots[0].patent_id
    assert panel.chooser_kind.value is None and focus() is panel.chooser_kind
    assert saved_intentions(db, day) == 0  # the scanner's Enter saved nothing
    press(qtbot, "2")  # the person: licence
    press(qtbot, Qt.Key.Key_Return)
    with db.session() as session:
        saved = session.scalars(
            select(Intention).where(Intention.captured_station == "podium")
        ).all()
        assert [(i.enterprise_id, i.patent_id) for i in saved] == [(firm_id, patent_id)]
    assert focus() is show.console  # saved: the clicker's keys act again
    press(qtbot, Qt.Key.Key_B)
    assert show.run.blank is Blank.BLACK


def test_a_scan_on_the_console_itself_or_the_display_is_recognised(show, qtbot, db, day) -> None:  # type: ignore[no-untyped-def]
    panel = show.console.capture
    firm_id, badge, patent_id, code = codes(db, day)
    assert focus() is show.console
    scan(qtbot, badge)
    assert panel.field_enterprise.chosen_id == firm_id
    for character in code:  # the audience display has the keyboard
        qtbot.keyClick(show.display, character)
        assert show.run.index == 0 and show.typed == "" and not show.windowed
    qtbot.keyClick(show.display, Qt.Key.Key_Return)
    assert panel.field_patent.chosen_id == patent_id
    assert show.run.index == 0 and show.run.running


def test_the_console_window_has_no_two_shortcuts_on_one_key(show) -> None:  # type: ignore[no-untyped-def]
    from keyboard import ambiguous_shortcuts

    assert ambiguous_shortcuts(show.console) == []


def kind_buttons_fit(console) -> list[str]:  # type: ignore[no-untyped-def]
    """The kind buttons whose text is cut (narrower than their text, or past the form)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QSplitter

    panel = console.capture
    form = panel.findChild(QSplitter).widget(0)
    cut = []
    for button in panel.chooser_kind.buttons:
        right = button.mapTo(form, QPoint(button.width(), 0)).x()
        if button.width() < button.sizeHint().width() or right > form.width():
            cut.append(button.text())
    return cut


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_kind_buttons_are_not_cut_on_a_1024x768_console(
    make_controller, plan, context, day, qtbot, qapp, language
) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.translations import install_translators

    install_translators(qapp, language)
    try:
        context.current_event_id = day.event_id
        panel = CapturePanel(context)
        controller = make_controller(plan, options=NO_CARDS, context=context, capture=panel)
        controller.console.resize(1024, 768)
        controller.console.show()
        qtbot.waitExposed(controller.console)
        controller.console.resize(1024, 768)
        qtbot.wait(1)
        assert controller.console.height() <= 768
        assert kind_buttons_fit(controller.console) == []
        assert "暂无需求" in panel.chooser_kind.buttons[-1].text() or language == "en"
    finally:
        install_translators(qapp, "en")
