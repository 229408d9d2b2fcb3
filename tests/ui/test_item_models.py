"""Every item model in ui/ passes Qt's model tester, filled with the demo fair.

pytest-qt's ``qtmodeltester`` checks the structure once and then stays attached, so the
reloads after it (a filter changed, the same rows again) are checked too. Both testers run:
Qt's own (``QAbstractItemModelTester``) and pytest-qt's Python one, which also checks the
types of the standard roles (``DisplayRole`` is text). The last test
keeps the list honest: a new model class in ui/ without a check here fails it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from sqlalchemy import select

import roadshow_desk.ui
from roadshow_desk.domain.enums import FollowUpStage
from roadshow_desk.domain.models import Enterprise, Event, Intention, RoadshowSession
from roadshow_desk.ui.capture.today import TodayModel
from roadshow_desk.ui.event.agenda import SlotModel
from roadshow_desk.ui.event.enterprises import EnterpriseModel
from roadshow_desk.ui.followup.page import FollowUpModel
from roadshow_desk.ui.library.model import COLUMN_INDEX, PatentTableModel
from roadshow_desk.ui.matches import MatchModel, MatchSuggestionsView
from roadshow_desk.ui.rows_model import RowsModel
from roadshow_desk.ui.shortlist.model import ShortlistModel
from roadshow_desk.ui.workflow import AppContext

#: Base classes that are never shown themselves: their subclasses are checked instead.
ABSTRACT_BASES: frozenset[type] = frozenset({RowsModel})


def check(qtmodeltester: Any, model: QAbstractItemModel) -> None:
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


@pytest.fixture
def context(qapp, demo_db, ui_settings):  # type: ignore[no-untyped-def]
    context = AppContext(demo_db, ui_settings, "test-station")
    yield context
    context.undo_stack.clear()


@pytest.fixture
def event_id(demo_db) -> int:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        return int(session.scalars(select(Event.id).order_by(Event.id)).first() or 0)


def check_slots(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    with context.database.session() as session:
        session_ids = list(
            session.scalars(
                select(RoadshowSession.id)
                .where(RoadshowSession.event_id == event_id)
                .order_by(RoadshowSession.position)
            )
        )
    assert len(session_ids) >= 2
    model = SlotModel(context)
    model.session_id = session_ids[0]
    model.reload()
    assert model.rowCount() > 0
    check(qtmodeltester, model)
    model.reload()  # the same slots: updated in place
    model.session_id = session_ids[1]
    model.reload()  # other slots: reset
    assert model.rowCount() > 0
    model.session_id = None
    model.reload()
    assert model.rowCount() == 0


def check_enterprises(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    model = EnterpriseModel(context.database)
    model.event_id = event_id
    model.reload()
    assert model.rowCount() > 0
    assert any(model.index(row, 5).data() for row in range(model.rowCount()))  # sign-ups
    check(qtmodeltester, model)
    model.reload()
    model.text = model.index(0, 0).data()[:2]
    model.reload()
    assert model.rowCount() > 0
    model.text = "no firm is called this"
    model.reload()
    assert model.rowCount() == 0


def check_followups(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    model = FollowUpModel(context.database)
    model.filters = {"event_id": event_id, "today": dt.date(2026, 11, 20)}
    model.reload()
    assert model.rowCount() > 0
    check(qtmodeltester, model)
    model.reload()
    model.filters = {**model.filters, "overdue": True}
    model.reload()
    model.filters = {**model.filters, "overdue": False, "stages": [FollowUpStage.CONTACTED]}
    model.reload()
    assert model.rowCount() > 0
    assert {row.stage for row in model.rows} == {FollowUpStage.CONTACTED}


def check_today(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    with context.database.session() as session:
        captured = session.scalars(
            select(Intention.captured_at).where(Intention.event_id == event_id).limit(1)
        ).one()
    model = TodayModel(context.database)
    model.event_id = event_id
    model.day = captured.date()
    model.reload()
    assert model.rowCount() > 0
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    check(qtmodeltester, model)
    model.reload()
    model.day = dt.date(2000, 1, 1)
    model.reload()
    assert model.rowCount() == 0


def check_library(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    model = PatentTableModel(context.database, batch_size=20, page_size=10)
    model.reload()
    assert model.rowCount() > 0
    check(qtmodeltester, model)
    model.sort(COLUMN_INDEX["title"], Qt.SortOrder.DescendingOrder)
    model.reload()


def check_shortlist(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    model = ShortlistModel(context.database)
    model.load(event_id)
    assert model.rowCount() > 0
    check(qtmodeltester, model)
    model.reload()
    model.load(None)
    assert model.rowCount() == 0


def check_matches(qtmodeltester: Any, context: AppContext, event_id: int) -> None:
    view = MatchSuggestionsView(context.database)
    with context.database.session() as session:
        enterprise_ids = list(session.scalars(select(Enterprise.id).order_by(Enterprise.id)))
    for enterprise_id in enterprise_ids:
        view.show_enterprise(enterprise_id)
        view.refresh()
        if view.model.rowCount() > 0:
            break
    assert view.model.rowCount() > 0
    check(qtmodeltester, view.model)
    patent_id = view.model.record_id(0)
    view.show_patent(patent_id)
    view.refresh()
    assert view.model.rowCount() > 0  # the enterprise it was suggested to, at least
    view.deleteLater()


CHECKS: dict[type, Callable[[Any, AppContext, int], None]] = {
    SlotModel: check_slots,
    EnterpriseModel: check_enterprises,
    FollowUpModel: check_followups,
    TodayModel: check_today,
    PatentTableModel: check_library,
    ShortlistModel: check_shortlist,
    MatchModel: check_matches,
}


@pytest.mark.parametrize("model_class", list(CHECKS), ids=lambda cls: cls.__name__)
def test_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, context, event_id, model_class
) -> None:
    CHECKS[model_class](qtmodeltester, context, event_id)


def model_classes_in_ui() -> set[type]:
    """Every QAbstractItemModel subclass defined in a module of roadshow_desk.ui."""
    found: set[type] = set()
    for info in pkgutil.walk_packages(roadshow_desk.ui.__path__, "roadshow_desk.ui."):
        module = importlib.import_module(info.name)
        for _name, member in inspect.getmembers(module, inspect.isclass):
            if issubclass(member, QAbstractItemModel) and member.__module__ == module.__name__:
                found.add(member)
    return found


def test_every_model_in_ui_is_checked() -> None:
    found = model_classes_in_ui()
    assert found >= ABSTRACT_BASES
    missing = sorted(cls.__qualname__ for cls in found - ABSTRACT_BASES - set(CHECKS))
    assert not missing, f"item models without a qtmodeltester check here: {missing}"
