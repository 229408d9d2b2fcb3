"""Roadshow sessions: built from the shortlist, reordered, actual times stored."""

from __future__ import annotations

import datetime as dt

import pytest

from fairday_data import make_fair_day
from roadshow_desk.domain.agenda import (
    AgendaError,
    add_slot,
    build_from_shortlist,
    end_slot,
    list_sessions,
    list_slots,
    move_slot,
    planned_total_minutes,
    reorder_slots,
    set_planned_minutes,
    set_slot_deleted,
    start_slot,
)
from roadshow_desk.domain.models import ShortlistEntry


def test_build_from_shortlist_in_one_action(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        excluded = session.query(ShortlistEntry).filter_by(patent_id=day.patent_ids[2]).one()
        excluded.included = False
        created = build_from_shortlist(session, day.event_id, "上午场", planned_minutes=6)
        slots = list_slots(session, created.id)
        assert [s.patent_id for s in slots] == [day.patent_ids[i] for i in (0, 1, 3)]
        assert all(s.institution_id == day.institution_id for s in slots)
        assert all(s.presenter == "王老师" for s in slots)
        assert planned_total_minutes(session, created.id) == 18
        # Built again: only the patents without a slot; none left then.
        excluded.included = True
        second = build_from_shortlist(session, day.event_id, "下午场")
        assert [s.patent_id for s in list_slots(session, second.id)] == [day.patent_ids[2]]
        with pytest.raises(AgendaError, match="no included patent"):
            build_from_shortlist(session, day.event_id, "晚场")
        assert [s.title for s in list_sessions(session, day.event_id)] == ["上午场", "下午场"]


def test_reorder_and_move_and_remove(db) -> None:
    day = make_fair_day(db)
    with db.session() as session:
        created = build_from_shortlist(session, day.event_id, "上午场")
        ids = [s.id for s in list_slots(session, created.id)]
        before = move_slot(session, ids[3], 0)
        assert before == ids
        assert [s.id for s in list_slots(session, created.id)] == [ids[3], ids[0], ids[1], ids[2]]
        reorder_slots(session, created.id, before)  # undo
        assert [s.id for s in list_slots(session, created.id)] == ids
        with pytest.raises(AgendaError):
            reorder_slots(session, created.id, ids[:2])
        set_slot_deleted(session, ids[1], True)
        assert [s.position for s in list_slots(session, created.id)] == [0, 1, 2]
        set_slot_deleted(session, ids[1], False)
        assert len(list_slots(session, created.id)) == 4
        slot = add_slot(session, created.id, day.patent_ids[0], position=1, planned_minutes=5)
        assert [s.id for s in list_slots(session, created.id)][1] == slot.id
        with pytest.raises(AgendaError, match="1 to 240"):
            set_planned_minutes(session, slot.id, 0)


def test_actual_start_and_end(db) -> None:
    day = make_fair_day(db)
    t0 = dt.datetime(2026, 12, 3, 1, 0)
    with db.session() as session:
        created = build_from_shortlist(session, day.event_id, "上午场")
        slot_id = list_slots(session, created.id)[0].id
        start_slot(session, slot_id, t0)
        start_slot(session, slot_id, t0 + dt.timedelta(minutes=2))  # resumed: start kept
        end_slot(session, slot_id, t0 + dt.timedelta(minutes=9))
        slot = list_slots(session, created.id)[0]
        assert (slot.actual_start, slot.actual_end) == (t0, t0 + dt.timedelta(minutes=9))
        other = list_slots(session, created.id)[1].id
        end_slot(session, other, t0)
        assert list_slots(session, created.id)[1].actual_start == t0


def test_removing_a_session_or_a_slot_is_stamped_with_the_station(db) -> None:  # type: ignore[no-untyped-def]
    """A tombstone travels in the station's bundle like any write: it carries the station
    that removed the record (and the one that brought it back)."""
    from roadshow_desk.domain.agenda import set_session_deleted
    from roadshow_desk.domain.models import RoadshowSession, Slot

    day = make_fair_day(db)
    with db.session() as session:
        created = build_from_shortlist(session, day.event_id, "上午场", station="desk A")
        session_id = created.id
        slot_id = list_slots(session, created.id)[0].id
    with db.session() as session:
        set_slot_deleted(session, slot_id, True, station="desk B")
        set_session_deleted(session, session_id, True, station="desk B")
    with db.session() as session:
        slot, roadshow = session.get(Slot, slot_id), session.get(RoadshowSession, session_id)
        assert slot is not None and roadshow is not None
        assert (slot.station, roadshow.station) == ("desk B", "desk B")
        assert slot.deleted_at is not None and roadshow.deleted_at is not None
        set_session_deleted(session, session_id, False, station="desk C")
    with db.session() as session:
        roadshow = session.get(RoadshowSession, session_id)
        assert roadshow is not None and roadshow.station == "desk C"
        assert roadshow.deleted_at is None
