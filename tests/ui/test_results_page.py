"""The Results page, driven as a person does: switching event and period, clicking a bar of
the chart to list its intentions, and the page updating after an intention is saved
elsewhere."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from roadshow_desk.domain.models import Event, Intention
from roadshow_desk.ui.results.page import PERIOD, ResultsPage
from roadshow_desk.ui.workflow import DataKind


@pytest.fixture
def page(qtbot, qapp, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "test-station")
    widget = ResultsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10000)
    return widget


def _count(demo_db, where: str) -> int:  # type: ignore[no-untyped-def]
    with sqlite3.connect(demo_db.engine.url.database) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM intention WHERE {where}").fetchone()[0]


def test_figures_then_a_period_by_keyboard(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    live = "event_id = 1 AND deleted_at IS NULL AND kind != 'no_demand'"
    assert page.figure_values["intentions"].text() == str(_count(demo_db, live))
    # Choose "All events in a period" with the keyboard, then type the first day.
    page.scope.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert page.scope.currentData() == PERIOD
    assert page.date_from.isEnabled()
    page.date_from.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "2030-01-01")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert "No event starts" in page.problem.text()
    assert page.figure_values["intentions"].text() == "–"
    page.date_from.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "2026-01-01")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert page.problem.text() == ""
    assert page.figure_values["events"].text() == "1"


def test_clicking_a_bar_lists_its_intentions(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    page.chart_choice.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)  # the first chart: by kind
    assert page.chart_choice.currentData() == "kind"
    assert page.list_title.text() == "Click a bar to list the intentions behind it."
    _click_bar(qtbot, page, 0)  # transfer, the first kind
    expected = _count(demo_db, "event_id = 1 AND deleted_at IS NULL AND kind = 'transfer'")
    assert page.listing.rowCount() == expected > 0
    assert f"{expected} intention" in page.list_title.text()


def test_updates_after_an_intention_is_saved_elsewhere(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    before = int(page.figure_values["intentions"].text())
    with demo_db.session() as session:
        model = session.get(Intention, 1)
        session.add(
            Intention(
                event_id=1,
                enterprise_id=model.enterprise_id,
                patent_id=model.patent_id,
                kind=model.kind,
                captured_at=dt.datetime(2026, 9, 25, 3),
            )
        )
        session.commit()
    page.context.data_changed.emit(DataKind.INTENTION)
    qtbot.waitUntil(
        lambda: page.figure_values["intentions"].text() == str(before + 1), timeout=10000
    )


def test_switching_event(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        session.add(Event(name="第二场", starts_on=dt.date(2026, 11, 1)))
        session.commit()
    page.context.event_changed.emit(1)
    qtbot.waitUntil(lambda: page.scope.findText("第二场") >= 0, timeout=5000)
    assert page.scope.findText("第二场") == 0  # the latest event first
    page.scope.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert page.scope.currentText() == "第二场"
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert page.figure_values["intentions"].text() == "0"


SIGNED = "('contract_signed', 'transfer_registered', 'licence_filed')"


def _click_bar(qtbot, page, index: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)  # the chart drawn on the worker
    point = page.canvas.bar_center(index).toPoint()
    QTest.mouseClick(page.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _open_signed_step(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.chart_choice.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)  # the last chart: the funnel
    assert page.chart_choice.currentData() == "funnel"
    _click_bar(qtbot, page, 6)  # shortlisted, presented, intention, contacted, …, contract signed


def test_clicking_a_funnel_step_lists_its_intentions(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    signed = _count(
        demo_db,
        "event_id = 1 AND deleted_at IS NULL AND kind != 'no_demand' AND "
        f"(stage IN {SIGNED} OR id IN (SELECT intention_id FROM follow_up_entry "
        f"WHERE deleted_at IS NULL AND to_stage IN {SIGNED}))",
    )
    _open_signed_step(qtbot, page)
    assert page.listing.rowCount() == signed > 0
    assert page.list_title.text().startswith("Contract signed")
    assert f"{signed} intention" in page.list_title.text()


def test_write_up_a_selected_signed_intention(qtbot, page, demo_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import docx
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    page.case_action.trigger()  # nothing selected yet: one sentence, no dialog
    assert told == ["Select a signed intention in the list first."]
    _open_signed_step(qtbot, page)
    page.listing.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the first row: latest stage
    intention_id = page.selected_intention()
    assert intention_id is not None
    with demo_db.session() as session:
        intention = session.get(Intention, intention_id)
        phone = intention.contact_phone
        amount = f"{intention.deal_amount:,.2f}"
    out = tmp_path / "case"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.case_action.trigger()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)  # written on a worker
    assert told == ["Select a signed intention in the list first."]
    document = docx.Document(str(tmp_path / "case.docx"))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert amount in text
    assert not phone or phone not in text  # contacts are left out unless ticked
    assert (tmp_path / "case.pdf").read_bytes().startswith(b"%PDF")
    # Ticked: the case carries the phone.
    page.contacts.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.contacts.isChecked()
    page.case_action.trigger()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    document = docx.Document(str(tmp_path / "case.docx"))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert phone and phone in text


def test_report_contacts_only_when_ticked(qtbot, page, demo_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with demo_db.session() as session:
        phones = {
            i.contact_phone
            for i in session.query(Intention).filter(Intention.event_id == 1)
            if i.contact_phone
        }
    assert phones

    def cells() -> set[str]:
        book = load_workbook(out, read_only=True)
        found = {str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r}
        book.close()
        return found

    assert not page.contacts.isChecked()  # off by default
    page.export_action.trigger()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)  # written on a worker
    found = cells()
    assert not phones & found
    assert "Contact persons and phone numbers are left out of this report." in found
    page.contacts.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert phones & cells()


def test_charts_are_drawn_off_the_gui_thread(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    import roadshow_desk.ui.results.page as module

    threads: list[threading.Thread] = []
    real = module.render_chart

    def recording(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(module, "render_chart", recording)
    page.chart_choice.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the next chart: by field
    assert page.chart_choice.currentData() == "field"
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert threads and threading.main_thread() not in threads
    assert len(page.canvas.picture.bars) == min(15, len(page.tables["field"].rows))
    # A bigger window gets a picture of its new size, drawn on the worker too.
    page.resize(1200, 900)
    qtbot.waitUntil(lambda: page.canvas.picture.size == page.canvas.size(), timeout=10000)
    assert threading.main_thread() not in threads


def test_an_unsigned_intention_is_no_case(qtbot, page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.docx"), "")
    )
    page.chart_choice.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)  # the funnel
    _click_bar(qtbot, page, 2)  # with an intention: every stage, the newest last
    page.listing.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.listing.item(page.listing.currentRow(), 4).text() == "New"
    page.case_action.trigger()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert told == ["Only an intention with a signed contract can be a typical case."]
    assert not (tmp_path / "x.docx").exists()


def test_clicking_a_region_bar_lists_the_intentions_recorded_there(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.exchange.bundle_regions import set_station_region

    # Desk A records for the event's first partner region; desk B has none (the host's).
    set_station_region(demo_db, "A", "湖北省武汉市")
    page.context.data_changed.emit(DataKind.BUNDLE_SETTINGS)  # as File ▸ Station region… does
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    page.chart_choice.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    for _step in range(4):  # kind, field, institution, enterprise type, region
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert page.chart_choice.currentData() == "region"
    live = "event_id = 1 AND deleted_at IS NULL AND kind != 'no_demand'"
    with sqlite3.connect(demo_db.engine.url.database) as connection:
        at = {
            desk: {
                i for (i,) in connection.execute(f"SELECT id FROM intention WHERE {live} AND {w}")
            }
            for desk, w in (("host", "captured_station != 'A'"), ("A", "captured_station = 'A'"))
        }
    assert at["host"] and at["A"]
    for bar, (region, desk) in enumerate((("浙江省宁波市", "host"), ("湖北省武汉市", "A"))):
        _click_bar(qtbot, page, bar)  # the event's own region first, then its first partner
        assert page.list_title.text().startswith(region)
        assert set(page._listed_ids) == at[desk]
        assert page.listing.rowCount() == len(at[desk])


def test_the_bars_start_just_after_the_longest_label(qapp) -> None:  # type: ignore[no-untyped-def]
    """Short labels leave no empty band at the chart's left; long ones are not cut."""
    from roadshow_desk.domain.results_tables import ResultTable
    from roadshow_desk.ui.results.chart_view import render_chart

    def plot_left(labels: list[str]) -> float:
        rows = [[label, number + 1] for number, label in enumerate(labels)]
        table = ResultTable("kind", "By kind", "kind", ["Kind", "Intentions"], rows, chart=1)
        return render_chart(table, 1200, 400, 1.0).bars[0].left()

    short = plot_left(["转让", "许可"])
    long = plot_left(["中国科学院宁波材料技术与工程研究所", "许可"])
    assert short < 0.1 * 1200  # was a third of the width whatever the labels
    assert long > 17 * 13  # the 17 characters of the long label fit (13.9 px each)


