"""The shortlist page: every change undoable (Ctrl+Z / Ctrl+Shift+Z), the window marked
modified, drag and drop from the library and inside the list, and a sound item model."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from roadshow_desk.domain import shortlist as sl
from roadshow_desk.domain.models import Patent
from roadshow_desk.ui.screening.library import screening_of
from roadshow_desk.ui.shortlist.model import (
    COLUMN,
    PATENT_IDS_MIME,
    SHORTLIST_MIME,
    ShortlistModel,
    encode_ids,
)


@pytest.fixture
def context(qapp, demo_db, ui_settings, english):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.workflow import AppContext

    context = AppContext(demo_db, ui_settings, "desk-7")
    yield context
    context.undo_stack.clear()


@pytest.fixture
def window(qtbot, context):  # type: ignore[no-untyped-def]
    from roadshow_desk.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.show_page("shortlist")
    return window


def state(context: Any) -> list[tuple[Any, ...]]:
    with context.database.session() as session:
        return [
            (e.patent_id, e.included, e.exclusion_reason, e.tags, e.presenter_notes)
            for e in sl.live_entries(session, 1)
        ]


def select_rows(page: Any, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(
        page.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def undo_redo(qtbot, window, before, after) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z restores ``before``, Ctrl+Shift+Z brings back ``after``, as the user sees it."""
    context = window.context
    page = window.page("shortlist")
    assert window.isWindowModified()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: state(context) == before)
    assert page.model.patent_ids() == [row[0] for row in before]
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: state(context) == after)
    assert page.model.patent_ids() == [row[0] for row in after]


def test_the_demo_shortlist_is_shown_in_order(window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    assert page.model.rowCount() == 24
    assert page.model.patent_ids() == [row[0] for row in state(window.context)]
    assert "宁波站" in page.label_event.text()
    assert not window.isWindowModified()


def test_a_deleted_patent_is_shown_as_the_export_and_the_brochure_show_it(  # type: ignore[no-untyped-def]
    window,
) -> None:
    """A patent deleted on another station after it was shortlisted: the page leaves it out,
    as the export and the brochure do (the page showed it before)."""
    from roadshow_desk.documents import data
    from roadshow_desk.domain.models import utcnow
    from roadshow_desk.exchange.export import shortlist_rows

    context = window.context
    page = window.page("shortlist")
    gone = page.model.patent_ids()[1]
    with context.database.session() as session:
        patent = session.get(Patent, gone)
        assert patent is not None
        patent.deleted_at = utcnow()
        session.commit()
        exported = [row[6:] for row in shortlist_rows(session, 1)]
        numbers = dict(session.execute(select(Patent.id, Patent.application_no)).all())
    page.model.reload()
    shown = page.model.patent_ids()
    assert gone not in shown and len(shown) == 23
    assert [numbers[pid] for pid in shown] == [
        next(cell for cell in row if cell in numbers.values()) for row in exported
    ]
    printed = data.load_shortlist(context.database, data.load_event(context.database, 1))
    included = [pid for row, pid in enumerate(shown) if page.model.row_data(row).included]
    assert [p.application_no for p in printed] == [numbers[pid] for pid in included]


def test_add_from_the_library_by_drop_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    page = window.page("shortlist")
    before = state(context)
    listed = {row[0] for row in before}
    with context.database.session() as session:
        others = [p for p in session.scalars(select(Patent.id)) if p not in listed][:3]
    data = encode_ids(PATENT_IDS_MIME, others)
    assert page.model.canDropMimeData(
        data, Qt.DropAction.CopyAction, 2, 0, page.model.index(-1, -1)
    )
    page.model.dropMimeData(data, Qt.DropAction.CopyAction, 2, 0, page.model.index(-1, -1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 27)
    after = state(context)
    assert [row[0] for row in after][2:5] == others
    assert context.undo_stack.undoText() == "Add 3 patents to the shortlist"
    undo_redo(qtbot, window, before, after)


def test_library_action_adds_the_selected_patents(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    library = window.page("library")
    window.show_page("library")
    library.model.reload()
    listed = set(window.page("shortlist").model.patent_ids())
    rows = [r for r in range(library.model.rowCount()) if library.model.patent_id(r) not in listed]
    select_rows(library, rows[:2])
    screening_of(library).add_action.trigger()
    shortlist = window.page("shortlist")
    qtbot.waitUntil(lambda: shortlist.model.rowCount() == 26)
    assert shortlist.model.patent_ids()[-2:] == [library.model.patent_id(r) for r in rows[:2]]


def test_remove_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    before = state(window.context)
    select_rows(page, [0, 5])
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 22)
    after = state(window.context)
    undo_redo(qtbot, window, before, after)


def test_drag_rows_to_reorder_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    before = state(window.context)
    ids = page.model.patent_ids()
    data = page.model.mimeData([page.model.index(3, 0), page.model.index(4, 1)])
    assert data.hasFormat(SHORTLIST_MIME)
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, page.model.index(-1, -1))
    qtbot.waitUntil(lambda: page.model.patent_ids()[:2] == ids[3:5])
    assert page.model.rowCount() == 24
    undo_redo(qtbot, window, before, state(window.context))


def test_move_up_with_the_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    ids = page.model.patent_ids()
    select_rows(page, [2])
    page.up_action.trigger()
    qtbot.waitUntil(lambda: page.model.patent_ids()[1] == ids[2])
    assert page.selected_patent_ids() == [ids[2]]


def test_exclude_with_a_reason_and_include(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    before = state(window.context)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("与企业需求不符", True))
    select_rows(page, [0, 1])
    page.exclude_action.trigger()
    qtbot.waitUntil(lambda: not state(window.context)[0][1])
    after = state(window.context)
    assert after[0][1:3] == (False, "与企业需求不符") and after[1][1:3] == (False, "与企业需求不符")
    assert window.context.undo_stack.undoText() == "Exclude 2 patents"
    undo_redo(qtbot, window, before, after)
    # the check box column includes again
    index = page.model.index(0, COLUMN["included"])
    page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: state(window.context)[0][1:3] == (True, ""))


