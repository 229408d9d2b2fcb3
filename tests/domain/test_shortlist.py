"""The shortlist: every change does what it says, and its inverse puts everything back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from roadshow_desk.domain import shortlist as sl
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Event, Patent, ShortlistEntry, utcnow
from roadshow_desk.store.db import Database

FIELDS = ["新能源", "生物医药", "新能源", "", "智能制造", "生物医药", "新材料"]


def number(serial: int) -> str:
    digits = f"2022{1 + serial % 2}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


@pytest.fixture
def event(db: Database) -> tuple[Database, int, list[int]]:
    with db.session() as session:
        patents = [
            Patent(station="t", application_no=number(n), title=f"专利{n}", technical_field=f)
            for n, f in enumerate(FIELDS)
        ]
        gone = Patent(station="t", application_no=number(99), title="已删除", deleted_at=utcnow())
        fair = Event(name="长三角专利对接会", station="t")
        session.add_all([*patents, gone, fair])
        session.flush()
        ids = [p.id for p in patents]
        sl.add_patents(session, fair.id, ids[:5], station="desk-1")
        sl.set_inclusion(session, fair.id, ids[1], False, "与企业需求不符")
        sl.set_tags(session, fair.id, ids[2], ["重点", "储能"])
        sl.set_presenter_notes(session, fair.id, ids[0], "先讲应用场景")
        return db, fair.id, [*ids, gone.id]


def state(session: Any, event_id: int) -> list[tuple[Any, ...]]:
    """What the organiser sees: order and every setting of the live entries."""
    return [
        (e.patent_id, e.position, e.included, e.exclusion_reason, e.tags, e.presenter_notes)
        for e in sl.live_entries(session, event_id)
    ]


def check_undo_redo(
    database: Database,
    event_id: int,
    do: Callable[[Any], Any],
    undo: Callable[[Any, Any], None],
    expect: Callable[[list[tuple[Any, ...]]], bool | None],
) -> None:
    with database.session() as session:
        before = state(session, event_id)
        result = do(session)
        after = state(session, event_id)
        assert expect(after) in (None, True)  # a bool-returning check must hold too
        assert after != before
    with database.session() as session:
        undo(session, result)
        assert state(session, event_id) == before
    with database.session() as session:  # redo
        do(session)
        assert state(session, event_id) == after
    with database.session() as session:  # and undo again
        undo(session, result)
        assert state(session, event_id) == before


def test_add_at_a_position_and_undo(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event

    def expect(after: list[tuple[Any, ...]]) -> None:
        assert [row[0] for row in after] == [ids[0], ids[6], ids[5], *ids[1:5]]
        assert [row[1] for row in after] == list(range(7))

    check_undo_redo(
        database,
        event_id,
        lambda s: sl.add_patents(s, event_id, [ids[6], ids[5], ids[2], ids[7]], position=1),
        lambda s, added: sl.remove_patents(s, event_id, added),
        expect,
    )
    with database.session() as session:  # one row per patent, revived not duplicated
        count = session.scalar(select(func.count(ShortlistEntry.id)))
        assert count == 7


def test_remove_and_restore_keeps_settings_and_places(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    check_undo_redo(
        database,
        event_id,
        lambda s: sl.remove_patents(s, event_id, [ids[1], ids[3]]),
        lambda s, snapshots: sl.restore_entries(s, event_id, snapshots),
        lambda after: [row[0] for row in after] == [ids[0], ids[2], ids[4]],
    )
    with database.session() as session:
        sl.remove_patents(session, event_id, [ids[2]])
        assert sl.add_patents(session, event_id, [ids[2]]) == [ids[2]]
        revived = sl.entry(session, event_id, ids[2])
        assert revived.tags == "" and revived.position == 4  # a fresh entry at the end


def test_move_by_drag_and_drop_semantics(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event

    def expect(after: list[tuple[Any, ...]]) -> None:
        # rows 3 and 0 dropped on row 2: before the patent that was at row 2
        assert [row[0] for row in after] == [ids[1], ids[0], ids[3], ids[2], ids[4]]

    check_undo_redo(
        database,
        event_id,
        lambda s: sl.move_patents(s, event_id, [ids[3], ids[0]], 2),
        lambda s, previous: sl.set_order(s, event_id, previous),
        expect,
    )
    with database.session() as session:
        sl.move_patents(session, event_id, [ids[0]], 99)
        assert sl.order(session, event_id)[-1] == ids[0]


def test_group_by_field(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    with database.session() as session:
        sl.add_patents(session, event_id, [ids[5], ids[6]])

    def expect(after: list[tuple[Any, ...]]) -> None:
        # 新能源 (0, 2), 生物医药 (1, 5), 智能制造 (4), 新材料 (6), then no field (3)
        assert [row[0] for row in after] == [ids[i] for i in (0, 2, 1, 5, 4, 6, 3)]

    check_undo_redo(
        database,
        event_id,
        lambda s: sl.group_by_field(s, event_id),
        lambda s, previous: sl.set_order(s, event_id, previous),
        expect,
    )
    with database.session() as session:
        groups = sl.groups(session, event_id)
    assert [g.field for g in groups] == ["新能源", "生物医药", "", "智能制造", "新材料"]
    assert groups[0].patent_ids == [ids[0], ids[2]]


def test_include_exclude_with_reason(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    check_undo_redo(
        database,
        event_id,
        lambda s: sl.set_inclusion(s, event_id, ids[0], False, "  权利  不稳定 "),
        lambda s, old: sl.set_inclusion(s, event_id, ids[0], *old),
        lambda after: after[0][2:4] == (False, "权利 不稳定"),
    )
    check_undo_redo(
        database,
        event_id,
        lambda s: sl.set_inclusion(s, event_id, ids[1], True, "ignored"),
        lambda s, old: sl.set_inclusion(s, event_id, ids[1], *old),
        lambda after: after[1][2:4] == (True, ""),
    )


def test_tags(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event

    def expect(after: list[tuple[Any, ...]]) -> None:
        assert after[2][4] == "首发; 储能; 高校"

    check_undo_redo(
        database,
        event_id,
        lambda s: sl.set_tags(s, event_id, ids[2], ["首发", " 储能 ", "首发", "高校，储能"]),
        lambda s, old: sl.set_tags(s, event_id, ids[2], old),
        expect,
    )
    with database.session() as session:
        assert sl.all_tags(session, event_id) == sorted(["储能", "重点"])


def test_presenter_notes(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    check_undo_redo(
        database,
        event_id,
        lambda s: sl.set_presenter_notes(s, event_id, ids[0], "演示样机 3 分钟\n再讲许可方式"),
        lambda s, old: sl.set_presenter_notes(s, event_id, ids[0], old),
        lambda after: after[0][5] == "演示样机 3 分钟\n再讲许可方式",
    )


def test_errors_are_one_sentence(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    with database.session() as session:
        with pytest.raises(sl.ShortlistError, match="not on the shortlist"):
            sl.set_tags(session, event_id, ids[6], ["x"])
        with pytest.raises(sl.ShortlistError, match="no longer exists"):
            sl.add_patents(session, event_id + 100, [ids[0]])
        assert sl.add_patents(session, event_id, [ids[7]]) == []  # a deleted patent
        assert sl.add_patents(session, event_id, [ids[0]]) == []  # already listed
        assert sl.remove_patents(session, event_id, [ids[6]]) == []
        stations = set(session.scalars(select(ShortlistEntry.station)))
    assert stations == {"desk-1"}


def test_adding_counts_what_was_added_and_what_was_not(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id, ids = event
    gone = ids[-1]
    with database.session() as session:
        # two on the list already, one deleted, two new (one asked for twice)
        outcome = sl.add_patents_counted(
            session, event_id, [ids[0], ids[5], ids[3], gone, ids[6], ids[5]]
        )
        assert outcome == sl.Addition(added=[ids[5], ids[6]], already_listed=2, unavailable=1)
        assert sl.order(session, event_id)[-2:] == [ids[5], ids[6]]
