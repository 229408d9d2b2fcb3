"""Search box, facets, score breakdown and matches on the library page; the rubric dialog."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import func, select

from roadshow_desk.domain.models import Patent, Rubric
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.store.facets import Facet
from roadshow_desk.store.search import search_ids
from roadshow_desk.ui.screening.library import screening_of
from roadshow_desk.ui.screening.rubric_dialog import RubricDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def context(qapp, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-1")
    yield context
    context.undo_stack.clear()


@pytest.fixture
def window(qtbot, context):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.show_page("library")
    qtbot.waitUntil(lambda: screening_of(window.page("library"))._shown)
    return window


def facet_item(page: Any, facet: Facet, key: Any) -> Any:
    tree = screening_of(page).facets
    for top in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(top)
        for child in range(item.childCount()):
            leaf = item.child(child)
            if (
                leaf.data(0, Qt.ItemDataRole.UserRole + 1) == facet.value
                and leaf.data(0, Qt.ItemDataRole.UserRole + 2) == key
            ):
                return leaf
    raise AssertionError(f"no {facet} {key}")


def test_typing_searches_once_per_pause(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    applied: list[int] = []
    screening_of(page).applied.connect(applied.append)
    for character in "电池":  # two keystrokes (as an input method types them), one search
        screening_of(page).search_box.insert(character)
    qtbot.waitUntil(lambda: len(applied) == 1)
    qtbot.wait(400)
    assert len(applied) == 1
    with window.context.database.session() as session:
        expected = search_ids(session, "电池", limit=0)
    assert 0 < len(expected) < 60
    assert page.model.total == len(expected) == applied[0]
    shown = {page.model.patent_id(row) for row in range(page.model.rowCount())}
    assert shown == set(expected)  # in the table's own order (its sort column)


def test_facets_narrow_the_table_and_count(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    invention = facet_item(page, Facet.TYPE, "invention")
    count = int(invention.text(1))
    invention.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: page.model.total == count)
    with window.context.database.session() as session:
        inventions = session.scalar(
            select(func.count(Patent.id)).where(Patent.patent_type == "invention")
        )
    assert count == inventions
    assert facet_item(page, Facet.TYPE, "invention").checkState(0) == Qt.CheckState.Checked
    # the other types still show what ticking them would add
    assert int(facet_item(page, Facet.TYPE, "utility_model").text(1)) == 60 - inventions
    screening_of(page).clear_button.click()
    qtbot.waitUntil(lambda: page.model.total == 60)


def test_detail_pane_shows_breakdown_and_firms_to_invite(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    pane = screening_of(page).pane
    with window.context.database.session() as session:
        patent_id = session.scalar(select(Patent.id).where(Patent.title.contains("储能电池柜")))
    assert page.select_patent(patent_id)
    with window.context.database.session() as session:
        stored = session.scalar(select(Patent.score).where(Patent.id == patent_id))
    text = pane.label_score.text()
    assert text.startswith(f"Score {stored:g}: ") and "+10 granted" in text
    qtbot.waitUntil(lambda: pane.matches.model.rowCount() > 0)
    reasons = pane.matches.model.index(0, 2).data()
    assert "shared:" in reasons or "IPC" in reasons


def test_rubric_dialog_previews_applies_and_names(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    context = window.context
    with context.database.session() as session:
        patent_id = session.scalar(select(Patent.id).where(Patent.patent_type == "invention"))
    dialog = RubricDialog(context, patent_id, window)
    qtbot.addWidget(dialog)
    before = dialog.label_patent.text()
    assert "+15 invention" in dialog.label_breakdown.text()
    dialog.points[Criterion.INVENTION].setValue(40)
    qtbot.waitUntil(lambda: "+40 invention" in dialog.label_breakdown.text())
    assert dialog.label_patent.text() != before
    with context.database.session() as session:  # nothing written by the preview
        assert session.scalar(select(Patent.score).where(Patent.id == patent_id)) is not None
        old_score = session.scalar(select(Patent.score).where(Patent.id == patent_id))
    with qtbot.waitSignal(dialog.rescored, timeout=10_000):
        assert dialog.apply()
    with context.database.session() as session:
        new_score = session.scalar(select(Patent.score).where(Patent.id == patent_id))
        active = session.scalar(select(Rubric).where(Rubric.is_active.is_(True)))
        assert RubricSpec.from_json(active.weights).weight(Criterion.INVENTION) == 40
    assert new_score == old_score + 25
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("宽松方案", True))
    dialog.save_as()
    assert dialog.combo_rubric.count() == 2 and dialog.combo_rubric.currentText() == "宽松方案"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_rubric()
    assert dialog.combo_rubric.count() == 1
    dialog.set_spec(RubricSpec())
    assert dialog.points[Criterion.INVENTION].value() == 15
    assert page is not None


def patent_scores(context: Any) -> dict[int, Any]:
    from roadshow_desk.domain.models import PatentScore

    with context.database.session() as session:
        return dict(session.execute(select(PatentScore.patent_id, PatentScore.score)).all())


def apply_button(dialog: RubricDialog) -> Any:
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)


def test_apply_rescores_on_a_worker_while_the_window_runs(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Apply rescores off the GUI thread: a timer of the window fires while a slice of the
    library is being rescored (on the GUI thread the slice would wait for it in vain)."""
    import threading

    from PySide6.QtCore import QTimer

    from roadshow_desk.store import rubrics, scoring

    context = window.context
    real = scoring.rescore
    ticked = threading.Event()
    calls: list[tuple[bool, bool]] = []

    def rescore(*args: Any, **kwargs: Any) -> int:
        on_gui_thread = threading.current_thread() is threading.main_thread()
        calls.append((on_gui_thread, ticked.wait(5)))
        return real(*args, **kwargs)

    monkeypatch.setattr(rubrics.scoring, "rescore", rescore)
    monkeypatch.setattr(rubrics, "RESCORE_STEP", 40)
    dialog = RubricDialog(context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.points[Criterion.INVENTION].setValue(40)
    timer = QTimer(dialog)
    timer.setInterval(10)
    timer.timeout.connect(ticked.set)
    with qtbot.waitSignal(dialog.rescored, timeout=20_000):
        qtbot.mouseClick(apply_button(dialog), Qt.MouseButton.LeftButton)
        timer.start()
        assert not apply_button(dialog).isEnabled()  # no second Apply while it runs
    assert len(calls) > 1
    assert calls[0] == (False, True)
    assert apply_button(dialog).isEnabled()
    with context.database.session() as session:
        active = session.scalar(select(Rubric).where(Rubric.is_active.is_(True)))
        assert RubricSpec.from_json(active.weights).weight(Criterion.INVENTION) == 40


def test_cancel_while_rescoring_keeps_the_old_rubric_and_scores(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from roadshow_desk.store import rubrics, scoring

    context = window.context
    before = patent_scores(context)
    with context.database.session() as session:
        old_rubric = session.scalar(select(Rubric.weights).where(Rubric.is_active.is_(True)))
    real = scoring.rescore
    clicked = threading.Event()
    slices: list[int] = []

    def rescore(*args: Any, **kwargs: Any) -> int:
        slices.append(len(kwargs["patent_ids"]))
        clicked.wait(0.25)  # a large library: each slice takes a while
        return real(*args, **kwargs)

    monkeypatch.setattr(rubrics.scoring, "rescore", rescore)
    monkeypatch.setattr(rubrics, "RESCORE_STEP", 5)
    dialog = RubricDialog(context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.points[Criterion.INVENTION].setValue(40)
    qtbot.mouseClick(apply_button(dialog), Qt.MouseButton.LeftButton)
    progress = dialog.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    rescored: list[int] = []
    dialog.rescored.connect(rescored.append)
    with qtbot.waitSignal(dialog.task.cancelled, timeout=10_000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.set()
    assert 1 <= len(slices) < len(before) / 5  # it stopped part of the way through
    assert patent_scores(context) == before
    with context.database.session() as session:
        assert (
            session.scalar(select(Rubric.weights).where(Rubric.is_active.is_(True))) == old_rubric
        )
    assert rescored == []
    qtbot.waitUntil(lambda: apply_button(dialog).isEnabled())
    assert dialog.isVisible()


def test_facet_and_match_models_pass_the_tester(qtmodeltester, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    page.select_patent(page.model.patent_id(0))
    screening_of(page).pane.matches.refresh()
    qtmodeltester.check(screening_of(page).pane.matches.model)
    qtmodeltester.check(page.model)


def select_rows_by_clicking(qtbot, table, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Click the first row, Ctrl+click the others, as a person picks several rows."""
    for number, row in enumerate(rows):
        index = table.model().index(row, 1)
        table.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center()
        )


def test_add_to_shortlist_says_what_was_added(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain import shortlist
    from roadshow_desk.domain.events import latest_event

    page = window.page("library")
    table = page.table
    qtbot.waitUntil(lambda: page.model.rowCount() >= 4)
    ids = [page.model.patent_id(row) for row in range(4)]
    with window.context.database.session() as session:
        event = latest_event(session)
        assert event is not None
        shortlist.add_patents(session, event.id, ids[:2])
        shortlist.remove_patents(session, event.id, ids[2:])
    select_rows_by_clicking(qtbot, table, [0, 1, 2, 3])
    assert set(page.selected_patent_ids()) == set(ids)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_L, CTRL_SHIFT)
    status = window.statusBar().currentMessage()
    assert status == "2 patents put on the shortlist. 2 already on it."
    qtbot.keyClick(table, Qt.Key.Key_L, CTRL_SHIFT)
    status = window.statusBar().currentMessage()
    assert status == "Nothing added to the shortlist. 4 already on it."


def test_add_to_shortlist_without_an_event_says_only_to_create_one(  # type: ignore[no-untyped-def]
    qtbot, context, monkeypatch
) -> None:
    from roadshow_desk.domain.events import list_events
    from roadshow_desk.domain.records import set_deleted
    from roadshow_desk.ui.main_window import MainWindow

    with context.database.session() as session:
        for event in list_events(session):
            set_deleted(event, True, station="desk-1")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("library")
    page = window.page("library")
    qtbot.waitUntil(lambda: screening_of(page)._shown and page.model.rowCount() >= 2)
    said: list[str] = []
    context.status_message.connect(said.append)
    select_rows_by_clicking(qtbot, page.table, [0, 1])
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL_SHIFT)
    assert told == ["Create the event first (on the event page)."]
    assert said == []


def test_escape_clears_the_search_box_and_its_filter(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    screening = screening_of(page)
    box = screening.search_box
    everything = page.model.total
    box.setFocus()
    assert box.hasFocus()
    for character in "电池":  # as an input method commits them
        box.insert(character)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total < everything)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    qtbot.waitUntil(lambda: page.model.total == everything)
    assert not screening.clear_button.isEnabled()
    # Empty: Esc is nobody's business here; the box, the page and the window stay.
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.isVisible() and box.isVisible() and box.hasFocus()
    assert window.current_page() is page and page.model.total == everything


def click_item(qtbot, tree, item, column: int = 0, where: str = "name") -> None:  # type: ignore[no-untyped-def]
    rect = tree.visualItemRect(item)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    if column == 1:
        x = tree.header().sectionViewportPosition(1) + tree.header().sectionSize(1) // 2
    elif where == "checkbox":
        x = (
            rect.left()
            + tree.style().pixelMetric(tree.style().PixelMetric.PM_IndicatorWidth) // 2
            + 3
        )
    else:  # the middle of the value's name, well right of its checkbox
        x = rect.left() + 60
    point = rect.center()
    point.setX(x)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_facet_value_name_or_pressing_space_toggles_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("library")
    tree = screening_of(page).facets
    everything = page.model.total
    invention = facet_item(page, Facet.TYPE, "invention")
    count = int(invention.text(1))
    assert 0 < count < everything
    click_item(qtbot, tree, invention)
    qtbot.waitUntil(lambda: page.model.total == count)
    invention = facet_item(page, Facet.TYPE, "invention")
    assert invention.checkState(0) == Qt.CheckState.Checked
    click_item(qtbot, tree, invention, column=1)  # its count untoggles it too
    qtbot.waitUntil(lambda: page.model.total == everything)
    invention = facet_item(page, Facet.TYPE, "invention")
    assert invention.checkState(0) == Qt.CheckState.Unchecked
    # The keyboard: the value is current, Space ticks it, Space again unticks it.
    assert tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.total == count)
    assert facet_item(page, Facet.TYPE, "invention").checkState(0) == Qt.CheckState.Checked
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.total == everything)
    # The checkbox itself still toggles once, not twice.
    click_item(qtbot, tree, facet_item(page, Facet.TYPE, "invention"), where="checkbox")
    qtbot.waitUntil(lambda: page.model.total == count)
    qtbot.wait(100)
    assert page.model.total == count