def test_no_chart_is_drawn_while_the_page_is_hidden(
    qtbot, demo_db, ui_settings, english, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """At start-up, on a resize or a grab of the window (a shot), the hidden Results page
    draws nothing (matplotlib's first chart costs a second of a worker's time, and in the
    frozen build it warned of its missing 3-D axes in a shot of the library); it draws once
    it is shown."""
    import roadshow_desk.ui.results.page as module
    from roadshow_desk.ui.main_window import MainWindow
    from roadshow_desk.ui.workflow import AppContext

    drawn: list[int] = []
    real = module.render_chart

    def counting(*args):  # type: ignore[no-untyped-def]
        drawn.append(1)
        return real(*args)

    monkeypatch.setattr(module, "render_chart", counting)
    context = AppContext(demo_db, ui_settings, "desk-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("library")
    qtbot.wait(400)
    window.resize(1400, 900)
    window.grab()  # sends the hidden pages their pending resize events
    qtbot.wait(400)
    assert drawn == []
    window.show_page("results")
    page = window.page("results")
    qtbot.waitUntil(lambda: bool(page.canvas.picture and page.canvas.picture.bars), timeout=10000)
    assert drawn
    context.undo_stack.clear()


def test_a_renamed_or_removed_event_leaves_the_scope_list(qtbot, page, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The visible page re-reads the events when an event changes (another page renamed
    it, or the undo of its creation removed it), not only when the current one changes."""
    with demo_db.session() as session:
        event = session.get(Event, 1)
        event.name = "改名后的对接会"
        session.commit()
    page.context.data_changed.emit(DataKind.EVENT)
    qtbot.waitUntil(lambda: page.scope.findText("改名后的对接会") >= 0, timeout=5000)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)


def test_a_page_closed_while_its_figures_are_computed_gets_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_db, ui_settings, english, monkeypatch
) -> None:
    """Another desk's intention makes the page recompute; the window closes (the page is
    deleted) before the worker is done. The worker's figures go nowhere, without an error: it
    used to emit them into the deleted page's object from its thread."""
    import threading

    import shiboken6
    from PySide6.QtWidgets import QWidget

    from roadshow_desk.ui.results import page as page_module
    from roadshow_desk.ui.workflow import AppContext

    window = QWidget()
    qtbot.addWidget(window)
    context = AppContext(demo_db, ui_settings, "test-station")
    page = ResultsPage(context, window)
    window.show()
    page.activate()
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    gate, started, computed = threading.Event(), threading.Event(), threading.Event()
    compute = page_module.compute_results

    def slow_compute(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        gate.wait(5)
        try:
            return compute(*args, **kwargs)
        finally:
            computed.set()

    monkeypatch.setattr(page_module, "compute_results", slow_compute)
    context.data_changed.emit(DataKind.INTENTION)
    assert started.wait(5)
    shiboken6.delete(page)  # closed with the window
    gate.set()
    assert computed.wait(5)
    qtbot.wait(200)  # the worker hands its figures over; they arrive now
    assert errors == []


def test_a_case_is_suggested_a_chinese_name_in_the_chinese_ui(  # type: ignore[no-untyped-def]
    qtbot, qapp, page, demo_db, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from roadshow_desk.domain.models import Enterprise, Patent
    from roadshow_desk.ui.translations import install_translators

    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return "", ""  # the person cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    install_translators(qapp, "zh_CN")
    try:
        _open_signed_step(qtbot, page)
        page.listing.setFocus()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        intention_id = page.selected_intention()
        assert intention_id is not None
        with demo_db.session() as session:
            intention = session.get(Intention, intention_id)
            firm = session.get(Enterprise, intention.enterprise_id).name
            title = session.get(Patent, intention.patent_id).title
        page.case_action.trigger()
    finally:
        install_translators(qapp, "en")
    assert len(asked) == 1
    name = asked[0]
    assert name.startswith(f"典型案例-{firm}-") and name.endswith(".docx")
    assert title[:10] in name
    assert not set(name) & set('\\/:*?"<>|')
