"""A captured intention counts in its patent's score at once: the library shows and sorts it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fairday_data import make_fair_day
from roadshow_desk.domain.enums import IntentionKind
from roadshow_desk.domain.rubric import Criterion, RubricSpec
from roadshow_desk.store.scoring import rescore
from roadshow_desk.ui.capture.panel import CapturePanel
from roadshow_desk.ui.library.model import COLUMN_INDEX
from roadshow_desk.ui.library.page import LibraryPage
from roadshow_desk.ui.workflow import DataKind

PER_INTENTION = RubricSpec().weight(Criterion.ENTERPRISE_INTEREST)


@pytest.fixture
def fair(db):  # type: ignore[no-untyped-def]
    day = make_fair_day(db)
    with db.session() as session:
        rescore(session)
    return day


@pytest.fixture
def library(qtbot, app_context, english, fair) -> LibraryPage:  # type: ignore[no-untyped-def]
    page = LibraryPage(app_context)
    qtbot.addWidget(page)
    page.activate()
    page.model.sort(COLUMN_INDEX["score"], Qt.SortOrder.DescendingOrder)
    return page


def shown_scores(page: LibraryPage) -> dict[int, str]:
    model = page.model
    column = COLUMN_INDEX["score"]
    return {
        model.patent_id(row): model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    }


def top(page: LibraryPage) -> int:
    return page.model.patent_id(0)


def test_capture_rescores_and_undo_restores(qtbot, app_context, fair, library) -> None:  # type: ignore[no-untyped-def]
    target = fair.patent_ids[0]
    assert top(library) != target
    before = shown_scores(library)
    app_context.current_event_id = fair.event_id
    panel = CapturePanel(app_context)
    qtbot.addWidget(panel)
    panel.field_enterprise.set_choice(fair.enterprise_ids[0], "宁德储能")
    panel.field_patent.set_choice(target, "光伏")
    panel.chooser_kind.set_value(IntentionKind.LICENCE)
    assert panel.save()

    after = shown_scores(library)
    assert top(library) == target  # sorted by score, the patent with interest comes first
    assert float(after[target]) == float(before[target]) + PER_INTENTION
    assert {k: v for k, v in after.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }
    app_context.undo_stack.undo()  # un-records it
    assert shown_scores(library) == before
    app_context.undo_stack.redo()
    assert shown_scores(library) == after


def test_editing_the_kind_to_no_demand_lowers_the_score(qtbot, app_context, fair, library) -> None:  # type: ignore[no-untyped-def]
    from roadshow_desk.domain.capture import IntentionDraft
    from roadshow_desk.store.intentions import record_intention
    from roadshow_desk.ui.capture.commands import EditIntentionCommand, RemoveIntentionCommand

    target = fair.patent_ids[-1]
    before = shown_scores(library)
    recorded = record_intention(
        app_context.database,
        IntentionDraft(fair.enterprise_ids[0], target, IntentionKind.TRANSFER),
        station="A",
    )
    app_context.data_changed.emit(DataKind.INTENTION)
    raised = shown_scores(library)
    assert float(raised[target]) == float(before[target]) + PER_INTENTION
    stack = app_context.undo_stack
    changes = {"kind": IntentionKind.NO_DEMAND, "prospect_rating": 4}
    stack.push(EditIntentionCommand(app_context, recorded.id, changes))
    assert shown_scores(library) == before
    stack.undo()
    assert shown_scores(library) == raised
    stack.push(RemoveIntentionCommand(app_context, recorded.id))
    assert shown_scores(library) == before
    stack.undo()
    assert shown_scores(library) == raised