def test_tags_and_notes_edits_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    before = state(window.context)
    page.model.setData(page.model.index(0, COLUMN["tags"]), "重点，首发; 储能")
    qtbot.waitUntil(lambda: state(window.context)[0][3] == "重点; 首发; 储能")
    after = state(window.context)
    undo_redo(qtbot, window, before, after)

    select_rows(page, [1])
    page.notes.setPlainText("先放样机视频，再讲许可费用")
    page.save_notes()
    qtbot.waitUntil(lambda: state(window.context)[1][4] == "先放样机视频，再讲许可费用")
    assert window.context.undo_stack.undoText() == "Edit presenter's notes"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: state(window.context)[1][4] == before[1][4])
    assert page.notes.toPlainText() == before[1][4]


def test_group_by_field_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    page.model.dropMimeData(
        page.model.mimeData([page.model.index(23, 0)]),
        Qt.DropAction.MoveAction,
        0,
        0,
        page.model.index(-1, -1),
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 24 and window.context.undo_stack.count() == 1)
    before = state(window.context)
    page.group_action.trigger()
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 2)
    fields = [page.model.row_data(r).technical_field for r in range(page.model.rowCount())]
    seen: list[str] = []
    for field in fields:
        if not seen or seen[-1] != field:
            assert field not in seen, f"{field} appears in two groups"
            seen.append(field)
    undo_redo(qtbot, window, before, state(window.context))


def test_undo_back_to_clean_clears_the_modified_mark(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.page("shortlist")
    select_rows(page, [0])
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: window.isWindowModified())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not window.isWindowModified())


def test_models_pass_the_model_tester(qtmodeltester, demo_db, window) -> None:  # type: ignore[no-untyped-def]
    model = ShortlistModel(demo_db)
    model.load(1)
    qtmodeltester.check(model)
    page = window.page("shortlist")
    select_rows(page, [0])
    page.matches.refresh()
    assert page.matches.model.rowCount() > 0
    qtmodeltester.check(page.matches.model)
